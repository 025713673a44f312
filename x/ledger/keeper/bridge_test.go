package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/fuzzcheck"
	"github.com/kizuna-chain/kizuna/testutil/fuzzmsg"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// ethAddr is an Ethereum address in its checksummed form (EIP-55's example).
const ethAddr = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"

// bridgeOut sends amount of GDD from a member to ethAddr over the bridge.
func (f *fixture) bridgeOut(name string, amount int64) error {
	return f.keeper.SendToBridge(f.ctx, f.accAddr(name), gdd, sdkmath.NewInt(amount), ethAddr, "to mainnet")
}

// bridgeBack credits amount of GDD to an account from the bridge, coming
// in from ethAddr or refunded, and returns the debt repaid.
func (f *fixture) bridgeBack(name string, amount int64, direction types.BridgeDirection) (sdkmath.Int, error) {
	return f.keeper.ReceiveFromBridge(f.ctx, f.accAddr(name), gdd, sdkmath.NewInt(amount), ethAddr, direction, "from mainnet")
}

// requireInvariants checks every ledger invariant now.
func (f *fixture) requireInvariants(t *testing.T) {
	t.Helper()
	require.NoError(t, f.keeper.CheckInvariants(f.ctx))
}

func TestCurrencyOfDenom(t *testing.T) {
	f := newGarden(t)
	c, err := f.keeper.CurrencyOfDenom(f.ctx, gdd)
	require.NoError(t, err)
	require.Equal(t, garden, c.CommunityId)
	require.Equal(t, gdd, c.Denom)
	for _, denom := range []string{
		"", "ukiz", "cc/", "cc/1", "cc/1/", "cc/1/XYZ", "cc/2/GDD", "cc/01/GDD", "cc/+1/GDD", "cc/x/GDD",
		"cc/18446744073709551616/GDD", "CC/1/GDD", "cc/1/GDD/", "cc/1/gdd",
	} {
		_, err := f.keeper.CurrencyOfDenom(f.ctx, denom)
		require.ErrorIs(t, err, types.ErrCurrencyNotFound, "%q", denom)
	}
}

func TestSendToBridge_BurnsAndRecordsTheTransfer(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.resetEvents()
	require.NoError(t, f.bridgeOut("bob", 30*unit))

	require.Equal(t, sdkmath.NewInt(70*unit), f.balance("bob", gdd))
	totals := f.currency(t)
	require.Equal(t, sdkmath.NewInt(70*unit), totals.Supply.Amount, "the units that left are burned")
	require.Equal(t, sdkmath.NewInt(30*unit), totals.BridgedOut)
	require.True(t, totals.BridgedBack.IsZero())
	require.Equal(t, sdkmath.NewInt(100*unit), totals.Created)

	entry := f.history(t, "bob")[0]
	require.Equal(t, types.EntryTypeBridge, entry.Type)
	require.Equal(t, types.BridgeDirectionOut, entry.BridgeDirection)
	require.Equal(t, ethAddr, entry.EthereumAddress)
	require.Empty(t, entry.Counterparty)
	require.Equal(t, sdkmath.NewInt(30*unit), entry.Amount)
	require.True(t, entry.DebtChange.IsZero())
	require.Equal(t, "to mainnet", entry.Memo)
	require.Equal(t, f.addr("bob"), entry.Account)
	require.True(t, entry.Time.Equal(f.ctx.BlockTime()))

	require.Equal(t, []string{"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventBridgedOut"}, f.eventTypes())
	recorded := lastEvent[*types.EventEntryRecorded](t, f)
	require.Equal(t, entry.Id, recorded.Id)
	require.Equal(t, types.BridgeDirectionOut, recorded.BridgeDirection)
	require.Equal(t, ethAddr, recorded.EthereumAddress)
	requireSameJSON(t, &types.EventBridgedOut{
		CommunityId: garden, Denom: gdd, Sender: f.addr("bob"), EthereumAddress: ethAddr,
		Amount: sdkmath.NewInt(30 * unit), Memo: "to mainnet", EntryId: entry.Id,
	}, lastEvent[*types.EventBridgedOut](t, f))

	for _, inv := range []keeper.Invariant{
		{Name: "supply", Check: f.keeper.SupplyInvariant}, {Name: "bridged-totals", Check: f.keeper.BridgedTotalsInvariant},
	} {
		msg, broken := inv.Check(f.ctx)
		require.False(t, broken, "%s: %s", inv.Name, msg)
	}

	require.NoError(t, f.bridgeOut("bob", 70*unit), "the whole balance may leave")
	require.True(t, f.balance("bob", gdd).IsZero())
	require.Equal(t, sdkmath.NewInt(100*unit), f.currency(t).BridgedOut)
}

