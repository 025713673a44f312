# Shared by scripts/bridge-run.sh and scripts/localnet.sh: a local Ethereum
# (geth --dev), relayers for validators, the contract's deployment and its
# address set by governance. Needs lib.sh, $ROOT and $BIN (kizunad).

GETH=${GETH:-$ROOT/build/tools/geth}
RELAYER=${RELAYER:-$ROOT/build/kizuna-relayer}
# The relayers' keys on a development network are encrypted with this
# passphrase, kept next to them: it guards nothing of value.
DEV_RELAYER_PASSPHRASE=kizuna-dev-relayer

# eth_rpc URL METHOD PARAMS-JSON: the JSON-RPC result, or an error.
eth_rpc() {
  local url=$1 method=$2 params=$3 out
  out=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$method\",\"params\":$params}" "$url") || return 1
  if [[ $(jq -r 'has("error")' <<<"$out") == true ]]; then
    echo "$method: $(jq -c .error <<<"$out")" >&2
    return 1
  fi
  jq -r '.result' <<<"$out"
}

# start_geth DIR HTTP_PORT AUTH_PORT: a geth --dev node sealing a block a
# second, its chain kept in DIR across restarts.
start_geth() {
  local dir=$1 port=$2 auth=$3 pidfile=$1/geth.pid
  mkdir -p "$dir"
  if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "geth already running (pid $(cat "$pidfile"))"
    return 0
  fi
  nohup "$GETH" --dev --dev.period 1 --datadir "$dir/data" --ipcdisable --nodiscover --maxpeers 0 --port 0 \
    --http --http.addr 127.0.0.1 --http.port "$port" --http.api eth,net,web3 --authrpc.port "$auth" \
    --verbosity 2 >>"$dir/geth.log" 2>&1 &
  echo $! >"$pidfile"
  local i
  for ((i = 0; i < 120; i++)); do
    eth_rpc "http://127.0.0.1:$port" eth_blockNumber '[]' >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$pidfile")" 2>/dev/null || break
    sleep 0.5
  done
  echo "geth did not answer on port $port; last lines of $dir/geth.log:" >&2
  tail -n 20 "$dir/geth.log" >&2
  return 1
}

