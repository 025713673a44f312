// Package fuzzmsg calls a module's Msg service with fuzzed request bytes, as
// the keeper fuzz targets of every module do.
package fuzzmsg

import (
	"context"
	"errors"
	"testing"

	"google.golang.org/grpc"
)

// ErrUndecodable reports fuzz input that is no protobuf encoding of the
// method's request.
var ErrUndecodable = errors.New("input does not decode")

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

// MethodIndex returns the index of the named method in service.
func MethodIndex(tb testing.TB, service grpc.ServiceDesc, name string) uint8 {
	tb.Helper()
	for i, m := range service.Methods {
		if m.MethodName == name {
			return uint8(i)
		}
	}
	tb.Fatalf("%s has no method %s", service.ServiceName, name)
	return 0
}

// IsOneOf reports whether err is one of targets.
func IsOneOf(err error, targets []error) bool {
	for _, target := range targets {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
