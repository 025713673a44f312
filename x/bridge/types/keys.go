package types

import (
	"cosmossdk.io/collections"
)

const (
	// ModuleName is the name of the bridge module.
	ModuleName = "bridge"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// FirstValsetNonce is the nonce of the first valset; the contract is
	// deployed with a valset and accepts the next nonce only.
	FirstValsetNonce uint64 = 1
)

// Store prefixes. Never reuse or renumber one: they address existing state.
var (
	ParamsKey         = collections.NewPrefix(0)
	RegistrationsKey  = collections.NewPrefix(1)
	EthereumOwnersKey = collections.NewPrefix(2)
	OrchestratorsKey  = collections.NewPrefix(3)
	ValsetsKey        = collections.NewPrefix(4)
	ValsetConfirmsKey = collections.NewPrefix(5)
)
