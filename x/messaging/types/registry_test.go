package types_test

import (
	"strings"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	golangproto "github.com/golang/protobuf/proto" //nolint:staticcheck // the registry the REST gateway reads
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// TestDescriptors_LinkEveryFieldType guards against gogoproto registering a
// file before the files it imports, which leaves placeholder types behind.
func TestDescriptors_LinkEveryFieldType(t *testing.T) {
	var files int
	proto.HybridResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if !strings.HasPrefix(fd.Path(), "kizuna/messaging/") {
			return true
		}
		files++
		checkMessages(t, fd.Messages())
		return true
	})
	require.Equal(t, 5, files)
}

func checkMessages(t *testing.T, msgs protoreflect.MessageDescriptors) {
	t.Helper()
	for i := range msgs.Len() {
		m := msgs.Get(i)
		fields := m.Fields()
		for j := range fields.Len() {
			f := fields.Get(j)
			if f.Message() != nil {
				require.False(t, f.Message().IsPlaceholder(), "%s: message type %s is a placeholder", f.FullName(), f.Message().FullName())
			}
			if f.Enum() != nil {
				require.False(t, f.Enum().IsPlaceholder(), "%s: enum type %s is a placeholder", f.FullName(), f.Enum().FullName())
			}
		}
		checkMessages(t, m.Messages())
	}
}

func TestEnums_RegisteredForTheGateway(t *testing.T) {
	require.Equal(t, int32(types.ThreadKindGroup), golangproto.EnumValueMap("kizuna.messaging.v1.ThreadKind")["THREAD_KIND_GROUP"]) //nolint:staticcheck // see import
}

func TestParams_Validate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	for name, mutate := range map[string]func(*types.Params){
		"zero title":           func(p *types.Params) { p.MaxTitleLength = 0 },
		"payload over ceiling": func(p *types.Params) { p.MaxPayloadBytes = types.CeilingPayloadBytes + 1 },
		"min below 2":          func(p *types.Params) { p.MinGroupMembers = 1 },
		"min above max":        func(p *types.Params) { p.MinGroupMembers = p.MaxGroupMembers + 1 },
		"max over ceiling":     func(p *types.Params) { p.MaxGroupMembers = types.CeilingGroupMembers + 1 },
	} {
		p := types.DefaultParams()
		mutate(&p)
		require.ErrorIs(t, p.Validate(), types.ErrInvalidParams, name)
	}
}
