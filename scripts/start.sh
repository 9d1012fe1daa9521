#!/usr/bin/env bash
# Starts the Squad Insights portal (frontend on :3000, backend on :7007) on embedded
# defaults: SQLite under .data/, guest sign-in, the demo organisation and demo Terraform
# states from this repository. Extra arguments go to `backstage-cli repo start`.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

for port in 3000 7007; do
  if ! node -e "require('net').createServer().once('error',()=>process.exit(1)).listen($port,()=>process.exit(0))" 2>/dev/null; then
    si_die "port $port is already in use; stop whatever listens there (ss -ltnp 'sport = :$port') and run this again"
  fi
done

mkdir -p "$SI_ROOT/.data/sqlite"
si_log "starting the portal: http://localhost:3000 (backend http://localhost:7007)"
exec node "$SI_ROOT"/.yarn/releases/yarn-*.cjs start "$@"