func TestSendToBridge_RefusesWhatItCannotTake(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", 100*unit)
	bob := f.accAddr("bob")
	send := func(denom string, amount sdkmath.Int, eth, memo string) func() error {
		return func() error { return f.keeper.SendToBridge(f.ctx, bob, denom, amount, eth, memo) }
	}
	for _, c := range []struct {
		name string
		want error
		run  func() error
	}{
		{"more than the balance", types.ErrBridgeNeedsCredit, send(gdd, sdkmath.NewInt(100*unit+1), ethAddr, "")},
		{"from an account holding nothing", types.ErrBridgeNeedsCredit, func() error {
			return f.keeper.SendToBridge(f.ctx, f.accAddr("dave"), gdd, oneInt(), ethAddr, "")
		}},
		{"nothing", types.ErrInvalidAmount, send(gdd, sdkmath.ZeroInt(), ethAddr, "")},
		{"a negative amount", types.ErrInvalidAmount, send(gdd, sdkmath.NewInt(-1), ethAddr, "")},
		{"no amount", types.ErrInvalidAmount, send(gdd, sdkmath.Int{}, ethAddr, "")},
		{"an amount above 2^128", types.ErrInvalidAmount, send(gdd, maxInt(), ethAddr, "")},
		{"an unknown denom", types.ErrCurrencyNotFound, send("cc/2/GDD", oneInt(), ethAddr, "")},
		{"a denom of no currency", types.ErrCurrencyNotFound, send("ukiz", oneInt(), ethAddr, "")},
		{"no Ethereum address", types.ErrInvalidEthAddress, send(gdd, oneInt(), "", "")},
		{"a short Ethereum address", types.ErrInvalidEthAddress, send(gdd, oneInt(), ethAddr[:41], "")},
		{"an Ethereum address without 0x", types.ErrInvalidEthAddress, send(gdd, oneInt(), "00"+ethAddr[2:], "")},
		{"a bech32 address", types.ErrInvalidEthAddress, send(gdd, oneInt(), f.addr("carol"), "")},
		{"a memo too long", types.ErrInvalidMemo, send(gdd, oneInt(), ethAddr, long(513))},
	} {
		t.Run(c.name, func(t *testing.T) {
			f.requireRejected(t, c.want, c.run)
		})
	}
	require.NoError(t, send(gdd, oneInt(), strings.ToLower(ethAddr), long(512))())
}

func TestSendToBridge_DebtAndCreditNeverLeave(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "bob", "carol", 30*unit) // bob owes 30 and holds nothing
	f.requireRejected(t, types.ErrBridgeNeedsCredit, func() error { return f.bridgeOut("bob", 1) })

	require.NoError(t, f.bridgeOut("carol", 20*unit), "a balance held leaves, even one that is someone's debt")
	f.requireRejected(t, types.ErrBridgeNeedsCredit, func() error { return f.bridgeOut("carol", 10*unit+1) })
	require.Equal(t, sdkmath.NewInt(30*unit), f.account(t, "bob").Debt)
	require.Equal(t, sdkmath.NewInt(10*unit), f.supply(gdd))
	f.requireInvariants(t) // mutual-credit sum: held 10 − owed 30 = −bridged out 20
}

