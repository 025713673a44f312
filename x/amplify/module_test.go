package amplify_test

import (
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
	"github.com/kizuna-chain/kizuna/x/amplify"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// allMsgs holds one of each Msg of the module, its signer field set to
// signer.
func allMsgs(signer string) []sdk.Msg {
	return []sdk.Msg{
		&types.MsgSubmitAmplify{Submitter: signer},
		&types.MsgLinkEthereumAddress{Account: signer},
		&types.MsgDelegate{Sender: signer},
		&types.MsgRevokeDelegation{Sender: signer},
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
	amplify.AppModule{}.RegisterLegacyAminoCodec(cdc)
	for _, msg := range allMsgs("") {
		name := proto.MessageName(msg)
		d, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(name))
		require.NoError(t, err)
		aminoName, ok := protov2.GetExtension(d.(protoreflect.MessageDescriptor).Options(), aminov1.E_Name).(string)
		require.True(t, ok)
		require.Equal(t, "kizuna/amplify/"+string(d.Name()), aminoName)
		require.Less(t, len(aminoName), 40, "Ledger devices refuse longer amino names")
		bz, err := cdc.MarshalJSON(msg)
		require.NoError(t, err)
		require.Contains(t, string(bz), `"type":"`+aminoName+`"`)
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
	fx := keepertest.AmplifyKeeper(t)
	am := amplify.NewAppModule(cdc, fx.Keeper)
	am.RegisterInterfaces(registry)

	msgRouter := baseapp.NewMsgServiceRouter()
	msgRouter.SetInterfaceRegistry(registry)
	queryRouter := baseapp.NewGRPCQueryRouter()
	queryRouter.SetInterfaceRegistry(registry)
	cfg := module.NewConfigurator(cdc, msgRouter, queryRouter)
	am.RegisterServices(cfg)
	require.NoError(t, cfg.Error())

	signer := sdk.AccAddress("signer______________")
	signerStr, err := fx.Keeper.AddressCodec().BytesToString(signer)
	require.NoError(t, err)
	for _, msg := range allMsgs(signerStr) {
		typeURL := sdk.MsgTypeURL(msg)
		require.NotNil(t, msgRouter.HandlerByTypeURL(typeURL), "no route for %s", typeURL)
		signers, _, err := cdc.GetMsgV1Signers(msg)
		require.NoError(t, err, "signers of %s", typeURL)
		require.Equal(t, [][]byte{signer}, signers, "signer of %s", typeURL)
	}
	methods := serviceDescriptor(t, types.Query_serviceDesc.ServiceName).Methods()
	for i := range methods.Len() {
		route := "/" + types.Query_serviceDesc.ServiceName + "/" + string(methods.Get(i).Name())
		require.NotNil(t, queryRouter.Route(route), "no route for %s", route)
	}
}

func TestGenesis_DefaultValidates(t *testing.T) {
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	am := amplify.AppModule{}
	require.NoError(t, am.ValidateGenesis(cdc, nil, am.DefaultGenesis(cdc)))
}
