package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/testutil/statetest"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// newBusyMarket returns a market with every kind of state: a fee, issuance
// in two months, contributions pending, confirmed, denied and deleted,
// transfers with fee and ad.
func newBusyMarket(t *testing.T) *fixture {
	t.Helper()
	f := newMarket(t)
	_, err := f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden, FeeBps: 250})
	require.NoError(t, err)
	_, err = f.msgs.Issue(f.ctx, &types.MsgIssue{
		Issuer: f.addr("tom"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(3 * unit), Month: "2025-02",
	})
	require.NoError(t, err)
	f.submit(t, "bob", 2*unit, "")
	confirmed := f.submit(t, "carol", 4*unit, "2025-03")
	_, err = f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("mod"), ContributionId: confirmed})
	require.NoError(t, err)
	denied := f.submit(t, "carol", unit, "")
	_, err = f.msgs.DenyContribution(f.ctx, &types.MsgDenyContribution{Reviewer: f.addr("alice"), ContributionId: denied, Reason: "no"})
	require.NoError(t, err)
	deleted := f.submit(t, "bob", unit, "")
	_, err = f.msgs.DeleteContribution(f.ctx, &types.MsgDeleteContribution{Contributor: f.addr("bob"), ContributionId: deleted})
	require.NoError(t, err)
	_, err = f.msgs.Transfer(f.ctx, &types.MsgTransfer{
		Sender: f.addr("carol"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(unit), AdId: bobsGiveAd, ExpectedFeeBps: 250, Memo: "thanks",
	})
	require.NoError(t, err)
	return f
}

func TestGenesis_ExportImportRoundTrip(t *testing.T) {
	f := newBusyMarket(t)
	// A new chain from the exported community, bank and ledger state.
	env := keepertest.LedgerKeeper(t)
	communityState, err := f.env.Community.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, env.Community.InitGenesis(env.Ctx, communityState))
	env.Bank.InitGenesis(env.Ctx, withPrefix(t, f.env.Bank.ExportGenesis(f.ctx), keepertest.Bech32AccountPrefix))
	// The new chain starts after the exported one: entry ids derive from heights.
	env.Ctx = env.Ctx.WithBlockHeight(f.ctx.BlockHeight() + 1)
	exported := statetest.RequireRoundTrip(t, f.keeper, f.ctx, env.Keeper, env.Ctx)
	require.NoError(t, env.Keeper.CheckInvariants(env.Ctx))

	require.Len(t, exported.Currencies, 1)
	require.Len(t, exported.Contributions, 4)
	require.Equal(t, uint64(5), exported.NextContributionId)
	for i := 1; i < len(exported.Entries); i++ {
		require.Less(t, exported.Entries[i-1].Id, exported.Entries[i].Id, "entries are exported by id")
	}
	require.Equal(t, exported.Entries[len(exported.Entries)-1].Id+1, exported.NextEntryId)

	// The derived state is rebuilt: cap usage and created totals.
	for _, month := range []types.Month{mustMonth(t, "2025-02"), mustMonth(t, "2025-03"), mustMonth(t, "2025-04")} {
		for _, name := range []string{"bob", "carol"} {
			want, err := f.keeper.MonthlyCreatedOf(f.ctx, garden, f.accAddr(name), month)
			require.NoError(t, err)
			got, err := env.Keeper.MonthlyCreatedOf(env.Ctx, garden, f.accAddr(name), month)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s in %s", name, month)
		}
	}
	wantCreated, err := f.keeper.Created.Get(f.ctx, garden)
	require.NoError(t, err)
	gotCreated, err := env.Keeper.Created.Get(env.Ctx, garden)
	require.NoError(t, err)
	require.Equal(t, wantCreated, gotCreated)

	// The imported chain carries on: ids continue, the cap still holds.
	msgs := keeper.NewMsgServerImpl(env.Keeper)
	res, err := msgs.SubmitContribution(env.Ctx, &types.MsgSubmitContribution{
		Contributor: f.addr("bob"), CommunityId: garden, Amount: sdkmath.NewInt(unit), Memo: "after the upgrade",
	})
	require.NoError(t, err)
	require.Equal(t, exported.NextContributionId, res.Id)
	_, err = msgs.SubmitContribution(env.Ctx, &types.MsgSubmitContribution{
		Contributor: f.addr("bob"), CommunityId: garden, Amount: sdkmath.NewInt(monthCap), Memo: "after the upgrade",
	})
	require.ErrorIs(t, err, types.ErrCapExceeded)
}

