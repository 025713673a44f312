package types

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"cosmossdk.io/errors"
)

var (
	wwwPattern        = regexp.MustCompile(`^www\.[a-z\-\d]{1,63}\.[a-z.\-\d]{2,63}$`)
	trackingParameter = regexp.MustCompile(`(?i)^utm_\w+`)
	duplicateSlashes  = regexp.MustCompile(`/{2,}`)
)

// Link returns the link an amplify counts for, as Kiwistand's upvoteID
// derives it: a kiwi:0x link as it is, a text post as kiwi:0x followed by its
// own index, and any other href normalized as normalize-url 8 does with its
// default options.
func (m SignedMessage) Link() (string, error) {
	switch {
	case strings.HasPrefix(m.Href, KiwiPrefix):
		return m.Href, nil
	case strings.HasPrefix(m.Href, TextPostPrefix):
		return KiwiPrefix + m.Index(), nil
	default:
		return NormalizeURL(m.Href)
	}
}

// NormalizeURL applies normalize-url's default options to an http(s) URL:
// lower-case scheme and host, no credentials, no default port, no trailing
// dot or leading "www." on the host, "." and ".." path segments resolved,
// duplicate slashes collapsed, the path percent-decoded as decodeURI does, no
// trailing slash, utm_* parameters removed, the other parameters sorted
// by name (stable), text fragments (#:~:text=) removed. A URL without a host
// is an error, as it makes normalize-url throw.
func NormalizeURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", errors.Wrap(ErrInvalidHref, err.Error())
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", errors.Wrapf(ErrInvalidHref, "unsupported scheme %q", u.Scheme)
	}
	if !utf8.ValidString(u.Hostname()) {
		// Percent-decoding left bytes that are no UTF-8 text ("%80"): WHATWG
		// URL parsers, and so normalize-url, refuse such a host. ToLower
		// would turn every one of them into U+FFFD.
		return "", errors.Wrap(ErrInvalidHref, "URL host is not valid UTF-8")
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", errors.Wrap(ErrInvalidHref, "URL has no host")
	}
	if wwwPattern.MatchString(host) && !strings.HasPrefix(host, "www.www.") {
		host = strings.TrimPrefix(host, "www.")
	}
	if strings.Contains(host, ":") {
		// An IPv6 literal: Hostname drops its brackets and unescapes its
		// zone, both of which the link needs to stay a URL.
		host = "[" + strings.ReplaceAll(host, "%", "%25") + "]"
	}
	if port := u.Port(); port != "" && (scheme != "http" || port != "80") && (scheme != "https" || port != "443") {
		host += ":" + port
	}

	path := strings.TrimSuffix(normalizePath(u.EscapedPath()), "/")

	query := normalizeQuery(u.RawQuery)

	fragment := u.EscapedFragment()
	if i := strings.Index(fragment, ":~:"); i >= 0 {
		fragment = fragment[:i]
	}

	var b strings.Builder
	b.WriteString(scheme)
	b.WriteString("://")
	b.WriteString(host)
	if path == "" && (query != "" || fragment != "") {
		path = "/"
	}
	b.WriteString(path)
	if query != "" {
		b.WriteByte('?')
		b.WriteString(query)
	}
	if fragment != "" {
		b.WriteByte('#')
		b.WriteString(fragment)
	}
	return b.String(), nil
}

// normalizeQuery drops tracking parameters and sorts the others by name,
// keeping the order of equal names, as URLSearchParams.sort does.
func normalizeQuery(raw string) string {
	if raw == "" {
		return ""
	}
	type param struct{ key, pair string }
	var params []param
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		key, _, _ := strings.Cut(pair, "=")
		if decoded, err := url.QueryUnescape(key); err == nil {
			key = decoded
		}
		if trackingParameter.MatchString(key) {
			continue
		}
		params = append(params, param{key: key, pair: pair})
	}
	sort.SliceStable(params, func(i, j int) bool { return params[i].key < params[j].key })
	pairs := make([]string, len(params))
	for i, p := range params {
		pairs[i] = p.pair
	}
	return strings.Join(pairs, "&")
}
