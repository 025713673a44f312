package bridge_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// allMsgs holds one of each Msg of the module, signed by signer, as a
// client fills them. RegisterEthereumKey is signed by a validator operator
// address with the signer's bytes.
func allMsgs(signer string) []sdk.Msg {
	var operator string
	if bz, err := conformance.AccountCodec.StringToBytes(signer); err == nil {
		operator, _ = conformance.ValidatorCodec.BytesToString(bz)
	}
	sig := "0x" + strings.Repeat("11", 65)
	return []sdk.Msg{
		&types.MsgRegisterEthereumKey{
			Validator: operator, Orchestrator: signer,
			EthereumAddress: "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B", Signature: sig,
		},
		&types.MsgConfirmValset{Orchestrator: signer, Nonce: 1, Signature: sig},
		&types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()},
	}
}

// newModule returns the module wired to a real keeper over in-memory stores.
func newModule(t *testing.T) (conformance.Module, keepertest.BridgeFixture) {
	t.Helper()
	fx := keepertest.BridgeKeeper(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	return conformance.Module{
		AppModule: bridge.NewAppModule(cdc, fx.Keeper),
		Ctx:       fx.Ctx,
		Empty: func(t *testing.T, _ sdk.Context) (conformance.AppModule, sdk.Context) {
			fresh := keepertest.BridgeKeeper(t)
			return bridge.NewAppModule(cdc, fresh.Keeper), fresh.Ctx
		},
		Msgs:        allMsgs,
		QueryServer: keeper.NewQueryServerImpl(fx.Keeper),
		Gateway:     conformance.GatewayOf(types.RegisterQueryHandlerClient, types.NewQueryClient),
	}, fx
}

func TestModule_Conformance(t *testing.T) {
	m, fx := newModule(t)
	for _, name := range []string{"a", "b", "c"} {
		fx.RegisterValidator(t, name, 100)
	}
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	valset, err := fx.Keeper.GetValset(fx.Ctx, 1)
	require.NoError(t, err)
	_, err = keeper.NewMsgServerImpl(fx.Keeper).ConfirmValset(fx.Ctx, &types.MsgConfirmValset{
		Orchestrator: keepertest.Addr("a-orch"), Nonce: 1,
		Signature: keepertest.EthSign(t, "a", valset.Checkpoint(types.BridgeID(keepertest.BridgeChainID))),
	})
	require.NoError(t, err)
	conformance.Run(t, m)
}
