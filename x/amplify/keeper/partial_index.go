package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/codec"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// PartialIndex is a secondary index of Keeper.Messages that holds an entry,
// a key and a value, for each message its entry function selects, and none
// for the others: the indexes package's Unique and Multi index every value.
// It is stored as a plain collections.Map[K, V] (a key set when V is
// collections.NoValue), and the acceptance rules keep its keys unique.
type PartialIndex[K, V any] struct {
	entries collections.Map[K, V]
	entry   func(m types.StoredMessage) (key K, value V, ok bool, err error)
}

var _ collections.Index[string, types.StoredMessage] = (*PartialIndex[string, string])(nil)

// NewPartialIndex returns the index of the messages entry selects, under
// prefix.
func NewPartialIndex[K, V any](
	sb *collections.SchemaBuilder,
	prefix collections.Prefix,
	name string,
	keyCodec codec.KeyCodec[K],
	valueCodec codec.ValueCodec[V],
	entry func(m types.StoredMessage) (key K, value V, ok bool, err error),
) *PartialIndex[K, V] {
	return &PartialIndex[K, V]{
		entries: collections.NewMap(sb, prefix, name, keyCodec, valueCodec),
		entry:   entry,
	}
}

// Reference implements collections.Index: it replaces the entry of the
// message the index held under pk, if any, by the entry of m, if any.
func (i *PartialIndex[K, V]) Reference(
	ctx context.Context, _ string, m types.StoredMessage, lazyOld func() (types.StoredMessage, error),
) error {
	old, err := lazyOld()
	switch {
	case err == nil:
		if err := i.remove(ctx, old); err != nil {
			return err
		}
	case !errors.Is(err, collections.ErrNotFound):
		return err
	}
	key, value, ok, err := i.entry(m)
	if err != nil || !ok {
		return err
	}
	return i.entries.Set(ctx, key, value)
}

// Unreference implements collections.Index.
func (i *PartialIndex[K, V]) Unreference(ctx context.Context, _ string, lazyOld func() (types.StoredMessage, error)) error {
	old, err := lazyOld()
	if err != nil {
		return err
	}
	return i.remove(ctx, old)
}

func (i *PartialIndex[K, V]) remove(ctx context.Context, m types.StoredMessage) error {
	key, _, ok, err := i.entry(m)
	if err != nil || !ok {
		return err
	}
	return i.entries.Remove(ctx, key)
}

// Has reports whether a message holds the entry key.
func (i *PartialIndex[K, V]) Has(ctx context.Context, key K) (bool, error) {
	return i.entries.Has(ctx, key)
}

// Get returns the value of the entry key.
func (i *PartialIndex[K, V]) Get(ctx context.Context, key K) (V, error) {
	return i.entries.Get(ctx, key)
}

// Walk calls walkFunc on the entries in ranger, in key order, until it
// returns true or an error.
func (i *PartialIndex[K, V]) Walk(ctx context.Context, ranger collections.Ranger[K], walkFunc func(key K, value V) (stop bool, err error)) error {
	return i.entries.Walk(ctx, ranger, walkFunc)
}

// IterateRaw iterates over the entries between the encoded keys start and
// end; with KeyCodec, it lets query.CollectionPaginate page the index.
func (i *PartialIndex[K, V]) IterateRaw(ctx context.Context, start, end []byte, order collections.Order) (collections.Iterator[K, V], error) {
	return i.entries.IterateRaw(ctx, start, end, order)
}

// KeyCodec returns the codec of the index keys.
func (i *PartialIndex[K, V]) KeyCodec() codec.KeyCodec[K] {
	return i.entries.KeyCodec()
}
