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
	messagingkeeper "github.com/kizuna-chain/kizuna/x/messaging/keeper"
	messagingtypes "github.com/kizuna-chain/kizuna/x/messaging/types"
)

// MessagingFixture is a messaging keeper with the real community and ads
// keepers it reads, over in-memory stores of one multistore.
type MessagingFixture struct {
	Ctx       sdk.Context
	Keeper    messagingkeeper.Keeper
	Community communitykeeper.Keeper
	Ads       adskeeper.Keeper
	// StoreKey is the messaging module's store key, for tests that read the
	// raw store.
	StoreKey *storetypes.KVStoreKey
}

// MessagingKeeper returns a MessagingFixture with default genesis loaded in
// every module, the gov module account as authority, the messaging hooks set
// on the community keeper, and a context at height 1 and BlockTime.
func MessagingKeeper(tb testing.TB) MessagingFixture {
	tb.Helper()

	communityKey := storetypes.NewKVStoreKey(communitytypes.StoreKey)
	adsKey := storetypes.NewKVStoreKey(adstypes.StoreKey)
	messagingKey := storetypes.NewKVStoreKey(messagingtypes.StoreKey)
	ctx := testutil.DefaultContextWithKeys(
		map[string]*storetypes.KVStoreKey{
			communitytypes.StoreKey: communityKey, adstypes.StoreKey: adsKey, messagingtypes.StoreKey: messagingKey,
		},
		map[string]*storetypes.TransientStoreKey{
			"transient_" + messagingtypes.StoreKey: storetypes.NewTransientStoreKey("transient_" + messagingtypes.StoreKey),
		},
		nil,
	).
		WithBlockHeight(1).
		WithBlockTime(BlockTime).
		WithEventManager(sdk.NewEventManager())

	registry := codectypes.NewInterfaceRegistry()
	communitytypes.RegisterInterfaces(registry)
	adstypes.RegisterInterfaces(registry)
	messagingtypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	addressCodec := addresscodec.NewBech32Codec(Bech32AccountPrefix)
	authority, err := addressCodec.BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(tb, err)

	ck := communitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(communityKey), addressCodec, authority)
	require.NoError(tb, ck.InitGenesis(ctx, communitytypes.DefaultGenesis()))
	ak := adskeeper.NewKeeper(cdc, runtime.NewKVStoreService(adsKey), addressCodec, authority, ck)
	require.NoError(tb, ak.InitGenesis(ctx, adstypes.DefaultGenesis()))
	k := messagingkeeper.NewKeeper(cdc, runtime.NewKVStoreService(messagingKey), addressCodec, authority, ck, ak)
	require.NoError(tb, k.InitGenesis(ctx, messagingtypes.DefaultGenesis()))
	ck.SetHooks(k.Hooks())

	return MessagingFixture{Ctx: ctx, Keeper: k, Community: ck, Ads: ak, StoreKey: messagingKey}
}
