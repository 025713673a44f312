package messaging_test

import (
	"slices"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	aminov1 "cosmossdk.io/api/amino"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// allMsgs holds one of each Msg of the module, its signer field set to
// signer.
func allMsgs(signer string) []sdk.Msg {
	return []sdk.Msg{
		&types.MsgOpenAdThread{Requester: signer},
		&types.MsgOpenDirectThread{Creator: signer},
		&types.MsgCreateGroupThread{Creator: signer},
		&types.MsgUpdateGroupThread{Updater: signer},
		&types.MsgPostMessage{Sender: signer},
		&types.MsgMarkRead{Member: signer},
		&types.MsgAcceptGroupInvite{Invitee: signer},
		&types.MsgDeclineGroupInvite{Invitee: signer},
		&types.MsgUpdateParams{Authority: signer},
	}
}

func serviceDescriptor(t *testing.T, name string) protoreflect.ServiceDescriptor {
	t.Helper()
	d, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(name))
	require.NoError(t, err)
	return d.(protoreflect.ServiceDescriptor)
}

func TestMsgs_CoverTheMsgService(t *testing.T) {
	var inService []string
	methods := serviceDescriptor(t, types.Msg_serviceDesc.ServiceName).Methods()
	for i := range methods.Len() {
		inService = append(inService, string(methods.Get(i).Input().FullName()))
	}
	var listed []string
	for _, msg := range allMsgs("") {
		listed = append(listed, proto.MessageName(msg))
	}
	require.ElementsMatch(t, inService, listed)
}

func TestRegisterLegacyAminoCodec_RegistersTheProtoAminoNames(t *testing.T) {
	cdc := codec.NewLegacyAmino()
	messaging.AppModule{}.RegisterLegacyAminoCodec(cdc)

	for _, msg := range allMsgs("") {
		name := proto.MessageName(msg)
		d, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(name))
		require.NoError(t, err)
		aminoName, ok := protov2.GetExtension(d.(protoreflect.MessageDescriptor).Options(), aminov1.E_Name).(string)
		require.True(t, ok)
		require.Equal(t, "kizuna/messaging/"+string(d.Name()), aminoName, "proto amino.name of %s", name)
		require.Less(t, len(aminoName), 40, "Ledger devices refuse longer amino names")

		bz, err := cdc.MarshalJSON(msg)
		require.NoError(t, err)
		require.Contains(t, string(bz), `"type":"`+aminoName+`"`, "legacy amino name of %s", name)
	}
}

func TestRegisterServices_RoutesEveryMsgAndQuery(t *testing.T) {
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          addresscodec.NewBech32Codec(keepertest.Bech32AccountPrefix),
			ValidatorAddressCodec: addresscodec.NewBech32Codec(keepertest.Bech32AccountPrefix + "valoper"),
		},
	})
	require.NoError(t, err)
	cdc := codec.NewProtoCodec(registry)
	fx := keepertest.MessagingKeeper(t)
	k, ck, ctx := fx.Keeper, fx.Community, fx.Ctx
	am := messaging.NewAppModule(cdc, k)
	am.RegisterInterfaces(registry)

	msgRouter := baseapp.NewMsgServiceRouter()
	msgRouter.SetInterfaceRegistry(registry)
	queryRouter := baseapp.NewGRPCQueryRouter()
	queryRouter.SetInterfaceRegistry(registry)
	cfg := module.NewConfigurator(cdc, msgRouter, queryRouter)
	am.RegisterServices(cfg)
	require.NoError(t, cfg.Error())

	signer := sdk.AccAddress("signer______________")
	signerStr, err := k.AddressCodec().BytesToString(signer)
	require.NoError(t, err)
	for _, msg := range allMsgs(signerStr) {
		typeURL := sdk.MsgTypeURL(msg)
		require.NotNil(t, msgRouter.HandlerByTypeURL(typeURL), "no route for %s", typeURL)
		resolved, err := registry.Resolve(typeURL)
		require.NoError(t, err)
		require.IsType(t, msg, resolved)

		signers, _, err := cdc.GetMsgV1Signers(msg)
		require.NoError(t, err, "signers of %s", typeURL)
		require.Equal(t, [][]byte{signer}, signers, "signer of %s", typeURL)
	}

	methods := serviceDescriptor(t, types.Query_serviceDesc.ServiceName).Methods()
	for i := range methods.Len() {
		route := "/" + types.Query_serviceDesc.ServiceName + "/" + string(methods.Get(i).Name())
		require.NotNil(t, queryRouter.Route(route), "no route for %s", route)
	}

	// A routed Msg reaches the keeper and returns its typed events.
	_, err = communitykeeper.NewMsgServerImpl(ck).CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{
		Creator: signerStr, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "signer",
	})
	require.NoError(t, err)
	other, err := k.AddressCodec().BytesToString(sdk.AccAddress("other_______________"))
	require.NoError(t, err)
	_, err = communitykeeper.NewMsgServerImpl(ck).JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: other, CommunityId: 1, Username: "other"})
	require.NoError(t, err)
	res, err := msgRouter.Handler(&types.MsgOpenDirectThread{})(ctx, &types.MsgOpenDirectThread{
		Creator: signerStr, CommunityId: 1, Peer: other,
	})
	require.NoError(t, err)
	var eventTypes []string
	for _, e := range res.Events {
		eventTypes = append(eventTypes, e.Type)
	}
	require.True(t, slices.Contains(eventTypes, "kizuna.messaging.v1.EventThreadOpened"), eventTypes)
}

func TestGenesis_DefaultValidatesAndLoads(t *testing.T) {
	registry := codectypes.NewInterfaceRegistry()
	cdc := codec.NewProtoCodec(registry)
	fx := keepertest.MessagingKeeper(t)
	k, ctx := fx.Keeper, fx.Ctx
	am := messaging.NewAppModule(cdc, k)

	bz := am.DefaultGenesis(cdc)
	require.NoError(t, am.ValidateGenesis(cdc, nil, bz))
	require.Error(t, am.ValidateGenesis(cdc, nil, []byte(`{"next_thread_id":"0"}`)))
	require.Error(t, am.ValidateGenesis(cdc, nil, []byte(`{`)))

	am.InitGenesis(ctx, cdc, bz)
	require.JSONEq(t, string(bz), string(am.ExportGenesis(ctx, cdc)))
}
