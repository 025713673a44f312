package load

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/cosmos/gogoproto/proto"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	grpctypes "github.com/cosmos/cosmos-sdk/types/grpc"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/internal/txsign"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// The currency Setup creates in a fresh community.
const (
	currencyCode     = "LOAD"
	currencyName     = "Kizuna load coin"
	currencyDecimals = 6
)

const (
	// fundBatch and issueBatch are the messages per setup transaction: a
	// few transactions of the funder carry everything, in one block.
	fundBatch  = 250
	issueBatch = 100
	// setupParallelism bounds the concurrent calls of setup.
	setupParallelism = 32
	// commitTimeout bounds the wait for setup transactions to commit.
	commitTimeout = 90 * time.Second
)

// Env is what Setup prepared for the load.
type Env struct {
	// ChainID is the chain's id.
	ChainID string `json:"chain_id"`
	// CommunityID is the open community whose currency the accounts move.
	CommunityID uint64 `json:"community_id"`
	// Denom is its currency's denom, cc/{id}/{code}.
	Denom string `json:"denom"`
	// FeeBps is the currency's community fee.
	FeeBps uint32 `json:"fee_bps"`
	// Accounts are the load accounts' addresses.
	Accounts []string `json:"-"`
	// TransferGas is the gas limit of a transfer: simulated, with margin.
	TransferGas uint64 `json:"transfer_gas"`
	// TransferFee is what a transfer pays for TransferGas.
	TransferFee sdk.Coins `json:"transfer_fee"`
	// Took is how long Setup took.
	Took time.Duration `json:"-"`
}

// Setup prepares the load, in a few blocks: it tops the load accounts up
// with ukiz, creates an open community with a currency (or reuses
// Config.CommunityID), has every account that is not a member join it
// (each signing its own transaction), issues currency to the accounts in
// batches within the monthly cap, and measures a transfer's gas. It may be
// run again on the same chain: funded accounts are not funded again, and
// each run creates its own community.
func (d *Driver) Setup(ctx context.Context) (*Env, error) {
	start := time.Now()
	found, err := d.readAccounts(ctx, []*account{d.funder})
	if err != nil {
		return nil, err
	}
	if !found[0] {
		return nil, fmt.Errorf("the funder %s has no account on chain: send it some ukiz first", d.funder.address)
	}
	existed, err := d.readAccounts(ctx, d.accounts)
	if err != nil {
		return nil, err
	}

	// Round 1: ukiz for the load accounts, and a fresh community.
	var round []*sentTx
	funding, err := d.fundAccounts(ctx, existed)
	if err != nil {
		return nil, err
	}
	round = append(round, funding...)
	communityID := d.cfg.CommunityID
	var create *sentTx
	if communityID == 0 {
		name := "Kizuna load " + strconv.FormatInt(time.Now().UnixNano(), 36)
		create, err = d.submitSimulated(ctx, d.funder, &communitytypes.MsgCreateCommunity{
			Creator: d.funder.address, Name: name, Description: "Created by kizuna-load for load tests.",
			JoinPolicy: communitytypes.JoinPolicyOpen, Username: "load_admin",
		})
		if err != nil {
			return nil, fmt.Errorf("creating the load community: %w", err)
		}
		round = append(round, create)
	}
	if err := d.await(ctx, round); err != nil {
		return nil, fmt.Errorf("funding: %w", err)
	}
	if create != nil {
		if communityID, err = createdCommunityID(create.result.data); err != nil {
			return nil, err
		}
	}
	var created []*account
	for i, a := range d.accounts {
		if !existed[i] {
			created = append(created, a)
		}
	}
	if _, err := d.readAccounts(ctx, created); err != nil {
		return nil, err
	}

	// Round 2: the currency of a fresh community, and the joins.
	round = round[:0]
	if d.cfg.CommunityID == 0 {
		tx, err := d.submitSimulated(ctx, d.funder, &ledgertypes.MsgCreateCurrency{
			Admin: d.funder.address, CommunityId: communityID, Code: currencyCode, Name: currencyName,
			Decimals: currencyDecimals, FeeBps: uint32(d.cfg.FeeBps),
		})
		if err != nil {
			return nil, fmt.Errorf("creating the load currency: %w", err)
		}
		round = append(round, tx)
	}
	joins, err := d.joinCommunity(ctx, communityID)
	if err != nil {
		return nil, err
	}
	round = append(round, joins...)
	if err := d.await(ctx, round); err != nil {
		return nil, fmt.Errorf("joining community %d: %w", communityID, err)
	}

	// Round 3: currency for everyone.
	var currency ledgertypes.Currency
	var params ledgertypes.Params
	err = d.grpc.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
		q := ledgertypes.NewQueryClient(conn)
		c, err := q.Currency(ctx, &ledgertypes.QueryCurrencyRequest{CommunityId: communityID})
		if err != nil {
			return err
		}
		p, err := q.Params(ctx, &ledgertypes.QueryParamsRequest{})
		if err != nil {
			return err
		}
		currency, params = c.Currency, p.Params
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the currency of community %d: %w", communityID, err)
	}
	issues, err := d.issueCurrency(ctx, currency, params)
	if err != nil {
		return nil, err
	}
	if err := d.await(ctx, issues); err != nil {
		return nil, fmt.Errorf("issuing %s: %w", currency.Denom, err)
	}

	env := &Env{ChainID: d.chainID, CommunityID: communityID, Denom: currency.Denom, FeeBps: currency.FeeBps}
	for _, a := range d.accounts {
		env.Accounts = append(env.Accounts, a.address)
	}
	used, err := d.simulate(ctx, d.accounts[0], d.transferMsg(env, d.accounts[0], d.accounts[1], 1000))
	if err != nil {
		return nil, fmt.Errorf("simulating a transfer: %w", err)
	}
	env.TransferGas = d.gasLimit(used)
	env.TransferFee = d.feeFor(env.TransferGas)
	env.Took = time.Since(start)
	d.env = env
	d.log.Info("setup done", "community", communityID, "denom", currency.Denom, "accounts", len(d.accounts),
		"transfer_gas", env.TransferGas, "took", env.Took.Round(time.Millisecond))
	return env, nil
}

