#!/usr/bin/env bash
# Runs every Go fuzz target of the repository for DURATION each and stops at
# the first failure, showing the input that failed. Go fuzzes one target per
# `go test` invocation, so the targets are listed per package with
# `go test -list` and run one after the other.
#
# Usage: scripts/fuzz.sh DURATION [GO_TEST_FLAGS...]
#   DURATION       a -fuzztime: 30s, 5m, or 1000x for a number of inputs
#   GO_TEST_FLAGS  passed on to every go test, e.g. -timeout 0 for
#                  durations beyond go test's default timeout of 10m
#
# A failing input is written to testdata/fuzz/<Target>/ of its package: keep
# it there as a regression seed once the bug is fixed.
set -euo pipefail

if [[ $# -lt 1 || -z $1 || $1 == -* ]]; then
	echo "usage: $0 DURATION [GO_TEST_FLAGS...]   (DURATION: a go test -fuzztime, e.g. 30s or 1000x)" >&2
	exit 2
fi
duration=$1
shift

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
module=$(go list -m)

# Packages with fuzz targets: the directories of test files declaring one.
# go test -list then names the targets go test actually sees.
mapfile -t dirs < <(grep -rlE --include='*_test.go' --exclude-dir=.git --exclude-dir=build '^func Fuzz[A-Z0-9_]' . |
	xargs -r -n1 dirname | sort -u)
if [[ ${#dirs[@]} -eq 0 ]]; then
	echo "fuzz.sh: no fuzz targets found" >&2
	exit 1
fi

listing=$(go test -list '^Fuzz' "$@" "${dirs[@]}")
targets=() # "import/path Name"
names=()
while IFS= read -r line; do
	case $line in
	Fuzz*) names+=("$line") ;;
	ok*)
		pkg=$(awk '{print $2}' <<<"$line")
		for name in "${names[@]}"; do
			targets+=("$pkg $name")
		done
		names=()
		;;
	esac
done <<<"$listing"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "fuzz.sh: ${#targets[@]} targets, $duration each"
start=$SECONDS
for target in "${targets[@]}"; do
	read -r pkg name <<<"$target"
	dir=${pkg#"$module"}
	dir=.${dir:-/}
	began=$SECONDS
	if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" "$@" "$dir" >"$log" 2>&1; then
		printf 'ok    %-28s %-36s %4ds\n' "$dir" "$name" $((SECONDS - began))
		continue
	fi
	# Go before 1.27 may fail a target with a bare "context deadline exceeded"
	# when -fuzztime runs out while a starved worker is mid-input
	# (go.dev/issue/75804). Without a failing input there is nothing to
	# report, once the seeds and testdata corpus still pass.
	if grep -q '^[[:space:]]*context deadline exceeded$' "$log" && ! grep -q 'Failing input written to' "$log" &&
		go test -run "^${name}\$" "$@" "$dir" >"$log" 2>&1; then
		printf 'ok    %-28s %-36s %4ds  (fuzzing deadline race, go.dev/issue/75804; corpus passes)\n' "$dir" "$name" $((SECONDS - began))
		continue
	fi
	printf 'FAIL  %-28s %-36s %4ds\n' "$dir" "$name" $((SECONDS - began))
	grep -v '^fuzz: elapsed' "$log" >&2 || true
	input=$(sed -n 's/^[[:space:]]*Failing input written to \(.*\)$/\1/p' "$log" | head -n 1)
	if [[ -n $input ]]; then
		echo >&2
		echo "failing input: $dir/$input" >&2
		echo "re-run it:     go test -run '^${name}\$/^${input##*/}\$' $dir" >&2
	fi
	exit 1
done
echo "fuzz.sh: ${#targets[@]} targets passed in $((SECONDS - start))s"
