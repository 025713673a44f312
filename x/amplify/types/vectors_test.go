package types_test

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// The vector files (testdata/valid.json, invalid.json) are outputs of
// Kiwistand's own code, one field per value it computes (the field names
// say which). They are decoded strictly: a key
// that no field below names fails the test, so that nothing a new version
// of the files records goes unchecked by accident.

// vectorContent is the EIP-712 Message a vector records.
type vectorContent struct {
	Title     string `json:"title"`
	Href      string `json:"href"`
	Type      string `json:"type"`
	Timestamp uint64 `json:"timestamp"`
}

func (c vectorContent) content() types.Content {
	return types.Content{Title: c.Title, Href: c.Href, Type: c.Type, Timestamp: c.Timestamp}
}

type validVector struct {
	// Test metadata, not compared: the case's name and prose.
	ID          string `json:"id"`
	Description string `json:"description"`
	Note        string `json:"note"`
	// The order the keeper tests apply the vectors in; here only checked
	// to be unique and to put every parent before its comments.
	ApplyOrder int `json:"apply_order"`

	SignerKey         string          `json:"signer_key"`
	SignerPrivateKey  string          `json:"signer_private_key"`
	SignerAddress     string          `json:"signer_address"`
	Message           vectorContent   `json:"message"`
	Signature         string          `json:"signature"`
	SignatureEncoding string          `json:"signature_encoding"`
	SignatureBytes    int             `json:"signature_bytes"`
	SignedMessage     json.RawMessage `json:"signed_message"`
	DomainSeparator   string          `json:"eip712_domain_separator"`
	StructHash        string          `json:"eip712_struct_hash"`
	Digest712         string          `json:"eip712_digest"`
	Recovered         string          `json:"recovered_address"`
	CanonicalJSON     string          `json:"kiwistand_canonical_json"`
	CanonicalCBOR     string          `json:"kiwistand_canonical_cbor_hex"`
	Digest            string          `json:"kiwistand_digest"`
	Index             string          `json:"kiwistand_index"`
	Marker            string          `json:"kiwistand_marker"`
	// Comments only.
	ParentID   *string `json:"parent_id"`
	IsReaction *bool   `json:"is_reaction_comment"`
}

type invalidVector struct {
	// Test metadata, not compared: the case's name and prose.
	ID     string `json:"id"`
	Reason string `json:"reason"`
	Note   string `json:"note"`

	// Category and Result decide the stage that must reject the vector
	// (rejectingStage).
	Category string          `json:"category"`
	Result   kiwistandResult `json:"kiwistand_result"`
	// The valid vectors whose state the case needs (the keeper tests apply
	// them all); here only checked to name valid vectors.
	RequiresApplied []string        `json:"requires_applied"`
	SignerKey       string          `json:"signer_key"`
	SignerAddress   string          `json:"signer_address"`
	SignedContent   vectorContent   `json:"signed_content"`
	Submitted       json.RawMessage `json:"submitted_message"`
	// Kiwistand's view of the submitted message; recovered_address is null
	// where Kiwistand could not recover a signer. Not reproducible, and not
	// compared, when the submitted object is no wire message Kizuna parses
	// (an extra or missing property, a string timestamp): their digest and
	// index are over an object of another shape.
	SubmittedDigest *string `json:"eip712_digest_of_submitted"`
	Recovered       *string `json:"recovered_address"`
	KiwistandIndex  string  `json:"kiwistand_index"`
}

// kiwistandResult is what Kiwistand did with an invalid vector.
type kiwistandResult struct {
	Accepted bool `json:"accepted"`
	// Stage is "<schema|signature|store> (<the check, in Kiwistand's
	// source>)", empty for an accepted message.
	Stage string `json:"stage"`
	// Error is Kiwistand's error text; for the schema stage, ajv's report.
	Error     string  `json:"error"`
	Recovered *string `json:"recovered_address"`
	Index     *string `json:"index"`
	Marker    *string `json:"marker"`
}

func loadVectors[T any](t *testing.T, name string) []T {
	t.Helper()
	bz, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(bz))
	dec.DisallowUnknownFields()
	var out []T
	require.NoError(t, dec.Decode(&out), "%s records a field the test does not know", name)
	require.NotEmpty(t, out)
	return out
}

// Stages of Kizuna's checks, in the order they run. The schema stage is
// ParseSignedMessageJSON and ValidateSchema, the signature stage
// RecoverSigner (parsing the signature, recovering the signer) and the
// store stage the keeper (timestamps against the block time, eligibility,
// parent, uniqueness).
const (
	stageSchema    = "schema"
	stageSignature = "signature"
	stageStore     = "store"
)

