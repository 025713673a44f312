package keeper_test

import (
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

const now = uint64(1_780_000_000)

func amplify(title, href string, ts uint64) types.Content {
	return types.Content{Title: title, Href: href, Type: types.TypeAmplify, Timestamp: ts}
}

func comment(title, parentIndex string, ts uint64) types.Content {
	return types.Content{Title: title, Href: types.KiwiPrefix + parentIndex, Type: types.TypeComment, Timestamp: ts}
}

func TestSubmitAmplify_RejectsBadInputWithoutStateChange(t *testing.T) {
	f := newFixture(t)
	k1, k2 := ethKey(t, 1), ethKey(t, 2)
	story := f.mustSubmit(t, k1, amplify("Story", "https://www.Example.com/news/?utm_source=x&b=2&a=1", now-1000))
	f.mustSubmit(t, k2, comment("👍", story.Index, now-900))

	signed := func(c types.Content) *types.MsgSubmitAmplify {
		sm, err := ethsign.Sign(c, k1)
		require.NoError(t, err)
		return types.NewMsgSubmitAmplify(f.addr("relayer"), sm)
	}
	malformed := signed(amplify("x", "https://example.com/m", now))
	malformed.Signature = malformed.Signature[:len(malformed.Signature)-4] // 63 bytes
	badV := signed(amplify("x", "https://example.com/v", now))
	badV.Signature = badV.Signature[:len(badV.Signature)-2] + "02"

	cases := []struct {
		name string
		want error
		msg  *types.MsgSubmitAmplify
	}{
		{"title of 81 code points", types.ErrInvalidTitle, signed(amplify(strings.Repeat("é", 81), "https://example.com/t", now))},
		{"comment of 10001 code points", types.ErrInvalidTitle, signed(comment(strings.Repeat("y", 10001), story.Index, now))},
		{"href of 2049 characters", types.ErrInvalidHref, signed(amplify("x", "https://example.com/"+strings.Repeat("a", 2029), now))},
		{"ftp scheme", types.ErrInvalidHref, signed(amplify("x", "ftp://example.com", now))},
		{"upper-case scheme", types.ErrInvalidHref, signed(amplify("x", "HTTPS://example.com", now))},
		{"href with a space", types.ErrInvalidHref, signed(amplify("x", "https://example.com/a b", now))},
		{"unknown type", types.ErrInvalidType, signed(types.Content{Title: "x", Href: "https://example.com", Type: "upvote", Timestamp: now})},
		{"timestamp before 2023", types.ErrTimestampTooOld, signed(amplify("x", "https://example.com/old", types.MinTimestamp-1))},
		{"timestamp 60 s ahead", types.ErrTimestampInFuture, signed(amplify("x", "https://example.com/future", now+60))},
		{"timestamp beyond 2^53", types.ErrTimestampInFuture, signed(amplify("x", "https://example.com/huge", 1<<53))},
		{"truncated signature", types.ErrInvalidSignature, malformed},
		{"v byte 2", types.ErrInvalidSignature, badV},
		{"duplicate link after normalization", types.ErrDuplicateAmplify, signed(amplify("again", "https://example.com/news?a=1&b=2", now))},
		{"duplicate link as written", types.ErrDuplicateAmplify, signed(amplify("again", "https://www.Example.com/news/?utm_source=x&b=2&a=1", now-10))},
		{"orphan comment", types.ErrParentNotFound, signed(comment("hi", strings.Repeat("ab", 36), now))},
		{"comment as old as its parent", types.ErrParentNotOlder, signed(comment("hi", story.Index, now-1000))},
		{"comment older than its parent", types.ErrParentNotOlder, signed(comment("hi", story.Index, now-2000))},
		{"bad submitter", sdkerrors.ErrInvalidAddress, func() *types.MsgSubmitAmplify {
			m := signed(amplify("x", "https://example.com/s", now))
			m.Submitter = "nope"
			return m
		}()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.SubmitAmplify(f.ctx, tc.msg)
				return err
			})
		})
	}

	t.Run("duplicate reaction", func(t *testing.T) {
		sm, err := ethsign.Sign(comment("🎉", story.Index, now-800), k2)
		require.NoError(t, err)
		f.requireRejected(t, types.ErrDuplicateReaction, func() error {
			_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
			return err
		})
	})
	t.Run("a text comment after a reaction is accepted", func(t *testing.T) {
		f.mustSubmit(t, k2, comment("Nice one", story.Index, now-700))
	})
}

