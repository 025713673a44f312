package ledger_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// allMsgs holds one of each Msg of the module, signed by signer, as a
// client fills them.
func allMsgs(signer string) []sdk.Msg {
	amount := sdkmath.NewInt(125_000)
	return []sdk.Msg{
		&types.MsgCreateCurrency{Admin: signer, CommunityId: 1, Code: "GDD", Name: "Gradido", Decimals: 4, IssuancePolicy: types.IssuancePolicyAdmin, FeeBps: 100},
		&types.MsgUpdateCurrency{Admin: signer, CommunityId: 1, ClearFields: []string{"fee"}},
		&types.MsgIssue{Issuer: signer, CommunityId: 1, Recipient: signer, Amount: amount, Memo: "AGE", Month: "2025-03"},
		&types.MsgSubmitContribution{Contributor: signer, CommunityId: 1, Amount: amount, Memo: "garden work"},
		&types.MsgConfirmContribution{Reviewer: signer, ContributionId: 4},
		&types.MsgDenyContribution{Reviewer: signer, ContributionId: 4, Reason: "no"},
		&types.MsgDeleteContribution{Contributor: signer, ContributionId: 4},
		&types.MsgTransfer{Sender: signer, CommunityId: 1, Recipient: signer, Amount: amount, AdId: 7, ExpectedFeeBps: 100},
		&types.MsgFundFeeAccount{Admin: signer, CommunityId: 1, Amount: amount},
		&types.MsgSetFeeSponsorship{Admin: signer, CommunityId: 1, MemberPeriodLimit: 10, BudgetPeriodLimit: 100},
		&types.MsgSetAccountLimits{Admin: signer, CommunityId: 1, Member: signer, CreditLimit: &amount, ClearFields: []string{"max_balance"}},
		&types.MsgRequestPayment{Requester: signer, CommunityId: 1, Payer: signer, Amount: amount, Memo: "cake", AdId: 7, ExpirySeconds: 3600},
		&types.MsgAcceptPaymentRequest{Payer: signer, RequestId: 2, ExpectedFeeBps: 100, CommunityId: 1},
		&types.MsgRejectPaymentRequest{Payer: signer, RequestId: 2, Reason: "paid in cash", CommunityId: 1},
		&types.MsgCancelPaymentRequest{Requester: signer, RequestId: 2, CommunityId: 1},
		&types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()},
	}
}

