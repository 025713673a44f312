package keeper

import (
	"context"
	"errors"
	"strings"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// SubmitAmplify applies Kiwistand's acceptance rules, in Kiwistand's order:
// schema, signature recovery (a signature over other content recovers
// another address, which the message then counts for), timestamp bounds
// against the block time, eligibility of the identity, the comment's parent,
// then uniqueness of the index, of the amplify marker (identity, link), of
// the reaction marker (identity, parent) and, stricter than Kiwistand, of
// the comment's (identity, digest). A submission naming a community comes
// from an active member of it.
func (k msgServer) SubmitAmplify(ctx context.Context, msg *types.MsgSubmitAmplify) (*types.MsgSubmitAmplifyResponse, error) {
	submitter, err := k.parseAddress("submitter", msg.Submitter)
	if err != nil {
		return nil, err
	}
	if msg.CommunityId != 0 {
		member, err := k.communityKeeper.IsActiveMember(ctx, msg.CommunityId, submitter)
		if err != nil {
			return nil, err
		}
		if !member {
			return nil, types.ErrNotCommunityMember.Wrapf("%s in community %d", msg.Submitter, msg.CommunityId)
		}
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	sm := msg.SignedMessage()
	if err := sm.ValidateSchema(); err != nil {
		return nil, err
	}
	sig, err := types.ParseSignature(sm.Signature)
	if err != nil {
		return nil, err
	}
	digest, err := sm.Digest()
	if err != nil {
		return nil, err
	}
	chargeRecovery(ctx, "a message")
	signer, err := types.RecoverDigest(digest, sig)
	if err != nil {
		return nil, err
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	if sm.Timestamp < params.MinTimestamp {
		return nil, types.ErrTimestampTooOld.Wrapf("%d is before %d", sm.Timestamp, params.MinTimestamp)
	}
	blockTime := sdkCtx.BlockTime().Unix()
	if blockTime < 0 || sm.Timestamp >= uint64(blockTime)+params.MaxTimestampDelta {
		return nil, types.ErrTimestampInFuture.Wrapf("%d is not before block time %d + %d s", sm.Timestamp, blockTime, params.MaxTimestampDelta)
	}

	identity, _, err := k.IdentityOf(ctx, signer)
	if err != nil {
		return nil, err
	}
	if err := k.requireEligible(ctx, params, identity); err != nil {
		return nil, err
	}
	index := sm.Index()
	stored := types.StoredMessage{
		Index:      index,
		Title:      sm.Title,
		Href:       sm.Href,
		Type:       sm.Type,
		Timestamp:  sm.Timestamp,
		Signature:  sm.Signature,
		Signer:     signer.Hex(),
		Identity:   identity.Hex(),
		Submitter:  msg.Submitter,
		Height:     sdkCtx.BlockHeight(),
		AcceptedAt: blockTime,
	}

	if sm.Type == types.TypeComment {
		parent, err := k.Messages.Get(ctx, strings.TrimPrefix(sm.Href, types.KiwiPrefix))
		if errors.Is(err, collections.ErrNotFound) {
			return nil, types.ErrParentNotFound.Wrap(sm.Href)
		}
		if err != nil {
			return nil, err
		}
		if parent.Timestamp >= sm.Timestamp {
			return nil, types.ErrParentNotOlder.Wrapf("parent at %d, comment at %d", parent.Timestamp, sm.Timestamp)
		}
		stored.Link = sm.Href
		stored.Reaction = types.IsReaction(sm.Title)
	}

	if sm.Type == types.TypeAmplify {
		link, err := sm.Link()
		if err != nil {
			return nil, err
		}
		stored.Link = link
		seen, err := k.Messages.Indexes.AmplifyMarkers.Has(ctx, collections.Join(stored.Identity, link))
		if err != nil {
			return nil, err
		}
		if seen {
			return nil, types.ErrDuplicateAmplify.Wrapf("%s|%s|amplify", stored.Identity, link)
		}
	}
	// Every message is unique by index. An amplify with a known index mostly
	// has a known marker too, but not once a delegation has given its signer
	// another identity.
	has, err := k.Messages.Has(ctx, index)
	if err != nil {
		return nil, err
	}
	if has {
		return nil, types.ErrDuplicateMessage.Wrap(index)
	}
	if stored.Reaction {
		seen, err := k.Messages.Indexes.ReactionMarkers.Has(ctx, collections.Join(stored.Identity, stored.Link))
		if err != nil {
			return nil, err
		}
		if seen {
			return nil, types.ErrDuplicateReaction.Wrapf("%s|%s|reaction", stored.Identity, stored.Link)
		}
	}
	// A comment re-encoded (hex case, v, compact form, high s) has another
	// index but the same content and signer: it is the same comment.
	if sm.Type == types.TypeComment {
		seen, err := k.Messages.Indexes.CommentDigests.Has(ctx, collections.Join(stored.Identity, digest))
		if err != nil {
			return nil, err
		}
		if seen {
			return nil, types.ErrDuplicateComment.Wrapf("%s already posted the comment with digest %x", stored.Identity, digest)
		}
	}

	seq, err := k.NextSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	stored.Seq = seq + 1
	if err := k.storeMessage(ctx, stored); err != nil {
		return nil, err
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventMessageAccepted{
		Seq:         stored.Seq,
		Index:       stored.Index,
		Type:        stored.Type,
		Identity:    stored.Identity,
		Signer:      stored.Signer,
		Link:        stored.Link,
		Submitter:   stored.Submitter,
		CommunityId: msg.CommunityId,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSubmitAmplifyResponse{Index: index, Signer: stored.Signer, Identity: stored.Identity}, nil
}
