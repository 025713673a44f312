package types

import (
	"strings"
	"unicode/utf8"
)

// normalizePath turns an escaped URL path into the one normalize-url 8
// produces: the WHATWG URL parser removes "." and ".." segments (also
// written %2e), normalize-url collapses duplicate slashes and decodes the
// path with decodeURI, and the URL serializer encodes again what a path may
// not hold literally.
func normalizePath(escaped string) string {
	path := duplicateSlashes.ReplaceAllString(removeDotSegments(escaped), "/")
	return decodeURIPath(path)
}

// removeDotSegments resolves "." and ".." segments as the WHATWG URL parser
// does for special schemes: a ".." pops the previous segment (never past the
// root), and a trailing dot segment leaves a trailing slash.
func removeDotSegments(path string) string {
	if !strings.HasPrefix(path, "/") {
		return path
	}
	segments := strings.Split(path[1:], "/")
	out := make([]string, 0, len(segments))
	for i, seg := range segments {
		last := i == len(segments)-1
		switch {
		case isDoubleDot(seg):
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		case isSingleDot(seg):
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, seg)
		}
	}
	return "/" + strings.Join(out, "/")
}

func isSingleDot(seg string) bool {
	return seg == "." || strings.EqualFold(seg, "%2e")
}

func isDoubleDot(seg string) bool {
	switch strings.ToLower(seg) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

// uriReserved are the characters decodeURI leaves escaped.
const uriReserved = ";/?:@&=+$,#"

// decodeURIPath decodes the path as JavaScript's decodeURI does (escapes of
// reserved characters stay as written) and encodes what the WHATWG path
// percent-encode set requires (controls, space, `"#<>?{}` and backtick,
// non-ASCII) with upper-case hex. When decodeURI would throw (an escape that
// is not valid UTF-8), normalize-url keeps the path as it is, and so does
// this.
func decodeURIPath(path string) string {
	if !strings.Contains(path, "%") {
		return path
	}
	var b strings.Builder
	for i := 0; i < len(path); {
		if path[i] != '%' {
			b.WriteByte(path[i])
			i++
			continue
		}
		first, ok := unhex2(path, i)
		if !ok {
			b.WriteByte('%')
			i++
			continue
		}
		if first < utf8.RuneSelf {
			if strings.IndexByte(uriReserved, first) >= 0 {
				b.WriteString(path[i : i+3])
			} else {
				writePathByte(&b, first)
			}
			i += 3
			continue
		}
		// A multi-byte UTF-8 character: every byte must be escaped.
		n := utf8SequenceLength(first)
		if n == 0 {
			return path
		}
		seq := []byte{first}
		for k := 1; k < n; k++ {
			c, ok := unhex2(path, i+3*k)
			if !ok {
				return path
			}
			seq = append(seq, c)
		}
		if r, _ := utf8.DecodeRune(seq); r == utf8.RuneError {
			return path
		}
		for _, c := range seq {
			writePathByte(&b, c)
		}
		i += 3 * n
	}
	return b.String()
}

// writePathByte writes c literally, or escaped when the WHATWG path
// percent-encode set holds it.
func writePathByte(b *strings.Builder, c byte) {
	if c <= ' ' || c >= 0x7f || strings.IndexByte("\"#<>?`{}", c) >= 0 {
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xf])
		return
	}
	b.WriteByte(c)
}

// unhex2 reads the escape %XX at s[i:].
func unhex2(s string, i int) (byte, bool) {
	if i+2 >= len(s) || s[i] != '%' {
		return 0, false
	}
	hi, ok1 := unhex(s[i+1])
	lo, ok2 := unhex(s[i+2])
	return hi<<4 | lo, ok1 && ok2
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// utf8SequenceLength is the length of the UTF-8 sequence a lead byte starts,
// 0 for a byte that cannot start one.
func utf8SequenceLength(c byte) int {
	switch {
	case c&0xe0 == 0xc0:
		return 2
	case c&0xf0 == 0xe0:
		return 3
	case c&0xf8 == 0xf0:
		return 4
	}
	return 0
}
