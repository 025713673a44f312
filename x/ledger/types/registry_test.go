package types_test

import (
	"strings"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	_ "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// TestDescriptors_LinkEveryFieldType guards against gogoproto registering a
// file before the files it imports, which leaves placeholder types behind.
func TestDescriptors_LinkEveryFieldType(t *testing.T) {
	var files int
	proto.HybridResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if !strings.HasPrefix(fd.Path(), "kizuna/ledger/") {
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