func TestInitGenesis_RejectsCurrencyOfMissingCommunity(t *testing.T) {
	f := newBusyMarket(t)
	exported, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)

	env := keepertest.LedgerKeeper(t) // no communities
	env.Ctx = env.Ctx.WithBlockHeight(f.ctx.BlockHeight() + 1)
	require.ErrorIs(t, env.Keeper.InitGenesis(env.Ctx, exported), communitytypes.ErrCommunityNotFound)

	bad := *exported
	bad.NextEntryId = 1
	require.ErrorIs(t, env.Keeper.InitGenesis(env.Ctx, &bad), types.ErrInvalidGenesis)
}

func TestInitGenesis_RejectsEntriesOfTheFirstBlocksIDs(t *testing.T) {
	f := newBusyMarket(t)
	f.ctx = f.ctx.WithBlockHeight(7)
	f.pay(t, "bob", "carol", unit)
	exported, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Greater(t, exported.NextEntryId, types.FirstEntryIDAt(7))

	for height, ok := range map[int64]bool{1: false, 7: false, 8: true} {
		env := keepertest.LedgerKeeper(t)
		communityState, err := f.env.Community.ExportGenesis(f.ctx)
		require.NoError(t, err)
		require.NoError(t, env.Community.InitGenesis(env.Ctx, communityState))
		env.Bank.InitGenesis(env.Ctx, withPrefix(t, f.env.Bank.ExportGenesis(f.ctx), keepertest.Bech32AccountPrefix))
		err = env.Keeper.InitGenesis(env.Ctx.WithBlockHeight(height), exported)
		if ok {
			require.NoError(t, err, "a chain started at height 8 assigns ids above those of height 7")
			continue
		}
		require.ErrorIs(t, err, types.ErrInvalidGenesis, "height %d", height)
		require.ErrorContains(t, err, "initial_height 8 or later")
	}
}

func TestInitGenesis_CreatesTheModuleAccount(t *testing.T) {
	env := keepertest.LedgerKeeper(t)
	addr := env.Account.GetModuleAddress(types.ModuleName)
	require.True(t, env.Account.HasAccount(env.Ctx, addr))
	acc := env.Account.GetModuleAccount(env.Ctx, types.ModuleName)
	require.ElementsMatch(t, []string{"minter", "burner"}, acc.GetPermissions())
	require.True(t, env.Bank.GetAllBalances(env.Ctx, addr).Equal(sdk.NewCoins()))
}

// withPrefix rewrites the addresses of a bank genesis state, which x/bank
// exports with the global bech32 prefix, to prefix.
func withPrefix(t *testing.T, gs *banktypes.GenesisState, prefix string) *banktypes.GenesisState {
	t.Helper()
	for i, b := range gs.Balances {
		_, bz, err := bech32.DecodeAndConvert(b.Address)
		require.NoError(t, err)
		gs.Balances[i].Address, err = bech32.ConvertAndEncode(prefix, bz)
		require.NoError(t, err)
	}
	return gs
}

func mustMonth(t *testing.T, s string) types.Month {
	t.Helper()
	m, err := types.ParseMonth(s)
	require.NoError(t, err)
	return m
}

// newBusyCreditMarket returns a garden whose GDD has every setting of
// mutual credit and decay (credit and creation, a default credit limit, a
// maximum balance, Gradido's half-life, a 1 % fee) with accounts in debt,
// decayed and with limits of their own, and payment requests in every
// status.
func newBusyCreditMarket(t *testing.T) (f *fixture, pending uint64) {
	t.Helper()
	f = newGardenWith(t, func(m *types.MsgCreateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCreditAndCreation
		m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
		m.MaxBalance = sdkmath.NewInt(1000 * unit)
		m.HalfLifeSeconds = gradidoHalfLife
		m.FeeBps = 100
	})
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.pay(t, "carol", "mod", 20*unit) // carol owes 20.2
	require.NoError(t, f.setLimits("carol", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(40 * unit) }))
	require.NoError(t, f.setLimits("mod", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(500 * unit) }))
	f.advance(14 * day)
	f.pay(t, "bob", "carol", 10*unit) // bob's balance decays; carol repays 10

	pending = f.request(t, "carol", "bob", 5*unit)
	accepted := f.request(t, "mod", "bob", 2*unit)
	_, err := f.accept("bob", accepted)
	require.NoError(t, err)
	require.NoError(t, f.reject("carol", f.request(t, "bob", "carol", unit), "not now"))
	require.NoError(t, f.cancel("bob", f.request(t, "bob", "mod", unit)))
	_, err = f.requestPayment("mod", "carol", unit, func(m *types.MsgRequestPayment) { m.ExpirySeconds = 60 })
	require.NoError(t, err)
	f.advance(time.Minute)
	f.endBlock(t)
	return f, pending
}

