// Package simulation builds random Msgs of the bridge module for the chain
// simulation: community admins register their currencies for Ethereum,
// members send them (and ERC-20 vouchers) out within and beyond their
// positive balances and cancel pooled transfers, and the orchestrator of
// the simulated validator confirms valsets, deployments and batches and
// claims the contract's events in nonce order: deposits of ERC-20s and of
// community currencies coming back (now and then more than ever left),
// batch executions, and heights past batches' timeouts.
package simulation

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/internal/simops"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitysim "github.com/kizuna-chain/kizuna/x/community/simulation"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	ledgerkeeper "github.com/kizuna-chain/kizuna/x/ledger/keeper"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Contract is the contract address the simulation's bridge is set up with.
var Contract = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")

// ContractHeight is the Ethereum block of the simulated contract.
const ContractHeight uint64 = 1_000

// erc20s are the ERC-20s from Ethereum the simulation deposits.
var erc20s = []common.Address{
	common.HexToAddress("0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238"),
	common.HexToAddress("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"),
}

// BankReader is what the operations read of x/bank.
type BankReader interface {
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
}

// Orchestrator is the simulated validator's orchestrator: its account and
// the validator's Ethereum key.
type Orchestrator struct {
	Account simops.Account
	Key     *ecdsa.PrivateKey
}

// Setup registers every bonded validator with the orchestrator's key and
// account, as its operator would, and sets the contract, as governance
// would once it is deployed; both through the Msg servers.
func Setup(ctx sdk.Context, k keeper.Keeper, validators []string, orch Orchestrator, authority string) error {
	msgs := keeper.NewMsgServerImpl(k)
	for _, v := range validators {
		val, err := sdk.ValAddressFromBech32(v)
		if err != nil {
			return err
		}
		sig, err := contracts.Sign(types.RegistrationHash(k.BridgeID(ctx), val, orch.Account.Address), orch.Key)
		if err != nil {
			return err
		}
		if _, err := msgs.RegisterEthereumKey(ctx, &types.MsgRegisterEthereumKey{
			Validator: v, Orchestrator: orch.Account.Address.String(),
			EthereumAddress: ethAddress(orch.Key).Hex(), Signature: hexutil.Encode(sig),
		}); err != nil {
			return err
		}
	}
	params := types.DefaultParams()
	params.ContractAddress, params.ContractHeight = Contract.Hex(), ContractHeight
	_, err := msgs.UpdateParams(ctx, &types.MsgUpdateParams{Authority: authority, Params: params})
	return err
}

// Operations returns the bridge module's operations. MsgRegisterEthereumKey
// (a validator operator's) and MsgUpdateParams (governance's) run in Setup.
func Operations(k keeper.Keeper, lk ledgerkeeper.Keeper, ck communitykeeper.Keeper, bank BankReader, orch Orchestrator) []simops.Operation {
	s := state{k: k, lk: lk, ck: ck, bank: bank, orch: orch, query: keeper.NewQueryServerImpl(k)}
	return []simops.Operation{
		simops.New(&types.MsgRegisterCurrencyToken{}, 2, s.registerCurrencyToken),
		simops.New(&types.MsgConfirmTokenDeployment{}, 1, s.confirmTokenDeployment),
		simops.New(&types.MsgConfirmValset{}, 1, s.confirmValset),
		simops.New(&types.MsgSendToEthereum{}, 8, s.sendToEthereum),
		simops.New(&types.MsgCancelSendToEthereum{}, 2, s.cancelSendToEthereum),
		simops.New(&types.MsgConfirmBatch{}, 2, s.confirmBatch),
		simops.New(&types.MsgBatchExecutedClaim{}, 3, s.batchExecutedClaim),
		simops.New(&types.MsgDepositClaim{}, 4, s.depositClaim),
	}
}

type state struct {
	k     keeper.Keeper
	lk    ledgerkeeper.Keeper
	ck    communitykeeper.Keeper
	bank  BankReader
	orch  Orchestrator
	query types.QueryServer
}

var nothing = simops.Account{}

func (s state) registerCurrencyToken(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	var ids []uint64
	_ = s.lk.Currencies.Walk(env.Ctx, nil, func(id uint64, _ ledgertypes.Currency) (bool, error) {
		ids = append(ids, id)
		return false, nil
	})
	if len(ids) == 0 {
		return nothing, nil, false
	}
	id := simops.Pick(env.R, ids)
	admins := communitysim.Members(env, s.ck, id, communitytypes.MemberStatusActive, communitytypes.RoleAdmin)
	members := communitysim.Members(env, s.ck, id, communitytypes.MemberStatusActive)
	if len(members) == 0 {
		return nothing, nil, false
	}
	signer := simops.Pick(env.R, members) // mostly refused unless an admin
	if len(admins) > 0 && !simops.Chance(env.R, 10) {
		signer = simops.Pick(env.R, admins)
	}
	return signer, &types.MsgRegisterCurrencyToken{Admin: env.Addr(signer.Address), CommunityId: id}, true
}

