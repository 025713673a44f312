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

	// FirstTransferID is the id of the first transfer to Ethereum.
	FirstTransferID uint64 = 1

	// MaxBatchesPerBlock bounds the batches one block builds, so that the
	// end of a block does bounded work however many tokens wait.
	MaxBatchesPerBlock = 50

	// MaxObservationsPerBlock bounds the attestations one end of block
	// observes in a row; the next ones wait for the next block.
	MaxObservationsPerBlock = 50
)

// Store prefixes. Never reuse or renumber one: they address existing state.
var (
	ParamsKey         = collections.NewPrefix(0)
	RegistrationsKey  = collections.NewPrefix(1)
	EthereumOwnersKey = collections.NewPrefix(2)
	OrchestratorsKey  = collections.NewPrefix(3)
	ValsetsKey        = collections.NewPrefix(4)
	ValsetConfirmsKey = collections.NewPrefix(5)

	TokensKey              = collections.NewPrefix(6)
	TokenContractsKey      = collections.NewPrefix(7)
	TokenDeployConfirmsKey = collections.NewPrefix(8)
	TransfersKey           = collections.NewPrefix(9)
	NextTransferIDKey      = collections.NewPrefix(10)
	PoolKey                = collections.NewPrefix(11)
	SenderTransfersKey     = collections.NewPrefix(12)
	BatchesKey             = collections.NewPrefix(13)
	BatchConfirmsKey       = collections.NewPrefix(14)
	LastBatchNoncesKey     = collections.NewPrefix(15)
	EthereumHeightKey      = collections.NewPrefix(16)
	PoolTokensKey          = collections.NewPrefix(17)
	AttestationsKey        = collections.NewPrefix(18)
	LastObservedNonceKey   = collections.NewPrefix(19)
	ClaimNoncesKey         = collections.NewPrefix(20)
	OnEthereumKey          = collections.NewPrefix(21)
	BatchTimeoutsKey       = collections.NewPrefix(22)
	BridgeIDKey            = collections.NewPrefix(23)
)
