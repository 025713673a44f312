package keeper

import (
	"testing"

	"github.com/cometbft/cometbft/crypto"
	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// AccAddress returns a deterministic account address for a name.
func AccAddress(name string) sdk.AccAddress {
	return sdk.AccAddress(crypto.AddressHash([]byte(name)))
}

// Addr returns AccAddress(name) in Kizuna's bech32 form, as keepers read
// and write addresses.
func Addr(name string) string {
	s, err := addresscodec.NewBech32Codec(Bech32AccountPrefix).BytesToString(AccAddress(name))
	if err != nil {
		panic(err) // 20 bytes always encode
	}
	return s
}

// RawStore returns every key and value of a store, indexes included.
func RawStore(tb testing.TB, ctx sdk.Context, key storetypes.StoreKey) map[string]string {
	tb.Helper()
	it := ctx.KVStore(key).Iterator(nil, nil)
	defer func() { require.NoError(tb, it.Close()) }()
	out := map[string]string{}
	for ; it.Valid(); it.Next() {
		out[string(it.Key())] = string(it.Value())
	}
	return out
}

// StoreSnapshot returns a function reading the raw content of the given
// stores, to compare state before and after.
func StoreSnapshot(tb testing.TB, ctx sdk.Context, keys ...storetypes.StoreKey) func() any {
	return func() any {
		tb.Helper()
		stores := make([]map[string]string, len(keys))
		for i, key := range keys {
			stores[i] = RawStore(tb, ctx, key)
		}
		return stores
	}
}

// RequireRejected checks that run fails with want and changes nothing:
// not the state snapshot reads, not the events of ctx.
func RequireRejected(tb testing.TB, ctx sdk.Context, snapshot func() any, want error, run func() error) {
	tb.Helper()
	before := snapshot()
	events := len(ctx.EventManager().Events())
	err := run()
	require.ErrorIs(tb, err, want)
	require.Equal(tb, before, snapshot(), "state changed by a rejected message")
	require.Len(tb, ctx.EventManager().Events(), events, "events emitted by a rejected message")
}

// EventTypes returns the types of the events emitted on ctx so far.
func EventTypes(ctx sdk.Context) []string {
	var out []string
	for _, e := range ctx.EventManager().Events() {
		out = append(out, e.Type)
	}
	return out
}
