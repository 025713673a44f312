package keeper_test

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/kizuna-chain/kizuna/contracts"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	ledgerkeeper "github.com/kizuna-chain/kizuna/x/ledger/keeper"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

const (
	// garden is the community of the fixture, whose currency GDD has 4
	// decimals.
	garden uint64 = 1
	gdd           = "cc/1/GDD"
	// contractHeight is the Ethereum block the fixture's contract was
	// deployed in.
	contractHeight uint64 = 1000
)

// validators are the fixture's four validators, a quarter of the power each.
var validators = []string{"val-a", "val-b", "val-c", "val-d"}

// recipient is the Ethereum address the fixture's transfers go to.
const recipient = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"

// bridgeContract is the fixture's contract address.
var bridgeContract = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")

// fixture is a bridge with four registered validators, its contract set,
// and the Garden community whose currency GDD is registered for Ethereum;
// alice, its admin, holds 100 GDD issued by tom, its teller.
type fixture struct {
	keepertest.BridgeFixture
	ctx       sdk.Context
	msgs      types.MsgServer
	queries   types.QueryServer
	ledger    ledgertypes.MsgServer
	community communitytypes.MsgServer
	// token is GDD's ERC-20.
	token common.Address
}

// newBridge returns the fixture; set, if not nil, changes GDD's
// MsgCreateCurrency (a half-life, a credit policy).
func newBridge(t *testing.T, set func(*ledgertypes.MsgCreateCurrency)) *fixture {
	t.Helper()
	fx := keepertest.BridgeKeeper(t)
	f := &fixture{
		BridgeFixture: fx, ctx: fx.Ctx,
		msgs: keeper.NewMsgServerImpl(fx.Keeper), queries: keeper.NewQueryServerImpl(fx.Keeper),
		ledger: ledgerkeeper.NewMsgServerImpl(fx.Ledger.Keeper), community: communitykeeper.NewMsgServerImpl(fx.Ledger.Community),
	}
	for _, v := range validators {
		fx.RegisterValidator(t, v, 100)
	}
	authority, err := fx.Ledger.Account.AddressCodec().BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(t, err)
	params := types.DefaultParams()
	params.ContractAddress = bridgeContract.Hex()
	params.ContractHeight = contractHeight
	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: authority, Params: params})
	require.NoError(t, err)
	f.endBlock(t)

	_, err = f.community.CreateCommunity(f.ctx, &communitytypes.MsgCreateCommunity{
		Creator: keepertest.Addr("alice"), Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice",
	})
	require.NoError(t, err)
	for _, name := range []string{"bob", "carol", "tom"} {
		_, err := f.community.JoinCommunity(f.ctx, &communitytypes.MsgJoinCommunity{
			Member: keepertest.Addr(name), CommunityId: garden, Username: name,
		})
		require.NoError(t, err)
	}
	_, err = f.community.SetMemberRole(f.ctx, &communitytypes.MsgSetMemberRole{
		Admin: keepertest.Addr("alice"), CommunityId: garden, Member: keepertest.Addr("tom"), Role: communitytypes.RoleTeller,
	})
	require.NoError(t, err)
	create := &ledgertypes.MsgCreateCurrency{Admin: keepertest.Addr("alice"), CommunityId: garden, Code: "GDD", Name: "Garden dollar", Decimals: 4}
	if set != nil {
		set(create)
	}
	_, err = f.ledger.CreateCurrency(f.ctx, create)
	require.NoError(t, err)
	if create.IssuancePolicy != ledgertypes.IssuancePolicyMutualCredit {
		_, err = f.ledger.Issue(f.ctx, &ledgertypes.MsgIssue{
			Issuer: keepertest.Addr("tom"), CommunityId: garden, Recipient: keepertest.Addr("alice"),
			Amount: sdkmath.NewInt(1_000_000), Memo: "top-up",
		})
		require.NoError(t, err)
	}
	res, err := f.msgs.RegisterCurrencyToken(f.ctx, &types.MsgRegisterCurrencyToken{Admin: keepertest.Addr("alice"), CommunityId: garden})
	require.NoError(t, err)
	f.token = common.HexToAddress(res.TokenContract)
	require.Equal(t, contracts.TokenAddress(bridgeContract, gdd), f.token)
	return f
}

