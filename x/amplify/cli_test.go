package amplify_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	"github.com/kizuna-chain/kizuna/x/amplify"
)

func TestCLI_SubmitTakesAnOptionalCommunityID(t *testing.T) {
	msg, signer := conformance.Tx(t, amplify.AppModule{}, "submit", "Hello Kiwi News", "https://example.com", "amplify", "1672527600", sig, "--community-id", "3")
	require.Equal(t, "/kizuna.amplify.v1.MsgSubmitAmplify", msg["@type"])
	require.Equal(t, signer, msg["submitter"])
	require.Equal(t, "3", msg["community_id"])
	require.Equal(t, sig, msg["signature"])

	msg, _ = conformance.Tx(t, amplify.AppModule{}, "submit", "Hello Kiwi News", "https://example.com", "amplify", "1672527600", sig)
	require.Contains(t, []any{nil, "0"}, msg["community_id"], "no --community-id states no community")
}
