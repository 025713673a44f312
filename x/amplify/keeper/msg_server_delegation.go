package keeper

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// Delegate applies Kiwistand's delegation rules: from differs from to, each
// to has one from (the first delegation wins), and an address is never both
// an identity and a signing key. to consents with its EIP-712 signature;
// from with its own, or by being the sender's linked address.
func (k msgServer) Delegate(ctx context.Context, msg *types.MsgDelegate) (*types.MsgDelegateResponse, error) {
	sender, err := k.parseAddress("sender", msg.Sender)
	if err != nil {
		return nil, err
	}
	from, to, err := parsePair(msg.From, msg.To)
	if err != nil {
		return nil, err
	}
	if has, err := k.Delegations.Has(ctx, to.Hex()); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrDelegationConflict.Wrapf("%s already signs for an identity", to.Hex())
	}
	if has, err := k.Delegations.Has(ctx, from.Hex()); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrDelegationConflict.Wrapf("%s is a signing key and cannot be an identity", from.Hex())
	}
	if delegates, err := k.hasDelegates(ctx, to); err != nil {
		return nil, err
	} else if delegates {
		return nil, types.ErrDelegationConflict.Wrapf("%s is an identity and cannot be a signing key", to.Hex())
	}

	chainID := sdk.UnwrapSDKContext(ctx).ChainID()
	toNonce, err := k.nextNonce(ctx, to)
	if err != nil {
		return nil, err
	}
	chargeRecovery(ctx, "a delegation consent")
	if err := types.VerifyConsent(types.DelegationTypedData(types.ActionDelegate, from, to, chainID, toNonce), msg.ToSignature, to); err != nil {
		return nil, err
	}
	fromNonce, useFromNonce, err := k.verifyIdentityConsent(ctx, sender, types.ActionDelegate, from, to, msg.FromSignature)
	if err != nil {
		return nil, err
	}

	if err := k.useNonce(ctx, to, toNonce); err != nil {
		return nil, err
	}
	if useFromNonce {
		if err := k.useNonce(ctx, from, fromNonce); err != nil {
			return nil, err
		}
	}
	if err := k.Delegations.Set(ctx, to.Hex(), from.Hex()); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventDelegated{From: from.Hex(), To: to.Hex()}); err != nil {
		return nil, err
	}
	return &types.MsgDelegateResponse{}, nil
}

// RevokeDelegation ends the delegation from → to, which must exist.
func (k msgServer) RevokeDelegation(ctx context.Context, msg *types.MsgRevokeDelegation) (*types.MsgRevokeDelegationResponse, error) {
	sender, err := k.parseAddress("sender", msg.Sender)
	if err != nil {
		return nil, err
	}
	from, to, err := parsePair(msg.From, msg.To)
	if err != nil {
		return nil, err
	}
	current, err := k.Delegations.Get(ctx, to.Hex())
	if errors.Is(err, collections.ErrNotFound) || (err == nil && current != from.Hex()) {
		return nil, types.ErrDelegationNotFound.Wrapf("%s -> %s", from.Hex(), to.Hex())
	}
	if err != nil {
		return nil, err
	}
	fromNonce, useFromNonce, err := k.verifyIdentityConsent(ctx, sender, types.ActionRevoke, from, to, msg.FromSignature)
	if err != nil {
		return nil, err
	}
	if useFromNonce {
		if err := k.useNonce(ctx, from, fromNonce); err != nil {
			return nil, err
		}
	}
	if err := k.Delegations.Remove(ctx, to.Hex()); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventDelegationRevoked{From: from.Hex(), To: to.Hex()}); err != nil {
		return nil, err
	}
	return &types.MsgRevokeDelegationResponse{}, nil
}

// verifyIdentityConsent checks from's consent: its signature when given,
// otherwise that from is the sender's linked address. It reports the nonce
// to consume when a signature was used.
func (k Keeper) verifyIdentityConsent(
	ctx context.Context, sender sdk.AccAddress, action string, from, to common.Address, sig string,
) (uint64, bool, error) {
	if sig == "" {
		linked, err := k.Links.Get(ctx, sender)
		if errors.Is(err, collections.ErrNotFound) || (err == nil && linked != from.Hex()) {
			return 0, false, types.ErrInvalidSignature.Wrapf("from_signature is required unless %s is the sender's linked address", from.Hex())
		}
		return 0, false, err
	}
	nonce, err := k.nextNonce(ctx, from)
	if err != nil {
		return 0, false, err
	}
	chainID := sdk.UnwrapSDKContext(ctx).ChainID()
	chargeRecovery(ctx, "a delegation consent")
	if err := types.VerifyConsent(types.DelegationTypedData(action, from, to, chainID, nonce), sig, from); err != nil {
		return 0, false, err
	}
	return nonce, true, nil
}

// hasDelegates reports whether addr is the identity of any delegation.
func (k Keeper) hasDelegates(ctx context.Context, addr common.Address) (found bool, err error) {
	it, err := k.Delegations.Indexes.From.MatchExact(ctx, addr.Hex())
	if err != nil {
		return false, err
	}
	defer func() {
		if cerr := it.Close(); err == nil {
			err = cerr
		}
	}()
	return it.Valid(), nil
}

func parsePair(fromHex, toHex string) (common.Address, common.Address, error) {
	from, err := types.ParseEthAddress("from", fromHex)
	if err != nil {
		return common.Address{}, common.Address{}, err
	}
	to, err := types.ParseEthAddress("to", toHex)
	if err != nil {
		return common.Address{}, common.Address{}, err
	}
	if from == to {
		return common.Address{}, common.Address{}, types.ErrInvalidDelegation.Wrap("from and to are the same address")
	}
	return from, to, nil
}
