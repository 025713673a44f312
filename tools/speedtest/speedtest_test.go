package speedtest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"
)

// TestRun_TinyBenchmarkSucceedsForEveryWorkloadAndExecutor runs the whole
// benchmark small: every transaction of every workload must succeed with
// both executors, which must agree on the app hash.
func TestRun_TinyBenchmarkSucceedsForEveryWorkloadAndExecutor(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Accounts, cfg.TxsPerBlock, cfg.Blocks = 40, 20, 2
	cfg.CPUProfileDir = t.TempDir()

	report, err := Run(cfg)
	require.NoError(t, err)

	require.Len(t, report.Results, len(WorkloadNames())*len(Executors))
	for _, res := range report.Results {
		require.Equal(t, 40, res.Txs, "%s/%s", res.Workload, res.Executor)
		require.Positive(t, res.Elapsed, "%s/%s", res.Workload, res.Executor)
		require.Positive(t, res.TxPerSec(), "%s/%s", res.Workload, res.Executor)
		require.Positive(t, res.Ratio, "%s/%s", res.Workload, res.Executor)
		profile, err := os.Stat(filepath.Join(cfg.CPUProfileDir, res.Workload+"."+res.Executor+".pprof"))
		require.NoError(t, err)
		require.Positive(t, profile.Size())
	}
	for _, executor := range Executors {
		bank, ok := report.Result(BankSend, executor)
		require.True(t, ok)
		require.InDelta(t, 1, bank.Ratio, 1e-9)
	}

	var out bytes.Buffer
	require.NoError(t, report.Write(&out))
	for _, want := range append(WorkloadNames(), string(DBBackend), "GOMAXPROCS", report.Machine.GoVersion) {
		require.Contains(t, out.String(), want)
	}
}

func TestRun_RejectsBadConfigs(t *testing.T) {
	for name, change := range map[string]func(*Config){
		"unknown workload":   func(c *Config) { c.Workloads = []string{"bank-send", "nope"} },
		"unknown executor":   func(c *Config) { c.Executors = []string{"parallel"} },
		"odd accounts":       func(c *Config) { c.Accounts = 41 },
		"no blocks":          func(c *Config) { c.Blocks = 0 },
		"no txs":             func(c *Config) { c.TxsPerBlock = 0 },
		"no rounds":          func(c *Config) { c.Repeat = 0 },
		"negative workers":   func(c *Config) { c.Workers = -1 },
		"no workload at all": func(c *Config) { c.Workloads = nil },
	} {
		t.Run(name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Accounts, cfg.TxsPerBlock, cfg.Blocks = 40, 20, 1
			change(&cfg)
			_, err := Run(cfg)
			require.Error(t, err)
		})
	}
}

func TestCheckResults_RejectsFailedAndMissingTxs(t *testing.T) {
	txs := [][]byte{{1}, {2}}
	ok := &abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{{Code: 0}, {Code: 0}}}
	require.NoError(t, checkResults(2, txs, ok))

	failed := &abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{{Code: 0}, {Code: 5, Codespace: "sdk", Log: "insufficient funds"}}}
	err := checkResults(2, txs, failed)
	require.ErrorContains(t, err, "tx 1 failed with code 5")
	require.ErrorContains(t, err, "insufficient funds")

	missing := &abci.ResponseFinalizeBlock{TxResults: []*abci.ExecTxResult{{Code: 0}}}
	require.ErrorContains(t, checkResults(2, txs, missing), "1 results for 2 txs")
}

func TestPlan_SpreadsSendersAndKeepsSequences(t *testing.T) {
	planned := plan(8, 3, 4)
	next := map[int]uint64{}
	for _, block := range planned {
		senders := map[int]bool{}
		for _, p := range block {
			require.NotEqual(t, p.from, p.to)
			require.False(t, senders[p.from], "account %d sends twice in a block", p.from)
			senders[p.from] = true
			require.Equal(t, next[p.from], p.sequence)
			next[p.from]++
		}
		for _, p := range block {
			require.False(t, senders[p.to], "account %d receives in a block it sends in", p.to)
		}
	}
}

func TestWorkloadNames_AreKnownAndCommaFree(t *testing.T) {
	for _, name := range WorkloadNames() {
		w, err := lookupWorkload(name)
		require.NoError(t, err)
		require.Equal(t, name, w.name)
		require.False(t, strings.Contains(name, ","), "names are comma-separated on the command line")
	}
}
