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

	adskeeper "github.com/kizuna-chain/kizuna/x/ads/keeper"
	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// AdsKeeper returns an ads keeper and the real community keeper it reads,
// over in-memory stores of one multistore, both with default genesis loaded
// and the gov module account as authority, and a context at height 1 and
// BlockTime.
func AdsKeeper(tb testing.TB) (adskeeper.Keeper, communitykeeper.Keeper, sdk.Context) {
	tb.Helper()

	communityKey := storetypes.NewKVStoreKey(communitytypes.StoreKey)
	adsKey := storetypes.NewKVStoreKey(adstypes.StoreKey)
	ctx := testutil.DefaultContextWithKeys(
		map[string]*storetypes.KVStoreKey{communitytypes.StoreKey: communityKey, adstypes.StoreKey: adsKey},
		map[string]*storetypes.TransientStoreKey{"transient_" + adstypes.StoreKey: storetypes.NewTransientStoreKey("transient_" + adstypes.StoreKey)},
		nil,
	).
		WithBlockHeight(1).
		WithBlockTime(BlockTime).
		WithEventManager(sdk.NewEventManager())

	registry := codectypes.NewInterfaceRegistry()
	communitytypes.RegisterInterfaces(registry)
	adstypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	addressCodec := addresscodec.NewBech32Codec(Bech32AccountPrefix)
	authority, err := addressCodec.BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(tb, err)

	ck := communitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(communityKey), addressCodec, authority)
	require.NoError(tb, ck.InitGenesis(ctx, communitytypes.DefaultGenesis()))
	k := adskeeper.NewKeeper(cdc, runtime.NewKVStoreService(adsKey), addressCodec, authority, ck)
	require.NoError(tb, k.InitGenesis(ctx, adstypes.DefaultGenesis()))
	return k, ck, ctx
}