# stop_pidfile FILE: SIGTERM the process of a pid file and wait for it.
stop_pidfile() {
  local pidfile=$1 pid t
  [[ -f $pidfile ]] || return 0
  pid=$(cat "$pidfile")
  rm -f "$pidfile"
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid"
  for ((t = 0; t < 60; t++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# ONE_HUNDRED_ETH is 100 ether in wei, as JSON-RPC quantities are written.
ONE_HUNDRED_ETH=0x56bc75e2d63100000

# fund_eth URL ADDRESS: the dev account sends ADDRESS 100 ether.
fund_eth() {
  local url=$1 to=$2 from hash i
  from=$(eth_rpc "$url" eth_accounts '[]' | jq -r '.[0]')
  hash=$(eth_rpc "$url" eth_sendTransaction "[{\"from\":\"$from\",\"to\":\"$to\",\"value\":\"$ONE_HUNDRED_ETH\"}]") || return 1
  for ((i = 0; i < 60; i++)); do
    [[ $(eth_rpc "$url" eth_getTransactionReceipt "[\"$hash\"]") != null ]] && return 0
    sleep 0.5
  done
  echo "funding $to: transaction $hash not mined" >&2
  return 1
}

# setup_relayer CHAIN_ID NODE_HOME RELAYER_HOME GRPC ETH_URL METRICS_ADDR RELAY_DELAY:
# keys and config.toml for the relayer of the validator whose operator key
# is "validator" in NODE_HOME's test keyring; its orchestrator account and
# Ethereum address funded; the keys registered with the chain.
setup_relayer() {
  local chain_id=$1 node_home=$2 rhome=$3 grpc=$4 eth=$5 metrics=$6 delay=$7 out orch ethaddr valoper sig
  mkdir -p "$rhome"
  echo "$DEV_RELAYER_PASSPHRASE" >"$rhome/password"
  chmod 600 "$rhome/password"
  out=$("$RELAYER" init --home "$rhome" --chain-id "$chain_id" --chain-grpc "$grpc" --ethereum-rpc "$eth" \
    --metrics-addr "$metrics" --password-file "$rhome/password" --light-kdf)
  orch=$(jq -r .orchestrator <<<"$out")
  ethaddr=$(jq -r .ethereum_address <<<"$out")
  # A development chain: a block a second on both sides.
  toml_set "$rhome/config.toml" "" confirmations 2
  toml_set "$rhome/config.toml" "" poll_interval "'1s'"
  toml_set "$rhome/config.toml" "" relay_delay "'$delay'"
  fund_eth "$eth" "$ethaddr"
  kizunad_tx "$node_home" bank send validator "$orch" 10000000ukiz
  valoper=$("$BIN" keys show validator --bech val -a --keyring-backend test --home "$node_home")
  sig=$("$RELAYER" registration-signature --home "$rhome" --validator "$valoper" | jq -r .signature)
  kizunad_tx "$node_home" bridge register-ethereum-key "$orch" "$ethaddr" "$sig" --from validator
  echo "relayer of $valoper: orchestrator $orch, Ethereum $ethaddr ($rhome)"
}

# kizunad_tx NODE_HOME ARGS...: a transaction signed in NODE_HOME's test
# keyring, waited for until its block; its output kept quiet unless it
# fails.
kizunad_tx() {
  local home=$1 out
  shift
  out=$("$BIN" tx "$@" --home "$home" --keyring-backend test -y --output json 2>&1) || {
    echo "kizunad tx $*: $out" >&2
    return 1
  }
}

# start_relayer RELAYER_HOME: the relayer in the background, its log in
# RELAYER_HOME/relayer.log.
start_relayer() {
  local rhome=$1 pidfile=$1/relayer.pid
  if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "relayer $rhome already running (pid $(cat "$pidfile"))"
    return 0
  fi
  nohup "$RELAYER" start --home "$rhome" >>"$rhome/relayer.log" 2>&1 &
  echo $! >"$pidfile"
}

# deploy_bridge NODE_HOME RELAYER_HOME VOTER_HOMES...: once the chain has a
# valset, deploys the contract with it (paid by the relayer's Ethereum key),
# proposes the contract's address and height to governance from NODE_HOME's
# validator, votes yes from every voter's validator and waits for the
# params to change.
deploy_bridge() {
  local node_home=$1 rhome=$2 out addr height params deposit id i
  shift 2
  for ((i = 0; i < 120; i++)); do
    [[ $("$BIN" q bridge info -o json --home "$node_home" | jq -r '.latest_valset.nonce // empty') != "" ]] && break
    sleep 0.5
  done
  out=$("$RELAYER" deploy-contract --home "$rhome") || return 1
  addr=$(jq -r .contract_address <<<"$out")
  height=$(jq -r .contract_height <<<"$out")
  echo "bridge contract $addr deployed at Ethereum block $height"
  params=$("$BIN" q bridge params -o json --home "$node_home" |
    jq -c --arg a "$addr" --arg h "$height" '.params | .contract_address = $a | .contract_height = $h | .ethereum_block_seconds = 1')
  deposit=$("$BIN" q gov params -o json --home "$node_home" | jq -r '.params.min_deposit[0] | .amount + .denom')
  kizunad_tx "$node_home" bridge update-params-proposal "$params" --deposit "$deposit" --from validator \
    --title "Set the bridge contract" --summary "The bridge contract $addr, deployed at Ethereum block $height, holds the chain's valset."
  id=$("$BIN" q gov proposals -o json --home "$node_home" | jq -r '.proposals[-1].id')
  local voter
  for voter in "$@"; do
    kizunad_tx "$voter" gov vote "$id" yes --from validator
  done
  echo "governance proposal $id sets the contract; voting..."
  for ((i = 0; i < 240; i++)); do
    if [[ $("$BIN" q bridge params -o json --home "$node_home" | jq -r .params.contract_address) == "$addr" ]]; then
      echo "the chain's bridge contract is $addr"
      return 0
    fi
    sleep 0.5
  done
  echo "proposal $id did not pass within 120 s: $("$BIN" q gov proposal "$id" -o json --home "$node_home" | jq -c '.proposal.status')" >&2
  return 1
}
