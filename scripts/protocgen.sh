#!/usr/bin/env bash
# Regenerates every generated Go file (*.pb.go, *.pb.gw.go) from proto/, the
# OpenAPI document, and the web app's TypeScript encoders of the Msgs
# (web/src/gen, with ts-proto pinned in web/package-lock.json).
#
# Works offline once `go mod download` has run: the compiler and the plugins
# are pinned Go tools installed into build/tools, and the imported .proto
# files (gogoproto, cosmos-proto, cosmos-sdk, googleapis) are copied from the
# Go module cache at the versions go.mod selects. The Buf Schema Registry is
# never used.
set -euo pipefail

BUF_VERSION=v1.75.0
GOGOPROTO_VERSION=v1.7.2    # github.com/cosmos/gogoproto; must match go.mod
GRPC_GATEWAY_VERSION=v1.16.0 # github.com/grpc-ecosystem/grpc-gateway; must match go.mod

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

TOOLS="$ROOT/build/tools"
WORK="$ROOT/build/_protogen"
MODULE=$(go list -m)

die() {
	echo "protocgen: $*" >&2
	exit 1
}

module_dir() {
	go list -m -f '{{.Dir}}' "$1"
}

module_version() {
	go list -m -f '{{.Version}}' "$1"
}

# install_tool NAME PACKAGE VERSION installs PACKAGE@VERSION into build/tools
# unless that exact version is already there.
install_tool() {
	local name=$1 pkg=$2 version=$3
	local stamp="$TOOLS/.$name.version"
	if [[ -x "$TOOLS/$name" && -f "$stamp" && "$(cat "$stamp")" == "$version" ]]; then
		return
	fi
	echo "installing $pkg@$version"
	GOBIN="$TOOLS" go install "$pkg@$version"
	echo "$version" >"$stamp"
}

[[ "$(module_version github.com/cosmos/gogoproto)" == "$GOGOPROTO_VERSION" ]] ||
	die "go.mod requires github.com/cosmos/gogoproto $(module_version github.com/cosmos/gogoproto), this script pins $GOGOPROTO_VERSION"
[[ "$(module_version github.com/grpc-ecosystem/grpc-gateway)" == "$GRPC_GATEWAY_VERSION" ]] ||
	die "go.mod requires github.com/grpc-ecosystem/grpc-gateway $(module_version github.com/grpc-ecosystem/grpc-gateway), this script pins $GRPC_GATEWAY_VERSION"

mkdir -p "$TOOLS"
install_tool buf github.com/bufbuild/buf/cmd/buf "$BUF_VERSION"
install_tool protoc-gen-gocosmos github.com/cosmos/gogoproto/protoc-gen-gocosmos "$GOGOPROTO_VERSION"
install_tool protoc-gen-grpc-gateway github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway "$GRPC_GATEWAY_VERSION"
install_tool protoc-gen-swagger github.com/grpc-ecosystem/grpc-gateway/protoc-gen-swagger "$GRPC_GATEWAY_VERSION"

go mod download github.com/cosmos/gogoproto github.com/cosmos/cosmos-proto \
	github.com/cosmos/cosmos-sdk github.com/grpc-ecosystem/grpc-gateway
GOGOPROTO_DIR=$(module_dir github.com/cosmos/gogoproto)
COSMOS_PROTO_DIR=$(module_dir github.com/cosmos/cosmos-proto)
COSMOS_SDK_DIR=$(module_dir github.com/cosmos/cosmos-sdk)
GRPC_GATEWAY_DIR=$(module_dir github.com/grpc-ecosystem/grpc-gateway)

# One buf module holds our files and the third-party files they import.
# google/protobuf/*.proto come with buf itself.
rm -rf "$WORK"
mkdir -p "$WORK/src" "$WORK/out"
cp -R proto/kizuna "$WORK/src/kizuna"