// tokens returns the registry.
func (s state) tokens(env *simops.Env) []types.BridgeToken {
	var out []types.BridgeToken
	_ = s.k.Tokens.Walk(env.Ctx, nil, func(_ string, t types.BridgeToken) (bool, error) {
		out = append(out, t)
		return false, nil
	})
	return out
}

func (s state) confirmTokenDeployment(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	var kizuna []types.BridgeToken
	for _, t := range s.tokens(env) {
		if t.Origin == types.TokenOriginKizuna {
			kizuna = append(kizuna, t)
		}
	}
	if len(kizuna) == 0 {
		return nothing, nil, false
	}
	t := simops.Pick(env.R, kizuna)
	return s.orch.Account, &types.MsgConfirmTokenDeployment{
		Orchestrator: env.Addr(s.orch.Account.Address), Denom: t.Denom, Signature: s.sign(s.k.DeployHash(env.Ctx, t)),
	}, true
}

func (s state) confirmValset(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	latest, found, err := s.k.LatestValset(env.Ctx)
	if err != nil || !found {
		return nothing, nil, false
	}
	return s.orch.Account, &types.MsgConfirmValset{
		Orchestrator: env.Addr(s.orch.Account.Address), Nonce: latest.Nonce,
		Signature: s.sign(latest.Checkpoint(s.k.BridgeID(env.Ctx))),
	}, true
}

func (s state) sendToEthereum(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	tokens := s.tokens(env)
	if len(tokens) == 0 {
		return nothing, nil, false
	}
	t := simops.Pick(env.R, tokens)
	var holders []simops.Account
	for _, a := range env.Accounts {
		if s.bank.GetBalance(env.Ctx, a.Address, t.Denom).Amount.IsPositive() {
			holders = append(holders, a)
		}
	}
	sender := simops.Pick(env.R, env.Accounts)
	if len(holders) > 0 && !simops.Chance(env.R, 10) {
		sender = simops.Pick(env.R, holders)
	}
	balance := s.bank.GetBalance(env.Ctx, sender.Address, t.Denom).Amount
	amount := sdkmath.NewInt(1 + env.R.Int63n(1000))
	if balance.IsPositive() && balance.IsInt64() {
		// Within the balance mostly; beyond it (or its decay) now and then.
		amount = sdkmath.NewInt(1 + env.R.Int63n(balance.Int64()+balance.Int64()/10+1))
	}
	fee := sdkmath.ZeroInt()
	if simops.Chance(env.R, 50) && amount.GT(sdkmath.OneInt()) {
		fee = sdkmath.NewInt(env.R.Int63n(amount.Int64()/10 + 1))
		amount = amount.Sub(fee)
	}
	return sender, &types.MsgSendToEthereum{
		Sender: env.Addr(sender.Address), EthereumRecipient: randomAddress(env).Hex(),
		Amount: sdk.NewCoin(t.Denom, amount), BridgeFee: sdk.NewCoin(t.Denom, fee),
	}, true
}

// transfers returns the transfers not yet executed.
func (s state) transfers(env *simops.Env) []types.OutgoingTransfer {
	var out []types.OutgoingTransfer
	_ = s.k.Transfers.Walk(env.Ctx, nil, func(_ uint64, t types.OutgoingTransfer) (bool, error) {
		out = append(out, t)
		return false, nil
	})
	return out
}

func (s state) cancelSendToEthereum(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	transfers := s.transfers(env)
	if len(transfers) == 0 {
		return nothing, nil, false
	}
	t := simops.Pick(env.R, transfers)
	signer, ok := env.FindBech32(t.Sender)
	if !ok || simops.Chance(env.R, 10) {
		signer = simops.Pick(env.R, env.Accounts) // refused unless the sender
	}
	return signer, &types.MsgCancelSendToEthereum{Sender: env.Addr(signer.Address), Id: t.Id}, true
}

// batches returns the outstanding batches.
func (s state) batches(env *simops.Env) []types.OutgoingBatch {
	var out []types.OutgoingBatch
	_ = s.k.Batches.Walk(env.Ctx, nil, func(_ []byte, b types.OutgoingBatch) (bool, error) {
		out = append(out, b)
		return false, nil
	})
	return out
}

