package types

import (
	"cosmossdk.io/collections"
)

const (
	// ModuleName is the name of the messaging module.
	ModuleName = "messaging"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// FirstThreadID is the id of the first thread ever opened.
	FirstThreadID uint64 = 1

	// MaxUnreadThreads is the most threads one UnreadCount query scans, so
	// that the query's work does not grow with the member's threads.
	MaxUnreadThreads = 100

	// MessagingKeySize is the size of an X25519 public key.
	MessagingKeySize = 32
)

// Store prefixes. Never reuse or renumber one: they address existing state.
var (
	ParamsKey          = collections.NewPrefix(0)
	NextThreadIDKey    = collections.NewPrefix(1)
	ThreadsKey         = collections.NewPrefix(2)
	ThreadsByMemberKey = collections.NewPrefix(3)
	AdThreadsKey       = collections.NewPrefix(4)
	DirectThreadsKey   = collections.NewPrefix(5)
	MessagesKey        = collections.NewPrefix(6)
	ReadMarksKey       = collections.NewPrefix(7)
	DeparturesKey      = collections.NewPrefix(8)
	GroupMembersKey    = collections.NewPrefix(9)
	InvitationsKey     = collections.NewPrefix(10)
	ThreadInviteesKey  = collections.NewPrefix(11)
	MessagingKeysKey   = collections.NewPrefix(12)
)
