package keeper_test

import (
	"crypto/ecdsa"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

func TestSubmitAmplify_AcceptsTheValidVectorsInApplyOrder(t *testing.T) {
	f := newFixture(t)
	valid := applyValidVectors(t, f)

	list, err := f.query.List(f.ctx, &types.QueryListRequest{From: 0, Amount: 500})
	require.NoError(t, err)
	require.Len(t, list.Messages, len(valid))
	for i, m := range list.Messages {
		require.Equal(t, valid[i].Index, m.Index)
		require.Equal(t, uint64(i+1), m.Seq)
	}
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

func TestSubmitAmplify_AcceptsOnlyEligibleIdentities(t *testing.T) {
	f := newFixture(t)
	f.setEligible(t) // nobody through the params
	garden := f.createCommunity(t, "alice", "Garden", communitytypes.JoinPolicyOpen)
	orchard := f.createCommunity(t, "carol", "Orchard", communitytypes.JoinPolicyApproval)
	member, pending, unlinked, lonely, delegate := ethKey(t, 11), ethKey(t, 12), ethKey(t, 13), ethKey(t, 14), ethKey(t, 15)

	f.join(t, "bob", garden)
	f.link(t, "bob", member)
	f.join(t, "dave", orchard) // pending: not an active member
	f.link(t, "dave", pending)
	f.link(t, "erin", lonely) // in no community

	ts := now - 100
	for name, key := range map[string]*ecdsa.PrivateKey{
		"not linked, not listed":            unlinked,
		"linked to a pending member":        pending,
		"linked to an account of no group":  lonely,
		"signing key nobody delegated to":   delegate,
		"member's key that is not the link": ethKey(t, 16),
	} {
		t.Run(name, func(t *testing.T) {
			f.requireRejected(t, types.ErrIneligibleIdentity, func() error {
				_, err := f.submit(t, key, amplify("x", "https://example.com/e", ts))
				return err
			})
		})
	}

	res := f.mustSubmit(t, member, amplify("By a member", "https://example.com/e", ts))
	require.Equal(t, ethAddr(member).Hex(), res.Identity)
	f.mustSubmit(t, member, comment("And a comment", res.Index, ts+1))

	t.Run("a comment is checked too", func(t *testing.T) {
		f.requireRejected(t, types.ErrIneligibleIdentity, func() error {
			_, err := f.submit(t, unlinked, comment("spam", res.Index, ts+2))
			return err
		})
	})

	t.Run("a delegate signs for an eligible identity", func(t *testing.T) {
		bob := f.addr("bob")
		_, err := f.msgs.Delegate(f.ctx, &types.MsgDelegate{
			Sender: bob, From: ethAddr(member).Hex(), To: ethAddr(delegate).Hex(),
			ToSignature: signTyped(t, delegate, types.DelegationTypedData(types.ActionDelegate, ethAddr(member), ethAddr(delegate), f.ctx.ChainID(), 0)),
		})
		require.NoError(t, err)
		res := f.mustSubmit(t, delegate, amplify("Via the delegate", "https://example.com/d", ts))
		require.Equal(t, ethAddr(member).Hex(), res.Identity)
	})

	t.Run("approval makes a pending member eligible", func(t *testing.T) {
		_, err := communitykeeper.NewMsgServerImpl(f.community).ApproveMember(f.ctx, &communitytypes.MsgApproveMember{
			Reviewer: f.addr("carol"), CommunityId: orchard, Member: f.addr("dave"),
		})
		require.NoError(t, err)
		f.mustSubmit(t, pending, amplify("Approved", "https://example.com/e", ts))
	})

	t.Run("leaving the last community ends eligibility", func(t *testing.T) {
		_, err := communitykeeper.NewMsgServerImpl(f.community).LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{
			Member: f.addr("bob"), CommunityId: garden,
		})
		require.NoError(t, err)
		f.requireRejected(t, types.ErrIneligibleIdentity, func() error {
			_, err := f.submit(t, member, amplify("x", "https://example.com/after", ts))
			return err
		})
	})

	t.Run("the params list makes an identity eligible, in either case", func(t *testing.T) {
		p, err := f.keeper.GetParams(f.ctx)
		require.NoError(t, err)
		p.EligibleIdentities = []string{strings.ToLower(ethAddr(unlinked).Hex())}
		_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: p})
		require.NoError(t, err)
		f.mustSubmit(t, unlinked, amplify("Listed", "https://example.com/e", ts))
	})
}

