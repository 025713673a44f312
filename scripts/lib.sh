# Shared helpers of the node scripts; sourced, not run.
# shellcheck shell=bash

# toml_set FILE SECTION KEY VALUE sets KEY in [SECTION] ("" for the top level)
# of a TOML file written by kizunad init. VALUE is written as given (quote
# strings yourself).
toml_set() {
  local file=$1 section=$2 key=$3 value=$4
  awk -v section="$section" -v key="$key" -v value="$value" '
    BEGIN { current = "" }
    /^\[.*\]$/ { current = substr($0, 2, length($0) - 2) }
    current == section && $0 ~ "^" key " *=" && !done { print key " = " value; done = 1; next }
    { print }
    END { if (!done) { exit 3 } }
  ' "$file" > "$file.tmp" || { rm -f "$file.tmp"; echo "toml_set: no key $key in [$section] of $file" >&2; return 1; }
  mv "$file.tmp" "$file"
}

# wait_for_height RPC_URL HEIGHT SECONDS waits until the node at RPC_URL has
# committed HEIGHT, or fails after SECONDS.
wait_for_height() {
  local rpc=$1 want=$2 seconds=$3 height=0 i
  for ((i = 0; i < seconds * 2; i++)); do
    height=$(curl -fsS "$rpc/status" 2>/dev/null | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p' || true)
    if [[ -n $height && $height -ge $want ]]; then
      return 0
    fi
    sleep 0.5
  done
  echo "node at $rpc did not reach height $want within ${seconds}s (at ${height:-none})" >&2
  return 1
}

# wait_for_rpc RPC_URL SECONDS waits until the node at RPC_URL answers.
wait_for_rpc() {
  local rpc=$1 seconds=$2 i
  for ((i = 0; i < seconds * 2; i++)); do
    curl -fsS "$rpc/status" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "node at $rpc did not answer within ${seconds}s" >&2
  return 1
}

# wait_for_next_block RPC_URL SECONDS waits until the node at RPC_URL answers
# and then commits one more block: it is live, not only replaying.
wait_for_next_block() {
  local rpc=$1 seconds=$2 height="" i
  for ((i = 0; i < seconds * 2; i++)); do
    height=$(curl -fsS "$rpc/status" 2>/dev/null | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p' || true)
    [[ -n $height ]] && break
    sleep 0.5
  done
  [[ -n $height ]] || { echo "node at $rpc did not answer within ${seconds}s" >&2; return 1; }
  wait_for_height "$rpc" $((height + 1)) "$seconds"
}

# add_key KIZUNAD HOME NAME MNEMONIC restores a test-keyring key.
add_key() {
  local bin=$1 home=$2 name=$3 mnemonic=$4
  echo "$mnemonic" | "$bin" keys add "$name" --recover --keyring-backend test --home "$home" --output json >/dev/null 2>&1
}

# key_address KIZUNAD HOME NAME prints a test-keyring key's address.
key_address() {
  "$1" keys show "$3" -a --keyring-backend test --home "$2"
}

# dev_governance GENESIS: a development chain's governance votes in 20
# seconds (10 expedited) instead of two days, so that a proposal such as
# setting the bridge contract passes while one watches.
dev_governance() {
  local genesis=$1
  jq '.app_state.gov.params.voting_period = "20s" | .app_state.gov.params.expedited_voting_period = "10s"' \
    "$genesis" >"$genesis.tmp" && mv "$genesis.tmp" "$genesis"
}
