package types

import (
	"cosmossdk.io/collections"
)

const (
	// ModuleName is the name of the ads module.
	ModuleName = "ads"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// FirstAdID is the id of the first ad ever created.
	FirstAdID uint64 = 1
)

// Store prefixes. Never reuse or renumber one: they address existing state.
var (
	ParamsKey                   = collections.NewPrefix(0)
	NextAdIDKey                 = collections.NewPrefix(1)
	AdsKey                      = collections.NewPrefix(2)
	AdsByCommunityKey           = collections.NewPrefix(3)
	AdsByCommunityTypeKey       = collections.NewPrefix(4)
	AdsByCommunityStatusKey     = collections.NewPrefix(5)
	AdsByCommunityTypeStatusKey = collections.NewPrefix(6)
	AdsByOwnerKey               = collections.NewPrefix(7)
	AdsByCommunityOwnerKey      = collections.NewPrefix(8)
)
