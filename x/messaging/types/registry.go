package types

import (
	"github.com/cosmos/gogoproto/proto"
	golangproto "github.com/golang/protobuf/proto" //nolint:staticcheck // grpc-gateway v1 reads enums from this registry
)

// Generated files register their descriptors with gogoproto in init
// functions, which Go runs in file-name order: events.pb.go, genesis.pb.go,
// query.pb.go and tx.pb.go would register before types.pb.go, and gogoproto
// would then link the types they import from types.proto as empty
// placeholders. Every reader of gogoproto's registry (x/tx amino-JSON and
// textual signing, the interface registry) would see MsgUpdateParams.params
// as an empty message and sign {} for it.
//
// Registering types.proto while package variables are initialised, which
// precedes every init function, links the other files properly; the
// registration in types.pb.go's init is then a no-op.
var _ = registerTypesProtoFirst()

func registerTypesProtoFirst() bool {
	descriptor, _ := (&Thread{}).Descriptor()
	proto.RegisterFile("kizuna/messaging/v1/types.proto", descriptor)
	return true
}

// The REST gateway parses enum query parameters with the enum registry of
// golang/protobuf, which gogoproto does not fill; without this, only numbers
// would be accepted.
func init() {
	golangproto.RegisterEnum("kizuna.messaging.v1.ThreadKind", ThreadKind_name, ThreadKind_value) //nolint:staticcheck // see above
}
