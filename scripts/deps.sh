#!/usr/bin/env bash
# Installs the Debian packages stratplan needs, if any are missing:
#   scripts/deps.sh build   cgo and the X11/OpenGL headers Fyne compiles against
#   scripts/deps.sh test    also Xvfb, xdotool and ImageMagick for the real-window test
# As root it runs apt-get; otherwise it uses sudo when it can, else it prints
# the exact command to run.
set -euo pipefail

pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev)
if [ "${1:-build}" = test ]; then
  pkgs+=(xvfb xdotool imagemagick xauth)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  if pkg-config --exists gl x11 xcursor xrandr xinerama xi 2>/dev/null; then
    exit 0
  fi
  echo "stratplan needs a C compiler and the OpenGL and X11 development files (gl, x11, xcursor, xrandr, xinerama, xi, xxf86vm)." >&2
  echo "Install them with your system's package manager, then run make again." >&2
  exit 1
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Some packages are missing. Install them with:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
