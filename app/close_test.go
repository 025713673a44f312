package app_test

import (
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"
)

// The start command closes the app twice; a PebbleDB database panics on a
// second Close of its own.
func TestApp_CloseTwiceOnPebbleDB(t *testing.T) {
	db, err := dbm.NewPebbleDB("application", t.TempDir(), nil)
	require.NoError(t, err)
	a := newApp(t, db, "kizuna-test-1")
	require.NoError(t, a.Close())
	require.NotPanics(t, func() { require.NoError(t, a.Close()) })
}
