package keeper

import (
	"context"
	"errors"
	"math/big"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// currentMembers returns the bonded validators with a registered Ethereum
// key and their power normalized over all the bonded power: each holds
// floor(tokens · 2^32 / bonded tokens). Validators without a key keep their
// share out of the valset, so the valset holds more than 2/3 only when the
// validators who can sign do.
func (k Keeper) currentMembers(ctx context.Context) ([]types.ValsetMember, error) {
	validators, err := k.stakingKeeper.GetBondedValidatorsByPower(ctx)
	if err != nil {
		return nil, err
	}
	total := new(big.Int)
	for _, v := range validators {
		total.Add(total, v.Tokens.BigInt())
	}
	if total.Sign() == 0 {
		return nil, nil
	}
	var members []types.ValsetMember
	for _, v := range validators {
		val, err := k.parseValidator(v.OperatorAddress)
		if err != nil {
			return nil, err
		}
		reg, err := k.Registrations.Get(ctx, val)
		if err != nil {
			if errors.Is(err, collections.ErrNotFound) {
				continue
			}
			return nil, err
		}
		power := new(big.Int).Lsh(v.Tokens.BigInt(), 32)
		power.Quo(power, total)
		if power.Sign() == 0 {
			continue
		}
		members = append(members, types.ValsetMember{EthereumAddress: reg.EthereumAddress, Power: power.Uint64()})
		if len(members) == contracts.MaxValsetMembers {
			break
		}
	}
	return members, nil
}

// snapshotValset makes a new valset when the registered validators hold
// more than 2/3 of the bonded power and either there is no valset yet, the
// members changed, or their power moved by more than valset_change_bps of
// the total since the latest valset.
func (k Keeper) snapshotValset(ctx context.Context) error {
	members, err := k.currentMembers(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	next := types.NewValset(types.FirstValsetNonce, sdkCtx.BlockHeight(), members)
	if next.Power() <= contracts.PowerThreshold {
		return nil
	}
	latest, found, err := k.LatestValset(ctx)
	if err != nil {
		return err
	}
	if found {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		change := types.PowerChange(latest.Members, next.Members)
		if types.SameMembers(latest.Members, next.Members) && change*10_000 <= uint64(params.ValsetChangeBps)*contracts.PowerTotal {
			return nil
		}
		next.Nonce = latest.Nonce + 1
	}
	if err := k.Valsets.Set(ctx, next.Nonce, next); err != nil {
		return err
	}
	return emit(ctx, &types.EventValsetCreated{Nonce: next.Nonce, Members: uint32(len(next.Members)), Power: next.Power()})
}

// EndBlock takes a new valset snapshot when the validators' power moved,
// observes the attestations a change of power completed, and batches the
// pooled transfers.
func (k Keeper) EndBlock(ctx context.Context) error {
	if err := k.snapshotValset(ctx); err != nil {
		return err
	}
	if err := k.observe(ctx); err != nil {
		return err
	}
	return k.buildBatches(ctx)
}
