package keeper

import (
	"encoding/binary"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Migrator runs the ledger's consensus-version migrations.
type Migrator struct {
	keeper Keeper
}

// NewMigrator returns the migrator of k's store.
func NewMigrator(k Keeper) Migrator {
	return Migrator{keeper: k}
}

// Migrate1to2 moves the ledger from the sequential entry counter of version
// 1 to entry ids derived from heights (types.EntryID), and from FEE entries
// to the fee of SEND entries. The history stays as it is, FEE entries
// included: every id the counter assigned lies below those of the upgrade
// block, so old entries keep their order below the new ones. The counter is
// deleted.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	store := m.keeper.storeService.OpenKVStore(ctx)
	key := types.NextEntryIDKey.Bytes()
	bz, err := store.Get(key)
	if err != nil || bz == nil {
		return err
	}
	if len(bz) != 8 {
		return fmt.Errorf("the entry counter holds %d bytes, not 8", len(bz))
	}
	height := ctx.BlockHeight()
	if next, first := binary.BigEndian.Uint64(bz), types.FirstEntryIDAt(max(height, 1)); next > first {
		return types.ErrTooManyEntries.Wrapf("the entry counter reached %d, past the first id of block %d (%d)", next, height, first)
	}
	return store.Delete(key)
}
