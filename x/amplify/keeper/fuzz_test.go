package keeper_test

import (
	"crypto/ecdsa"
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/fuzzmsg"
	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// msgServerErrors are the errors the Msg server may return besides the SDK's
// for addresses and authority: the module's registered errors. Any other
// error is a bug.
var msgServerErrors = []error{
	types.ErrInvalidMessage, types.ErrInvalidType, types.ErrInvalidTitle, types.ErrInvalidHref,
	types.ErrInvalidSignature, types.ErrTimestampTooOld, types.ErrTimestampInFuture, types.ErrDuplicateAmplify,
	types.ErrDuplicateMessage, types.ErrDuplicateReaction, types.ErrParentNotFound, types.ErrParentNotOlder,
	types.ErrMessageNotFound, types.ErrInvalidAddress, types.ErrInvalidDelegation, types.ErrDelegationConflict,
	types.ErrDelegationNotFound, types.ErrInvalidParams, types.ErrInvalidGenesis, types.ErrInvalidRequest,
	types.ErrLinkConflict, types.ErrLinkNotFound, types.ErrIneligibleIdentity, types.ErrDuplicateComment,
	types.ErrNotCommunityMember,
}

// FuzzMsgServer runs one Msg of any kind of the amplify Msg service,
// decoded from fuzzed protobuf bytes, through the Msg server, on a chain
// that accepted every valid Kiwistand vector, where alice linked key 1 and
// key 1 delegated to key 3. The seeds are the vectors, valid and invalid,
// fresh messages and consents signed for this state, and bad variants. It
// checks that the server never panics; that a rejected Msg fails with a
// registered error and leaves the store and the events untouched; that after
// an accepted one the exported genesis still validates; and that the same
// Msg on the same state gives the same response, error, writes and events.
func FuzzMsgServer(f *testing.F) {
	base := newFuzzChain(f)
	k1, k2, k3, k4 := fuzzKey(f, 1), fuzzKey(f, 2), fuzzKey(f, 3), fuzzKey(f, 4)
	a1, a2, a3, a4 := ethAddr(k1), ethAddr(k2), ethAddr(k3), ethAddr(k4)
	chain := base.ctx.ChainID()
	relayer := base.addr("relayer")
	sign := func(key *ecdsa.PrivateKey, c types.Content) *types.MsgSubmitAmplify {
		sm, err := ethsign.Sign(c, key)
		require.NoError(f, err)
		return types.NewMsgSubmitAmplify(relayer, sm)
	}
	// signTD returns signer's consent to the delegation from → to.
	signTD := func(signer *ecdsa.PrivateKey, action string, from, to *ecdsa.PrivateKey, nonce uint64) string {
		sig, err := ethsign.SignTypedData(types.DelegationTypedData(action, ethAddr(from), ethAddr(to), chain, nonce), signer)
		require.NoError(f, err)
		return sig
	}
	link, err := ethsign.SignTypedData(types.LinkTypedData(a2, base.addr("bob"), chain, 0), k2)
	require.NoError(f, err)
	now := uint64(vectorTime.Unix())

	// Every vector once more. The valid ones are duplicates by now, also the
	// ones key 3 signed, although they would count for another identity
	// (key 1) since the delegation: a regression seed, as they used to be
	// stored a second time.
	var seeds []fuzzmsg.Msg
	for _, raw := range fuzzVectorMessages(f) {
		sm, err := types.ParseSignedMessageJSON(raw)
		if err != nil {
			continue // a MsgSubmitAmplify cannot carry a malformed wire message
		}
		seeds = append(seeds, types.NewMsgSubmitAmplify(relayer, sm))
	}
	v01 := "kiwi:0x63b0bef04c383021c4a0cbe7e74452397ebd3a4f6df34b7a060af5d292fd222ac43013d3"
	seeds = append(seeds, []fuzzmsg.Msg{
		sign(k2, types.Content{Title: "Fresh", Href: "HTTPS://WWW.Example.com//fresh/?utm_x=1", Type: types.TypeAmplify, Timestamp: now - 10}),
		sign(k3, types.Content{Title: "By a delegate", Href: "https://example.com/delegated", Type: types.TypeAmplify, Timestamp: now - 20}),
		sign(k4, types.Content{Title: "🥝", Href: v01, Type: types.TypeComment, Timestamp: now - 30}),
		sign(k4, types.Content{Title: "A text post", Href: "data:text/plain,hi", Type: types.TypeAmplify, Timestamp: now - 40}),
		sign(k4, types.Content{Title: "Too late", Href: "https://example.com", Type: types.TypeAmplify, Timestamp: now + 60}),
		sign(k4, types.Content{Title: "IPv6", Href: "http://[::1]:8080/x", Type: types.TypeAmplify, Timestamp: now - 50}),
		&types.MsgSubmitAmplify{Submitter: "kizuna1nope", Type: types.TypeAmplify},
		&types.MsgLinkEthereumAddress{Account: base.addr("bob"), EthAddress: a2.Hex(), Signature: link},
		&types.MsgLinkEthereumAddress{Account: base.addr("carol"), EthAddress: a2.Hex(), Signature: link},
		&types.MsgLinkEthereumAddress{Account: base.addr("alice"), EthAddress: a2.Hex(), Signature: link},
		&types.MsgLinkEthereumAddress{Account: base.addr("bob"), EthAddress: "0x1234", Signature: "0x"},
		&types.MsgDelegate{
			Sender: base.addr("bob"), From: a2.Hex(), To: a4.Hex(),
			ToSignature: signTD(k4, types.ActionDelegate, k2, k4, 0), FromSignature: signTD(k2, types.ActionDelegate, k2, k4, 0),
		},
		&types.MsgDelegate{
			Sender: base.addr("alice"), From: a1.Hex(), To: a4.Hex(), ToSignature: signTD(k4, types.ActionDelegate, k1, k4, 0),
		},
		&types.MsgDelegate{
			Sender: base.addr("bob"), From: a3.Hex(), To: a4.Hex(), ToSignature: signTD(k4, types.ActionDelegate, k3, k4, 0),
		},
		&types.MsgDelegate{Sender: base.addr("bob"), From: a2.Hex(), To: a2.Hex()},
		&types.MsgRevokeDelegation{Sender: base.addr("alice"), From: a1.Hex(), To: a3.Hex()},
		&types.MsgRevokeDelegation{
			Sender: base.addr("bob"), From: a1.Hex(), To: a3.Hex(), FromSignature: signTD(k1, types.ActionRevoke, k1, k3, 1),
		},
		&types.MsgRevokeDelegation{Sender: base.addr("bob"), From: a1.Hex(), To: a3.Hex()},
		&types.MsgRevokeDelegation{Sender: base.addr("alice"), From: a2.Hex(), To: a4.Hex()},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.DefaultParams()},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.Params{MinTimestamp: types.MaxSafeTimestamp + 1}},
		&types.MsgUpdateParams{Authority: base.addr("alice"), Params: types.DefaultParams()},
	}...)
	fuzzmsg.Server[map[string]string]{
		Service: types.Msg_serviceDesc, Impl: base.msgs, Ctx: &base.ctx, Errors: msgServerErrors,
		State: base.rawStore, Accepted: fuzzmsg.GenesisValidates(base.keeper.ExportGenesis),
	}.Fuzz(f, seeds...)
}

