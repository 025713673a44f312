#!/usr/bin/env bash
# Fails when the committed contract artifacts or Go bindings are stale: it
# compiles contracts/ with the pinned solc (node_modules, from npm ci) into a
# temporary directory, generates the bindings there with tools/contractgen,
# and compares both with the committed ones. `make contracts-check` runs it
# after installing node_modules; `make contracts` regenerates the files.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

if [[ ! -f "$HERE/node_modules/solc/package.json" ]]; then
	echo "contracts-check: contracts/node_modules is missing; run 'make contracts-check' (it runs npm ci) or 'npm ci' in contracts/" >&2
	exit 1
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

node "$HERE/build.js" --out "$TMP" >/dev/null
(cd "$ROOT" && go run ./tools/contractgen -in "$TMP" -out "$TMP") >/dev/null

stale=()
for dir in artifacts test/artifacts bindings internal/testbindings; do
	if ! diff -r "$HERE/$dir" "$TMP/$dir" >"$TMP/diff.txt" 2>&1; then
		stale+=("contracts/$dir")
		echo "--- contracts/$dir (committed) vs freshly generated:" >&2
		head -n 40 "$TMP/diff.txt" >&2
	fi
done

if ((${#stale[@]} > 0)); then
	echo "contracts-check: stale generated files in: ${stale[*]}" >&2
	echo "contracts-check: run 'make contracts' and commit the result" >&2
	exit 1
fi
echo "contracts-check: artifacts and bindings are up to date"
