package keeper_test

import (
	"crypto/ecdsa"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

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

// TestTop_BackDatedVoteDoesNotZeroAScore is the regression of issue 11
// item 7: the README's `submit` example, signed at 1763800000, added to a
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
