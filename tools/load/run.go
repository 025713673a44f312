package load

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cosmos/gogoproto/proto"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/internal/txsign"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Defaults of RunOptions.
const (
	DefaultDuration             = 60 * time.Second
	DefaultMaxInFlight          = 1000
	DefaultMaxPendingPerAccount = 8
	DefaultWorkers              = 32
	DefaultTransferMax          = 1000
	DefaultTxTimeout            = 30 * time.Second
	DefaultDrainTimeout         = 30 * time.Second
	DefaultProgressInterval     = 5 * time.Second
)

// RunOptions shape the load of one Run.
type RunOptions struct {
	// Rate is the transfers per second to send; zero sends as fast as
	// MaxInFlight allows.
	Rate float64
	// Duration is how long to send (DefaultDuration if zero).
	Duration time.Duration
	// MaxInFlight bounds the transfers accepted and not yet committed
	// (DefaultMaxInFlight if zero). At a fixed rate, sends that would
	// exceed it are skipped and counted.
	MaxInFlight int
	// MaxPendingPerAccount bounds one account's pipelined transfers
	// (DefaultMaxPendingPerAccount if zero).
	MaxPendingPerAccount int
	// Workers is the number of concurrent broadcasts (DefaultWorkers if zero).
	Workers int
	// TransferMax is the largest transfer in base units; amounts are drawn
	// from 1 to TransferMax (DefaultTransferMax if zero).
	TransferMax int64
	// TxTimeout is how long an accepted transfer may stay uncommitted before
	// it is written off and its sender resynchronises (DefaultTxTimeout if zero).
	TxTimeout time.Duration
	// DrainTimeout bounds the wait for accepted transfers to commit after
	// the sending stops (DefaultDrainTimeout if zero).
	DrainTimeout time.Duration
	// ProgressInterval is how often progress is logged
	// (DefaultProgressInterval if zero).
	ProgressInterval time.Duration
}

func (o *RunOptions) applyDefaults() error {
	if o.Rate < 0 {
		return fmt.Errorf("negative rate %v", o.Rate)
	}
	setDefault := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	setDefault(&o.MaxInFlight, DefaultMaxInFlight)
	setDefault(&o.MaxPendingPerAccount, DefaultMaxPendingPerAccount)
	setDefault(&o.Workers, DefaultWorkers)
	setDuration := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	setDuration(&o.Duration, DefaultDuration)
	setDuration(&o.TxTimeout, DefaultTxTimeout)
	setDuration(&o.DrainTimeout, DefaultDrainTimeout)
	setDuration(&o.ProgressInterval, DefaultProgressInterval)
	if o.TransferMax <= 0 {
		o.TransferMax = DefaultTransferMax
	}
	return nil
}

// runState collects the figures of one Run. Its fields but slots and
// skipped are guarded by Driver.mu.
type runState struct {
	opts       RunOptions
	start, end time.Time
	// slots holds a token for each transfer accepted and not yet settled.
	slots   chan struct{}
	skipped atomic.Int64

	sent, accepted, broadcastErrors int
	rejected, committedFailed       map[string]int
	examples                        map[string]string
	committedOK                     int
	latencies                       []time.Duration
	committed                       []CommittedTx
	blocks                          []blockStat
}

// blockStat is a block committed during the load window.
type blockStat struct {
	height            int64
	time              time.Time
	txs, ours, oursOK int
}

// recordCommit counts a transfer that a block holds.
func (r *runState) recordCommit(tx *sentTx, b *block) {
	r.committed = append(r.committed, CommittedTx{Hash: tx.hash, Height: b.height, Code: tx.result.code})
	if tx.result.code == 0 {
		r.committedOK++
		r.latencies = append(r.latencies, b.observed.Sub(tx.sentAt))
		return
	}
	key := codeKey(tx.result.codespace, tx.result.code)
	r.committedFailed[key]++
	r.example("committed "+key, tx.result.log)
}

// example keeps the first message seen for a kind of failure.
func (r *runState) example(kind, msg string) {
	if _, ok := r.examples[kind]; !ok {
		r.examples[kind] = msg
	}
}

