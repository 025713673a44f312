# Kizuna: every routine task has a target here. `make help` lists them.

SHELL := /usr/bin/env bash
.DEFAULT_GOAL := help

BUILD_DIR  := $(CURDIR)/build
TOOLS_DIR  := $(BUILD_DIR)/tools
KIZUNAD    := $(BUILD_DIR)/kizunad
RELAYER    := $(BUILD_DIR)/kizuna-relayer
GETH       := $(TOOLS_DIR)/geth

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS := -X github.com/cosmos/cosmos-sdk/version.Name=kizuna \
	-X github.com/cosmos/cosmos-sdk/version.AppName=kizunad \
	-X github.com/cosmos/cosmos-sdk/version.Version=$(VERSION) \
	-X github.com/cosmos/cosmos-sdk/version.Commit=$(COMMIT)

GOLANGCI_LINT_VERSION := v2.15.0
GRPCURL_VERSION       := v1.9.3
# geth runs the local Ethereum of the bridge (--dev). v1.17's cmd/geth needs
# a module the Go proxy does not serve; v1.16.7 builds in about two minutes.
GETH_VERSION          := v1.16.7

GO_TEST_FLAGS ?= -count=1
export PATH := $(TOOLS_DIR):$(PATH)

##@ Everyday

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*##"} /^[a-zA-Z_-]+:.*##/ {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2} /^##@/ {printf "\n%s\n", substr($$0, 5)}' $(MAKEFILE_LIST)

.PHONY: build
build: web ## Build kizunad (with the member web app embedded) into build/
	go build -ldflags '$(LDFLAGS)' -o $(KIZUNAD) ./cmd/kizunad

.PHONY: relayer
relayer: ## Build kizuna-relayer (the bridge orchestrator) into build/
	go build -ldflags '$(LDFLAGS)' -o $(RELAYER) ./cmd/kizuna-relayer

.PHONY: install
install: ## Install kizunad into GOBIN
	go install -ldflags '$(LDFLAGS)' ./cmd/kizunad

.PHONY: system-deps
system-deps: ## Install the Debian packages the node scripts and the README's examples use (curl, jq) when missing
	@command -v curl >/dev/null 2>&1 && command -v jq >/dev/null 2>&1 || { \
		echo "installing curl and jq"; \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq --no-install-recommends curl jq ca-certificates; }

.PHONY: run
run: build system-deps ## Start a single-validator node with demo data (REST :1317, gRPC :9090, RPC :26657)
	KIZUNAD=$(KIZUNAD) scripts/run.sh

.PHONY: bridge-run
bridge-run: build relayer $(GETH) system-deps ## `make run`'s node plus a local Ethereum (geth --dev :8545), the bridge contract and the validator's relayer
	KIZUNAD=$(KIZUNAD) RELAYER=$(RELAYER) GETH=$(GETH) scripts/bridge-run.sh

.PHONY: reset
reset: ## Wipe the `make run` node's home (.localnode/, with the bridge's Ethereum chain)
	rm -rf $(CURDIR)/.localnode

##@ Tests

.PHONY: test
test: lint proto-check contracts-check test-unit test-web test-web-e2e test-system test-faults-short test-bridge ## The whole test suite: lint, generated code (proto, contracts), unit (fuzz seeds included), web (unit and in Chromium), system, short fault and bridge end-to-end tests

.PHONY: check
check: $(TOOLS_DIR)/golangci-lint ## Fast edit-test loop: build, vet, lint and unit tests (no system, fault or fuzz runs)
	go build ./...
	go vet ./...
	golangci-lint run ./...
	go test $(GO_TEST_FLAGS) -short $$(go list ./... | grep -v -e /tests/system -e /tests/faults -e /tests/bridge -e /tests/web)

.PHONY: test-unit
test-unit: ## Unit and keeper tests (fuzz targets run their seeds)
	go test $(GO_TEST_FLAGS) $$(go list ./... | grep -v -e /tests/system -e /tests/faults -e /tests/bridge -e /tests/web)

.PHONY: test-system
test-system: build system-deps $(TOOLS_DIR)/grpcurl ## System tests: real kizunad processes (single node and 4-validator localnet)
	KIZUNAD=$(KIZUNAD) go test $(GO_TEST_FLAGS) -timeout 20m -v ./tests/system/...

