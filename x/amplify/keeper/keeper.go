// Package keeper holds the state of the amplify module: accepted Kiwistand
// messages with their uniqueness markers and vote index, delegations of
// signing keys, links of Ethereum addresses to accounts, and the Msg and
// Query servers that change and read them. It reads x/community to decide
// which identities may post.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// VoteKey is the key of Keeper.Votes: (link, seq of the amplify), so that
// the voters of a link list in acceptance order.
type VoteKey = collections.Pair[string, uint64]

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
	Messages collections.Map[string, types.StoredMessage]
	// MessagesBySeq maps the acceptance order to the index.
	MessagesBySeq collections.Map[uint64, string]
	// MessagesByType maps (type, position within the type) to the index.
	MessagesByType collections.Map[collections.Pair[string, uint64], string]
	// TypeCounts counts the messages of each type.
	TypeCounts collections.Map[string, uint64]
	// AmplifyMarkers are the (identity, link) pairs amplified.
	AmplifyMarkers collections.KeySet[collections.Pair[string, string]]
	// ReactionMarkers are the (identity, parent href) pairs reacted to.
	ReactionMarkers collections.KeySet[collections.Pair[string, string]]
	// CommentDigests are the (identity, EIP-712 digest) pairs of the
	// accepted comments: a comment is one per identity and content, however
	// its signature is encoded. Derived from Messages, like the markers.
	CommentDigests collections.KeySet[collections.Pair[string, []byte]]
	// Votes maps the amplifies of every link to their identity.
	Votes collections.Map[VoteKey, string]
	// Delegations maps a signing key to its identity.
	Delegations collections.Map[string, string]
	// DelegationsByFrom indexes the signing keys of every identity.
	DelegationsByFrom collections.KeySet[collections.Pair[string, string]]
	// Links maps an account to its Ethereum address.
	Links collections.Map[sdk.AccAddress, string]
	// LinksByEth maps an Ethereum address to its account.
	LinksByEth collections.Map[string, []byte]
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

	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:             cdc,
		storeService:    storeService,
		addressCodec:    addressCodec,
		authority:       authority,
		communityKeeper: communityKeeper,

		Params:  collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextSeq: collections.NewSequence(sb, types.NextSeqKey, "next_seq"),
		Messages: collections.NewMap(sb, types.MessagesKey, "messages",
			collections.StringKey, codec.CollValue[types.StoredMessage](cdc)),
		MessagesBySeq: collections.NewMap(sb, types.MessagesBySeqKey, "messages_by_seq",
			collections.Uint64Key, collections.StringValue),
		MessagesByType: collections.NewMap(sb, types.MessagesByTypeKey, "messages_by_type",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key), collections.StringValue),
		TypeCounts: collections.NewMap(sb, types.TypeCountsKey, "type_counts",
			collections.StringKey, collections.Uint64Value),
		AmplifyMarkers: collections.NewKeySet(sb, types.AmplifyMarkersKey, "amplify_markers",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey)),
		ReactionMarkers: collections.NewKeySet(sb, types.ReactionMarkersKey, "reaction_markers",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey)),
		CommentDigests: collections.NewKeySet(sb, types.CommentDigestsKey, "comment_digests",
			collections.PairKeyCodec(collections.StringKey, collections.BytesKey)),
		Votes: collections.NewMap(sb, types.VotesKey, "votes",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key), collections.StringValue),
		Delegations: collections.NewMap(sb, types.DelegationsKey, "delegations",
			collections.StringKey, collections.StringValue),
		DelegationsByFrom: collections.NewKeySet(sb, types.DelegationsByFromKey, "delegations_by_from",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey)),
		Links: collections.NewMap(sb, types.LinksKey, "links",
			sdk.AccAddressKey, collections.StringValue),
		LinksByEth: collections.NewMap(sb, types.LinksByEthKey, "links_by_eth",
			collections.StringKey, collections.BytesValue),
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
