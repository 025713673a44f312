package keeper_test

import (
	"crypto/ecdsa"
	"encoding/json"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/pagination"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/keeper"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
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

// addr returns a deterministic account address for a name.
func (f *fixture) addr(name string) string { return keepertest.Addr(name) }

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
	return keepertest.RawStore(t, f.ctx, f.key)
}

// requireRejected checks that run fails with want and changes nothing: not
// a byte of the module's store, not the events.
func (f *fixture) requireRejected(t *testing.T, want error, run func() error) {
	t.Helper()
	keepertest.RequireRejected(t, f.ctx, keepertest.StoreSnapshot(t, f.ctx, f.key), want, run)
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

const now = uint64(1_780_000_000)

func amplify(title, href string, ts uint64) types.Content {
	return types.Content{Title: title, Href: href, Type: types.TypeAmplify, Timestamp: ts}
}

func comment(title, parentIndex string, ts uint64) types.Content {
	return types.Content{Title: title, Href: types.KiwiPrefix + parentIndex, Type: types.TypeComment, Timestamp: ts}
}

// createCommunity makes the account of name the admin, so an active
// member, of a new community with the policy, and returns its id.
func (f *fixture) createCommunity(t *testing.T, name, community string, policy communitytypes.JoinPolicy) uint64 {
	t.Helper()
	res, err := communitykeeper.NewMsgServerImpl(f.community).CreateCommunity(f.ctx, &communitytypes.MsgCreateCommunity{
		Creator: f.addr(name), Name: community, JoinPolicy: policy, Username: name,
	})
	require.NoError(t, err)
	return res.Id
}

// join asks the account of name to join the community: an active member
// of an OPEN one, a pending request for an APPROVAL one.
func (f *fixture) join(t *testing.T, name string, id uint64) {
	t.Helper()
	_, err := communitykeeper.NewMsgServerImpl(f.community).JoinCommunity(f.ctx, &communitytypes.MsgJoinCommunity{
		Member: f.addr(name), CommunityId: id, Username: name,
	})
	require.NoError(t, err)
}

// link links key's address to the account of name.
func (f *fixture) link(t *testing.T, name string, key *ecdsa.PrivateKey) {
	t.Helper()
	account := f.addr(name)
	acc, err := f.query.EthAccount(f.ctx, &types.QueryEthAccountRequest{Address: ethAddr(key).Hex()})
	require.NoError(t, err)
	_, err = f.msgs.LinkEthereumAddress(f.ctx, &types.MsgLinkEthereumAddress{
		Account: account, EthAddress: ethAddr(key).Hex(),
		Signature: signTyped(t, key, types.LinkTypedData(ethAddr(key), account, f.ctx.ChainID(), acc.ConsentNonce)),
	})
	require.NoError(t, err)
}

// votedAtTheirTimes returns a chain at now where three identities amplified
// link A (the first 10 h ago), two link B (the first 1 h ago) and one
// commented on A, each message accepted in a block at its signed time, with
// A's first amplify and the comment.
func votedAtTheirTimes(t *testing.T) (f *fixture, a, c *types.MsgSubmitAmplifyResponse) {
	t.Helper()
	f = newFixture(t)
	k1, k2, k3 := ethKey(t, 1), ethKey(t, 2), ethKey(t, 3)
	hour := uint64(3600)
	at := func(ts uint64) *fixture {
		f.ctx = f.ctx.WithBlockTime(time.Unix(int64(ts), 0).UTC())
		return f
	}
	a = at(now-10*hour).mustSubmit(t, k1, amplify("A", "https://a.example/", now-10*hour))
	at(now-9*hour).mustSubmit(t, k2, amplify("A", "https://www.a.example", now-9*hour))
	at(now-8*hour).mustSubmit(t, k3, amplify("A", "https://a.example/?utm_medium=x", now-8*hour))
	at(now-hour).mustSubmit(t, k1, amplify("B", "https://b.example/", now-hour))
	at(now-hour/2).mustSubmit(t, k2, amplify("B", "https://b.example/", now-hour/2))
	c = at(now-hour/2).mustSubmit(t, k3, comment("hi", a.Index, now-hour))
	at(now)
	return f, a, c
}

// pageBounds are page requests and the page size internal/pagination gives
// them when more than pagination.MaxLimit entries match.
var pageBounds = []struct {
	page *query.PageRequest
	want uint64
}{
	{&query.PageRequest{Limit: 1_000_000_000}, pagination.MaxLimit},
	{nil, pagination.DefaultLimit},
	{&query.PageRequest{Limit: 7}, 7},
}

type validVector struct {
	ID         string          `json:"id"`
	ApplyOrder int             `json:"apply_order"`
	Signed     json.RawMessage `json:"signed_message"`
	Recovered  string          `json:"recovered_address"`
	Index      string          `json:"kiwistand_index"`
	Marker     string          `json:"kiwistand_marker"`
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