// newModule returns the module wired to real keepers over in-memory stores.
func newModule(t *testing.T) (conformance.Module, keepertest.LedgerEnv) {
	t.Helper()
	env := keepertest.LedgerKeeper(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	return conformance.Module{
		AppModule: ledger.NewAppModule(cdc, env.Keeper),
		Ctx:       env.Ctx,
		Empty: func(t *testing.T, from sdk.Context) (conformance.AppModule, sdk.Context) {
			fresh := keepertest.LedgerKeeper(t)
			keepertest.CopyCommunities(t, env.Community, from, fresh.Community, fresh.Ctx)
			fresh.Bank.InitGenesis(fresh.Ctx, env.Bank.ExportGenesis(from))
			// The new chain starts after the exported one: entry ids derive
			// from heights.
			return ledger.NewAppModule(cdc, fresh.Keeper), fresh.Ctx.WithBlockHeight(from.BlockHeight() + 1)
		},
		Msgs:        allMsgs,
		QueryServer: keeper.NewQueryServerImpl(env.Keeper),
		Gateway:     conformance.GatewayOf(types.RegisterQueryHandlerClient, types.NewQueryClient),
		HandWritten: map[string][]string{
			"kizuna.ledger.v1.MsgTransfer":             {"transfer"},
			"kizuna.ledger.v1.MsgIssue":                {"issue"},
			"kizuna.ledger.v1.MsgSubmitContribution":   {"submit-contribution"},
			"kizuna.ledger.v1.MsgRequestPayment":       {"request-payment"},
			"kizuna.ledger.v1.MsgAcceptPaymentRequest": {"accept-payment-request"},
		},
		HandWrittenQueries: []string{"balance"},
	}, env
}

func TestModule_Conformance(t *testing.T) {
	m, env := newModule(t)
	seedLedger(t, env)
	conformance.Run(t, m)
}

func TestMsgCreateCurrency_RoutedToTheKeeperEmitsItsEvent(t *testing.T) {
	m, env := newModule(t)
	signer := keepertest.Addr("signer")
	_, err := communitykeeper.NewMsgServerImpl(env.Community).CreateCommunity(env.Ctx, &communitytypes.MsgCreateCommunity{
		Creator: signer, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "signer",
	})
	require.NoError(t, err)
	res, err := conformance.Deliver(t, m, &types.MsgCreateCurrency{
		Admin: signer, CommunityId: 1, Code: "GDD", Name: "Gradido", Decimals: 4,
	})
	require.NoError(t, err)
	require.Contains(t, conformance.EventTypes(res), "kizuna.ledger.v1.EventCurrencyCreated")
}

func TestGenesis_RefusesAZeroNextID(t *testing.T) {
	m, _ := newModule(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	require.Error(t, m.AppModule.ValidateGenesis(cdc, nil, []byte(`{"next_entry_id":"0"}`)))
	require.Panics(t, func() { m.AppModule.InitGenesis(m.Ctx, cdc, []byte(`{"next_entry_id":"0"}`)) })
}

// seedLedger creates community 1 (alice, bob) with currency GDD (1 % fee),
// issues 50 GDD to bob, records a pending contribution of bob's and a
// transfer of 10 GDD from bob to alice; and community 2 (alice, bob) with a
// decaying mutual-credit currency HOUR, in which bob has a credit limit of
// his own and pays alice on credit, and alice has asked bob to pay twice:
// once paid, once pending.
func seedLedger(t *testing.T, env keepertest.LedgerEnv) {
	t.Helper()
	ctx := env.Ctx
	alice, bob := keepertest.Addr("alice"), keepertest.Addr("bob")
	community := communitykeeper.NewMsgServerImpl(env.Community)
	_, err := community.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice"})
	require.NoError(t, err)
	_, err = community.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob"})
	require.NoError(t, err)
	msgs := keeper.NewMsgServerImpl(env.Keeper)
	_, err = msgs.CreateCurrency(ctx, &types.MsgCreateCurrency{Admin: alice, CommunityId: 1, Code: "GDD", Name: "Gradido", Decimals: 4, FeeBps: 100})
	require.NoError(t, err)
	_, err = msgs.Issue(ctx, &types.MsgIssue{Issuer: alice, CommunityId: 1, Recipient: bob, Amount: sdkmath.NewInt(500_000)})
	require.NoError(t, err)
	_, err = msgs.SubmitContribution(ctx, &types.MsgSubmitContribution{Contributor: bob, CommunityId: 1, Amount: sdkmath.NewInt(10_000), Memo: "garden work"})
	require.NoError(t, err)
	_, err = msgs.Transfer(ctx, &types.MsgTransfer{Sender: bob, CommunityId: 1, Recipient: alice, Amount: sdkmath.NewInt(100_000), ExpectedFeeBps: 100})
	require.NoError(t, err)

	_, err = community.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{Creator: alice, Name: "Timebank", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice"})
	require.NoError(t, err)
	_, err = community.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: bob, CommunityId: 2, Username: "bob"})
	require.NoError(t, err)
	_, err = msgs.CreateCurrency(ctx, &types.MsgCreateCurrency{
		Admin: alice, CommunityId: 2, Code: "HOUR", Name: "Hours", Decimals: 2, IssuancePolicy: types.IssuancePolicyMutualCredit,
		HalfLifeSeconds: 31_556_952, DefaultCreditLimit: sdkmath.NewInt(1_000), MaxBalance: sdkmath.NewInt(5_000),
	})
	require.NoError(t, err)
	limit := sdkmath.NewInt(2_000)
	_, err = msgs.SetAccountLimits(ctx, &types.MsgSetAccountLimits{Admin: alice, CommunityId: 2, Member: bob, CreditLimit: &limit})
	require.NoError(t, err)
	for range 2 {
		_, err = msgs.RequestPayment(ctx, &types.MsgRequestPayment{Requester: alice, CommunityId: 2, Payer: bob, Amount: sdkmath.NewInt(600), Memo: "two hours of gardening"})
		require.NoError(t, err)
	}
	_, err = msgs.AcceptPaymentRequest(ctx, &types.MsgAcceptPaymentRequest{Payer: bob, RequestId: 1})
	require.NoError(t, err)
}
