package keeper

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	amplifykeeper "github.com/kizuna-chain/kizuna/x/amplify/keeper"
	amplifytypes "github.com/kizuna-chain/kizuna/x/amplify/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// AmplifyFixture is an amplify keeper and the real community keeper it
// reads, over in-memory stores of one multistore.
type AmplifyFixture struct {
	Ctx       sdk.Context
	Keeper    amplifykeeper.Keeper
	Community communitykeeper.Keeper
	// StoreKey is the amplify module's store key, for tests that read the
	// raw store.
	StoreKey *storetypes.KVStoreKey
}

// AmplifyKeeper returns an AmplifyFixture with the default genesis of both
// modules loaded, the gov module account as authority, and a context at
// height 1 and BlockTime.
func AmplifyKeeper(tb testing.TB) AmplifyFixture {
	tb.Helper()

	key := storetypes.NewKVStoreKey(amplifytypes.StoreKey)
	communityKey := storetypes.NewKVStoreKey(communitytypes.StoreKey)
	ctx := testutil.DefaultContextWithKeys(
		map[string]*storetypes.KVStoreKey{amplifytypes.StoreKey: key, communitytypes.StoreKey: communityKey},
		map[string]*storetypes.TransientStoreKey{
			"transient_" + amplifytypes.StoreKey: storetypes.NewTransientStoreKey("transient_" + amplifytypes.StoreKey),
		},
		nil,
	).
		WithBlockHeight(1).
		WithBlockTime(BlockTime).
		WithEventManager(sdk.NewEventManager())

	registry := codectypes.NewInterfaceRegistry()
	amplifytypes.RegisterInterfaces(registry)
	communitytypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	addressCodec := addresscodec.NewBech32Codec(Bech32AccountPrefix)
	authority, err := addressCodec.BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(tb, err)

	ck := communitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(communityKey), addressCodec, authority)
	require.NoError(tb, ck.InitGenesis(ctx, communitytypes.DefaultGenesis()))
	k := amplifykeeper.NewKeeper(cdc, runtime.NewKVStoreService(key), addressCodec, authority, ck)
	require.NoError(tb, k.InitGenesis(ctx, amplifytypes.DefaultGenesis()))
	return AmplifyFixture{Ctx: ctx, Keeper: k, Community: ck, StoreKey: key}
}
