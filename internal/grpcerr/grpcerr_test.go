package grpcerr_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
)

func TestInvalidArgument_KeepsTheRegisteredError(t *testing.T) {
	err := grpcerr.InvalidArgument(sdkerrors.ErrInvalidAddress.Wrap("owner"))
	require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress)
	require.Equal(t, codes.InvalidArgument, status.Code(err))
	require.Contains(t, err.Error(), "owner")
	require.NoError(t, grpcerr.InvalidArgument(nil))
	require.False(t, errors.Is(err, sdkerrors.ErrUnauthorized))
}

func TestErrEmptyRequest_IsInvalidArgument(t *testing.T) {
	if got := status.Code(grpcerr.ErrEmptyRequest); got != codes.InvalidArgument {
		t.Fatalf("code %s, want InvalidArgument", got)
	}
}
