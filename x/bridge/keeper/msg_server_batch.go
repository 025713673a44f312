package keeper

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// ConfirmBatch stores a validator's signature of a token's outstanding
// batch, checked against the validator's registered key; once per
// validator and batch.
func (s msgServer) ConfirmBatch(ctx context.Context, msg *types.MsgConfirmBatch) (*types.MsgConfirmBatchResponse, error) {
	val, reg, err := s.orchestratorOf(ctx, msg.Orchestrator)
	if err != nil {
		return nil, err
	}
	sig, err := types.ParseSignature(msg.Signature)
	if err != nil {
		return nil, err
	}
	token, err := types.ParseEthereumAddress(msg.TokenContract)
	if err != nil {
		return nil, err
	}
	batch, err := s.Batches.Get(ctx, token.Bytes())
	if errors.Is(err, collections.ErrNotFound) || (err == nil && batch.Nonce != msg.Nonce) {
		return nil, types.ErrBatchNotFound.Wrapf("no outstanding batch %d of %s", msg.Nonce, token.Hex())
	}
	if err != nil {
		return nil, err
	}
	key := collections.Join3(token.Bytes(), msg.Nonce, val)
	switch has, err := s.BatchConfirms.Has(ctx, key); {
	case err != nil:
		return nil, err
	case has:
		return nil, types.ErrAlreadyConfirmed.Wrapf("batch %d of %s by %s", msg.Nonce, token.Hex(), reg.Validator)
	}
	hash, err := s.BatchHash(ctx, batch)
	if err != nil {
		return nil, err
	}
	ethKey, err := types.ParseEthereumAddress(reg.EthereumAddress)
	if err != nil {
		return nil, err
	}
	if err := s.checkSignature(ctx, hash, sig, ethKey); err != nil {
		return nil, err
	}
	confirm := types.BatchConfirm{
		TokenContract: batch.TokenContract, Nonce: msg.Nonce, Validator: reg.Validator,
		EthereumAddress: reg.EthereumAddress, Signature: hexutil.Encode(sig),
	}
	if err := s.BatchConfirms.Set(ctx, key, confirm); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventBatchConfirmed{TokenContract: batch.TokenContract, Nonce: msg.Nonce, Validator: reg.Validator}); err != nil {
		return nil, err
	}
	return &types.MsgConfirmBatchResponse{}, nil
}
