package types

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"cosmossdk.io/errors"
)

// Kiwistand's schema limits (src/constants.mjs). Lengths count Unicode code
// points, as ajv does.
const (
	MaxAmplifyTitle = 80
	MaxAmplifyHref  = 2048
	MaxCommentTitle = 10000
	MaxCommentHref  = 81

	// MinTimestamp is Kiwistand's MIN_TIMESTAMP_SECS (2023-01-01 00:00 CET).
	MinTimestamp uint64 = 1672527600
	// MaxTimestampDelta is Kiwistand's MAX_TIMESTAMP_DELTA_SECS: how far a
	// timestamp may be ahead of the block time.
	MaxTimestampDelta uint64 = 60

	// KiwiPrefix starts a link to a message by its index.
	KiwiPrefix = "kiwi:0x"
	// TextPostPrefix starts the href of a text post.
	TextPostPrefix = "data:text/plain,"
)

var (
	amplifyHrefPattern   = regexp.MustCompile(`^(https?://|data:text/plain,|kiwi:0x)`)
	commentHrefPattern   = regexp.MustCompile(`^kiwi:0x[a-fA-F0-9]{72}$`)
	signaturePattern     = regexp.MustCompile(`0x[a-fA-F0-9]+`)
	uriSchemePattern     = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+\-.]*:`)
	percentEscapePattern = regexp.MustCompile(`%[0-9a-fA-F]{2}`)
)

// ValidateSchema applies Kiwistand's message schema: the type, the title and
// href limits of that type and the (unanchored) signature pattern. It does
// not look at state or time.
func (m SignedMessage) ValidateSchema() error {
	// A slice, not a map: with several bad fields the error names the same
	// one on every node.
	for _, field := range []struct{ name, value string }{
		{"title", m.Title}, {"href", m.Href}, {"type", m.Type}, {"signature", m.Signature},
	} {
		if !utf8.ValidString(field.value) {
			return errors.Wrapf(ErrInvalidMessage, "%s is not valid UTF-8", field.name)
		}
	}
	if m.Timestamp > MaxSafeTimestamp {
		return errors.Wrapf(ErrTimestampInFuture, "timestamp %d is beyond 2^53-1", m.Timestamp)
	}
	switch m.Type {
	case TypeAmplify:
		if n := utf8.RuneCountInString(m.Title); n > MaxAmplifyTitle {
			return errors.Wrapf(ErrInvalidTitle, "%d characters, at most %d allowed", n, MaxAmplifyTitle)
		}
		if n := utf8.RuneCountInString(m.Href); n > MaxAmplifyHref {
			return errors.Wrapf(ErrInvalidHref, "%d characters, at most %d allowed", n, MaxAmplifyHref)
		}
		if !amplifyHrefPattern.MatchString(m.Href) {
			return errors.Wrap(ErrInvalidHref, "href must start with http://, https://, data:text/plain, or kiwi:0x")
		}
		if !isURI(m.Href) {
			return errors.Wrap(ErrInvalidHref, "href is not an RFC 3986 URI")
		}
	case TypeComment:
		if n := utf8.RuneCountInString(m.Title); n > MaxCommentTitle {
			return errors.Wrapf(ErrInvalidTitle, "%d characters, at most %d allowed", n, MaxCommentTitle)
		}
		if len(m.Href) > MaxCommentHref || !commentHrefPattern.MatchString(m.Href) {
			return errors.Wrap(ErrInvalidHref, "a comment's href must be kiwi:0x followed by the parent's 72-digit index")
		}
	default:
		return errors.Wrapf(ErrInvalidType, "%q", m.Type)
	}
	if !signaturePattern.MatchString(m.Signature) {
		return errors.Wrap(ErrInvalidSignature, "signature must contain 0x followed by hex digits")
	}
	return nil
}

// isURI reports whether s is an absolute URI of RFC 3986, the check of
// ajv-formats "uri": a scheme, then only unreserved, reserved and
// percent-escaped characters (no spaces, no non-ASCII), at most one "#",
// and square brackets only around an IPv6 host.
func isURI(s string) bool {
	scheme := uriSchemePattern.FindString(s)
	if scheme == "" {
		return false
	}
	rest := percentEscapePattern.ReplaceAllString(s[len(scheme):], "")
	if strings.Count(rest, "#") > 1 {
		return false
	}
	authorityEnd := len(rest)
	if strings.HasPrefix(rest, "//") {
		if i := strings.IndexAny(rest[2:], "/?#"); i >= 0 {
			authorityEnd = i + 2
		}
	} else {
		authorityEnd = 0
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("-._~!$&'()*+,;=:@/?#", c) >= 0:
		case (c == '[' || c == ']') && i < authorityEnd:
		default:
			return false
		}
	}
	return true
}

// IsReaction reports whether a comment is an emoji reaction: its trimmed
// title is not empty and consists only of emoji (pictographs, with their
// skin-tone modifiers, variation selectors, joiners, keycaps, flags and
// tag sequences), as Kiwistand's isReactionComment decides.
func IsReaction(title string) bool {
	t := strings.TrimFunc(title, unicode.IsSpace)
	if t == "" {
		return false
	}
	pictograph := false
	for _, r := range t {
		switch {
		case isPictograph(r):
			pictograph = true
		case isEmojiComponent(r):
		default:
			return false
		}
	}
	return pictograph
}

// isPictograph approximates Unicode's Extended_Pictographic property, which
// the Go standard library does not provide, plus the regional indicators
// that pair into flags.
func isPictograph(r rune) bool {
	switch {
	case r == 0x00A9, r == 0x00AE, r == 0x203C, r == 0x2049, r == 0x2122, r == 0x2139,
		r == 0x24C2, r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	case r >= 0x2194 && r <= 0x21FF, r >= 0x2300 && r <= 0x23FF, r >= 0x25A0 && r <= 0x25FF,
		r >= 0x2600 && r <= 0x27BF, r >= 0x2900 && r <= 0x297F, r >= 0x2B00 && r <= 0x2BFF:
		return true
	case r >= 0x1F000 && r <= 0x1F1FF, r >= 0x1F200 && r <= 0x1F3FA, r >= 0x1F400 && r <= 0x1FAFF,
		r >= 0x1FC00 && r <= 0x1FFFD:
		return true
	}
	return false
}

// isEmojiComponent reports the characters that only join or modify emoji.
func isEmojiComponent(r rune) bool {
	switch {
	case r == 0x200D, r == 0xFE0F, r == 0xFE0E, r == 0x20E3:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
		return true
	case r == '#' || r == '*' || (r >= '0' && r <= '9'):
		// keycap bases are components only when followed by U+20E3; a title
		// of bare digits has no pictograph and is not a reaction.
		return true
	}
	return false
}
