// Package keeper holds the state of the bridge module: the validators'
// Ethereum keys, the valsets the contract checks signatures against and the
// validators' signatures of them, with the Msg and Query servers that
// change and read them.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

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
	authority     string
	stakingKeeper types.StakingKeeper

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
}

// NewKeeper returns the bridge keeper. It panics on wiring mistakes: a nil
// dependency or an authority the address codec cannot decode.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	validatorCodec address.Codec,
	authority string,
	stakingKeeper types.StakingKeeper,
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
	}
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("bridge keeper: invalid authority %q: %v", authority, err))
	}

	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:            cdc,
		storeService:   storeService,
		addressCodec:   addressCodec,
		validatorCodec: validatorCodec,
		authority:      authority,
		stakingKeeper:  stakingKeeper,

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
