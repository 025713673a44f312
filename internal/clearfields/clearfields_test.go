package clearfields_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	"github.com/kizuna-chain/kizuna/internal/clearfields"
)

var errInvalid = errorsmod.Register("clearfields_test", 2, "invalid field to clear")

func TestParse_ReturnsTheClearedFields(t *testing.T) {
	cleared, err := clearfields.Parse([]string{"location", "photo_uri"}, map[string]string{"location": "", "photo_uri": "", "title": "x"}, errInvalid)
	require.NoError(t, err)
	require.Equal(t, map[string]bool{"location": true, "photo_uri": true}, cleared)

	cleared, err = clearfields.Parse(nil, map[string]string{"location": ""}, errInvalid)
	require.NoError(t, err)
	require.Empty(t, cleared)
}

func TestParse_RefusesUnknownRepeatedAndSetFields(t *testing.T) {
	allowed := map[string]string{"location": "", "title": "Apples"}
	for name, names := range map[string][]string{
		"unknown":         {"owner"},
		"listed twice":    {"location", "location"},
		"set and cleared": {"title"},
	} {
		_, err := clearfields.Parse(names, allowed, errInvalid)
		require.ErrorIs(t, err, errInvalid, name)
	}
}
