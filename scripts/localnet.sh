#!/usr/bin/env bash
# A four-validator Kizuna network as four local processes on loopback.
#
#   scripts/localnet.sh start [N]   initialise (first time) and start the
#                                   network, or only validator N (0..3)
#   scripts/localnet.sh stop [N]    stop every node (validators and joined
#                                   full node), or only node N, and wait
#   scripts/localnet.sh kill N      kill node N with SIGKILL, as a crash would
#   scripts/localnet.sh join        add a full node (node 4) that catches up by
#                                   state sync from the validators' snapshots
#   scripts/localnet.sh status      print each node's height and app hash
#   scripts/localnet.sh bridge      start a local Ethereum (geth --dev), and the
#                                   first time register a relayer for each
#                                   validator, deploy the bridge contract and
#                                   set it by governance; start the relayers
#   scripts/localnet.sh relayer start|stop|kill N
#                                   start, stop or SIGKILL validator N's relayer
#
# The bridge: geth's JSON-RPC on BASE+90, validator i's relayer in
# LOCALNET_DIR/relayer<i> with its metrics on BASE+i*10+5. `stop` stops the
# relayers and geth too.
#
# Node i listens on BASE+i*10 + {0: p2p, 1: RPC, 2: gRPC, 3: REST,
# 4: Prometheus}. Validators take a state sync snapshot every
# LOCALNET_SNAPSHOT_INTERVAL blocks (default 10). Environment: LOCALNET_DIR
# (default build/localnet), LOCALNET_BASE_PORT (default 27000),
# LOCALNET_CHAIN_ID (kizuna-localnet-1), KIZUNAD (the binary).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
# shellcheck source=scripts/dev-accounts.sh
source "$ROOT/scripts/dev-accounts.sh"
# shellcheck source=scripts/bridge-lib.sh
source "$ROOT/scripts/bridge-lib.sh"

BIN=${KIZUNAD:-$ROOT/build/kizunad}
DIR=${LOCALNET_DIR:-$ROOT/build/localnet}
BASE=${LOCALNET_BASE_PORT:-27000}
CHAIN_ID=${LOCALNET_CHAIN_ID:-kizuna-localnet-1}
SNAPSHOT_INTERVAL=${LOCALNET_SNAPSHOT_INTERVAL:-10}
NODES=4
FULL_NODE=4

port() { echo $((BASE + $1 * 10 + $2)); }
home() { echo "$DIR/node$1"; }

init_network() {
  rm -rf "$DIR"
  mkdir -p "$DIR/gentxs"
  local i node_ids=()
  for ((i = 0; i < NODES; i++)); do
    local h
    h=$(home $i)
    "$BIN" init "validator-$i" --chain-id "$CHAIN_ID" --home "$h" >/dev/null 2>&1
    add_key "$BIN" "$h" validator "${LOCALNET_MNEMONICS[$i]}"
    node_ids+=("$("$BIN" comet show-node-id --home "$h")")
  done

  # Every validator's account goes into node0's genesis, then each signs its
  # gentx against that genesis.
  local h0
  h0=$(home 0)
  for ((i = 0; i < NODES; i++)); do
    "$BIN" genesis add-genesis-account "$(key_address "$BIN" "$(home $i)" validator)" 1000000000000ukiz --home "$h0"
  done
  for ((i = 0; i < NODES; i++)); do
    local h
    h=$(home $i)
    [[ $i -eq 0 ]] || cp "$h0/config/genesis.json" "$h/config/genesis.json"
    "$BIN" genesis gentx validator 100000000000ukiz --chain-id "$CHAIN_ID" --moniker "validator-$i" \
      --keyring-backend test --home "$h" --output-document "$DIR/gentxs/gentx-$i.json" >/dev/null 2>&1
  done
  "$BIN" genesis collect-gentxs --gentx-dir "$DIR/gentxs" --home "$h0" >/dev/null 2>&1
  dev_governance "$h0/config/genesis.json"
  "$BIN" genesis validate --home "$h0" >/dev/null

  local peers=""
  for ((i = 0; i < NODES; i++)); do
    peers+="${peers:+,}${node_ids[$i]}@127.0.0.1:$(port $i 0)"
  done
  echo "$peers" >"$DIR/peers"
  for ((i = 0; i < NODES; i++)); do
    [[ $i -eq 0 ]] || cp "$h0/config/genesis.json" "$(home $i)/config/genesis.json"
    configure_node $i "validator-$i" "$peers"
    toml_set "$(home $i)/config/app.toml" state-sync snapshot-interval "$SNAPSHOT_INTERVAL"
  done
}

