package ledger_test

import (
	"fmt"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/testutil/apptest"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Lowering a currency's default credit limit or maximum balance reads every
// account that follows it: the admin who tightens the rules pays for that,
// per holder, and nobody else does. These tests measure what it costs.

// creditChain is community 1 (open) with a mutual-credit currency HOUR
// (default credit limit 1000) and n members in pairs: in each pair one has
// paid the other 100 on credit, so half of them owe 100 and half hold 100.
func creditChain(t *testing.T, n int) *apptest.Chain {
	t.Helper()
	names := []string{"alice"}
	for i := range n {
		names = append(names, fmt.Sprintf("m%03d", i))
	}
	c := apptest.New(t, names, nil)
	c.MustDeliver(t, "alice", apptest.TxOptions{}, &communitytypes.MsgCreateCommunity{
		Creator: c.Addr(t, "alice"), Name: "Time Bank", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice",
	})
	c.MustDeliver(t, "alice", apptest.TxOptions{}, &types.MsgCreateCurrency{
		Admin: c.Addr(t, "alice"), CommunityId: 1, Code: "HOUR", Name: "Hours", Decimals: 2,
		IssuancePolicy: types.IssuancePolicyMutualCredit, DefaultCreditLimit: sdkmath.NewInt(1000),
	})
	var joins [][]byte
	for _, name := range names[1:] {
		joins = append(joins, c.Sign(t, name, apptest.TxOptions{}, &communitytypes.MsgJoinCommunity{
			Member: c.Addr(t, name), CommunityId: 1, Username: name,
		}))
	}
	requireAllDelivered(t, c.NextBlock(t, joins...))
	var pays [][]byte
	for i := 1; i+1 < len(names); i += 2 {
		pays = append(pays, c.Sign(t, names[i], apptest.TxOptions{}, &types.MsgTransfer{
			Sender: c.Addr(t, names[i]), CommunityId: 1, Recipient: c.Addr(t, names[i+1]), Amount: sdkmath.NewInt(100),
		}))
	}
	requireAllDelivered(t, c.NextBlock(t, pays...))
	return c
}

func requireAllDelivered(t *testing.T, results []*abci.ExecTxResult) {
	t.Helper()
	for i, res := range results {
		require.Zero(t, res.Code, "transaction %d: %s", i, res.Log)
	}
}

// gasOf delivers msg by alice and returns the gas it used.
func gasOf(t *testing.T, c *apptest.Chain, msg *types.MsgUpdateCurrency) int64 {
	t.Helper()
	return c.MustDeliver(t, "alice", apptest.TxOptions{Gas: 50_000_000, Fee: apptest.FloorFee(50_000_000)}, msg).GasUsed
}

func TestUpdateCurrency_TighteningLimitsCostsTheAdminGasPerHolder(t *testing.T) {
	const small, large = 10, 60
	measure := func(n int) (limitGas, maxGas int64) {
		c := creditChain(t, n)
		limitGas = gasOf(t, c, &types.MsgUpdateCurrency{Admin: c.Addr(t, "alice"), CommunityId: 1, DefaultCreditLimit: sdkmath.NewInt(500)})
		maxGas = gasOf(t, c, &types.MsgUpdateCurrency{Admin: c.Addr(t, "alice"), CommunityId: 1, MaxBalance: sdkmath.NewInt(5000)})
		return limitGas, maxGas
	}
	limitSmall, maxSmall := measure(small)
	limitLarge, maxLarge := measure(large)
	// Half the members owe, half hold.
	perDebtor := (limitLarge - limitSmall) / ((large - small) / 2)
	perHolder := (maxLarge - maxSmall) / ((large - small) / 2)
	t.Logf("lowering the default credit limit: %d gas with %d debtors, %d with %d: %d gas a debtor", limitSmall, small/2, limitLarge, large/2, perDebtor)
	t.Logf("setting a maximum balance: %d gas with %d holders, %d with %d: %d gas a holder", maxSmall, small/2, maxLarge, large/2, perHolder)
	// Linear in the accounts read, and cheap enough that a community of
	// tens of thousands of members can still tighten its rules in a block.
	require.Positive(t, perDebtor)
	require.Positive(t, perHolder)
	t.Logf("within a block (%d gas) an admin checks about %d debtors or %d holders", app.BlockMaxGas,
		app.BlockMaxGas/perDebtor, app.BlockMaxGas/perHolder)
	require.Less(t, perDebtor, int64(10_000))
	require.Less(t, perHolder, int64(20_000))
}

// A transaction's gas is simulated on one block and spent in the next: a
// unit that decays in between must not make it run out of gas. Settling a
// decaying account costs the same flat gas whether anything decayed or not,
// so two transfers in one block, the first burning decay and the second
// finding none due, differ only by writing the decay time.
func TestTransfer_GasDoesNotDependOnWhetherDecayIsDue(t *testing.T) {
	c := apptest.New(t, []string{"alice", "bob"}, nil)
	c.MustDeliver(t, "alice", apptest.TxOptions{}, &communitytypes.MsgCreateCommunity{
		Creator: c.Addr(t, "alice"), Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice",
	})
	c.MustDeliver(t, "bob", apptest.TxOptions{}, &communitytypes.MsgJoinCommunity{Member: c.Addr(t, "bob"), CommunityId: 1, Username: "bob"})
	c.MustDeliver(t, "alice", apptest.TxOptions{}, &types.MsgCreateCurrency{
		Admin: c.Addr(t, "alice"), CommunityId: 1, Code: "GDD", Name: "Gradido", Decimals: 4,
		IssuancePolicy: types.IssuancePolicyAdmin, HalfLifeSeconds: 31_556_952,
	})
	c.MustDeliver(t, "alice", apptest.TxOptions{}, &types.MsgIssue{
		Issuer: c.Addr(t, "alice"), CommunityId: 1, Recipient: c.Addr(t, "bob"), Amount: sdkmath.NewInt(5_000_000),
	})
	c.Advance(t, 24*time.Hour)
	pay := func(seq uint64) []byte {
		return c.SignAt(t, "bob", seq, apptest.TxOptions{}, &types.MsgTransfer{
			Sender: c.Addr(t, "bob"), CommunityId: 1, Recipient: c.Addr(t, "alice"), Amount: sdkmath.NewInt(10_000),
		})
	}
	seq := c.App.AccountKeeper.GetAccount(c.Ctx(), c.Account(t, "bob").Addr).GetSequence()
	results := c.NextBlock(t, pay(seq), pay(seq+1))
	requireAllDelivered(t, results)
	withDecay, without := results[0].GasUsed, results[1].GasUsed
	t.Logf("a transfer that burns a day's decay: %d gas; the next one in the block: %d gas", withDecay, without)
	require.Less(t, withDecay-without, int64(20_000), "only the decay times of both accounts are written again")
	require.GreaterOrEqual(t, withDecay, without)
}
