package types

import (
	"strings"

	"cosmossdk.io/collections"
)

const (
	// ModuleName is the name of the community module.
	ModuleName = "community"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// FirstCommunityID is the id of the first community ever created.
	FirstCommunityID uint64 = 1
)

// Store prefixes. Never reuse or renumber one: they address existing state.
var (
	ParamsKey            = collections.NewPrefix(0)
	NextCommunityIDKey   = collections.NewPrefix(1)
	CommunitiesKey       = collections.NewPrefix(2)
	CommunitiesByNameKey = collections.NewPrefix(3)
	MembersKey           = collections.NewPrefix(4)
	MembersByAddressKey  = collections.NewPrefix(5)
	MembersByUsernameKey = collections.NewPrefix(6)
	MembersByRoleKey     = collections.NewPrefix(7)
)

// NameKey is the form under which community names are unique: names that
// differ only in letter case collide.
func NameKey(name string) string {
	return strings.ToLower(name)
}

// UsernameKey is the form under which usernames are unique inside a
// community: usernames that differ only in letter case collide.
func UsernameKey(username string) string {
	return strings.ToLower(username)
}