// endBlock runs the bridge's end of block.
func (f *fixture) endBlock(t *testing.T) {
	t.Helper()
	require.NoError(t, f.Keeper.EndBlock(f.ctx))
}

// advance moves the block time forward.
func (f *fixture) advance(d time.Duration) {
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(d)).WithBlockHeight(f.ctx.BlockHeight() + 1)
}

// balance returns the bank balance of the account named name.
func (f *fixture) balance(name, denom string) sdkmath.Int {
	return f.Ledger.Bank.GetBalance(f.ctx, keepertest.AccAddress(name), denom).Amount
}

// send sends amount and fee of denom from name to an Ethereum address.
func (f *fixture) send(name, denom string, amount, fee int64) (uint64, error) {
	res, err := f.msgs.SendToEthereum(f.ctx, &types.MsgSendToEthereum{
		Sender: keepertest.Addr(name), EthereumRecipient: recipient,
		Amount: sdk.NewInt64Coin(denom, amount), BridgeFee: sdk.NewInt64Coin(denom, fee),
	})
	if err != nil {
		return 0, err
	}
	return res.Id, nil
}

// batch returns the outstanding batch of the token.
func (f *fixture) batch(t *testing.T, token common.Address) (types.OutgoingBatch, bool) {
	t.Helper()
	res, err := f.queries.Batch(f.ctx, &types.QueryBatchRequest{TokenContract: token.Hex()})
	if err != nil {
		require.ErrorIs(t, err, types.ErrBatchNotFound)
		return types.OutgoingBatch{}, false
	}
	return res.Batch, true
}

// claimBatch has the validators named by who claim the execution of a
// batch as the event nonce after each one's last, and ends the block.
func (f *fixture) claimBatch(t *testing.T, who []string, nonce, height uint64, token common.Address, batchNonce uint64) {
	t.Helper()
	for _, v := range who {
		_, err := f.msgs.BatchExecutedClaim(f.ctx, &types.MsgBatchExecutedClaim{
			Orchestrator: keepertest.Addr(v + "-orch"),
			Claim:        types.BatchExecutedClaim{EventNonce: nonce, EthereumHeight: height, TokenContract: token.Hex(), BatchNonce: batchNonce},
		})
		require.NoError(t, err)
	}
	f.endBlock(t)
}

// deposit returns a deposit claim of amount of token to the account named
// receiver.
func deposit(nonce, height uint64, token common.Address, receiver string, amount sdkmath.Int) types.DepositClaim {
	return types.DepositClaim{
		EventNonce: nonce, EthereumHeight: height, TokenContract: token.Hex(),
		EthereumSender: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", CosmosReceiver: receiver, Amount: amount,
	}
}

// claimDeposit has the validators named by who claim a deposit, and ends
// the block.
func (f *fixture) claimDeposit(t *testing.T, who []string, claim types.DepositClaim) {
	t.Helper()
	for _, v := range who {
		_, err := f.msgs.DepositClaim(f.ctx, &types.MsgDepositClaim{Orchestrator: keepertest.Addr(v + "-orch"), Claim: claim})
		require.NoError(t, err)
	}
	f.endBlock(t)
}

// lastObserved returns the last observed event nonce.
func (f *fixture) lastObserved(t *testing.T) uint64 {
	t.Helper()
	res, err := f.queries.BridgeInfo(f.ctx, &types.QueryBridgeInfoRequest{})
	require.NoError(t, err)
	return res.LastObservedEventNonce
}

// checkInvariants fails the test when a ledger or bridge invariant is
// broken.
func (f *fixture) checkInvariants(t *testing.T) {
	t.Helper()
	require.NoError(t, f.Ledger.Keeper.CheckInvariants(f.ctx))
	require.NoError(t, f.Keeper.CheckInvariants(f.ctx))
}
