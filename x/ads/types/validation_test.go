package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func TestValidateTitle_CountsCodePoints(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.ValidateTitle(strings.Repeat("絆", 100)))
	require.ErrorIs(t, p.ValidateTitle(strings.Repeat("絆", 101)), types.ErrInvalidTitle)
	require.NoError(t, p.ValidateTitle("a b"), "inner spaces are fine")
	require.ErrorIs(t, p.ValidateTitle("\tab"), types.ErrInvalidTitle)
}

func TestValidatePhoto(t *testing.T) {
	p := types.DefaultParams()
	for _, uri := range []string{"", "https://example.com/a.jpg", "ipfs://bafy", "data:image/png;base64,AAAA"} {
		require.NoError(t, p.ValidatePhotoURI(uri), uri)
	}
	for _, uri := range []string{"a.jpg", "/a.jpg", "https://example.com/a b.jpg", "https://" + strings.Repeat("a", 505), "%zz"} {
		require.ErrorIs(t, p.ValidatePhotoURI(uri), types.ErrInvalidPhoto, uri)
	}
	require.NoError(t, types.ValidatePhotoDigest("", nil))
	require.NoError(t, types.ValidatePhotoDigest("ipfs://a", make([]byte, 32)))
	require.ErrorIs(t, types.ValidatePhotoDigest("", make([]byte, 32)), types.ErrInvalidPhoto)
	require.ErrorIs(t, types.ValidatePhotoDigest("ipfs://a", make([]byte, 20)), types.ErrInvalidPhoto)
}

func TestValidatePrice(t *testing.T) {
	require.NoError(t, types.ValidatePrice(math.ZeroInt()))
	require.NoError(t, types.ValidatePrice(math.NewInt(1)))
	require.ErrorIs(t, types.ValidatePrice(math.NewInt(-1)), types.ErrInvalidPrice)
	require.ErrorIs(t, types.ValidatePrice(math.Int{}), types.ErrInvalidPrice)
}

func TestValidateEnums(t *testing.T) {
	require.NoError(t, types.ValidateAdType(types.AdTypeWant))
	require.NoError(t, types.ValidateAdType(types.AdTypeGive))
	require.ErrorIs(t, types.ValidateAdType(types.AdTypeUnspecified), types.ErrInvalidAdType)
	require.ErrorIs(t, types.ValidateAdType(3), types.ErrInvalidAdType)
	require.NoError(t, types.ValidateAdStatus(types.AdStatusOpen))
	require.NoError(t, types.ValidateAdStatus(types.AdStatusClosed))
	require.ErrorIs(t, types.ValidateAdStatus(types.AdStatusUnspecified), types.ErrInvalidAdStatus)
	require.ErrorIs(t, types.ValidateAdStatus(3), types.ErrInvalidAdStatus)
}
