#!/usr/bin/env bash
# Loads the demo data of `make run` into a running node through ordinary CLI
# transactions: the community "Kaga Commons" (approval policy) with alice as
# admin, bob as moderator and carol as member, each with a profile; its
# currency KGA (4 decimals, 1 % community fee, decaying with a half-life of a
# year) with balances; WANT and GIVE ads, one of them paid; a funded fee
# account; a pending contribution; an ad thread and a group thread with a
# message each; and community 2 "Kaga Time Bank", whose currency HOUR runs on
# mutual credit, with a payment on credit and a pending payment request.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${KIZUNAD:-$ROOT/build/kizunad}
HOME_DIR=${KIZUNA_HOME:-$ROOT/.localnode}

# The load is a numbered list of steps. demo-data.progress holds how many are
# done and demo-data.pending the hash of one sent but not yet seen in a block,
# so that a load that stopped (the node stopped, a wait timed out) resumes
# where it stopped instead of repeating what the chain already has.
PROGRESS=$HOME_DIR/demo-data.progress
PENDING=$HOME_DIR/demo-data.pending
DONE_STEPS=$(cat "$PROGRESS" 2>/dev/null || echo 0)
STEP=0

stop() {
  echo "demo data: stopped at step $STEP: $*" >&2
  echo "demo data: run \`make run\` again to resume from step $STEP, or \`make reset\` to start a new chain" >&2
  exit 1
}

# wait_for HASH TIMEOUT waits for a transaction's block and prints it; it
# fails if the transaction is not in a block within TIMEOUT (its output is
# then empty) or failed there.
wait_for() {
  "$BIN" q wait-tx "$1" --timeout "$2" --home "$HOME_DIR" --output json
}

# tx FROM ARGS... is one step: it signs a transaction with a test-keyring key
# (simulated gas, fees at the minimum gas price), sends it, waits for its
# block and fails if it did not succeed.
tx() {
  local from=$1 out hash
  shift
  STEP=$((STEP + 1))
  ((STEP > DONE_STEPS)) || return 0
  if [[ -s $PENDING ]]; then
    hash=$(cat "$PENDING")
    # The node is live again: a transaction it committed is in its index.
    if out=$(wait_for "$hash" 10s 2>/dev/null); then
      step_done
      return 0
    elif grep -q '"txhash"' <<<"$out"; then
      stop "transaction $hash failed: $out"
    fi
    # Never included (the node stopped before its block): send it again.
  fi
  # The SDK reports every gas estimate on stderr: only errors are shown.
  out=$("$BIN" tx "$@" --from "$from" --home "$HOME_DIR" --keyring-backend test \
    --broadcast-mode sync --yes --output json 2> >(grep -v '^gas estimate:' >&2)) || stop "transaction refused: $out"
  hash=$(sed -n 's/.*"txhash":"\([0-9A-F]*\)".*/\1/p' <<<"$out")
  [[ -n $hash ]] || stop "no transaction hash in: $out"
  echo "$hash" >"$PENDING"
  out=$(wait_for "$hash" 60s) || stop "transaction $hash: ${out:-not in a block}"
  step_done
}

step_done() {
  echo "$STEP" >"$PROGRESS"
  rm -f "$PENDING"
}

addr() { "$BIN" keys show "$1" -a --keyring-backend test --home "$HOME_DIR"; }

if ((DONE_STEPS > 0)); then
  echo "Loading demo data (resuming after step $DONE_STEPS)"
else
  echo "Loading demo data"
fi
tx alice community create-community "Kaga Commons" alice approval \
  --description "Neighbours of Kaga trading time, skills and goods" --location "Kaga, Ishikawa"
tx alice community update-profile 1 --first-name Alice --last-name Mori --location Kaga \
  --description "Community coordinator. Ask me anything."
tx bob community join 1 bob_tanaka --first-name Bob --last-name Tanaka --location Kanazawa \
  --description "Carpenter; happy to fix shelves and doors."
tx carol community join 1 carol --first-name Carol --last-name Suzuki --location Kaga \
  --description "Grows vegetables, teaches English."
