package keeper_test

import (
	"crypto/ecdsa"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

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

// TestSubmitAmplify_RandomSignaturesNoLongerMoveASpamLink replays the
// attack of issue 11 item 6: twelve random signatures on one spam link
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
