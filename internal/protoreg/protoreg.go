// Package protoreg registers a module's generated proto files so that every
// reader of the registries sees them whole.
//
// Generated files register their descriptors with gogoproto in init
// functions, which Go runs in file-name order: events.pb.go, genesis.pb.go,
// query.pb.go and tx.pb.go would register before types.pb.go, and gogoproto
// would then link the types they import from types.proto as empty
// placeholders. Every reader of gogoproto's registry (x/tx amino-JSON and
// textual signing, the interface registry) would then see, say,
// MsgUpdateParams.params as an empty message and sign {} for it.
//
// The REST gateway (grpc-gateway v1) parses enum query parameters with the
// enum registry of golang/protobuf, which gogoproto does not fill: without
// a registration there, only enum numbers would be accepted.
package protoreg

import (
	"github.com/cosmos/gogoproto/proto"
	golangproto "github.com/golang/protobuf/proto" //nolint:staticcheck // grpc-gateway v1 reads enums from this registry
)

// described is a generated gogoproto message.
type described interface {
	Descriptor() ([]byte, []int)
}

// RegisterFirst registers the proto file that declares msg, at path. Called
// to initialise a package variable, it runs before every init function of
// the package, so the files importing it are linked properly; the
// registration in the generated init is then a no-op.
func RegisterFirst(path string, msg described) bool {
	descriptor, _ := msg.Descriptor()
	proto.RegisterFile(path, descriptor)
	return true
}

// RegisterGatewayEnum registers an enum, by its full proto name, with the
// registry the REST gateway reads.
func RegisterGatewayEnum(name string, names map[int32]string, values map[string]int32) {
	golangproto.RegisterEnum(name, names, values) //nolint:staticcheck // see the import
}
