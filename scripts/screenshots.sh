#!/usr/bin/env bash
# Takes the README's screenshots from the real window, on a 1366×768
# virtual display of its own (scripts/xvfb.sh), never on yours:
#   scripts/screenshots.sh BIN OUTDIR
set -euo pipefail
if [ "${1:-}" != --on-own-display ]; then
  exec env XVFB_SCREEN=1366x768x24 "$(dirname "$0")/xvfb.sh" "$0" --on-own-display "$@"
fi
shift
bin=$(realpath "$1"); out=$(realpath -m "$2")
mkdir -p "$out"
tmp=$(mktemp -d)
app=
trap 'kill $app 2>/dev/null || true; sleep 0.5; rm -rf "$tmp"' EXIT
export LANG=en_US.UTF-8 LANGUAGE=en XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data

# The window opens 80 pixels shorter than the screen (for a title bar and
# a task bar); presentation mode takes the whole screen.
window=1366x688+0+0
shot() { sleep "${2:-1}"; import -window root -crop "${3:-$window}" +repage "$out/$1.png"; echo "$out/$1.png"; }
full() { shot "$1" "${2:-1.5}" 1366x768+0+0; }
start() {
  "$bin" "$@" 2>/dev/null & app=$!
  win=$(xdotool search --sync --onlyvisible --name '^stratplan' | head -1)
  xdotool windowfocus --sync "$win"; sleep 2
}
quit() { xdotool key ctrl+q; wait $app 2>/dev/null || true; }
# prefs KEY VALUE...: the app's settings for the next start (size, appearance).
prefs() {
  mkdir -p "$XDG_CONFIG_HOME/fyne/org.stratplan.app"
  printf '{%s}\n' "$*" > "$XDG_CONFIG_HOME/fyne/org.stratplan.app/preferences.json"
}
# edit_first_strength PLAN TEXT: rewrite the first strength with the keyboard.
edit_first_strength() {
  start "$1"; xdotool key ctrl+5; sleep 0.5; xdotool key Tab; sleep 0.2; xdotool key Return; sleep 0.5
  xdotool key ctrl+a; xdotool type --delay 10 "$2"; xdotool key Return; sleep 0.5; quit
}

# First run: the welcome screen.
start; shot welcome 0; quit

# The example plan, step by step; every step's help has been seen once.
"$bin" new "$tmp/example.stratplan" --example >/dev/null
help='"help-seen-workshop":true,"help-seen-survey":true,"help-seen-vision":true,"help-seen-scan":true,"help-seen-swot":true,"help-seen-priorities":true,"help-seen-actions":true,"help-seen-indicators":true,"help-seen-monitoring":true,"help-seen-review":true'
prefs "$help"
start "$tmp/example.stratplan"; shot workshop 0
xdotool key ctrl+5
xdotool type --delay 30 "Experienced trainers in Abidjan and Douala"
xdotool key Return
shot swot
xdotool key ctrl+2; shot survey
xdotool key ctrl+3; shot vision
xdotool key ctrl+4; shot scan
xdotool key ctrl+6; sleep 0.5; xdotool key Tab Tab Tab; shot priorities
xdotool key ctrl+7; sleep 0.5; xdotool key Tab; shot actions
xdotool key ctrl+8; sleep 0.5; xdotool key Tab; shot indicators
xdotool key ctrl+0; shot review 2
# Presentation mode: the whole SWOT, then the ranked priorities and their matrix.
xdotool key ctrl+5; sleep 0.5; xdotool key F11; full present-swot
xdotool key ctrl+6; full present-priorities
xdotool key Escape; sleep 1
xdotool key ctrl+t; sleep 0.5; xdotool key ctrl+a; xdotool type 12; xdotool key Return; shot timer
quit

# 130%, for a room reading the laptop's screen.
prefs "$help,\"zoom\":1.3"
start "$tmp/example.stratplan"; xdotool key ctrl+5; shot swot-130; xdotool key ctrl+7; shot actions-130; quit
# High contrast, for a washed-out projector.
prefs "$help,\"appearance\":\"contrast\""
start "$tmp/example.stratplan"; xdotool key ctrl+5; shot high-contrast; quit
# In French.
prefs "$help"
LANGUAGE=fr LANG=fr_FR.UTF-8 start "$tmp/example.stratplan"; xdotool key ctrl+6; shot french; quit

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
xdotool key ctrl+shift+0 2>/dev/null || true
xdotool mousemove 60 382 click 1; shot conflicts
quit
