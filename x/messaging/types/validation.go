package types

import (
	"bytes"
	"crypto/sha256"
	"strings"

	"github.com/kizuna-chain/kizuna/internal/textrule"
)

// ValidateTitle checks a group title: 1 to max_title_length characters on a
// single line, not only blanks, under the text rules of every module.
func (p Params) ValidateTitle(title string) error {
	if strings.TrimSpace(title) == "" {
		return ErrInvalidTitle.Wrap("a group thread needs a title")
	}
	if err := textrule.Line(title, p.MaxTitleLength); err != nil {
		return ErrInvalidTitle.Wrap(err.Error())
	}
	return nil
}

// ValidateGroupSize checks the number of members of a group thread, its
// creator included.
func (p Params) ValidateGroupSize(n int) error {
	if n < int(p.MinGroupMembers) || n > int(p.MaxGroupMembers) {
		return ErrInvalidMembers.Wrapf("a group has %d to %d members, not %d", p.MinGroupMembers, p.MaxGroupMembers, n)
	}
	return nil
}

// ValidatePayload checks a message: 1 to max_payload_bytes bytes whose
// SHA-256 is contentSha256.
func (p Params) ValidatePayload(contentSha256, payload []byte) error {
	if len(payload) == 0 {
		return ErrInvalidPayload.Wrap("payload is empty")
	}
	if len(payload) > int(p.MaxPayloadBytes) {
		return ErrInvalidPayload.Wrapf("%d bytes exceed %d", len(payload), p.MaxPayloadBytes)
	}
	if len(contentSha256) != sha256.Size {
		return ErrInvalidHash.Wrapf("got %d bytes", len(contentSha256))
	}
	sum := sha256.Sum256(payload)
	if !bytes.Equal(sum[:], contentSha256) {
		return ErrHashMismatch.Wrapf("payload hashes to %X", sum[:])
	}
	return nil
}

// ValidateThreadKind checks that kind is AD, DIRECT or GROUP.
func ValidateThreadKind(kind ThreadKind) error {
	switch kind {
	case ThreadKindAd, ThreadKindDirect, ThreadKindGroup:
		return nil
	default:
		return ErrInvalidThreadKind.Wrapf("%d", kind)
	}
}
