#!/usr/bin/env bash
# Installs the Debian packages stratplan needs, if any are missing, then
# checks that what they provide really works:
#   scripts/deps.sh build   a C compiler with the C library headers, pkg-config,
#                           the X11/OpenGL files Fyne compiles against, CA certificates
#   scripts/deps.sh test    also Xvfb, xdotool, ImageMagick (the real-window test)
#                           and poppler-utils (pdftotext, pdffonts, pdftoppm)
#   scripts/deps.sh dist    also the Windows cross-compiler (mingw-w64), xz and file
# As root it runs apt-get; otherwise it uses sudo when that needs no password,
# and else prints the exact command to run (with su, which every Debian has,
# and with sudo). Run it again after a failed install: it says what is wrong.
set -euo pipefail

set_name=${1:-build}
case $set_name in
build | test | dist) ;;
*)
  echo "usage: scripts/deps.sh build|test|dist" >&2
  exit 2
  ;;
esac

# The pkg-config modules glfw (Fyne's window library) compiles and links against.
gl_modules=(gl x11 xcursor xrandr xinerama xi xxf86vm)

pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev ca-certificates)
case $set_name in
test) pkgs+=(xvfb xauth libgl1-mesa-dri xdotool imagemagick poppler-utils) ;;
dist) pkgs+=(gcc-mingw-w64-x86-64 xz-utils file) ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# problems collects one line per thing that does not work; repair collects
# the packages that provide it.
problems=()
repair=()
problem() { # problem PACKAGE MESSAGE
  problems+=("$2")
  repair+=("$1")
}

# check_c_header HEADER PACKAGE WHAT: the C compiler finds HEADER.
check_c_header() {
  printf '#include <%s>\nint main(void) { return 0; }\n' "$1" >"$tmp/h.c"
  local cflags=()
  read -ra cflags <<<"$(pkg-config --cflags "${gl_modules[@]}" 2>/dev/null)"
  if ! gcc -c -o "$tmp/h.o" "$tmp/h.c" "${cflags[@]}" >/dev/null 2>&1; then
    problem "$2" "the C compiler cannot find $1 ($3)"
  fi
}

