package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestValidation_TextRules(t *testing.T) {
	p := types.DefaultParams()

	require.NoError(t, p.ValidateCommunityDescription("line one\nline two\r\n\tindented"), "descriptions are multi-line")
	require.ErrorIs(t, p.ValidateCommunityLocation("a\tb"), types.ErrInvalidLocation, "locations are single-line")
	require.NoError(t, p.ValidateCommunityName(strings.Repeat("é", 64)), "lengths count characters, not bytes")
	require.ErrorIs(t, p.ValidateCommunityName(strings.Repeat("é", 65)), types.ErrInvalidName)
	require.ErrorIs(t, p.ValidateCommunityName("Garden\u0085"), types.ErrInvalidName, "C1 control characters are refused")
	require.ErrorIs(t, p.ValidateCommunityName("Gar\u200bden"), types.ErrInvalidName, "invisible characters are refused in names")
	require.ErrorIs(t, p.ValidateCommunityLocation("\u202eoykoT"), types.ErrInvalidLocation, "bidi overrides are refused in single-line fields")
	require.NoError(t, p.ValidateCommunityDescription("Farmers \U0001F469\u200D\U0001F33E welcome"), "emoji joined with ZWJ are fine in descriptions")

	require.NoError(t, p.ValidateUsername("A_z_0_9"))
	require.NoError(t, p.ValidateUsername(strings.Repeat("u", 30)))
	require.ErrorIs(t, p.ValidateUsername("ab"), types.ErrInvalidUsername)
	require.ErrorIs(t, p.ValidateUsername("a.b"), types.ErrInvalidUsername)

	require.NoError(t, p.ValidateAvatarURI(""))
	require.NoError(t, p.ValidateAvatarURI("ipfs://bafybeigdyr/avatar.png"))
	require.NoError(t, p.ValidateAvatarURI("data:image/png;base64,iVBORw0KGgo="))
	require.ErrorIs(t, p.ValidateAvatarURI("avatar.png"), types.ErrInvalidAvatar)
	require.ErrorIs(t, p.ValidateAvatarURI("https://x.org/%zz"), types.ErrInvalidAvatar)

	require.NoError(t, types.ValidateAvatarDigest("", nil))
	require.NoError(t, types.ValidateAvatarDigest("ipfs://a", make([]byte, 32)))
	require.ErrorIs(t, types.ValidateAvatarDigest("", make([]byte, 32)), types.ErrInvalidAvatar)
	require.ErrorIs(t, types.ValidateAvatarDigest("ipfs://a", make([]byte, 64)), types.ErrInvalidAvatar)
}
