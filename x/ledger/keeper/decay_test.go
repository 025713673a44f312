package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// gradidoHalfLife is one Gregorian year in seconds, Gradido's half-life.
const gradidoHalfLife = 31_556_952

const day = 24 * time.Hour

// newDecayGarden returns the garden whose GDD (4 decimals, admin issuance
// and contributions) decays with Gradido's half-life; set, if given, changes
// its MsgCreateCurrency further.
func newDecayGarden(t *testing.T, set func(*types.MsgCreateCurrency)) *fixture {
	t.Helper()
	return newGardenWith(t, func(m *types.MsgCreateCurrency) {
		m.HalfLifeSeconds = gradidoHalfLife
		if set != nil {
			set(m)
		}
	})
}

// touch makes the ledger touch a member's account without moving any of
// its money: a payment request it makes settles its decay.
func (f *fixture) touch(t *testing.T, name string) {
	t.Helper()
	payer := "carol"
	if name == payer {
		payer = "bob"
	}
	_, err := f.msgs.RequestPayment(f.ctx, &types.MsgRequestPayment{
		Requester: f.addr(name), CommunityId: garden, Payer: f.addr(payer), Amount: oneInt(),
	})
	require.NoError(t, err)
}

// decayEntries returns a member's DECAY entries, newest first.
func (f *fixture) decayEntries(t *testing.T, name string) []types.Entry {
	t.Helper()
	var out []types.Entry
	for _, e := range f.history(t, name) {
		if e.Type == types.EntryTypeDecay {
			out = append(out, e)
		}
	}
	return out
}

// record returns the ledger's record of a member's account in GDD.
func (f *fixture) record(t *testing.T, name string) types.Account {
	t.Helper()
	a, err := f.keeper.Accounts.Get(f.ctx, collections.Join(garden, f.accAddr(name)))
	require.NoError(t, err)
	return a
}

func TestDecay_AnAccountUntouchedForAYearShowsHalf(t *testing.T) {
	f := newDecayGarden(t, nil)
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.advance(gradidoHalfLife * time.Second)

	bob := f.account(t, "bob")
	require.Equal(t, sdkmath.NewInt(50*unit), bob.Balance, "50.0000 of 100.0000")
	require.Equal(t, sdkmath.NewInt(50*unit), bob.PendingDecay)
	require.Equal(t, sdkmath.NewInt(50*unit), bob.NetBalance)
	require.Equal(t, uint64(gradidoHalfLife), bob.HalfLifeSeconds)
	require.Equal(t, sdkmath.NewInt(100*unit), f.balance("bob", gdd), "x/bank holds the undecayed amount until the ledger touches the account")
	require.True(t, f.currency(t).Decayed.IsZero())

	f.resetEvents()
	f.pay(t, "bob", "carol", unit)
	require.Equal(t, []string{
		"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventDecayed",
		"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventTransferred",
	}, f.eventTypes(), "carol held nothing: nothing of hers decayed")
	entries := f.history(t, "bob")
	require.Len(t, entries, 3)
	require.Equal(t, types.EntryTypeSend, entries[0].Type)
	decay := entries[1]
	require.Equal(t, types.EntryTypeDecay, decay.Type)
	require.Empty(t, decay.Counterparty)
	require.Equal(t, sdkmath.NewInt(50*unit), decay.Amount)
	require.True(t, decay.Time.Equal(f.ctx.BlockTime()))
	event := lastEvent[*types.EventDecayed](t, f)
	require.Equal(t, f.addr("bob"), event.Account)
	require.Equal(t, gdd, event.Denom)
	require.Equal(t, sdkmath.NewInt(50*unit), event.Amount)
	require.Equal(t, uint64(gradidoHalfLife), event.Seconds)

	require.Equal(t, sdkmath.NewInt(49*unit), f.balance("bob", gdd))
	require.True(t, f.account(t, "bob").PendingDecay.IsZero())
	totals := f.currency(t)
	require.Equal(t, sdkmath.NewInt(50*unit), totals.Decayed)
	require.Equal(t, sdkmath.NewInt(50*unit), totals.Supply.Amount, "the supply fell by what decayed")
	require.Equal(t, sdkmath.NewInt(100*unit), totals.Created)
	require.True(t, f.record(t, "bob").DecayedAt.Equal(f.ctx.BlockTime()))
}