func TestSendToBridge_SettlesDecayFirst(t *testing.T) {
	f := newDecayGarden(t, nil)
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.advance(gradidoHalfLife * time.Second)
	require.Equal(t, sdkmath.NewInt(100*unit), f.balance("bob", gdd), "x/bank still shows 100")
	f.requireRejected(t, types.ErrBridgeNeedsCredit, func() error { return f.bridgeOut("bob", 50*unit+1) })

	f.resetEvents()
	meter := storetypes.NewGasMeter(10_000_000)
	f.ctx = f.ctx.WithGasMeter(meter)
	require.NoError(t, f.bridgeOut("bob", 50*unit))
	require.GreaterOrEqual(t, meter.GasConsumed(), keeper.DecayGas, "settling costs the flat decay gas")
	require.Equal(t, []string{
		"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventDecayed",
		"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventBridgedOut",
	}, f.eventTypes())
	entries := f.history(t, "bob")
	require.Len(t, entries, 3)
	require.Equal(t, types.EntryTypeBridge, entries[0].Type)
	require.Equal(t, types.EntryTypeDecay, entries[1].Type)
	require.Equal(t, sdkmath.NewInt(50*unit), entries[1].Amount)
	require.Empty(t, entries[1].EthereumAddress)
	require.Equal(t, types.BridgeDirectionUnspecified, entries[1].BridgeDirection)
	require.True(t, f.balance("bob", gdd).IsZero())
	require.True(t, f.record(t, "bob").DecayedAt.Equal(f.ctx.BlockTime()))
	totals := f.currency(t)
	require.Equal(t, sdkmath.NewInt(50*unit), totals.Decayed)
	require.Equal(t, sdkmath.NewInt(50*unit), totals.BridgedOut)
	require.True(t, totals.Supply.Amount.IsZero())
}

func TestReceiveFromBridge_MintsToAnyAddress(t *testing.T) {
	f := newGarden(t)
	f.resetEvents()
	repaid, err := f.bridgeBack("dave", 20*unit, types.BridgeDirectionIn) // dave belongs to no community
	require.NoError(t, err)
	require.True(t, repaid.IsZero())

	require.Equal(t, sdkmath.NewInt(20*unit), f.balance("dave", gdd))
	totals := f.currency(t)
	require.Equal(t, sdkmath.NewInt(20*unit), totals.Supply.Amount)
	require.Equal(t, sdkmath.NewInt(20*unit), totals.BridgedBack)
	require.True(t, totals.Created.IsZero(), "units coming back were created before they left")
	entry := f.history(t, "dave")[0]
	require.Equal(t, types.EntryTypeBridge, entry.Type)
	require.Equal(t, types.BridgeDirectionIn, entry.BridgeDirection)
	require.Equal(t, ethAddr, entry.EthereumAddress)
	require.Empty(t, entry.Counterparty)
	require.True(t, entry.DebtChange.IsZero())
	require.Equal(t, "from mainnet", entry.Memo)
	require.Equal(t, []string{"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventBridgedBack"}, f.eventTypes())
	requireSameJSON(t, &types.EventBridgedBack{
		CommunityId: garden, Denom: gdd, Recipient: f.addr("dave"), EthereumAddress: ethAddr, Amount: sdkmath.NewInt(20 * unit),
		Direction: types.BridgeDirectionIn, Memo: "from mainnet", DebtRepaid: sdkmath.ZeroInt(), EntryId: entry.Id,
	}, lastEvent[*types.EventBridgedBack](t, f))

	// dave may send it on to Ethereum again, not to a member: he is none.
	require.NoError(t, f.bridgeOut("dave", 5*unit))
	f.requireRejected(t, types.ErrNotMember, func() error {
		_, err := f.transfer("dave", "bob", unit)
		return err
	})
}

