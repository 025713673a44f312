package speedtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/config"

	"github.com/kizuna-chain/kizuna/app"
)

// DBBackend is the database the benchmark chains keep their state and the
// ledger's history index in, on disk: the application database of the
// nodes `make run` and the localnet start.
const DBBackend = dbm.PebbleDBBackend

// appOptions are app.toml settings, as the node's server reads them.
type appOptions map[string]any

// Get implements servertypes.AppOptions.
func (o appOptions) Get(key string) any { return o[key] }

// chain is a Kizuna app on its own on-disk database, started from the
// fixture's genesis, with block 1 committed.
type chain struct {
	app  *app.App
	home string
	// height is the last committed height.
	height int64
}

// startChain opens an app in a new temporary home as kizunad does, with the
// node's default app.toml settings but for the block executor and IAVL sync
// pruning, and commits the genesis and an empty block 1.
func startChain(f *fixture, executor string, workers int) (_ *chain, err error) {
	home, err := os.MkdirTemp("", "kizuna-bench-*")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, os.RemoveAll(home))
		}
	}()
	db, err := dbm.NewDB("application", DBBackend, filepath.Join(home, "data"))
	if err != nil {
		return nil, err
	}
	defaults := config.DefaultConfig()
	opts := appOptions{
		flags.FlagHome:                         home,
		"app-db-backend":                       string(DBBackend),
		flags.FlagChainID:                      chainID,
		server.FlagPruning:                     defaults.Pruning,
		server.FlagIAVLCacheSize:               defaults.IAVLCacheSize,
		server.FlagInterBlockCache:             defaults.InterBlockCache,
		server.FlagMempoolMaxTxs:               defaults.Mempool.MaxTxs,
		server.FlagStateSyncSnapshotInterval:   defaults.StateSync.SnapshotInterval,
		server.FlagStateSyncSnapshotKeepRecent: defaults.StateSync.SnapshotKeepRecent,
		// Pruning never runs within a benchmark (the default keeps 362880
		// versions). Pruning synchronously spares each closed chain the IAVL
		// pruning goroutines that would keep its trees and caches alive: the
		// multistore has no Close.
		server.FlagIAVLSyncPruning: true,
		server.FlagBlockExecutor:   executor,
		server.FlagBlockSTMWorkers: workers,
	}
	a := app.New(log.NewNopLogger(), db, true, opts, server.DefaultBaseappOptions(opts)...)
	c := &chain{app: a, home: home}
	defer func() {
		if err != nil {
			err = errors.Join(err, a.Close())
		}
	}()

	state, err := f.appState(a)
	if err != nil {
		return nil, err
	}
	if _, err := a.InitChain(&abci.RequestInitChain{
		ChainId: chainID, Time: genesisTime, ConsensusParams: consensusParams(), AppStateBytes: state,
		InitialHeight: 1,
	}); err != nil {
		return nil, fmt.Errorf("init chain: %w", err)
	}
	if _, _, err := c.finalize(f, nil); err != nil {
		return nil, err
	}
	return c, nil
}

// accountNumbers returns the fixture accounts' numbers in the committed state.
func (c *chain) accountNumbers(f *fixture) ([]uint64, error) {
	ctx := c.app.NewContext(true)
	numbers := make([]uint64, len(f.accounts))
	for i, acc := range f.accounts {
		a := c.app.AccountKeeper.GetAccount(ctx, acc.addr)
		if a == nil {
			return nil, fmt.Errorf("account %d (%s) is not in the genesis state", i, acc.bech32)
		}
		numbers[i] = a.GetAccountNumber()
	}
	return numbers, nil
}

// timing is how long executing and committing blocks took.
type timing struct {
	// wall is the elapsed time.
	wall time.Duration
	// cpu is the CPU time the whole process used meanwhile, background
	// work (garbage collection, database compactions) included; zero where
	// the system does not report it.
	cpu time.Duration
}

// finalize executes and commits the next block with txs. It returns
// FinalizeBlock's response and how long FinalizeBlock and Commit took
// together, the only time the benchmark counts.
func (c *chain) finalize(f *fixture, txs [][]byte) (*abci.ResponseFinalizeBlock, timing, error) {
	height := c.height + 1
	req := &abci.RequestFinalizeBlock{
		Height:             height,
		Time:               genesisTime.Add(time.Duration(height) * time.Second),
		Txs:                txs,
		ProposerAddress:    f.validator.Proposer.Address,
		NextValidatorsHash: f.validator.Hash(),
	}
	cpuStart, _ := processCPUTime()
	start := time.Now()
	res, err := c.app.FinalizeBlock(req)
	if err != nil {
		return nil, timing{}, fmt.Errorf("finalize block %d: %w", height, err)
	}
	if _, err := c.app.Commit(); err != nil {
		return nil, timing{}, fmt.Errorf("commit block %d: %w", height, err)
	}
	t := timing{wall: time.Since(start)}
	if cpuEnd, ok := processCPUTime(); ok {
		t.cpu = cpuEnd - cpuStart
	}
	c.height = height
	return res, t, nil
}

// close closes the app's databases and removes the chain's home.
func (c *chain) close() error {
	return errors.Join(c.app.Close(), os.RemoveAll(c.home))
}

// checkResults fails unless every one of the block's txs was executed and
// succeeded: a benchmark of failing transactions measures nothing.
func checkResults(height int64, txs [][]byte, res *abci.ResponseFinalizeBlock) error {
	if len(res.TxResults) != len(txs) {
		return fmt.Errorf("block %d: %d results for %d txs", height, len(res.TxResults), len(txs))
	}
	for i, r := range res.TxResults {
		if r.Code != 0 {
			return fmt.Errorf("block %d: tx %d failed with code %d (codespace %s): %s", height, i, r.Code, r.Codespace, r.Log)
		}
	}
	return nil
}
