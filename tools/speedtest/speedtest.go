// Package speedtest measures how fast Kizuna executes blocks, in the spirit
// of the Cosmos SDK's tools/speedtest: the app runs in process on a real
// on-disk database, with no networking and no consensus; every transaction
// is built and signed before the clock starts; only FinalizeBlock and Commit
// are timed.
//
// Each workload (a bank send, the baseline, and one Msg of each Kizuna
// module) runs on a fresh chain started from the same genesis: thousands of
// funded accounts, all members of one community with a balance of its
// currency and a DIRECT thread each. It runs with each block executor
// (sequential and Block-STM) on the very same signed blocks, and the
// executors must agree on the resulting app hash. Every transaction must
// succeed; a benchmark of failing transactions measures nothing.
//
// Besides the elapsed time, a run records the CPU time the process used
// meanwhile, which hardly depends on what else the machine runs; on a busy
// machine, repeated rounds (Config.Repeat) also help.
//
// It is a tool, not part of the chain: cmd/kizuna-bench (make bench) runs
// it and prints its report. Like cmd/, it sits above the app and the
// modules, whose packages it imports; nothing under x/, internal/ or app/
// imports it (tests/layering).
package speedtest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/cosmos/cosmos-sdk/server/config"
)

// Executors are the block executors a run may use, as app.toml names them.
var Executors = []string{config.BlockExecutorSequential, config.BlockExecutorBlockSTM}

// Config is what to measure.
type Config struct {
	// Accounts is the number of genesis accounts; it must be even. With at
	// least twice TxsPerBlock, no account sends twice in a block nor receives
	// in a block it sends in.
	Accounts int
	// TxsPerBlock is the number of transactions in each block.
	TxsPerBlock int
	// Blocks is the number of timed blocks per workload and executor.
	Blocks int
	// Workloads are the workloads to run, by name (see WorkloadNames).
	Workloads []string
	// Executors are the block executors to run each workload with.
	Executors []string
	// Workers is the number of Block-STM workers; 0 lets the app choose
	// (GOMAXPROCS, at most the number of CPUs).
	Workers int
	// Repeat is the number of rounds: each round measures every workload
	// with every executor on a fresh chain, and the report keeps the fastest
	// of each. On a busy machine, more rounds filter out the slowdowns other
	// processes cause.
	Repeat int
	// CPUProfileDir, when not empty, receives a CPU profile of the timed
	// blocks of each workload and executor in the first round:
	// WORKLOAD.EXECUTOR.pprof.
	CPUProfileDir string
	// Progress, when not nil, receives a line for each step.
	Progress io.Writer
}

// DefaultConfig measures every workload with both executors on 5 blocks of
// 1000 transactions, sent by 4000 accounts, once.
func DefaultConfig() Config {
	return Config{
		Accounts:    4000,
		TxsPerBlock: 1000,
		Blocks:      5,
		Repeat:      1,
		Workloads:   WorkloadNames(),
		Executors:   slices.Clone(Executors),
	}
}

// validate checks cfg and returns its workloads.
func (cfg Config) validate() ([]workload, error) {
	switch {
	case cfg.TxsPerBlock < 1:
		return nil, fmt.Errorf("txs per block must be positive, not %d", cfg.TxsPerBlock)
	case cfg.Blocks < 1:
		return nil, fmt.Errorf("blocks must be positive, not %d", cfg.Blocks)
	case cfg.Repeat < 1:
		return nil, fmt.Errorf("repeat must be positive, not %d", cfg.Repeat)
	case cfg.Workers < 0:
		return nil, fmt.Errorf("workers must not be negative, not %d", cfg.Workers)
	case len(cfg.Workloads) == 0:
		return nil, errors.New("no workload to run")
	case len(cfg.Executors) == 0:
		return nil, errors.New("no executor to run")
	}
	for _, e := range cfg.Executors {
		if !slices.Contains(Executors, e) {
			return nil, fmt.Errorf("unknown executor %q; known: %v", e, Executors)
		}
	}
	ws := make([]workload, 0, len(cfg.Workloads))
	for _, name := range cfg.Workloads {
		w, err := lookupWorkload(name)
		if err != nil {
			return nil, err
		}
		ws = append(ws, w)
	}
	return ws, nil
}

