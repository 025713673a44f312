package types

import (
	"github.com/cosmos/gogoproto/proto"
)

// Generated files register their descriptors with gogoproto in init
// functions, which Go runs in file-name order: events.pb.go, genesis.pb.go
// and query.pb.go would register before types.pb.go, and gogoproto would
// then link the types they import from types.proto as empty placeholders,
// so that amino-JSON and textual signing would see MsgUpdateParams.params
// as an empty message.
//
// Registering types.proto while package variables are initialised, which
// precedes every init function, links the other files properly; the
// registration in types.pb.go's init is then a no-op.
var _ = registerTypesProtoFirst()

func registerTypesProtoFirst() bool {
	descriptor, _ := (&StoredMessage{}).Descriptor()
	proto.RegisterFile("kizuna/amplify/v1/types.proto", descriptor)
	return true
}
