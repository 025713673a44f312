package app_test

import (
	"strings"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/kizuna-chain/kizuna/app"
)

// TestIndexedEvents_NameRealEventAttributes keeps the default tx index in
// step with the events: a renamed event or field would silently drop out of
// the index and break the searches apps make.
func TestIndexedEvents_NameRealEventAttributes(t *testing.T) {
	for _, key := range app.IndexedEvents {
		i := strings.LastIndex(key, ".")
		require.Positive(t, i, key)
		eventType, attr := key[:i], key[i+1:]
		if !strings.HasPrefix(eventType, "kizuna.") {
			require.Contains(t, []string{"message"}, eventType, "an SDK event the index keeps: %s", key)
			continue
		}
		desc, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(eventType))
		require.NoError(t, err, "%s: no such event", key)
		msg, ok := desc.(protoreflect.MessageDescriptor)
		require.True(t, ok, "%s is not a message", eventType)
		require.NotNil(t, msg.Fields().ByName(protoreflect.Name(attr)), "%s: the event has no attribute %s", key, attr)
	}
}
