// Package keeper holds the state of the messaging module: threads, the
// metadata of their messages, the members' read marks and the pending group
// invitations, with the Msg and Query servers that change and read them and
// the community hooks that count members' departures, after which their
// group memberships lapse. Message payloads never enter this state.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// MemberThreadKey is the key of Keeper.ThreadsByMember: (member, community
// id, thread id), so that the threads of a member are listed everywhere or
// in one community from one prefix.
type MemberThreadKey = collections.Triple[sdk.AccAddress, uint64, uint64]

// InvitationKey is the key of Keeper.Invitations: (invitee, community id,
// thread id), so that the invitations of an account in one community are
// counted from one prefix.
type InvitationKey = collections.Triple[sdk.AccAddress, uint64, uint64]

// DirectThreadKey is the key of Keeper.DirectThreads: (community id, lower
// address, higher address).
type DirectThreadKey = collections.Triple[uint64, sdk.AccAddress, sdk.AccAddress]

// Keeper owns the messaging module's store.
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService corestore.KVStoreService
	addressCodec address.Codec
	// authority may change the params: the governance module account.
	authority       string
	communityKeeper types.CommunityKeeper
	adsKeeper       types.AdsKeeper

	Schema       collections.Schema
	Params       collections.Item[types.Params]
	NextThreadID collections.Sequence
	// Threads are the threads by id.
	Threads collections.Map[uint64, types.Thread]
	// ThreadsByMember indexes the members of every thread.
	ThreadsByMember collections.KeySet[MemberThreadKey]
	// AdThreads maps (ad id, requester) to the thread opened about the ad.
	AdThreads collections.Map[collections.Pair[uint64, sdk.AccAddress], uint64]
	// DirectThreads maps a community and an unordered pair to their thread.
	DirectThreads collections.Map[DirectThreadKey, uint64]
	// Messages holds the metadata of every message by (thread id, seq).
	Messages collections.Map[collections.Pair[uint64, uint64], types.MessageMeta]
	// ReadMarks holds the non-zero read marks by (thread id, member).
	ReadMarks collections.Map[collections.Pair[uint64, sdk.AccAddress], uint64]
	// Departures counts, by (community id, account), how many times the
	// account stopped being an active member of the community; absent is 0.
	Departures collections.Map[collections.Pair[uint64, sdk.AccAddress], uint64]
	// GroupMembers holds, by (thread id, member), the member's departure
	// count when it joined the group; absent is 0.
	GroupMembers collections.Map[collections.Pair[uint64, sdk.AccAddress], uint64]
	// Invitations holds the pending group invitations.
	Invitations collections.Map[InvitationKey, types.Invitation]
	// ThreadInvitees indexes the invitations by (thread id, invitee).
	ThreadInvitees collections.KeySet[collections.Pair[uint64, sdk.AccAddress]]
	// MessagingKeys holds the messaging key each account published.
	MessagingKeys collections.Map[sdk.AccAddress, types.MessagingKey]
}

// NewKeeper returns the messaging keeper. It panics on wiring mistakes: a
// nil dependency or an authority the address codec cannot decode.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	authority string,
	communityKeeper types.CommunityKeeper,
	adsKeeper types.AdsKeeper,
) Keeper {
	if cdc == nil {
		panic("messaging keeper: nil codec")
	}
	if storeService == nil {
		panic("messaging keeper: nil store service")
	}
	if addressCodec == nil {
		panic("messaging keeper: nil address codec")
	}
	if communityKeeper == nil {
		panic("messaging keeper: nil community keeper")
	}
	if adsKeeper == nil {
		panic("messaging keeper: nil ads keeper")
	}
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("messaging keeper: invalid authority %q: %v", authority, err))
	}

	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:             cdc,
		storeService:    storeService,
		addressCodec:    addressCodec,
		authority:       authority,
		communityKeeper: communityKeeper,
		adsKeeper:       adsKeeper,

		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextThreadID: collections.NewSequence(sb, types.NextThreadIDKey, "next_thread_id"),
		Threads: collections.NewMap(sb, types.ThreadsKey, "threads",
			collections.Uint64Key, codec.CollValue[types.Thread](cdc)),
		ThreadsByMember: collections.NewKeySet(sb, types.ThreadsByMemberKey, "threads_by_member",
			collections.TripleKeyCodec(sdk.AccAddressKey, collections.Uint64Key, collections.Uint64Key)),
		AdThreads: collections.NewMap(sb, types.AdThreadsKey, "ad_threads",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Value),
		DirectThreads: collections.NewMap(sb, types.DirectThreadsKey, "direct_threads",
			collections.TripleKeyCodec(collections.Uint64Key, sdk.AccAddressKey, sdk.AccAddressKey), collections.Uint64Value),
		Messages: collections.NewMap(sb, types.MessagesKey, "messages",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.MessageMeta](cdc)),
		ReadMarks: collections.NewMap(sb, types.ReadMarksKey, "read_marks",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Value),
		Departures: collections.NewMap(sb, types.DeparturesKey, "departures",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Value),
		GroupMembers: collections.NewMap(sb, types.GroupMembersKey, "group_members",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Value),
		Invitations: collections.NewMap(sb, types.InvitationsKey, "invitations",
			collections.TripleKeyCodec(sdk.AccAddressKey, collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Invitation](cdc)),
		ThreadInvitees: collections.NewKeySet(sb, types.ThreadInviteesKey, "thread_invitees",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey)),
		MessagingKeys: collections.NewMap(sb, types.MessagingKeysKey, "messaging_keys",
			sdk.AccAddressKey, codec.CollValue[types.MessagingKey](cdc)),
	}

	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("messaging keeper: %v", err))
	}
	k.Schema = schema
	return k
}

// GetAuthority returns the account allowed to change the params.
func (k Keeper) GetAuthority() string {
	return k.authority
}

// AddressCodec returns the codec of account addresses.
func (k Keeper) AddressCodec() address.Codec {
	return k.addressCodec
}
