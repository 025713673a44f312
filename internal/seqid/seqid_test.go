package seqid_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"

	"github.com/kizuna-chain/kizuna/internal/seqid"
)

func TestNext_StartsAtFirstAndCountsUp(t *testing.T) {
	key := storetypes.NewKVStoreKey("seqid")
	ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient_seqid"))
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	seq := collections.NewSequence(sb, collections.NewPrefix(0), "seq")
	_, err := sb.Build()
	require.NoError(t, err)

	peek, err := seqid.Peek(ctx, seq, 1)
	require.NoError(t, err)
	require.Equal(t, uint64(1), peek, "an uninitialised sequence starts at first")
	for want := uint64(1); want <= 3; want++ {
		id, err := seqid.Next(ctx, seq, 1)
		require.NoError(t, err)
		require.Equal(t, want, id)
	}
	peek, err = seqid.Peek(ctx, seq, 1)
	require.NoError(t, err)
	require.Equal(t, uint64(4), peek)

	require.NoError(t, seq.Set(ctx, 10))
	id, err := seqid.Next(ctx, seq, 1)
	require.NoError(t, err)
	require.Equal(t, uint64(10), id, "genesis may start the sequence later")
}