func TestGenesis_RoundTripWithAccountsAndPaymentRequests(t *testing.T) {
	f, pending := newBusyCreditMarket(t)
	// Units out to Ethereum and back: carol's repay her debt, and a refund
	// to dave, who belongs to no community, names no Ethereum address.
	require.NoError(t, f.bridgeOut("bob", 5*unit))
	repaid, err := f.bridgeBack("carol", 3*unit, types.BridgeDirectionIn)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(3*unit), repaid)
	_, err = f.keeper.ReceiveFromBridge(f.ctx, f.accAddr("dave"), gdd, sdkmath.NewInt(unit), "", types.BridgeDirectionRefund, "")
	require.NoError(t, err)

	env := keepertest.LedgerKeeper(t)
	communityState, err := f.env.Community.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, env.Community.InitGenesis(env.Ctx, communityState))
	env.Bank.InitGenesis(env.Ctx, withPrefix(t, f.env.Bank.ExportGenesis(f.ctx), keepertest.Bech32AccountPrefix))
	// The new chain starts after the exported one: entry ids derive from heights.
	env.Ctx = env.Ctx.WithBlockHeight(f.ctx.BlockHeight() + 1)
	exported := statetest.RequireRoundTrip(t, f.keeper, f.ctx, env.Keeper, env.Ctx)
	ctx := env.Ctx.WithBlockTime(f.ctx.BlockTime())
	require.NoError(t, env.Keeper.CheckInvariants(ctx))

	// The accounts: debt, decay times and limits of their own.
	accounts := map[string]types.Account{}
	for _, a := range exported.Accounts {
		require.NotNil(t, a.DecayedAt, "%s: every account of a decaying currency", a.Address)
		accounts[a.Address] = a
	}
	treasury, err := f.keeper.AddressCodec().BytesToString(types.TreasuryAddress(garden))
	require.NoError(t, err)
	require.Contains(t, accounts, treasury, "the treasury decays too")
	carol := accounts[f.addr("carol")]
	require.Equal(t, sdkmath.NewInt(20*unit+2000-10*unit-3*unit), carol.Debt)
	require.Equal(t, sdkmath.NewInt(40*unit), *carol.CreditLimit)
	require.Equal(t, sdkmath.NewInt(500*unit), *accounts[f.addr("mod")].MaxBalance)
	require.True(t, accounts[f.addr("bob")].Debt.IsZero())

	// The payment requests, one of each status.
	statuses := map[types.PaymentRequestStatus]int{}
	for _, r := range exported.PaymentRequests {
		statuses[r.Status]++
	}
	require.Equal(t, map[types.PaymentRequestStatus]int{
		types.PaymentRequestStatusPending: 1, types.PaymentRequestStatusAccepted: 1, types.PaymentRequestStatusRejected: 1,
		types.PaymentRequestStatusCancelled: 1, types.PaymentRequestStatusExpired: 1,
	}, statuses)
	require.Equal(t, uint64(len(exported.PaymentRequests))+1, exported.NextPaymentRequestId)

	// The BRIDGE entries, with their direction and Ethereum address.
	bridged := map[types.BridgeDirection]types.Entry{}
	for _, e := range exported.Entries {
		if e.Type == types.EntryTypeBridge {
			bridged[e.BridgeDirection] = e
		}
	}
	require.Len(t, bridged, 3)
	require.Equal(t, f.addr("bob"), bridged[types.BridgeDirectionOut].Account)
	require.Equal(t, ethAddr, bridged[types.BridgeDirectionOut].EthereumAddress)
	require.Equal(t, sdkmath.NewInt(-3*unit), bridged[types.BridgeDirectionIn].DebtChange)
	require.Empty(t, bridged[types.BridgeDirectionRefund].EthereumAddress)

	// The derived state is rebuilt: the debt, decayed and bridged totals,
	// the pending requests' expiry queue and count.
	q := keeper.NewQueryServerImpl(env.Keeper)
	got, err := q.Currency(ctx, &types.QueryCurrencyRequest{CommunityId: garden})
	require.NoError(t, err)
	want := f.currency(t)
	require.Equal(t, want.Debt, got.Debt)
	require.Equal(t, want.Decayed, got.Decayed)
	require.True(t, got.Decayed.IsPositive())
	require.Equal(t, want.Created, got.Created)
	require.Equal(t, sdkmath.NewInt(5*unit), got.BridgedOut)
	require.Equal(t, sdkmath.NewInt(4*unit), got.BridgedBack)
	for _, name := range []string{"bob", "carol", "mod"} {
		res, err := q.Account(ctx, &types.QueryAccountRequest{CommunityId: garden, Address: f.addr(name)})
		require.NoError(t, err)
		requireSameJSON(t, f.account(t, name), res)
	}
	open, err := env.Keeper.OpenPaymentRequests.Get(ctx, collections.Join(garden, f.accAddr("carol")))
	require.NoError(t, err)
	require.Equal(t, uint32(1), open)

	// The imported chain carries on: the pending request is accepted
	// or expires, new ids follow on, units go on leaving.
	require.NoError(t, env.Keeper.SendToBridge(ctx, f.accAddr("dave"), gdd, oneInt(), ethAddr, ""))
	totals, err := q.Currency(ctx, &types.QueryCurrencyRequest{CommunityId: garden})
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(5*unit+1), totals.BridgedOut)
	msgs := keeper.NewMsgServerImpl(env.Keeper)
	_, err = msgs.AcceptPaymentRequest(ctx, &types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: pending, ExpectedFeeBps: 100})
	require.NoError(t, err)
	res, err := msgs.RequestPayment(ctx, &types.MsgRequestPayment{Requester: f.addr("carol"), CommunityId: garden, Payer: f.addr("bob"), Amount: oneInt(), ExpirySeconds: 60})
	require.NoError(t, err)
	require.Equal(t, exported.NextPaymentRequestId, res.Id)
	require.NoError(t, env.Keeper.EndBlock(ctx.WithBlockTime(ctx.BlockTime().Add(time.Minute))))
	expired, err := env.Keeper.GetPaymentRequest(ctx, res.Id)
	require.NoError(t, err)
	require.Equal(t, types.PaymentRequestStatusExpired, expired.Status)
	require.NoError(t, env.Keeper.CheckInvariants(ctx))
}

