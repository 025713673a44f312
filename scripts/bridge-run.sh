#!/usr/bin/env bash
# make bridge-run: `make run`'s node (started here unless it is already
# running) with the bridge to a local Ethereum: geth --dev sealing a block a
# second (JSON-RPC on :8545), the bridge contract deployed with the chain's
# valset and set by governance, Kaga Coin's ERC-20 registered, and the
# validator's relayer running in the foreground (metrics on :9464). Ctrl-C
# stops the relayer, geth, and the node if it was started here. The
# Ethereum chain, the relayer's keys and its log live in .localnode/bridge/,
# which `make reset` wipes with the node's home.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
BIN=${KIZUNAD:-$ROOT/build/kizunad}
# shellcheck source=scripts/bridge-lib.sh
source "$ROOT/scripts/bridge-lib.sh"

HOME_DIR=${KIZUNA_HOME:-$ROOT/.localnode}
CHAIN_ID=kizuna-local-1
RPC=http://127.0.0.1:26657
ETH_PORT=8545
ETH=http://127.0.0.1:$ETH_PORT
BRIDGE_DIR=$HOME_DIR/bridge

NODE_PID=""
cleanup() {
  stop_pidfile "$BRIDGE_DIR/geth/geth.pid"
  if [[ -n $NODE_PID ]]; then
    kill -TERM "$NODE_PID" 2>/dev/null || true
    wait "$NODE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 0' INT TERM

if ! curl -fsS "$RPC/status" >/dev/null 2>&1; then
  mkdir -p "$ROOT/build"
  echo "Starting make run's node (its output in build/bridge-run-node.log)"
  KIZUNAD=$BIN "$ROOT/scripts/run.sh" >"$ROOT/build/bridge-run-node.log" 2>&1 &
  NODE_PID=$!
  for ((i = 0; i < 600; i++)); do
    [[ -f $HOME_DIR/demo-data.done ]] && break
    kill -0 "$NODE_PID" 2>/dev/null || { tail -n 20 "$ROOT/build/bridge-run-node.log" >&2; exit 1; }
    sleep 0.5
  done
  [[ -f $HOME_DIR/demo-data.done ]] || { echo "the node did not load its demo data within 300 s" >&2; exit 1; }
fi

voting=$("$BIN" q gov params -o json --home "$HOME_DIR" | jq -r '.params.voting_period' | tr -d s)
if ((${voting%%.*} > 60)); then
  echo "This node's governance votes in ${voting}s: it was created before development chains voted in 20 s." >&2
  echo "Run \`make reset\` (it wipes the chain) and \`make bridge-run\` again." >&2
  exit 1
fi

start_geth "$BRIDGE_DIR/geth" "$ETH_PORT" 8551
if [[ ! -f $BRIDGE_DIR/relayer/config.toml ]]; then
  setup_relayer "$CHAIN_ID" "$HOME_DIR" "$BRIDGE_DIR/relayer" 127.0.0.1:9090 "$ETH" 127.0.0.1:9464 0s
fi
if [[ -z $("$BIN" q bridge params -o json --home "$HOME_DIR" | jq -r '.params.contract_address // empty') ]]; then
  deploy_bridge "$HOME_DIR" "$BRIDGE_DIR/relayer" "$HOME_DIR"
fi
if ! "$BIN" q bridge token --denom cc/1/KGA -o json --home "$HOME_DIR" >/dev/null 2>&1; then
  kizunad_tx "$HOME_DIR" bridge register-currency-token 1 --from alice
fi
TOKEN=$("$BIN" q bridge token --denom cc/1/KGA -o json --home "$HOME_DIR" | jq -r .token.token_contract)

cat <<MSG

The bridge is running beside the node:
  Ethereum (geth --dev)  $ETH   (chain id 1337, a block a second)
  Bridge contract        $("$BIN" q bridge params -o json --home "$HOME_DIR" | jq -r .params.contract_address)
  Kaga Coin (cc/1/KGA)   ERC-20 $TOKEN (deployed by the relayer within seconds)
  Relayer                metrics http://127.0.0.1:9464/metrics, keys and config in $BRIDGE_DIR/relayer
Try, in another terminal:
  build/kizunad tx bridge send-to-ethereum 0x1111111111111111111111111111111111111111 100000cc/1/KGA 100cc/1/KGA --from bob --home $HOME_DIR
and watch the recipient's balance (in the token's static units) appear:
  curl -s $ETH -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"to":"$TOKEN","data":"0x70a082310000000000000000000000001111111111111111111111111111111111111111"},"latest"]}'
Stop with Ctrl-C. The relayer's log follows.

MSG
"$RELAYER" start --home "$BRIDGE_DIR/relayer" 2>&1 | tee -a "$BRIDGE_DIR/relayer/relayer.log"