tx alice community approve 1 "$(addr bob)"
tx alice community approve 1 "$(addr carol)"
tx alice community set-role 1 "$(addr bob)" moderator

# Money: Kaga Coin, 4 decimals (1 KGA = 10000 base units; the ledger's
# payment commands take KGA), 1 % fee; like
# Gradido it decays: half of a balance is gone after a year (31556952 s).
tx alice ledger create-currency 1 KGA "Kaga Coin" 4 --fee-bps 100 --half-life-seconds 31556952
# Nobody issues to itself: alice's start-up fund is a contribution that bob,
# a moderator, confirms (contribution 1).
tx alice ledger submit-contribution 1 500 "Coordinating the community's start-up"
tx bob ledger confirm-contribution 1
tx alice ledger issue 1 @bob_tanaka 200 "Welcome to Kaga Commons"
tx alice ledger issue 1 @carol 200 "Welcome to Kaga Commons"

# Marketplace: two offers and a need; alice pays bob for his repairs.
tx bob ads create 1 give "Shelf and door repairs" 15 --category repairs --location Kanazawa \
  --description "Squeaky doors, wobbly shelves, sticking drawers."
tx carol ads create 1 give "English conversation lessons" 10 --category lessons \
  --description "One hour, at the community centre or online."
tx alice ads create 1 want "Help with the autumn festival" 20 --category events \
  --description "Setting up stalls on Saturday morning."
tx alice ledger transfer 1 @bob_tanaka 15 --ad-id 1 --memo "Fixed the hall door"

# Fee sponsorship: 50 KIZ in the community's fee account pays members' fees.
tx alice ledger fund-fee-account 1 50000000

# Messaging, sealed end to end: each member publishes its messaging key
# (derived from its account key), then carol asks bob about his repairs ad
# and alice gathers volunteers.
tx alice messaging publish-key --community-id 1
tx bob messaging publish-key --community-id 1
tx carol messaging publish-key --community-id 1
tx carol messaging open-ad-thread 1
tx carol messaging post 1 "Hi Bob, could you also look at my garden gate?"
tx alice messaging create-group 1 "Festival volunteers" "$(addr bob)" "$(addr carol)"
tx bob messaging accept-invite 2 --community-id 1
tx carol messaging accept-invite 2 --community-id 1
tx alice messaging post 2 "Stalls go up at 8 on Saturday. Who brings the tables?"

# A contribution waiting for a moderator (bob) to confirm it.
tx carol ledger submit-contribution 1 10 "Vegetable patch for the school"

# A time bank on mutual credit (Komunitin): community 2 and its currency
# HOUR, 2 decimals (1 HOUR = 100 base units). Nothing is issued: every member
# may go 20 hours below zero, nobody holds more than 100 hours.
tx alice community create-community "Kaga Time Bank" alice_tb open \
  --description "An hour of help for an hour of help" --location "Kaga, Ishikawa"
tx bob community join 2 bob_tb --first-name Bob
tx carol community join 2 carol_tb --first-name Carol
tx alice ledger create-currency 2 HOUR "Hours" 2 --issuance-policy mutual-credit \
  --default-credit-limit 2000 --max-balance 10000
# bob pays carol 3 hours on credit: he owes 3 hours, she holds them.
tx bob ledger transfer 2 @carol_tb 3 --memo "English lessons for my daughter, 3 hours"
# carol asks alice to pay for 2 hours of garden help (payment request 1).
tx carol ledger request-payment 2 @alice_tb 2 --memo "Garden help, 2 hours"

rm -f "$PROGRESS" "$PENDING"
echo "Demo data loaded: community 1 \"Kaga Commons\" with alice (admin), bob (moderator), carol (member),"
echo "  currency cc/1/KGA (decaying), ads 1-3 (ad 1 paid), a funded fee account, contribution 2 pending,"
echo "  threads 1 (ad thread carol-bob) and 2 (group \"Festival volunteers\");"
echo "  community 2 \"Kaga Time Bank\" with mutual-credit currency cc/2/HOUR, payment request 1 pending"
