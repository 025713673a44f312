// Package keeper holds the state of the community module and the Msg and
// Query servers that change and read it.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

// MemberKey is the primary key of a member: (community id, account).
type MemberKey = collections.Pair[uint64, sdk.AccAddress]

// CommunityIndexes are the secondary indexes of Keeper.Communities.
type CommunityIndexes struct {
	// Name maps types.NameKey(name) to the community id; it makes names
	// unique ignoring case, white space runs and look-alike characters.
	Name *indexes.Unique[string, uint64, types.Community]
}

// IndexesList implements collections.Indexes.
func (i CommunityIndexes) IndexesList() []collections.Index[uint64, types.Community] {
	return []collections.Index[uint64, types.Community]{i.Name}
}

// MemberIndexes are the secondary indexes of Keeper.Members.
type MemberIndexes struct {
	// Address lists the communities of an account: (account, community id).
	Address *indexes.ReversePair[uint64, sdk.AccAddress, types.Member]
	// Username maps (community id, types.UsernameKey(username)) to the
	// member; it makes usernames unique case-insensitively per community.
	Username *indexes.Unique[collections.Pair[uint64, string], MemberKey, types.Member]
	// Role lists the members of a community by role: (community id, role).
	Role *indexes.Multi[collections.Pair[uint64, int32], MemberKey, types.Member]
	// Status lists the members of a community by status: (community id,
	// status); listing pending requests reads only those.
	Status *indexes.Multi[collections.Pair[uint64, int32], MemberKey, types.Member]
}

// IndexesList implements collections.Indexes.
func (i MemberIndexes) IndexesList() []collections.Index[MemberKey, types.Member] {
	return []collections.Index[MemberKey, types.Member]{i.Address, i.Username, i.Role, i.Status}
}

// Keeper owns the community module's store.
//
// Keeper is used by value; copies share the hooks set with SetHooks.
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService corestore.KVStoreService
	addressCodec address.Codec
	// authority may change the params: the governance module account.
	authority string
	hooks     *hooksSlot

	Schema          collections.Schema
	Params          collections.Item[types.Params]
	NextCommunityID collections.Sequence
	Communities     *collections.IndexedMap[uint64, types.Community, CommunityIndexes]
	Members         *collections.IndexedMap[MemberKey, types.Member, MemberIndexes]
}

// hooksSlot lets every copy of a Keeper see the hooks set after the copy.
type hooksSlot struct {
	hooks types.CommunityHooks
}

// NewKeeper returns the community keeper. It panics on wiring mistakes: a
// nil dependency or an authority the address codec cannot decode.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	authority string,
) Keeper {
	if cdc == nil {
		panic("community keeper: nil codec")
	}
	if storeService == nil {
		panic("community keeper: nil store service")
	}
	if addressCodec == nil {
		panic("community keeper: nil address codec")
	}
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("community keeper: invalid authority %q: %v", authority, err))
	}

	memberKeyCodec := collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey)
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:          cdc,
		storeService: storeService,
		addressCodec: addressCodec,
		authority:    authority,
		hooks:        &hooksSlot{},

		Params:          collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextCommunityID: collections.NewSequence(sb, types.NextCommunityIDKey, "next_community_id"),
		Communities: collections.NewIndexedMap(
			sb, types.CommunitiesKey, "communities",
			collections.Uint64Key, codec.CollValue[types.Community](cdc),
			CommunityIndexes{
				Name: indexes.NewUnique(
					sb, types.CommunitiesByNameKey, "communities_by_name",
					collections.StringKey, collections.Uint64Key,
					func(_ uint64, c types.Community) (string, error) { return types.NameKey(c.Name), nil },
				),
			},
		),
		Members: collections.NewIndexedMap(
			sb, types.MembersKey, "members",
			memberKeyCodec, codec.CollValue[types.Member](cdc),
			MemberIndexes{
				Address: indexes.NewReversePair[types.Member](
					sb, types.MembersByAddressKey, "members_by_address", memberKeyCodec,
				),
				Username: indexes.NewUnique(
					sb, types.MembersByUsernameKey, "members_by_username",
					collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), memberKeyCodec,
					func(pk MemberKey, m types.Member) (collections.Pair[uint64, string], error) {
						return collections.Join(pk.K1(), types.UsernameKey(m.Profile.Username)), nil
					},
				),
				Role: indexes.NewMulti(
					sb, types.MembersByRoleKey, "members_by_role",
					collections.PairKeyCodec(collections.Uint64Key, collections.Int32Key), memberKeyCodec,
					func(pk MemberKey, m types.Member) (collections.Pair[uint64, int32], error) {
						return collections.Join(pk.K1(), int32(m.Role)), nil
					},
				),
				Status: indexes.NewMulti(
					sb, types.MembersByStatusKey, "members_by_status",
					collections.PairKeyCodec(collections.Uint64Key, collections.Int32Key), memberKeyCodec,
					func(pk MemberKey, m types.Member) (collections.Pair[uint64, int32], error) {
						return collections.Join(pk.K1(), int32(m.Status)), nil
					},
				),
			},
		),
	}

	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("community keeper: %v", err))
	}
	k.Schema = schema
	return k
}

// SetHooks installs the hooks run on membership changes; combine several
// with types.NewMultiCommunityHooks. It may be called once, while wiring the
// app.
func (k Keeper) SetHooks(hooks types.CommunityHooks) {
	if hooks == nil {
		panic("community keeper: nil hooks")
	}
	if k.hooks.hooks != nil {
		panic("community keeper: hooks already set")
	}
	k.hooks.hooks = hooks
}

// GetAuthority returns the account allowed to change the params.
func (k Keeper) GetAuthority() string {
	return k.authority
}

// AddressCodec returns the codec of account addresses.
func (k Keeper) AddressCodec() address.Codec {
	return k.addressCodec
}
