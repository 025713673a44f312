package types

import (
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

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
	MembersByStatusKey   = collections.NewPrefix(8)
)

// NameKey is the form under which community names are unique: names that
// differ only in letter case or Unicode composition collide ("ſam" and "Sam",
// "ΣΑΣ" and "σας").
func NameKey(name string) string {
	return foldKey(name)
}

// UsernameKey is the form under which usernames are unique inside a
// community: usernames that differ only in letter case collide.
func UsernameKey(username string) string {
	return foldKey(username)
}

// foldKey applies Unicode full case folding to the NFC form of s. The tables
// come from golang.org/x/text at the version go.mod pins, not from the Go
// release a validator was built with, so every node derives the same keys.
func foldKey(s string) string {
	return cases.Fold().String(norm.NFC.String(s))
}
