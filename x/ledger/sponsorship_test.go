package ledger_test

import (
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/testutil/apptest"
	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	amplifytypes "github.com/kizuna-chain/kizuna/x/amplify/types"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
	messagingtypes "github.com/kizuna-chain/kizuna/x/messaging/types"
)

// These tests send signed transactions through the app's real ante handler.
// Each attack asserts what the community's fee account loses and what the
// attacker gains.

const (
	// joinFee is enough ukiz to pay for joining a community at the floor.
	joinFee int64 = 200
	// memberLimit and budgetLimit are the sponsorship the admin sets.
	memberLimit uint64 = 2_000
	budgetLimit uint64 = 10_000
	// sponsoredGas and sponsoredFee are the largest fee a sponsored
	// transaction may offer for its gas: 150 % of the floor.
	sponsoredGas uint64 = 400_000
)

var sponsoredFee = sdkmath.NewInt(600)

// sponsoredChain is a chain with community 1 (open, alice admin) whose fee
// account holds 20 KIZ and pays each member memberLimit and budgetLimit in
// all per day; bob, carol and mallory are members with no ukiz left.
type sponsoredChain struct {
	*apptest.Chain
	feeAccount sdk.AccAddress
}

func newSponsoredChain(t *testing.T, extra ...string) sponsoredChain {
	t.Helper()
	names := append([]string{"alice", "bob", "carol", "mallory"}, extra...)
	funding := apptest.Funding{"bob": joinFee, "carol": joinFee, "mallory": joinFee}
	for _, name := range extra {
		funding[name] = joinFee
	}
	c := apptest.New(t, names, funding)
	c.MustDeliver(t, "alice", apptest.TxOptions{}, &communitytypes.MsgCreateCommunity{
		Creator: c.Addr(t, "alice"), Name: "Kaga Commons", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice",
	})
	for _, name := range names[1:] {
		c.MustDeliver(t, name, apptest.TxOptions{Gas: 200_000, Fee: feeOf(200)}, &communitytypes.MsgJoinCommunity{
			Member: c.Addr(t, name), CommunityId: 1, Username: name,
		})
	}
	c.MustDeliver(t, "alice", apptest.TxOptions{},
		&types.MsgCreateCurrency{Admin: c.Addr(t, "alice"), CommunityId: 1, Code: "KGA", Name: "Kaga Coin", Decimals: 4},
		&types.MsgFundFeeAccount{Admin: c.Addr(t, "alice"), CommunityId: 1, Amount: sdkmath.NewInt(20_000_000)},
		&types.MsgSetFeeSponsorship{Admin: c.Addr(t, "alice"), CommunityId: 1, MemberPeriodLimit: memberLimit, BudgetPeriodLimit: budgetLimit},
	)
	return sponsoredChain{Chain: c, feeAccount: types.FeeAccountAddress(1)}
}

func feeOf(ukiz int64) sdk.Coins {
	return sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, ukiz))
}

// sponsored are the options of a transaction paid by community 1's fee
// account with the largest fee it pays.
func (c sponsoredChain) sponsored() apptest.TxOptions {
	return apptest.TxOptions{Gas: sponsoredGas, Fee: sdk.NewCoins(sdk.NewCoin(app.BondDenom, sponsoredFee)), FeeGranter: c.feeAccount}
}

func (c sponsoredChain) feeBalance() sdkmath.Int {
	return c.Balance(c.feeAccount, app.BondDenom)
}

func (c sponsoredChain) ukiz(t *testing.T, name string) sdkmath.Int {
	t.Helper()
	return c.Balance(c.Account(t, name).Addr, app.BondDenom)
}

func (c sponsoredChain) profile(t *testing.T, name string, n int) sdk.Msg {
	t.Helper()
	return &communitytypes.MsgUpdateProfile{Member: c.Addr(t, name), CommunityId: 1, Description: fmt.Sprintf("update %d", n)}
}

