package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// position is an account's standing in a currency as of the block time:
// read and computed, not yet written. A Msg computes the position of every
// account it touches and checks every rule against them before its first
// write; settle then burns the decay due and the Msg moves the money.
type position struct {
	addr sdk.AccAddress
	// record is the ledger's record of the account, or a new empty one.
	record types.Account
	// balance is the x/bank balance after the decay due.
	balance sdkmath.Int
	// decay is what the x/bank balance lost since record.DecayedAt, over
	// seconds whole seconds.
	decay   sdkmath.Int
	seconds uint64
	// decayedAt is record.DecayedAt after settling; nil without decay.
	decayedAt *time.Time
	// changed is set when record must be written back; stored when the
	// record is in the store.
	changed, stored bool
}

// debt is what the account owes.
func (p *position) debt() sdkmath.Int {
	return p.record.Debt
}

// net is the balance after decay less the debt.
func (p *position) net() sdkmath.Int {
	return p.balance.Sub(p.record.Debt)
}

// accountRecord returns the ledger's record of addr in the currency c, and
// whether it is stored; a new empty one when it is not. A currency without
// credit or decay whose community has no record at all, the common case of
// a transfer, reads one cached counter instead of missing in the store.
func (k Keeper) accountRecord(ctx context.Context, c types.Currency, addr sdk.AccAddress) (types.Account, bool, error) {
	empty := types.Account{CommunityId: c.CommunityId, Address: k.formatAddress(addr), Debt: sdkmath.ZeroInt()}
	if c.HalfLifeSeconds == 0 && !c.IssuancePolicy.AllowsCredit() {
		n, err := k.recordCount(ctx, c.CommunityId)
		if err != nil || n == 0 {
			return empty, false, err
		}
	}
	a, err := k.Accounts.Get(ctx, collections.Join(c.CommunityId, addr))
	if errors.Is(err, collections.ErrNotFound) {
		return empty, false, nil
	}
	a.Debt = types.IntOrZero(a.Debt)
	return a, err == nil, err
}

