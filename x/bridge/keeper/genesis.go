package keeper

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// InitGenesis loads a genesis state after validating it, and checks every
// valset signature against the chain's bridge id.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	id := types.BridgeID(sdk.UnwrapSDKContext(ctx).ChainID())
	if err := k.StoredBridgeID.Set(ctx, id[:]); err != nil {
		return err
	}
	for _, r := range gs.Registrations {
		val, err := k.parseValidator(r.Validator)
		if err != nil {
			return err
		}
		orchestrator, err := k.addressCodec.StringToBytes(r.Orchestrator)
		if err != nil {
			return err
		}
		if err := k.Registrations.Set(ctx, val, r); err != nil {
			return err
		}
		if err := k.EthereumOwners.Set(ctx, common.HexToAddress(r.EthereumAddress).Bytes(), val); err != nil {
			return err
		}
		if err := k.Orchestrators.Set(ctx, orchestrator, val); err != nil {
			return err
		}
	}
	bridgeID := k.BridgeID(ctx)
	checkpoints := make(map[uint64]common.Hash, len(gs.Valsets))
	for _, v := range gs.Valsets {
		if err := k.Valsets.Set(ctx, v.Nonce, v); err != nil {
			return err
		}
		checkpoints[v.Nonce] = v.Checkpoint(bridgeID)
	}
	for _, c := range gs.ValsetConfirms {
		if err := checkGenesisSignature(checkpoints[c.Nonce], c.Signature, c.EthereumAddress); err != nil {
			return types.ErrInvalidGenesis.Wrapf("valset %d confirmed by %s: %v", c.Nonce, c.Validator, err)
		}
		val, err := k.parseValidator(c.Validator)
		if err != nil {
			return err
		}
		if err := k.ValsetConfirms.Set(ctx, collections.Join(c.Nonce, val), c); err != nil {
			return err
		}
	}
	return k.initTransfers(ctx, gs)
}

// initTransfers loads the registry, the transfers, the batches and their
// signatures, rebuilding the pool and the sender index from the transfers,
// and checks every deployment and batch signature.
func (k Keeper) initTransfers(ctx context.Context, gs *types.GenesisState) error {
	for _, t := range gs.Tokens {
		if err := k.Tokens.Set(ctx, t.Denom, t); err != nil {
			return err
		}
		if err := k.TokenContracts.Set(ctx, common.HexToAddress(t.TokenContract).Bytes(), t.Denom); err != nil {
			return err
		}
	}
	for _, c := range gs.TokenDeployConfirms {
		token, err := k.TokenOfDenom(ctx, c.Denom)
		if err != nil {
			return err
		}
		if err := checkGenesisSignature(k.DeployHash(ctx, token), c.Signature, c.EthereumAddress); err != nil {
			return types.ErrInvalidGenesis.Wrapf("deployment of %s confirmed by %s: %v", c.Denom, c.Validator, err)
		}
		val, err := k.parseValidator(c.Validator)
		if err != nil {
			return err
		}
		if err := k.TokenDeployConfirms.Set(ctx, collections.Join(c.Denom, val), c); err != nil {
			return err
		}
	}
	if err := k.NextTransferID.Set(ctx, gs.NextTransferId); err != nil {
		return err
	}
	for _, t := range gs.Transfers {
		sender, err := k.addressCodec.StringToBytes(t.Sender)
		if err != nil {
			return err
		}
		if err := k.Transfers.Set(ctx, t.Id, t); err != nil {
			return err
		}
		if err := k.SenderTransfers.Set(ctx, collections.Join(sdk.AccAddress(sender), t.Id)); err != nil {
			return err
		}
		if t.BatchNonce == 0 {
			if err := k.pool(ctx, t); err != nil {
				return err
			}
		}
	}
	for _, n := range gs.LastBatchNonces {
		if err := k.LastBatchNonces.Set(ctx, common.HexToAddress(n.TokenContract).Bytes(), n.Nonce); err != nil {
			return err
		}
	}
	for _, b := range gs.Batches {
		if err := k.Batches.Set(ctx, common.HexToAddress(b.TokenContract).Bytes(), b); err != nil {
			return err
		}
	}
	for _, c := range gs.BatchConfirms {
		token := common.HexToAddress(c.TokenContract)
		batch, err := k.Batches.Get(ctx, token.Bytes())
		if err != nil {
			return err
		}
		hash, err := k.BatchHash(ctx, batch)
		if err != nil {
			return err
		}
		if err := checkGenesisSignature(hash, c.Signature, c.EthereumAddress); err != nil {
			return types.ErrInvalidGenesis.Wrapf("batch %d of %s confirmed by %s: %v", c.Nonce, c.TokenContract, c.Validator, err)
		}
		val, err := k.parseValidator(c.Validator)
		if err != nil {
			return err
		}
		if err := k.BatchConfirms.Set(ctx, collections.Join3(token.Bytes(), c.Nonce, val), c); err != nil {
			return err
		}
	}
	if gs.EthereumHeight != nil {
		if err := k.EthereumHeight.Set(ctx, *gs.EthereumHeight); err != nil {
			return err
		}
	}
	return k.initClaims(ctx, gs)
}

