// Package keeper builds module keepers on in-memory stores for tests.
package keeper

import (
	"testing"
	"time"

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

	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// Bech32AccountPrefix is the account address prefix of Kizuna.
const Bech32AccountPrefix = "kizuna"

// BlockTime is the block time of the contexts built here.
var BlockTime = time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC)

// CommunityKeeper returns a community keeper over an in-memory store, with
// default genesis loaded and the gov module account as authority, and a
// context at height 1 and BlockTime.
func CommunityKeeper(tb testing.TB) (communitykeeper.Keeper, sdk.Context) {
	tb.Helper()
	k, ctx, _ := CommunityKeeperWithStoreKey(tb)
	return k, ctx
}

// CommunityKeeperWithStoreKey is CommunityKeeper that also returns the
// module's store key, for tests that read the raw store.
func CommunityKeeperWithStoreKey(tb testing.TB) (communitykeeper.Keeper, sdk.Context, *storetypes.KVStoreKey) {
	tb.Helper()

	key := storetypes.NewKVStoreKey(communitytypes.StoreKey)
	ctx := testutil.DefaultContextWithDB(tb, key, storetypes.NewTransientStoreKey("transient_"+communitytypes.StoreKey)).Ctx.
		WithBlockHeight(1).
		WithBlockTime(BlockTime).
		WithEventManager(sdk.NewEventManager())

	registry := codectypes.NewInterfaceRegistry()
	communitytypes.RegisterInterfaces(registry)
	addressCodec := addresscodec.NewBech32Codec(Bech32AccountPrefix)
	authority, err := addressCodec.BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(tb, err)

	k := communitykeeper.NewKeeper(codec.NewProtoCodec(registry), runtime.NewKVStoreService(key), addressCodec, authority)
	require.NoError(tb, k.InitGenesis(ctx, communitytypes.DefaultGenesis()))
	return k, ctx, key
}

// CopyCommunities imports into dst, at ctx, the community state src holds
// at from: the state a module that reads communities finds at genesis.
func CopyCommunities(tb testing.TB, src communitykeeper.Keeper, from sdk.Context, dst communitykeeper.Keeper, ctx sdk.Context) {
	tb.Helper()
	gs, err := src.ExportGenesis(from)
	require.NoError(tb, err)
	require.NoError(tb, dst.InitGenesis(ctx, gs))
}
