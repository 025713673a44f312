// Package gogocodec is the gRPC codec for clients of a Kizuna node: it
// encodes messages with the Marshal and Unmarshal methods gogoproto
// generates. The protobuf runtime's reflection, which gRPC's own codec
// uses, cannot handle gogoproto custom types such as math.Int.
package gogocodec

import "fmt"

// Codec is the codec; pass grpc.ForceCodec(gogocodec.Codec{}) when dialing.
type Codec struct{}

type message interface {
	Marshal() ([]byte, error)
	Unmarshal([]byte) error
}

// Marshal encodes a gogoproto message.
func (Codec) Marshal(v any) ([]byte, error) {
	m, ok := v.(message)
	if !ok {
		return nil, fmt.Errorf("cannot encode %T: not a gogoproto message", v)
	}
	return m.Marshal()
}

// Unmarshal decodes a gogoproto message.
func (Codec) Unmarshal(data []byte, v any) error {
	m, ok := v.(message)
	if !ok {
		return fmt.Errorf("cannot decode %T: not a gogoproto message", v)
	}
	return m.Unmarshal(data)
}

// Name is the content subtype the nodes expect for protobuf.
func (Codec) Name() string { return "proto" }