func (s state) confirmBatch(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	batches := s.batches(env)
	if len(batches) == 0 {
		return nothing, nil, false
	}
	b := simops.Pick(env.R, batches)
	hash, err := s.k.BatchHash(env.Ctx, b)
	if err != nil {
		return nothing, nil, false
	}
	return s.orch.Account, &types.MsgConfirmBatch{
		Orchestrator: env.Addr(s.orch.Account.Address), TokenContract: b.TokenContract, Nonce: b.Nonce, Signature: s.sign(hash),
	}, true
}

// next returns the event nonce and Ethereum height of the orchestrator's
// next claim: the nonce after its last, now and then another one (refused),
// and a height moving forward from the last observed, now and then far
// enough to pass batches' timeouts.
func (s state) next(env *simops.Env) (nonce, height uint64, ok bool) {
	res, err := s.query.BridgeInfo(env.Ctx, &types.QueryBridgeInfoRequest{})
	if err != nil || res.LatestValset == nil {
		return 0, 0, false
	}
	val, err := s.k.Orchestrators.Get(env.Ctx, s.orch.Account.Address)
	if err != nil {
		return 0, 0, false
	}
	last, err := s.k.ClaimNonces.Get(env.Ctx, val)
	if err != nil && !isNotFound(err) {
		return 0, 0, false
	}
	nonce = last + 1
	if simops.Chance(env.R, 3) {
		nonce += uint64(env.R.Intn(3)) // 0, or a skipped nonce
	}
	height = ContractHeight
	if res.EthereumHeight != nil {
		height = res.EthereumHeight.Height
	}
	height += 1 + uint64(env.R.Intn(20))
	if simops.Chance(env.R, 5) {
		height += types.DefaultBatchTimeoutBlocks
	}
	return nonce, height, true
}

func (s state) batchExecutedClaim(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	batches := s.batches(env)
	if len(batches) == 0 {
		return nothing, nil, false
	}
	nonce, height, ok := s.next(env)
	if !ok {
		return nothing, nil, false
	}
	b := simops.Pick(env.R, batches)
	return s.orch.Account, &types.MsgBatchExecutedClaim{
		Orchestrator: env.Addr(s.orch.Account.Address),
		Claim:        types.BatchExecutedClaim{EventNonce: nonce, EthereumHeight: height, TokenContract: b.TokenContract, BatchNonce: b.Nonce},
	}, true
}

func (s state) depositClaim(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	nonce, height, ok := s.next(env)
	if !ok {
		return nothing, nil, false
	}
	token := simops.Pick(env.R, erc20s)
	amount := sdkmath.NewInt(1 + env.R.Int63n(1_000_000))
	var kizuna []types.BridgeToken
	for _, t := range s.tokens(env) {
		if t.Origin == types.TokenOriginKizuna {
			kizuna = append(kizuna, t)
		}
	}
	if len(kizuna) > 0 && simops.Chance(env.R, 50) {
		// A community currency coming back: within what its batches
		// minted on Ethereum, now and then beyond (the chain refuses it).
		t := simops.Pick(env.R, kizuna)
		token = common.HexToAddress(t.TokenContract)
		held, err := s.k.OnEthereum.Get(env.Ctx, token.Bytes())
		if err == nil && held.IsPositive() && !simops.Chance(env.R, 10) {
			amount = sdkmath.NewIntFromBigInt(new(big.Int).Rand(env.R, held.BigInt())).AddRaw(1)
		}
	}
	receiver := env.Addr(simops.Pick(env.R, env.Accounts).Address)
	if simops.Chance(env.R, 3) {
		receiver = "not an address"
	}
	return s.orch.Account, &types.MsgDepositClaim{
		Orchestrator: env.Addr(s.orch.Account.Address),
		Claim: types.DepositClaim{
			EventNonce: nonce, EthereumHeight: height, TokenContract: token.Hex(),
			EthereumSender: randomAddress(env).Hex(), CosmosReceiver: receiver, Amount: amount,
		},
	}, true
}

// sign signs a hash with the orchestrator's validator key.
func (s state) sign(h common.Hash) string {
	sig, err := contracts.Sign(h, s.orch.Key)
	if err != nil {
		panic(fmt.Sprintf("bridge simulation: %v", err))
	}
	return hexutil.Encode(sig)
}

// randomAddress returns a random non-zero Ethereum address.
func randomAddress(env *simops.Env) common.Address {
	var a common.Address
	for i := range a {
		a[i] = byte(env.R.Intn(256))
	}
	a[0] |= 1
	return a
}

// ethAddress returns the address of a key.
func ethAddress(key *ecdsa.PrivateKey) common.Address {
	return crypto.PubkeyToAddress(key.PublicKey)
}

// isNotFound reports whether err is a collections miss.
func isNotFound(err error) bool {
	return errors.Is(err, collections.ErrNotFound)
}