// Result is the measurement of one workload with one executor.
type Result struct {
	Workload string
	Executor string
	// Txs is the number of transactions executed, all successful.
	Txs int
	// Elapsed is the time spent in FinalizeBlock and Commit, in the
	// fastest round.
	Elapsed time.Duration
	// CPU is the CPU time the process used meanwhile, in the same round; 0
	// where the system does not report it. Unlike Elapsed, it hardly
	// depends on what else the machine runs.
	CPU time.Duration
	// Ratio is TxPerSec divided by that of BankSend with the same executor
	// in the same run; 0 when BankSend was not measured.
	Ratio float64
	// CPURatio is TxPerCPUSec divided by that of BankSend with the same
	// executor in the same run; 0 when either is unknown.
	CPURatio float64
}

// TxPerSec is the throughput of the run.
func (r Result) TxPerSec() float64 {
	return float64(r.Txs) / r.Elapsed.Seconds()
}

// TxPerCPUSec is the number of transactions per second of CPU time, or 0
// when the CPU time is unknown.
func (r Result) TxPerCPUSec() float64 {
	if r.CPU <= 0 {
		return 0
	}
	return float64(r.Txs) / r.CPU.Seconds()
}

// Report is the outcome of Run.
type Report struct {
	Machine Machine
	Config  Config
	Results []Result
}

// Result returns the result of workload with executor, if it was measured.
func (r *Report) Result(workload, executor string) (Result, bool) {
	if i := r.index(workload, executor); i >= 0 {
		return r.Results[i], true
	}
	return Result{}, false
}

// Run measures cfg's workloads with cfg's executors, cfg.Repeat times in
// rounds, and keeps the fastest time of each.
func Run(cfg Config) (*Report, error) {
	ws, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	f, err := newFixture(cfg.Accounts)
	if err != nil {
		return nil, err
	}
	if cfg.CPUProfileDir != "" {
		if err := os.MkdirAll(cfg.CPUProfileDir, 0o750); err != nil {
			return nil, err
		}
	}
	r := &runner{
		cfg: cfg, fixture: f, plan: plan(cfg.Accounts, cfg.Blocks, cfg.TxsPerBlock),
		progress: cfg.Progress, signed: map[string][][][]byte{}, appHashes: map[string]appHash{},
	}
	if r.progress == nil {
		r.progress = io.Discard
	}
	report := &Report{Machine: DescribeMachine(), Config: cfg}
	for round := range cfg.Repeat {
		for _, w := range ws {
			for _, executor := range cfg.Executors {
				res, err := r.run(w, executor, round == 0)
				if err != nil {
					return nil, fmt.Errorf("%s/%s: %w", w.name, executor, err)
				}
				r.logf("round %d/%d: %s/%s: %d txs in %.3fs (%.3f cpu-s), %.0f tx/s", round+1, cfg.Repeat,
					w.name, executor, res.Txs, res.Elapsed.Seconds(), res.CPU.Seconds(), res.TxPerSec())
				if i := report.index(w.name, executor); i < 0 {
					report.Results = append(report.Results, res)
				} else if res.Elapsed < report.Results[i].Elapsed {
					report.Results[i] = res
				}
			}
		}
	}
	for i, res := range report.Results {
		base, ok := report.Result(BankSend, res.Executor)
		if !ok {
			continue
		}
		report.Results[i].Ratio = res.TxPerSec() / base.TxPerSec()
		if base.TxPerCPUSec() > 0 {
			report.Results[i].CPURatio = res.TxPerCPUSec() / base.TxPerCPUSec()
		}
	}
	return report, nil
}

// index returns the index of the result of workload with executor, or -1.
func (r *Report) index(workload, executor string) int {
	return slices.IndexFunc(r.Results, func(res Result) bool {
		return res.Workload == workload && res.Executor == executor
	})
}

