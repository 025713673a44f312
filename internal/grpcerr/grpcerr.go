// Package grpcerr gives module errors the gRPC status codes that queries
// should answer with, without hiding the registered error underneath.
package grpcerr

import (
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// InvalidArgument marks err as a bad argument of a query: gRPC answers
// InvalidArgument and the REST gateway HTTP 400, while errors.Is still finds
// the registered error err wraps (a registered error alone maps to Unknown,
// HTTP 500).
func InvalidArgument(err error) error {
	if err == nil {
		return nil
	}
	return invalidArgument{err}
}

type invalidArgument struct {
	err error
}

func (e invalidArgument) Error() string { return e.err.Error() }

func (e invalidArgument) Unwrap() error { return e.err }

// GRPCStatus is what gRPC and the REST gateway read the code from.
func (e invalidArgument) GRPCStatus() *status.Status {
	return status.New(codes.InvalidArgument, e.err.Error())
}

// ErrEmptyRequest answers a query called without a request: gRPC
// InvalidArgument, HTTP 400.
var ErrEmptyRequest = status.Error(codes.InvalidArgument, "empty request")
