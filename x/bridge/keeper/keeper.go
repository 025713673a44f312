// Package keeper holds the state of the bridge module: the validators'
// Ethereum keys and the valsets the contract checks signatures against,
// the denom ↔ ERC-20 registry, the transfers to Ethereum and their batches,
// the validators' signatures of valsets, batches and token deployments,
// and their claims of the contract's events; with the Msg and Query
// servers that change and read them and the end of block that snapshots
// valsets, observes claims and builds batches.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// ValsetConfirmKey addresses a validator's signature of a valset: (nonce,
// validator).
type ValsetConfirmKey = collections.Pair[uint64, sdk.ValAddress]

// valAddressValue stores a validator address as a value.
var valAddressValue = collcodec.KeyToValueCodec(sdk.ValAddressKey)

// Keeper owns the bridge module's store.
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService corestore.KVStoreService
	addressCodec address.Codec
	// validatorCodec writes validator operator addresses.
	validatorCodec address.Codec
	// authority may change the params: the governance module account.
	authority       string
	stakingKeeper   types.StakingKeeper
	ledgerKeeper    types.LedgerKeeper
	communityKeeper types.CommunityKeeper
	bankKeeper      types.BankKeeper
	distrKeeper     types.DistributionKeeper

	Schema collections.Schema
	Params collections.Item[types.Params]
	// Registrations are the validators' Ethereum keys and orchestrators.
	Registrations collections.Map[sdk.ValAddress, types.Registration]
	// EthereumOwners maps each registered Ethereum address (20 bytes) to its
	// validator: a key signs for one validator only.
	EthereumOwners collections.Map[[]byte, sdk.ValAddress]
	// Orchestrators maps each orchestrator account to its validator.
	Orchestrators collections.Map[sdk.AccAddress, sdk.ValAddress]
	// Valsets are the valset snapshots by nonce.
	Valsets collections.Map[uint64, types.Valset]
	// ValsetConfirms are the validators' signatures of the valsets.
	ValsetConfirms collections.Map[ValsetConfirmKey, types.ValsetConfirm]
	// Tokens is the registry by denom.
	Tokens collections.Map[string, types.BridgeToken]
	// TokenContracts maps each registered ERC-20 (20 bytes) to its denom.
	TokenContracts collections.Map[[]byte, string]
	// TokenDeployConfirms are the validators' signatures of deployments.
	TokenDeployConfirms collections.Map[collections.Pair[string, sdk.ValAddress], types.TokenDeployConfirm]
	// Transfers are the transfers to Ethereum not yet executed, by id.
	Transfers      collections.Map[uint64, types.OutgoingTransfer]
	NextTransferID collections.Sequence
	// Pool indexes the pooled transfers by PoolKey: for each token, the
	// highest fee first, then the oldest.
	Pool collections.KeySet[PoolKey]
	// PoolTokens holds the tokens with pooled transfers.
	PoolTokens collections.KeySet[[]byte]
	// SenderTransfers indexes the transfers by (sender, id).
	SenderTransfers collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	// Batches holds each token's outstanding batch.
	Batches collections.Map[[]byte, types.OutgoingBatch]
	// BatchConfirms are the validators' signatures of outstanding batches,
	// by (token, nonce, validator).
	BatchConfirms collections.Map[BatchConfirmKey, types.BatchConfirm]
	// LastBatchNonces holds the nonce of each token's last executed batch.
	LastBatchNonces collections.Map[[]byte, uint64]
	// EthereumHeight is the last Ethereum height the chain learned.
	EthereumHeight collections.Item[types.EthereumHeight]
	// Attestations are the claims by (event nonce, claim hash).
	Attestations collections.Map[collections.Pair[uint64, []byte], types.Attestation]
	// LastObservedNonce is the last event nonce executed.
	LastObservedNonce collections.Item[uint64]
	// ClaimNonces holds the event nonce of each validator's last claim.
	ClaimNonces collections.Map[sdk.ValAddress, uint64]
	// OnEthereum is what the chain counts of each token on Ethereum.
	OnEthereum collections.Map[[]byte, sdkmath.Int]
	// BatchTimeouts indexes the outstanding batches by (timeout, token).
	BatchTimeouts collections.KeySet[collections.Pair[uint64, []byte]]
	// StoredBridgeID is the chain's bridge id, fixed at genesis.
	StoredBridgeID collections.Item[[]byte]
}

// PoolKey addresses a pooled transfer: (token, fee rank, id), the fee rank
// being the 32-byte big-endian complement of its fee in token units, so
// that a token's transfers come highest fee first, then oldest first.
type PoolKey = collections.Triple[[]byte, []byte, uint64]

// BatchConfirmKey addresses a validator's signature of a batch: (token,
// nonce, validator).
type BatchConfirmKey = collections.Triple[[]byte, uint64, sdk.ValAddress]

