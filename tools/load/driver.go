// Package load drives a Kizuna chain with community-currency transfers and
// measures what it commits, in the spirit of celestia-app's txsim and of
// CometBFT's QA method: a funder sets up load accounts that are members of
// an open community with a currency, then the accounts send each other
// x/ledger transfers at a fixed rate or as fast as the chain takes them,
// signing locally and pipelining their sequences. The driver follows the
// committed blocks, matches its transactions by hash and reports
// throughput, latency (broadcast to observed commit) and every committed
// transaction, which fault tests check against the nodes with FindMissing.
//
// A Driver survives its nodes going away: calls move to the next gRPC
// endpoint, block following moves to the next CometBFT RPC endpoint and
// resumes where it stopped, and accounts whose transactions were lost
// resynchronise their sequences.
//
// It is a tool, not part of the chain: cmd/kizuna-load (make load) runs it
// against a node and tests/faults loads the nodes it crashes with it. Like
// cmd/, it sits above the app and the modules, whose packages it imports;
// nothing under x/, internal/ or app/ imports it (tests/layering).
package load

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"google.golang.org/grpc"

	"cosmossdk.io/core/address"

	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/app"
)

// addressCodec encodes Kizuna account addresses (kizuna1…).
var addressCodec address.Codec = addresscodec.NewBech32Codec(app.AccountAddressPrefix)

// Defaults of Config.
const (
	DefaultAccounts      = 500
	DefaultSeed          = "kizuna-load"
	DefaultFundAmount    = 1_000_000 // 1 KIZ: thousands of transfers' fees
	DefaultFeeBps        = 100
	DefaultGasAdjustment = 1.3
	DefaultPollInterval  = 100 * time.Millisecond
)

// Config says where the chain is, who pays and which accounts load it.
type Config struct {
	// GRPC lists gRPC addresses (host:port) of the chain's nodes. Load
	// accounts are spread over them; a call one does not answer goes to the
	// next. At least one is required.
	GRPC []string
	// RPC lists CometBFT RPC URLs (http://host:port) of the chain's nodes,
	// from which the driver follows blocks. At least one is required.
	RPC []string
	// Funder pays the setup: ukiz for the load accounts and, as the admin
	// of the load community, the community, its currency and the issuance.
	Funder Key
	// Accounts is the number of load accounts (DefaultAccounts if zero).
	Accounts int
	// Seed derives the load accounts' keys (DefaultSeed if empty): the same
	// seed gives the same accounts, which a rerun finds funded.
	Seed string
	// CommunityID reuses an open community with a currency, of which the
	// funder is an admin or teller; zero creates a fresh one on every Setup.
	CommunityID uint64
	// FundAmount is the ukiz a load account is topped up to when it holds
	// less than half of it (DefaultFundAmount if zero).
	FundAmount int64
	// IssueAmount is the currency a load account is topped up to, in base
	// units, within its monthly creation cap; zero means the whole cap.
	IssueAmount int64
	// FeeBps is the community fee of the currency the driver creates
	// (DefaultFeeBps if zero; a negative value means no fee).
	FeeBps int
	// GasPrice is what transactions pay per unit of gas (the chain's
	// minimum, app.MinGasPrice, if zero).
	GasPrice sdk.DecCoin
	// GasAdjustment multiplies simulated gas into the gas limit
	// (DefaultGasAdjustment if zero).
	GasAdjustment float64
	// PollInterval is how often the driver asks for a new block
	// (DefaultPollInterval if zero); it bounds the latency resolution.
	PollInterval time.Duration
	// Broadcast is how transactions reach the nodes: BroadcastRPC (the
	// default, CometBFT's broadcast_tx_sync, as wallets do) or
	// BroadcastGRPC (the SDK's gRPC Tx service).
	Broadcast string
	// Logger receives progress and trouble; nil discards it.
	Logger *slog.Logger
}

// How transactions are broadcast (Config.Broadcast).
const (
	BroadcastRPC  = "rpc"
	BroadcastGRPC = "grpc"
)

