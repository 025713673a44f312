package keeper

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/accaddr"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// GetParams returns the module params.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// IdentityOf returns the identity signer signs for: the delegating identity,
// or the signer itself.
func (k Keeper) IdentityOf(ctx context.Context, signer common.Address) (common.Address, bool, error) {
	from, err := k.Delegations.Get(ctx, signer.Hex())
	switch {
	case err == nil:
		return common.HexToAddress(from), true, nil
	case errors.Is(err, collections.ErrNotFound):
		return signer, false, nil
	default:
		return common.Address{}, false, err
	}
}

// storeMessage writes an accepted message; Keeper.Messages keeps its
// indexes, and it is numbered within its type here.
func (k Keeper) storeMessage(ctx context.Context, m types.StoredMessage) error {
	if err := k.Messages.Set(ctx, m.Index, m); err != nil {
		return err
	}
	n, err := k.TypeCounts.Get(ctx, m.Type)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	if err := k.MessagesByType.Set(ctx, collections.Join(m.Type, n), m.Index); err != nil {
		return err
	}
	return k.TypeCounts.Set(ctx, m.Type, n+1)
}

// amplifyMarker is the entry of an amplify in MessageIndexes.AmplifyMarkers.
func amplifyMarker(m types.StoredMessage) (collections.Pair[string, string], collections.NoValue, bool, error) {
	return collections.Join(m.Identity, m.Link), collections.NoValue{}, m.Type == types.TypeAmplify, nil
}

// reactionMarker is the entry of a reaction in
// MessageIndexes.ReactionMarkers.
func reactionMarker(m types.StoredMessage) (collections.Pair[string, string], collections.NoValue, bool, error) {
	return collections.Join(m.Identity, m.Link), collections.NoValue{}, m.Type == types.TypeComment && m.Reaction, nil
}

// commentDigest is the entry of a comment in MessageIndexes.CommentDigests:
// its identity and EIP-712 digest.
func commentDigest(m types.StoredMessage) (collections.Pair[string, []byte], collections.NoValue, bool, error) {
	if m.Type != types.TypeComment {
		return collections.Pair[string, []byte]{}, collections.NoValue{}, false, nil
	}
	digest, err := types.Content{Title: m.Title, Href: m.Href, Type: m.Type, Timestamp: m.Timestamp}.Digest()
	if err != nil {
		return collections.Pair[string, []byte]{}, collections.NoValue{}, false, err
	}
	return collections.Join(m.Identity, digest), collections.NoValue{}, true, nil
}

// vote is the entry of an amplify in MessageIndexes.Votes.
func vote(m types.StoredMessage) (VoteKey, string, bool, error) {
	return collections.Join(m.Link, m.Seq), m.Identity, m.Type == types.TypeAmplify, nil
}

// chargeRecovery consumes the gas of one signature recovery before it is
// done (see types.SignatureRecoveryGas).
func chargeRecovery(ctx context.Context, what string) {
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(types.SignatureRecoveryGas, "amplify: recover the signer of "+what)
}

// requireEligible fails unless identity may post: it is listed in the
// params' eligible_identities, or it is the Ethereum address linked to an
// account that is an active member of at least one community.
func (k Keeper) requireEligible(ctx context.Context, params types.Params, identity common.Address) error {
	if params.IsListedEligible(identity) {
		return nil
	}
	account, err := k.Links.Indexes.Eth.MatchExact(ctx, identity.Hex())
	if errors.Is(err, collections.ErrNotFound) {
		return types.ErrIneligibleIdentity.Wrapf("%s is not linked to an account and not in eligible_identities", identity.Hex())
	}
	if err != nil {
		return err
	}
	active, err := k.communityKeeper.IsActiveMemberOfAny(ctx, account)
	if err != nil {
		return err
	}
	if !active {
		addr, err := k.addressCodec.BytesToString(account)
		if err != nil {
			return err
		}
		return types.ErrIneligibleIdentity.Wrapf("%s is linked to %s, which is not an active member of any community",
			identity.Hex(), addr)
	}
	return nil
}

// parseAddress decodes an account address of a Msg or query field.
func (k Keeper) parseAddress(field, s string) (sdk.AccAddress, error) {
	return accaddr.Parse(k.addressCodec, field, s)
}

// nextNonce returns the consent nonce of addr.
func (k Keeper) nextNonce(ctx context.Context, addr common.Address) (uint64, error) {
	n, err := k.ConsentNonces.Get(ctx, addr.Hex())
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

// useNonce consumes the consent nonce of addr.
func (k Keeper) useNonce(ctx context.Context, addr common.Address, n uint64) error {
	return k.ConsentNonces.Set(ctx, addr.Hex(), n+1)
}
