// Package fuzzcheck holds what every module's stateless fuzz targets check
// of a validation or a parser: that it is deterministic and fails only with
// the module's registered errors (a panic fails a fuzz target by itself),
// and the decoding of fuzz arguments into the values a Msg carries.
package fuzzcheck

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// Twice runs check twice and checks that it gives the same result and error
// message both times, and that the error is nil or one of registered. It
// returns the result and error of the first run, for the target's own
// checks of what check accepts.
func Twice[T any](t *testing.T, registered []error, check func() (T, error)) (T, error) {
	t.Helper()
	got, err := check()
	again, errAgain := check()
	require.Equal(t, errorText(err), errorText(errAgain), "not deterministic")
	require.Equal(t, got, again, "not deterministic")
	RequireRegistered(t, "the check", err, registered)
	return got, err
}

// TwiceErr is Twice for a check that returns only an error, such as a Msg's
// Validate.
func TwiceErr(t *testing.T, registered []error, check func() error) error {
	t.Helper()
	_, err := Twice(t, registered, func() (struct{}, error) { return struct{}{}, check() })
	return err
}

// RequireRegistered fails tb, naming what returned err, unless err is nil
// or one of registered: any other error is a bug.
func RequireRegistered(tb testing.TB, what string, err error, registered []error) {
	tb.Helper()
	if err != nil && !errorsmod.IsOf(err, registered...) {
		tb.Fatalf("%s returned an unregistered error %T: %v", what, err, err)
	}
}

// List turns a comma-separated fuzz argument, such as the clear_fields of an
// update Msg, into a list; "" is none.
func List(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// Int decodes a fuzzed amount as the protobuf decoder of a math.Int field
// does: decimal digits of at most 256 bits, or no value at all.
func Int(s string) math.Int {
	i, ok := math.NewIntFromString(s)
	if !ok {
		return math.Int{}
	}
	return i
}

func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
