#!/usr/bin/env bash
# A four-validator Kizuna network as four local processes on loopback.
#
#   scripts/localnet.sh start    initialise (first time) and start the network
#   scripts/localnet.sh stop     stop every node and wait for it to exit
#   scripts/localnet.sh status   print each node's height and app hash
#
# Node i (0..3) listens on BASE+i*10 + {0: p2p, 1: RPC, 2: gRPC, 3: REST,
# 4: Prometheus}. Environment: LOCALNET_DIR (default build/localnet),
# LOCALNET_BASE_PORT (default 27000), LOCALNET_CHAIN_ID (kizuna-localnet-1),
# KIZUNAD (the binary).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
# shellcheck source=scripts/dev-accounts.sh
source "$ROOT/scripts/dev-accounts.sh"

BIN=${KIZUNAD:-$ROOT/build/kizunad}
DIR=${LOCALNET_DIR:-$ROOT/build/localnet}
BASE=${LOCALNET_BASE_PORT:-27000}
CHAIN_ID=${LOCALNET_CHAIN_ID:-kizuna-localnet-1}
NODES=4

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
  "$BIN" genesis validate --home "$h0" >/dev/null

  local peers=""
  for ((i = 0; i < NODES; i++)); do
    peers+="${peers:+,}${node_ids[$i]}@127.0.0.1:$(port $i 0)"
  done
  for ((i = 0; i < NODES; i++)); do
    local h cfg
    h=$(home $i)
    cfg=$h/config
    [[ $i -eq 0 ]] || cp "$h0/config/genesis.json" "$cfg/genesis.json"
    toml_set "$cfg/config.toml" "" moniker "\"validator-$i\""
    toml_set "$cfg/config.toml" rpc laddr "\"tcp://127.0.0.1:$(port $i 1)\""
    toml_set "$cfg/config.toml" rpc pprof_laddr '""'
    toml_set "$cfg/config.toml" p2p laddr "\"tcp://127.0.0.1:$(port $i 0)\""
    toml_set "$cfg/config.toml" p2p persistent_peers "\"$peers\""
    toml_set "$cfg/config.toml" p2p addr_book_strict false
    toml_set "$cfg/config.toml" p2p allow_duplicate_ip true
    toml_set "$cfg/config.toml" instrumentation prometheus_listen_addr "\"127.0.0.1:$(port $i 4)\""
    toml_set "$cfg/app.toml" api address "\"tcp://127.0.0.1:$(port $i 3)\""
    toml_set "$cfg/app.toml" grpc address "\"127.0.0.1:$(port $i 2)\""
    toml_set "$cfg/client.toml" "" chain-id "\"$CHAIN_ID\""
    toml_set "$cfg/client.toml" "" keyring-backend '"test"'
    toml_set "$cfg/client.toml" "" node "\"tcp://127.0.0.1:$(port $i 1)\""
  done
}

start() {
  [[ -f $DIR/node0/config/genesis.json ]] || init_network
  local i
  for ((i = 0; i < NODES; i++)); do
    local h pidfile
    h=$(home $i)
    pidfile=$h/kizunad.pid
    if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "validator-$i already running (pid $(cat "$pidfile"))"
      continue
    fi
    nohup "$BIN" start --home "$h" >"$h/kizunad.log" 2>&1 &
    echo $! >"$pidfile"
  done
  for ((i = 0; i < NODES; i++)); do
    wait_for_height "http://127.0.0.1:$(port $i 1)" 1 90
  done
  echo "localnet $CHAIN_ID: four validators producing blocks"
  status
}

stop() {
  local i pids=()
  for ((i = 0; i < NODES; i++)); do
    local pidfile
    pidfile=$(home $i)/kizunad.pid
    [[ -f $pidfile ]] || continue
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      pids+=("$pid")
    fi
    rm -f "$pidfile"
  done
  local pid t
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
  echo "localnet stopped"
}

status() {
  local i
  for ((i = 0; i < NODES; i++)); do
    local rpc=http://127.0.0.1:$(port $i 1)
    local info
    info=$(curl -fsS "$rpc/status" 2>/dev/null |
      sed -n 's/.*"latest_app_hash":"\([0-9A-F]*\)".*"latest_block_height":"\([0-9]*\)".*/height \2  app hash \1/p' || true)
    printf 'validator-%d  rpc %s  %s\n' "$i" "$rpc" "${info:-not responding}"
  done
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
