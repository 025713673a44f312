package keeper_test

import (
	"crypto/ecdsa"
	"encoding/json"
	"os"
	"sort"
	"testing"
	"time"

	cmtcrypto "github.com/cometbft/cometbft/crypto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/keeper"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
)

// vectorTime is after every valid vector's timestamp (the latest is
// 1776000100) and long before the 2100 one.
var vectorTime = time.Unix(1_780_000_000, 0).UTC()

type fixture struct {
	ctx       sdk.Context
	key       *storetypes.KVStoreKey
	keeper    keeper.Keeper
	community communitykeeper.Keeper
	msgs      types.MsgServer
	query     types.QueryServer
}

// newFixture returns a chain at vectorTime where the Kiwistand vectors'
// signers k1, k2 and k3 (keys 1, 2 and 3) are eligible through the params.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newEligibleFixture(t)
}

func newEligibleFixture(tb testing.TB) *fixture {
	tb.Helper()
	af := keepertest.AmplifyKeeper(tb)
	f := &fixture{
		ctx:       af.Ctx.WithBlockTime(vectorTime).WithChainID("kizuna-test-1"),
		key:       af.StoreKey,
		keeper:    af.Keeper,
		community: af.Community,
		msgs:      keeper.NewMsgServerImpl(af.Keeper),
		query:     keeper.NewQueryServerImpl(af.Keeper),
	}
	f.setEligible(tb, ethAddr(fuzzKey(tb, 1)), ethAddr(fuzzKey(tb, 2)), ethAddr(fuzzKey(tb, 3)))
	return f
}

// setEligible replaces the params' eligible_identities with addrs.
func (f *fixture) setEligible(tb testing.TB, addrs ...common.Address) {
	tb.Helper()
	p, err := f.keeper.GetParams(f.ctx)
	require.NoError(tb, err)
	p.EligibleIdentities = nil
	for _, a := range addrs {
		p.EligibleIdentities = append(p.EligibleIdentities, a.Hex())
	}
	require.NoError(tb, p.Validate())
	require.NoError(tb, f.keeper.Params.Set(f.ctx, p))
}

func (f *fixture) addr(name string) string {
	s, err := f.keeper.AddressCodec().BytesToString(sdk.AccAddress(cmtcrypto.AddressHash([]byte(name))))
	if err != nil {
		panic(err)
	}
	return s
}

// ethKey returns the test key of 32 times b (the vectors' k1, k2, k3 are
// 1, 2, 3).
func ethKey(t *testing.T, b byte) *ecdsa.PrivateKey {
	t.Helper()
	raw := make([]byte, 32)
	for i := range raw {
		raw[i] = b
	}
	key, err := crypto.ToECDSA(raw)
	require.NoError(t, err)
	return key
}

func ethAddr(key *ecdsa.PrivateKey) common.Address {
	return crypto.PubkeyToAddress(key.PublicKey)
}

// submit signs content with key and relays it from the account "relayer".
func (f *fixture) submit(t *testing.T, key *ecdsa.PrivateKey, c types.Content) (*types.MsgSubmitAmplifyResponse, error) {
	t.Helper()
	sm, err := ethsign.Sign(c, key)
	require.NoError(t, err)
	return f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
}

func (f *fixture) mustSubmit(t *testing.T, key *ecdsa.PrivateKey, c types.Content) *types.MsgSubmitAmplifyResponse {
	t.Helper()
	res, err := f.submit(t, key, c)
	require.NoError(t, err)
	return res
}

// rawStore returns every key and value of the module's store.
func (f *fixture) rawStore(t *testing.T) map[string]string {
	t.Helper()
	it := f.ctx.KVStore(f.key).Iterator(nil, nil)
	defer func() { require.NoError(t, it.Close()) }()
	out := map[string]string{}
	for ; it.Valid(); it.Next() {
		out[string(it.Key())] = string(it.Value())
	}
	return out
}

// requireRejected checks that run fails with want and changes nothing: not
// a byte of the module's store, not the events.
func (f *fixture) requireRejected(t *testing.T, want error, run func() error) {
	t.Helper()
	before := f.rawStore(t)
	events := len(f.ctx.EventManager().Events())
	err := run()
	require.ErrorIs(t, err, want)
	require.Equal(t, before, f.rawStore(t), "state changed by a rejected message")
	require.Len(t, f.ctx.EventManager().Events(), events, "events emitted by a rejected message")
}

func signTyped(t *testing.T, key *ecdsa.PrivateKey, td apitypes.TypedData) string {
	t.Helper()
	digest, _, err := apitypes.TypedDataAndHash(td)
	require.NoError(t, err)
	sig, err := crypto.Sign(digest, key)
	require.NoError(t, err)
	sig[64] += 27
	return hexutil.Encode(sig)
}

type validVector struct {
	ID         string          `json:"id"`
	ApplyOrder int             `json:"apply_order"`
	Signed     json.RawMessage `json:"signed_message"`
	Recovered  string          `json:"recovered_address"`
	Index      string          `json:"kiwistand_index"`
	Marker     string          `json:"kiwistand_marker"`
}

type invalidVector struct {
	ID        string          `json:"id"`
	Category  string          `json:"category"`
	Reason    string          `json:"reason"`
	Submitted json.RawMessage `json:"submitted_message"`
	Recovered string          `json:"recovered_address"`
	Index     string          `json:"kiwistand_index"`
}