// readAccounts reads the account number and sequence of each account and
// reports which exist on chain.
func (d *Driver) readAccounts(ctx context.Context, accounts []*account) ([]bool, error) {
	found := make([]bool, len(accounts))
	err := forEach(ctx, len(accounts), setupParallelism, func(ctx context.Context, i int) error {
		a := accounts[i]
		var info *authtypes.BaseAccount
		err := d.grpc.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
			res, err := authtypes.NewQueryClient(conn).AccountInfo(ctx, &authtypes.QueryAccountInfoRequest{Address: a.address})
			if err != nil {
				return err
			}
			info = res.Info
			return nil
		})
		switch {
		case status.Code(err) == codes.NotFound:
			return nil
		case err != nil:
			return fmt.Errorf("reading account %s: %w", a.address, err)
		}
		d.mu.Lock()
		a.accountNumber, a.seq, a.resync = info.AccountNumber, info.Sequence, false
		d.mu.Unlock()
		found[i] = true
		return nil
	})
	return found, err
}

// balance returns what address holds of denom.
func (d *Driver) balance(ctx context.Context, address, denom string) (sdkmath.Int, error) {
	var amount sdkmath.Int
	err := d.grpc.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
		res, err := banktypes.NewQueryClient(conn).Balance(ctx, &banktypes.QueryBalanceRequest{Address: address, Denom: denom})
		if err != nil {
			return err
		}
		amount = res.Balance.Amount
		return nil
	})
	if err != nil {
		return sdkmath.Int{}, fmt.Errorf("reading the %s balance of %s: %w", denom, address, err)
	}
	return amount, nil
}