func TestDecay_ATouchBurnsTheReferenceAmount(t *testing.T) {
	for _, tc := range []struct {
		name    string
		elapsed uint64
		left    int64 // Gradido's reference value, 4 decimals
		in      bool  // touched by a transfer to bob, not from him
	}{
		{"100 after 14 days, touched by a transfer out", 14 * 86_400, 97_3781, false},
		{"100 after 30 days, touched by a transfer in", 30 * 86_400, 94_4657, true},
		{"100 after half a year, touched by a transfer out", 15_778_476, 70_7107, false},
		{"100 after half a year, touched by a transfer in", 15_778_476, 70_7107, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newDecayGarden(t, nil)
			f.issue(t, garden, "alice", "bob", 100*unit)
			f.issue(t, garden, "alice", "carol", 100*unit)
			f.advance(time.Duration(tc.elapsed) * time.Second)
			f.resetEvents()
			if tc.in {
				f.pay(t, "carol", "bob", 1)
			} else {
				f.pay(t, "bob", "carol", 1)
			}

			decays := f.decayEntries(t, "bob")
			require.Len(t, decays, 1)
			require.InDelta(t, 100*unit-tc.left, decays[0].Amount.Int64(), 1, "within a base unit of the reference")
			left := types.Decayed(sdkmath.NewInt(100*unit), tc.elapsed, gradidoHalfLife)
			require.Equal(t, sdkmath.NewInt(100*unit).Sub(left), decays[0].Amount)
			want := left.AddRaw(1)
			if !tc.in {
				want = left.SubRaw(1)
			}
			require.Equal(t, want, f.balance("bob", gdd))
			require.Equal(t, 2, len(f.decayEntries(t, "carol"))+len(decays), "both parties decayed")
			totals := f.currency(t)
			require.Equal(t, sdkmath.NewInt(200*unit).Sub(totals.Decayed), totals.Supply.Amount)
		})
	}
}

func TestDecay_WhatHasDecayedCannotBeSpent(t *testing.T) {
	f := newDecayGarden(t, nil)
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.advance(gradidoHalfLife * time.Second)
	require.Equal(t, sdkmath.NewInt(100*unit), f.balance("bob", gdd), "x/bank still shows 100")
	f.requireRejected(t, sdkerrors.ErrInsufficientFunds, func() error {
		_, err := f.transfer("bob", "carol", 50*unit+1)
		return err
	})
	f.pay(t, "bob", "carol", 50*unit)
	require.True(t, f.balance("bob", gdd).IsZero())
}

func TestDecay_TheTreasuryFeeBalanceDecaysWhenItNextReceivesAFee(t *testing.T) {
	f := newDecayGarden(t, func(m *types.MsgCreateCurrency) { m.FeeBps = 100 })
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.pay(t, "bob", "carol", 10*unit) // a fee of 0.1 GDD
	treasury := sdk.AccAddress(types.TreasuryAddress(garden))
	treasuryAddr, err := f.keeper.AddressCodec().BytesToString(treasury)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(1000), f.env.Bank.GetBalance(f.ctx, treasury, gdd).Amount)

	f.advance(gradidoHalfLife * time.Second)
	f.pay(t, "bob", "carol", 10*unit)
	require.Equal(t, sdkmath.NewInt(500+1000), f.env.Bank.GetBalance(f.ctx, treasury, gdd).Amount,
		"half of the first fee decayed before the second came in")
	res, err := f.query.History(f.ctx, &types.QueryHistoryRequest{Address: treasuryAddr, CommunityId: garden})
	require.NoError(t, err)
	require.Len(t, res.Entries, 1, "the treasury's history is its decay")
	require.Equal(t, types.EntryTypeDecay, res.Entries[0].Type)
	require.Equal(t, sdkmath.NewInt(500), res.Entries[0].Amount)
}

func TestDecay_DebtDoesNotDecay(t *testing.T) {
	f := newDecayGarden(t, func(m *types.MsgCreateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCredit
		m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
	})
	f.pay(t, "bob", "carol", 30*unit)
	f.advance(gradidoHalfLife * time.Second)

	bob := f.account(t, "bob")
	require.Equal(t, sdkmath.NewInt(30*unit), bob.Debt, "a year on, bob owes what he owed")
	require.True(t, bob.PendingDecay.IsZero())
	require.Equal(t, sdkmath.NewInt(-30*unit), bob.NetBalance)
	require.Equal(t, sdkmath.NewInt(15*unit), f.account(t, "carol").Balance, "carol's balance halved")

	f.pay(t, "carol", "bob", 15*unit)
	require.Equal(t, sdkmath.NewInt(15*unit), f.account(t, "bob").Debt)
	totals := f.currency(t)
	require.Equal(t, sdkmath.NewInt(15*unit), totals.Debt)
	require.Equal(t, sdkmath.NewInt(15*unit), totals.Decayed)
	require.True(t, totals.Supply.Amount.IsZero())
}

func TestDecay_TheMaximumBalanceCountsTheDecayedBalance(t *testing.T) {
	f := newDecayGarden(t, func(m *types.MsgCreateCurrency) { m.MaxBalance = sdkmath.NewInt(100 * unit) })
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.issue(t, garden, "alice", "carol", 100*unit)
	f.requireRejected(t, types.ErrMaxBalanceExceeded, func() error {
		_, err := f.transfer("bob", "carol", 1)
		return err
	})
	f.advance(gradidoHalfLife * time.Second)
	f.pay(t, "bob", "carol", 50*unit) // carol held 50 after decay
	require.Equal(t, sdkmath.NewInt(100*unit), f.balance("carol", gdd))
	require.True(t, f.balance("bob", gdd).IsZero())
}

