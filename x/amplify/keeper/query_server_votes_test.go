package keeper_test

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestVotes_ListsTheIdentitiesOfTheNormalizedLinkInAcceptanceOrder(t *testing.T) {
	f, _, _ := votedAtTheirTimes(t)
	k1, k2, k3 := ethKey(t, 1), ethKey(t, 2), ethKey(t, 3)
	votes, err := f.query.Votes(f.ctx, &types.QueryVotesRequest{Href: "https://A.example"})
	require.NoError(t, err)
	require.Equal(t, "https://a.example", votes.Link)
	require.Equal(t, []string{ethAddr(k1).Hex(), ethAddr(k2).Hex(), ethAddr(k3).Hex()}, votes.Identities)
}

// TestVotes_PageSizeIsBounded: with more votes than pagination.MaxLimit, a
// page request for 10^9 entries gets MaxLimit, and one without a limit
// DefaultLimit.
func TestVotes_PageSizeIsBounded(t *testing.T) {
	f := newFixture(t)
	const link = "https://example.com"
	n := int(pagination.MaxLimit) + 50
	for i := range n {
		addr := common.BigToAddress(big.NewInt(int64(1000 + i))).Hex()
		require.NoError(t, f.keeper.Messages.Set(f.ctx, fmt.Sprint(i), types.StoredMessage{
			Index: fmt.Sprint(i), Seq: uint64(i + 1), Type: types.TypeAmplify, Link: link, Identity: addr,
		}))
	}
	for _, tc := range pageBounds {
		t.Run(fmt.Sprint(tc.page), func(t *testing.T) {
			votes, err := f.query.Votes(f.ctx, &types.QueryVotesRequest{Href: link, Pagination: tc.page})
			require.NoError(t, err)
			require.Len(t, votes.Identities, int(tc.want))
			require.NotEmpty(t, votes.Pagination.NextKey)
		})
	}
}

func TestTop_RanksTheLinksOfTheWindowByVotesAndAge(t *testing.T) {
	f, a, _ := votedAtTheirTimes(t)
	hour := uint64(3600)
	// A: 3 votes, first accepted 10 h ago: 3e6/12^2 = 20833. B: 2 votes,
	// first accepted 1 h ago: 2e6/3^2 = 222222.
	top, err := f.query.Top(f.ctx, &types.QueryTopRequest{N: 10})
	require.NoError(t, err)
	require.Len(t, top.Links, 2)
	require.Equal(t, "https://b.example", top.Links[0].Link)
	require.Equal(t, uint64(222222), top.Links[0].Score)
	require.Equal(t, "https://a.example", top.Links[1].Link)
	require.Equal(t, uint64(20833), top.Links[1].Score)
	require.Equal(t, a.Index, top.Links[1].FirstIndex)
	require.Equal(t, int64(now-10*hour), top.Links[1].FirstAcceptedAt)

	// Outside the window (a week after acceptance), nothing ranks.
	later := f.ctx.WithBlockTime(f.ctx.BlockTime().Add(8 * 24 * time.Hour))
	top, err = f.query.Top(later, &types.QueryTopRequest{N: 10})
	require.NoError(t, err)
	require.Empty(t, top.Links)
}

// topScores returns every ranked link's score and votes at ctx's block
// time.
func topScores(t *testing.T, f *fixture, ctx sdk.Context) map[string]types.LinkScore {
	t.Helper()
	top, err := f.query.Top(ctx, &types.QueryTopRequest{N: types.DefaultMaxTop})
	require.NoError(t, err)
	out := make(map[string]types.LinkScore, len(top.Links))
	for _, l := range top.Links {
		out[l.Link] = l
	}
	return out
}

// TestTop_BackDatedVoteDoesNotZeroAScore guards against a back-dated vote
// ageing a link: the README's `submit` example, signed at 1763800000, added to a
// link with two votes, made the link months old and its score 0.
func TestTop_BackDatedVoteDoesNotZeroAScore(t *testing.T) {
	f := newFixture(t)
	const href = "https://example.com/article"
	first := f.mustSubmit(t, ethKey(t, 1), amplify("A good read", href, now-120))
	f.mustSubmit(t, ethKey(t, 2), amplify("A good read", href, now-60))
	later := f.ctx.WithBlockTime(vectorTime.Add(time.Hour))
	before := topScores(t, f, later)["https://example.com/article"]
	require.Equal(t, uint64(2_000_000/9), before.Score) // 1 h old: 2e6 / 3^2

	f.mustSubmit(t, ethKey(t, 3), amplify("A good read", href, 1763800000))
	after := topScores(t, f, later)["https://example.com/article"]
	require.Equal(t, uint64(3), after.Votes)
	require.Equal(t, uint64(3_000_000/9), after.Score)
	// The link still shows its first accepted vote.
	require.Equal(t, first.Index, after.FirstIndex)
	require.Equal(t, vectorTime.Unix(), after.FirstAcceptedAt)
}

// TestTop_OneMoreVoteNeverLowersAScore checks, over random vote sets
// (random voters and links, random signed timestamps up to the future
// bound, a quarter of them back-dated as far as the minimum, random order,
// block times advancing by random steps past the window), that accepting a vote never lowers its link's score
// and leaves every other link's score as it was.
func TestTop_OneMoreVoteNeverLowersAScore(t *testing.T) {
	hrefs := []string{"https://a.example/x", "https://b.example/y", "https://c.example/z"}
	for seed := uint64(1); seed <= 5; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			f := newFixture(t)
			keys := make([]*ecdsa.PrivateKey, 20)
			addrs := make([]common.Address, len(keys))
			for i := range keys {
				keys[i] = ethKey(t, byte(20+i))
				addrs[i] = ethAddr(keys[i])
			}
			f.setEligible(t, addrs...)

			type vote struct {
				key  *ecdsa.PrivateKey
				href string
			}
			var votes []vote
			for _, key := range keys {
				for _, href := range hrefs {
					votes = append(votes, vote{key, href})
				}
			}
			rng.Shuffle(len(votes), func(i, j int) { votes[i], votes[j] = votes[j], votes[i] })

			blockTime := vectorTime
			for i, v := range votes {
				blockTime = blockTime.Add(time.Duration(rng.Int64N(6*3600)) * time.Second)
				f.ctx = f.ctx.WithBlockTime(blockTime)
				// Most votes are signed shortly before their block, one in
				// four at any time from the minimum on.
				bound := uint64(blockTime.Unix()) + types.MaxTimestampDelta
				earliest := bound - 2*3600
				if rng.UintN(4) == 0 {
					earliest = types.MinTimestamp
				}
				ts := earliest + rng.Uint64N(bound-earliest)
				link, err := types.NormalizeURL(v.href)
				require.NoError(t, err)

				before := topScores(t, f, f.ctx)
				f.mustSubmit(t, v.key, amplify(fmt.Sprint("vote ", i), v.href, ts))
				after := topScores(t, f, f.ctx)

				require.GreaterOrEqual(t, after[link].Score, before[link].Score, "vote %d on %s signed at %d", i, link, ts)
				require.Equal(t, before[link].Votes+1, after[link].Votes)
				for other, s := range before {
					if other != link {
						require.Equal(t, s, after[other], "vote %d on %s moved %s", i, link, other)
					}
				}
			}
		})
	}
}
