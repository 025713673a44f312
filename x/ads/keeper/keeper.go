// Package keeper holds the state of the ads module, the Msg and Query servers
// that change and read it, and the payment checks x/ledger calls.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// TypeStatusKey is the reference key of ads by (community, type, status).
type TypeStatusKey = collections.Triple[uint64, int32, int32]

// AdIndexes are the secondary indexes of Keeper.Ads. Every filter of
// Query/Ads maps to one index prefix, so a page reads only matching ads;
// owner filters combined with type or status read the owner's ads in the
// community.
type AdIndexes struct {
	// Community lists the ads of a community: (community id, ad id).
	Community *indexes.Multi[uint64, uint64, types.Ad]
	// CommunityType lists them by type: ((community id, type), ad id).
	CommunityType *indexes.Multi[collections.Pair[uint64, int32], uint64, types.Ad]
	// CommunityStatus lists them by status: ((community id, status), ad id).
	CommunityStatus *indexes.Multi[collections.Pair[uint64, int32], uint64, types.Ad]
	// CommunityTypeStatus lists them by type and status:
	// ((community id, type, status), ad id).
	CommunityTypeStatus *indexes.Multi[TypeStatusKey, uint64, types.Ad]
	// Owner lists the ads of an account in every community: (owner, ad id).
	Owner *indexes.Multi[sdk.AccAddress, uint64, types.Ad]
	// CommunityOwner lists the ads of an account in one community:
	// ((community id, owner), ad id).
	CommunityOwner *indexes.Multi[collections.Pair[uint64, sdk.AccAddress], uint64, types.Ad]
}

// IndexesList implements collections.Indexes.
func (i AdIndexes) IndexesList() []collections.Index[uint64, types.Ad] {
	return []collections.Index[uint64, types.Ad]{
		i.Community, i.CommunityType, i.CommunityStatus, i.CommunityTypeStatus, i.Owner, i.CommunityOwner,
	}
}

// Keeper owns the ads module's store.
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService corestore.KVStoreService
	addressCodec address.Codec
	// authority may change the params: the governance module account.
	authority       string
	communityKeeper types.CommunityKeeper

	Schema   collections.Schema
	Params   collections.Item[types.Params]
	NextAdID collections.Sequence
	Ads      *collections.IndexedMap[uint64, types.Ad, AdIndexes]
}

// NewKeeper returns the ads keeper. It panics on wiring mistakes: a nil
// dependency or an authority the address codec cannot decode.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	authority string,
	communityKeeper types.CommunityKeeper,
) Keeper {
	if cdc == nil {
		panic("ads keeper: nil codec")
	}
	if storeService == nil {
		panic("ads keeper: nil store service")
	}
	if addressCodec == nil {
		panic("ads keeper: nil address codec")
	}
	if communityKeeper == nil {
		panic("ads keeper: nil community keeper")
	}
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("ads keeper: invalid authority %q: %v", authority, err))
	}

	// ownerOf decodes the owner of an ad for the owner indexes; the stored
	// owner is always in the codec's canonical form.
	ownerOf := func(ad types.Ad) (sdk.AccAddress, error) {
		return addressCodec.StringToBytes(ad.Owner)
	}
	communityTypeCodec := collections.PairKeyCodec(collections.Uint64Key, collections.Int32Key)

	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:             cdc,
		storeService:    storeService,
		addressCodec:    addressCodec,
		authority:       authority,
		communityKeeper: communityKeeper,

		Params:   collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextAdID: collections.NewSequence(sb, types.NextAdIDKey, "next_ad_id"),
		Ads: collections.NewIndexedMap(
			sb, types.AdsKey, "ads",
			collections.Uint64Key, codec.CollValue[types.Ad](cdc),
			AdIndexes{
				Community: indexes.NewMulti(
					sb, types.AdsByCommunityKey, "ads_by_community",
					collections.Uint64Key, collections.Uint64Key,
					func(_ uint64, ad types.Ad) (uint64, error) { return ad.CommunityId, nil },
				),
				CommunityType: indexes.NewMulti(
					sb, types.AdsByCommunityTypeKey, "ads_by_community_type",
					communityTypeCodec, collections.Uint64Key,
					func(_ uint64, ad types.Ad) (collections.Pair[uint64, int32], error) {
						return collections.Join(ad.CommunityId, int32(ad.Type)), nil
					},
				),
				CommunityStatus: indexes.NewMulti(
					sb, types.AdsByCommunityStatusKey, "ads_by_community_status",
					communityTypeCodec, collections.Uint64Key,
					func(_ uint64, ad types.Ad) (collections.Pair[uint64, int32], error) {
						return collections.Join(ad.CommunityId, int32(ad.Status)), nil
					},
				),
				CommunityTypeStatus: indexes.NewMulti(
					sb, types.AdsByCommunityTypeStatusKey, "ads_by_community_type_status",
					collections.TripleKeyCodec(collections.Uint64Key, collections.Int32Key, collections.Int32Key), collections.Uint64Key,
					func(_ uint64, ad types.Ad) (TypeStatusKey, error) {
						return collections.Join3(ad.CommunityId, int32(ad.Type), int32(ad.Status)), nil
					},
				),
				Owner: indexes.NewMulti(
					sb, types.AdsByOwnerKey, "ads_by_owner",
					sdk.AccAddressKey, collections.Uint64Key,
					func(_ uint64, ad types.Ad) (sdk.AccAddress, error) { return ownerOf(ad) },
				),
				CommunityOwner: indexes.NewMulti(
					sb, types.AdsByCommunityOwnerKey, "ads_by_community_owner",
					collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Key,
					func(_ uint64, ad types.Ad) (collections.Pair[uint64, sdk.AccAddress], error) {
						owner, err := ownerOf(ad)
						if err != nil {
							return collections.Pair[uint64, sdk.AccAddress]{}, err
						}
						return collections.Join(ad.CommunityId, owner), nil
					},
				),
			},
		),
	}

	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("ads keeper: %v", err))
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
