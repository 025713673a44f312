#!/usr/bin/env bash
# Starts a single-validator Kizuna node for development (make run): chain
# kizuna-local-1 in .localnode/ (kept between runs; `make reset` wipes it),
# test-keyring keys validator, alice, bob and carol, demo data loaded once,
# REST on :1317, gRPC on :9090, CometBFT RPC and websocket on :26657.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
# shellcheck source=scripts/dev-accounts.sh
source "$ROOT/scripts/dev-accounts.sh"

BIN=${KIZUNAD:-$ROOT/build/kizunad}
HOME_DIR=${KIZUNA_HOME:-$ROOT/.localnode}
CHAIN_ID=kizuna-local-1
RPC=http://127.0.0.1:26657

init_chain() {
  echo "Initialising $CHAIN_ID in $HOME_DIR"
  rm -rf "$HOME_DIR"
  "$BIN" init local-validator --chain-id "$CHAIN_ID" --home "$HOME_DIR" >/dev/null 2>&1
  add_key "$BIN" "$HOME_DIR" validator "$VALIDATOR_MNEMONIC"
  add_key "$BIN" "$HOME_DIR" alice "$ALICE_MNEMONIC"
  add_key "$BIN" "$HOME_DIR" bob "$BOB_MNEMONIC"
  add_key "$BIN" "$HOME_DIR" carol "$CAROL_MNEMONIC"
  for name in validator alice bob carol; do
    "$BIN" genesis add-genesis-account "$(key_address "$BIN" "$HOME_DIR" $name)" 1000000000000ukiz \
      --home "$HOME_DIR" --keyring-backend test
  done
  "$BIN" genesis gentx validator 100000000000ukiz --chain-id "$CHAIN_ID" --moniker local-validator \
    --keyring-backend test --home "$HOME_DIR" >/dev/null 2>&1
  "$BIN" genesis collect-gentxs --home "$HOME_DIR" >/dev/null 2>&1
  dev_governance "$HOME_DIR/config/genesis.json"
  "$BIN" genesis validate --home "$HOME_DIR" >/dev/null

  local cfg=$HOME_DIR/config
  toml_set "$cfg/config.toml" rpc laddr '"tcp://0.0.0.0:26657"'
  toml_set "$cfg/config.toml" rpc cors_allowed_origins '["*"]'
  toml_set "$cfg/app.toml" api address '"tcp://0.0.0.0:1317"'
  toml_set "$cfg/app.toml" api enabled-unsafe-cors true
  toml_set "$cfg/app.toml" grpc address '"0.0.0.0:9090"'
  # The application database on PebbleDB: less CPU per transaction than
  # goleveldb (docs/performance.md). Set at initialisation only: a database
  # stays in the backend that created it.
  toml_set "$cfg/app.toml" "" app-db-backend '"pebbledb"'
  toml_set "$cfg/client.toml" "" chain-id "\"$CHAIN_ID\""
  toml_set "$cfg/client.toml" "" keyring-backend '"test"'
}

if [[ ! -f $HOME_DIR/config/genesis.json ]]; then
  init_chain
fi

"$BIN" start --home "$HOME_DIR" &
NODE_PID=$!
stop_node() {
  kill -TERM "$NODE_PID" 2>/dev/null || true
  wait "$NODE_PID" 2>/dev/null || true
}
trap 'stop_node; exit 0' INT TERM
trap stop_node EXIT

wait_for_next_block "$RPC" 60
if [[ ! -f $HOME_DIR/demo-data.done ]]; then
  KIZUNAD=$BIN KIZUNA_HOME=$HOME_DIR "$ROOT/scripts/demo-data.sh"
  touch "$HOME_DIR/demo-data.done"
fi

cat <<MSG

Kizuna node $CHAIN_ID is running (home $HOME_DIR)
  REST (LCD)      http://localhost:1317   (OpenAPI: http://localhost:1317/swagger/)
  gRPC            localhost:9090          (reflection on)
  CometBFT RPC    http://localhost:26657  (websocket: ws://localhost:26657/websocket)
  Keys            validator, alice, bob, carol (--keyring-backend test --home $HOME_DIR)
Try: curl localhost:1317/kizuna/community/v1/communities
Stop with Ctrl-C.

MSG
wait $NODE_PID