func TestReceiveFromBridge_RepaysDebtFirst(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "bob", "carol", 30*unit) // bob owes 30
	require.NoError(t, f.bridgeOut("carol", 30*unit))

	repaid, err := f.bridgeBack("bob", 20*unit, types.BridgeDirectionIn)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(20*unit), repaid)
	require.Equal(t, sdkmath.NewInt(10*unit), f.account(t, "bob").Debt)
	require.True(t, f.balance("bob", gdd).IsZero(), "all of it repaid debt, and was burned")
	entry := f.history(t, "bob")[0]
	require.Equal(t, types.EntryTypeBridge, entry.Type)
	require.Equal(t, sdkmath.NewInt(20*unit), entry.Amount)
	require.Equal(t, sdkmath.NewInt(-20*unit), entry.DebtChange)
	require.Equal(t, sdkmath.NewInt(20*unit), lastEvent[*types.EventBridgedBack](t, f).DebtRepaid)
	f.requireInvariants(t)

	// A refund names no Ethereum address, if the bridge has none to give.
	repaid, err = f.keeper.ReceiveFromBridge(f.ctx, f.accAddr("bob"), gdd, sdkmath.NewInt(15*unit), "", types.BridgeDirectionRefund, "")
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(10*unit), repaid)
	bob := f.account(t, "bob")
	require.True(t, bob.Debt.IsZero())
	require.Equal(t, sdkmath.NewInt(5*unit), bob.Balance)
	entry = f.history(t, "bob")[0]
	require.Equal(t, types.BridgeDirectionRefund, entry.BridgeDirection)
	require.Empty(t, entry.EthereumAddress)
	require.Equal(t, sdkmath.NewInt(-10*unit), entry.DebtChange)
	totals := f.currency(t)
	require.Equal(t, sdkmath.NewInt(35*unit), totals.BridgedBack)
	require.Equal(t, sdkmath.NewInt(30*unit), totals.BridgedOut)
	require.True(t, totals.Debt.IsZero())
	f.requireInvariants(t)
}

func TestReceiveFromBridge_RefusesWhatItCannotCredit(t *testing.T) {
	f := newGarden(t)
	bob := f.accAddr("bob")
	receive := func(denom string, amount sdkmath.Int, eth string, direction types.BridgeDirection, memo string) func() error {
		return func() error {
			_, err := f.keeper.ReceiveFromBridge(f.ctx, bob, denom, amount, eth, direction, memo)
			return err
		}
	}
	for _, c := range []struct {
		name string
		want error
		run  func() error
	}{
		{"going out", types.ErrInvalidDirection, receive(gdd, oneInt(), ethAddr, types.BridgeDirectionOut, "")},
		{"no direction", types.ErrInvalidDirection, receive(gdd, oneInt(), ethAddr, types.BridgeDirectionUnspecified, "")},
		{"an unknown direction", types.ErrInvalidDirection, receive(gdd, oneInt(), ethAddr, types.BridgeDirection(9), "")},
		{"in from no Ethereum address", types.ErrInvalidEthAddress, receive(gdd, oneInt(), "", types.BridgeDirectionIn, "")},
		{"a refund naming a malformed one", types.ErrInvalidEthAddress, receive(gdd, oneInt(), "0x12", types.BridgeDirectionRefund, "")},
		{"nothing", types.ErrInvalidAmount, receive(gdd, sdkmath.ZeroInt(), ethAddr, types.BridgeDirectionIn, "")},
		{"no amount", types.ErrInvalidAmount, receive(gdd, sdkmath.Int{}, ethAddr, types.BridgeDirectionIn, "")},
		{"an amount above 2^128", types.ErrInvalidAmount, receive(gdd, types.MaxLimit.AddRaw(1), ethAddr, types.BridgeDirectionIn, "")},
		{"the largest amount", types.ErrInvalidAmount, receive(gdd, maxInt(), ethAddr, types.BridgeDirectionRefund, "")},
		{"an unknown denom", types.ErrCurrencyNotFound, receive("cc/1/XYZ", oneInt(), ethAddr, types.BridgeDirectionIn, "")},
		{"a memo too long", types.ErrInvalidMemo, receive(gdd, oneInt(), ethAddr, types.BridgeDirectionIn, long(513))},
	} {
		t.Run(c.name, func(t *testing.T) {
			f.requireRejected(t, c.want, c.run)
		})
	}
	require.NoError(t, receive(gdd, types.MaxLimit, ethAddr, types.BridgeDirectionIn, long(512))(), "2^128 is the largest amount")
	require.Equal(t, types.MaxLimit, f.balance("bob", gdd))
}