func TestSubmitAmplify_TamperedContentCountsForRecoveredAddress(t *testing.T) {
	f := newFixture(t)
	k1 := ethKey(t, 1)
	sm, err := ethsign.Sign(amplify("Original", "https://example.com/t", now), k1)
	require.NoError(t, err)
	sm.Title = "Tampered"
	recovered, err := sm.RecoverSigner()
	require.NoError(t, err)
	require.NotEqual(t, ethAddr(k1), recovered)
	// The recovered address is nobody's: not eligible.
	f.requireRejected(t, types.ErrIneligibleIdentity, func() error {
		_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
		return err
	})
	// Made eligible, the message counts for it, as in Kiwistand.
	f.setEligible(t, ethAddr(k1), recovered)
	res, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
	require.NoError(t, err)
	require.NotEqual(t, ethAddr(k1).Hex(), res.Signer)
	require.Equal(t, res.Signer, res.Identity)

	// The original signer's vote is still free.
	ok := f.mustSubmit(t, k1, amplify("Original", "https://example.com/t", now))
	require.Equal(t, ethAddr(k1).Hex(), ok.Identity)
	votes, err := f.query.Votes(f.ctx, &types.QueryVotesRequest{Href: "https://example.com/t/"})
	require.NoError(t, err)
	require.Equal(t, []string{res.Signer, ethAddr(k1).Hex()}, votes.Identities)
}

func TestSubmitAmplify_AcceptsEveryKiwistandSignatureEncoding(t *testing.T) {
	f := newFixture(t)
	k1 := ethKey(t, 1)
	base, err := ethsign.Sign(amplify("enc", "https://example.com/enc", now), k1)
	require.NoError(t, err)
	raw, err := types.ParseSignature(base.Signature)
	require.NoError(t, err)
	variants := map[string]string{
		"v 0/1":      "0x" + strings.TrimPrefix(base.Signature, "0x")[:128] + []string{"00", "01"}[raw[64]],
		"v 29/30":    "0x" + strings.TrimPrefix(base.Signature, "0x")[:128] + []string{"1d", "1e"}[raw[64]],
		"upper case": "0x" + strings.ToUpper(strings.TrimPrefix(base.Signature, "0x")),
		"high s":     highS(t, raw),
		"compact":    compact(raw),
	}
	indexes := map[string]bool{}
	for name, sig := range variants {
		t.Run(name, func(t *testing.T) {
			sm := base
			sm.Signature = sig
			signer, err := sm.RecoverSigner()
			require.NoError(t, err)
			require.Equal(t, ethAddr(k1), signer)
			indexes[sm.Index()] = true
		})
	}
	require.Len(t, indexes, len(variants), "each encoding is hashed into its own index")

	// Every encoding is one vote: the first is accepted, the others are
	// duplicates of its marker.
	sm := base
	sm.Signature = variants["compact"]
	res, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
	require.NoError(t, err)
	require.Equal(t, ethAddr(k1).Hex(), res.Identity)
	sm.Signature = variants["high s"]
	f.requireRejected(t, types.ErrDuplicateAmplify, func() error {
		_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
		return err
	})
}

// highS returns the other valid signature of the same digest: s' = n - s
// with the recovery bit flipped, 65 bytes with v 27/28.
func highS(t *testing.T, raw []byte) string {
	t.Helper()
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(raw[32:64])
	s.Sub(n, s)
	out := make([]byte, 65)
	copy(out, raw[:32])
	s.FillBytes(out[32:64])
	out[64] = 27 + (1 - raw[64])
	return hexutil.Encode(out)
}

// compact returns the EIP-2098 form r || (v << 255 | s).
func compact(raw []byte) string {
	out := make([]byte, 64)
	copy(out, raw[:64])
	out[32] |= raw[64] << 7
	return hexutil.Encode(out)
}

