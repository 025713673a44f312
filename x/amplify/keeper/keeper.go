// Package keeper holds the state of the amplify module: accepted Kiwistand
// messages with their uniqueness markers and vote index, delegations of
// signing keys, links of Ethereum addresses to accounts, and the Msg and
// Query servers that change and read them. It reads x/community to decide
// which identities may post.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// VoteKey is the key of MessageIndexes.Votes: (link, seq of the amplify), so
// that the voters of a link list in acceptance order.
type VoteKey = collections.Pair[string, uint64]

// MessageIndexes are the secondary indexes of Keeper.Messages. Besides Seq
// they are partial: Kiwistand's markers and the votes each concern one kind
// of message.
type MessageIndexes struct {
	// Seq maps the acceptance order to the index.
	Seq *indexes.Unique[uint64, string, types.StoredMessage]
	// AmplifyMarkers are the (identity, link) pairs amplified.
	AmplifyMarkers *PartialIndex[collections.Pair[string, string], collections.NoValue]
	// ReactionMarkers are the (identity, parent href) pairs reacted to.
	ReactionMarkers *PartialIndex[collections.Pair[string, string], collections.NoValue]
	// CommentDigests are the (identity, EIP-712 digest) pairs of the
	// accepted comments: a comment is one per identity and content, however
	// its signature is encoded.
	CommentDigests *PartialIndex[collections.Pair[string, []byte], collections.NoValue]
	// Votes maps the amplifies of every link to their identity.
	Votes *PartialIndex[VoteKey, string]
}

// IndexesList implements collections.Indexes.
func (i MessageIndexes) IndexesList() []collections.Index[string, types.StoredMessage] {
	return []collections.Index[string, types.StoredMessage]{
		i.Seq, i.AmplifyMarkers, i.ReactionMarkers, i.CommentDigests, i.Votes,
	}
}

// DelegationIndexes are the secondary indexes of Keeper.Delegations.
type DelegationIndexes struct {
	// From lists the signing keys of every identity: (identity, signing key).
	From *indexes.Multi[string, string, string]
}

// IndexesList implements collections.Indexes.
func (i DelegationIndexes) IndexesList() []collections.Index[string, string] {
	return []collections.Index[string, string]{i.From}
}

// LinkIndexes are the secondary indexes of Keeper.Links.
type LinkIndexes struct {
	// Eth maps an Ethereum address to its account; it makes an address
	// linked to one account.
	Eth *indexes.Unique[string, sdk.AccAddress, string]
}

// IndexesList implements collections.Indexes.
func (i LinkIndexes) IndexesList() []collections.Index[sdk.AccAddress, string] {
	return []collections.Index[sdk.AccAddress, string]{i.Eth}
}

// Keeper owns the amplify module's store. Ethereum addresses are stored in
// their checksummed form.
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService corestore.KVStoreService
	addressCodec address.Codec
	// authority may change the params: the governance module account.
	authority       string
	communityKeeper types.CommunityKeeper

	Schema  collections.Schema
	Params  collections.Item[types.Params]
	NextSeq collections.Sequence
	// Messages are the accepted messages by index.
	Messages *collections.IndexedMap[string, types.StoredMessage, MessageIndexes]
	// MessagesByType maps (type, position within the type) to the index.
	// A position is handed out on acceptance, so it is not a function of the
	// message and storeMessage keeps it with TypeCounts.
	MessagesByType collections.Map[collections.Pair[string, uint64], string]
	// TypeCounts counts the messages of each type.
	TypeCounts collections.Map[string, uint64]
	// Delegations maps a signing key to its identity.
	Delegations *collections.IndexedMap[string, string, DelegationIndexes]
	// Links maps an account to its Ethereum address.
	Links *collections.IndexedMap[sdk.AccAddress, string, LinkIndexes]
	// ConsentNonces are the next consent nonces by Ethereum address.
	ConsentNonces collections.Map[string, uint64]
}

// NewKeeper returns the amplify keeper. It panics on wiring mistakes: a nil
// dependency or an authority the address codec cannot decode.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	authority string,
	communityKeeper types.CommunityKeeper,
) Keeper {
	if cdc == nil {
		panic("amplify keeper: nil codec")
	}
	if storeService == nil {
		panic("amplify keeper: nil store service")
	}
	if addressCodec == nil {
		panic("amplify keeper: nil address codec")
	}
	if communityKeeper == nil {
		panic("amplify keeper: nil community keeper")
	}
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("amplify keeper: invalid authority %q: %v", authority, err))
	}

	markerKeyCodec := collections.PairKeyCodec(collections.StringKey, collections.StringKey)
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:             cdc,
		storeService:    storeService,
		addressCodec:    addressCodec,
		authority:       authority,
		communityKeeper: communityKeeper,

		Params:  collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextSeq: collections.NewSequence(sb, types.NextSeqKey, "next_seq"),
		Messages: collections.NewIndexedMap(
			sb, types.MessagesKey, "messages",
			collections.StringKey, codec.CollValue[types.StoredMessage](cdc),
			MessageIndexes{
				Seq: indexes.NewUnique(
					sb, types.MessagesBySeqKey, "messages_by_seq",
					collections.Uint64Key, collections.StringKey,
					func(_ string, m types.StoredMessage) (uint64, error) { return m.Seq, nil },
				),
				AmplifyMarkers: NewPartialIndex(
					sb, types.AmplifyMarkersKey, "amplify_markers",
					markerKeyCodec, collections.NoValue{}, amplifyMarker,
				),
				ReactionMarkers: NewPartialIndex(
					sb, types.ReactionMarkersKey, "reaction_markers",
					markerKeyCodec, collections.NoValue{}, reactionMarker,
				),
				CommentDigests: NewPartialIndex(
					sb, types.CommentDigestsKey, "comment_digests",
					collections.PairKeyCodec(collections.StringKey, collections.BytesKey), collections.NoValue{}, commentDigest,
				),
				Votes: NewPartialIndex(
					sb, types.VotesKey, "votes",
					collections.PairKeyCodec(collections.StringKey, collections.Uint64Key), collections.StringValue, vote,
				),
			},
		),
		MessagesByType: collections.NewMap(sb, types.MessagesByTypeKey, "messages_by_type",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key), collections.StringValue),
		TypeCounts: collections.NewMap(sb, types.TypeCountsKey, "type_counts",
			collections.StringKey, collections.Uint64Value),
		Delegations: collections.NewIndexedMap(
			sb, types.DelegationsKey, "delegations",
			collections.StringKey, collections.StringValue,
			DelegationIndexes{
				From: indexes.NewMulti(
					sb, types.DelegationsByFromKey, "delegations_by_from",
					collections.StringKey, collections.StringKey,
					func(_, from string) (string, error) { return from, nil },
				),
			},
		),
		Links: collections.NewIndexedMap(
			sb, types.LinksKey, "links",
			sdk.AccAddressKey, collections.StringValue,
			LinkIndexes{
				Eth: indexes.NewUnique(
					sb, types.LinksByEthKey, "links_by_eth",
					collections.StringKey, sdk.AccAddressKey,
					func(_ sdk.AccAddress, eth string) (string, error) { return eth, nil },
				),
			},
		),
		ConsentNonces: collections.NewMap(sb, types.ConsentNoncesKey, "consent_nonces",
			collections.StringKey, collections.Uint64Value),
	}

	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("amplify keeper: %v", err))
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
