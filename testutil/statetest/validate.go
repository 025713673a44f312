// Package statetest holds the checks every Kizuna module runs on its params
// and genesis state: Validate accepts the module's limits and refuses what
// lies beyond them, MsgUpdateParams is the authority's alone, and the state
// exports and imports back identical.
//
// The cases stay in the module, as tables of changes to a valid value;
// this package runs them, so that each module's tests say what its state
// allows and not how the check is made.
package statetest

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// Validatable is a pointer to a value that says whether it may go on chain:
// a module's Params or GenesisState.
type Validatable[T any] interface {
	*T
	Validate() error
}

// Accepts checks that the value valid returns passes Validate, and that
// each of changes, made to a fresh one, leaves it valid: the limits and
// corner cases the module allows.
func Accepts[T any, PT Validatable[T]](t *testing.T, valid func() T, changes map[string]func(*T)) {
	t.Helper()
	requireValid[T, PT](t, valid)
	for _, name := range slices.Sorted(maps.Keys(changes)) {
		t.Run(name, func(t *testing.T) {
			v := valid()
			changes[name](&v)
			require.NoError(t, PT(&v).Validate())
		})
	}
}

// Refuses checks that the value valid returns passes Validate, and that
// each of changes, made to a fresh one, makes Validate fail with an error
// that wraps want. The valid base makes sure each case fails for its own
// change.
func Refuses[T any, PT Validatable[T]](t *testing.T, valid func() T, want error, changes map[string]func(*T)) {
	t.Helper()
	require.NotNil(t, want, "the error the changes are refused with")
	requireValid[T, PT](t, valid)
	for _, name := range slices.Sorted(maps.Keys(changes)) {
		t.Run(name, func(t *testing.T) {
			v := valid()
			changes[name](&v)
			require.ErrorIs(t, PT(&v).Validate(), want)
		})
	}
}

func requireValid[T any, PT Validatable[T]](t *testing.T, valid func() T) {
	t.Helper()
	v := valid()
	require.NoError(t, PT(&v).Validate(), "the valid base the cases change")
}