// rejectingStage returns the stage of Kizuna's checks that must reject an
// invalid vector, from what the vector records. Kiwistand's stage text
// starts with the category ("schema (id.mjs verify ...)"), and the stage is
// that category. A signer_mismatch vector is accepted by Kiwistand, for the
// address its signature recovers: Kizuna's store refuses that address as
// not eligible (no one made it so).
func rejectingStage(category string, r kiwistandResult) (string, error) {
	switch category {
	case stageSchema, stageSignature, stageStore:
		if r.Accepted || !strings.HasPrefix(r.Stage, category+" (") {
			return "", fmt.Errorf("category %q but Kiwistand's result is accepted=%v stage=%q", category, r.Accepted, r.Stage)
		}
		return category, nil
	case "signer_mismatch":
		if !r.Accepted || r.Stage != "" {
			return "", fmt.Errorf("signer_mismatch but Kiwistand's result is accepted=%v stage=%q", r.Accepted, r.Stage)
		}
		return stageStore, nil
	default:
		return "", fmt.Errorf("unknown category %q", category)
	}
}

// schemaErrorByProperty maps the property ajv reports (its instancePath) to
// the error Kizuna's schema stage returns. "" is the object itself: a
// missing or extra property.
var schemaErrorByProperty = map[string]error{
	"":           types.ErrInvalidMessage,
	"/timestamp": types.ErrInvalidMessage,
	"/title":     types.ErrInvalidTitle,
	"/href":      types.ErrInvalidHref,
	"/signature": types.ErrInvalidSignature,
}

// schemaError returns the error Kizuna's schema stage must return for
// Kiwistand's ajv report ("Wrongly formatted message: [...]"). ajv tries
// both branches of oneOf [amplify, comment]; a "const" error at /type only
// says that the message is not of the other branch's type, and the oneOf
// error sums up the others. What is left names the property that breaks
// the schema of the message's own type. When nothing is left, the type is
// neither branch's: ErrInvalidType.
func schemaError(report string) (error, error) {
	const prefix = "Wrongly formatted message: "
	if !strings.HasPrefix(report, prefix) {
		return nil, fmt.Errorf("not an ajv report: %q", report)
	}
	var errs []struct {
		InstancePath string `json:"instancePath"`
		Keyword      string `json:"keyword"`
	}
	if err := json.Unmarshal([]byte(strings.TrimPrefix(report, prefix)), &errs); err != nil {
		return nil, fmt.Errorf("ajv report: %w", err)
	}
	var want error
	for _, e := range errs {
		if e.Keyword == "oneOf" || (e.InstancePath == "/type" && e.Keyword == "const") {
			continue
		}
		got, ok := schemaErrorByProperty[e.InstancePath]
		if !ok {
			return nil, fmt.Errorf("ajv error at unknown property %q", e.InstancePath)
		}
		if want != nil && !errors.Is(got, want) {
			return nil, fmt.Errorf("ajv errors at properties with different errors: %q", report)
		}
		want = got
	}
	if want == nil {
		return types.ErrInvalidType, nil
	}
	return want, nil
}

// firstRejection runs Kizuna's stateless stages on a wire message in order
// and returns the first that rejects it, with its error; "" and nil when
// both accept it (what is left is the store's).
func firstRejection(raw []byte) (string, error) {
	m, err := types.ParseSignedMessageJSON(raw)
	if err != nil {
		return stageSchema, err
	}
	if err := m.ValidateSchema(); err != nil {
		return stageSchema, err
	}
	if _, err := m.RecoverSigner(); err != nil {
		return stageSignature, err
	}
	return "", nil
}

// assertRejectedAt checks that exactly the given stage rejects raw, with
// want: every earlier stage accepts it. A message the store has to judge
// passes every stateless stage.
func assertRejectedAt(t *testing.T, raw []byte, stage string, want error) {
	t.Helper()
	gotStage, err := firstRejection(raw)
	if stage == stageStore || stage == "" {
		assert.Equal(t, "", gotStage, "rejected by a stateless stage: %v", err)
		assert.NoError(t, err)
		return
	}
	assert.Equal(t, stage, gotStage, "rejected by another stage than Kiwistand's: %v", err)
	assert.ErrorIs(t, err, want)
}

