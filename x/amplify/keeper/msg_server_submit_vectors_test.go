package keeper_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// storeStageVector is an invalid Kiwistand vector as the store stage reads
// it. The types' vector test checks every field of the file; this one
// replays the cases that only state can reject.
type storeStageVector struct {
	ID              string          `json:"id"`
	Category        string          `json:"category"`
	Reason          string          `json:"reason"`
	RequiresApplied []string        `json:"requires_applied"`
	Submitted       json.RawMessage `json:"submitted_message"`
	Recovered       *string         `json:"recovered_address"`
	Index           string          `json:"kiwistand_index"`
	Result          struct {
		Accepted bool    `json:"accepted"`
		Stage    string  `json:"stage"`
		Marker   *string `json:"marker"`
	} `json:"kiwistand_result"`
}

// storeRejections maps the check of Kiwistand's store that rejected a
// vector (the parenthesis of kiwistand_result.stage: the function of
// store.mjs and its rule) to the error Kizuna's keeper returns.
var storeRejections = map[string]error{
	"_add: MIN_TIMESTAMP_SECS":                               types.ErrTimestampTooOld,
	"_add: MAX_TIMESTAMP_DELTA_SECS, only when not synching": types.ErrTimestampInFuture,
	"_add: comment parent lookup":                            types.ErrParentNotFound,
	"_add: comment timestamp vs parent":                      types.ErrParentNotOlder,
	"atomicPut: amplify marker duplicate":                    types.ErrDuplicateAmplify,
	"atomicPut: comment index already in trie":               types.ErrDuplicateMessage,
	"atomicPut: reaction marker duplicate":                   types.ErrDuplicateReaction,
}

// storeRejection tells whether Kizuna's store stage must reject an invalid
// vector, and with which error, by the rule of the types' vector test: the
// stage is the vector's category, and a signer_mismatch vector, which
// Kiwistand accepts for the address its signature recovers, is the store's
// too: that address is not eligible. The schema and signature stages are
// the types' test's.
func storeRejection(v storeStageVector) (error, bool, error) {
	switch v.Category {
	case "schema", "signature":
		return nil, false, nil
	case "store":
		check, ok := strings.CutPrefix(v.Result.Stage, "store (")
		check, closed := strings.CutSuffix(check, ")")
		want, known := storeRejections[check]
		if !ok || !closed || !known || v.Result.Accepted {
			return nil, false, fmt.Errorf("store vector with unknown stage %q (accepted=%v)", v.Result.Stage, v.Result.Accepted)
		}
		return want, true, nil
	case "signer_mismatch":
		if !v.Result.Accepted || v.Recovered == nil {
			return nil, false, fmt.Errorf("signer_mismatch not accepted by Kiwistand for a recovered address")
		}
		return types.ErrIneligibleIdentity, true, nil
	default:
		return nil, false, fmt.Errorf("unknown category %q", v.Category)
	}
}

// TestSubmitAmplify_KiwistandInvalidVectors applies every valid vector in
// apply_order, then submits each invalid vector: one that only state can
// reject is refused with the error of its recorded store check; one a
// stateless stage rejects is refused with the error of that stage. Either
// way no state changes and no event is emitted.
func TestSubmitAmplify_KiwistandInvalidVectors(t *testing.T) {
	f := newFixture(t)
	applied := map[string]bool{}
	for _, v := range applyValidVectors(t, f) {
		applied[v.ID] = true
	}
	params, err := f.keeper.GetParams(f.ctx)
	require.NoError(t, err)

	var vectors []storeStageVector
	loadJSON(t, "invalid.json", &vectors)
	replayed := 0
	for _, v := range vectors {
		t.Run(v.ID, func(t *testing.T) {
			want, store, err := storeRejection(v)
			if !assert.NoError(t, err) {
				return
			}
			if !store {
				requireStatelessRejection(t, f, v)
				return
			}
			replayed++
			for _, id := range v.RequiresApplied {
				assert.True(t, applied[id], "requires_applied names %q, which was not applied", id)
			}
			sm, err := types.ParseSignedMessageJSON(v.Submitted)
			if !assert.NoError(t, err, v.Reason) {
				return
			}
			msg := types.NewMsgSubmitAmplify(f.addr("relayer"), sm)
			if v.Category == "signer_mismatch" {
				assert.False(t, params.IsListedEligible(common.HexToAddress(*v.Recovered)), "recovered address %s is eligible", *v.Recovered)
			}
			f.requireRejected(t, want, func() error {
				_, err := f.msgs.SubmitAmplify(f.ctx, msg)
				return err
			})

			if v.Category != "signer_mismatch" {
				return
			}
			// Once the recovered address is eligible, the message is
			// accepted for it, as Kiwistand accepts it.
			branch := *f
			branch.ctx, _ = f.ctx.CacheContext()
			branch.setEligible(t, append(addressesOf(params.EligibleIdentities), common.HexToAddress(*v.Recovered))...)
			res, err := branch.msgs.SubmitAmplify(branch.ctx, msg)
			if !assert.NoError(t, err) {
				return
			}
			assert.Equal(t, *v.Recovered, res.Signer)
			assert.Equal(t, *v.Recovered, res.Identity)
			assert.Equal(t, v.Index, res.Index)
			stored, err := branch.keeper.Messages.Get(branch.ctx, res.Index)
			if assert.NoError(t, err) && assert.NotNil(t, v.Result.Marker, "kiwistand_result.marker") {
				assert.Equal(t, *v.Result.Marker, stored.Identity+"|"+stored.Link+"|"+stored.Type)
			}
		})
	}
	assert.NotZero(t, replayed, "no store-stage vector")
}

// requireStatelessRejection submits a schema- or signature-stage vector:
// the keeper refuses it with the error the stage itself returns (the types'
// vector test checks that stage against the vector's record). A vector a
// MsgSubmitAmplify cannot carry (an extra or missing property, a string
// timestamp) is refused by the wire parser.
func requireStatelessRejection(t *testing.T, f *fixture, v storeStageVector) {
	t.Helper()
	sm, err := types.ParseSignedMessageJSON(v.Submitted)
	if err != nil {
		require.ErrorIs(t, err, types.ErrInvalidMessage, "%s: %s", v.ID, v.Reason)
		return
	}
	want := sm.ValidateSchema()
	if want == nil {
		_, want = sm.RecoverSigner()
	}
	require.Error(t, want, "%s passes the stateless stages: %s", v.ID, v.Reason)
	f.requireRejected(t, rootCause(want), func() error {
		_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
		return err
	})
}

// rootCause returns the registered error at the root of a wrapped one.
func rootCause(err error) error {
	for next := errors.Unwrap(err); next != nil; next = errors.Unwrap(err) {
		err = next
	}
	return err
}

func addressesOf(hexes []string) []common.Address {
	out := make([]common.Address, len(hexes))
	for i, h := range hexes {
		out[i] = common.HexToAddress(h)
	}
	return out
}
