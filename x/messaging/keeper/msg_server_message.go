package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// PostMessage numbers a message in its thread, stores its metadata and
// emits it, payload included, in EventMessagePosted. The payload is never
// written to the store. The sender must be a member of the thread and still
// an active member of its community, and the thread must still have two
// members: a group whose invitees have not accepted yet, or whose other
// members all left, is read-only until its
// creator or an admin adds members again and one accepts. Posting marks the sender's own
// message as read.
func (s msgServer) PostMessage(ctx context.Context, msg *types.MsgPostMessage) (*types.MsgPostMessageResponse, error) {
	sender, err := s.parseAddress("sender", msg.Sender)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := params.ValidatePayload(msg.ContentSha256, msg.Payload); err != nil {
		return nil, err
	}
	t, err := s.requireReader(ctx, msg.ThreadId, msg.CommunityId, sender)
	if err != nil {
		return nil, err
	}
	other, err := s.hasOtherMember(ctx, t, sender)
	if err != nil {
		return nil, err
	}
	if !other {
		return nil, types.ErrThreadTooSmall.Wrapf("thread %d has no other member", t.Id)
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.BlockTime()
	seq := t.LastSeq + 1
	meta := types.MessageMeta{
		ThreadId:      t.Id,
		Seq:           seq,
		Sender:        s.formatAddress(sender),
		ContentSha256: msg.ContentSha256,
		Time:          now,
		Height:        sdkCtx.BlockHeight(),
	}
	if err := s.Messages.Set(ctx, collections.Join(t.Id, seq), meta); err != nil {
		return nil, err
	}
	t.LastSeq = seq
	t.LastMessageAt = now
	if err := s.Threads.Set(ctx, t.Id, t); err != nil {
		return nil, err
	}
	if err := s.ReadMarks.Set(ctx, collections.Join(t.Id, sender), seq); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventMessagePosted{
		ThreadId:      t.Id,
		Seq:           seq,
		Sender:        meta.Sender,
		ContentSha256: msg.ContentSha256,
		Payload:       msg.Payload,
		CommunityId:   t.CommunityId,
		Time:          now,
	}); err != nil {
		return nil, err
	}
	return &types.MsgPostMessageResponse{Seq: seq}, nil
}

// MarkRead moves the member's read mark of a thread forward to seq. The
// member must be one the thread counts and an active member of its
// community, as for posting. A seq
// beyond the last message is rejected; a seq at or below the current mark
// is accepted and changes nothing (no write, no event), so clients may
// send marks out of order.
func (s msgServer) MarkRead(ctx context.Context, msg *types.MsgMarkRead) (*types.MsgMarkReadResponse, error) {
	member, err := s.parseAddress("member", msg.Member)
	if err != nil {
		return nil, err
	}
	t, err := s.requireReader(ctx, msg.ThreadId, msg.CommunityId, member)
	if err != nil {
		return nil, err
	}
	if msg.Seq > t.LastSeq {
		return nil, types.ErrSeqBeyondLast.Wrapf("seq %d, thread %d ends at %d", msg.Seq, t.Id, t.LastSeq)
	}
	current, err := s.ReadSeq(ctx, t.Id, member)
	if err != nil {
		return nil, err
	}
	if msg.Seq <= current {
		return &types.MsgMarkReadResponse{ReadSeq: current}, nil
	}

	if err := s.ReadMarks.Set(ctx, collections.Join(t.Id, member), msg.Seq); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventMessagesRead{
		ThreadId: t.Id,
		Member:   s.formatAddress(member),
		Seq:      msg.Seq,
	}); err != nil {
		return nil, err
	}
	return &types.MsgMarkReadResponse{ReadSeq: msg.Seq}, nil
}

// requireReader returns the thread, after checking the community the Msg
// states and that addr is a member the thread counts and an active member
// of its community: what posting and marking read both need.
func (s msgServer) requireReader(ctx context.Context, threadID, communityID uint64, addr sdk.AccAddress) (types.Thread, error) {
	t, err := s.GetThread(ctx, threadID)
	if err != nil {
		return types.Thread{}, err
	}
	if err := types.CheckCommunity(communityID, t.CommunityId, "the thread"); err != nil {
		return types.Thread{}, err
	}
	if err := s.requireThreadMember(ctx, t, addr); err != nil {
		return types.Thread{}, err
	}
	if err := s.requireActiveMember(ctx, t.CommunityId, addr); err != nil {
		return types.Thread{}, err
	}
	return t, nil
}