third_party=(
	"$GOGOPROTO_DIR:gogoproto/gogo.proto"
	"$COSMOS_PROTO_DIR/proto:cosmos_proto/cosmos.proto"
	"$COSMOS_SDK_DIR/proto:amino/amino.proto"
	"$COSMOS_SDK_DIR/proto:cosmos/msg/v1/msg.proto"
	"$COSMOS_SDK_DIR/proto:cosmos/query/v1/query.proto"
	"$COSMOS_SDK_DIR/proto:cosmos/base/query/v1beta1/pagination.proto"
	"$COSMOS_SDK_DIR/proto:cosmos/base/v1beta1/coin.proto"
	"$GRPC_GATEWAY_DIR/third_party/googleapis:google/api/annotations.proto"
	"$GRPC_GATEWAY_DIR/third_party/googleapis:google/api/http.proto"
)
for entry in "${third_party[@]}"; do
	root=${entry%%:*}
	file=${entry#*:}
	[[ -f "$root/$file" ]] || die "missing $root/$file"
	mkdir -p "$WORK/src/$(dirname "$file")"
	cp "$root/$file" "$WORK/src/$file"
done
# Files copied from the module cache are read-only.
chmod -R u+w "$WORK"

cat >"$WORK/src/buf.yaml" <<'YAML'
version: v2
lint:
  use:
    - STANDARD
    - COMMENTS
  except:
    - RPC_REQUEST_RESPONSE_UNIQUE
    - RPC_REQUEST_STANDARD_NAME
    - RPC_RESPONSE_STANDARD_NAME
    - SERVICE_SUFFIX
  ignore:
    - amino
    - cosmos
    - cosmos_proto
    - gogoproto
    - google
YAML

cat >"$WORK/buf.gen.yaml" <<YAML
version: v2
plugins:
  - local: $TOOLS/protoc-gen-gocosmos
    out: $WORK/out
    opt:
      - plugins=grpc
      - Mgoogle/protobuf/any.proto=github.com/cosmos/gogoproto/types/any
  - local: $TOOLS/protoc-gen-grpc-gateway
    out: $WORK/out
    opt:
      - logtostderr=true
      - allow_colon_final_segments=true
YAML

# The OpenAPI document of every kizuna.* REST route, merged into one file
# that the node serves at /swagger/.
cat >"$WORK/buf.gen.openapi.yaml" <<YAML
version: v2
plugins:
  - local: $TOOLS/protoc-gen-swagger
    out: $WORK/openapi
    strategy: all
    opt:
      - logtostderr=true
      - allow_merge=true
      - merge_file_name=kizuna
      - fqn_for_swagger_name=true
YAML

echo "generating Go code from proto/"
(cd "$WORK/src" && "$TOOLS/buf" generate --template "$WORK/buf.gen.yaml" --path kizuna)

# The member web app signs Msgs itself: ts-proto writes their encoders (and
# those of the types they use) from every tx.proto.
if [[ ! -x "$ROOT/web/node_modules/.bin/protoc-gen-ts_proto" ]]; then
	(cd "$ROOT/web" && npm ci --no-audit --no-fund)
fi
cat >"$WORK/buf.gen.ts.yaml" <<YAML
version: v2
plugins:
  - local: $ROOT/web/node_modules/.bin/protoc-gen-ts_proto
    out: $WORK/ts
    opt:
      - forceLong=bigint
      - esModuleInterop=true
      - outputServices=false
      - outputJsonMethods=false
      - outputClientImpl=false
      - useDate=false
YAML
echo "generating the web app's Msg encoders"
tx_protos=()
while IFS= read -r file; do
	tx_protos+=(--path "$file")
done < <(cd "$WORK/src" && find kizuna -name tx.proto | sort)
(cd "$WORK/src" && "$TOOLS/buf" generate --template "$WORK/buf.gen.ts.yaml" "${tx_protos[@]}")

echo "generating the OpenAPI document"
query_protos=()
while IFS= read -r file; do
	query_protos+=(--path "$file")
done < <(cd "$WORK/src" && find kizuna -name query.proto | sort)
(cd "$WORK/src" && "$TOOLS/buf" generate --template "$WORK/buf.gen.openapi.yaml" "${query_protos[@]}")
[[ -f "$WORK/openapi/kizuna.swagger.json" ]] || die "no OpenAPI document was generated"

generated="$WORK/out/$MODULE"
[[ -d "$generated" ]] || die "nothing was generated under $MODULE"
stray=$(cd "$WORK/out" && find . -type f ! -path "./$MODULE/*")
[[ -z "$stray" ]] || die "generated files outside $MODULE (check go_package): $stray"

# Drop what an earlier run generated, so a deleted or moved .proto leaves no
# stale Go file behind, then put the fresh files in place.
find . \( -path ./build -o -path ./.git \) -prune -o \
	-type f \( -name '*.pb.go' -o -name '*.pb.gw.go' \) -print0 |
	xargs -0 -r grep -l -Z '^// source: kizuna/' |
	xargs -0 -r rm -f
cp -R "$generated/." "$ROOT/"
rm -rf "$ROOT/web/src/gen"
cp -R "$WORK/ts" "$ROOT/web/src/gen"
sed -e 's|"title": "kizuna/[a-z]*/v1/query.proto"|"title": "Kizuna REST API"|' \
	-e 's|"version": "version not set"|"version": "v1"|' \
	"$WORK/openapi/kizuna.swagger.json" >"$ROOT/docs/openapi/kizuna.swagger.json"

echo "done"
