package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// TestRecovery_ChargesGasPerSignature runs each Msg with store access made
// free, so that the gas it uses is what it charges for signature recovery:
// types.SignatureRecoveryGas per recovered signature. A submission or a
// link recovers one; a delegation one or two; a revocation one, or none
// when the sender's linked address stands for the identity's consent.
func TestRecovery_ChargesGasPerSignature(t *testing.T) {
	f := newFixture(t)
	id, key := ethKey(t, 1), ethKey(t, 4)
	chain := f.ctx.ChainID()
	alice := f.addr("alice")
	gasOf := func(run func(ctx sdk.Context) error) uint64 {
		t.Helper()
		ctx := f.ctx.WithGasMeter(storetypes.NewGasMeter(1_000_000)).
			WithKVGasConfig(storetypes.GasConfig{}).WithTransientKVGasConfig(storetypes.GasConfig{})
		require.NoError(t, run(ctx))
		return ctx.GasMeter().GasConsumed()
	}
	delegation := func(action string, nonce uint64) string {
		return signTyped(t, id, types.DelegationTypedData(action, ethAddr(id), ethAddr(key), chain, nonce))
	}

	sm, err := ethsign.Sign(amplify("Gas", "https://example.com/gas", now), id)
	require.NoError(t, err)
	require.Equal(t, types.SignatureRecoveryGas, gasOf(func(ctx sdk.Context) error {
		_, err := f.msgs.SubmitAmplify(ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
		return err
	}), "submission")

	require.Equal(t, 2*types.SignatureRecoveryGas, gasOf(func(ctx sdk.Context) error {
		_, err := f.msgs.Delegate(ctx, &types.MsgDelegate{
			Sender: alice, From: ethAddr(id).Hex(), To: ethAddr(key).Hex(),
			ToSignature:   signTyped(t, key, types.DelegationTypedData(types.ActionDelegate, ethAddr(id), ethAddr(key), chain, 0)),
			FromSignature: delegation(types.ActionDelegate, 0),
		})
		return err
	}), "delegation with both consents signed")

	require.Equal(t, types.SignatureRecoveryGas, gasOf(func(ctx sdk.Context) error {
		_, err := f.msgs.RevokeDelegation(ctx, &types.MsgRevokeDelegation{
			Sender: alice, From: ethAddr(id).Hex(), To: ethAddr(key).Hex(), FromSignature: delegation(types.ActionRevoke, 1),
		})
		return err
	}), "revocation signed by the identity")

	require.Equal(t, types.SignatureRecoveryGas, gasOf(func(ctx sdk.Context) error {
		_, err := f.msgs.LinkEthereumAddress(ctx, &types.MsgLinkEthereumAddress{
			Account: alice, EthAddress: ethAddr(id).Hex(),
			Signature: signTyped(t, id, types.LinkTypedData(ethAddr(id), alice, chain, 2)),
		})
		return err
	}), "link")

	require.Equal(t, types.SignatureRecoveryGas, gasOf(func(ctx sdk.Context) error {
		_, err := f.msgs.Delegate(ctx, &types.MsgDelegate{
			Sender: alice, From: ethAddr(id).Hex(), To: ethAddr(key).Hex(),
			ToSignature: signTyped(t, key, types.DelegationTypedData(types.ActionDelegate, ethAddr(id), ethAddr(key), chain, 1)),
		})
		return err
	}), "delegation from the sender's linked address")

	require.Zero(t, gasOf(func(ctx sdk.Context) error {
		_, err := f.msgs.RevokeDelegation(ctx, &types.MsgRevokeDelegation{Sender: alice, From: ethAddr(id).Hex(), To: ethAddr(key).Hex()})
		return err
	}), "revocation by the sender's linked address")
}
