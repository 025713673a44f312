package bridge_test

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	ledgerkeeper "github.com/kizuna-chain/kizuna/x/ledger/keeper"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// allMsgs holds one of each Msg of the module, signed by signer, as a
// client fills them. RegisterEthereumKey is signed by a validator operator
// address with the signer's bytes.
func allMsgs(signer string) []sdk.Msg {
	var operator string
	if bz, err := conformance.AccountCodec.StringToBytes(signer); err == nil {
		operator, _ = conformance.ValidatorCodec.BytesToString(bz)
	}
	sig := "0x" + strings.Repeat("11", 65)
	token := "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B"
	return []sdk.Msg{
		&types.MsgRegisterEthereumKey{
			Validator: operator, Orchestrator: signer,
			EthereumAddress: "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B", Signature: sig,
		},
		&types.MsgConfirmValset{Orchestrator: signer, Nonce: 1, Signature: sig},
		&types.MsgRegisterCurrencyToken{Admin: signer, CommunityId: 1},
		&types.MsgConfirmTokenDeployment{Orchestrator: signer, Denom: "cc/1/KGA", Signature: sig},
		&types.MsgSendToEthereum{
			Sender: signer, EthereumRecipient: token,
			Amount: sdk.NewInt64Coin("cc/1/KGA", 100), BridgeFee: sdk.NewInt64Coin("cc/1/KGA", 1),
		},
		&types.MsgCancelSendToEthereum{Sender: signer, Id: 1},
		&types.MsgConfirmBatch{Orchestrator: signer, TokenContract: token, Nonce: 1, Signature: sig},
		&types.MsgDepositClaim{Orchestrator: signer, Claim: types.DepositClaim{
			EventNonce: 1, EthereumHeight: 10, TokenContract: token, EthereumSender: token,
			CosmosReceiver: signer, Amount: math.NewInt(5),
		}},
		&types.MsgBatchExecutedClaim{Orchestrator: signer, Claim: types.BatchExecutedClaim{
			EventNonce: 2, EthereumHeight: 11, TokenContract: token, BatchNonce: 1,
		}},
		&types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()},
	}
}