// vectorKey returns the private key the vectors name k1, k2 and k3: 32
// times the byte 1, 2 or 3.
func vectorKey(t *testing.T, name string) *ecdsa.PrivateKey {
	t.Helper()
	var b byte
	if _, err := fmt.Sscanf(name, "k%d", &b); !assert.NoError(t, err, "signer_key %q", name) {
		return nil
	}
	key, err := crypto.ToECDSA(bytes.Repeat([]byte{b}, 32))
	require.NoError(t, err)
	return key
}

// signatureEncoding names the form of a signature string as the vectors'
// signature_encoding does.
func signatureEncoding(sig string) string {
	digits := strings.TrimPrefix(sig, "0x")
	switch {
	case len(digits) == 128:
		return "eip2098_compact64"
	case len(digits) != 130:
		return fmt.Sprintf("%d hex digits", len(digits))
	case digits != strings.ToLower(digits):
		return "rsv65_uppercase_hex"
	}
	switch digits[128:] {
	case "1b", "1c":
		return "rsv65_v27_28"
	case "00", "01":
		return "rsv65_v0_1"
	}
	return "v byte " + digits[128:]
}

// marker returns Kiwistand's uniqueness marker of a message for identity:
// identity|link|amplify, identity|href|comment, or identity|href|reaction
// for the reaction marker of an emoji-only comment.
func marker(t *testing.T, m types.SignedMessage, identity, kind string) string {
	t.Helper()
	link := m.Href
	if m.Type == types.TypeAmplify {
		var err error
		link, err = m.Link()
		assert.NoError(t, err)
	}
	return identity + "|" + link + "|" + kind
}

func TestKiwistandVectors_Valid(t *testing.T) {
	vectors := loadVectors[validVector](t, "valid.json")
	byID := map[string]validVector{}
	orders := map[int]string{}
	for _, v := range vectors {
		require.NotContains(t, byID, v.ID, "duplicate id")
		byID[v.ID] = v
		require.NotContains(t, orders, v.ApplyOrder, "apply_order of %s reused by %s", orders[v.ApplyOrder], v.ID)
		orders[v.ApplyOrder] = v.ID
	}
	sep, err := types.DomainSeparator()
	require.NoError(t, err)

	for _, v := range vectors {
		t.Run(v.ID, func(t *testing.T) {
			m, err := types.ParseSignedMessageJSON(v.SignedMessage)
			if !assert.NoError(t, err, "signed_message") {
				return
			}
			assert.NoError(t, m.ValidateSchema(), "signed_message")
			assert.Equal(t, v.Message.content(), m.Content, "message")
			assert.Equal(t, v.Signature, m.Signature, "signature")

			// The signer.
			key := vectorKey(t, v.SignerKey)
			if key != nil {
				assert.Equal(t, v.SignerPrivateKey, hexutil.Encode(crypto.FromECDSA(key)), "signer_private_key")
				assert.Equal(t, v.SignerAddress, crypto.PubkeyToAddress(key.PublicKey).Hex(), "signer_address")
			}

			// EIP-712.
			assert.Equal(t, v.DomainSeparator, hexutil.Encode(sep), "eip712_domain_separator")
			structHash, err := m.StructHash()
			assert.NoError(t, err)
			assert.Equal(t, v.StructHash, hexutil.Encode(structHash), "eip712_struct_hash")
			digest, err := m.Digest()
			assert.NoError(t, err)
			assert.Equal(t, v.Digest712, hexutil.Encode(digest), "eip712_digest")

			// The signature: its encoding, and what Kizuna decodes it to is
			// the signature go-ethereum makes of the digest with the
			// signer's key (both sign with RFC 6979 nonces and low s).
			assert.Equal(t, v.SignatureEncoding, signatureEncoding(m.Signature), "signature_encoding")
			raw, err := hex.DecodeString(strings.TrimPrefix(m.Signature, "0x"))
			assert.NoError(t, err)
			assert.Len(t, raw, v.SignatureBytes, "signature_bytes")
			sig, err := types.ParseSignature(m.Signature)
			assert.NoError(t, err)
			if key != nil {
				made, err := crypto.Sign(digest, key)
				assert.NoError(t, err)
				assert.Equal(t, hex.EncodeToString(made), hex.EncodeToString(sig), "signature decoded to r || s || recovery bit")
			}
			signer, err := m.RecoverSigner()
			assert.NoError(t, err)
			assert.Equal(t, v.Recovered, signer.Hex(), "recovered_address")
			assert.Equal(t, v.SignerAddress, signer.Hex(), "signer_address")

			// The index.
			assert.Equal(t, v.CanonicalJSON, m.CanonicalJSON(), "kiwistand_canonical_json")
			assert.Equal(t, v.CanonicalCBOR, hexutil.Encode(types.CBORTextString(m.CanonicalJSON())), "kiwistand_canonical_cbor_hex")
			assert.Equal(t, v.Digest, m.IndexDigest(), "kiwistand_digest")
			assert.Equal(t, v.Index, m.Index(), "kiwistand_index")
			assert.Len(t, m.Index(), types.IndexLength)

			// No delegations: the identity is the signer.
			assert.Equal(t, v.Marker, marker(t, m, signer.Hex(), m.Type), "kiwistand_marker")

			if m.Type != types.TypeComment {
				assert.Nil(t, v.ParentID, "parent_id of a %s", m.Type)
				assert.Nil(t, v.IsReaction, "is_reaction_comment of a %s", m.Type)
				return
			}
			if assert.NotNil(t, v.IsReaction, "is_reaction_comment") {
				assert.Equal(t, *v.IsReaction, types.IsReaction(m.Title), "is_reaction_comment")
			}
			if !assert.NotNil(t, v.ParentID, "parent_id") {
				return
			}
			parent, ok := byID[*v.ParentID]
			if !assert.True(t, ok, "parent_id %q is no valid vector", *v.ParentID) {
				return
			}
			pm, err := types.ParseSignedMessageJSON(parent.SignedMessage)
			if assert.NoError(t, err) {
				assert.Equal(t, types.KiwiPrefix+pm.Index(), m.Href, "href is kiwi:0x + the parent's index")
				assert.Less(t, pm.Timestamp, m.Timestamp, "parent is older")
			}
			assert.Less(t, parent.ApplyOrder, v.ApplyOrder, "parent applied first")
		})
	}
}

