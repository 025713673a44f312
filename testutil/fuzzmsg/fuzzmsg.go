// Package fuzzmsg is the harness of the Msg server fuzz target every module
// has: it decodes fuzzed bytes as the request of one of the Msg service's
// methods, runs it on a branch of a prepared state and checks what the Msg
// did, as the Msg service router would see it.
package fuzzmsg

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/testutil/fuzzcheck"
)

// ErrUndecodable reports fuzz input that is no protobuf encoding of the
// method's request.
var ErrUndecodable = errors.New("input does not decode")

// sdkErrors are the SDK's errors every Msg server may return: for a signer
// or another field that is no address, and for a Msg only the authority may
// send (sdk.ValidateAuthority).
var sdkErrors = []error{sdkerrors.ErrInvalidAddress, sdkerrors.ErrUnauthorized}

// Msg is the request of a Msg service method, as gogoproto generates it.
type Msg interface{ Marshal() ([]byte, error) }

// Server is a module's Msg server under its fuzz target: the state every
// run starts from and what the target checks around each Msg. S is what it
// reads of the state (the raw store, the exported genesis, fakes the keeper
// holds) to compare before and after a Msg.
type Server[S any] struct {
	// Service is the Msg service, such as types.Msg_serviceDesc.
	Service grpc.ServiceDesc
	// Impl is the Msg server, such as keeper.NewMsgServerImpl(k).
	Impl any
	// Ctx is the context of the fuzz target's fixture, holding the state
	// every run starts from. Each run points it at a branch of that state,
	// so that State and the fixture's helpers read the branch, and back at
	// the state when it ends.
	Ctx *sdk.Context
	// Errors are the errors the Msg server may return: the module's
	// registered errors, those of the modules it calls and any of the SDK's
	// besides those for addresses and authority, which every Msg server may
	// return. Any other error is a bug.
	Errors []error
	// Reset, if set, restores before each run what the keeper holds outside
	// the store (a fake keeper, recorded hook calls).
	Reset func()
	// State reads the state on *Ctx. A method value of the fixture serves
	// if its receiver is a pointer, which sees the branch.
	State func(t *testing.T) S
	// RequireUnchanged, if set, checks that a rejected Msg left the state as
	// it was, naming the part that changed; by default the two must be equal.
	RequireUnchanged func(t *testing.T, before, after S, method string)
	// Accepted checks the state on ctx (the branch) after an accepted Msg,
	// such as that its exported genesis validates (see GenesisValidates).
	Accepted func(ctx sdk.Context) error
}

// Outcome is everything one Msg did: two runs of the same Msg on the same
// state must have equal outcomes.
type Outcome[S any] struct {
	Response any
	Err      string
	State    S
	Events   sdk.Events
}

// Fuzz seeds f with seeds, each with the index of the method that takes it,
// and with the empty input, then runs every input twice (see Run) and checks
// that the Msg server is deterministic: the same Msg on the same state gives
// the same response, error, state and events.
func (s Server[S]) Fuzz(f *testing.F, seeds ...Msg) {
	f.Helper()
	for _, seed := range seeds {
		bz, err := seed.Marshal()
		require.NoError(f, err)
		f.Add(s.methodOf(f, seed), bz)
	}
	f.Add(uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, method uint8, bz []byte) {
		first, ok := s.Run(t, method, bz)
		if !ok {
			return
		}
		second, _ := s.Run(t, method, bz)
		require.Equal(t, first, second, "the Msg server is not deterministic")
	})
}

// Run runs the Msg of the service's method (modulo the number of methods)
// encoded in bz on a branch of *s.Ctx, so that every run starts from the
// same state, and checks what it did: a rejected Msg fails with one of
// s.Errors or the SDK's for addresses and authority, and leaves the state
// as it was and no event; after an accepted one s.Accepted holds. ok is
// false when bz does not decode.
func (s Server[S]) Run(t *testing.T, method uint8, bz []byte) (out Outcome[S], ok bool) {
	t.Helper()
	desc := s.Service.Methods[int(method)%len(s.Service.Methods)]
	base := *s.Ctx
	ctx, _ := base.CacheContext()
	*s.Ctx = ctx
	defer func() { *s.Ctx = base }()
	if s.Reset != nil {
		s.Reset()
	}
	before := s.State(t)

	res, err := Call(ctx, s.Impl, desc, bz)
	if errors.Is(err, ErrUndecodable) {
		return Outcome[S]{}, false
	}
	out = Outcome[S]{Response: res, State: s.State(t), Events: ctx.EventManager().Events()}
	if err != nil {
		out.Err = err.Error()
		fuzzcheck.RequireRegistered(t, desc.MethodName, err, slices.Concat(s.Errors, sdkErrors))
		if s.RequireUnchanged != nil {
			s.RequireUnchanged(t, before, out.State, desc.MethodName)
		} else {
			require.Equal(t, before, out.State, "state changed by a rejected %s", desc.MethodName)
		}
		require.Empty(t, out.Events, "events emitted by a rejected %s", desc.MethodName)
		return out, true
	}
	require.NoError(t, s.Accepted(ctx), "the state after an accepted %s", desc.MethodName)
	return out, true
}

// methodOf returns the index of the method of s.Service whose request is of
// msg's type. It learns each method's request type from its handler, with a
// decoder that stops the call before it reaches a server.
func (s Server[S]) methodOf(tb testing.TB, msg Msg) uint8 {
	tb.Helper()
	errFound := errors.New("request type found")
	for i, m := range s.Service.Methods {
		var req any
		_, err := m.Handler(nil, context.Background(), func(in any) error { req = in; return errFound }, nil)
		if errors.Is(err, errFound) && reflect.TypeOf(req) == reflect.TypeOf(msg) {
			return uint8(i)
		}
	}
	tb.Fatalf("%s has no method taking %T", s.Service.ServiceName, msg)
	return 0
}

// Call decodes bz as the request of method and calls it on srv, as the Msg
// service router does. It returns ErrUndecodable when bz does not decode.
func Call(ctx context.Context, srv any, method grpc.MethodDesc, bz []byte) (any, error) {
	var decodeErr error
	decode := func(in any) error {
		decodeErr = in.(interface{ Unmarshal([]byte) error }).Unmarshal(bz)
		return decodeErr
	}
	res, err := method.Handler(srv, ctx, decode, nil)
	if decodeErr != nil {
		return nil, ErrUndecodable
	}
	return res, err
}

// GenesisValidates returns a Server.Accepted that checks that the genesis
// export returns validates.
func GenesisValidates[G interface{ Validate() error }](export func(context.Context) (G, error)) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		gs, err := export(ctx)
		if err != nil {
			return err
		}
		return gs.Validate()
	}
}
