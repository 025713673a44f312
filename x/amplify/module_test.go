package amplify_test

import (
	"crypto/ecdsa"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/amplify"
	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/keeper"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// The Ethereum addresses the Msgs below name: of the key of 32 times 0x01,
// and of the key 2.
const (
	identity = "0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1"
	delegate = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"
	// sig is a well-formed 65-byte signature (Kiwistand's vector V01).
	sig = "0xbadacb3d6d7a6c72e74acca4bb29c126064b1632dd0323529c032e13846bf7a40cca5d786ae344b247bec5d859542cb801b94697ba52e6b440ab61df6b3ca7ea1c"
)

// allMsgs holds one of each Msg of the module, signed by signer, as a
// client fills them.
func allMsgs(signer string) []sdk.Msg {
	return []sdk.Msg{
		&types.MsgSubmitAmplify{Submitter: signer, Title: "Hello Kiwi News", Href: "https://example.com", Type: types.TypeAmplify, Timestamp: 1672527600, Signature: sig, CommunityId: 1},
		&types.MsgLinkEthereumAddress{Account: signer, EthAddress: identity, Signature: sig},
		&types.MsgDelegate{Sender: signer, From: identity, To: delegate, ToSignature: sig, FromSignature: sig},
		&types.MsgRevokeDelegation{Sender: signer, From: identity, To: delegate, FromSignature: sig},
		&types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()},
	}
}

// newModule returns the module wired to real keepers over in-memory stores.
func newModule(t *testing.T) (conformance.Module, keepertest.AmplifyFixture) {
	t.Helper()
	fx := keepertest.AmplifyKeeper(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	return conformance.Module{
		AppModule: amplify.NewAppModule(cdc, fx.Keeper),
		Ctx:       fx.Ctx,
		Empty: func(t *testing.T, from sdk.Context) (conformance.AppModule, sdk.Context) {
			fresh := keepertest.AmplifyKeeper(t)
			keepertest.CopyCommunities(t, fx.Community, from, fresh.Community, fresh.Ctx)
			return amplify.NewAppModule(cdc, fresh.Keeper), fresh.Ctx
		},
		Msgs:        allMsgs,
		QueryServer: keeper.NewQueryServerImpl(fx.Keeper),
		Gateway:     conformance.GatewayOf(types.RegisterQueryHandlerClient, types.NewQueryClient),
		HandWritten: map[string][]string{
			"kizuna.amplify.v1.MsgSubmitAmplify":       {"upvote", "comment"},
			"kizuna.amplify.v1.MsgLinkEthereumAddress": {"link"},
			"kizuna.amplify.v1.MsgDelegate":            {"authorize-signer"},
			"kizuna.amplify.v1.MsgRevokeDelegation":    {"revoke-signer"},
		},
	}, fx
}

func TestModule_Conformance(t *testing.T) {
	m, fx := newModule(t)
	seedVotes(t, fx)
	conformance.Run(t, m)
}

func TestMsgSubmitAmplify_RoutedToTheKeeperEmitsItsEvent(t *testing.T) {
	m, fx := newModule(t)
	key := makeEligible(t, fx, 1)
	signed, err := ethsign.Sign(types.Content{Title: "Routed", Href: "https://example.com/routed", Type: types.TypeAmplify, Timestamp: 1672527600}, key)
	require.NoError(t, err)
	res, err := conformance.Deliver(t, m, types.NewMsgSubmitAmplify(keepertest.Addr("relayer"), signed))
	require.NoError(t, err)
	require.Contains(t, conformance.EventTypes(res), "kizuna.amplify.v1.EventMessageAccepted")
}

// makeEligible returns the Ethereum key of 32 times b, made eligible by the
// params.
func makeEligible(t *testing.T, fx keepertest.AmplifyFixture, b byte) *ecdsa.PrivateKey {
	t.Helper()
	raw := make([]byte, 32)
	for i := range raw {
		raw[i] = b
	}
	key, err := crypto.ToECDSA(raw)
	require.NoError(t, err)
	p, err := fx.Keeper.GetParams(fx.Ctx)
	require.NoError(t, err)
	p.EligibleIdentities = append(p.EligibleIdentities, crypto.PubkeyToAddress(key.PublicKey).Hex())
	require.NoError(t, fx.Keeper.Params.Set(fx.Ctx, p))
	return key
}

// seedVotes accepts an amplify and a comment on it, signed by an eligible
// identity.
func seedVotes(t *testing.T, fx keepertest.AmplifyFixture) {
	t.Helper()
	key := makeEligible(t, fx, 1)
	msgs := keeper.NewMsgServerImpl(fx.Keeper)
	relayer := keepertest.Addr("relayer")
	vote, err := ethsign.Sign(types.Content{Title: "Hello Kiwi News", Href: "https://example.com", Type: types.TypeAmplify, Timestamp: 1672527600}, key)
	require.NoError(t, err)
	_, err = msgs.SubmitAmplify(fx.Ctx, types.NewMsgSubmitAmplify(relayer, vote))
	require.NoError(t, err)
	comment, err := ethsign.Sign(types.Content{Title: "Agreed", Href: "kiwi:0x" + vote.Index(), Type: types.TypeComment, Timestamp: 1672527601}, key)
	require.NoError(t, err)
	_, err = msgs.SubmitAmplify(fx.Ctx, types.NewMsgSubmitAmplify(relayer, comment))
	require.NoError(t, err)
}
