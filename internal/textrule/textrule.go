// Package textrule holds the rules every module applies to the text and
// links members write on chain: names, titles, descriptions, memos, URIs of
// avatars and photos and the digests of what they point to.
package textrule

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net/url"
	"unicode"
	"unicode/utf8"
)

// Line checks single-line text (a name, title, location, memo): valid UTF-8
// of at most maxLen code points, without control characters and without
// invisible formatting characters (zero-width spaces, bidi overrides), which
// would let "Garden" and "Gar\u200bden" look the same.
func Line(s string, maxLen uint32) error {
	return check(s, maxLen, false)
}

// Paragraphs checks multi-line text (a description): valid UTF-8 of at most
// maxLen code points, without control characters other than tabs and line
// breaks. Formatting characters are allowed, so that emoji joined with
// zero-width joiners survive.
func Paragraphs(s string, maxLen uint32) error {
	return check(s, maxLen, true)
}

func check(s string, maxLen uint32, multiline bool) error {
	if !utf8.ValidString(s) {
		return errors.New("not valid UTF-8")
	}
	if n := utf8.RuneCountInString(s); uint64(n) > uint64(maxLen) {
		return fmt.Errorf("%d characters, at most %d allowed", n, maxLen)
	}
	for _, r := range s {
		if !multiline && unicode.Is(unicode.Cf, r) {
			return fmt.Errorf("contains invisible formatting character %U", r)
		}
		if !unicode.IsControl(r) {
			continue
		}
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		return fmt.Errorf("contains control character %U", r)
	}
	return nil
}

// URI checks a link: empty, or an absolute URI (with a scheme) of at most
// maxLen code points without white space.
func URI(uri string, maxLen uint32) error {
	if uri == "" {
		return nil
	}
	if err := Line(uri, maxLen); err != nil {
		return err
	}
	for _, r := range uri {
		if unicode.IsSpace(r) {
			return errors.New("contains white space")
		}
	}
	u, err := url.Parse(uri)
	if err != nil {
		return err
	}
	if u.Scheme == "" {
		return fmt.Errorf("%q has no scheme", uri)
	}
	return nil
}

// Digest checks the digest of a linked file: empty, or a SHA-256 digest (32
// bytes) of what a non-empty uri points to.
func Digest(uri string, digest []byte) error {
	if len(digest) == 0 {
		return nil
	}
	if len(digest) != sha256.Size {
		return fmt.Errorf("sha256 has %d bytes, want %d", len(digest), sha256.Size)
	}
	if uri == "" {
		return errors.New("sha256 given without a uri")
	}
	return nil
}
