package statetest

import (
	"context"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
)

// ParamsKeeper is the part of a module's keeper that MsgUpdateParams is
// about: who may send it and what it stored.
type ParamsKeeper[P any] interface {
	GetAuthority() string
	GetParams(context.Context) (P, error)
}

// ParamsUpdater sends a module's MsgUpdateParams in a test and reads back what
// it did. Build it with NewParamsUpdater.
type ParamsUpdater[P, M, R any] struct {
	ctx             sdk.Context
	keeper          ParamsKeeper[P]
	send            func(context.Context, M) (R, error)
	msg             func(authority string, params P) M
	requireRejected func(t *testing.T, want error, run func() error)
}

// NewParamsUpdater returns a ParamsUpdater over the module's keeper and the
// UpdateParams method of its Msg server, run in ctx. msg builds the
// module's MsgUpdateParams. requireRejected is the module fixture's own
// check that a Msg fails with want and leaves every store and the events
// of ctx as they were; ctx must be the context it looks at.
func NewParamsUpdater[P, M, R any](
	ctx sdk.Context,
	keeper ParamsKeeper[P],
	send func(context.Context, M) (R, error),
	msg func(authority string, params P) M,
	requireRejected func(t *testing.T, want error, run func() error),
) ParamsUpdater[P, M, R] {
	return ParamsUpdater[P, M, R]{ctx: ctx, keeper: keeper, send: send, msg: msg, requireRejected: requireRejected}
}

// RequireAuthorityOnly checks what every module promises of
// MsgUpdateParams: from an address other than the authority, or from none,
// it is refused with ErrUnauthorized, and with invalid params with
// errInvalid, none of them writing or emitting anything; from the
// authority and with valid params (other than the stored ones) it stores
// them and emits one event, of event's type. valid is stored when it
// returns.
func (u ParamsUpdater[P, M, R]) RequireAuthorityOnly(t *testing.T, valid, invalid P, errInvalid error, event proto.Message) {
	t.Helper()
	before, err := u.keeper.GetParams(u.ctx)
	require.NoError(t, err)
	require.NotEqual(t, before, valid, "valid params other than the stored ones, to see them stored")
	authority := u.keeper.GetAuthority()
	stranger, err := conformance.AccountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)
	require.NotEqual(t, authority, stranger)

	for _, tc := range []struct {
		name   string
		from   string
		params P
		want   error
	}{
		{"another address is refused", stranger, valid, sdkerrors.ErrUnauthorized},
		{"no address is refused", "", valid, sdkerrors.ErrUnauthorized},
		{"invalid params are refused", authority, invalid, errInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u.requireRejected(t, tc.want, func() error {
				_, err := u.send(u.ctx, u.msg(tc.from, tc.params))
				return err
			})
		})
	}

	t.Run("the authority's valid params are stored", func(t *testing.T) {
		emitted := len(u.ctx.EventManager().Events())
		_, err := u.send(u.ctx, u.msg(authority, valid))
		require.NoError(t, err)
		got, err := u.keeper.GetParams(u.ctx)
		require.NoError(t, err)
		require.Equal(t, valid, got)
		var types []string
		for _, e := range u.ctx.EventManager().Events()[emitted:] {
			types = append(types, e.Type)
		}
		require.Equal(t, []string{proto.MessageName(event)}, types, "the events of the update")
	})
}
