package conformance

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	golangproto "github.com/golang/protobuf/proto" //nolint:staticcheck // the enum registry the REST gateway reads
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// protoFiles are the proto files of every module, under kizuna/<module>/v1/.
var protoFiles = []string{"types.proto", "tx.proto", "query.proto", "genesis.proto", "events.proto"}

// checkProtoFiles: the module's proto files are registered with gogoproto
// with every field's message and enum type linked, not left a placeholder
// (which amino-JSON would sign as {}); and every enum a query request
// takes is registered where the REST gateway parses enum names.
func checkProtoFiles(t *testing.T, m Module) {
	for _, name := range protoFiles {
		path := "kizuna/" + m.AppModule.Name() + "/v1/" + name
		fd, err := proto.HybridResolver.FindFileByPath(path)
		if assert.NoError(t, err, "%s is registered", path) {
			checkLinked(t, fd.Messages())
		}
	}
	_, queryService := services(t, m.AppModule)
	methods := queryService.Methods()
	for i := range methods.Len() {
		fields := methods.Get(i).Input().Fields()
		for j := range fields.Len() {
			enum := fields.Get(j).Enum()
			if enum == nil {
				continue
			}
			values := golangproto.EnumValueMap(string(enum.FullName())) //nolint:staticcheck // see the import
			require.NotNil(t, values, "enum %s of %s is not registered for the REST gateway", enum.FullName(), fields.Get(j).FullName())
			assert.Len(t, values, enum.Values().Len(), "values of %s for the REST gateway", enum.FullName())
		}
	}
}

func checkLinked(t *testing.T, msgs protoreflect.MessageDescriptors) {
	for i := range msgs.Len() {
		m := msgs.Get(i)
		fields := m.Fields()
		for j := range fields.Len() {
			f := fields.Get(j)
			if f.Message() != nil {
				assert.False(t, f.Message().IsPlaceholder(), "%s: message type %s is a placeholder", f.FullName(), f.Message().FullName())
			}
			if f.Enum() != nil {
				assert.False(t, f.Enum().IsPlaceholder(), "%s: enum type %s is a placeholder", f.FullName(), f.Enum().FullName())
			}
		}
		checkLinked(t, m.Messages())
	}
}