func TestReceiveFromBridge_TheMaximumBalanceHoldsButNotForTheTreasury(t *testing.T) {
	f := newDecayGarden(t, func(m *types.MsgCreateCurrency) { m.MaxBalance = sdkmath.NewInt(100 * unit) })
	f.issue(t, garden, "alice", "bob", 100*unit)
	for _, direction := range []types.BridgeDirection{types.BridgeDirectionIn, types.BridgeDirectionRefund} {
		f.requireRejected(t, types.ErrMaxBalanceExceeded, func() error {
			_, err := f.bridgeBack("bob", 1, direction)
			return err
		})
	}
	f.advance(gradidoHalfLife * time.Second)
	_, err := f.bridgeBack("bob", 50*unit, types.BridgeDirectionIn) // bob held 50 after decay
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(100*unit), f.balance("bob", gdd))
	require.Len(t, f.decayEntries(t, "bob"), 1, "bob's decay was settled first")

	// What a member cannot take, the bridge credits to the treasury.
	treasury := sdk.AccAddress(types.TreasuryAddress(garden))
	_, err = f.keeper.ReceiveFromBridge(f.ctx, treasury, gdd, sdkmath.NewInt(500*unit), ethAddr, types.BridgeDirectionRefund, "")
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(500*unit), f.env.Bank.GetBalance(f.ctx, treasury, gdd).Amount)
	f.requireInvariants(t)
}

// Every ledger invariant holds after each step of a run of transfers out,
// back and refunded, mixed with creation, payments, credit, fees and decay,
// in a plain currency, a pure mutual-credit one and a decaying one with
// credit, creation, a fee and maximum balances.
func TestBridge_EveryInvariantHoldsThroughOutInAndRefund(t *testing.T) {
	for _, c := range []struct {
		name   string
		create func(*types.MsgCreateCurrency)
	}{
		{"plain with a fee", func(m *types.MsgCreateCurrency) { m.FeeBps = 100 }},
		{"mutual credit", func(m *types.MsgCreateCurrency) {
			m.IssuancePolicy = types.IssuancePolicyMutualCredit
			m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
		}},
		{"decaying mutual credit and creation", func(m *types.MsgCreateCurrency) {
			m.IssuancePolicy = types.IssuancePolicyMutualCreditAndCreation
			m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
			m.MaxBalance = sdkmath.NewInt(300 * unit)
			m.HalfLifeSeconds = gradidoHalfLife
			m.FeeBps = 100
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newGardenWith(t, c.create)
			cur, err := f.keeper.GetCurrency(f.ctx, garden)
			require.NoError(t, err)
			step := func(what string, run func() error) {
				t.Helper()
				require.NoError(t, run(), what)
				require.NoError(t, f.keeper.CheckInvariants(f.ctx), "after %s", what)
			}
			back := func(name string, amount int64, direction types.BridgeDirection) func() error {
				return func() error {
					_, err := f.bridgeBack(name, amount, direction)
					return err
				}
			}
			if cur.IssuancePolicy.AllowsAdminIssuance() {
				step("issuing", func() error { f.issue(t, garden, "alice", "bob", 100*unit); return nil })
			} else {
				step("paying on credit", func() error { _, err := f.transfer("carol", "bob", 40*unit); return err })
			}
			step("bob sending out", func() error { return f.bridgeOut("bob", 25*unit) })
			step("carol receiving from Ethereum", back("carol", 10*unit, types.BridgeDirectionIn))
			step("a refund to bob", back("bob", 5*unit, types.BridgeDirectionRefund))
			step("a refund to a non-member", back("dave", 3*unit, types.BridgeDirectionRefund))
			f.advance(90 * day)
			step("bob paying carol", func() error { _, err := f.transfer("bob", "carol", 7*unit); return err })
			step("bob sending out after 90 days", func() error { return f.bridgeOut("bob", 2*unit) })
			step("dave sending out what is left", func() error {
				return f.keeper.SendToBridge(f.ctx, f.accAddr("dave"), gdd, f.account(t, "dave").Balance, ethAddr, "")
			})
			if cur.IssuancePolicy.AllowsCredit() {
				step("mod paying on credit", func() error { _, err := f.transfer("mod", "bob", 20*unit); return err })
				step("mod repaying from Ethereum", back("mod", 30*unit, types.BridgeDirectionIn))
			}
			f.advance(200 * day)
			step("bob sending out after 200 days", func() error { return f.bridgeOut("bob", unit) })

			totals := f.currency(t)
			require.True(t, totals.BridgedOut.IsPositive())
			require.True(t, totals.BridgedBack.IsPositive())
			for _, inv := range f.keeper.Invariants() {
				msg, broken := inv.Check(f.ctx)
				require.False(t, broken, "%s: %s", inv.Name, msg)
			}
		})
	}
}