func TestSubmitAmplify_CommunityIDNeedsAnActiveMemberSubmitter(t *testing.T) {
	f := newFixture(t)
	garden := f.createCommunity(t, "alice", "Garden", communitytypes.JoinPolicyOpen)
	orchard := f.createCommunity(t, "carol", "Orchard", communitytypes.JoinPolicyApproval)
	f.join(t, "dave", orchard) // pending
	k1 := ethKey(t, 1)

	submitAs := func(submitter string, communityID uint64, href string) (*types.MsgSubmitAmplifyResponse, error) {
		sm, err := ethsign.Sign(amplify("x", href, now-10), k1)
		require.NoError(t, err)
		msg := types.NewMsgSubmitAmplify(f.addr(submitter), sm)
		msg.CommunityId = communityID
		return f.msgs.SubmitAmplify(f.ctx, msg)
	}
	for _, tc := range []struct {
		name, submitter string
		community       uint64
	}{
		{"not a member", "bob", garden},
		{"a pending member", "dave", orchard},
		{"a member of another community", "alice", orchard},
		{"no such community", "alice", 99},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, types.ErrNotCommunityMember, func() error {
				_, err := submitAs(tc.submitter, tc.community, "https://example.com/c")
				return err
			})
		})
	}

	events := len(f.ctx.EventManager().Events())
	_, err := submitAs("alice", garden, "https://example.com/c")
	require.NoError(t, err)
	accepted := f.ctx.EventManager().Events()[events:]
	require.Len(t, accepted, 1)
	require.Equal(t, "kizuna.amplify.v1.EventMessageAccepted", accepted[0].Type)
	value, ok := accepted[0].GetAttribute("community_id")
	require.True(t, ok)
	require.Equal(t, `"1"`, value.Value)

	// 0 states no community: any account relays.
	_, err = submitAs("bob", 0, "https://example.com/none")
	require.NoError(t, err)
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

// TestSubmitAmplify_RandomSignaturesNoLongerMoveASpamLink replays the
// spam attack: twelve random signatures on one spam link
// each recovered a fresh address, counted as twelve voters and made the
// link the top link. They are refused now; the store, Top and the link's
// votes do not move.
func TestSubmitAmplify_RandomSignaturesNoLongerMoveASpamLink(t *testing.T) {
	f := newFixture(t)
	f.mustSubmit(t, ethKey(t, 1), amplify("Real", "https://real.example/", now-100))
	f.mustSubmit(t, ethKey(t, 2), amplify("Real", "https://real.example/", now-90))
	topBefore, err := f.query.Top(f.ctx, &types.QueryTopRequest{N: 10})
	require.NoError(t, err)
	require.Len(t, topBefore.Links, 1)

	rng := rand.New(rand.NewPCG(11, 6))
	spam := amplify("Buy now", "https://spam.example/", now-10)
	recovered := map[common.Address]bool{}
	for len(recovered) < 12 {
		sig := make([]byte, 65)
		for i := range sig[:64] {
			sig[i] = byte(rng.UintN(256))
		}
		sig[64] = 27 + byte(rng.UintN(2))
		sm := types.SignedMessage{Content: spam, Signature: hexutil.Encode(sig)}
		signer, err := sm.RecoverSigner()
		if err != nil {
			continue // r is not a curve point: no address at all
		}
		recovered[signer] = true
		f.requireRejected(t, types.ErrIneligibleIdentity, func() error {
			_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("attacker"), sm))
			return err
		})
	}

	topAfter, err := f.query.Top(f.ctx, &types.QueryTopRequest{N: 10})
	require.NoError(t, err)
	require.Equal(t, topBefore, topAfter)
	votes, err := f.query.Votes(f.ctx, &types.QueryVotesRequest{Href: "https://spam.example/"})
	require.NoError(t, err)
	require.Empty(t, votes.Identities)
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

