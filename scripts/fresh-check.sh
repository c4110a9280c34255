#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run through step and traps look unreachable
# Tries the README's commands on a truly fresh machine: a minimal Debian 12
# (bookworm) root made with debootstrap, into which only Go (/usr/local/go),
# this machine's CA certificates and name-server settings, and the project's
# committed files (git archive HEAD) are copied. There, as a person would:
#   1. the README's command that installs make (as root, with su -c)
#   2. make test as a user: it stops and says what to install, with su -c
#   3. that command, as root
#   4. make test, as the user
#   5. make build
#   6. make run on a virtual display: the window appears, then Ctrl+Q closes it
# It prints how long each step took and PASS or FAIL, and keeps each step's
# output in the cache folder. The bootstrapped root is cached in
# ~/.cache/stratplan-fresh (FRESH_CACHE) so later runs skip that step; every
# run works on a fresh copy of it. Needs root (debootstrap, chroot, mount) and
# the network (Debian's package mirror, FRESH_MIRROR, and the Go module
# proxy). A cold run builds everything from scratch: 20 minutes or more on two
# cores. Not part of make test.
set -euo pipefail

cache=${FRESH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stratplan-fresh}
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
base=$cache/$suite-minbase
logs=$cache/logs
results=$logs/results

# The user the commands run as, and where the project lands in their home.
user=planner
project=/home/$user/stratplan

now() { date +%s.%N; }
# since START: seconds from START until now.
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# record NAME SECONDS RESULT: one row of the summary.
record() { printf '%s\t%s s\t%s\n' "$1" "$2" "$3" >>"$results"; }

# --- Inside: a private mount and process namespace (see the end) ----------

if [ "${1:-}" = --inside ]; then
  root=$2
  mounts=(proc dev dev/pts dev/shm sys tmp)
  unmount() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
      umount -R "$root/${mounts[i]}" 2>/dev/null || umount -l "$root/${mounts[i]}" 2>/dev/null || true
    done
  }
  trap unmount EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  mount --bind /dev/pts "$root/dev/pts"
  mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
  mount -t sysfs -o ro sysfs "$root/sys"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"

  # as_user COMMAND: runs COMMAND in a login shell of the user, in the project.
  as_user() { chroot "$root" su - "$user" -c "cd $project && $1"; }
  # as_root COMMAND: runs COMMAND as root typed it at a prompt, answering
  # yes to apt-get's question.
  as_root() { chroot "$root" bash -lc "$1" < <(yes); }

  # step NAME LOG COMMAND...: runs and times one step; a failure ends the run.
  step() {
    local name=$1 log=$2 start status=0
    shift 2
    echo "== $name"
    start=$(now)
    "$@" >"$log" 2>&1 </dev/null || status=$?
    local took
    took=$(since "$start")
    if [ "$status" -ne 0 ]; then
      record "$name" "$took" FAIL
      echo "-- $name failed (exit status $status); the end of $log:"
      tail -n 40 "$log"
      exit 1
    fi
    record "$name" "$took" PASS
  }

  # 1. The README names make, with Go, as the only prerequisite, and says how
  # to install it.
  install_make=$(grep -m1 -oE "^ *su -c '[^']*install[^']* make'" "$root$project/README.md" | sed 's/^ *//' || true)
  if [ -z "$install_make" ]; then
    record "README says how to install make" 0.0 FAIL
    echo "README.md has no line like: su -c 'apt-get update && apt-get install make'"
    exit 1
  fi
  step "$install_make" "$logs/1-install-make.log" as_root "$install_make"

  # 2. As a user, make test cannot install packages: it must say how.
  told_how() {
    local out=$logs/make-test-as-user.out
    if as_user "make test" >"$out" 2>&1; then
      cat "$out"
      echo "make test passed without the packages it needs"
      return 1
    fi
    cat "$out"
    if ! grep -m1 -oE "su -c '[^']*'" "$out" >"$logs/install-command"; then
      echo "make test did not say how to install what it needs (no su -c line)"
      return 1
    fi
  }
  step "make test, as a user, says what to install" "$logs/2-make-test-as-user.log" told_how

  # 3. The command it printed, as root.
  install_deps=$(cat "$logs/install-command")
  echo "   $install_deps"
  step "the command it printed, as root ($(($(wc -w <<<"${install_deps#*install}") - 1)) packages)" \
    "$logs/3-install-deps.log" as_root "$install_deps"

  # 4-5. The README's two commands and the build.
  step "make test" "$logs/4-make-test.log" as_user "make test"
  step "make build" "$logs/5-make-build.log" as_user "make build"

  # 6. make run opens the window; Ctrl+Q closes it.
  cat >"$root/tmp/run-window.sh" <<'EOF'
set -u
make run >/tmp/make-run.log 2>&1 &
run=$!
if ! win=$(timeout 600 xdotool search --sync --onlyvisible --name '^stratplan' | head -n1) || [ -z "$win" ]; then
  echo "make run: no stratplan window appeared within 10 minutes"
  cat /tmp/make-run.log
  exit 1
fi
echo "make run: the window appeared ($(xdotool getwindowname "$win"))"
sleep 3 # its first frame
xdotool windowfocus --sync "$win" key ctrl+q
for _ in $(seq 300); do
  kill -0 "$run" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$run" 2>/dev/null; then
  echo "make run: Ctrl+Q did not close the window within 30 s"
  cat /tmp/make-run.log
  exit 1
fi
wait "$run" || { echo "make run exited with status $?"; cat /tmp/make-run.log; exit 1; }
cat /tmp/make-run.log
echo "make run: the window closed"
EOF
  step "make run (the window appears, Ctrl+Q closes it)" "$logs/6-make-run.log" \
    as_user "scripts/xvfb.sh bash /tmp/run-window.sh"
  exit 0
fi

# --- Outside: prepare a fresh root, run the steps inside, clean up --------

if [ "$(id -u)" -ne 0 ]; then
  echo "make fresh-check needs root (debootstrap, chroot and mount). Run it with:" >&2
  echo "  su -c 'make fresh-check'" >&2
  echo "or, if you use sudo:" >&2
  echo "  sudo make fresh-check" >&2
  exit 1
fi
cd "$(dirname "$0")/.."
self=$(realpath "$0")
for tool in git go unshare chroot; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make fresh-check needs $tool" >&2
    exit 1
  fi
done
goroot=$(go env GOROOT)
head=$(git rev-parse --short HEAD)
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "Note: only committed files are checked (HEAD $head); your uncommitted changes are not part of this run."
fi

mkdir -p "$cache"
rm -rf "$logs"
mkdir -p "$logs"
: >"$results"
run=
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  [ -n "$run" ] && [ -d "$run" ] || return 0
  # The mounts lived in a private namespace that is gone with its processes;
  # never delete a folder something is still mounted in.
  if grep -q " $run/" /proc/self/mounts; then
    echo "Something is still mounted in $run: not deleting it. Unmount it (umount -R) and delete it by hand." >&2
    return 0
  fi
  rm -rf --one-file-system "$run"
}
trap cleanup EXIT

