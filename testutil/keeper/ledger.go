package keeper

import (
	"testing"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	feegrantkeeper "github.com/cosmos/cosmos-sdk/x/feegrant/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"

	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	amplifytypes "github.com/kizuna-chain/kizuna/x/amplify/types"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	ledgerkeeper "github.com/kizuna-chain/kizuna/x/ledger/keeper"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
	messagingtypes "github.com/kizuna-chain/kizuna/x/messaging/types"
)

// LedgerEnv is a ledger keeper wired as the app wires it, to real account,
// bank, feegrant and community keepers over one in-memory multistore: the
// ledger's hooks are the community keeper's, its send restriction is the
// bank keeper's. No ads keeper is set.
type LedgerEnv struct {
	Ctx sdk.Context
	// Keys are the store keys of x/auth, x/bank, x/feegrant, x/community,
	// x/ledger and x/bridge, by store name.
	Keys      map[string]*storetypes.KVStoreKey
	Codec     codec.Codec
	Keeper    ledgerkeeper.Keeper
	Community communitykeeper.Keeper
	Account   authkeeper.AccountKeeper
	Bank      bankkeeper.BaseKeeper
	Feegrant  feegrantkeeper.Keeper
}

// LedgerKeeper returns a LedgerEnv with default genesis loaded in the
// community and ledger modules, the gov module account as authority, and a
// context at height 1 and BlockTime. The ledger invariants are checked when
// the test ends.
func LedgerKeeper(tb testing.TB) LedgerEnv {
	tb.Helper()

	names := []string{
		authtypes.StoreKey, banktypes.StoreKey, feegrant.StoreKey, communitytypes.StoreKey, ledgertypes.StoreKey,
		bridgetypes.StoreKey, // for BridgeKeeper, which builds on this
	}
	keys := storetypes.NewKVStoreKeys(names...)
	tkeys := storetypes.NewTransientStoreKeys(ledgertypes.TransientStoreKey)
	ctx := testutil.DefaultContextWithKeys(keys, tkeys, nil).
		WithBlockHeight(1).
		WithBlockTime(BlockTime).
		WithEventManager(sdk.NewEventManager())

	addressCodec := addresscodec.NewBech32Codec(Bech32AccountPrefix)
	// Signers of Msgs are read as the app reads them, for fee sponsorship.
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: gogoproto.HybridResolver,
		SigningOptions: txsigning.Options{
			AddressCodec:          addressCodec,
			ValidatorAddressCodec: addresscodec.NewBech32Codec(Bech32AccountPrefix + "valoper"),
		},
	})
	require.NoError(tb, err)
	sdk.RegisterInterfaces(registry)
	authtypes.RegisterInterfaces(registry)
	banktypes.RegisterInterfaces(registry)
	feegrant.RegisterInterfaces(registry)
	communitytypes.RegisterInterfaces(registry)
	ledgertypes.RegisterInterfaces(registry)
	bridgetypes.RegisterInterfaces(registry)
	// The Msgs fee accounts sponsor by default must resolve.
	adstypes.RegisterInterfaces(registry)
	amplifytypes.RegisterInterfaces(registry)
	messagingtypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	authority, err := addressCodec.BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(tb, err)

	accountKeeper := authkeeper.NewAccountKeeper(
		cdc, runtime.NewKVStoreService(keys[authtypes.StoreKey]), authtypes.ProtoBaseAccount,
		map[string][]string{
			ledgertypes.ModuleName: {authtypes.Minter, authtypes.Burner},
			bridgetypes.ModuleName: {authtypes.Minter, authtypes.Burner},
			minttypes.ModuleName:   {authtypes.Minter}, // the faucet of Fund
		},
		addressCodec, Bech32AccountPrefix, authority,
	)
	bankKeeper := bankkeeper.NewBaseKeeper(
		cdc, runtime.NewKVStoreService(keys[banktypes.StoreKey]), accountKeeper,
		map[string]bool{
			accountKeeper.GetModuleAddress(ledgertypes.ModuleName).String(): true,
			accountKeeper.GetModuleAddress(bridgetypes.ModuleName).String(): true,
		}, authority, log.NewNopLogger(),
	)
	// Like the app's, this feegrant keeper has no bank keeper.
	feegrantKeeper := feegrantkeeper.NewKeeper(cdc, runtime.NewKVStoreService(keys[feegrant.StoreKey]), accountKeeper)
	communityKeeper := communitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(keys[communitytypes.StoreKey]), addressCodec, authority)
	k := ledgerkeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[ledgertypes.StoreKey]),
		runtime.NewTransientStoreService(tkeys[ledgertypes.TransientStoreKey]), addressCodec, authority,
		accountKeeper, bankKeeper, communityKeeper,
	)
	bankKeeper.AppendSendRestriction(k.SendRestriction)

	require.NoError(tb, bankKeeper.SetParams(ctx, banktypes.DefaultParams()))
	require.NoError(tb, communityKeeper.InitGenesis(ctx, communitytypes.DefaultGenesis()))
	require.NoError(tb, k.InitGenesis(ctx, ledgertypes.DefaultGenesis()))
	tb.Cleanup(func() {
		if err := k.CheckInvariants(ctx); err != nil {
			tb.Errorf("at the end of %s: %v", tb.Name(), err)
		}
	})
	return LedgerEnv{
		Ctx:       ctx,
		Keys:      keys,
		Codec:     cdc,
		Keeper:    k,
		Community: communityKeeper,
		Account:   accountKeeper,
		Bank:      bankKeeper,
		Feegrant:  feegrantKeeper,
	}
}

// Fund mints coins of a denom that is no community currency, ukiz say, to
// addr.
func (e LedgerEnv) Fund(tb testing.TB, ctx sdk.Context, addr sdk.AccAddress, coins sdk.Coins) {
	tb.Helper()
	require.NoError(tb, e.Bank.MintCoins(ctx, minttypes.ModuleName, coins))
	require.NoError(tb, e.Bank.SendCoinsFromModuleToAccount(ctx, minttypes.ModuleName, addr, coins))
}
