#!/usr/bin/env bash
# Gives a command a virtual display of its own (Xvfb), and stops it cleanly:
#   scripts/xvfb.sh COMMAND [ARGS...]  runs COMMAND with DISPLAY set and exits with its status
#   scripts/xvfb.sh                    prints the display (":N") and keeps it until its
#                                      standard input closes (for programs that hold a pipe)
# Xvfb picks a free display number itself (-displayfd), so any number of
# runs can share a machine. It is stopped with SIGTERM and waited for, which
# makes it remove its socket (/tmp/.X11-unix/X<N>) and any lock file: nothing
# is left behind, even when the program holding the pipe is killed.
# XVFB_SCREEN sets the screen (default 1280x800x24).
set -euo pipefail

screen=${XVFB_SCREEN:-1280x800x24}
tmp=$(mktemp -d)
xvfb=

# shellcheck disable=SC2317 # run by the EXIT trap
stop() {
  if [ -n "$xvfb" ]; then
    kill -TERM "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

mkfifo "$tmp/displayfd"
Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp 3>"$tmp/displayfd" </dev/null >"$tmp/log" 2>&1 &
xvfb=$!
# Xvfb writes the display number once it accepts connections, or closes the
# pipe when it fails.
read -r -t 60 n <"$tmp/displayfd" || true
if [ -z "$n" ]; then
  cat "$tmp/log" >&2
  echo "The virtual display (Xvfb) did not start: see its messages above." >&2
  exit 1
fi

if [ $# -eq 0 ]; then
  echo ":$n"
  cat >/dev/null
  exit 0
fi
status=0
DISPLAY=":$n" "$@" || status=$?
exit "$status"
