package types_test

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/fuzzcheck"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// The fuzz targets of this file check the stateless validation of
// x/messaging's Msgs against the default params: the group title of
// MsgCreateGroupThread and MsgUpdateGroupThread and the payload of
// MsgPostMessage. Addresses and members are checked by the Msg server; see
// the keeper's FuzzMsgServer.

// validationErrors are the errors the Msg validation may return: the
// module's registered errors. Any other error is a bug.
var validationErrors = []error{
	types.ErrInvalidTitle, types.ErrInvalidMembers, types.ErrDuplicateMember, types.ErrInvalidPayload,
	types.ErrInvalidHash, types.ErrHashMismatch, types.ErrInvalidParams, types.ErrInvalidThreadKind,
}

// FuzzValidateTitle checks that Params.ValidateTitle never panics, is
// deterministic and fails only with registered errors, and that the title
// it accepts is valid UTF-8, not blank and within max_title_length.
func FuzzValidateTitle(f *testing.F) {
	for _, title := range []string{
		"Garden crew", strings.Repeat("絆", 100), strings.Repeat("a", 101), "", " ", "\u3000", "a\nb", "Gar\u200bden",
		"\u202eGarden", "Re\xffpair", "a\x00b", " padded ",
	} {
		f.Add(title)
	}
	f.Fuzz(func(t *testing.T, title string) {
		p := types.DefaultParams()
		if fuzzcheck.TwiceErr(t, validationErrors, func() error { return p.ValidateTitle(title) }) != nil {
			return
		}
		require.True(t, utf8.ValidString(title))
		require.NotEmpty(t, strings.TrimSpace(title))
		require.LessOrEqual(t, utf8.RuneCountInString(title), int(p.MaxTitleLength))
	})
}

// FuzzValidatePayload checks that Params.ValidatePayload never panics, is
// deterministic and fails only with registered errors, and that it accepts
// exactly the payloads of 1 to max_payload_bytes bytes whose SHA-256 is the
// given digest. With hashPayload set the digest is the payload's own.
func FuzzValidatePayload(f *testing.F) {
	f.Add([]byte("hello"), []byte(nil), true)
	f.Add([]byte("hi"), bytes.Repeat([]byte{1}, 32), false)
	f.Add([]byte("hi"), bytes.Repeat([]byte{1}, 31), false)
	f.Add([]byte{}, []byte(nil), true)
	f.Add(bytes.Repeat([]byte("x"), int(types.DefaultMaxPayloadBytes)), []byte(nil), true)
	f.Add(bytes.Repeat([]byte("x"), int(types.DefaultMaxPayloadBytes)+1), []byte(nil), true)
	f.Fuzz(func(t *testing.T, payload, digest []byte, hashPayload bool) {
		p := types.DefaultParams()
		if hashPayload {
			sum := sha256.Sum256(payload)
			digest = sum[:]
		}
		err := fuzzcheck.TwiceErr(t, validationErrors, func() error { return p.ValidatePayload(digest, payload) })
		sum := sha256.Sum256(payload)
		want := len(payload) > 0 && len(payload) <= int(p.MaxPayloadBytes) && bytes.Equal(sum[:], digest)
		require.Equal(t, want, err == nil, "ValidatePayload returned %v", err)
	})
}
