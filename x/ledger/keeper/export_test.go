package keeper

import "context"

// SetEntriesInSlot sets how many entries the running block's slot recorded.
func (k Keeper) SetEntriesInSlot(ctx context.Context, slot, n uint32) error {
	return k.entriesInSlot.Set(ctx, slot, n)
}
