package accaddr_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/internal/accaddr"
)

func TestParseAndFormat(t *testing.T) {
	codec := addresscodec.NewBech32Codec("kizuna")
	addr := sdk.AccAddress([]byte("kizuna-test-address!"))
	s := accaddr.Format(codec, addr)
	require.Contains(t, s, "kizuna1")

	got, err := accaddr.Parse(codec, "owner", s)
	require.NoError(t, err)
	require.Equal(t, addr, got)

	for _, bad := range []string{"", "kizuna1nope", "cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"} {
		_, err := accaddr.Parse(codec, "owner", bad)
		require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress, bad)
		require.Contains(t, err.Error(), "owner")
	}
}
