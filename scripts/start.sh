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

# No Consul can be installed here: the demo's runtime view comes from a local stand-in that
# serves recorded-shape Consul API answers with blocking-query semantics (demo/consul).
# When something already listens on 8500 (a real agent, say), that is used instead.
if node -e "require('net').createServer().once('error',()=>process.exit(1)).listen(8500,'127.0.0.1',()=>process.exit(0))" 2>/dev/null; then
  si_log "starting the Consul stand-in on http://127.0.0.1:8500"
  "$SI_ROOT/node_modules/.bin/tsx" "$SI_ROOT/demo/consul/standIn.ts" --port 8500 &
  consul_pid=$!
else
  si_log "port 8500 is in use; using whatever Consul listens there"
fi

# The demo's measured usage and grid intensity come from two more stand-ins: CloudWatch
# (GetMetricData, DescribeLogGroups) on 4510 and an Electricity Maps-shaped API serving a
# synthetic SE week on 4511 (demo/cloudwatch, demo/intensity). A port already in use is
# left alone, like Consul's.
stand_ins=()
for spec in "4510 cloudwatch CloudWatch" "4511 intensity grid-intensity"; do
  read -r port dir label <<<"$spec"
  if node -e "require('net').createServer().once('error',()=>process.exit(1)).listen($port,'127.0.0.1',()=>process.exit(0))" 2>/dev/null; then
    si_log "starting the $label stand-in on http://127.0.0.1:$port"
    "$SI_ROOT/node_modules/.bin/tsx" "$SI_ROOT/demo/$dir/standIn.ts" --port "$port" &
    stand_ins+=($!)
  else
    si_log "port $port is in use; using whatever $label listens there"
  fi
done
trap 'kill ${stand_ins[*]:-} ${consul_pid:-} 2>/dev/null' EXIT

si_log "starting the portal: http://localhost:3000 (backend http://localhost:7007)"
node "$SI_ROOT"/.yarn/releases/yarn-*.cjs start "$@"