func (c *Config) applyDefaults() error {
	if len(c.GRPC) == 0 {
		return errors.New("no gRPC endpoint")
	}
	if len(c.RPC) == 0 {
		return errors.New("no CometBFT RPC endpoint")
	}
	if c.Funder == nil {
		return errors.New("no funder key")
	}
	switch c.Broadcast {
	case "":
		c.Broadcast = BroadcastRPC
	case BroadcastRPC, BroadcastGRPC:
	default:
		return fmt.Errorf("broadcast %q: rpc or grpc", c.Broadcast)
	}
	if c.Accounts == 0 {
		c.Accounts = DefaultAccounts
	}
	if c.Accounts < 2 {
		return fmt.Errorf("%d load accounts: transfers need at least 2", c.Accounts)
	}
	if c.Seed == "" {
		c.Seed = DefaultSeed
	}
	if c.FundAmount == 0 {
		c.FundAmount = DefaultFundAmount
	}
	if c.FundAmount < 0 || c.IssueAmount < 0 {
		return errors.New("negative fund or issue amount")
	}
	switch {
	case c.FeeBps == 0:
		c.FeeBps = DefaultFeeBps
	case c.FeeBps < 0:
		c.FeeBps = 0
	case c.FeeBps > 10_000:
		return fmt.Errorf("fee of %d bps exceeds 10000", c.FeeBps)
	}
	if c.GasPrice.Denom == "" {
		c.GasPrice = app.MinGasPrice
	}
	if err := c.GasPrice.Validate(); err != nil {
		return fmt.Errorf("gas price: %w", err)
	}
	if c.GasAdjustment == 0 {
		c.GasAdjustment = DefaultGasAdjustment
	}
	if c.GasAdjustment < 1 {
		return fmt.Errorf("gas adjustment %v is below 1", c.GasAdjustment)
	}
	if c.PollInterval <= 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return nil
}

// Driver loads a chain. Dial connects it, Setup prepares the load accounts,
// Run sends transfers; Run may be called several times after one Setup.
type Driver struct {
	cfg     Config
	log     *slog.Logger
	grpc    *grpcPool
	rpc     *rpcClient
	chainID string

	funder   *account
	accounts []*account
	env      *Env

	stopFollow context.CancelFunc
	followDone chan struct{}

	// mu guards the accounts' mutable fields, tracked and run.
	mu sync.Mutex
	// tracked holds the transactions broadcast and not yet seen in a block.
	tracked map[string]*sentTx
	// run collects the figures of the Run under way, if any.
	run *runState
	// idle is signalled when an account may have become free to send.
	idle chan struct{}
}

// Dial connects to the chain, reads its chain id and starts following its
// blocks. Close releases the connections.
func Dial(ctx context.Context, cfg Config) (*Driver, error) {
	if err := cfg.applyDefaults(); err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	pool, err := dialGRPC(cfg.GRPC)
	if err != nil {
		return nil, err
	}
	rpc, err := newRPCClient(cfg.RPC)
	if err != nil {
		_ = pool.close()
		return nil, err
	}
	d := &Driver{
		cfg: cfg, log: cfg.Logger, grpc: pool, rpc: rpc,
		tracked: make(map[string]*sentTx),
		idle:    make(chan struct{}, 1),
	}
	if err := d.deriveAccounts(); err != nil {
		_ = pool.close()
		return nil, err
	}
	if err := d.connect(ctx); err != nil {
		_ = pool.close()
		return nil, err
	}
	return d, nil
}

// deriveAccounts sets up the funder and the load accounts, spreading the
// load accounts over the gRPC endpoints.
func (d *Driver) deriveAccounts() error {
	var err error
	if d.funder, err = newAccount(d.cfg.Funder, 0); err != nil {
		return fmt.Errorf("funder key: %w", err)
	}
	d.accounts = make([]*account, d.cfg.Accounts)
	for i := range d.accounts {
		if d.accounts[i], err = newAccount(loadAccountKey(d.cfg.Seed, i), i%len(d.grpc.conns)); err != nil {
			return fmt.Errorf("load account %d: %w", i, err)
		}
	}
	return nil
}

// connect reads the chain id and starts following blocks from the latest
// height. A node that has just started answers with errors until its first
// block, so both are asked again for a while.
func (d *Driver) connect(ctx context.Context) error {
	deadline := time.Now().Add(retryTimeout)
	for {
		err := d.grpc.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
			res, err := cmtservice.NewServiceClient(conn).GetNodeInfo(ctx, &cmtservice.GetNodeInfoRequest{})
			if err != nil {
				return err
			}
			d.chainID = res.GetDefaultNodeInfo().GetNetwork()
			return nil
		})
		if err == nil {
			break
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("reading the chain id: %w", err)
		}
		d.log.Warn("reading the chain id; retrying", "err", err)
		if err := sleep(ctx, time.Second); err != nil {
			return fmt.Errorf("reading the chain id: %w", err)
		}
	}
	if d.chainID == "" {
		return errors.New("the node reports no chain id")
	}
	for {
		height, err := d.rpc.latestHeight(ctx)
		if err == nil {
			followCtx, cancel := context.WithCancel(context.Background())
			d.stopFollow = cancel
			d.followDone = make(chan struct{})
			go d.follow(followCtx, height)
			d.log.Info("connected", "chain_id", d.chainID, "height", height, "funder", d.funder.address)
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("reading the latest height: %w", err)
		}
		d.log.Warn("CometBFT RPC does not answer; retrying", "err", err)
		if err := sleep(ctx, time.Second); err != nil {
			return fmt.Errorf("reading the latest height: %w", err)
		}
	}
}

