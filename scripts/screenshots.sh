#!/usr/bin/env bash
# Takes the README's screenshots from the real window, on a virtual display
# of its own (scripts/xvfb.sh), never on yours:
#   scripts/screenshots.sh BIN OUTDIR
set -euo pipefail
if [ "${1:-}" != --on-own-display ]; then
  exec env XVFB_SCREEN=1280x800x24 "$(dirname "$0")/xvfb.sh" "$0" --on-own-display "$@"
fi
shift
bin=$(realpath "$1"); out=$(realpath -m "$2")
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LANG=en_US.UTF-8 LANGUAGE=en XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data

shot() { sleep "${2:-1}"; import -window root -crop 1200x780+0+0 +repage "$out/$1.png"; echo "$out/$1.png"; }
start() { "$bin" "$@" 2>/dev/null & app=$!; xdotool search --sync --onlyvisible --name '^stratplan' >/dev/null; sleep 2; }
quit() { xdotool key ctrl+q; wait $app 2>/dev/null || true; }
# edit_first_strength PLAN TEXT: rewrite the first strength with the keyboard.
edit_first_strength() {
  start "$1"; xdotool key ctrl+5; sleep 0.5; xdotool key Tab; sleep 0.2; xdotool key Return; sleep 0.5
  xdotool key ctrl+a; xdotool type --delay 10 "$2"; xdotool key Return; sleep 0.5; quit
}

# First run: the welcome screen.
start; shot welcome 0; quit

# The example plan, step by step.
"$bin" new "$tmp/example.stratplan" --example >/dev/null
start "$tmp/example.stratplan"; shot workshop 0
xdotool key ctrl+5
xdotool type --delay 30 "Experienced trainers in Abidjan and Douala"
xdotool key Return
shot swot
xdotool key ctrl+2; shot survey
xdotool key ctrl+3; shot vision
xdotool key ctrl+4; shot scan
xdotool key ctrl+6; shot priorities
xdotool key ctrl+7; shot actions
xdotool key ctrl+8; shot indicators
xdotool key ctrl+9; shot planned-step
quit

# Two laptops change the same strength; the Secretariat imports the region's bundle.
cp "$tmp/example.stratplan" "$tmp/region.stratplan"
edit_first_strength "$tmp/region.stratplan" "Risk engines deployed in every Sahel administration"
edit_first_strength "$tmp/example.stratplan" "Risk management engines in most administrations (AfCFTA ready)"
"$bin" export "$tmp/region.stratplan" --bundle "$tmp/wca.json" --sign >/dev/null
start "$tmp/example.stratplan"
xdotool key ctrl+i; sleep 1; shot import-empty 0
xdotool key Escape; sleep 0.5
quit
"$bin" import "$tmp/example.stratplan" "$tmp/wca.json" >/dev/null
start "$tmp/example.stratplan"
xdotool key ctrl+5; shot swot-conflict
xdotool mousemove 100 492 click 1; shot conflicts
quit