func TestDelegations(t *testing.T) {
	f := newFixture(t)
	id, key, other := ethKey(t, 1), ethKey(t, 2), ethKey(t, 3)
	chain := f.ctx.ChainID()
	sender := f.addr("alice")

	delegate := func(from, to common.Address, toKey, fromKey *ecdsa.PrivateKey, toNonce, fromNonce uint64) *types.MsgDelegate {
		msg := &types.MsgDelegate{
			Sender: sender, From: from.Hex(), To: to.Hex(),
			ToSignature: signTyped(t, toKey, types.DelegationTypedData(types.ActionDelegate, from, to, chain, toNonce)),
		}
		if fromKey != nil {
			msg.FromSignature = signTyped(t, fromKey, types.DelegationTypedData(types.ActionDelegate, from, to, chain, fromNonce))
		}
		return msg
	}

	t.Run("from's consent is required", func(t *testing.T) {
		f.requireRejected(t, types.ErrInvalidSignature, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(id), ethAddr(key), key, nil, 0, 0))
			return err
		})
	})
	t.Run("to's consent must be to's", func(t *testing.T) {
		f.requireRejected(t, types.ErrInvalidSignature, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(id), ethAddr(key), other, id, 0, 0))
			return err
		})
	})
	t.Run("from equals to", func(t *testing.T) {
		f.requireRejected(t, types.ErrInvalidDelegation, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(id), ethAddr(id), id, id, 0, 0))
			return err
		})
	})

	_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(id), ethAddr(key), key, id, 0, 0))
	require.NoError(t, err)

	identity, err := f.query.IdentityOf(f.ctx, &types.QueryIdentityOfRequest{Signer: strings.ToLower(ethAddr(key).Hex())})
	require.NoError(t, err)
	require.Equal(t, ethAddr(id).Hex(), identity.Identity)
	require.True(t, identity.Delegated)

	// A vote signed by the delegated key counts for the identity, so the
	// identity's own vote on the same link is a duplicate.
	res := f.mustSubmit(t, key, amplify("via key", "https://example.com/d", now))
	require.Equal(t, ethAddr(key).Hex(), res.Signer)
	require.Equal(t, ethAddr(id).Hex(), res.Identity)
	f.requireRejected(t, types.ErrDuplicateAmplify, func() error {
		_, err := f.submit(t, id, amplify("self", "https://example.com/d", now))
		return err
	})

	t.Run("the first delegation wins", func(t *testing.T) {
		f.requireRejected(t, types.ErrDelegationConflict, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(other), ethAddr(key), key, other, 1, 0))
			return err
		})
	})
	t.Run("an address used as to cannot delegate", func(t *testing.T) {
		f.requireRejected(t, types.ErrDelegationConflict, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(key), ethAddr(other), other, key, 0, 1))
			return err
		})
	})
	t.Run("an identity cannot become a signing key", func(t *testing.T) {
		f.requireRejected(t, types.ErrDelegationConflict, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(other), ethAddr(id), id, other, 1, 0))
			return err
		})
	})
	t.Run("a used consent cannot be replayed", func(t *testing.T) {
		_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(other), ethAddr(ethKey(t, 4)), ethKey(t, 4), other, 0, 0))
		require.NoError(t, err)
		f.requireRejected(t, types.ErrInvalidSignature, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(other), ethAddr(ethKey(t, 5)), ethKey(t, 5), other, 0, 0))
			return err
		})
	})

	list, err := f.query.Delegations(f.ctx, &types.QueryDelegationsRequest{From: ethAddr(id).Hex()})
	require.NoError(t, err)
	require.Equal(t, []types.Delegation{{From: ethAddr(id).Hex(), To: ethAddr(key).Hex()}}, list.Delegations)

	// Link the identity to alice, then revoke without a signature.
	_, err = f.msgs.LinkEthereumAddress(f.ctx, &types.MsgLinkEthereumAddress{
		Account: sender, EthAddress: ethAddr(id).Hex(),
		Signature: signTyped(t, id, types.LinkTypedData(ethAddr(id), sender, chain, 1)),
	})
	require.NoError(t, err)
	_, err = f.msgs.RevokeDelegation(f.ctx, &types.MsgRevokeDelegation{Sender: sender, From: ethAddr(id).Hex(), To: ethAddr(key).Hex()})
	require.NoError(t, err)
	t.Run("revocation needs a delegation", func(t *testing.T) {
		f.requireRejected(t, types.ErrDelegationNotFound, func() error {
			_, err := f.msgs.RevokeDelegation(f.ctx, &types.MsgRevokeDelegation{Sender: sender, From: ethAddr(id).Hex(), To: ethAddr(key).Hex()})
			return err
		})
	})
	identity, err = f.query.IdentityOf(f.ctx, &types.QueryIdentityOfRequest{Signer: ethAddr(key).Hex()})
	require.NoError(t, err)
	require.Equal(t, ethAddr(key).Hex(), identity.Identity)
	require.False(t, identity.Delegated)
}