func TestSponsorship_PaysAMemberWithoutUkizWithinItsAllowance(t *testing.T) {
	c := newSponsoredChain(t)
	require.True(t, c.ukiz(t, "bob").IsZero(), "bob spent his ukiz on joining")
	before := c.feeBalance()

	c.MustDeliver(t, "bob", c.sponsored(), c.profile(t, "bob", 1))
	c.MustDeliver(t, "bob", c.sponsored(), c.profile(t, "bob", 2), c.profile(t, "bob", 3))
	require.Equal(t, before.Sub(sponsoredFee.MulRaw(2)), c.feeBalance())
	require.True(t, c.ukiz(t, "bob").IsZero())
}

func TestSponsorship_LeavingAndRejoiningNeverRestoresTheAllowance(t *testing.T) {
	c := newSponsoredChain(t)
	before := c.feeBalance()

	// A fee far above what the gas costs is refused before anything is paid:
	// the original attack paid 1 KIZ per transaction.
	res := c.Deliver(t, "mallory", apptest.TxOptions{Gas: sponsoredGas, Fee: feeOf(1_000_000), FeeGranter: c.feeAccount},
		c.profile(t, "mallory", 0))
	apptest.RequireFailed(t, res, types.ErrSponsoredFeeTooHigh)
	// So is a gas limit above sponsored_max_gas, whatever the fee.
	res = c.Deliver(t, "mallory", apptest.TxOptions{Gas: types.DefaultSponsoredMaxGas + 1, Fee: feeOf(600), FeeGranter: c.feeAccount},
		c.profile(t, "mallory", 0))
	apptest.RequireFailed(t, res, types.ErrSponsoredGasTooHigh)
	// Joining is never sponsored: its signer is not a member yet.
	res = c.Deliver(t, "mallory", c.sponsored(),
		&communitytypes.MsgLeaveCommunity{Member: c.Addr(t, "mallory"), CommunityId: 1},
		&communitytypes.MsgJoinCommunity{Member: c.Addr(t, "mallory"), CommunityId: 1, Username: "mallory"})
	apptest.RequireFailed(t, res, types.ErrNotSponsored)
	require.Equal(t, before, c.feeBalance(), "refused transactions cost the fee account nothing")

	// Mallory spends the allowance, then leaves and re-joins (paying her own
	// fees) ten times: the allowance stays spent.
	spent := 0
	for i := 0; ; i++ {
		res := c.Deliver(t, "mallory", c.sponsored(), c.profile(t, "mallory", i))
		if res.Code != 0 {
			apptest.RequireFailed(t, res, types.ErrAllowanceExceeded)
			break
		}
		spent++
	}
	require.Equal(t, int(memberLimit/sponsoredFee.Uint64()), spent)
	for round := range 10 {
		fundSelf(t, c, "mallory")
		c.MustDeliver(t, "mallory", apptest.TxOptions{Gas: 200_000, Fee: feeOf(200)},
			&communitytypes.MsgLeaveCommunity{Member: c.Addr(t, "mallory"), CommunityId: 1})
		c.MustDeliver(t, "mallory", apptest.TxOptions{Gas: 200_000, Fee: feeOf(200)},
			&communitytypes.MsgJoinCommunity{Member: c.Addr(t, "mallory"), CommunityId: 1, Username: "mallory"})
		res := c.Deliver(t, "mallory", c.sponsored(), c.profile(t, "mallory", 100+round))
		apptest.RequireFailed(t, res, types.ErrAllowanceExceeded)
	}
	lost := before.Sub(c.feeBalance())
	require.Equal(t, sponsoredFee.MulRaw(int64(spent)), lost)
	require.True(t, lost.LTE(sdkmath.NewIntFromUint64(memberLimit)), "the fee account lost %s, more than one allowance", lost)

	// The next period brings a new allowance, not before.
	c.Advance(t, 24*time.Hour)
	c.MustDeliver(t, "mallory", c.sponsored(), c.profile(t, "mallory", 1000))
}

// fundSelf gives name the ukiz of two transactions of 200,000 gas, from alice.
func fundSelf(t *testing.T, c sponsoredChain, name string) {
	t.Helper()
	c.MustDeliver(t, "alice", apptest.TxOptions{}, &banktypes.MsgSend{
		FromAddress: c.Addr(t, "alice"), ToAddress: c.Addr(t, name), Amount: feeOf(400),
	})
}