// recordCount returns how many accounts of a community's currency the
// ledger keeps a record of.
func (k Keeper) recordCount(ctx context.Context, communityID uint64) (uint64, error) {
	n, err := k.AccountRecords.Get(ctx, communityID)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

// position reads addr's standing in c and computes the decay due up to the
// block time. Decay runs in whole seconds: the fraction of a second left
// over stays in DecayedAt for the next touch, so decaying at every block
// and decaying once agree within the bound of types.Decayed.
func (k Keeper) position(ctx context.Context, c types.Currency, addr sdk.AccAddress) (position, error) {
	return k.positionOf(ctx, c, addr, true)
}

// recipientPosition is position for an account about to receive: its
// balance matters only to decay and to a maximum balance, and without them
// is not read (balance then counts from 0).
func (k Keeper) recipientPosition(ctx context.Context, c types.Currency, addr sdk.AccAddress) (position, error) {
	return k.positionOf(ctx, c, addr, false)
}

func (k Keeper) positionOf(ctx context.Context, c types.Currency, addr sdk.AccAddress, withBalance bool) (position, error) {
	record, stored, err := k.accountRecord(ctx, c, addr)
	if err != nil {
		return position{}, err
	}
	p := position{addr: addr, record: record, stored: stored, balance: sdkmath.ZeroInt(), decay: sdkmath.ZeroInt()}
	if limit, _ := c.MaxBalanceOf(record); withBalance || c.HalfLifeSeconds != 0 || limit.IsPositive() {
		p.balance = k.bankKeeper.GetBalance(ctx, addr, c.Denom).Amount
	}
	if c.HalfLifeSeconds == 0 {
		return p, nil
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if record.DecayedAt == nil {
		// A balance the ledger has not touched since the currency began
		// to decay starts decaying now.
		p.decayedAt = &now
		return p, nil
	}
	balance := p.balance
	p.seconds = elapsedSeconds(*record.DecayedAt, now)
	at := record.DecayedAt.Add(time.Duration(p.seconds) * time.Second)
	p.decayedAt = &at
	p.balance = types.Decayed(balance, p.seconds, c.HalfLifeSeconds)
	p.decay = balance.Sub(p.balance)
	return p, nil
}

// elapsedSeconds returns the whole seconds from since to now; 0 when now is
// not after since. time.Duration saturates at about 292 years, beyond which
// every balance has long decayed to nothing.
func elapsedSeconds(since, now time.Time) uint64 {
	if !now.After(since) {
		return 0
	}
	return uint64(now.Sub(since) / time.Second)
}

// DecayGas is what settling an account of a decaying currency costs, due
// decay or not: a flat price, so that a transaction's gas does not depend on
// whether a unit has decayed between its simulation and its block. It is
// above what the burn, the DECAY entry, the total and the event use.
const DecayGas uint64 = 60_000

// settle applies the decay computed by position: it burns the decayed units,
// records a DECAY entry and moves DecayedAt to the block time. It charges
// DecayGas whether anything decayed or not.
func (k Keeper) settle(ctx context.Context, c types.Currency, p *position) error {
	if p.decayedAt == nil {
		return nil
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	meter := storetypes.NewInfiniteGasMeter()
	if p.decay.IsPositive() {
		if err := k.burnDecay(sdkCtx.WithGasMeter(meter), c, p); err != nil {
			return err
		}
	}
	sdkCtx.GasMeter().ConsumeGas(max(DecayGas, meter.GasConsumed()), "ledger: decay")
	if p.record.DecayedAt == nil || !p.record.DecayedAt.Equal(*p.decayedAt) {
		at := *p.decayedAt
		p.record.DecayedAt = &at
		p.changed = true
	}
	return nil
}

// burnDecay burns the decay due of p and records it.
func (k Keeper) burnDecay(ctx context.Context, c types.Currency, p *position) error {
	if err := k.burnFrom(ctx, p.addr, sdk.NewCoins(sdk.NewCoin(c.Denom, p.decay))); err != nil {
		return err
	}
	if err := addTotal(ctx, k.Decayed, c.CommunityId, p.decay); err != nil {
		return err
	}
	account := k.formatAddress(p.addr)
	if _, err := k.recordEntry(ctx, types.Entry{
		Type: types.EntryTypeDecay, Account: account, CommunityId: c.CommunityId, Denom: c.Denom, Amount: p.decay,
	}); err != nil {
		return err
	}
	if err := emit(ctx, &types.EventDecayed{
		CommunityId: c.CommunityId, Denom: c.Denom, Account: account, Amount: p.decay, Seconds: p.seconds,
	}); err != nil {
		return err
	}
	p.decay = sdkmath.ZeroInt()
	return nil
}

// drawCredit mints amount to the account and adds it to its debt: a payment
// beyond the bank balance.
func (k Keeper) drawCredit(ctx context.Context, c types.Currency, p *position, amount sdkmath.Int) error {
	coins := sdk.NewCoins(sdk.NewCoin(c.Denom, amount))
	ctx = ledgerMove(ctx)
	if err := k.bankKeeper.MintCoins(ctx, types.ModuleName, coins); err != nil {
		return err
	}
	if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, p.addr, coins); err != nil {
		return err
	}
	p.balance = p.balance.Add(amount)
	p.record.Debt = p.record.Debt.Add(amount)
	p.changed = true
	return addTotal(ctx, k.TotalDebt, c.CommunityId, amount)
}

// repay burns amount of the account's balance against its debt: a receipt
// repays debt first.
func (k Keeper) repay(ctx context.Context, c types.Currency, p *position, amount sdkmath.Int) error {
	if err := k.burnFrom(ctx, p.addr, sdk.NewCoins(sdk.NewCoin(c.Denom, amount))); err != nil {
		return err
	}
	p.balance = p.balance.Sub(amount)
	p.record.Debt = p.record.Debt.Sub(amount)
	p.changed = true
	return addTotal(ctx, k.TotalDebt, c.CommunityId, amount.Neg())
}

// saveAccount writes the record of p back if it changed, removes a record
// that holds nothing, and keeps the community's count of records.
func (k Keeper) saveAccount(ctx context.Context, p *position) error {
	if !p.changed {
		return nil
	}
	p.changed = false
	key := collections.Join(p.record.CommunityId, p.addr)
	a := p.record
	if a.Debt.IsZero() && a.DecayedAt == nil && a.CreditLimit == nil && a.MaxBalance == nil {
		if !p.stored {
			return nil
		}
		p.stored = false
		if err := k.Accounts.Remove(ctx, key); err != nil {
			return err
		}
		return k.countRecord(ctx, a.CommunityId, -1)
	}
	if err := k.Accounts.Set(ctx, key, a); err != nil {
		return err
	}
	if p.stored {
		return nil
	}
	p.stored = true
	return k.countRecord(ctx, a.CommunityId, 1)
}

// countRecord adds delta (±1) to a community's count of records.
func (k Keeper) countRecord(ctx context.Context, communityID uint64, delta int) error {
	n, err := k.recordCount(ctx, communityID)
	if err != nil {
		return err
	}
	switch {
	case delta > 0:
		n++
	case n == 0:
		return errors.New("a community's count of account records would go negative")
	default:
		n--
	}
	if n == 0 {
		return k.AccountRecords.Remove(ctx, communityID)
	}
	return k.AccountRecords.Set(ctx, communityID, n)
}

// burnFrom takes coins from an account and burns them.
func (k Keeper) burnFrom(ctx context.Context, addr sdk.AccAddress, coins sdk.Coins) error {
	ctx = ledgerMove(ctx)
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, addr, types.ModuleName, coins); err != nil {
		return err
	}
	return k.bankKeeper.BurnCoins(ctx, types.ModuleName, coins)
}

// checkReceipt fails with types.ErrMaxBalanceExceeded when receiving amount
// would take the account above its maximum balance.
func (k Keeper) checkReceipt(c types.Currency, p *position, amount sdkmath.Int) error {
	limit, _ := c.MaxBalanceOf(p.record)
	if !limit.IsPositive() {
		return nil
	}
	if after := p.net().Add(amount); after.GT(limit) {
		return types.ErrMaxBalanceExceeded.Wrapf("%s would hold %s%s; its maximum is %s", k.formatAddress(p.addr), after, c.Denom, limit)
	}
	return nil
}

// receive credits amount to an account whose position is p: what it owes is
// repaid first, by burning, and only the rest stays in its balance. coinsIn
// brings the amount into the account's bank balance. It returns the amount
// repaid.
func (k Keeper) receive(ctx context.Context, c types.Currency, p *position, amount sdkmath.Int, coinsIn func() error) (sdkmath.Int, error) {
	if err := coinsIn(); err != nil {
		return sdkmath.Int{}, err
	}
	p.balance = p.balance.Add(amount)
	repaid := sdkmath.MinInt(amount, p.debt())
	if repaid.IsPositive() {
		if err := k.repay(ctx, c, p, repaid); err != nil {
			return sdkmath.Int{}, err
		}
	}
	return repaid, nil
}

// addTotal adds delta, possibly negative, to a per-community total.
func addTotal(ctx context.Context, m collections.Map[uint64, sdkmath.Int], communityID uint64, delta sdkmath.Int) error {
	total, err := m.Get(ctx, communityID)
	if errors.Is(err, collections.ErrNotFound) {
		total = sdkmath.ZeroInt()
	} else if err != nil {
		return err
	}
	total = total.Add(delta)
	if total.IsNegative() {
		return errors.New("a ledger total would go negative")
	}
	if total.IsZero() {
		return m.Remove(ctx, communityID)
	}
	return m.Set(ctx, communityID, total)
}

// totalOf returns a per-community total, 0 when none is stored.
func totalOf(ctx context.Context, m collections.Map[uint64, sdkmath.Int], communityID uint64) (sdkmath.Int, error) {
	total, err := m.Get(ctx, communityID)
	if errors.Is(err, collections.ErrNotFound) {
		return sdkmath.ZeroInt(), nil
	}
	return total, err
}