// fundAccounts sends ukiz to the load accounts holding less than half of
// FundAmount, topping them up to FundAmount, in MultiSend transactions.
// Accounts that do not exist on chain hold nothing.
func (d *Driver) fundAccounts(ctx context.Context, exists []bool) ([]*sentTx, error) {
	denom := d.cfg.GasPrice.Denom
	target := sdkmath.NewInt(d.cfg.FundAmount)
	topUps := make([]sdkmath.Int, len(d.accounts))
	err := forEach(ctx, len(d.accounts), setupParallelism, func(ctx context.Context, i int) error {
		held := sdkmath.ZeroInt()
		if exists[i] {
			var err error
			if held, err = d.balance(ctx, d.accounts[i].address, denom); err != nil {
				return err
			}
		}
		topUps[i] = sdkmath.ZeroInt()
		if held.MulRaw(2).LT(target) {
			topUps[i] = target.Sub(held)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var outputs []banktypes.Output
	total := sdkmath.ZeroInt()
	for i, amount := range topUps {
		if amount.IsPositive() {
			outputs = append(outputs, banktypes.Output{Address: d.accounts[i].address, Coins: sdk.NewCoins(sdk.NewCoin(denom, amount))})
			total = total.Add(amount)
		}
	}
	if len(outputs) == 0 {
		return nil, nil
	}
	held, err := d.balance(ctx, d.funder.address, denom)
	if err != nil {
		return nil, err
	}
	if held.LT(total) {
		return nil, fmt.Errorf("the funder %s holds %s%s; funding %d accounts takes %s%s", d.funder.address, held, denom, len(outputs), total, denom)
	}
	d.log.Info("funding load accounts", "accounts", len(outputs), "total", total.String()+denom)
	var txs []*sentTx
	for len(outputs) > 0 {
		n := min(fundBatch, len(outputs))
		sum := sdkmath.ZeroInt()
		for _, o := range outputs[:n] {
			sum = sum.Add(o.Coins.AmountOf(denom))
		}
		tx, err := d.submitSimulated(ctx, d.funder, &banktypes.MsgMultiSend{
			Inputs:  []banktypes.Input{{Address: d.funder.address, Coins: sdk.NewCoins(sdk.NewCoin(denom, sum))}},
			Outputs: outputs[:n],
		})
		if err != nil {
			return nil, fmt.Errorf("funding load accounts: %w", err)
		}
		txs = append(txs, tx)
		outputs = outputs[n:]
	}
	return txs, nil
}

// joinCommunity has every load account that is not a member join the
// community, each with its own transaction, all broadcast at once.
func (d *Driver) joinCommunity(ctx context.Context, communityID uint64) ([]*sentTx, error) {
	joiners := d.accounts
	if d.cfg.CommunityID != 0 {
		var err error
		if joiners, err = d.nonMembers(ctx, communityID); err != nil {
			return nil, err
		}
	}
	if len(joiners) == 0 {
		return nil, nil
	}
	join := func(a *account) proto.Message {
		// Usernames are unique in a community: derive them from addresses.
		return &communitytypes.MsgJoinCommunity{Member: a.address, CommunityId: communityID, Username: "load_" + a.address[len(a.address)-20:]}
	}
	used, err := d.simulate(ctx, joiners[0], join(joiners[0]))
	if err != nil {
		return nil, fmt.Errorf("simulating a join of community %d: %w", communityID, err)
	}
	gas := d.gasLimit(used)
	d.log.Info("joining the load community", "community", communityID, "accounts", len(joiners))
	txs := make([]*sentTx, len(joiners))
	err = forEach(ctx, len(joiners), setupParallelism, func(ctx context.Context, i int) error {
		var err error
		txs[i], err = d.submit(ctx, joiners[i], gas, join(joiners[i]))
		if err != nil {
			return fmt.Errorf("joining community %d with %s: %w", communityID, joiners[i].address, err)
		}
		return nil
	})
	return txs, err
}

// nonMembers returns the load accounts that are not members of the
// community; it fails if one waits for approval.
func (d *Driver) nonMembers(ctx context.Context, communityID uint64) ([]*account, error) {
	var community communitytypes.Community
	err := d.grpc.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
		res, err := communitytypes.NewQueryClient(conn).Community(ctx, &communitytypes.QueryCommunityRequest{Id: communityID})
		if err != nil {
			return err
		}
		community = res.Community
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading community %d: %w", communityID, err)
	}
	member := make([]bool, len(d.accounts))
	err = forEach(ctx, len(d.accounts), setupParallelism, func(ctx context.Context, i int) error {
		return d.grpc.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
			res, err := communitytypes.NewQueryClient(conn).Member(ctx, &communitytypes.QueryMemberRequest{CommunityId: communityID, Address: d.accounts[i].address})
			switch {
			case status.Code(err) == codes.NotFound:
				return nil
			case err != nil:
				return err
			case res.Member.Status != communitytypes.MemberStatusActive:
				return fmt.Errorf("%s waits for approval in community %d", d.accounts[i].address, communityID)
			}
			member[i] = true
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("reading the members of community %d: %w", communityID, err)
	}
	var out []*account
	for i, a := range d.accounts {
		if !member[i] {
			out = append(out, a)
		}
	}
	if len(out) > 0 && community.JoinPolicy != communitytypes.JoinPolicyOpen {
		return nil, fmt.Errorf("community %d needs approval to join; %d load accounts are not members", communityID, len(out))
	}
	return out, nil
}

// issueCurrency tops the load accounts up to IssueAmount (the monthly cap
// if zero) within what the cap leaves them this month, in batches of
// MsgIssue signed by the funder. In a community Setup just created, every
// account holds nothing and has its whole cap.
func (d *Driver) issueCurrency(ctx context.Context, c ledgertypes.Currency, p ledgertypes.Params) ([]*sentTx, error) {
	capAmount := ledgertypes.MonthlyCap(p.MonthlyCreationCap, c.Decimals)
	target := capAmount
	if d.cfg.IssueAmount > 0 {
		target = sdkmath.MinInt(sdkmath.NewInt(d.cfg.IssueAmount), capAmount)
	}
	amounts := make([]sdkmath.Int, len(d.accounts))
	var mu sync.Mutex
	capped := 0
	err := forEach(ctx, len(d.accounts), setupParallelism, func(ctx context.Context, i int) error {
		a := d.accounts[i]
		if d.cfg.CommunityID == 0 {
			amounts[i] = target
			return nil
		}
		held, err := d.balance(ctx, a.address, c.Denom)
		if err != nil {
			return err
		}
		amounts[i] = sdkmath.ZeroInt()
		if !held.MulRaw(2).LT(target) {
			return nil
		}
		var remaining sdkmath.Int
		err = d.grpc.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
			res, err := ledgertypes.NewQueryClient(conn).MonthlyCreated(ctx, &ledgertypes.QueryMonthlyCreatedRequest{CommunityId: c.CommunityId, Address: a.address})
			if err != nil {
				return err
			}
			remaining = res.Remaining
			return nil
		})
		if err != nil {
			return fmt.Errorf("reading the monthly creation of %s: %w", a.address, err)
		}
		amounts[i] = sdkmath.MinInt(target.Sub(held), remaining)
		if amounts[i].LT(target.Sub(held)) {
			mu.Lock()
			capped++
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if capped > 0 {
		d.log.Warn("the monthly creation cap leaves some load accounts short of currency", "accounts", capped)
	}
	var msgs []proto.Message
	for i, amount := range amounts {
		if amount.IsPositive() {
			msgs = append(msgs, &ledgertypes.MsgIssue{
				Issuer: d.funder.address, CommunityId: c.CommunityId, Recipient: d.accounts[i].address, Amount: amount, Memo: "kizuna-load",
			})
		}
	}
	if len(msgs) == 0 {
		return nil, nil
	}
	d.log.Info("issuing currency to load accounts", "denom", c.Denom, "accounts", len(msgs), "each", target.String())
	var txs []*sentTx
	for len(msgs) > 0 {
		n := min(issueBatch, len(msgs))
		tx, err := d.submitSimulated(ctx, d.funder, msgs[:n]...)
		if err != nil {
			return nil, fmt.Errorf("issuing %s: %w", c.Denom, err)
		}
		txs = append(txs, tx)
		msgs = msgs[n:]
	}
	return txs, nil
}

// createdCommunityID reads the id of a new community from the result data
// of its MsgCreateCommunity transaction.
func createdCommunityID(data []byte) (uint64, error) {
	var msgData sdk.TxMsgData
	if err := msgData.Unmarshal(data); err != nil {
		return 0, fmt.Errorf("decoding the result of MsgCreateCommunity: %w", err)
	}
	want := "/" + proto.MessageName(&communitytypes.MsgCreateCommunityResponse{})
	for _, res := range msgData.MsgResponses {
		if res.TypeUrl == want {
			var r communitytypes.MsgCreateCommunityResponse
			if err := r.Unmarshal(res.Value); err != nil {
				return 0, fmt.Errorf("decoding %s: %w", want, err)
			}
			return r.Id, nil
		}
	}
	return 0, errors.New("the result of MsgCreateCommunity holds no community id")
}

// gasLimit adds the configured margin to simulated gas.
func (d *Driver) gasLimit(used uint64) uint64 {
	return uint64(math.Ceil(float64(used) * d.cfg.GasAdjustment))
}

// feeFor returns the fee of gas at the configured gas price, rounded up.
func (d *Driver) feeFor(gas uint64) sdk.Coins {
	amount := d.cfg.GasPrice.Amount.MulInt(sdkmath.NewIntFromUint64(gas)).Ceil().TruncateInt()
	return sdk.NewCoins(sdk.NewCoin(d.cfg.GasPrice.Denom, amount))
}

// simulate returns the gas msgs take when a signs them with its current
// sequence.
func (d *Driver) simulate(ctx context.Context, a *account, msgs ...proto.Message) (uint64, error) {
	d.mu.Lock()
	// Any positive fee makes the simulation pay it, as the real transaction
	// will, and count the gas of paying.
	u := txsign.Unsigned{
		Msgs: msgs, PubKey: a.pubKey, AccountNumber: a.accountNumber, Sequence: a.seq,
		Fee: sdk.NewCoins(sdk.NewInt64Coin(d.cfg.GasPrice.Denom, 1)),
	}
	d.mu.Unlock()
	bz, err := u.SimulationBytes()
	if err != nil {
		return 0, err
	}
	var used uint64
	// Simulations run on the node's CheckTx state, which a commit resets a
	// moment after queries see the new height: a simulation right after a
	// setup round may miss that round, so a failure is retried a few times.
	for attempt := 1; ; attempt++ {
		err = d.grpc.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
			res, err := txtypes.NewServiceClient(conn).Simulate(ctx, &txtypes.SimulateRequest{TxBytes: bz})
			if err != nil {
				return err
			}
			used = res.GasInfo.GasUsed
			return nil
		})
		if err == nil || attempt == simulateAttempts || ctx.Err() != nil {
			return used, err
		}
		if err := sleep(ctx, time.Duration(attempt)*100*time.Millisecond); err != nil {
			return 0, err
		}
	}
}

// simulateAttempts bounds the tries of a failing simulation.
const simulateAttempts = 5

// submitSimulated simulates msgs signed by a, then submits them with the
// simulated gas and margin. Transactions of one account submitted one
// after another land in the same block: each takes the next sequence.
func (d *Driver) submitSimulated(ctx context.Context, a *account, msgs ...proto.Message) (*sentTx, error) {
	used, err := d.simulate(ctx, a, msgs...)
	if err != nil {
		return nil, fmt.Errorf("simulating: %w", err)
	}
	return d.submit(ctx, a, d.gasLimit(used), msgs...)
}

// submit signs msgs with a's next sequence, broadcasts them and returns
// the transaction once a mempool accepted it; await waits for its block.
func (d *Driver) submit(ctx context.Context, a *account, gas uint64, msgs ...proto.Message) (*sentTx, error) {
	d.mu.Lock()
	u := txsign.Unsigned{Msgs: msgs, PubKey: a.pubKey, AccountNumber: a.accountNumber, Sequence: a.seq, Gas: gas, Fee: d.feeFor(gas)}
	d.mu.Unlock()
	bz, err := u.Sign(a.key, d.chainID)
	if err != nil {
		return nil, err
	}
	tx := &sentTx{hash: txsign.Hash(bz), from: a, sentAt: time.Now(), committed: make(chan struct{})}
	d.mu.Lock()
	d.tracked[tx.hash] = tx
	d.mu.Unlock()
	res, err := d.broadcast(ctx, a, bz)
	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		d.untrackLocked(tx)
		return nil, err
	}
	out := afterCheckTx(u.Sequence, res.Codespace, res.Code, res.RawLog)
	if !out.accepted {
		d.untrackLocked(tx)
		return nil, fmt.Errorf("CheckTx refused transaction %s: code %s: %s", tx.hash, codeKey(res.Codespace, res.Code), res.RawLog)
	}
	a.seq = out.next
	if tx.state == txSending {
		tx.state = txPending
	}
	return tx, nil
}

// untrackLocked forgets a transaction that no mempool took, unless a block
// brought it meanwhile.
func (d *Driver) untrackLocked(tx *sentTx) {
	if tx.state != txCommitted {
		delete(d.tracked, tx.hash)
	}
}

// broadcast sends a signed transaction to a's endpoint, or the next one
// that answers, and waits for CheckTx.
func (d *Driver) broadcast(ctx context.Context, a *account, tx []byte) (*sdk.TxResponse, error) {
	if d.cfg.Broadcast != BroadcastGRPC {
		r, used, err := d.rpc.broadcastTxSync(ctx, a.endpoint, tx)
		a.endpoint = used
		if err != nil {
			return nil, err
		}
		return &sdk.TxResponse{TxHash: r.Hash, Code: r.Code, Codespace: r.Codespace, RawLog: r.Log}, nil
	}
	var res *sdk.TxResponse
	used, err := d.grpc.call(ctx, a.endpoint, func(ctx context.Context, conn *grpc.ClientConn) error {
		r, err := txtypes.NewServiceClient(conn).BroadcastTx(ctx, &txtypes.BroadcastTxRequest{TxBytes: tx, Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC})
		if err != nil {
			return err
		}
		res = r.TxResponse
		return nil
	})
	a.endpoint = used
	if err != nil {
		return nil, err
	}
	if res == nil {
		return nil, errors.New("the node returned no broadcast result")
	}
	return res, nil
}

// await waits until every transaction of txs is committed and every node
// that answers has committed the state after them, and fails if one
// failed. (A node serves a block's results before it commits the block's
// state, and the next round of setup reads that state.)
func (d *Driver) await(ctx context.Context, txs []*sentTx) error {
	ctx, cancel := context.WithTimeout(ctx, commitTimeout)
	defer cancel()
	var height int64
	for _, tx := range txs {
		select {
		case <-tx.committed:
		case <-ctx.Done():
			return fmt.Errorf("transaction %s was not committed: %w", tx.hash, ctx.Err())
		}
		if tx.result.code != 0 {
			return fmt.Errorf("transaction %s failed with code %s: %s", tx.hash, codeKey(tx.result.codespace, tx.result.code), tx.result.log)
		}
		height = max(height, tx.height)
	}
	for i := range d.grpc.conns {
		if err := d.awaitState(ctx, i, height); err != nil {
			return err
		}
	}
	return nil
}

// awaitState waits until the state the node at endpoint i serves is at
// least at height. A node that does not answer is left alone; one that
// answers with an error (as a node does while it starts) is asked again.
func (d *Driver) awaitState(ctx context.Context, i int, height int64) error {
	for {
		var md metadata.MD
		err := func() error {
			callCtx, cancel := context.WithTimeout(ctx, callTimeout)
			defer cancel()
			_, err := authtypes.NewQueryClient(d.grpc.conns[i]).AccountInfo(callCtx,
				&authtypes.QueryAccountInfoRequest{Address: d.funder.address}, grpc.Header(&md))
			return err
		}()
		if unreachable(ctx, err) {
			return nil
		}
		if h := md.Get(grpctypes.GRPCBlockHeightHeader); err == nil && len(h) == 1 {
			if got, perr := strconv.ParseInt(h[0], 10, 64); perr == nil && got >= height {
				return nil
			}
		}
		if serr := sleep(ctx, 50*time.Millisecond); serr != nil {
			return fmt.Errorf("waiting for %s to reach the state of height %d: %w", d.grpc.addrs[i], height, errors.Join(serr, err))
		}
	}
}

// forEach calls fn for 0..n-1 on up to workers goroutines and returns the
// first error, after which it starts no more calls.
func forEach(ctx context.Context, n, workers int, fn func(context.Context, int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(ctx, i); err != nil {
					cancel(err)
				}
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	return context.Cause(ctx)
}