// newFuzzChain returns the fixture of newFixture, built for any
// testing.TB, after every valid vector, alice's link of key 1 and key 1's
// delegation to key 3.
func newFuzzChain(tb testing.TB) *fixture {
	tb.Helper()
	f := newEligibleFixture(tb)
	run := func(_ any, err error) { require.NoError(tb, err) }

	var valid []validVector
	bz, err := os.ReadFile("../types/testdata/valid.json")
	require.NoError(tb, err)
	require.NoError(tb, json.Unmarshal(bz, &valid))
	sort.Slice(valid, func(i, j int) bool { return valid[i].ApplyOrder < valid[j].ApplyOrder })
	for _, v := range valid {
		sm, err := types.ParseSignedMessageJSON(v.Signed)
		require.NoError(tb, err, v.ID)
		run(f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm)))
	}

	k1, k3 := fuzzKey(tb, 1), fuzzKey(tb, 3)
	chain := f.ctx.ChainID()
	linkSig, err := ethsign.SignTypedData(types.LinkTypedData(ethAddr(k1), f.addr("alice"), chain, 0), k1)
	require.NoError(tb, err)
	run(f.msgs.LinkEthereumAddress(f.ctx, &types.MsgLinkEthereumAddress{
		Account: f.addr("alice"), EthAddress: ethAddr(k1).Hex(), Signature: linkSig,
	}))
	toSig, err := ethsign.SignTypedData(types.DelegationTypedData(types.ActionDelegate, ethAddr(k1), ethAddr(k3), chain, 0), k3)
	require.NoError(tb, err)
	run(f.msgs.Delegate(f.ctx, &types.MsgDelegate{
		Sender: f.addr("alice"), From: ethAddr(k1).Hex(), To: ethAddr(k3).Hex(), ToSignature: toSig,
	}))
	return f
}

// fuzzKey is ethKey for any testing.TB: the key of 32 times b.
func fuzzKey(tb testing.TB, b byte) *ecdsa.PrivateKey {
	tb.Helper()
	raw := make([]byte, 32)
	for i := range raw {
		raw[i] = b
	}
	key, err := crypto.ToECDSA(raw)
	require.NoError(tb, err)
	return key
}

// fuzzVectorMessages returns the wire messages of every Kiwistand vector,
// valid and invalid.
func fuzzVectorMessages(tb testing.TB) []json.RawMessage {
	tb.Helper()
	var out []json.RawMessage
	for _, file := range []struct{ name, field string }{
		{"valid.json", "signed_message"}, {"invalid.json", "submitted_message"},
	} {
		bz, err := os.ReadFile("../types/testdata/" + file.name)
		require.NoError(tb, err)
		var vectors []map[string]json.RawMessage
		require.NoError(tb, json.Unmarshal(bz, &vectors))
		for _, v := range vectors {
			out = append(out, v[file.field])
		}
	}
	return out
}