// Run sends transfers between the load accounts for opts.Duration, waits
// up to opts.DrainTimeout for the accepted ones to commit and reports. It
// needs a Setup first. When ctx ends, Run stops at once and returns what
// it measured so far with ctx's error.
func (d *Driver) Run(ctx context.Context, opts RunOptions) (*Report, error) {
	if err := opts.applyDefaults(); err != nil {
		return nil, err
	}
	if d.env == nil {
		return nil, errors.New("run Setup before Run")
	}
	r := &runState{
		opts:            opts,
		slots:           make(chan struct{}, opts.MaxInFlight),
		rejected:        map[string]int{},
		committedFailed: map[string]int{},
		examples:        map[string]string{},
	}
	d.mu.Lock()
	if d.run != nil {
		d.mu.Unlock()
		return nil, errors.New("a Run is under way")
	}
	r.start = time.Now()
	r.end = r.start.Add(opts.Duration)
	d.run = r
	d.mu.Unlock()
	d.log.Info("load started", "rate", opts.Rate, "duration", opts.Duration, "accounts", len(d.accounts))

	loadCtx, stopLoad := context.WithDeadline(ctx, r.end)
	defer stopLoad()
	var jobs chan time.Time
	var wg sync.WaitGroup
	if opts.Rate > 0 {
		// Two seconds of jobs ride out the node's pauses for a block
		// (CheckTx waits while a block executes) without skipping.
		jobs = make(chan time.Time, max(64, int(2*opts.Rate)))
		wg.Add(1)
		go func() {
			defer wg.Done()
			pace(loadCtx, r.start, opts.Rate, jobs, &r.skipped)
		}()
	}
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.work(loadCtx, ctx, r, jobs)
		}()
	}
	monitorCtx, stopMonitor := context.WithCancel(ctx)
	monitorDone := make(chan struct{})
	go func() {
		defer close(monitorDone)
		d.monitor(monitorCtx, r)
	}()

	wg.Wait()
	// Jobs still queued when the window closed were due and never sent:
	// the workers were behind by that many. (pace has closed jobs.)
	if jobs != nil {
		for range jobs {
			r.skipped.Add(1)
		}
	}
	d.mu.Lock()
	if now := time.Now(); now.Before(r.end) {
		r.end = now
	}
	d.mu.Unlock()
	if ctx.Err() == nil {
		d.drain(ctx, r)
	}
	stopMonitor()
	<-monitorDone

	d.mu.Lock()
	defer d.mu.Unlock()
	unconfirmed := 0
	for hash, tx := range d.tracked {
		if tx.run != r {
			continue
		}
		if tx.state == txPending {
			d.releaseLocked(tx)
			tx.from.resync = true
		}
		if tx.accepted {
			unconfirmed++
		}
		delete(d.tracked, hash)
	}
	d.run = nil
	rep := r.report(d.env, len(d.accounts), unconfirmed)
	return rep, ctx.Err()
}

// pace puts rate jobs a second on jobs from start until ctx ends, each with
// the time it is due. When the workers fall behind and jobs is full, it
// skips the job and counts it: the load stays open-loop instead of piling
// up.
func pace(ctx context.Context, start time.Time, rate float64, jobs chan<- time.Time, skipped *atomic.Int64) {
	defer close(jobs)
	tick := min(max(time.Duration(float64(time.Second)/rate), time.Millisecond), 20*time.Millisecond)
	ticker := time.NewTicker(tick)
	defer ticker.Stop()
	var issued int64
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-ticker.C:
			for due := int64(rate*now.Sub(start).Seconds()) - issued; due > 0; due-- {
				issued++
				select {
				case jobs <- start.Add(time.Duration(float64(issued) * float64(time.Second) / rate)):
				default:
					skipped.Add(1)
				}
			}
		}
	}
}

// work sends transfers until loadCtx ends: one per job when jobs is set,
// back to back otherwise. Each waits for a free in-flight slot and a free
// account. A job's latency counts from when it was due, so that waiting
// for the node to take it counts too; back to back, from its broadcast.
// Broadcasts use ctx, so the end of the window does not cut one short.
func (d *Driver) work(loadCtx, ctx context.Context, r *runState, jobs <-chan time.Time) {
	for {
		var due time.Time
		if jobs != nil {
			var ok bool
			select {
			case <-loadCtx.Done():
				return
			case due, ok = <-jobs:
				if !ok {
					return
				}
			}
		}
		select {
		case r.slots <- struct{}{}:
		case <-loadCtx.Done():
			return
		}
		a := d.acquire(loadCtx, r.opts.MaxPendingPerAccount)
		if a == nil {
			<-r.slots
			return
		}
		d.sendTransfer(ctx, r, a, due)
		d.mu.Lock()
		a.busy = false
		d.mu.Unlock()
		d.signalIdle()
	}
}