if [ ! -e "$base/.stratplan-complete" ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "Installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  fi
  echo "== bootstrapping a minimal Debian $suite root into $base (once; later runs reuse it)"
  start=$(now)
  rm -rf --one-file-system "$base.new"
  if ! debootstrap --variant=minbase "$suite" "$base.new" "$mirror" >"$logs/0-debootstrap.log" 2>&1; then
    record "debootstrap a minimal Debian $suite" "$(since "$start")" FAIL
    tail -n 20 "$logs/0-debootstrap.log"
    exit 1
  fi
  rm -rf --one-file-system "$base"
  mv "$base.new" "$base"
  touch "$base/.stratplan-complete"
  record "debootstrap a minimal Debian $suite (cached)" "$(since "$start")" PASS
fi

echo "== a fresh copy of the $suite root, with Go, CA certificates, name servers and the project (HEAD $head)"
start=$(now)
run=$(mktemp -d "$cache/run.XXXXXX")
cp -a "$base/." "$run/"
rm -f "$run/.stratplan-complete"
mkdir -p "$run/usr/local"
cp -a "$goroot" "$run/usr/local/go"
mkdir -p "$run/etc/ssl/certs"
cp -L /etc/ssl/certs/ca-certificates.crt "$run/etc/ssl/certs/ca-certificates.crt"
if [ -d /usr/local/share/ca-certificates ]; then
  # Local certificate authorities, kept when ca-certificates is installed there.
  mkdir -p "$run/usr/local/share/ca-certificates"
  cp -a /usr/local/share/ca-certificates/. "$run/usr/local/share/ca-certificates/"
fi
cp -L /etc/resolv.conf "$run/etc/resolv.conf"
# The installer writes these on every Debian machine; debootstrap does not.
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$run/etc/hosts"
echo stratplan-fresh >"$run/etc/hostname"
chroot "$run" useradd --create-home --shell /bin/bash "$user"
# Go's installation instructions: put it on the PATH in ~/.profile.
# shellcheck disable=SC2016 # written as is, for the user's shell
echo 'export PATH=$PATH:/usr/local/go/bin' >>"$run/home/$user/.profile"
mkdir -p "$run$project"
git archive HEAD | tar -x -C "$run$project"
chroot "$run" chown -R "$user:$user" "/home/$user"
record "fresh root with Go and the project copied in" "$(since "$start")" PASS

status=0
unshare --mount --pid --fork --propagation private "$self" --inside "$run" || status=$?

echo
echo "fresh-check of stratplan $head on a minimal Debian $suite (debootstrap --variant=minbase):"
column -t -s $'\t' "$results" 2>/dev/null | sed 's/^/  /' || sed 's/^/  /' "$results"
echo "Each step's output: $logs"
if [ "$status" -ne 0 ]; then
  echo "fresh-check: FAIL"
  exit 1
fi
echo "fresh-check: PASS"
