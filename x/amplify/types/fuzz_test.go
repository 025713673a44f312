package types_test

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/fuzzcheck"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// The fuzz targets of this file check the stateless path a Kiwistand
// message takes into x/amplify: the wire JSON, the schema of
// MsgSubmitAmplify, the signature encodings, the EIP-712 digest and the
// recovery of the signer, the canonical JSON and index, and the
// normalization of links. They are seeded with the Kiwistand vectors of
// testdata/valid.json and testdata/invalid.json.

// amplifyErrors are the errors the stateless checks may return: the module's
// registered errors. Any other error is a bug.
var amplifyErrors = []error{
	types.ErrInvalidMessage, types.ErrInvalidType, types.ErrInvalidTitle, types.ErrInvalidHref,
	types.ErrInvalidSignature, types.ErrTimestampTooOld, types.ErrTimestampInFuture, types.ErrInvalidAddress,
}

// vectorJSON returns the wire messages of the Kiwistand vectors: the signed
// messages of valid.json and the submitted messages of invalid.json.
func vectorJSON(f *testing.F) []json.RawMessage {
	f.Helper()
	var out []json.RawMessage
	for _, file := range []struct{ name, field string }{
		{"valid.json", "signed_message"}, {"invalid.json", "submitted_message"},
	} {
		bz, err := os.ReadFile("testdata/" + file.name)
		require.NoError(f, err)
		var vectors []map[string]json.RawMessage
		require.NoError(f, json.Unmarshal(bz, &vectors))
		for _, v := range vectors {
			out = append(out, v[file.field])
		}
	}
	require.NotEmpty(f, out)
	return out
}

// vectorMessages returns the fields of every vector's wire message, also of
// the ones the wire format rejects (a missing field is empty, a timestamp
// that is no integer 0).
func vectorMessages(f *testing.F) []types.SignedMessage {
	f.Helper()
	var out []types.SignedMessage
	for _, raw := range vectorJSON(f) {
		var loose struct {
			Title, Href, Type, Signature string
			Timestamp                    json.RawMessage
		}
		if json.Unmarshal(raw, &loose) != nil {
			continue
		}
		ts, _ := strconv.ParseUint(string(loose.Timestamp), 10, 64)
		out = append(out, types.SignedMessage{
			Content:   types.Content{Title: loose.Title, Href: loose.Href, Type: loose.Type, Timestamp: ts},
			Signature: loose.Signature,
		})
	}
	return out
}