// ChainID returns the chain id the node reported.
func (d *Driver) ChainID() string { return d.chainID }

// Close stops following blocks and closes the connections.
func (d *Driver) Close() error {
	d.stopFollow()
	<-d.followDone
	return d.grpc.close()
}

// follow reads every block after height as it is committed and hands it to
// handleBlock, until ctx ends: it polls CometBFT RPC for the latest height
// and reads new blocks with their results over gRPC. When no endpoint
// answers, it keeps asking and resumes from the first block it has not read.
func (d *Driver) follow(ctx context.Context, height int64) {
	defer close(d.followDone)
	ticker := time.NewTicker(d.cfg.PollInterval)
	defer ticker.Stop()
	// A node stores a block before it executes it, so its results may
	// lag its height for a moment: only a lasting failure is reported.
	var failingSince time.Time
	reported := false
	endpoint := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		latest, err := d.rpc.latestHeight(ctx)
		observed := time.Now()
		for err == nil && height < latest {
			var b *block
			if b, endpoint, err = d.grpc.block(ctx, endpoint, height+1); err == nil {
				b.observed = observed
				d.handleBlock(b)
				height++
			}
		}
		switch {
		case err == nil:
			if reported {
				d.log.Info("following blocks again", "height", height)
			}
			failingSince, reported = time.Time{}, false
		case ctx.Err() != nil:
		case failingSince.IsZero():
			failingSince = observed
		case !reported && observed.Sub(failingSince) > followGrace:
			d.log.Warn("following blocks: CometBFT RPC fails; retrying", "height", height+1, "err", err)
			reported = true
		}
	}
}

// followGrace is how long following blocks may fail before it is reported.
const followGrace = 10 * time.Second

// handleBlock settles the driver's transactions in a committed block.
func (d *Driver) handleBlock(b *block) {
	d.mu.Lock()
	defer d.mu.Unlock()
	ours, ok := 0, 0
	for _, btx := range b.txs {
		tx, found := d.tracked[btx.hash]
		if !found {
			continue
		}
		delete(d.tracked, btx.hash)
		ours++
		if btx.code == 0 {
			ok++
		}
		d.commitLocked(tx, b, btx)
	}
	if r := d.run; r != nil && !b.observed.Before(r.start) && !b.observed.After(r.end) {
		r.blocks = append(r.blocks, blockStat{height: b.height, time: b.time, txs: len(b.txs), ours: ours, oursOK: ok})
	}
}

// sentTx is a transaction the driver broadcast.
type sentTx struct {
	hash string
	from *account
	// sentAt is when the latency starts: the broadcast, or when a fixed
	// rate called for the transaction.
	sentAt time.Time
	state  txState
	// accepted is set once a mempool took it.
	accepted bool
	// run is the Run that sent it; nil for setup transactions.
	run *runState
	// committed is closed once the transaction is in a block, with result.
	committed chan struct{}
	result    blockTx
	height    int64
}

type txState int

const (
	// txSending: the broadcast has not returned yet.
	txSending txState = iota
	// txPending: a mempool accepted it; it holds a slot of its run and
	// counts in its sender's pending transactions.
	txPending
	// txUnconfirmed: the broadcast failed, or it stayed pending too long;
	// it holds nothing but still counts if a block brings it.
	txUnconfirmed
	// txCommitted: a block holds it.
	txCommitted
)

// commitLocked records that tx is in block b with result res.
func (d *Driver) commitLocked(tx *sentTx, b *block, res blockTx) {
	if tx.state == txPending && tx.run != nil {
		d.releaseLocked(tx)
	}
	tx.state = txCommitted
	tx.result = res
	tx.height = b.height
	close(tx.committed)
	if r := tx.run; r != nil {
		r.recordCommit(tx, b)
	}
}

// releaseLocked frees the run slot and the sender's pending count that a
// pending transaction holds.
func (d *Driver) releaseLocked(tx *sentTx) {
	tx.from.pending--
	if tx.run != nil {
		<-tx.run.slots
	}
	select {
	case d.idle <- struct{}{}:
	default:
	}
}