# configure_node I MONIKER PEERS sets node I's ports, peers and client.
configure_node() {
  local i=$1 moniker=$2 peers=$3 cfg
  cfg=$(home "$i")/config
  toml_set "$cfg/config.toml" "" moniker "\"$moniker\""
  # The application database on PebbleDB, as make run has it.
  toml_set "$cfg/app.toml" "" app-db-backend '"pebbledb"'
  toml_set "$cfg/config.toml" rpc laddr "\"tcp://127.0.0.1:$(port "$i" 1)\""
  toml_set "$cfg/config.toml" rpc pprof_laddr '""'
  toml_set "$cfg/config.toml" p2p laddr "\"tcp://127.0.0.1:$(port "$i" 0)\""
  toml_set "$cfg/config.toml" p2p persistent_peers "\"$peers\""
  toml_set "$cfg/config.toml" p2p addr_book_strict false
  toml_set "$cfg/config.toml" p2p allow_duplicate_ip true
  toml_set "$cfg/config.toml" instrumentation prometheus_listen_addr "\"127.0.0.1:$(port "$i" 4)\""
  toml_set "$cfg/app.toml" api address "\"tcp://127.0.0.1:$(port "$i" 3)\""
  toml_set "$cfg/app.toml" grpc address "\"127.0.0.1:$(port "$i" 2)\""
  toml_set "$cfg/client.toml" "" chain-id "\"$CHAIN_ID\""
  toml_set "$cfg/client.toml" "" keyring-backend '"test"'
  toml_set "$cfg/client.toml" "" node "\"tcp://127.0.0.1:$(port "$i" 1)\""
}

# start_node I starts node I unless it is running.
start_node() {
  local i=$1 h pidfile
  h=$(home "$i")
  pidfile=$h/kizunad.pid
  if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "node $i already running (pid $(cat "$pidfile"))"
    return 0
  fi
  nohup "$BIN" start --home "$h" >>"$h/kizunad.log" 2>&1 &
  echo $! >"$pidfile"
}

# nodes prints the numbers of the nodes that exist.
nodes() {
  local i
  for ((i = 0; i <= FULL_NODE; i++)); do
    [[ -d $(home $i) ]] && echo $i
  done
  return 0
}

node_arg() {
  [[ $1 =~ ^[0-9]+$ && -d $(home "$1") ]] || { echo "no node $1 in $DIR" >&2; exit 2; }
}

start() {
  [[ -f $DIR/node0/config/genesis.json ]] || init_network
  if [[ -n ${1:-} ]]; then
    node_arg "$1"
    start_node "$1"
    # Only wait for the node to answer: alone it may not make a quorum.
    wait_for_rpc "http://127.0.0.1:$(port "$1" 1)" 120
    return
  fi
  local i
  for ((i = 0; i < NODES; i++)); do
    start_node $i
  done
  for ((i = 0; i < NODES; i++)); do
    wait_for_height "http://127.0.0.1:$(port $i 1)" 1 90
  done
  echo "localnet $CHAIN_ID: four validators producing blocks"
  status
}

