package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// registration returns a well-formed registration of the validator named
// name with the key of keyName and the orchestrator orch, signed for the
// chain chainID.
func registration(t *testing.T, op, name, keyName, orch, chainID string) *types.MsgRegisterEthereumKey {
	t.Helper()
	hash := types.RegistrationHash(types.BridgeID(chainID), sdk.ValAddress(keepertest.AccAddress(name)), keepertest.AccAddress(orch))
	return &types.MsgRegisterEthereumKey{
		Validator:       op,
		Orchestrator:    keepertest.Addr(orch),
		EthereumAddress: keepertest.EthAddress(t, keyName),
		Signature:       keepertest.EthSign(t, keyName, hash),
	}
}

func TestRegisterEthereumKey_StoresTheKeyAndOrchestrator(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	op := fx.Staking.SetValidator(t, "val1", 100, true)
	msg := registration(t, op, "val1", "val1", "orch1", keepertest.BridgeChainID)
	_, err := keeper.NewMsgServerImpl(fx.Keeper).RegisterEthereumKey(fx.Ctx, msg)
	require.NoError(t, err)

	res, err := keeper.NewQueryServerImpl(fx.Keeper).Registration(fx.Ctx, &types.QueryRegistrationRequest{Validator: op})
	require.NoError(t, err)
	require.Equal(t, types.Registration{Validator: op, Orchestrator: msg.Orchestrator, EthereumAddress: msg.EthereumAddress}, res.Registration)
	require.Equal(t, "kizuna.bridge.v1.EventEthereumKeyRegistered", fx.Ctx.EventManager().Events()[0].Type)
}

func TestRegisterEthereumKey_RejectsBadInput(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	op := fx.Staking.SetValidator(t, "val1", 100, true)
	fx.RegisterValidator(t, "taken", 100)
	good := func() *types.MsgRegisterEthereumKey {
		return registration(t, op, "val1", "val1", "orch1", keepertest.BridgeChainID)
	}
	cases := []struct {
		name   string
		mutate func(*types.MsgRegisterEthereumKey)
		want   error
	}{
		{"malformed validator", func(m *types.MsgRegisterEthereumKey) { m.Validator = "kizunavaloper1xyz" }, types.ErrValidatorNotFound},
		{"unknown validator", func(m *types.MsgRegisterEthereumKey) {
			*m = *registration(t, fx.Staking.SetValidator(t, "ghost", 1, true), "ghost", "ghost", "orch-ghost", keepertest.BridgeChainID)
			delete(fx.Staking.Validators(), m.Validator)
		}, types.ErrValidatorNotFound},
		{"malformed orchestrator", func(m *types.MsgRegisterEthereumKey) { m.Orchestrator = "kizuna1nope" }, types.ErrNotOrchestrator},
		{"address without 0x", func(m *types.MsgRegisterEthereumKey) { m.EthereumAddress = m.EthereumAddress[2:] + "00" }, types.ErrInvalidEthereumAddress},
		{"wrong checksum", func(m *types.MsgRegisterEthereumKey) {
			b := []byte(m.EthereumAddress)
			for i := 2; i < len(b); i++ {
				if b[i] >= 'a' && b[i] <= 'f' {
					b[i] -= 'a' - 'A'
					break
				} else if b[i] >= 'A' && b[i] <= 'F' {
					b[i] += 'a' - 'A'
					break
				}
			}
			m.EthereumAddress = string(b)
		}, types.ErrInvalidEthereumAddress},
		{"zero address", func(m *types.MsgRegisterEthereumKey) {
			m.EthereumAddress = "0x0000000000000000000000000000000000000000"
		}, types.ErrInvalidEthereumAddress},
		{"short signature", func(m *types.MsgRegisterEthereumKey) { m.Signature = m.Signature[:20] }, types.ErrInvalidSignature},
		{"signed by another key", func(m *types.MsgRegisterEthereumKey) {
			m.Signature = registration(t, op, "val1", "mallory", "orch1", keepertest.BridgeChainID).Signature
		}, types.ErrInvalidSignature},
		{"signature for another validator", func(m *types.MsgRegisterEthereumKey) {
			m.Signature = registration(t, op, "val2", "val1", "orch1", keepertest.BridgeChainID).Signature
		}, types.ErrInvalidSignature},
		{"signature for another orchestrator", func(m *types.MsgRegisterEthereumKey) {
			m.Signature = registration(t, op, "val1", "val1", "orch2", keepertest.BridgeChainID).Signature
		}, types.ErrInvalidSignature},
		{"signature for another chain", func(m *types.MsgRegisterEthereumKey) {
			m.Signature = registration(t, op, "val1", "val1", "orch1", "other-chain").Signature
		}, types.ErrInvalidSignature},
		{"key of another validator", func(m *types.MsgRegisterEthereumKey) {
			*m = *registration(t, op, "val1", "taken", "orch1", keepertest.BridgeChainID)
		}, types.ErrAlreadyRegistered},
		{"orchestrator of another validator", func(m *types.MsgRegisterEthereumKey) {
			*m = *registration(t, op, "val1", "val1", "taken-orch", keepertest.BridgeChainID)
		}, types.ErrAlreadyRegistered},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := good()
			tc.mutate(msg)
			keepertest.RequireRejected(t, fx.Ctx, keepertest.StoreSnapshot(t, fx.Ctx, fx.StoreKey), tc.want, func() error {
				_, err := keeper.NewMsgServerImpl(fx.Keeper).RegisterEthereumKey(fx.Ctx, msg)
				return err
			})
		})
	}
}

func TestRegisterEthereumKey_RefusesASecondRegistration(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	first := fx.RegisterValidator(t, "val1", 100)
	again := registration(t, first.Validator, "val1", "val1-new", "val1-orch2", keepertest.BridgeChainID)
	keepertest.RequireRejected(t, fx.Ctx, keepertest.StoreSnapshot(t, fx.Ctx, fx.StoreKey), types.ErrAlreadyRegistered, func() error {
		_, err := keeper.NewMsgServerImpl(fx.Keeper).RegisterEthereumKey(fx.Ctx, again)
		return err
	})
}
