package keeper

import (
	"context"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// ConfirmValset stores a validator's signature of a valset's checkpoint,
// checked against the validator's registered key, so that the relayer
// finds on chain only signatures the contract will accept. A validator
// confirms a valset once.
func (s msgServer) ConfirmValset(ctx context.Context, msg *types.MsgConfirmValset) (*types.MsgConfirmValsetResponse, error) {
	val, reg, err := s.orchestratorOf(ctx, msg.Orchestrator)
	if err != nil {
		return nil, err
	}
	sig, err := types.ParseSignature(msg.Signature)
	if err != nil {
		return nil, err
	}
	valset, err := s.GetValset(ctx, msg.Nonce)
	if err != nil {
		return nil, err
	}
	key := collections.Join(msg.Nonce, val)
	switch has, err := s.ValsetConfirms.Has(ctx, key); {
	case err != nil:
		return nil, err
	case has:
		return nil, types.ErrAlreadyConfirmed.Wrapf("valset %d by %s", msg.Nonce, reg.Validator)
	}
	key20, err := types.ParseEthereumAddress(reg.EthereumAddress)
	if err != nil {
		return nil, err
	}
	if err := s.checkSignature(ctx, valset.Checkpoint(s.BridgeID(ctx)), sig, key20); err != nil {
		return nil, err
	}

	confirm := types.ValsetConfirm{
		Nonce: msg.Nonce, Validator: reg.Validator, EthereumAddress: reg.EthereumAddress, Signature: hexutil.Encode(sig),
	}
	if err := s.ValsetConfirms.Set(ctx, key, confirm); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventValsetConfirmed{Nonce: msg.Nonce, Validator: reg.Validator}); err != nil {
		return nil, err
	}
	return &types.MsgConfirmValsetResponse{}, nil
}