// The bridge values a decaying currency on Ethereum in static units
// (Circles v2): Undecayed on the way out, Decayed on the way back. Units
// held on Ethereum for a year come back halved, as they would have on the
// chain, whatever the bridge's epoch.
func TestBridge_DecayingUnitsHeldOnEthereumForAYearComeBackHalved(t *testing.T) {
	for _, c := range []struct {
		name  string
		epoch time.Time
	}{
		{"from Circles v2's inflation day zero", time.Date(2020, 10, 15, 0, 0, 0, 0, time.UTC)},
		{"from the Unix epoch, some 55 half-lives back", time.Unix(0, 0).UTC()},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newDecayGarden(t, nil)
			seconds := func() uint64 { return uint64(f.ctx.BlockTime().Sub(c.epoch) / time.Second) }
			const sent = 123_4567 // 123.4567 GDD
			f.issue(t, garden, "alice", "bob", sent)
			require.NoError(t, f.bridgeOut("bob", sent))
			static, err := types.Undecayed(sdkmath.NewInt(sent), seconds(), gradidoHalfLife)
			require.NoError(t, err)

			f.advance(gradidoHalfLife * time.Second)
			amount := types.Decayed(static, seconds(), gradidoHalfLife)
			_, err = f.keeper.ReceiveFromBridge(f.ctx, f.accAddr("carol"), gdd, amount, ethAddr, types.BridgeDirectionIn, "")
			require.NoError(t, err)
			require.InDelta(t, sent/2, f.balance("carol", gdd).Int64(), 1, "X/2 ± 1 base unit")
			onChain := types.Decayed(sdkmath.NewInt(sent), gradidoHalfLife, gradidoHalfLife)
			require.InDelta(t, onChain.Int64(), amount.Int64(), 1, "as if the units had stayed")
			f.requireInvariants(t)
		})
	}
}

// bridgeErrors are the errors SendToBridge and ReceiveFromBridge may
// return; any other is a bug.
var bridgeErrors = []error{
	types.ErrCurrencyNotFound, types.ErrInvalidAmount, types.ErrInvalidMemo, types.ErrInvalidEthAddress,
	types.ErrInvalidDirection, types.ErrBridgeNeedsCredit, types.ErrMaxBalanceExceeded,
}

// bridgeOutcome is everything one call over the bridge did: two calls on
// the same state must have equal outcomes.
type bridgeOutcome struct {
	repaid string
	err    string
	state  snapshot
}