func TestRenumberEntries_ForAZeroHeightExport(t *testing.T) {
	f := newBusyMarket(t)
	writeVersion1History(t, f, 4) // ids 2 and 3 of version 1 among derived ones
	require.NoError(t, keeper.NewMigrator(f.keeper).Migrate2to3(f.ctx))
	f.ctx = f.ctx.WithBlockHeight(9).WithTxIndex(4)
	request := f.request(t, "carol", "bob", unit)
	_, err := f.accept("bob", request)
	require.NoError(t, err)
	before := map[string][]types.Entry{}
	for _, name := range []string{"bob", "carol", "alice"} {
		before[name] = f.history(t, name)
	}

	require.NoError(t, f.keeper.RenumberEntries(f.ctx))

	exported, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	for i, e := range exported.Entries {
		require.Equal(t, types.FirstEntryID+uint64(i), e.Id, "numbered from 1 in the order recorded")
	}
	require.NoError(t, exported.Validate(), "contributions and payment requests name the new ids")
	for name, entries := range before {
		after := f.history(t, name)
		require.Len(t, after, len(entries))
		for i := range entries {
			require.Less(t, after[i].Id, types.FirstEntryIDAt(1))
			entries[i].Id = after[i].Id
		}
		require.Equal(t, entries, after, "%s's history, newest first as before", name)
	}
	require.Equal(t, before["bob"][0].Id, f.paymentRequest(t, request).EntryId)

	// A new chain from the export starts at height 1.
	env := keepertest.LedgerKeeper(t)
	communityState, err := f.env.Community.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, env.Community.InitGenesis(env.Ctx, communityState))
	env.Bank.InitGenesis(env.Ctx, withPrefix(t, f.env.Bank.ExportGenesis(f.ctx), keepertest.Bech32AccountPrefix))
	require.NoError(t, env.Keeper.InitGenesis(env.Ctx.WithBlockHeight(1), exported))
}