func TestSponsorship_SybilRingGetsNoMoreThanTheBudget(t *testing.T) {
	sybils := make([]string, 12)
	for i := range sybils {
		sybils[i] = fmt.Sprintf("sybil%02d", i)
	}
	c := newSponsoredChain(t, sybils...)
	before := c.feeBalance()

	perSybil := map[string]int{}
	budgetRefusals := 0
	for round := range 5 {
		for _, s := range sybils {
			res := c.Deliver(t, s, c.sponsored(), c.profile(t, s, round))
			switch res.Code {
			case 0:
				perSybil[s]++
			default:
				if res.Codespace == types.ModuleName && res.Code == types.ErrBudgetExceeded.ABCICode() {
					budgetRefusals++
					continue
				}
				apptest.RequireFailed(t, res, types.ErrAllowanceExceeded)
			}
		}
	}
	lost := before.Sub(c.feeBalance())
	require.True(t, lost.LTE(sdkmath.NewIntFromUint64(budgetLimit)), "the ring took %s, over the budget %d", lost, budgetLimit)
	require.Equal(t, sdkmath.NewIntFromUint64(budgetLimit/sponsoredFee.Uint64()).Mul(sponsoredFee), lost, "the budget is used up, not more")
	require.Positive(t, budgetRefusals)
	for s, n := range perSybil {
		require.LessOrEqual(t, sponsoredFee.MulRaw(int64(n)).Uint64(), memberLimit, "%s got %d sponsored transactions", s, n)
	}
	for _, s := range sybils {
		require.True(t, c.ukiz(t, s).IsZero(), "%s gained ukiz", s)
	}
}

func TestSponsorship_PaysOnlyForMsgsOfItsOwnCommunity(t *testing.T) {
	c := newSponsoredChain(t)
	fundSelf(t, c, "mallory")
	c.MustDeliver(t, "mallory", apptest.TxOptions{Gas: 200_000, Fee: feeOf(200)}, &communitytypes.MsgCreateCommunity{
		Creator: c.Addr(t, "mallory"), Name: "Mallory Market", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "mallory",
	})
	before := c.feeBalance()
	malloryUkiz := c.ukiz(t, "mallory")

	cases := []struct {
		name   string
		signer string
		msgs   []sdk.Msg
	}{
		{"another community's currency", "mallory", []sdk.Msg{
			&types.MsgCreateCurrency{Admin: c.Addr(t, "mallory"), CommunityId: 2, Code: "MAL", Name: "Mallory Coin", Decimals: 2},
		}},
		{"a Msg of community 1 with a bank send", "mallory", []sdk.Msg{
			c.profile(t, "mallory", 1),
			&banktypes.MsgSend{FromAddress: c.Addr(t, "mallory"), ToAddress: c.Addr(t, "alice"), Amount: feeOf(1)},
		}},
		{"a Msg of community 1 with one of community 2", "mallory", []sdk.Msg{
			c.profile(t, "mallory", 2),
			&communitytypes.MsgUpdateCommunity{Admin: c.Addr(t, "mallory"), CommunityId: 2, Description: "paid by Kaga"},
		}},
		{"a Msg the params do not list", "alice", []sdk.Msg{
			&types.MsgFundFeeAccount{Admin: c.Addr(t, "alice"), CommunityId: 1, Amount: sdkmath.NewInt(1)},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := c.Deliver(t, tc.signer, c.sponsored(), tc.msgs...)
			require.NotZero(t, res.Code, "a transaction outside the community's scope was sponsored")
			require.Contains(t, []string{types.ModuleName, feegrant.ModuleName}, res.Codespace, res.Log)
		})
	}
	require.Equal(t, before, c.feeBalance(), "the fee account paid for another community's business")
	require.Equal(t, malloryUkiz, c.ukiz(t, "mallory"))

	// A non-member cannot be sponsored by naming the community either.
	fundSelf(t, c, "mallory")
	c.MustDeliver(t, "mallory", apptest.TxOptions{Gas: 200_000, Fee: feeOf(200)},
		&communitytypes.MsgLeaveCommunity{Member: c.Addr(t, "mallory"), CommunityId: 1})
	res := c.Deliver(t, "mallory", c.sponsored(), c.profile(t, "mallory", 3))
	apptest.RequireFailed(t, res, types.ErrNotSponsored)
	require.Equal(t, before, c.feeBalance())
}

