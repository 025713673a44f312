package invariant_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/invariant"
)

func TestCheckAll_ListsTheBrokenOnesByName(t *testing.T) {
	holds := invariant.Invariant{Name: "holds", Check: func(sdk.Context) (string, bool) { return invariant.Report(nil, nil) }}
	broken := invariant.Invariant{Name: "broken", Check: func(sdk.Context) (string, bool) {
		return invariant.Report([]string{"a", "b"}, nil)
	}}
	unread := invariant.Invariant{Name: "unread", Check: func(sdk.Context) (string, bool) {
		return invariant.Report(nil, errors.New("store closed"))
	}}
	require.NoError(t, invariant.CheckAll(sdk.Context{}, "m", []invariant.Invariant{holds}))
	err := invariant.CheckAll(sdk.Context{}, "m", []invariant.Invariant{holds, broken, unread})
	require.EqualError(t, err, "m invariants broken:\nbroken: a; b\nunread: reading the state: store closed")
}