// newModule returns the module wired to a real keeper over in-memory stores.
func newModule(t *testing.T) (conformance.Module, keepertest.BridgeFixture) {
	t.Helper()
	fx := keepertest.BridgeKeeper(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	return conformance.Module{
		AppModule: bridge.NewAppModule(cdc, fx.Keeper),
		Ctx:       fx.Ctx,
		Empty: func(t *testing.T, _ sdk.Context) (conformance.AppModule, sdk.Context) {
			fresh := keepertest.BridgeKeeper(t)
			return bridge.NewAppModule(cdc, fresh.Keeper), fresh.Ctx
		},
		Msgs:        allMsgs,
		QueryServer: keeper.NewQueryServerImpl(fx.Keeper),
		Gateway:     conformance.GatewayOf(types.RegisterQueryHandlerClient, types.NewQueryClient),
	}, fx
}

func TestModule_Conformance(t *testing.T) {
	m, fx := newModule(t)
	seed(t, fx)
	conformance.Run(t, m)
}

// seed fills every kind of the module's state: registrations, a confirmed
// valset, the contract, a community currency's token with a deployment
// signature, a confirmed batch, a pooled transfer and a claim.
func seed(t *testing.T, fx keepertest.BridgeFixture) {
	t.Helper()
	msgs := keeper.NewMsgServerImpl(fx.Keeper)
	for _, name := range []string{"a", "b", "c"} {
		fx.RegisterValidator(t, name, 100)
	}
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	valset, err := fx.Keeper.GetValset(fx.Ctx, 1)
	require.NoError(t, err)
	_, err = msgs.ConfirmValset(fx.Ctx, &types.MsgConfirmValset{
		Orchestrator: keepertest.Addr("a-orch"), Nonce: 1,
		Signature: keepertest.EthSign(t, "a", valset.Checkpoint(types.BridgeID(keepertest.BridgeChainID))),
	})
	require.NoError(t, err)

	authority, err := fx.Ledger.Account.AddressCodec().BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(t, err)
	params := types.DefaultParams()
	params.ContractAddress, params.ContractHeight = "0x5FbDB2315678afecb367f032d93F642f64180aa3", 100
	_, err = msgs.UpdateParams(fx.Ctx, &types.MsgUpdateParams{Authority: authority, Params: params})
	require.NoError(t, err)
	alice, tom := keepertest.Addr("alice"), keepertest.Addr("tom")
	community := communitykeeper.NewMsgServerImpl(fx.Ledger.Community)
	_, err = community.CreateCommunity(fx.Ctx, &communitytypes.MsgCreateCommunity{
		Creator: alice, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice",
	})
	require.NoError(t, err)
	_, err = community.JoinCommunity(fx.Ctx, &communitytypes.MsgJoinCommunity{Member: tom, CommunityId: 1, Username: "tom"})
	require.NoError(t, err)
	_, err = community.SetMemberRole(fx.Ctx, &communitytypes.MsgSetMemberRole{Admin: alice, CommunityId: 1, Member: tom, Role: communitytypes.RoleTeller})
	require.NoError(t, err)
	ledger := ledgerkeeper.NewMsgServerImpl(fx.Ledger.Keeper)
	_, err = ledger.CreateCurrency(fx.Ctx, &ledgertypes.MsgCreateCurrency{Admin: alice, CommunityId: 1, Code: "GDD", Name: "Garden dollar", Decimals: 2})
	require.NoError(t, err)
	_, err = ledger.Issue(fx.Ctx, &ledgertypes.MsgIssue{Issuer: tom, CommunityId: 1, Recipient: alice, Amount: math.NewInt(10_000), Memo: "top-up"})
	require.NoError(t, err)
	registered, err := msgs.RegisterCurrencyToken(fx.Ctx, &types.MsgRegisterCurrencyToken{Admin: alice, CommunityId: 1})
	require.NoError(t, err)
	token, err := fx.Keeper.TokenOfDenom(fx.Ctx, "cc/1/GDD")
	require.NoError(t, err)
	_, err = msgs.ConfirmTokenDeployment(fx.Ctx, &types.MsgConfirmTokenDeployment{
		Orchestrator: keepertest.Addr("b-orch"), Denom: "cc/1/GDD", Signature: keepertest.EthSign(t, "b", fx.Keeper.DeployHash(fx.Ctx, token)),
	})
	require.NoError(t, err)

	send := &types.MsgSendToEthereum{
		Sender: alice, EthereumRecipient: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
		Amount: sdk.NewInt64Coin("cc/1/GDD", 100), BridgeFee: sdk.NewInt64Coin("cc/1/GDD", 1),
	}
	_, err = msgs.SendToEthereum(fx.Ctx, send)
	require.NoError(t, err)
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	batch, err := keeper.NewQueryServerImpl(fx.Keeper).Batch(fx.Ctx, &types.QueryBatchRequest{TokenContract: registered.TokenContract})
	require.NoError(t, err)
	_, err = msgs.ConfirmBatch(fx.Ctx, &types.MsgConfirmBatch{
		Orchestrator: keepertest.Addr("c-orch"), TokenContract: registered.TokenContract, Nonce: 1,
		Signature: keepertest.EthSign(t, "c", common.HexToHash(batch.Hash)),
	})
	require.NoError(t, err)
	_, err = msgs.SendToEthereum(fx.Ctx, send)
	require.NoError(t, err)
	_, err = msgs.DepositClaim(fx.Ctx, &types.MsgDepositClaim{Orchestrator: keepertest.Addr("a-orch"), Claim: types.DepositClaim{
		EventNonce: 1, EthereumHeight: 120, TokenContract: "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238",
		EthereumSender: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", CosmosReceiver: alice, Amount: math.NewInt(7),
	}})
	require.NoError(t, err)
}