# signal_nodes SIGNAL I... sends SIGNAL to the given nodes and waits until
# they exit.
signal_nodes() {
  local signal=$1 i pid pids=()
  shift
  for i in "$@"; do
    local pidfile
    pidfile=$(home "$i")/kizunad.pid
    [[ -f $pidfile ]] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "-$signal" "$pid"
      pids+=("$pid")
    fi
    rm -f "$pidfile"
  done
  local t
  for pid in "${pids[@]}"; do
    for ((t = 0; t < 60; t++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "node $pid did not stop within 30s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

stop() {
  if [[ -n ${1:-} ]]; then
    node_arg "$1"
    signal_nodes TERM "$1"
    echo "node $1 stopped"
    return
  fi
  # shellcheck disable=SC2046 # one node number per word
  local i
  for ((i = 0; i < NODES; i++)); do
    stop_pidfile "$DIR/relayer$i/relayer.pid"
  done
  stop_pidfile "$DIR/geth/geth.pid"
  signal_nodes TERM $(nodes)
  echo "localnet stopped"
}

crash() {
  node_arg "${1:-}"
  signal_nodes KILL "$1"
  echo "node $1 killed"
}

# join adds node 4, a full node that trusts validator 0's block at the
# latest snapshot height and restores the state from the validators'
# snapshots instead of replaying every block.
join() {
  local i=$FULL_NODE h rpc0 height trust trust_hash
  h=$(home $i)
  rpc0=http://127.0.0.1:$(port 0 1)
  if [[ ! -f $h/config/genesis.json ]]; then
    height=$(curl -fsS "$rpc0/status" | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p')
    trust=$((height / SNAPSHOT_INTERVAL * SNAPSHOT_INTERVAL))
    ((trust > 0)) || { echo "no snapshot yet: the network is at height $height, snapshots every $SNAPSHOT_INTERVAL" >&2; exit 1; }
    trust_hash=$(curl -fsS "$rpc0/block?height=$trust" | grep -o '"block_id":{"hash":"[0-9A-F]*"' | head -n 1 | sed 's/.*"hash":"//; s/"$//')
    [[ -n $trust_hash ]] || { echo "no hash for block $trust" >&2; exit 1; }
    "$BIN" init "full-node" --chain-id "$CHAIN_ID" --home "$h" >/dev/null 2>&1
    cp "$(home 0)/config/genesis.json" "$h/config/genesis.json"
    configure_node $i full-node "$(cat "$DIR/peers")"
    toml_set "$h/config/config.toml" statesync enable true
    toml_set "$h/config/config.toml" statesync rpc_servers "\"127.0.0.1:$(port 0 1),127.0.0.1:$(port 1 1)\""
    toml_set "$h/config/config.toml" statesync trust_height "$trust"
    toml_set "$h/config/config.toml" statesync trust_hash "\"$trust_hash\""
    toml_set "$h/config/config.toml" statesync discovery_time '"5s"'
    echo "full node trusts block $trust ($trust_hash)"
  fi
  start_node $i
  local t
  for ((t = 0; t < 360; t++)); do
    if ! kill -0 "$(cat "$h/kizunad.pid")" 2>/dev/null; then
      rm -f "$h/kizunad.pid"
      echo "the full node exited; last lines of $h/kizunad.log:" >&2
      tail -n 5 "$h/kizunad.log" >&2
      exit 1
    fi
    curl -fsS "http://127.0.0.1:$(port $i 1)/status" >/dev/null 2>&1 && break
    sleep 0.5
  done
  wait_for_next_block "http://127.0.0.1:$(port $i 1)" 180
  status
}

status() {
  local i
  for i in $(nodes); do
    local rpc=http://127.0.0.1:$(port "$i" 1)
    local info
    info=$(curl -fsS "$rpc/status" 2>/dev/null |
      sed -n 's/.*"latest_app_hash":"\([0-9A-F]*\)".*"latest_block_height":"\([0-9]*\)".*/height \2  app hash \1/p' || true)
    local name=validator-$i
    ((i < NODES)) || name=full-node
    printf '%-12s rpc %s  %s\n' "$name" "$rpc" "${info:-not responding}"
  done
}

eth_url() { echo "http://127.0.0.1:$((BASE + 90))"; }

bridge() {
  [[ -f $DIR/node0/config/genesis.json ]] || { echo "no localnet in $DIR: run start first" >&2; exit 1; }
  start_geth "$DIR/geth" $((BASE + 90)) $((BASE + 91))
  local i
  for ((i = 0; i < NODES; i++)); do
    [[ -f $DIR/relayer$i/config.toml ]] && continue
    setup_relayer "$CHAIN_ID" "$(home $i)" "$DIR/relayer$i" "127.0.0.1:$(port $i 2)" "$(eth_url)" \
      "127.0.0.1:$(port $i 5)" "$((2 * i))s"
  done
  if [[ -z $("$BIN" q bridge params -o json --home "$(home 0)" | jq -r '.params.contract_address // empty') ]]; then
    local voters=()
    for ((i = 0; i < NODES; i++)); do
      voters+=("$(home $i)")
    done
    deploy_bridge "$(home 0)" "$DIR/relayer0" "${voters[@]}"
  fi
  for ((i = 0; i < NODES; i++)); do
    start_relayer "$DIR/relayer$i"
  done
  echo "bridge: geth $(eth_url), contract $("$BIN" q bridge params -o json --home "$(home 0)" | jq -r .params.contract_address), four relayers"
}

relayer() {
  local action=${1:-} i=${2:-}
  [[ $i =~ ^[0-3]$ && -f $DIR/relayer$i/config.toml ]] || { echo "no relayer $i in $DIR: run bridge first" >&2; exit 2; }
  case $action in
    start) start_relayer "$DIR/relayer$i" ;;
    stop) stop_pidfile "$DIR/relayer$i/relayer.pid" ;;
    kill)
      [[ -f $DIR/relayer$i/relayer.pid ]] && kill -KILL "$(cat "$DIR/relayer$i/relayer.pid")" 2>/dev/null
      rm -f "$DIR/relayer$i/relayer.pid"
      ;;
    *)
      echo "usage: $0 relayer start|stop|kill N" >&2
      exit 2
      ;;
  esac
}

case ${1:-} in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  kill) crash "${2:-}" ;;
  join) join ;;
  status) status ;;
  bridge) bridge ;;
  relayer) relayer "${2:-}" "${3:-}" ;;
  *)
    echo "usage: $0 start [N] | stop [N] | kill N | join | status | bridge | relayer start|stop|kill N" >&2
    exit 2
    ;;
esac
