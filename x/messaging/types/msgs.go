package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// The module's Msgs. Their fields are checked by the Msg server against the
// current params, before any state is written; there is no ValidateBasic
// because every limit is a param.
var (
	_ sdk.Msg = &MsgOpenAdThread{}
	_ sdk.Msg = &MsgOpenDirectThread{}
	_ sdk.Msg = &MsgCreateGroupThread{}
	_ sdk.Msg = &MsgUpdateGroupThread{}
	_ sdk.Msg = &MsgPostMessage{}
	_ sdk.Msg = &MsgMarkRead{}
	_ sdk.Msg = &MsgAcceptGroupInvite{}
	_ sdk.Msg = &MsgDeclineGroupInvite{}
	_ sdk.Msg = &MsgSetMessagingKey{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// Every Msg acting on a community, a thread or an ad can name its
// community.
var (
	_ communitytypes.CommunityMsg = &MsgOpenAdThread{}
	_ communitytypes.CommunityMsg = &MsgOpenDirectThread{}
	_ communitytypes.CommunityMsg = &MsgCreateGroupThread{}
	_ communitytypes.CommunityMsg = &MsgUpdateGroupThread{}
	_ communitytypes.CommunityMsg = &MsgPostMessage{}
	_ communitytypes.CommunityMsg = &MsgMarkRead{}
	_ communitytypes.CommunityMsg = &MsgAcceptGroupInvite{}
	_ communitytypes.CommunityMsg = &MsgDeclineGroupInvite{}
	_ communitytypes.CommunityMsg = &MsgSetMessagingKey{}
)

// CheckCommunity returns nil when stated is 0 (not stated) or the actual
// community of the thread or ad, and ErrCommunityMismatch otherwise.
func CheckCommunity(stated, actual uint64, what string) error {
	if stated != 0 && stated != actual {
		return ErrCommunityMismatch.Wrapf("community_id %d, but %s is in community %d", stated, what, actual)
	}
	return nil
}