// appHash is the app hash a workload's blocks led to, and which executor
// reached it first.
type appHash struct {
	hash     []byte
	executor string
}

// runner runs the workloads of one Run.
type runner struct {
	cfg      Config
	fixture  *fixture
	plan     [][]plannedTx
	progress io.Writer
	// numbers are the accounts' numbers, the same on every chain.
	numbers []uint64
	// signed are the blocks of each workload, signed on its first run.
	signed map[string][][][]byte
	// appHashes are the app hash of each workload's last block.
	appHashes map[string]appHash
}

// logf reports progress, a line at a time. Progress is best effort: a
// failing writer does not stop the benchmark.
func (r *runner) logf(format string, args ...any) {
	_, _ = fmt.Fprintf(r.progress, format+"\n", args...)
}

// run measures w with executor on a fresh chain, profiling it if asked to,
// and checks that every executor reaches the same app hash from the same
// blocks.
func (r *runner) run(w workload, executor string, profile bool) (Result, error) {
	c, err := startChain(r.fixture, executor, r.cfg.Workers)
	if err != nil {
		return Result{}, err
	}
	res, hash, err := r.measure(c, w, executor, profile)
	if err = errors.Join(err, c.close()); err != nil {
		return Result{}, err
	}
	if first, ok := r.appHashes[w.name]; !ok {
		r.appHashes[w.name] = appHash{hash: hash, executor: executor}
	} else if !slices.Equal(first.hash, hash) {
		return Result{}, fmt.Errorf("app hash %X, but %s reached %X from the same blocks", hash, first.executor, first.hash)
	}
	return res, nil
}

// measure runs the workload's blocks on c, signing them first if they are
// not yet, and returns the result and the final app hash.
func (r *runner) measure(c *chain, w workload, executor string, profile bool) (Result, []byte, error) {
	numbers, err := c.accountNumbers(r.fixture)
	if err != nil {
		return Result{}, nil, err
	}
	if r.numbers == nil {
		r.numbers = numbers
	} else if !slices.Equal(r.numbers, numbers) {
		return Result{}, nil, errors.New("the account numbers differ from one chain to the next")
	}
	blocks, ok := r.signed[w.name]
	if !ok {
		start := time.Now()
		if blocks, err = r.fixture.signBlocks(c.app.TxConfig(), w, numbers, r.plan); err != nil {
			return Result{}, nil, err
		}
		r.signed[w.name] = blocks
		r.logf("%s: signed %d blocks of %d txs in %.1fs (%s)",
			w.name, r.cfg.Blocks, r.cfg.TxsPerBlock, time.Since(start).Seconds(), w.what)
	}

	stopProfile := func() error { return nil }
	if profile && r.cfg.CPUProfileDir != "" {
		if stopProfile, err = startProfile(filepath.Join(r.cfg.CPUProfileDir, w.name+"."+executor+".pprof")); err != nil {
			return Result{}, nil, err
		}
	}
	runtime.GC()
	res := Result{Workload: w.name, Executor: executor}
	var last []byte
	for _, txs := range blocks {
		out, t, err := c.finalize(r.fixture, txs)
		if err != nil {
			return Result{}, nil, errors.Join(err, stopProfile())
		}
		if err := checkResults(c.height, txs, out); err != nil {
			return Result{}, nil, errors.Join(err, stopProfile())
		}
		res.Txs += len(txs)
		res.Elapsed += t.wall
		res.CPU += t.cpu
		last = out.AppHash
	}
	return res, last, stopProfile()
}

// startProfile starts a CPU profile written to name and returns the function
// that stops it.
func startProfile(name string) (func() error, error) {
	file, err := os.Create(name) //nolint:gosec // the user names the profile directory
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(file); err != nil {
		return nil, errors.Join(err, file.Close())
	}
	return func() error {
		pprof.StopCPUProfile()
		return file.Close()
	}, nil
}
