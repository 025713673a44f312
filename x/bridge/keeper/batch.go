package keeper

import (
	"context"
	"errors"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// buildBatches batches the pooled transfers of every token without an
// outstanding batch, up to types.MaxBatchesPerBlock batches: each takes
// the token's transfers of the highest fees, up to max_batch_transfers. Batching at the
// end of the block, rather than on request, leaves nobody a way to hold a
// token's transfers back with a batch of their own.
func (k Keeper) buildBatches(ctx context.Context) error {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if _, ok := p.Contract(); !ok {
		return nil
	}
	var ready [][]byte
	err = k.PoolTokens.Walk(ctx, nil, func(token []byte) (bool, error) {
		has, err := k.Batches.Has(ctx, token)
		if err != nil || has {
			return err != nil, err
		}
		ready = append(ready, token)
		return len(ready) == types.MaxBatchesPerBlock, nil
	})
	if err != nil {
		return err
	}
	for _, token := range ready {
		if err := k.buildBatch(ctx, p, common.BytesToAddress(token)); err != nil {
			return err
		}
	}
	return nil
}

// buildBatch batches a token's pooled transfers of the highest fees, the
// oldest first among equal fees. The nonce is the
// one after the token's last executed batch: a batch that timed out can
// never execute, so its nonce is free again. The timeout is
// batch_timeout_blocks past the projected Ethereum height.
func (k Keeper) buildBatch(ctx context.Context, p types.Params, token common.Address) error {
	var keys []PoolKey
	rng := collections.NewPrefixedTripleRange[[]byte, []byte, uint64](token.Bytes())
	err := k.Pool.Walk(ctx, rng, func(key PoolKey) (bool, error) {
		keys = append(keys, key)
		return len(keys) == int(p.MaxBatchTransfers), nil
	})
	if err != nil || len(keys) == 0 {
		return err
	}
	ids := make([]uint64, len(keys))
	for i, key := range keys {
		ids[i] = key.K3()
	}
	last, err := k.LastBatchNonces.Get(ctx, token.Bytes())
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	height, err := k.projectedEthereumHeight(ctx, p)
	if err != nil {
		return err
	}
	batch := types.OutgoingBatch{
		TokenContract: token.Hex(), Nonce: last + 1, Timeout: height + p.BatchTimeoutBlocks,
		TransferIds: ids, Height: sdk.UnwrapSDKContext(ctx).BlockHeight(),
	}
	for i, id := range ids {
		if err := k.Pool.Remove(ctx, keys[i]); err != nil {
			return err
		}
		transfer, err := k.Transfers.Get(ctx, id)
		if err != nil {
			return err
		}
		transfer.BatchNonce = batch.Nonce
		if err := k.Transfers.Set(ctx, id, transfer); err != nil {
			return err
		}
	}
	if err := k.unpoolTokenIfEmpty(ctx, token); err != nil {
		return err
	}
	if err := k.Batches.Set(ctx, token.Bytes(), batch); err != nil {
		return err
	}
	if err := k.BatchTimeouts.Set(ctx, collections.Join(batch.Timeout, token.Bytes())); err != nil {
		return err
	}
	return emit(ctx, &types.EventBatchCreated{
		TokenContract: batch.TokenContract, Nonce: batch.Nonce, Timeout: batch.Timeout, Transfers: uint32(len(ids)),
	})
}

// projectedEthereumHeight is the last Ethereum height the chain learned
// plus the Ethereum blocks made since, at ethereum_block_seconds each.
func (k Keeper) projectedEthereumHeight(ctx context.Context, p types.Params) (uint64, error) {
	last, err := k.EthereumHeight.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return p.ContractHeight, nil
	}
	if err != nil {
		return 0, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if !now.After(last.Time) {
		return last.Height, nil
	}
	return last.Height + uint64(now.Sub(last.Time)/time.Second)/uint64(p.EthereumBlockSeconds), nil
}

// BatchTransfers returns the transfers of a batch in its order.
func (k Keeper) BatchTransfers(ctx context.Context, batch types.OutgoingBatch) ([]types.OutgoingTransfer, error) {
	out := make([]types.OutgoingTransfer, len(batch.TransferIds))
	for i, id := range batch.TransferIds {
		t, err := k.Transfers.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

// BatchHash is what validators sign for a batch: the contract's hash of
// its token, nonce, timeout and transfers in ERC-20 units.
func (k Keeper) BatchHash(ctx context.Context, batch types.OutgoingBatch) (common.Hash, error) {
	transfers, err := k.BatchTransfers(ctx, batch)
	if err != nil {
		return common.Hash{}, err
	}
	args := make([]contracts.Transfer, len(transfers))
	for i, t := range transfers {
		args[i] = contracts.Transfer{
			Destination: common.HexToAddress(t.EthereumRecipient),
			Amount:      new(big.Int).Set(t.TokenAmount.BigInt()),
			Fee:         new(big.Int).Set(t.TokenFee.BigInt()),
		}
	}
	return contracts.BatchHash(k.BridgeID(ctx), common.HexToAddress(batch.TokenContract), batch.Nonce, batch.Timeout, args), nil
}
