// Command kizuna-bench measures how many transactions a second Kizuna
// executes, per workload and block executor: the app in process on an
// on-disk database, pre-signed blocks, only FinalizeBlock and Commit timed.
// See tools/speedtest.
//
//	kizuna-bench -blocks 5 -txs-per-block 1000 -accounts 4000
//	kizuna-bench -workloads bank-send,ledger-transfer -executors sequential -cpuprofile build/profiles
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/kizuna-chain/kizuna/internal/gctune"
	"github.com/kizuna-chain/kizuna/tools/speedtest"
)

func main() {
	// Execute as a node does: with the node's collector settings.
	gctune.Apply()
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "kizuna-bench:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cfg := speedtest.DefaultConfig()
	fs := flag.NewFlagSet("kizuna-bench", flag.ContinueOnError)
	fs.IntVar(&cfg.TxsPerBlock, "txs-per-block", cfg.TxsPerBlock, "transactions in each block")
	fs.IntVar(&cfg.Blocks, "blocks", cfg.Blocks, "timed blocks per workload and executor")
	fs.IntVar(&cfg.Accounts, "accounts", cfg.Accounts, "genesis accounts (even; at least twice -txs-per-block keeps senders and recipients of a block apart)")
	workloads := fs.String("workloads", strings.Join(cfg.Workloads, ","), "comma-separated workloads: "+strings.Join(speedtest.WorkloadNames(), ", "))
	executors := fs.String("executors", strings.Join(cfg.Executors, ","), "comma-separated block executors: "+strings.Join(speedtest.Executors, ", "))
	fs.IntVar(&cfg.Workers, "workers", cfg.Workers, "Block-STM workers (0: GOMAXPROCS, at most the number of CPUs)")
	fs.IntVar(&cfg.Repeat, "repeat", cfg.Repeat, "rounds; each workload and executor reports its fastest round")
	fs.StringVar(&cfg.CPUProfileDir, "cpuprofile", "", "directory to write a CPU profile of each workload and executor to, in the first round (WORKLOAD.EXECUTOR.pprof)")
	quiet := fs.Bool("quiet", false, "print only the report, not the progress")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cfg.Workloads = splitList(*workloads)
	cfg.Executors = splitList(*executors)
	if !*quiet {
		cfg.Progress = os.Stderr
	}

	report, err := speedtest.Run(cfg)
	if err != nil {
		return err
	}
	return report.Write(os.Stdout)
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var items []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}
