package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestEntryID_OrdersByHeightSlotAndNumber(t *testing.T) {
	id := func(height int64, slot, n uint32) uint64 {
		t.Helper()
		v, err := types.EntryID(height, slot, n)
		require.NoError(t, err)
		return v
	}
	ordered := []uint64{
		id(1, 0, 0),
		id(1, 0, 1),
		id(1, 0, types.MaxEntriesPerSlot-1),
		id(1, 1, 0),
		id(1, types.BlockEntrySlot-1, types.MaxEntriesPerSlot-1),
		id(1, types.BlockEntrySlot, 0), // the block's own entries come after its transactions'
		id(1, types.BlockEntrySlot, types.MaxEntriesPerSlot-1),
		id(2, 0, 0),
		id(types.MaxEntryHeight, types.BlockEntrySlot, types.MaxEntriesPerSlot-1),
	}
	for i := 1; i < len(ordered); i++ {
		require.Less(t, ordered[i-1], ordered[i], "#%d", i)
	}
	require.Equal(t, uint64(1)<<32, id(1, 0, 0))
	require.Equal(t, uint64(7)<<32|3<<14|5, id(7, 3, 5))
	require.Equal(t, types.FirstEntryIDAt(9), id(9, 0, 0))
	require.Equal(t, ^uint64(0), id(types.MaxEntryHeight, types.BlockEntrySlot, types.MaxEntriesPerSlot-1))
	require.Greater(t, id(1, 0, 0), uint64(1)<<32-1, "above every id of the sequential counter")
	require.Equal(t, int64(7), types.EntryIDHeight(id(7, 3, 5)))
	require.Equal(t, int64(types.MaxEntryHeight), types.EntryIDHeight(^uint64(0)))
	require.Zero(t, types.EntryIDHeight(1<<32-1), "the sequential counter's ids")
}

func TestEntryID_RejectsWhatDoesNotFit(t *testing.T) {
	for name, c := range map[string]struct {
		height  int64
		slot, n uint32
	}{
		"height 0":              {0, 0, 0},
		"negative height":       {-1, 0, 0},
		"height past 32 bits":   {types.MaxEntryHeight + 1, 0, 0},
		"slot past the block's": {5, types.BlockEntrySlot + 1, 0},
		"too many in a slot":    {5, 3, types.MaxEntriesPerSlot},
		"too many in the block": {5, types.BlockEntrySlot, types.MaxEntriesPerSlot},
	} {
		_, err := types.EntryID(c.height, c.slot, c.n)
		require.ErrorIs(t, err, types.ErrTooManyEntries, name)
	}
}