func loadJSON(t *testing.T, name string, out any) {
	t.Helper()
	bz, err := os.ReadFile("../types/testdata/" + name)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(bz, out))
}

// applyValidVectors submits every valid vector in apply_order and checks
// the signer, identity and index the chain derives.
func applyValidVectors(t *testing.T, f *fixture) []validVector {
	t.Helper()
	var valid []validVector
	loadJSON(t, "valid.json", &valid)
	sort.Slice(valid, func(i, j int) bool { return valid[i].ApplyOrder < valid[j].ApplyOrder })
	for _, v := range valid {
		sm, err := types.ParseSignedMessageJSON(v.Signed)
		require.NoError(t, err, v.ID)
		res, err := f.msgs.SubmitAmplify(f.ctx, &types.MsgSubmitAmplify{
			Submitter: f.addr("relayer"), Title: sm.Title, Href: sm.Href, Type: sm.Type, Timestamp: sm.Timestamp, Signature: sm.Signature,
		})
		require.NoError(t, err, v.ID)
		require.Equal(t, v.Index, res.Index, v.ID)
		require.Equal(t, v.Recovered, res.Signer, v.ID)
		require.Equal(t, v.Recovered, res.Identity, v.ID)
		stored, err := f.keeper.Messages.Get(f.ctx, v.Index)
		require.NoError(t, err, v.ID)
		require.Equal(t, v.Marker, stored.Identity+"|"+stored.Link+"|"+stored.Type, v.ID)
	}
	return valid
}

func TestSubmitAmplify_KiwistandVectors(t *testing.T) {
	f := newFixture(t)
	valid := applyValidVectors(t, f)

	list, err := f.query.List(f.ctx, &types.QueryListRequest{From: 0, Amount: 500})
	require.NoError(t, err)
	require.Len(t, list.Messages, len(valid))
	for i, m := range list.Messages {
		require.Equal(t, valid[i].Index, m.Index)
		require.Equal(t, uint64(i+1), m.Seq)
	}

	var invalid []invalidVector
	loadJSON(t, "invalid.json", &invalid)
	want := map[string]error{
		"I01": types.ErrInvalidTitle, "I03": types.ErrInvalidHref, "I04": types.ErrInvalidHref, "I05": types.ErrInvalidHref,
		"I07": types.ErrInvalidHref, "I09": types.ErrTimestampTooOld, "I10": types.ErrTimestampInFuture,
		"I13": types.ErrInvalidSignature, "I14": types.ErrInvalidSignature, "I15": types.ErrInvalidSignature,
		"I16": types.ErrInvalidSignature, "I18": types.ErrInvalidSignature, "I19": types.ErrInvalidHref,
		"I20": types.ErrInvalidHref, "I21": types.ErrParentNotFound, "I22": types.ErrParentNotOlder,
		"I23": types.ErrInvalidType, "I27": types.ErrDuplicateAmplify, "I29": types.ErrDuplicateAmplify,
		"I30": types.ErrDuplicateMessage, "I31": types.ErrDuplicateReaction, "I32": types.ErrInvalidTitle,
	}
	// I24-I26 are malformed JSON objects (extra or missing property, string
	// timestamp): a MsgSubmitAmplify cannot carry them; types' vector test
	// rejects them in ParseSignedMessageJSON.
	wireOnly := map[string]bool{"I24": true, "I25": true, "I26": true}
	for _, v := range invalid {
		t.Run(v.ID, func(t *testing.T) {
			if wireOnly[v.ID] {
				_, err := types.ParseSignedMessageJSON(v.Submitted)
				require.ErrorIs(t, err, types.ErrInvalidMessage)
				return
			}
			sm, err := types.ParseSignedMessageJSON(v.Submitted)
			require.NoError(t, err)
			msg := &types.MsgSubmitAmplify{
				Submitter: f.addr("relayer"), Title: sm.Title, Href: sm.Href, Type: sm.Type, Timestamp: sm.Timestamp, Signature: sm.Signature,
			}
			if v.Category == "signer_mismatch" {
				// The recovered address is nobody Kiwistand or Kizuna knows:
				// not eligible, so refused.
				f.requireRejected(t, types.ErrIneligibleIdentity, func() error {
					_, err := f.msgs.SubmitAmplify(f.ctx, msg)
					return err
				})
				// Once eligible, accepted, as by Kiwistand, for the
				// recovered address.
				cached, _ := f.ctx.CacheContext()
				branch := *f
				branch.ctx = cached
				branch.setEligible(t, ethAddr(ethKey(t, 1)), ethAddr(ethKey(t, 2)), ethAddr(ethKey(t, 3)), common.HexToAddress(v.Recovered))
				res, err := f.msgs.SubmitAmplify(cached, msg)
				require.NoError(t, err)
				require.Equal(t, v.Recovered, res.Signer)
				require.Equal(t, v.Recovered, res.Identity)
				require.Equal(t, v.Index, res.Index)
				return
			}
			e, ok := want[v.ID]
			require.True(t, ok, "no expected error for %s: %s", v.ID, v.Reason)
			f.requireRejected(t, e, func() error {
				_, err := f.msgs.SubmitAmplify(f.ctx, msg)
				return err
			})
		})
	}
}