// NewKeeper returns the bridge keeper. It panics on wiring mistakes: a nil
// dependency or an authority the address codec cannot decode.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	validatorCodec address.Codec,
	authority string,
	stakingKeeper types.StakingKeeper,
	ledgerKeeper types.LedgerKeeper,
	communityKeeper types.CommunityKeeper,
	bankKeeper types.BankKeeper,
	distrKeeper types.DistributionKeeper,
) Keeper {
	switch {
	case cdc == nil:
		panic("bridge keeper: nil codec")
	case storeService == nil:
		panic("bridge keeper: nil store service")
	case addressCodec == nil:
		panic("bridge keeper: nil address codec")
	case validatorCodec == nil:
		panic("bridge keeper: nil validator address codec")
	case stakingKeeper == nil:
		panic("bridge keeper: nil staking keeper")
	case ledgerKeeper == nil:
		panic("bridge keeper: nil ledger keeper")
	case communityKeeper == nil:
		panic("bridge keeper: nil community keeper")
	case bankKeeper == nil:
		panic("bridge keeper: nil bank keeper")
	case distrKeeper == nil:
		panic("bridge keeper: nil distribution keeper")
	}
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("bridge keeper: invalid authority %q: %v", authority, err))
	}

	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:             cdc,
		storeService:    storeService,
		addressCodec:    addressCodec,
		validatorCodec:  validatorCodec,
		authority:       authority,
		stakingKeeper:   stakingKeeper,
		ledgerKeeper:    ledgerKeeper,
		communityKeeper: communityKeeper,
		bankKeeper:      bankKeeper,
		distrKeeper:     distrKeeper,

		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Registrations: collections.NewMap(sb, types.RegistrationsKey, "registrations",
			sdk.ValAddressKey, codec.CollValue[types.Registration](cdc)),
		EthereumOwners: collections.NewMap(sb, types.EthereumOwnersKey, "ethereum_owners",
			collections.BytesKey, valAddressValue),
		Orchestrators: collections.NewMap(sb, types.OrchestratorsKey, "orchestrators",
			sdk.AccAddressKey, valAddressValue),
		Valsets: collections.NewMap(sb, types.ValsetsKey, "valsets",
			collections.Uint64Key, codec.CollValue[types.Valset](cdc)),
		ValsetConfirms: collections.NewMap(sb, types.ValsetConfirmsKey, "valset_confirms",
			collections.PairKeyCodec(collections.Uint64Key, sdk.ValAddressKey), codec.CollValue[types.ValsetConfirm](cdc)),
		Tokens: collections.NewMap(sb, types.TokensKey, "tokens",
			collections.StringKey, codec.CollValue[types.BridgeToken](cdc)),
		TokenContracts: collections.NewMap(sb, types.TokenContractsKey, "token_contracts",
			collections.BytesKey, collections.StringValue),
		TokenDeployConfirms: collections.NewMap(sb, types.TokenDeployConfirmsKey, "token_deploy_confirms",
			collections.PairKeyCodec(collections.StringKey, sdk.ValAddressKey), codec.CollValue[types.TokenDeployConfirm](cdc)),
		Transfers: collections.NewMap(sb, types.TransfersKey, "transfers",
			collections.Uint64Key, codec.CollValue[types.OutgoingTransfer](cdc)),
		NextTransferID: collections.NewSequence(sb, types.NextTransferIDKey, "next_transfer_id"),
		Pool: collections.NewKeySet(sb, types.PoolKey, "pool",
			collections.TripleKeyCodec(collections.BytesKey, collections.BytesKey, collections.Uint64Key)),
		PoolTokens: collections.NewKeySet(sb, types.PoolTokensKey, "pool_tokens", collections.BytesKey),
		SenderTransfers: collections.NewKeySet(sb, types.SenderTransfersKey, "sender_transfers",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		Batches: collections.NewMap(sb, types.BatchesKey, "batches",
			collections.BytesKey, codec.CollValue[types.OutgoingBatch](cdc)),
		BatchConfirms: collections.NewMap(sb, types.BatchConfirmsKey, "batch_confirms",
			collections.TripleKeyCodec(collections.BytesKey, collections.Uint64Key, sdk.ValAddressKey), codec.CollValue[types.BatchConfirm](cdc)),
		LastBatchNonces: collections.NewMap(sb, types.LastBatchNoncesKey, "last_batch_nonces",
			collections.BytesKey, collections.Uint64Value),
		EthereumHeight: collections.NewItem(sb, types.EthereumHeightKey, "ethereum_height", codec.CollValue[types.EthereumHeight](cdc)),
		Attestations: collections.NewMap(sb, types.AttestationsKey, "attestations",
			collections.PairKeyCodec(collections.Uint64Key, collections.BytesKey), codec.CollValue[types.Attestation](cdc)),
		LastObservedNonce: collections.NewItem(sb, types.LastObservedNonceKey, "last_observed_nonce", collections.Uint64Value),
		ClaimNonces:       collections.NewMap(sb, types.ClaimNoncesKey, "claim_nonces", sdk.ValAddressKey, collections.Uint64Value),
		OnEthereum:        collections.NewMap(sb, types.OnEthereumKey, "on_ethereum", collections.BytesKey, sdk.IntValue),
		BatchTimeouts: collections.NewKeySet(sb, types.BatchTimeoutsKey, "batch_timeouts",
			collections.PairKeyCodec(collections.Uint64Key, collections.BytesKey)),
		StoredBridgeID: collections.NewItem(sb, types.BridgeIDKey, "bridge_id", collections.BytesValue),
	}

	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("bridge keeper: %v", err))
	}
	k.Schema = schema
	return k
}

// GetAuthority returns the account allowed to change the params.
func (k Keeper) GetAuthority() string {
	return k.authority
}