# verify checks what the set is for, not just the package list: the C
# compiler builds and links a program against the X11/OpenGL libraries, and
# each tool runs.
verify() {
  problems=()
  repair=()
  if ! command -v gcc >/dev/null 2>&1; then
    problem gcc "there is no C compiler (gcc)"
  elif ! command -v pkg-config >/dev/null 2>&1; then
    problem pkg-config "pkg-config is missing"
  else
    for m in "${gl_modules[@]}"; do
      if ! pkg-config --exists "$m"; then
        problem "$(module_package "$m")" "pkg-config does not know $m (its development files are missing)"
      fi
    done
    cat >"$tmp/gl.c" <<'EOF'
#include <stdlib.h>
#include <string.h>
#include <GL/gl.h>
#include <X11/Xlib.h>
#include <X11/Xcursor/Xcursor.h>
#include <X11/extensions/Xrandr.h>
#include <X11/extensions/Xinerama.h>
#include <X11/extensions/XInput2.h>
#include <X11/extensions/xf86vmode.h>
int main(int argc, char **argv) {
	/* Referenced, never called: linking proves the libraries are there. */
	if (argc > 99) {
		Display *d = XOpenDisplay(NULL);
		XcursorImageCreate(1, 1);
		XRRGetScreenResources(d, 0);
		XineramaIsActive(d);
		XISelectEvents(d, 0, NULL, 0);
		XF86VidModeQueryExtension(d, NULL, NULL);
		glGetString(GL_VERSION);
	}
	return strlen(argv[0]) > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
EOF
    local flags=()
    read -ra flags <<<"$(pkg-config --cflags --libs "${gl_modules[@]}" 2>/dev/null)"
    if ! gcc -o "$tmp/gl" "$tmp/gl.c" "${flags[@]}" >"$tmp/gcc.log" 2>&1 || ! "$tmp/gl"; then
      check_c_header stdlib.h libc6-dev "the C library headers"
      # Every other header needs the C library's: without them, one line is enough.
      [ ${#problems[@]} -eq 0 ] && check_c_header GL/gl.h libgl1-mesa-dev "OpenGL"
      if [ ${#problems[@]} -eq 0 ]; then
        check_c_header X11/Xlib.h libx11-dev "X11"
        check_c_header X11/Xcursor/Xcursor.h libxcursor-dev "Xcursor"
        check_c_header X11/extensions/Xrandr.h libxrandr-dev "Xrandr"
        check_c_header X11/extensions/Xinerama.h libxinerama-dev "Xinerama"
        check_c_header X11/extensions/XInput2.h libxi-dev "XInput2"
        check_c_header X11/extensions/xf86vmode.h libxxf86vm-dev "XF86VidMode"
      fi
      if [ ${#problems[@]} -eq 0 ]; then
        problem "libc6-dev libgl1-mesa-dev libx11-dev" "the C compiler cannot build a program against the X11/OpenGL libraries: $(grep -m1 -iE 'error|cannot' "$tmp/gcc.log" || head -n1 "$tmp/gcc.log")"
      fi
    fi
  fi
  if [ -d /etc/ssl/certs ] && [ ! -s /etc/ssl/certs/ca-certificates.crt ] && [ -z "${SSL_CERT_FILE:-}" ]; then
    problem ca-certificates "there are no CA certificates (/etc/ssl/certs/ca-certificates.crt): Go cannot fetch modules over HTTPS"
  fi
  case $set_name in
  test)
    check_tool Xvfb xvfb
    check_tool xauth xauth
    check_tool xdotool xdotool
    check_tool import imagemagick -version
    check_tool pdftotext poppler-utils -v
    check_tool pdffonts poppler-utils -v
    check_tool pdftoppm poppler-utils -v
    if ! compgen -G '/usr/lib/*/dri/swrast_dri.so' >/dev/null && [ ! -e /usr/lib/dri/swrast_dri.so ]; then
      problem libgl1-mesa-dri "Mesa's software OpenGL driver (swrast_dri.so) is missing: the window cannot draw under Xvfb"
    fi
    ;;
  dist)
    check_tool xz xz-utils --version
    check_tool file file --version
    if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
      problem gcc-mingw-w64-x86-64 "there is no C compiler for Windows (x86_64-w64-mingw32-gcc)"
    else
      printf '#include <stdlib.h>\n#include <windows.h>\nint main(void) { MessageBoxA(NULL, "", "", 0); return EXIT_SUCCESS; }\n' >"$tmp/w.c"
      if ! x86_64-w64-mingw32-gcc -o "$tmp/w.exe" "$tmp/w.c" >"$tmp/mingw.log" 2>&1; then
        problem "gcc-mingw-w64-x86-64 mingw-w64-x86-64-dev" "the Windows C compiler cannot build a program: $(head -n1 "$tmp/mingw.log")"
      fi
    fi
    ;;
  esac
}

# check_tool COMMAND PACKAGE [VERSION-FLAG]: COMMAND is there and, given a
# flag that only prints its version, runs.
check_tool() {
  if ! command -v "$1" >/dev/null 2>&1; then
    problem "$2" "$1 is missing"
  elif [ $# -gt 2 ] && ! "$1" "$3" >/dev/null 2>&1; then
    problem "$2" "$1 is installed but does not run ($1 $3 fails)"
  fi
}

module_package() {
  case $1 in
  gl) echo libgl1-mesa-dev ;;
  *) echo "lib$1-dev" ;;
  esac
}

# say_how [--reinstall] PACKAGES...: tells a person who is not root how to
# install them. A minimal Debian has no sudo, so su comes first.
say_how() {
  local verb="install"
  if [ "$1" = --reinstall ]; then
    verb="install --reinstall"
    shift
  fi
  echo "Install them as root with:" >&2
  echo "  su -c 'apt-get update && apt-get $verb --no-install-recommends $*'" >&2
  echo "or, if you use sudo:" >&2
  echo "  sudo apt-get update && sudo apt-get $verb --no-install-recommends $*" >&2
  echo "then run make again." >&2
}

# can_install says whether this user can run apt-get without a password.
can_install() {
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }
}

# install [--reinstall] PACKAGES...: installs them with apt-get.
install() {
  local opts=(-y -qq --no-install-recommends) sudo=() doing=Installing
  if [ "$1" = --reinstall ]; then
    opts+=(--reinstall)
    doing=Reinstalling
    shift
  fi
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "$doing $* (apt-get; this needs the network: Debian's package mirror)"
  if ! "${sudo[@]}" apt-get update -qq >"$tmp/apt.log" 2>&1 ||
    ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${opts[@]}" "$@" >>"$tmp/apt.log" 2>&1; then
    cat "$tmp/apt.log" >&2
    echo "apt-get could not install $*: see its messages above (is the network up, and does the mirror in /etc/apt/sources.list answer?), then run make again." >&2
    exit 1
  fi
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  verify
  [ ${#problems[@]} -eq 0 ] && exit 0
  echo "stratplan cannot build here yet:" >&2
  printf '  - %s\n' "${problems[@]}" >&2
  echo "Install a C compiler with the C library headers, pkg-config and the OpenGL and X11 development files (${gl_modules[*]}) with your system's package manager, then run make again." >&2
  exit 1
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! can_install; then
    echo "stratplan needs these Debian packages: ${missing[*]}" >&2
    say_how "${missing[@]}"
    exit 1
  fi
  install "${missing[@]}"
fi

verify
[ ${#problems[@]} -eq 0 ] && exit 0

# Installed but not working (an interrupted install, files removed by hand):
# say what is wrong, and reinstall what provides it once when we can.
echo "Installed, but not working:" >&2
printf '  - %s\n' "${problems[@]}" >&2
# shellcheck disable=SC2207 # package names have no spaces
fix=($(printf '%s\n' "${repair[@]}" | tr ' ' '\n' | sort -u))
if ! can_install; then
  echo "These Debian packages need reinstalling: ${fix[*]}" >&2
  say_how --reinstall "${fix[@]}"
  exit 1
fi
install --reinstall "${fix[@]}"
verify
[ ${#problems[@]} -eq 0 ] && exit 0
echo "Still not working after reinstalling ${fix[*]}:" >&2
printf '  - %s\n' "${problems[@]}" >&2
echo "Look for broken packages with 'dpkg --audit' and 'apt-get check', then run make again." >&2
exit 1