// TestKiwistandVectors_Invalid checks that each invalid vector is rejected
// by the stage of Kizuna's checks that rejectingStage names, with the error
// it names, and that every stage before accepts it. The keeper's test
// replays the store-stage vectors against the state the valid ones leave.
func TestKiwistandVectors_Invalid(t *testing.T) {
	vectors := loadVectors[invalidVector](t, "invalid.json")
	valid := map[string]bool{}
	for _, v := range loadVectors[validVector](t, "valid.json") {
		valid[v.ID] = true
	}
	perStage := map[string][]string{}
	for _, v := range vectors {
		t.Run(v.ID, func(t *testing.T) {
			stage, err := rejectingStage(v.Category, v.Result)
			if !assert.NoError(t, err) {
				return
			}
			perStage[stage] = append(perStage[stage], v.ID)
			for _, id := range v.RequiresApplied {
				assert.True(t, valid[id], "requires_applied names %q, no valid vector", id)
			}

			// The signer signed signed_content.
			key := vectorKey(t, v.SignerKey)
			if key != nil {
				assert.Equal(t, v.SignerAddress, crypto.PubkeyToAddress(key.PublicKey).Hex(), "signer_address")
			}
			var submittedSig struct {
				Signature string `json:"signature"`
			}
			assert.NoError(t, json.Unmarshal(v.Submitted, &submittedSig))
			if sig, err := types.ParseSignature(submittedSig.Signature); err == nil {
				digest, err := v.SignedContent.content().Digest()
				assert.NoError(t, err)
				signer, err := types.RecoverDigest(digest, sig)
				assert.NoError(t, err)
				assert.Equal(t, v.SignerAddress, signer.Hex(), "signed_content's signer")
			}

			// What Kiwistand derived from the submitted message.
			m, parseErr := types.ParseSignedMessageJSON(v.Submitted)
			if parseErr == nil {
				if assert.NotNil(t, v.SubmittedDigest, "eip712_digest_of_submitted") {
					digest, err := m.Digest()
					assert.NoError(t, err)
					assert.Equal(t, *v.SubmittedDigest, hexutil.Encode(digest), "eip712_digest_of_submitted")
				}
				assert.Equal(t, v.KiwistandIndex, m.Index(), "kiwistand_index")
				signer, err := m.RecoverSigner()
				if v.Recovered == nil {
					assert.ErrorIs(t, err, types.ErrInvalidSignature, "Kiwistand recovered no signer")
				} else if assert.NoError(t, err) {
					assert.Equal(t, *v.Recovered, signer.Hex(), "recovered_address")
					if v.Result.Marker != nil {
						kind := m.Type
						if m.Type == types.TypeComment && types.IsReaction(m.Title) {
							kind = "reaction"
						}
						assert.Equal(t, *v.Result.Marker, marker(t, m, signer.Hex(), kind), "kiwistand_result.marker")
					}
				}
			} else {
				assert.Equal(t, stageSchema, stage, "Kizuna cannot parse it: %v", parseErr)
			}
			if v.Result.Recovered != nil {
				assert.Equal(t, v.Recovered, v.Result.Recovered, "kiwistand_result.recovered_address")
			}
			if v.Result.Index != nil {
				assert.Equal(t, v.KiwistandIndex, *v.Result.Index, "kiwistand_result.index")
			}
			if v.Category == "signer_mismatch" && v.Recovered != nil {
				assert.NotEqual(t, v.SignerAddress, *v.Recovered, "a signer mismatch recovers another address")
			}

			// The stage.
			var want error
			switch stage {
			case stageSchema:
				want, err = schemaError(v.Result.Error)
				if !assert.NoError(t, err) {
					return
				}
			case stageSignature:
				want = types.ErrInvalidSignature
			}
			assertRejectedAt(t, v.Submitted, stage, want)
		})
	}
	for _, stage := range []string{stageSchema, stageSignature, stageStore} {
		t.Logf("%s stage: %d vectors %v", stage, len(perStage[stage]), perStage[stage])
	}
}