func TestDecay_ManyTouchesLoseAtMostOneBaseUnitEachMoreThanOne(t *testing.T) {
	const touches = 30
	once := func(amount int64) sdkmath.Int {
		return types.Decayed(sdkmath.NewInt(amount), uint64(touches*day/time.Second), gradidoHalfLife)
	}
	// requireWithinBound checks what n touches left against what a single
	// touch over the whole period would: never more than a unit above
	// (each touch rounds down), at most n units below.
	requireWithinBound := func(t *testing.T, got, once sdkmath.Int, n int64) {
		t.Helper()
		require.True(t, got.LTE(once.AddRaw(1)), "%s after %d touches, %s after one", got, n, once)
		require.True(t, once.Sub(got).LTE(sdkmath.NewInt(n)), "%s after %d touches, %s after one", got, n, once)
	}

	t.Run("daily payment requests", func(t *testing.T) {
		f := newDecayGarden(t, nil)
		f.issue(t, garden, "alice", "bob", 100*unit)
		for range touches {
			f.advance(day)
			f.touch(t, "bob")
		}
		got := f.balance("bob", gdd)
		require.True(t, f.account(t, "bob").PendingDecay.IsZero())
		requireWithinBound(t, got, once(100*unit), touches)
		require.Len(t, f.decayEntries(t, "bob"), touches)
		burned := sdkmath.ZeroInt()
		for _, e := range f.decayEntries(t, "bob") {
			burned = burned.Add(e.Amount)
		}
		require.Equal(t, sdkmath.NewInt(100*unit).Sub(got), burned, "the DECAY entries add up to what was lost")
	})

	t.Run("daily transfers of a base unit back and forth", func(t *testing.T) {
		f := newDecayGarden(t, nil)
		f.issue(t, garden, "alice", "bob", 100*unit)
		f.issue(t, garden, "alice", "carol", 100*unit)
		for i := range touches {
			f.advance(day)
			if i%2 == 0 {
				f.pay(t, "bob", "carol", 1)
			} else {
				f.pay(t, "carol", "bob", 1)
			}
		}
		// Moving a unit changes neither holder's rate: together they
		// decay as one balance, touched twice a day.
		held := f.balance("bob", gdd).Add(f.balance("carol", gdd))
		requireWithinBound(t, held, once(200*unit), 2*touches)
		require.Equal(t, sdkmath.NewInt(200*unit).Sub(held), f.currency(t).Decayed)
	})
}

func TestDecay_FractionsOfASecondAreCarriedOver(t *testing.T) {
	f := newDecayGarden(t, nil)
	start := f.ctx.BlockTime()
	f.issue(t, garden, "alice", "bob", 100*unit)
	require.True(t, f.record(t, "bob").DecayedAt.Equal(start))

	f.advance(400 * time.Millisecond)
	f.touch(t, "bob")
	require.True(t, f.record(t, "bob").DecayedAt.Equal(start), "no whole second has passed")
	require.Empty(t, f.decayEntries(t, "bob"))

	f.advance(1100 * time.Millisecond) // 1.5 s
	f.resetEvents()
	f.touch(t, "bob")
	require.True(t, f.record(t, "bob").DecayedAt.Equal(start.Add(time.Second)), "the half second left over waits for the next touch")
	require.Equal(t, uint64(1), lastEvent[*types.EventDecayed](t, f).Seconds)
	left := types.Decayed(sdkmath.NewInt(100*unit), 1, gradidoHalfLife)
	require.Equal(t, left, f.balance("bob", gdd))

	f.advance(500 * time.Millisecond) // 2 s
	f.resetEvents()
	f.touch(t, "bob")
	require.True(t, f.record(t, "bob").DecayedAt.Equal(start.Add(2*time.Second)))
	require.Equal(t, uint64(1), lastEvent[*types.EventDecayed](t, f).Seconds, "the half second carried over made a whole one")
	require.Equal(t, types.Decayed(left, 1, gradidoHalfLife), f.balance("bob", gdd))
	require.Len(t, f.decayEntries(t, "bob"), 2)
}

func TestSetAccountLimits_OnADecayingCurrencySettlesTheAccount(t *testing.T) {
	f := newDecayGarden(t, nil)
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.advance(gradidoHalfLife * time.Second)

	// mod never held GDD: the ledger had no record of him.
	require.NoError(t, f.setLimits("mod", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(10 * unit) }))
	mod := f.record(t, "mod")
	require.NotNil(t, mod.DecayedAt, "every record of a decaying currency says since when it decays")
	require.True(t, mod.DecayedAt.Equal(f.ctx.BlockTime()))

	// bob's limit is checked against his decayed balance, which is burned.
	f.requireRejected(t, types.ErrMaxBelowBalance, func() error {
		return f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(50*unit - 1) })
	})
	f.resetEvents()
	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(50 * unit) }))
	require.Equal(t, sdkmath.NewInt(50*unit), f.balance("bob", gdd))
	require.Equal(t, sdkmath.NewInt(50*unit), lastEvent[*types.EventDecayed](t, f).Amount)
	require.Len(t, f.decayEntries(t, "bob"), 1)

	gs, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
}
