package textrule_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/internal/textrule"
)

func TestLine(t *testing.T) {
	require.NoError(t, textrule.Line("Kaga Commons", 64))
	require.NoError(t, textrule.Line(strings.Repeat("é", 64), 64), "lengths count code points, not bytes")
	require.Error(t, textrule.Line(strings.Repeat("é", 65), 64))
	require.Error(t, textrule.Line("a\nb", 64), "line breaks")
	require.Error(t, textrule.Line("a\tb", 64), "tabs")
	require.Error(t, textrule.Line("Gar\u200bden", 64), "zero-width space")
	require.Error(t, textrule.Line("\u202eGarden", 64), "bidi override")
	require.Error(t, textrule.Line("Garden\u0085", 64), "C1 control")
	require.Error(t, textrule.Line("Gar\xffden", 64), "invalid UTF-8")
}

func TestParagraphs(t *testing.T) {
	require.NoError(t, textrule.Paragraphs("line one\nline two\r\n\tindented", 100))
	require.NoError(t, textrule.Paragraphs("Farmers \U0001F469\u200D\U0001F33E welcome", 100), "emoji with ZWJ")
	require.Error(t, textrule.Paragraphs("a\x07b", 100), "bell")
	require.Error(t, textrule.Paragraphs(strings.Repeat("x", 101), 100))
}

func TestURI(t *testing.T) {
	require.NoError(t, textrule.URI("", 10))
	require.NoError(t, textrule.URI("ipfs://bafybeigdyr/avatar.png", 512))
	require.NoError(t, textrule.URI("data:image/png;base64,iVBORw0KGgo=", 512))
	require.Error(t, textrule.URI("avatar.png", 512), "no scheme")
	require.Error(t, textrule.URI("https://x.org/a b", 512), "white space")
	require.Error(t, textrule.URI("https://x.org/%zz", 512), "bad escape")
	require.Error(t, textrule.URI("https://x.org/"+strings.Repeat("a", 512), 512), "too long")
}

func TestDigest(t *testing.T) {
	require.NoError(t, textrule.Digest("", nil))
	require.NoError(t, textrule.Digest("ipfs://a", make([]byte, 32)))
	require.Error(t, textrule.Digest("", make([]byte, 32)), "digest without uri")
	require.Error(t, textrule.Digest("ipfs://a", make([]byte, 31)), "short digest")
}