.PHONY: test-faults-short
test-faults-short: build system-deps ## Fault tests, short subset: crash the single node and one of four validators under load; the load driver against a node
	KIZUNAD=$(KIZUNAD) go test $(GO_TEST_FLAGS) -short -timeout 20m -v ./tests/faults/... ./tools/load/

.PHONY: test-faults
test-faults: build system-deps ## Fault tests under load: crashes, loss of quorum, state sync join (4-validator localnet)
	KIZUNAD=$(KIZUNAD) go test $(GO_TEST_FLAGS) -timeout 40m -v ./tests/faults/...

.PHONY: test-bridge
test-bridge: build relayer $(GETH) system-deps ## Bridge end to end: geth --dev, a 4-validator localnet and 4 relayers (crashes, 1 and 2 of 4 relayers down)
	KIZUNAD=$(KIZUNAD) RELAYER=$(RELAYER) GETH=$(GETH) go test $(GO_TEST_FLAGS) -timeout 30m -v ./tests/bridge/...

SIM_BLOCKS ?= 500
SIM_SEEDS  ?= 1,2,3,4,5

.PHONY: test-sim
test-sim: ## Long chain simulation: SIM_BLOCKS blocks (default 500) for each of SIM_SEEDS (default 1,2,3,4,5), invariants checked every 10 blocks
	KIZUNA_SIM_LONG=1 KIZUNA_SIM_BLOCKS=$(SIM_BLOCKS) KIZUNA_SIM_SEEDS=$(SIM_SEEDS) go test $(GO_TEST_FLAGS) -timeout 60m -run TestSimulation_Long -v ./tests/sim/

FUZZ_TIME       ?= 30s
FUZZ_TIME_SHORT ?= 1s

.PHONY: test-fuzz-short
test-fuzz-short: ## Run every Go fuzz target briefly (FUZZ_TIME_SHORT, default 1s, each)
	scripts/fuzz.sh $(FUZZ_TIME_SHORT)

.PHONY: fuzz
fuzz: ## Run every Go fuzz target for FUZZ_TIME each (default 30s)
	scripts/fuzz.sh $(FUZZ_TIME)

##@ Performance

LOAD_FLAGS  ?= -rate 300 -duration 60s
BENCH_FLAGS ?=

.PHONY: bench
bench: ## Execution throughput in-process (FinalizeBlock + Commit): bank send vs Kizuna's txs, sequential and Block-STM
	go run ./cmd/kizuna-bench $(BENCH_FLAGS)

.PHONY: load
load: ## Send ledger transfers to `make run`'s node for 60 s; prints tx/s, latency, rejections (LOAD_FLAGS)
	go build -o $(BUILD_DIR)/kizuna-load ./cmd/kizuna-load
	$(BUILD_DIR)/kizuna-load $(LOAD_FLAGS)

##@ Contracts

CONTRACTS_DIR := $(CURDIR)/contracts

# node and npm from Debian when missing, as system-deps does for curl and jq.
.PHONY: contracts-node
contracts-node:
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
		echo "installing nodejs and npm"; \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq --no-install-recommends nodejs npm; }

# npm ci (the solc pinned in package-lock.json) when node_modules is missing
# or older than the lock file; npm ci empties node_modules, stamp included.
$(CONTRACTS_DIR)/node_modules/.npm-ci-stamp: $(CONTRACTS_DIR)/package-lock.json | contracts-node
	cd $(CONTRACTS_DIR) && npm ci
	touch $@

.PHONY: contracts
contracts: $(CONTRACTS_DIR)/node_modules/.npm-ci-stamp ## Compile contracts/ with the pinned solc from npm and regenerate the Go bindings
	node $(CONTRACTS_DIR)/build.js
	go run ./tools/contractgen

.PHONY: contracts-check
contracts-check: $(CONTRACTS_DIR)/node_modules/.npm-ci-stamp ## Fail if committed contract artifacts or bindings are stale
	$(CONTRACTS_DIR)/check.sh

.PHONY: bench-bridge
bench-bridge: ## Ethereum gas of submitBatch (4/20/100 validators, 1/10/100 transfers, Kizuna and external token) on a simulated chain
	go test -run '^$$' -bench SubmitBatchGas -benchtime 1x ./contracts/

##@ Web app

WEB_DIR := $(CURDIR)/web

# npm ci (the packages pinned in web/package-lock.json) when node_modules is
# missing or older than the lock file.
$(WEB_DIR)/node_modules/.npm-ci-stamp: $(WEB_DIR)/package-lock.json | contracts-node
	cd $(WEB_DIR) && npm ci
	touch $@

