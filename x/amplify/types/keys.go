// Package types holds the amplify module's wire types and the pure
// Kiwistand-compatible rules: EIP-712 hashing, signature recovery, the
// message index, href normalization and the message schema.
package types

import (
	"cosmossdk.io/collections"
)

const (
	// ModuleName is the name of the amplify module.
	ModuleName = "amplify"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes. Never reuse or renumber one: they address existing state.
// The messages (2) are indexed by seq (3), amplify and reaction markers (4,
// 5), votes (6) and comment digests (14); the delegations (7) by identity
// (8); the links (9) by Ethereum address (10).
var (
	ParamsKey            = collections.NewPrefix(0)
	NextSeqKey           = collections.NewPrefix(1)
	MessagesKey          = collections.NewPrefix(2)
	MessagesBySeqKey     = collections.NewPrefix(3)
	AmplifyMarkersKey    = collections.NewPrefix(4)
	ReactionMarkersKey   = collections.NewPrefix(5)
	VotesKey             = collections.NewPrefix(6)
	DelegationsKey       = collections.NewPrefix(7)
	DelegationsByFromKey = collections.NewPrefix(8)
	LinksKey             = collections.NewPrefix(9)
	LinksByEthKey        = collections.NewPrefix(10)
	ConsentNoncesKey     = collections.NewPrefix(11)
	MessagesByTypeKey    = collections.NewPrefix(12)
	TypeCountsKey        = collections.NewPrefix(13)
	CommentDigestsKey    = collections.NewPrefix(14)
)
