#!/usr/bin/env bash
# Loads the demo data of `make run` into a running node through ordinary CLI
# transactions: the community "Kaga Commons" (approval policy) with alice as
# admin, bob as moderator and carol as member, each with a profile; its
# currency KGA (4 decimals, 1 % community fee) with balances; WANT and GIVE
# ads, one of them paid; a funded fee account; a pending contribution; an ad
# thread and a group thread with a message each.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${KIZUNAD:-$ROOT/build/kizunad}
HOME_DIR=${KIZUNA_HOME:-$ROOT/.localnode}

# tx FROM ARGS... signs a transaction with a test-keyring key, waits for it to
# be committed and fails if it did not succeed.
tx() {
  local from=$1
  shift
  local out hash
  out=$("$BIN" tx "$@" --from "$from" --home "$HOME_DIR" --keyring-backend test \
    --fees 2000ukiz --gas 400000 --yes --output json)
  hash=$(sed -n 's/.*"txhash":"\([0-9A-F]*\)".*/\1/p' <<<"$out")
  if [[ -z $hash ]] || ! grep -q '"code":0' <<<"$out"; then
    echo "demo data: transaction refused: $out" >&2
    return 1
  fi
  out=$("$BIN" q wait-tx "$hash" --timeout 30s --home "$HOME_DIR" --output json)
  if ! grep -q '"code":0' <<<"$out"; then
    echo "demo data: transaction $hash failed: $out" >&2
    return 1
  fi
}

addr() { "$BIN" keys show "$1" -a --keyring-backend test --home "$HOME_DIR"; }

echo "Loading demo data"
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

# Money: Kaga Coin, 4 decimals (1 KGA = 10000 base units), 1 % fee.
tx alice ledger create-currency 1 KGA "Kaga Coin" 4 --fee-bps 100
# Nobody issues to itself: alice's start-up fund is a contribution that bob,
# a moderator, confirms (contribution 1).
tx alice ledger submit-contribution 1 5000000 "Coordinating the community's start-up"
tx bob ledger confirm-contribution 1
tx alice ledger issue 1 "$(addr bob)" 2000000 "Welcome to Kaga Commons"
tx alice ledger issue 1 "$(addr carol)" 2000000 "Welcome to Kaga Commons"

# Marketplace: two offers and a need; alice pays bob for his repairs.
tx bob ads create 1 give "Shelf and door repairs" 150000 --category repairs --location Kanazawa \
  --description "Squeaky doors, wobbly shelves, sticking drawers."
tx carol ads create 1 give "English conversation lessons" 100000 --category lessons \
  --description "One hour, at the community centre or online."
tx alice ads create 1 want "Help with the autumn festival" 200000 --category events \
  --description "Setting up stalls on Saturday morning."
tx alice ledger transfer 1 "$(addr bob)" 150000 --ad-id 1 --expected-fee-bps 100 --memo "Fixed the hall door"

# Fee sponsorship: 50 KIZ in the community's fee account pays members' fees.
tx alice ledger fund-fee-account 1 50000000

# Messaging: carol asks bob about his repairs ad; alice gathers volunteers.
tx carol messaging open-ad-thread 1
tx carol messaging post 1 "Hi Bob, could you also look at my garden gate?"
tx alice messaging create-group 1 "Festival volunteers" "$(addr bob)" "$(addr carol)"
tx bob messaging accept-invite 2 --community-id 1
tx carol messaging accept-invite 2 --community-id 1
tx alice messaging post 2 "Stalls go up at 8 on Saturday. Who brings the tables?"

# A contribution waiting for a moderator (bob) to confirm it.
tx carol ledger submit-contribution 1 100000 "Vegetable patch for the school"

echo "Demo data loaded: community 1 \"Kaga Commons\" with alice (admin), bob (moderator), carol (member),"
echo "  currency cc/1/KGA, ads 1-3 (ad 1 paid), a funded fee account, contribution 2 pending,"
echo "  threads 1 (ad thread carol-bob) and 2 (group \"Festival volunteers\")"