.PHONY: web
web: $(WEB_DIR)/node_modules/.npm-ci-stamp ## Build the member web app into web/dist/app (embedded by `make build`)
	cd $(WEB_DIR) && npx tsc --noEmit && npx vite build --logLevel warn

# Debian's chromium for the browser tests, with Japanese fonts so that the
# app's Japanese renders.
.PHONY: browser-deps
browser-deps:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=ja 2>/dev/null | grep -q . || { \
		echo "installing chromium and fonts-noto-cjk"; \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk; }

.PHONY: test-web-e2e
test-web-e2e: build browser-deps ## The web app in headless Chromium against a real kizunad: two members in two browsers
	KIZUNAD=$(KIZUNAD) go test $(GO_TEST_FLAGS) -timeout 15m -v ./tests/web/...

.PHONY: screenshots
screenshots: build browser-deps ## Retake the README's screenshots of the web app (docs/images) with the browser tests
	KIZUNAD=$(KIZUNAD) KIZUNA_SCREENSHOTS=$(CURDIR)/docs/images go test -count=1 -timeout 15m ./tests/web/...

.PHONY: test-web
test-web: $(WEB_DIR)/node_modules/.npm-ci-stamp ## The web app's type check and unit tests (its sealing against the vectors shared with the Go clients)
	cd $(WEB_DIR) && npx tsc --noEmit && npx vitest run

##@ Networks

.PHONY: localnet-start
localnet-start: build system-deps ## Start four validators as local processes (build/localnet)
	KIZUNAD=$(KIZUNAD) scripts/localnet.sh start

.PHONY: localnet-bridge
localnet-bridge: build relayer $(GETH) system-deps ## On the running localnet: geth --dev, the bridge contract and each validator's relayer
	KIZUNAD=$(KIZUNAD) RELAYER=$(RELAYER) GETH=$(GETH) scripts/localnet.sh bridge

.PHONY: localnet-load
localnet-load: ## Send ledger transfers to the running localnet, spread over its four validators, for 60 s (LOAD_FLAGS)
	go build -o $(BUILD_DIR)/kizuna-load ./cmd/kizuna-load
	base=$${LOCALNET_BASE_PORT:-27000}; \
	$(BUILD_DIR)/kizuna-load \
		-grpc "$$(for i in 0 1 2 3; do printf '127.0.0.1:%d,' $$((base + i * 10 + 2)); done | sed 's/,$$//')" \
		-rpc "$$(for i in 0 1 2 3; do printf 'http://127.0.0.1:%d,' $$((base + i * 10 + 1)); done | sed 's/,$$//')" \
		-keyring-dir $${LOCALNET_DIR:-$(BUILD_DIR)/localnet}/node0 -key validator $(LOAD_FLAGS)

.PHONY: localnet-stop
localnet-stop: ## Stop the local four-validator network
	scripts/localnet.sh stop

##@ Code

.PHONY: proto-gen
proto-gen: ## Regenerate Go code from proto/ with pinned tools
	scripts/protocgen.sh

.PHONY: proto-check
proto-check: ## Fail if committed generated code differs from proto/
	scripts/protocheck.sh

.PHONY: tools
tools: $(TOOLS_DIR)/golangci-lint $(TOOLS_DIR)/grpcurl ## Install the pinned linter, formatters and grpcurl into build/tools

# grpcurl runs the README's gRPC examples in the system tests.
$(TOOLS_DIR)/grpcurl:
	GOBIN=$(TOOLS_DIR) go install github.com/fullstorydev/grpcurl/cmd/grpcurl@$(GRPCURL_VERSION)

$(GETH):
	GOBIN=$(TOOLS_DIR) go install github.com/ethereum/go-ethereum/cmd/geth@$(GETH_VERSION)

$(TOOLS_DIR)/golangci-lint:
	GOBIN=$(TOOLS_DIR) go install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)

.PHONY: lint
lint: $(TOOLS_DIR)/golangci-lint ## Run golangci-lint (v2, .golangci.yml)
	golangci-lint run ./...

.PHONY: format
format: $(TOOLS_DIR)/golangci-lint ## Format Go code (gofumpt + gci import groups, from .golangci.yml)
	golangci-lint fmt ./...

.PHONY: clean
clean: ## Remove build outputs
	rm -rf $(BUILD_DIR)/kizunad $(BUILD_DIR)/kizuna-relayer $(BUILD_DIR)/kizuna-load $(BUILD_DIR)/localnet