// FuzzBridge sends units of any account of the fuzz market (members, a
// former member, strangers, treasuries) to Ethereum or back, in any
// direction, denom, amount (up to 256 bits, either sign), Ethereum address
// and memo, some time after the market was built. It checks that neither
// method panics; that a refusal is a registered error and leaves every
// store and the events untouched; that after an accepted call every ledger
// invariant holds and the exported genesis validates; and that the same
// call on the same state does the same.
func FuzzBridge(f *testing.F) {
	base := newFuzzMarket(f)
	accounts := []sdk.AccAddress{
		base.accAddr("bob"), base.accAddr("carol"), base.accAddr("tom"), base.accAddr("dave"), base.accAddr("erin"),
		base.accAddr("zoe"), sdk.AccAddress(types.TreasuryAddress(garden)), sdk.AccAddress(types.TreasuryAddress(fuzzCommons)),
	}
	denoms := []string{gdd, "cc/2/ORC", "cc/4/CMN", "cc/3/FLD", "ukiz", "cc/04/CMN"}
	f.Add(true, uint8(0), uint8(0), "50000", ethAddr, int32(0), "to mainnet", uint32(0))
	f.Add(true, uint8(0), uint8(0), "1000001", ethAddr, int32(0), "", uint32(0))
	f.Add(true, uint8(0), uint8(2), "1", ethAddr, int32(0), "", uint32(86_400))   // bob owes CMN
	f.Add(true, uint8(1), uint8(2), "100000", ethAddr, int32(0), "", uint32(0))   // carol holds CMN
	f.Add(true, uint8(3), uint8(1), "5000", "0x00", int32(0), "", uint32(0))      // dave's ORC, a bad address
	f.Add(false, uint8(0), uint8(2), "300000", ethAddr, int32(2), "", uint32(0))  // repays bob's CMN debt
	f.Add(false, uint8(1), uint8(2), "2000000", ethAddr, int32(2), "", uint32(0)) // past carol's maximum
	f.Add(false, uint8(7), uint8(2), "2000000", "", int32(3), "", uint32(0))      // the treasury has none
	f.Add(false, uint8(5), uint8(0), "340282366920938463463374607431768211456", ethAddr, int32(2), "", uint32(1))
	f.Add(false, uint8(5), uint8(0), "-1", ethAddr, int32(1), long(513), uint32(0))
	f.Add(false, uint8(4), uint8(5), "1", "", int32(9), "", ^uint32(0))
	f.Fuzz(func(t *testing.T, out bool, account, denom uint8, amount, eth string, direction int32, memo string, seconds uint32) {
		addr, d, amt := accounts[int(account)%len(accounts)], denoms[int(denom)%len(denoms)], fuzzcheck.Int(amount)
		at := base.ctx.BlockTime().Add(time.Duration(seconds) * time.Second)
		call := func() bridgeOutcome {
			start := base.ctx
			ctx, _ := start.WithBlockTime(at).WithEventManager(sdk.NewEventManager()).CacheContext()
			base.ctx = ctx
			defer func() { base.ctx = start }()
			before := base.snapshot(t)
			var repaid sdkmath.Int
			var err error
			if out {
				err = base.keeper.SendToBridge(ctx, addr, d, amt, eth, memo)
			} else {
				repaid, err = base.keeper.ReceiveFromBridge(ctx, addr, d, amt, eth, types.BridgeDirection(direction), memo)
			}
			after := base.snapshot(t)
			if err != nil {
				fuzzcheck.RequireRegistered(t, "the bridge", err, bridgeErrors)
				for name := range before.stores {
					require.Equal(t, before.stores[name], after.stores[name], "the %s store changed by a refusal", name)
				}
				require.Equal(t, before.events, after.events, "events emitted by a refusal")
				return bridgeOutcome{err: err.Error(), state: after}
			}
			require.NoError(t, base.keeper.CheckInvariants(ctx))
			require.NoError(t, fuzzmsg.GenesisValidates(base.keeper.ExportGenesis)(ctx))
			return bridgeOutcome{repaid: repaid.String(), state: after}
		}
		require.Equal(t, call(), call(), "the bridge is not deterministic")
	})
}
