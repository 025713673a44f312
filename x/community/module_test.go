package community_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/community"
	"github.com/kizuna-chain/kizuna/x/community/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// allMsgs holds one of each Msg of the module, signed by signer, as a
// client fills them.
func allMsgs(signer string) []sdk.Msg {
	return []sdk.Msg{
		&types.MsgCreateCommunity{Creator: signer, Name: "Garden", JoinPolicy: types.JoinPolicyApproval, Username: "taro"},
		&types.MsgUpdateCommunity{Admin: signer, CommunityId: 1, ClearFields: []string{"location"}},
		&types.MsgJoinCommunity{Member: signer, CommunityId: 1, Username: "taro", AvatarUri: "ipfs://a", AvatarSha256: make([]byte, 32)},
		&types.MsgApproveMember{Reviewer: signer, CommunityId: 1, Member: signer},
		&types.MsgRejectMember{Reviewer: signer, CommunityId: 1, Member: signer},
		&types.MsgLeaveCommunity{Member: signer, CommunityId: 1},
		&types.MsgRemoveMember{Admin: signer, CommunityId: 1, Member: signer},
		&types.MsgSetMemberRole{Admin: signer, CommunityId: 1, Member: signer, Role: types.RoleTeller},
		&types.MsgUpdateProfile{Member: signer, CommunityId: 1, FirstName: "Taro"},
		&types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()},
	}
}

// newModule returns the module wired to a real keeper over an in-memory
// store.
func newModule(t *testing.T) (conformance.Module, keeper.Keeper) {
	t.Helper()
	k, ctx := keepertest.CommunityKeeper(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	return conformance.Module{
		AppModule: community.NewAppModule(cdc, k),
		Ctx:       ctx,
		Empty: func(t *testing.T, _ sdk.Context) (conformance.AppModule, sdk.Context) {
			k, ctx := keepertest.CommunityKeeper(t)
			return community.NewAppModule(cdc, k), ctx
		},
		Msgs:        allMsgs,
		QueryServer: keeper.NewQueryServerImpl(k),
		Gateway:     conformance.GatewayOf(types.RegisterQueryHandlerClient, types.NewQueryClient),
	}, k
}

func TestModule_Conformance(t *testing.T) {
	m, k := newModule(t)
	msgs := keeper.NewMsgServerImpl(k)
	alice, bob := keepertest.Addr("alice"), keepertest.Addr("bob")
	_, err := msgs.CreateCommunity(m.Ctx, &types.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: types.JoinPolicyApproval, Username: "alice"})
	require.NoError(t, err)
	_, err = msgs.JoinCommunity(m.Ctx, &types.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob", FirstName: "Bob"})
	require.NoError(t, err)
	conformance.Run(t, m)
}

func TestMsgCreateCommunity_RoutedToTheKeeperEmitsItsEvent(t *testing.T) {
	m, _ := newModule(t)
	res, err := conformance.Deliver(t, m, &types.MsgCreateCommunity{
		Creator: keepertest.Addr("signer"), Name: "Garden", JoinPolicy: types.JoinPolicyOpen, Username: "signer",
	})
	require.NoError(t, err)
	require.Contains(t, conformance.EventTypes(res), "kizuna.community.v1.EventCommunityCreated")
}

func TestGenesis_RefusesAZeroNextID(t *testing.T) {
	m, _ := newModule(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	require.Error(t, m.AppModule.ValidateGenesis(cdc, nil, []byte(`{"next_community_id":"0"}`)))
}
