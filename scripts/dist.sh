#!/usr/bin/env bash
# Builds what people install, into dist/:
#   stratplan-VERSION-linux-amd64.tar.xz  Fyne's Linux package: the program, a desktop
#                                         entry, the icon and a Makefile (make user-install)
#   stratplan-VERSION-windows-amd64.exe   one Windows program, cross-compiled with mingw-w64:
#                                         GUI subsystem, icon and version embedded
# Name, app id, icon, version and build come from FyneApp.toml. Fyne's
# packaging tool reads that file only from the main package's folder, so it
# works on a copy of the source tree with the file put there: this tree is
# never changed. Needs what scripts/deps.sh dist installs.
set -euo pipefail
cd "$(dirname "$0")/.."

fyne_tools=fyne.io/tools/cmd/fyne@v1.7.4

# toml KEY: the value of KEY in FyneApp.toml's [Details].
toml() {
  sed -n '/^\[Details\]/,/^\[/p' FyneApp.toml |
    sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" | head -n1
}
name=$(toml Name)
version=$(toml Version)
icon=$(toml Icon)
build=$(toml Build)
for v in name version icon build; do
  if [ -z "${!v}" ]; then
    echo "FyneApp.toml has no ${v^} under [Details]: add it, then run make dist again." >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }'; }

# The source tree as it is now (committed or not), without what git ignores.
src=$tmp/src
mkdir -p "$src"
if git rev-parse --git-dir >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$src"
else
  tar --exclude=./bin --exclude=./dist -cf - . | tar -xf - -C "$src"
fi
# put_metadata: FyneApp.toml where the tool reads it; again before each
# package, because the tool counts the build number up in it afterwards.
put_metadata() { cp FyneApp.toml "$src/cmd/stratplan/FyneApp.toml"; }

echo "Building Fyne's packaging tool ($fyne_tools)"
GOBIN=$tmp/bin go install "$fyne_tools"
fyne=$tmp/bin/fyne
mkdir -p dist

echo "Linux package"
start=$(now)
mkdir -p "$tmp/linux"
put_metadata
(cd "$tmp/linux" && "$fyne" package --os linux --release --src "$src/cmd/stratplan" --icon "$src/$icon")
linux=dist/$name-$version-linux-amd64.tar.xz
mv "$tmp/linux/$name.tar.xz" "$linux"
linux_took=$(since "$start")
# The package holds a program that starts and says the version FyneApp.toml gives.
mkdir -p "$tmp/unpacked"
tar -xJf "$linux" -C "$tmp/unpacked"
said=$("$tmp/unpacked/$name/usr/local/bin/$name" --version 2>&1 || true)
if [ "$said" != "$name $version" ]; then
  echo "The packaged program says \"$said\", but FyneApp.toml says version $version: make the two agree." >&2
  exit 1
fi

echo "Windows program"
start=$(now)
put_metadata
(cd "$src/cmd/stratplan" &&
  CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOARCH=amd64 \
    "$fyne" package --os windows --release --src . --icon "$src/$icon")
windows=dist/$name-$version-windows-amd64.exe
mv "$src/cmd/stratplan/$name.exe" "$windows"
windows_took=$(since "$start")
kind=$(file -b "$windows")
case $kind in
"PE32+ executable (GUI) x86-64"*) ;;
*)
  echo "$windows is not a 64-bit Windows GUI program: file says \"$kind\"" >&2
  exit 1
  ;;
esac
if ! strings -el "$windows" | grep -qx "$version.$build"; then
  echo "$windows does not carry version $version.$build (FyneApp.toml's Version and Build) in its resources" >&2
  exit 1
fi

echo
printf '%s\t%s\t%s s\n' \
  "$linux" "$(du -h "$linux" | cut -f1)" "$linux_took" \
  "$windows" "$(du -h "$windows" | cut -f1)" "$windows_took" | column -t -s $'\t'
file "$windows"