func TestSponsorship_QueryReportsTheSpendingOfThePeriod(t *testing.T) {
	c := newSponsoredChain(t)
	c.MustDeliver(t, "bob", c.sponsored(), c.profile(t, "bob", 1))
	res, err := keeper.NewQueryServerImpl(c.App.LedgerKeeper).FeeAccount(c.Ctx(), &types.QueryFeeAccountRequest{CommunityId: 1, Member: c.Addr(t, "bob")})
	require.NoError(t, err)
	require.Equal(t, memberLimit, res.Sponsorship.MemberPeriodLimit)
	require.Equal(t, budgetLimit, res.Sponsorship.BudgetPeriodLimit)
	require.Equal(t, sponsoredFee, res.MemberSpent)
	require.Equal(t, sponsoredFee, res.BudgetSpent)
	require.Equal(t, types.DefaultSponsoredMaxGas, res.MaxGas)
	require.True(t, res.PeriodEnd.After(c.Time))
	require.Equal(t, int64(0), res.PeriodEnd.Unix()%int64(types.DefaultFeeAllowancePeriodSeconds))
}

func TestSponsorship_MembersWithoutUkizPostAndMarkRead(t *testing.T) {
	c := newSponsoredChain(t)
	require.True(t, c.ukiz(t, "bob").IsZero())
	require.True(t, c.ukiz(t, "carol").IsZero())
	before := c.feeBalance()

	c.MustDeliver(t, "bob", c.sponsored(), &messagingtypes.MsgOpenDirectThread{
		Creator: c.Addr(t, "bob"), CommunityId: 1, Peer: c.Addr(t, "carol"),
	})
	payload := []byte("sealed for carol")
	digest := sha256.Sum256(payload)
	c.MustDeliver(t, "bob", c.sponsored(), &messagingtypes.MsgPostMessage{
		Sender: c.Addr(t, "bob"), ThreadId: 1, ContentSha256: digest[:], Payload: payload, CommunityId: 1,
	})
	c.MustDeliver(t, "carol", c.sponsored(), &messagingtypes.MsgMarkRead{
		Member: c.Addr(t, "carol"), ThreadId: 1, Seq: 1, CommunityId: 1,
	})
	require.Equal(t, before.Sub(sponsoredFee.MulRaw(3)), c.feeBalance())

	// A message that does not name its community is not sponsored.
	res := c.Deliver(t, "bob", c.sponsored(), &messagingtypes.MsgPostMessage{
		Sender: c.Addr(t, "bob"), ThreadId: 1, ContentSha256: digest[:], Payload: payload,
	})
	require.NotZero(t, res.Code)
	require.Equal(t, before.Sub(sponsoredFee.MulRaw(3)), c.feeBalance())
}

func TestSponsorship_MembersWithoutUkizVote(t *testing.T) {
	c := newSponsoredChain(t)
	key, err := ethcrypto.GenerateKey()
	require.NoError(t, err)
	eth := ethcrypto.PubkeyToAddress(key.PublicKey)
	proof, err := ethsign.SignTypedData(amplifytypes.LinkTypedData(eth, c.Addr(t, "bob"), apptest.ChainID, 0), key)
	require.NoError(t, err)
	// Linking names no community: bob pays for it himself.
	fundSelf(t, c, "bob")
	c.MustDeliver(t, "bob", apptest.TxOptions{Gas: 200_000, Fee: feeOf(200)},
		&amplifytypes.MsgLinkEthereumAddress{Account: c.Addr(t, "bob"), EthAddress: eth.Hex(), Signature: proof})
	before, bobUkiz := c.feeBalance(), c.ukiz(t, "bob")

	signed, err := ethsign.Sign(amplifytypes.Content{
		Title: "Community economies", Href: "https://example.com/kaga", Type: "amplify", Timestamp: uint64(c.Time.Unix()),
	}, key)
	require.NoError(t, err)
	vote := amplifytypes.NewMsgSubmitAmplify(c.Addr(t, "bob"), signed)
	vote.CommunityId = 1
	c.MustDeliver(t, "bob", c.sponsored(), vote)
	require.Equal(t, before.Sub(sponsoredFee), c.feeBalance())
	require.Equal(t, bobUkiz, c.ukiz(t, "bob"), "the fee account paid for the vote")
}