// TestSubmitAmplify_ReencodedCommentIsStoredOnce replays the
// comment-replay attack: six encodings of one signature of a victim's comment
// (as signed, upper-case hex, v 0/1, v 29/30, EIP-2098 compact, high s)
// have six indexes and were stored six times. The first is stored; every
// other is refused with nothing stored.
func TestSubmitAmplify_ReencodedCommentIsStoredOnce(t *testing.T) {
	f := newFixture(t)
	victim, other := ethKey(t, 2), ethKey(t, 3)
	story := f.mustSubmit(t, ethKey(t, 1), amplify("Story", "https://example.com/story", now-1000))
	c := comment("I was here first", story.Index, now-500)
	signed, err := ethsign.Sign(c, victim)
	require.NoError(t, err)
	raw, err := types.ParseSignature(signed.Signature)
	require.NoError(t, err)
	hexDigits := strings.TrimPrefix(signed.Signature, "0x")
	encodings := []string{
		signed.Signature,
		"0x" + strings.ToUpper(hexDigits),
		"0x" + hexDigits[:128] + []string{"00", "01"}[raw[64]],
		"0x" + hexDigits[:128] + []string{"1d", "1e"}[raw[64]],
		compact(raw),
		highS(t, raw),
	}
	indexes := map[string]bool{}
	for _, sig := range encodings {
		sm := signed
		sm.Signature = sig
		signer, err := sm.RecoverSigner()
		require.NoError(t, err)
		require.Equal(t, ethAddr(victim), signer)
		indexes[sm.Index()] = true
	}
	require.Len(t, indexes, 6, "six distinct indexes")

	first, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("victim"), signed))
	require.NoError(t, err)
	for _, sig := range encodings[1:] {
		sm := signed
		sm.Signature = sig
		f.requireRejected(t, types.ErrDuplicateComment, func() error {
			_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("attacker"), sm))
			return err
		})
	}
	// Byte for byte, it is a duplicate index, as in Kiwistand.
	f.requireRejected(t, types.ErrDuplicateMessage, func() error {
		_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("attacker"), signed))
		return err
	})

	comments, err := f.query.List(f.ctx, &types.QueryListRequest{Amount: 100, Type: types.TypeComment})
	require.NoError(t, err)
	require.Len(t, comments.Messages, 1)
	require.Equal(t, first.Index, comments.Messages[0].Index)

	// Another identity may say the same words, and the victim may say
	// something else.
	f.mustSubmit(t, other, c)
	f.mustSubmit(t, victim, comment("I was here first", story.Index, now-499))
}

// TestSubmitAmplify_CommentIsOnePerIdentityAcrossItsSigningKeys: the
// digest index is per identity, so a delegate re-signing its identity's
// comment is a duplicate too.
func TestSubmitAmplify_CommentIsOnePerIdentityAcrossItsSigningKeys(t *testing.T) {
	f := newFixture(t)
	id, key := ethKey(t, 1), ethKey(t, 4)
	chain := f.ctx.ChainID()
	_, err := f.msgs.Delegate(f.ctx, &types.MsgDelegate{
		Sender: f.addr("alice"), From: ethAddr(id).Hex(), To: ethAddr(key).Hex(),
		ToSignature:   signTyped(t, key, types.DelegationTypedData(types.ActionDelegate, ethAddr(id), ethAddr(key), chain, 0)),
		FromSignature: signTyped(t, id, types.DelegationTypedData(types.ActionDelegate, ethAddr(id), ethAddr(key), chain, 0)),
	})
	require.NoError(t, err)
	story := f.mustSubmit(t, ethKey(t, 2), amplify("Story", "https://example.com/story", now-1000))
	c := comment("Same words", story.Index, now-500)
	f.mustSubmit(t, id, c)
	sm, err := ethsign.Sign(c, key)
	require.NoError(t, err)
	f.requireRejected(t, types.ErrDuplicateComment, func() error {
		_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
		return err
	})
}

// TestSubmitAmplify_RejectsAKnownIndexOnceItsSignerIsADelegate pins the bug
// FuzzMsgServer found: an amplify whose signer has since become a delegate
// counts for another identity, for which its link may be new, and it was
// then stored a second time under a new seq.
func TestSubmitAmplify_RejectsAKnownIndexOnceItsSignerIsADelegate(t *testing.T) {
	f := newFuzzChain(t) // key 3 signed vectors before key 1 delegated to it
	key1, key3 := ethAddr(ethKey(t, 1)).Hex(), ethAddr(ethKey(t, 3)).Hex()
	newLinks := 0
	for _, raw := range fuzzVectorMessages(t) {
		sm, err := types.ParseSignedMessageJSON(raw)
		if err != nil || sm.Type != types.TypeAmplify {
			continue
		}
		if signer, err := sm.RecoverSigner(); err != nil || signer.Hex() != key3 {
			continue
		}
		if known, err := f.keeper.Messages.Has(f.ctx, sm.Index()); err != nil || !known {
			continue
		}
		link, err := sm.Link()
		require.NoError(t, err)
		want := types.ErrDuplicateAmplify
		if amplified, err := f.keeper.Messages.Indexes.AmplifyMarkers.Has(f.ctx, collections.Join(key1, link)); err == nil && !amplified {
			want = types.ErrDuplicateMessage
			newLinks++
		}
		f.requireRejected(t, want, func() error {
			_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
			return err
		})
	}
	require.NotZero(t, newLinks, "key 3 amplified links key 1 did not")
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
