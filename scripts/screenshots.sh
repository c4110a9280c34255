#!/usr/bin/env bash
# Takes the README's screenshots from the real window under Xvfb:
#   scripts/screenshots.sh BIN OUTDIR
set -euo pipefail
bin=$(realpath "$1"); out=$(realpath -m "$2")
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT

n=95; while [ -e /tmp/.X$n-lock ]; do n=$((n+1)); done
export DISPLAY=:$n LANG=en_US.UTF-8 LANGUAGE=en XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp & xvfb=$!
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done

shot() { sleep "${2:-1}"; import -window root -crop 1200x780+0+0 +repage "$out/$1.png"; echo "$out/$1.png"; }

# First run: the welcome screen.
"$bin" & app=$!
xdotool search --sync --name '^stratplan' >/dev/null
shot welcome 2
kill $app; wait $app 2>/dev/null || true

# The example plan, step by step.
"$bin" new "$tmp/example.stratplan" --example >/dev/null
"$bin" "$tmp/example.stratplan" & app=$!
xdotool search --sync --name '^stratplan' >/dev/null
shot workshop 2
xdotool key ctrl+5
xdotool type --delay 30 "Experienced trainers in Abidjan and Douala"
xdotool key Return
shot swot
xdotool key ctrl+6
shot planned-step
xdotool key ctrl+q
wait $app 2>/dev/null || true
