// Command contractgen generates the Go bindings of the bridge contracts from
// the artifacts contracts/build.js writes, with go-ethereum's abigen (v2
// bindings), one gofmt'ed file per contract:
//
//	contracts/artifacts/*.json       -> contracts/bindings/<contract>.go          (package bindings)
//	contracts/test/artifacts/*.json  -> contracts/internal/testbindings/<contract>.go (package testbindings)
//
// Run it from the repository root (`make contracts` does). -in and -out name
// the directory that holds the artifacts and the one the bindings go to; both
// default to contracts/, and contracts/check.sh points them at a temporary
// copy to detect stale bindings. Every .go file in an output directory is
// replaced, so a removed contract leaves no stale binding behind.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
)

// target is one set of artifacts and the package its bindings form.
type target struct {
	artifacts string // relative to -in
	out       string // relative to -out
	pkg       string
}

var targets = []target{
	{artifacts: "artifacts", out: "bindings", pkg: "bindings"},
	{artifacts: filepath.Join("test", "artifacts"), out: filepath.Join("internal", "testbindings"), pkg: "testbindings"},
}

// artifact is the part of a build.js artifact the bindings need.
type artifact struct {
	ContractName string          `json:"contractName"`
	ABI          json.RawMessage `json:"abi"`
	Bytecode     string          `json:"bytecode"`
}

func main() {
	in := flag.String("in", "contracts", "directory holding artifacts/ and test/artifacts/")
	out := flag.String("out", "contracts", "directory to write bindings/ and internal/testbindings/ into")
	flag.Parse()
	for _, t := range targets {
		names, err := generate(filepath.Join(*in, t.artifacts), filepath.Join(*out, t.out), t.pkg)
		if err != nil {
			fmt.Fprintf(os.Stderr, "contractgen: %v\n", err)
			os.Exit(1)
		}
		fmt.Printf("%s -> %s: %s\n", filepath.Join(*in, t.artifacts), filepath.Join(*out, t.out), strings.Join(names, ", "))
	}
}

// generate writes one binding file per artifact in dir into outDir.
func generate(dir, outDir, pkg string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no artifacts in %s: run node contracts/build.js first", dir)
	}
	sort.Strings(files)

	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	old, err := filepath.Glob(filepath.Join(outDir, "*.go"))
	if err != nil {
		return nil, err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return nil, err
		}
	}

	names := make([]string, 0, len(files))
	for _, f := range files {
		a, err := readArtifact(f)
		if err != nil {
			return nil, err
		}
		code, err := abigen.BindV2([]string{a.ContractName}, []string{string(a.ABI)}, []string{a.Bytecode}, pkg, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: abigen: %w", f, err)
		}
		formatted, err := format.Source([]byte(code))
		if err != nil {
			return nil, fmt.Errorf("%s: gofmt: %w", f, err)
		}
		dst := filepath.Join(outDir, strings.ToLower(a.ContractName)+".go")
		if err := os.WriteFile(dst, formatted, 0o644); err != nil {
			return nil, err
		}
		names = append(names, a.ContractName)
	}
	return names, nil
}

func readArtifact(path string) (artifact, error) {
	var a artifact
	raw, err := os.ReadFile(path) //nolint:gosec // the caller names the artifact directory
	if err != nil {
		return a, err
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		return a, fmt.Errorf("%s: %w", path, err)
	}
	switch {
	case a.ContractName == "":
		return a, fmt.Errorf("%s: no contractName", path)
	case len(a.ABI) == 0:
		return a, fmt.Errorf("%s: no abi", path)
	case !strings.HasPrefix(a.Bytecode, "0x") || len(a.Bytecode) < 4:
		return a, errors.New(path + ": no bytecode")
	}
	// abigen wants the hex without 0x.
	a.Bytecode = strings.TrimPrefix(a.Bytecode, "0x")
	return a, nil
}