// initClaims loads the attestations, the validators' claim nonces, the last
// observed nonce and the counts of tokens on Ethereum, and indexes the
// batches' timeouts.
func (k Keeper) initClaims(ctx context.Context, gs *types.GenesisState) error {
	for _, b := range gs.Batches {
		if err := k.BatchTimeouts.Set(ctx, collections.Join(b.Timeout, common.HexToAddress(b.TokenContract).Bytes())); err != nil {
			return err
		}
	}
	for _, a := range gs.Attestations {
		hash, err := hexutil.Decode(a.ClaimHash)
		if err != nil {
			return err
		}
		if err := k.Attestations.Set(ctx, collections.Join(a.EventNonce, hash), a); err != nil {
			return err
		}
	}
	if err := k.LastObservedNonce.Set(ctx, gs.LastObservedEventNonce); err != nil {
		return err
	}
	for _, c := range gs.ClaimNonces {
		val, err := k.parseValidator(c.Validator)
		if err != nil {
			return err
		}
		if err := k.ClaimNonces.Set(ctx, val, c.Nonce); err != nil {
			return err
		}
	}
	for _, b := range gs.OnEthereum {
		if err := k.OnEthereum.Set(ctx, common.HexToAddress(b.TokenContract).Bytes(), b.Amount); err != nil {
			return err
		}
	}
	return nil
}

// checkGenesisSignature checks that sig (0x-hex) is signer's signature of
// hash.
func checkGenesisSignature(hash common.Hash, sig, signer string) error {
	bz, err := types.ParseSignature(sig)
	if err != nil {
		return err
	}
	got, err := contracts.RecoverSigner(hash, bz)
	if err != nil {
		return err
	}
	if got != common.HexToAddress(signer) {
		return types.ErrInvalidSignature.Wrapf("signed by %s", got.Hex())
	}
	return nil
}

// ExportGenesis exports the module state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := types.DefaultGenesis()
	gs.Params = params
	if err := k.Registrations.Walk(ctx, nil, func(_ sdk.ValAddress, r types.Registration) (bool, error) {
		gs.Registrations = append(gs.Registrations, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Valsets.Walk(ctx, nil, func(_ uint64, v types.Valset) (bool, error) {
		gs.Valsets = append(gs.Valsets, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.ValsetConfirms.Walk(ctx, nil, func(_ ValsetConfirmKey, c types.ValsetConfirm) (bool, error) {
		gs.ValsetConfirms = append(gs.ValsetConfirms, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.exportTransfers(ctx, gs); err != nil {
		return nil, err
	}
	return gs, nil
}

// exportTransfers exports the registry, the transfers and the batches.
func (k Keeper) exportTransfers(ctx context.Context, gs *types.GenesisState) error {
	if err := k.Tokens.Walk(ctx, nil, func(_ string, t types.BridgeToken) (bool, error) {
		gs.Tokens = append(gs.Tokens, t)
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.TokenDeployConfirms.Walk(ctx, nil, func(_ collections.Pair[string, sdk.ValAddress], c types.TokenDeployConfirm) (bool, error) {
		gs.TokenDeployConfirms = append(gs.TokenDeployConfirms, c)
		return false, nil
	}); err != nil {
		return err
	}
	next, err := k.NextTransferID.Peek(ctx)
	if err != nil {
		return err
	}
	gs.NextTransferId = next
	if err := k.Transfers.Walk(ctx, nil, func(_ uint64, t types.OutgoingTransfer) (bool, error) {
		gs.Transfers = append(gs.Transfers, t)
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.Batches.Walk(ctx, nil, func(_ []byte, b types.OutgoingBatch) (bool, error) {
		gs.Batches = append(gs.Batches, b)
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.BatchConfirms.Walk(ctx, nil, func(_ BatchConfirmKey, c types.BatchConfirm) (bool, error) {
		gs.BatchConfirms = append(gs.BatchConfirms, c)
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.LastBatchNonces.Walk(ctx, nil, func(token []byte, nonce uint64) (bool, error) {
		gs.LastBatchNonces = append(gs.LastBatchNonces, types.BatchNonce{TokenContract: common.BytesToAddress(token).Hex(), Nonce: nonce})
		return false, nil
	}); err != nil {
		return err
	}
	height, err := k.EthereumHeight.Get(ctx)
	switch {
	case err == nil:
		gs.EthereumHeight = &height
	case !errors.Is(err, collections.ErrNotFound):
		return err
	}
	return k.exportClaims(ctx, gs)
}

// exportClaims exports the attestations, the claim nonces, the last
// observed nonce and the counts of tokens on Ethereum.
func (k Keeper) exportClaims(ctx context.Context, gs *types.GenesisState) error {
	if err := k.Attestations.Walk(ctx, nil, func(_ collections.Pair[uint64, []byte], a types.Attestation) (bool, error) {
		gs.Attestations = append(gs.Attestations, a)
		return false, nil
	}); err != nil {
		return err
	}
	last, err := k.lastObservedNonce(ctx)
	if err != nil {
		return err
	}
	gs.LastObservedEventNonce = last
	if err := k.ClaimNonces.Walk(ctx, nil, func(val sdk.ValAddress, n uint64) (bool, error) {
		gs.ClaimNonces = append(gs.ClaimNonces, types.ClaimNonce{Validator: k.formatValidator(val), Nonce: n})
		return false, nil
	}); err != nil {
		return err
	}
	return k.OnEthereum.Walk(ctx, nil, func(token []byte, amount sdkmath.Int) (bool, error) {
		gs.OnEthereum = append(gs.OnEthereum, types.TokenBalance{TokenContract: common.BytesToAddress(token).Hex(), Amount: amount})
		return false, nil
	})
}
