#!/usr/bin/env bash
# Fails when the committed generated Go code does not match proto/ (it
# regenerates into the work tree and reports every changed, deleted or new
# generated file) or when proto/ breaks the lint rules of protocgen.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

"$ROOT/scripts/protocgen.sh"

echo "linting proto/"
(cd "$ROOT/build/_protogen/src" && "$ROOT/build/tools/buf" lint)

patterns=('*.pb.go' '*.pb.gw.go' 'docs/openapi/kizuna.swagger.json' 'web/src/gen')
status=$(git status --porcelain --untracked-files=all -- "${patterns[@]}")
if [[ -n "$status" ]]; then
	echo "protocheck: generated code is out of date with proto/; run scripts/protocgen.sh and commit:" >&2
	echo "$status" >&2
	git --no-pager diff --stat -- "${patterns[@]}" >&2
	git --no-pager diff -- "${patterns[@]}" >&2
	exit 1
fi
echo "protocheck: generated code is up to date"