// FuzzParseSignedMessageJSON checks that ParseSignedMessageJSON never
// panics, is deterministic and fails only with registered errors, and that
// a message it accepts survives a round trip through JSON.
func FuzzParseSignedMessageJSON(f *testing.F) {
	for _, raw := range vectorJSON(f) {
		f.Add([]byte(raw))
	}
	for _, s := range []string{
		`{}`, `null`, `[]`, `"x"`, `{"title":null,"href":"","type":"","timestamp":1,"signature":""}`,
		`{"title":"","href":"","type":"","timestamp":1.7e9,"signature":""}`,
		`{"title":"","href":"","type":"","timestamp":-1,"signature":""}`,
		`{"title":"","href":"","type":"","timestamp":9007199254740992,"signature":""}`,
		`{"title":"","href":"","type":"","timestamp":1,"signature":"","a":1,"b":2}`,
		`{"title":1,"href":2,"type":"","timestamp":1,"signature":""}`,
		`{"title":"a","title":"b","href":"","type":"","timestamp":1,"signature":""}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, bz []byte) {
		m, err := fuzzcheck.Twice(t, amplifyErrors, func() (types.SignedMessage, error) { return types.ParseSignedMessageJSON(bz) })
		if err != nil {
			return
		}
		require.LessOrEqual(t, m.Timestamp, types.MaxSafeTimestamp)
		again, err := json.Marshal(map[string]any{
			"title": m.Title, "href": m.Href, "type": m.Type, "timestamp": m.Timestamp, "signature": m.Signature,
		})
		require.NoError(t, err)
		parsed, err := types.ParseSignedMessageJSON(again)
		require.NoError(t, err, "%s", again)
		if utf8.ValidString(m.Title + m.Href + m.Type + m.Signature) {
			require.Equal(t, m, parsed)
		}
	})
}

// FuzzMsgSubmitAmplifyValidateSchema checks that the schema validation of
// MsgSubmitAmplify never panics, is deterministic and fails only with
// registered errors, and that what it accepts has the shape Kiwistand's
// schema requires; the link of an accepted amplify is derived or refused
// with a registered error, deterministically.
func FuzzMsgSubmitAmplifyValidateSchema(f *testing.F) {
	for _, m := range vectorMessages(f) {
		f.Add(m.Title, m.Href, m.Type, m.Timestamp, m.Signature)
	}
	f.Add("Hi", "https://[::1]:8080/a", types.TypeAmplify, types.MinTimestamp, "0x00")
	f.Add("Hi", "https://example.com/%zz", types.TypeAmplify, types.MinTimestamp, "0xab")
	f.Add("Hi", "https://exa mple.com", types.TypeAmplify, types.MinTimestamp, "0xab")
	f.Add("\xff", "\xfe", types.TypeComment, types.MaxSafeTimestamp+1, "\xfd")
	f.Add("👍", "kiwi:0x"+strings.Repeat("a", 72), types.TypeComment, types.MaxSafeTimestamp, "no 0x here")
	f.Fuzz(func(t *testing.T, title, href, msgType string, timestamp uint64, signature string) {
		msg := &types.MsgSubmitAmplify{Title: title, Href: href, Type: msgType, Timestamp: timestamp, Signature: signature}
		sm := msg.SignedMessage()
		if err := fuzzcheck.TwiceErr(t, amplifyErrors, sm.ValidateSchema); err != nil {
			return
		}
		require.True(t, utf8.ValidString(title+href+msgType+signature))
		require.LessOrEqual(t, timestamp, types.MaxSafeTimestamp)
		require.Contains(t, signature, "0x")
		switch msgType {
		case types.TypeAmplify:
			require.LessOrEqual(t, utf8.RuneCountInString(title), types.MaxAmplifyTitle)
			require.LessOrEqual(t, utf8.RuneCountInString(href), types.MaxAmplifyHref)
			link, err := fuzzcheck.Twice(t, amplifyErrors, sm.Link)
			if err == nil {
				require.NotEmpty(t, link)
			}
		case types.TypeComment:
			require.LessOrEqual(t, utf8.RuneCountInString(title), types.MaxCommentTitle)
			require.Len(t, href, len(types.KiwiPrefix)+types.IndexLength)
			require.True(t, strings.HasPrefix(href, types.KiwiPrefix))
			require.Equal(t, types.IsReaction(title), types.IsReaction(title))
		default:
			t.Fatalf("schema accepted type %q", msgType)
		}
	})
}

// FuzzParseSignature checks that ParseSignature never panics, is
// deterministic and fails only with ErrInvalidSignature, and that an
// accepted signature is r || s || recovery bit, which parses to itself again
// in the 65-byte form with v = 27 + bit and in the EIP-2098 compact form.
func FuzzParseSignature(f *testing.F) {
	for _, m := range vectorMessages(f) {
		f.Add(m.Signature)
	}
	for _, s := range []string{
		"", "0x", "0X00", "0x0", "0x1234", "0xzz", "0x" + strings.Repeat("00", 64), "0x" + strings.Repeat("ff", 65),
		"0x" + strings.Repeat("11", 64) + "1a", "0x" + strings.Repeat("11", 64) + "02", "0x" + strings.Repeat("AB", 64) + "1B",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sig string) {
		raw, err := fuzzcheck.Twice(t, amplifyErrors, func() ([]byte, error) { return types.ParseSignature(sig) })
		if err != nil {
			require.ErrorIs(t, err, types.ErrInvalidSignature)
			return
		}
		require.Len(t, raw, crypto.SignatureLength)
		require.LessOrEqual(t, raw[64], byte(1), "recovery bit")
		require.True(t, strings.HasPrefix(sig, "0x"))

		v27 := append(bytes.Clone(raw[:64]), 27+raw[64])
		again, err := types.ParseSignature("0x" + hex.EncodeToString(v27))
		require.NoError(t, err)
		require.Equal(t, raw, again)
		if raw[32]&0x80 == 0 { // the compact form has no room for the top bit of s
			compact := bytes.Clone(raw[:64])
			compact[32] |= raw[64] << 7
			again, err = types.ParseSignature("0x" + hex.EncodeToString(compact))
			require.NoError(t, err)
			require.Equal(t, raw, again)
		}
	})
}

// FuzzRecoverDigest checks that RecoverDigest never panics on any digest
// and signature bytes, is deterministic and fails only with
// ErrInvalidSignature.
func FuzzRecoverDigest(f *testing.F) {
	for _, m := range vectorMessages(f) {
		digest, err := m.Digest()
		require.NoError(f, err)
		sig, err := types.ParseSignature(m.Signature)
		if err != nil {
			sig = []byte(m.Signature)
		}
		f.Add(digest, sig)
	}
	f.Add(make([]byte, 32), make([]byte, 65))
	f.Add([]byte{}, []byte{})
	f.Add(make([]byte, 31), bytes.Repeat([]byte{0xff}, 65))
	f.Add(bytes.Repeat([]byte{1}, 32), append(bytes.Repeat([]byte{1}, 64), 4))
	f.Fuzz(func(t *testing.T, digest, sig []byte) {
		_, err := fuzzcheck.Twice(t, amplifyErrors, func() (string, error) {
			addr, err := types.RecoverDigest(digest, sig)
			return addr.Hex(), err
		})
		if err != nil {
			require.ErrorIs(t, err, types.ErrInvalidSignature)
		}
	})
}

// Signature encodings FuzzContentDigest signs with: the forms
// ParseSignature accepts.
const (
	sigV27 = iota
	sigV01
	sigCompact
	sigUpperCase
	sigForms
)

// FuzzContentDigest checks the EIP-712 path of a Kiwistand message: Digest
// never panics and is deterministic; it equals keccak256(0x1901 ||
// domainSeparator || hashStruct(Message)) computed here by hand from
// Kiwistand's domain and type; and a signature over it by a key derived from
// the fuzz input, in any encoding ParseSignature accepts, recovers that
// key's address.
func FuzzContentDigest(f *testing.F) {
	for i, m := range vectorMessages(f) {
		f.Add(m.Title, m.Href, m.Type, m.Timestamp, []byte{byte(i)}, uint8(i%sigForms))
	}
	f.Add("", "", "", uint64(0), []byte{}, uint8(0))
	f.Add("\xff\x00", "data:text/plain,\u2028", "upvote", uint64(1)<<63, []byte("key"), uint8(3))
	f.Fuzz(func(t *testing.T, title, href, msgType string, timestamp uint64, keySeed []byte, form uint8) {
		content := types.Content{Title: title, Href: href, Type: msgType, Timestamp: timestamp}
		digest, err := fuzzcheck.Twice(t, amplifyErrors, content.Digest)
		require.NoError(t, err, "every content has a digest")
		require.Equal(t, eip712Digest(content), digest)

		key, err := crypto.ToECDSA(crypto.Keccak256(keySeed))
		if err != nil {
			t.Skip("the seed hashes to no valid private key")
		}
		raw, err := crypto.Sign(digest, key)
		require.NoError(t, err)
		var sig string
		switch form % sigForms {
		case sigV27:
			raw[64] += 27
			sig = "0x" + hex.EncodeToString(raw)
		case sigV01:
			sig = "0x" + hex.EncodeToString(raw)
		case sigCompact:
			compact := raw[:64]
			compact[32] |= raw[64] << 7 // crypto.Sign returns low s: the top bit is free
			sig = "0x" + hex.EncodeToString(compact)
		default:
			raw[64] += 27
			sig = "0x" + strings.ToUpper(hex.EncodeToString(raw))
		}
		signer, err := types.SignedMessage{Content: content, Signature: sig}.RecoverSigner()
		require.NoError(t, err)
		require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), signer)
	})
}

// eip712Digest encodes the typed data of a Kiwistand message by hand, as
// EIP-712 defines it, independently of go-ethereum's apitypes.
func eip712Digest(c types.Content) []byte {
	keccak := crypto.Keccak256
	salt, err := hex.DecodeString(strings.TrimPrefix(types.DomainSalt, "0x"))
	if err != nil {
		panic(err)
	}
	domain := keccak(
		keccak([]byte("EIP712Domain(string name,string version,bytes32 salt)")),
		keccak([]byte(types.DomainName)), keccak([]byte(types.DomainVersion)), salt,
	)
	timestamp := new(big.Int).SetUint64(c.Timestamp).FillBytes(make([]byte, 32))
	message := keccak(
		keccak([]byte("Message(string title,string href,string type,uint256 timestamp)")),
		keccak([]byte(c.Title)), keccak([]byte(c.Href)), keccak([]byte(c.Type)), timestamp,
	)
	return keccak([]byte{0x19, 0x01}, domain, message)
}

// FuzzCanonicalJSONAndIndex checks Kiwistand's identifier of a message:
// CanonicalJSON, CBORTextString and Index never panic and are deterministic;
// the canonical JSON of valid UTF-8 fields is JSON that decodes to exactly
// those fields, keys in order, without raw control characters; its CBOR
// text string has the shortest header and the JSON as payload; and the index
// is the hex timestamp followed by the keccak256 of that CBOR, 72 digits for
// timestamps from the minimum to 2^32.
func FuzzCanonicalJSONAndIndex(f *testing.F) {
	for _, m := range vectorMessages(f) {
		f.Add(m.Title, m.Href, m.Type, m.Timestamp, m.Signature)
	}
	f.Add("\"quoted\" \\ \b\f\n\r\t\x00\x1f\x7f <&> \u2028\u2029 😀", "", "", uint64(0), "")
	f.Add(strings.Repeat("x", 70000), "h", "t", types.MaxSafeTimestamp, "0x")
	f.Add("\xff", "\xc3", "\xed\xa0\x80", uint64(1)<<63, "")
	f.Fuzz(func(t *testing.T, title, href, msgType string, timestamp uint64, signature string) {
		m := types.SignedMessage{
			Content:   types.Content{Title: title, Href: href, Type: msgType, Timestamp: timestamp},
			Signature: signature,
		}
		canonical := m.CanonicalJSON()
		require.Equal(t, canonical, m.CanonicalJSON(), "CanonicalJSON is not deterministic")
		index := m.Index()
		require.Equal(t, index, m.Index(), "Index is not deterministic")

		if utf8.ValidString(title + href + msgType + signature) {
			requireCanonicalJSON(t, canonical, m)
		}
		requireCBORTextString(t, canonical, types.CBORTextString(canonical))

		digest := hex.EncodeToString(crypto.Keccak256(types.CBORTextString(canonical)))
		require.Equal(t, digest, m.IndexDigest())
		require.Equal(t, strconv.FormatUint(timestamp, 16)+digest, index)
		if timestamp >= types.MinTimestamp && timestamp < 1<<32 {
			require.Len(t, index, types.IndexLength)
		}
	})
}

// requireCanonicalJSON checks that canonical is the JCS form of m: valid
// JSON of exactly m's fields in key order, with no raw control character.
func requireCanonicalJSON(t *testing.T, canonical string, m types.SignedMessage) {
	t.Helper()
	require.True(t, json.Valid([]byte(canonical)), "%q", canonical)
	for _, r := range canonical {
		require.GreaterOrEqual(t, r, rune(0x20), "raw control character in %q", canonical)
	}
	dec := json.NewDecoder(strings.NewReader(canonical))
	dec.UseNumber()
	var fields map[string]any
	require.NoError(t, dec.Decode(&fields))
	require.Equal(t, map[string]any{
		"href": m.Href, "signature": m.Signature, "timestamp": json.Number(strconv.FormatUint(m.Timestamp, 10)),
		"title": m.Title, "type": m.Type,
	}, fields)
	// The values are scalars: after the opening brace, tokens alternate
	// between a key and its value.
	dec = json.NewDecoder(strings.NewReader(canonical))
	_, err := dec.Token()
	require.NoError(t, err)
	var keys []string
	for dec.More() {
		key, err := dec.Token()
		require.NoError(t, err)
		keys = append(keys, key.(string))
		_, err = dec.Token()
		require.NoError(t, err)
	}
	require.Equal(t, []string{"href", "signature", "timestamp", "title", "type"}, keys)
}

// requireCBORTextString checks that bz is s as one CBOR text string with the
// shortest length header.
func requireCBORTextString(t *testing.T, s string, bz []byte) {
	t.Helper()
	require.NotEmpty(t, bz)
	require.Equal(t, byte(0x60), bz[0]&0xe0, "major type 3")
	var n uint64
	var header int
	switch info := bz[0] & 0x1f; {
	case info < 24:
		n, header = uint64(info), 1
	case info == 24:
		n, header = uint64(bz[1]), 2
		require.GreaterOrEqual(t, n, uint64(24), "longer header than needed")
	case info == 25:
		n, header = uint64(binary.BigEndian.Uint16(bz[1:3])), 3
		require.Greater(t, n, uint64(0xff), "longer header than needed")
	case info == 26:
		n, header = uint64(binary.BigEndian.Uint32(bz[1:5])), 5
		require.Greater(t, n, uint64(0xffff), "longer header than needed")
	default:
		t.Fatalf("unexpected CBOR header %#x for %d bytes", bz[0], len(s))
	}
	require.Equal(t, uint64(len(s)), n)
	require.Equal(t, s, string(bz[header:]))
}

// FuzzNormalizeURL checks that NormalizeURL never panics, is deterministic
// and fails only with ErrInvalidHref, and that it returns http(s) URLs. For
// the hrefs the amplify schema accepts (no white space, nothing but URI
// characters) the link is valid UTF-8, loses no byte of the href and
// normalizes to itself: amplifies of a link and of its normal form count
// for the same link. The one exception is normalize-url's own: it removes
// one trailing dot of the host per pass.
func FuzzNormalizeURL(f *testing.F) {
	for _, m := range vectorMessages(f) {
		f.Add(m.Href)
	}
	for _, s := range []string{
		"HTTPS://User:Pass@WWW.Example.COM.:443//a//b/?utm_source=x&b=2&a=1#:~:text=hi",
		"http://example.com:80", "https://example.com:8443/", "http://www.www.example.com", "https://www.co",
		"http://[::1]:8080/x", "http://[fe80::1%25en0]/", "http://[::FFFF:1.2.3.4]:80", "http://a.com../",
		"https://example.com/%zz", " https://example.com ", "https://example.com?", "https://example.com#",
		"https://example.com/?&&a=1&&", "https://example.com/a?%ZZ=1&UTM_x=2", "ftp://example.com", "https://",
		"https:///path", "mailto:a@b", "https://exa mple.com", "https://例え.jp/パス",
		"http://0? #", // outside the schema: its link ends in a blank, which a second pass trims
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		link, err := fuzzcheck.Twice(t, amplifyErrors, func() (string, error) { return types.NormalizeURL(raw) })
		if err != nil {
			require.ErrorIs(t, err, types.ErrInvalidHref)
			return
		}
		require.True(t, strings.HasPrefix(link, "http://") || strings.HasPrefix(link, "https://"), link)
		if amplifyOf(raw).ValidateSchema() != nil {
			return
		}
		// A schema-valid href is ASCII: a replacement character in its link
		// is a byte lost in decoding.
		require.True(t, utf8.ValidString(link), "link %q of href %q", link, raw)
		require.NotContains(t, link, "\uFFFD", "link %q of href %q", link, raw)
		again, err := types.NormalizeURL(link)
		require.NoError(t, err, "normalizing %q again (from %q)", link, raw)
		if u, err := url.Parse(link); err == nil && strings.HasSuffix(u.Hostname(), ".") {
			return // "http://a.com.." gives "http://a.com.", which gives "http://a.com"
		}
		require.Equal(t, link, again, "normalizing %q again (from %q)", link, raw)
	})
}

// amplifyOf returns an amplify of href, for its schema check.
func amplifyOf(href string) types.SignedMessage {
	return types.SignedMessage{Content: types.Content{Type: types.TypeAmplify, Href: href}, Signature: "0x00"}
}

// The tests below pin the bugs the fuzz targets above found.

func TestNormalizeURL_KeepsTheBracketsOfAnIPv6Host(t *testing.T) {
	for raw, want := range map[string]string{
		"http://[::1]:8080/x":     "http://[::1]:8080/x", // as normalize-url gives it
		"https://[2001:DB8::1]/":  "https://[2001:db8::1]",
		"http://[fe80::1%25en0]/": "http://[fe80::1%25en0]",
	} {
		got, err := types.NormalizeURL(raw)
		require.NoError(t, err, raw)
		require.Equal(t, want, got, raw)
		again, err := types.NormalizeURL(got)
		require.NoError(t, err, got)
		require.Equal(t, got, again)
	}
}

func TestNormalizeURL_RejectsAHostThatIsNoText(t *testing.T) {
	// Schema-valid, but %80 decodes to no UTF-8; the link used to be
	// "http://00\ufffd00", the same for every such byte.
	_, err := types.NormalizeURL("http://00%8000")
	require.ErrorIs(t, err, types.ErrInvalidHref)
}

func TestValidateSchema_NamesTheSameBadFieldEveryTime(t *testing.T) {
	m := types.SignedMessage{
		Content:   types.Content{Title: "\xff", Href: "\xfe", Type: "\xfd"},
		Signature: "\xfc",
	}
	for range 50 {
		err := m.ValidateSchema()
		require.ErrorIs(t, err, types.ErrInvalidMessage)
		require.Contains(t, err.Error(), "title is not valid UTF-8")
	}
}

func TestParseSignedMessageJSON_NamesTheSameBadPropertyEveryTime(t *testing.T) {
	extra := []byte(`{"title":"","href":"","type":"","timestamp":1,"signature":"","zeta":1,"alpha":2}`)
	notStrings := []byte(`{"title":1,"href":2,"type":3,"timestamp":1,"signature":4}`)
	for range 50 {
		_, err := types.ParseSignedMessageJSON(extra)
		require.ErrorIs(t, err, types.ErrInvalidMessage)
		require.Contains(t, err.Error(), `unknown property "alpha"`)
		_, err = types.ParseSignedMessageJSON(notStrings)
		require.ErrorIs(t, err, types.ErrInvalidMessage)
		require.Contains(t, err.Error(), "title must be a string")
	}
}
