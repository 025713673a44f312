package types

import (
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/crypto"
)

// IndexLength is the length in hex digits of the index of a message whose
// timestamp is at least the minimum: 8 digits of timestamp and 64 of digest.
const IndexLength = 72

// CanonicalJSON returns the RFC 8785 (JCS) form of the whole signed object,
// as Kiwistand's `canonicalize` produces it: keys sorted by UTF-16 code
// units (all ASCII here: href, signature, timestamp, title, type), the
// integer timestamp in ECMAScript number form and strings escaped as
// JSON.stringify escapes them.
func (m SignedMessage) CanonicalJSON() string {
	var b strings.Builder
	b.WriteString(`{"href":`)
	writeJSONString(&b, m.Href)
	b.WriteString(`,"signature":`)
	writeJSONString(&b, m.Signature)
	b.WriteString(`,"timestamp":`)
	// Integers below 2^53 print as their decimal digits in ECMAScript.
	b.WriteString(strconv.FormatUint(m.Timestamp, 10))
	b.WriteString(`,"title":`)
	writeJSONString(&b, m.Title)
	b.WriteString(`,"type":`)
	writeJSONString(&b, m.Type)
	b.WriteByte('}')
	return b.String()
}

// writeJSONString escapes as ECMAScript's JSON.stringify (well-formed
// variant): only '"', '\\' and control characters are escaped; '<', '>',
// '&', U+2028 and U+2029 are written as they are.
func writeJSONString(b *strings.Builder, s string) {
	const hexDigits = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[r>>4])
			b.WriteByte(hexDigits[r&0xf])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}

// CBORTextString encodes s as one CBOR text string (major type 3) with the
// shortest length header, as cbor-x does for a string.
func CBORTextString(s string) []byte {
	n := uint64(len(s))
	var head []byte
	switch {
	case n < 24:
		head = []byte{0x60 | byte(n)}
	case n <= 0xff:
		head = []byte{0x78, byte(n)}
	case n <= 0xffff:
		head = binary.BigEndian.AppendUint16([]byte{0x79}, uint16(n))
	case n <= 0xffffffff:
		head = binary.BigEndian.AppendUint32([]byte{0x7a}, uint32(n))
	default:
		head = binary.BigEndian.AppendUint64([]byte{0x7b}, n)
	}
	return append(head, s...)
}

// IndexDigest returns keccak256 of the CBOR text string of the canonical
// JSON, in lower-case hex.
func (m SignedMessage) IndexDigest() string {
	return hex.EncodeToString(crypto.Keccak256(CBORTextString(m.CanonicalJSON())))
}

// Index returns Kiwistand's identifier of the message: the timestamp in
// unpadded lower-case hex followed by IndexDigest. A comment's href is
// "kiwi:0x" followed by its parent's index.
func (m SignedMessage) Index() string {
	return strconv.FormatUint(m.Timestamp, 16) + m.IndexDigest()
}

// TimestampOfIndex returns the timestamp an index (see Index) begins with,
// or ErrInvalidHref when index is none.
func TimestampOfIndex(index string) (uint64, error) {
	const digestLen = 64
	if len(index) <= digestLen {
		return 0, ErrInvalidHref.Wrapf("index %q is shorter than a timestamp and a digest", index)
	}
	if _, err := hex.DecodeString(index[len(index)-digestLen:]); err != nil {
		return 0, ErrInvalidHref.Wrapf("index %q does not end in a 32-byte hex digest", index)
	}
	ts, err := strconv.ParseUint(index[:len(index)-digestLen], 16, 64)
	if err != nil {
		return 0, ErrInvalidHref.Wrapf("index %q does not begin with a hex timestamp", index)
	}
	return ts, nil
}