// acquire picks a random load account that is not broadcasting and has
// fewer than maxPending transfers pending, and marks it busy. It waits
// until one is free or ctx ends (then it returns nil).
func (d *Driver) acquire(ctx context.Context, maxPending int) *account {
	for {
		d.mu.Lock()
		a := pickAccount(d.accounts, rand.IntN(len(d.accounts)), maxPending) //nolint:gosec // load needs no secure randomness
		if a != nil {
			a.busy = true
		}
		d.mu.Unlock()
		if a != nil {
			return a
		}
		select {
		case <-ctx.Done():
			return nil
		case <-d.idle:
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// pickAccount returns the first account from index start on, wrapping
// around, that may send now: it is not broadcasting, has fewer than
// maxPending transfers pending, and, if it must resynchronise its
// sequence, has none pending. It returns nil if none may.
func pickAccount(accounts []*account, start, maxPending int) *account {
	for i := range accounts {
		a := accounts[(start+i)%len(accounts)]
		if a.busy || a.pending >= maxPending || (a.resync && a.pending > 0) {
			continue
		}
		return a
	}
	return nil
}

func (d *Driver) signalIdle() {
	select {
	case d.idle <- struct{}{}:
	default:
	}
}

// transferMsg is a transfer of amount base units from one load account to
// another, agreeing to the currency's fee.
func (d *Driver) transferMsg(env *Env, from, to *account, amount int64) *ledgertypes.MsgTransfer {
	return &ledgertypes.MsgTransfer{
		Sender: from.address, CommunityId: env.CommunityID, Recipient: to.address,
		Amount: sdkmath.NewInt(amount), ExpectedFeeBps: env.FeeBps,
	}
}

// sendTransfer signs a transfer from a (which the caller holds busy) to a
// random other account with a's next sequence and broadcasts it; its
// latency counts from due, or from now if due is zero. It holds the
// in-flight slot the caller took; the slot is released here unless a
// mempool accepted the transfer, and then when it commits or expires.
func (d *Driver) sendTransfer(ctx context.Context, r *runState, a *account, due time.Time) {
	d.mu.Lock()
	resync := a.resync
	d.mu.Unlock()
	if resync {
		if _, err := d.readAccounts(ctx, []*account{a}); err != nil {
			d.mu.Lock()
			r.example("resync", err.Error())
			d.mu.Unlock()
			<-r.slots
			return
		}
	}
	to := d.accounts[rand.IntN(len(d.accounts)-1)] //nolint:gosec // load needs no secure randomness
	if to == a {
		to = d.accounts[len(d.accounts)-1]
	}
	amount := 1 + rand.Int64N(r.opts.TransferMax) //nolint:gosec // load needs no secure randomness

	d.mu.Lock()
	seq := a.seq
	d.mu.Unlock()
	u := txsign.Unsigned{
		Msgs: []proto.Message{d.transferMsg(d.env, a, to, amount)}, PubKey: a.pubKey,
		AccountNumber: a.accountNumber, Sequence: seq, Gas: d.env.TransferGas, Fee: d.env.TransferFee,
	}
	bz, err := u.Sign(a.key, d.chainID)
	if err != nil {
		d.mu.Lock()
		r.example("signing", err.Error())
		d.mu.Unlock()
		<-r.slots
		return
	}
	sentAt := time.Now()
	if !due.IsZero() {
		sentAt = due
	}
	tx := &sentTx{hash: txsign.Hash(bz), from: a, sentAt: sentAt, run: r, committed: make(chan struct{})}
	d.mu.Lock()
	d.tracked[tx.hash] = tx
	r.sent++
	d.mu.Unlock()

	res, err := d.broadcast(ctx, a, bz)

	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		// A node may have taken it before the connection broke: keep it
		// tracked, so that a block bringing it still counts. The next
		// transfer of a finds out about the sequence.
		if ctx.Err() == nil {
			r.broadcastErrors++
			r.example("broadcast", err.Error())
		}
		if tx.state == txSending {
			tx.state = txUnconfirmed
		}
		<-r.slots
		return
	}
	out := afterCheckTx(seq, res.Codespace, res.Code, res.RawLog)
	a.seq, a.resync = out.next, out.resync
	if !out.accepted {
		key := codeKey(res.Codespace, res.Code)
		r.rejected[key]++
		r.example("CheckTx "+key, res.RawLog)
		d.untrackLocked(tx)
		<-r.slots
		return
	}
	r.accepted++
	tx.accepted = true
	if tx.state == txCommitted {
		<-r.slots
		return
	}
	tx.state = txPending
	a.pending++
}

// monitor writes off transfers pending longer than TxTimeout and logs
// progress, until ctx ends.
func (d *Driver) monitor(ctx context.Context, r *runState) {
	expiry := time.NewTicker(time.Second)
	defer expiry.Stop()
	progress := time.NewTicker(r.opts.ProgressInterval)
	defer progress.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-expiry.C:
			d.expire(r, now)
		case now := <-progress.C:
			d.mu.Lock()
			var height int64
			if n := len(r.blocks); n > 0 {
				height = r.blocks[n-1].height
			}
			d.log.Info("load", "elapsed", now.Sub(r.start).Round(time.Second), "sent", r.sent, "accepted", r.accepted,
				"committed", r.committedOK, "in_flight", len(r.slots), "rejected", sum(r.rejected),
				"failed", sum(r.committedFailed), "broadcast_errors", r.broadcastErrors, "skipped", r.skipped.Load(), "height", height)
			d.mu.Unlock()
		}
	}
}

// expire writes off the transfers of r pending longer than TxTimeout: a
// node lost them (it crashed, or evicted them). Their senders reread their
// sequences once nothing else of theirs is pending. A block that still
// brings one counts it.
func (d *Driver) expire(r *runState, now time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, tx := range d.tracked {
		if tx.run == r && tx.state == txPending && now.Sub(tx.sentAt) > r.opts.TxTimeout {
			tx.state = txUnconfirmed
			tx.from.resync = true
			d.releaseLocked(tx)
		}
	}
}

// drain waits until every accepted transfer of r is settled, or for
// DrainTimeout.
func (d *Driver) drain(ctx context.Context, r *runState) {
	deadline := time.Now().Add(r.opts.DrainTimeout)
	for len(r.slots) > 0 && time.Now().Before(deadline) {
		if sleep(ctx, 50*time.Millisecond) != nil {
			return
		}
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