// TestKiwistandRules_CasesTheVectorsLack adds cases of Kiwistand's rules
// that no vector holds, signed here by the vectors' k1. The expected
// outcome follows from the rules the vectors' README records: ajv counts
// code points, ajv-formats' "uri" allows only ASCII, the schema's
// signature pattern is not anchored, and ethers only decodes a string that
// starts with 0x.
func TestKiwistandRules_CasesTheVectorsLack(t *testing.T) {
	cases := []struct {
		name      string
		title     string
		href      string
		signature func(string) string
		stage     string // "" for accepted
		want      error
	}{
		{
			name:  "amplify title of 80 two-byte code points (160 bytes) is accepted",
			title: strings.Repeat("é", 80),
			href:  "https://example.com/title-80-code-points",
		},
		{
			name:  "amplify title of 80 astral code points (320 bytes, 160 UTF-16 units) is accepted",
			title: strings.Repeat("🥝", 80),
			href:  "https://example.com/title-80-emoji",
		},
		{
			name:  "amplify title of 81 two-byte code points is rejected by the schema",
			title: strings.Repeat("é", 81),
			href:  "https://example.com/title-81-code-points",
			stage: stageSchema,
			want:  types.ErrInvalidTitle,
		},
		{
			name:  "href with a non-ASCII character in the path is not a uri",
			title: "Café",
			href:  "https://example.com/café",
			stage: stageSchema,
			want:  types.ErrInvalidHref,
		},
		{
			name:  "href with a non-ASCII host is not a uri",
			title: "Bücher",
			href:  "https://bücher.example/",
			stage: stageSchema,
			want:  types.ErrInvalidHref,
		},
		{
			name:  "href with the same character percent-encoded is accepted",
			title: "Café",
			href:  "https://example.com/caf%C3%A9",
		},
		{
			name:      "junk before 0x passes the unanchored schema pattern, not signature decoding",
			title:     "Junk",
			href:      "https://example.com/junk-signature",
			signature: func(sig string) string { return "zz" + sig },
			stage:     stageSignature,
			want:      types.ErrInvalidSignature,
		},
		{
			name:      "a space before 0x passes the schema, not signature decoding",
			title:     "Space",
			href:      "https://example.com/space-signature",
			signature: func(sig string) string { return " " + sig },
			stage:     stageSignature,
			want:      types.ErrInvalidSignature,
		},
	}
	key := vectorKey(t, "k1")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sm, err := ethsign.Sign(types.Content{Title: tc.title, Href: tc.href, Type: types.TypeAmplify, Timestamp: 1760000000}, key)
			require.NoError(t, err)
			if tc.signature != nil {
				sm.Signature = tc.signature(sm.Signature)
			}
			raw, err := json.Marshal(map[string]any{
				"title": sm.Title, "href": sm.Href, "type": sm.Type, "timestamp": sm.Timestamp, "signature": sm.Signature,
			})
			require.NoError(t, err)
			assertRejectedAt(t, raw, tc.stage, tc.want)
			if tc.stage == "" {
				signer, err := sm.RecoverSigner()
				assert.NoError(t, err)
				assert.Equal(t, crypto.PubkeyToAddress(key.PublicKey), signer)
			}
		})
	}
}
