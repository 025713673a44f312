package app

import (
	"sync"
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// accountsFixture is an app with two base accounts (one with a public key)
// and the decoded-accounts keeper over its x/auth store.
type accountsFixture struct {
	app      *App
	ctx      sdk.Context
	accounts *decodedAccounts
	withKey  sdk.AccAddress
	noKey    sdk.AccAddress
}

func newAccountsFixture(t *testing.T, size int) accountsFixture {
	t.Helper()
	a := New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.AppOptionsMap{flags.FlagHome: t.TempDir()})
	t.Cleanup(func() { _ = a.Close() })
	ctx := a.NewNextBlockContext(cmtproto.Header{Height: 1})
	f := accountsFixture{
		app: a, ctx: ctx,
		accounts: newDecodedAccounts(a.AccountKeeper, runtime.NewKVStoreService(a.GetKey(authtypes.StoreKey)), a.AppCodec(), size),
		withKey:  sdk.AccAddress("account with a key.."),
		noKey:    sdk.AccAddress("account without key."),
	}
	acc := a.AccountKeeper.NewAccountWithAddress(ctx, f.withKey)
	require.NoError(t, acc.SetPubKey(secp256k1.GenPrivKeyFromSecret([]byte("decoded accounts")).PubKey()))
	require.NoError(t, acc.SetSequence(7))
	a.AccountKeeper.SetAccount(ctx, acc)
	a.AccountKeeper.SetAccount(ctx, a.AccountKeeper.NewAccountWithAddress(ctx, f.noKey))
	return f
}

// metered returns the fixture's context with a fresh gas meter.
func (f accountsFixture) metered() sdk.Context {
	return f.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
}

// Every account reads as x/auth reads it, at the same gas, whether decoded
// for the first time or remembered: base accounts with and without a key,
// a module account, and an address without an account.
func TestDecodedAccounts_AnswerAsXAuthAtTheSameGas(t *testing.T) {
	f := newAccountsFixture(t, DecodedAccountsSize)
	feeCollector := f.app.AccountKeeper.GetModuleAddress(authtypes.FeeCollectorName)
	f.app.AccountKeeper.GetModuleAccount(f.ctx, authtypes.FeeCollectorName) // created on first use
	missing := sdk.AccAddress("no account here.....")
	for _, addr := range []sdk.AccAddress{f.withKey, f.noKey, feeCollector, missing} {
		for read := range 3 {
			wantCtx, gotCtx := f.metered(), f.metered()
			want := f.app.AccountKeeper.GetAccount(wantCtx, addr)
			got := f.accounts.GetAccount(gotCtx, addr)
			require.Equal(t, want, got, "%s, read %d", addr, read)
			require.Equal(t, wantCtx.GasMeter().GasConsumed(), gotCtx.GasMeter().GasConsumed(), "gas of %s, read %d", addr, read)
		}
	}
	require.Nil(t, f.accounts.GetAccount(f.ctx, missing))
	require.Equal(t, 2, f.accounts.accounts.len(), "base accounts are remembered; module accounts and misses are not")
}

// A caller changing the account it was given changes nothing for the next
// reader; a stored change is read back at once.
func TestDecodedAccounts_GiveCopiesAndFollowTheStore(t *testing.T) {
	f := newAccountsFixture(t, DecodedAccountsSize)
	first := f.accounts.GetAccount(f.ctx, f.withKey)
	require.NoError(t, first.SetSequence(99))
	require.NoError(t, first.SetPubKey(nil))
	again := f.accounts.GetAccount(f.ctx, f.withKey)
	require.Equal(t, uint64(7), again.GetSequence())
	require.NotNil(t, again.GetPubKey())

	require.NoError(t, again.SetSequence(8))
	f.app.AccountKeeper.SetAccount(f.ctx, again)
	require.Equal(t, uint64(8), f.accounts.GetAccount(f.ctx, f.withKey).GetSequence())

	// A cached context's unwritten change is seen through that context only.
	cached, _ := f.ctx.CacheContext()
	changed := f.accounts.GetAccount(cached, f.withKey)
	require.NoError(t, changed.SetSequence(9))
	f.app.AccountKeeper.SetAccount(cached, changed)
	require.Equal(t, uint64(9), f.accounts.GetAccount(cached, f.withKey).GetSequence())
	require.Equal(t, uint64(8), f.accounts.GetAccount(f.ctx, f.withKey).GetSequence())
}

// The memory holds at most its size, forgetting the oldest first.
func TestDecodedAccounts_ForgetTheOldestWhenFull(t *testing.T) {
	f := newAccountsFixture(t, 2)
	third := sdk.AccAddress("a third account.....")
	f.app.AccountKeeper.SetAccount(f.ctx, f.app.AccountKeeper.NewAccountWithAddress(f.ctx, third))
	for _, addr := range []sdk.AccAddress{f.withKey, f.noKey, third, third} {
		require.Equal(t, addr, f.accounts.GetAccount(f.ctx, addr).GetAddress())
	}
	require.Equal(t, 2, f.accounts.accounts.len())
	require.Len(t, f.accounts.accounts.ring, 2)
	value, err := f.app.AccountKeeper.Accounts.Get(f.ctx, f.withKey)
	require.NoError(t, err)
	stored, err := f.app.AppCodec().MarshalInterface(value)
	require.NoError(t, err)
	require.Nil(t, f.accounts.recall(stored), "the oldest account is forgotten")
	require.Equal(t, uint64(7), f.accounts.GetAccount(f.ctx, f.withKey).GetSequence(), "and decoded again")
}

// Readers in parallel (Block-STM's workers, each with its own context)
// each get their own copy.
func TestDecodedAccounts_ReadInParallel(t *testing.T) {
	f := newAccountsFixture(t, 1)
	var wg sync.WaitGroup
	for i := range 8 {
		ctx, _ := f.metered().CacheContext()
		wg.Go(func() {
			for n := range 200 {
				addr := f.withKey
				if (i+n)%2 == 0 {
					addr = f.noKey
				}
				acc := f.accounts.GetAccount(ctx, addr)
				if !acc.GetAddress().Equals(addr) {
					t.Errorf("read %s, got %s", addr, acc.GetAddress())
					return
				}
				if err := acc.SetSequence(uint64(n)); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	require.Equal(t, uint64(7), f.accounts.GetAccount(f.ctx, f.withKey).GetSequence())
}
