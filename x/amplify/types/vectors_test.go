package types_test

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

type validVector struct {
	ID            string          `json:"id"`
	ApplyOrder    int             `json:"apply_order"`
	SignedMessage json.RawMessage `json:"signed_message"`
	Signature     string          `json:"signature"`
	Digest712     string          `json:"eip712_digest"`
	Recovered     string          `json:"recovered_address"`
	CanonicalJSON string          `json:"kiwistand_canonical_json"`
	CanonicalCBOR string          `json:"kiwistand_canonical_cbor_hex"`
	Digest        string          `json:"kiwistand_digest"`
	Index         string          `json:"kiwistand_index"`
	Marker        string          `json:"kiwistand_marker"`
	IsReaction    *bool           `json:"is_reaction_comment"`
}

type invalidVector struct {
	ID              string          `json:"id"`
	Category        string          `json:"category"`
	Reason          string          `json:"reason"`
	Submitted       json.RawMessage `json:"submitted_message"`
	Recovered       string          `json:"recovered_address"`
	SignerAddress   string          `json:"signer_address"`
	KiwistandIndex  string          `json:"kiwistand_index"`
	RequiresApplied []string        `json:"requires_applied"`
	SubmittedDigest string          `json:"eip712_digest_of_submitted"`
}

func loadVectors[T any](t *testing.T, name string) []T {
	t.Helper()
	bz, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	var out []T
	require.NoError(t, json.Unmarshal(bz, &out))
	require.NotEmpty(t, out)
	return out
}

func TestKiwistandVectors_Valid(t *testing.T) {
	vectors := loadVectors[validVector](t, "valid.json")
	for _, v := range vectors {
		t.Run(v.ID, func(t *testing.T) {
			m, err := types.ParseSignedMessageJSON(v.SignedMessage)
			require.NoError(t, err)
			require.NoError(t, m.ValidateSchema())
			require.Equal(t, v.Signature, m.Signature)

			digest, err := m.Digest()
			require.NoError(t, err)
			require.Equal(t, v.Digest712, "0x"+hex.EncodeToString(digest))

			signer, err := m.RecoverSigner()
			require.NoError(t, err)
			require.Equal(t, v.Recovered, signer.Hex())

			require.Equal(t, v.CanonicalJSON, m.CanonicalJSON())
			require.Equal(t, strings.TrimPrefix(v.CanonicalCBOR, "0x"), hex.EncodeToString(types.CBORTextString(m.CanonicalJSON())))
			require.Equal(t, v.Digest, m.IndexDigest())
			require.Equal(t, v.Index, m.Index())
			require.Len(t, m.Index(), types.IndexLength)

			parts := strings.Split(v.Marker, "|")
			require.Len(t, parts, 3)
			identity, link, kind := parts[0], parts[1], parts[2]
			require.Equal(t, signer.Hex(), identity)
			require.Equal(t, m.Type, kind)
			if m.Type == types.TypeAmplify {
				got, err := m.Link()
				require.NoError(t, err)
				require.Equal(t, link, got)
			} else {
				require.Equal(t, link, m.Href)
			}
			if v.IsReaction != nil {
				require.Equal(t, *v.IsReaction, types.IsReaction(m.Title))
			}
		})
	}
}

// TestKiwistandVectors_Invalid checks the stateless part of every invalid
// vector: schema and signature rejections here, and for the ones Kiwistand
// rejects in its store the facts the keeper decides on (recovered signer,
// index, link). The keeper tests replay the store rejections.
func TestKiwistandVectors_Invalid(t *testing.T) {
	vectors := loadVectors[invalidVector](t, "invalid.json")
	schemaErrors := map[string]error{
		"I01": types.ErrInvalidTitle,
		"I03": types.ErrInvalidHref,
		"I04": types.ErrInvalidHref,
		"I05": types.ErrInvalidHref,
		"I07": types.ErrInvalidHref,
		"I13": types.ErrInvalidSignature,
		"I14": types.ErrInvalidSignature,
		"I15": types.ErrInvalidSignature,
		"I16": types.ErrInvalidSignature,
		"I18": types.ErrInvalidSignature,
		"I19": types.ErrInvalidHref,
		"I20": types.ErrInvalidHref,
		"I23": types.ErrInvalidType,
		"I24": types.ErrInvalidMessage,
		"I25": types.ErrInvalidMessage,
		"I26": types.ErrInvalidMessage,
		"I32": types.ErrInvalidTitle,
	}
	seen := map[string]bool{}
	for _, v := range vectors {
		t.Run(v.ID, func(t *testing.T) {
			seen[v.ID] = true
			if want, ok := schemaErrors[v.ID]; ok {
				require.ErrorIs(t, statelessCheck(v.Submitted), want, v.Reason)
				return
			}
			// Store-stage and signer-mismatch vectors pass every stateless
			// check and recover the address Kiwistand recovered.
			require.NoError(t, statelessCheck(v.Submitted), v.Reason)
			m, err := types.ParseSignedMessageJSON(v.Submitted)
			require.NoError(t, err)
			signer, err := m.RecoverSigner()
			require.NoError(t, err)
			require.Equal(t, v.Recovered, signer.Hex())
			if v.KiwistandIndex != "" {
				require.Equal(t, v.KiwistandIndex, m.Index())
			}
			if v.SubmittedDigest != "" {
				digest, err := m.Digest()
				require.NoError(t, err)
				require.Equal(t, v.SubmittedDigest, "0x"+hex.EncodeToString(digest))
			}
			if v.Category == "signer_mismatch" {
				require.NotEqual(t, common.HexToAddress(v.SignerAddress), signer)
			}
		})
	}
	var missing []string
	for id := range schemaErrors {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	require.Empty(t, missing, "mapped vectors absent from invalid.json")
}

func statelessCheck(raw json.RawMessage) error {
	m, err := types.ParseSignedMessageJSON(raw)
	if err != nil {
		return err
	}
	if err := m.ValidateSchema(); err != nil {
		return err
	}
	_, err = m.RecoverSigner()
	return err
}
