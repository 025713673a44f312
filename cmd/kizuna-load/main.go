// Command kizuna-load loads a running Kizuna chain with community-currency
// transfers and reports what it committed: throughput, latency, rejections.
//
// It funds load accounts derived from a seed, creates an open community
// with a currency (or reuses one), has every account join and receive
// currency, then sends x/ledger transfers between random accounts at a
// fixed rate or as fast as the chain takes them:
//
//	kizuna-load -rate 300 -duration 60s          # against `make run`'s node
//	kizuna-load -rate 0 -max-inflight 2000       # as fast as possible
//	kizuna-load -grpc 127.0.0.1:27002,127.0.0.1:27012 \
//	    -rpc http://127.0.0.1:27001,http://127.0.0.1:27011 \
//	    -keyring-dir build/localnet/node0 -key validator   # a localnet
//
// By default the funder is alice of `make run` (scripts/dev-accounts.sh):
// her mnemonic is a public development key that holds nothing of value.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/internal/gctune"
	"github.com/kizuna-chain/kizuna/tools/load"
)

// devAliceMnemonic is alice's mnemonic in scripts/dev-accounts.sh: a public
// development key, funded on the chain of `make run`.
const devAliceMnemonic = "height suffer obvious cargo frown fetch reopen video garment section ahead accuse tell print pencil puzzle cause front connect pass plate acoustic expire dress"

func main() {
	// The driver shares the node's machine: the node's collector settings
	// keep its garbage collection from taking the node's CPU.
	gctune.Apply()
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "kizuna-load:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("kizuna-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		_, _ = fmt.Fprintln(stderr, "Usage: kizuna-load [flags]\n\nLoads a Kizuna chain with x/ledger transfers and reports throughput and latency.\n\nFlags:")
		fs.PrintDefaults()
	}
	var (
		grpcAddrs     = fs.String("grpc", "127.0.0.1:9090", "gRPC `addresses` of the nodes, comma-separated; accounts are spread over them, with failover")
		rpcURLs       = fs.String("rpc", "http://127.0.0.1:26657", "CometBFT RPC `URLs` of the nodes, comma-separated, asked for new heights, with failover")
		mnemonic      = fs.String("mnemonic", "", "funder's mnemonic (default: alice's public development key of scripts/dev-accounts.sh, funded by make run)")
		keyringDir    = fs.String("keyring-dir", "", "take the funder from the keyring in this kizunad home `directory` instead of -mnemonic")
		keyringBack   = fs.String("keyring-backend", "test", "keyring backend of -keyring-dir")
		keyName       = fs.String("key", "", "funder's key `name` in -keyring-dir")
		accounts      = fs.Int("accounts", load.DefaultAccounts, "number of load accounts")
		seed          = fs.String("seed", load.DefaultSeed, "seed the load accounts are derived from")
		community     = fs.Uint64("community", 0, "reuse this open community and its currency (0: create a fresh one)")
		fund          = fs.Int64("fund", load.DefaultFundAmount, "ukiz each load account is topped up to")
		issue         = fs.Int64("issue", 0, "currency base units each load account is topped up to (0: the monthly cap)")
		feeBps        = fs.Int("fee-bps", load.DefaultFeeBps, "community fee of a created currency in basis points (-1: none)")
		gasPrice      = fs.String("gas-price", app.MinGasPrice.String(), "gas price paid by every transaction")
		gasAdjustment = fs.Float64("gas-adjustment", load.DefaultGasAdjustment, "margin applied to simulated gas")
		poll          = fs.Duration("poll", load.DefaultPollInterval, "how often to ask for a new block")
		rate          = fs.Float64("rate", 300, "transfers per second (0: as fast as -max-inflight allows)")
		duration      = fs.Duration("duration", load.DefaultDuration, "how long to send transfers")
		maxInFlight   = fs.Int("max-inflight", load.DefaultMaxInFlight, "most transfers accepted and not yet committed")
		maxPending    = fs.Int("max-pending", load.DefaultMaxPendingPerAccount, "most pipelined transfers per account")
		workers       = fs.Int("workers", load.DefaultWorkers, "concurrent broadcasts")
		transferMax   = fs.Int64("transfer-max", load.DefaultTransferMax, "largest transfer in base units")
		txTimeout     = fs.Duration("tx-timeout", load.DefaultTxTimeout, "how long an accepted transfer may stay uncommitted before it is written off")
		drain         = fs.Duration("drain", load.DefaultDrainTimeout, "how long to wait for accepted transfers after sending stops")
		jsonOut       = fs.Bool("json", false, "print the report as JSON")
		verify        = fs.Bool("verify", false, "look every committed transfer up with GetTx on the first -grpc node afterwards")
		cpuProfile    = fs.String("cpuprofile", "", "write the driver's CPU profile to this `file`")
		quiet         = fs.Bool("quiet", false, "log warnings only")
		broadcast     = fs.String("broadcast", load.BroadcastRPC, "how transfers reach the nodes: rpc (CometBFT broadcast_tx_sync, as wallets do) or grpc (the SDK's Tx service)")
	)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	var funder load.Key
	var err error
	if *keyringDir != "" || *keyName != "" {
		if *keyringDir == "" || *keyName == "" {
			return errors.New("-keyring-dir and -key go together")
		}
		funder, err = load.KeyringKey(*keyringDir, *keyringBack, *keyName)
	} else {
		if *mnemonic == "" {
			*mnemonic = devAliceMnemonic
		}
		funder, err = load.MnemonicKey(*mnemonic)
	}
	if err != nil {
		return err
	}
	price, err := sdk.ParseDecCoin(*gasPrice)
	if err != nil {
		return fmt.Errorf("-gas-price: %w", err)
	}

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer func() { _ = f.Close() }()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	d, err := load.Dial(ctx, load.Config{
		GRPC: splitList(*grpcAddrs), RPC: splitList(*rpcURLs), Funder: funder,
		Accounts: *accounts, Seed: *seed, CommunityID: *community,
		FundAmount: *fund, IssueAmount: *issue, FeeBps: *feeBps,
		GasPrice: price, GasAdjustment: *gasAdjustment, PollInterval: *poll, Broadcast: *broadcast, Logger: logger,
	})
	if err != nil {
		return err
	}
	defer func() { _ = d.Close() }()
	if _, err := d.Setup(ctx); err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	rep, runErr := d.Run(ctx, load.RunOptions{
		Rate: *rate, Duration: *duration, MaxInFlight: *maxInFlight, MaxPendingPerAccount: *maxPending,
		Workers: *workers, TransferMax: *transferMax, TxTimeout: *txTimeout, DrainTimeout: *drain,
	})
	if rep == nil {
		return runErr
	}
	if *jsonOut {
		out, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(stdout, "%s\n", out); err != nil {
			return err
		}
	} else if err := rep.WriteText(stdout); err != nil {
		return err
	}
	if runErr != nil {
		return fmt.Errorf("interrupted: %w", runErr)
	}
	if *verify {
		verifyCtx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		defer cancel()
		addr := splitList(*grpcAddrs)[0]
		missing, err := load.FindMissing(verifyCtx, addr, rep.Committed)
		if err != nil {
			return err
		}
		if len(missing) > 0 {
			return fmt.Errorf("%d of %d committed transfers are missing on %s, the first %s at height %d",
				len(missing), len(rep.Committed), addr, missing[0].Hash, missing[0].Height)
		}
		logger.Info("every committed transfer is on the node", "transfers", len(rep.Committed), "node", addr)
	}
	return nil
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
