package keeper

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// RegisterEthereumKey ties a validator to an Ethereum key and an
// orchestrator, once. The key proves itself by signing the registration
// hash, which names the chain, the validator and the orchestrator, so a
// signature can be neither replayed for another validator nor taken from
// another chain. A key and an orchestrator serve one validator only, and a
// registration is never replaced: the contract knows a validator by the key
// in the valset it holds, which a replaced key could no longer sign for.
func (s msgServer) RegisterEthereumKey(ctx context.Context, msg *types.MsgRegisterEthereumKey) (*types.MsgRegisterEthereumKeyResponse, error) {
	val, err := s.parseValidator(msg.Validator)
	if err != nil {
		return nil, err
	}
	orchestrator, err := s.addressCodec.StringToBytes(msg.Orchestrator)
	if err != nil {
		return nil, types.ErrNotOrchestrator.Wrapf("orchestrator: %v", err)
	}
	key, err := types.ParseEthereumAddress(msg.EthereumAddress)
	if err != nil {
		return nil, err
	}
	sig, err := types.ParseSignature(msg.Signature)
	if err != nil {
		return nil, err
	}
	if _, err := s.stakingKeeper.GetValidator(ctx, val); err != nil {
		return nil, types.ErrValidatorNotFound.Wrapf("%s: %v", msg.Validator, err)
	}
	if err := s.checkSignature(ctx, types.RegistrationHash(s.BridgeID(ctx), val, orchestrator), sig, key); err != nil {
		return nil, err
	}
	switch has, err := s.Registrations.Has(ctx, val); {
	case err != nil:
		return nil, err
	case has:
		return nil, types.ErrAlreadyRegistered.Wrapf("validator %s is registered", msg.Validator)
	}
	switch has, err := s.EthereumOwners.Has(ctx, key.Bytes()); {
	case err != nil:
		return nil, err
	case has:
		return nil, types.ErrAlreadyRegistered.Wrapf("Ethereum key %s is another validator's", key.Hex())
	}
	switch has, err := s.Orchestrators.Has(ctx, orchestrator); {
	case err != nil:
		return nil, err
	case has:
		return nil, types.ErrAlreadyRegistered.Wrapf("orchestrator %s serves another validator", msg.Orchestrator)
	}

	reg := types.Registration{Validator: s.formatValidator(val), Orchestrator: msg.Orchestrator, EthereumAddress: key.Hex()}
	if err := s.Registrations.Set(ctx, val, reg); err != nil {
		return nil, err
	}
	if err := s.EthereumOwners.Set(ctx, key.Bytes(), val); err != nil {
		return nil, err
	}
	if err := s.Orchestrators.Set(ctx, orchestrator, val); err != nil {
		return nil, err
	}
	// A validator claims from the events after those already observed.
	observed, err := s.lastObservedNonce(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.ClaimNonces.Set(ctx, val, observed); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventEthereumKeyRegistered{
		Validator: reg.Validator, Orchestrator: reg.Orchestrator, EthereumAddress: reg.EthereumAddress,
	}); err != nil {
		return nil, err
	}
	return &types.MsgRegisterEthereumKeyResponse{}, nil
}

// checkSignature charges the recovery and fails with
// types.ErrInvalidSignature unless sig is want's eth_sign signature of hash.
func (k Keeper) checkSignature(ctx context.Context, hash common.Hash, sig []byte, want common.Address) error {
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(types.SignatureRecoveryGas, "bridge: signature recovery")
	signer, err := contracts.RecoverSigner(hash, sig)
	if err != nil {
		return types.ErrInvalidSignature.Wrap(err.Error())
	}
	if signer != want {
		return types.ErrInvalidSignature.Wrapf("signed by %s, not %s", signer.Hex(), want.Hex())
	}
	return nil
}
