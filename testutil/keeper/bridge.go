package keeper

import (
	"context"
	"crypto/ecdsa"
	"sort"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"
	sdkmath "cosmossdk.io/math"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/kizuna-chain/kizuna/contracts"
	bridgekeeper "github.com/kizuna-chain/kizuna/x/bridge/keeper"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// Bech32ValidatorPrefix is the validator operator address prefix of Kizuna.
const Bech32ValidatorPrefix = Bech32AccountPrefix + "valoper"

// BridgeChainID is the chain id of the bridge fixture's context.
const BridgeChainID = "kizuna-test-1"

// BridgeFixture is a bridge keeper wired as the app wires it to the real
// ledger, community, bank and account keepers of a LedgerEnv, with a
// staking keeper fake whose bonded validators the test sets and a
// community pool fake.
type BridgeFixture struct {
	Ctx     sdk.Context
	Keeper  bridgekeeper.Keeper
	Ledger  LedgerEnv
	Staking *StakingFake
	// CommunityPool is the account the community pool fake funds.
	CommunityPool sdk.AccAddress
	// StoreKey is the bridge module's store key, for tests that read the
	// raw store.
	StoreKey *storetypes.KVStoreKey
}

// BridgeKeeper returns a BridgeFixture with the default genesis loaded, the
// gov module account as authority, and a context at height 1, BlockTime
// and BridgeChainID. The bridge and ledger invariants are checked when the
// test ends.
func BridgeKeeper(tb testing.TB) BridgeFixture {
	tb.Helper()
	env := LedgerKeeper(tb)
	ctx := env.Ctx.WithChainID(BridgeChainID)
	env.Ctx = ctx
	authority, err := env.Account.AddressCodec().BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(tb, err)
	staking := &StakingFake{codec: addresscodec.NewBech32Codec(Bech32ValidatorPrefix), validators: map[string]stakingtypes.Validator{}}
	pool := &communityPoolFake{bank: env.Bank, addr: AccAddress("community pool")}
	key := env.Keys[bridgetypes.StoreKey]
	k := bridgekeeper.NewKeeper(env.Codec, runtime.NewKVStoreService(key), env.Account.AddressCodec(), staking.codec, authority,
		staking, env.Keeper, env.Community, env.Bank, pool)
	require.NoError(tb, k.InitGenesis(ctx, bridgetypes.DefaultGenesis()))
	tb.Cleanup(func() {
		if err := k.CheckInvariants(ctx); err != nil {
			tb.Errorf("at the end of %s: %v", tb.Name(), err)
		}
	})
	return BridgeFixture{Ctx: ctx, Keeper: k, Ledger: env, Staking: staking, CommunityPool: pool.addr, StoreKey: key}
}

// communityPoolFake funds the community pool by sending to one account.
type communityPoolFake struct {
	bank interface {
		SendCoins(ctx context.Context, from, to sdk.AccAddress, amt sdk.Coins) error
	}
	addr sdk.AccAddress
}

// FundCommunityPool implements bridgetypes.DistributionKeeper.
func (p *communityPoolFake) FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	return p.bank.SendCoins(ctx, sender, p.addr, amount)
}

// StakingFake is the bridge's view of x/staking: validators by operator
// address, bonded or not, with their tokens.
type StakingFake struct {
	codec      address.Codec
	validators map[string]stakingtypes.Validator
}

// SetValidator adds or replaces a validator named name with tokens, bonded
// or unbonded, and returns its operator address.
func (s *StakingFake) SetValidator(tb testing.TB, name string, tokens int64, bonded bool) string {
	tb.Helper()
	op, err := s.codec.BytesToString(AccAddress(name))
	require.NoError(tb, err)
	status := stakingtypes.Unbonded
	if bonded {
		status = stakingtypes.Bonded
	}
	s.validators[op] = stakingtypes.Validator{OperatorAddress: op, Tokens: sdkmath.NewInt(tokens), Status: status}
	return op
}

// Validators returns the fake's validators by operator address, for tests
// that remove one.
func (s *StakingFake) Validators() map[string]stakingtypes.Validator {
	return s.validators
}

// GetValidator implements bridgetypes.StakingKeeper.
func (s *StakingFake) GetValidator(_ context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error) {
	op, err := s.codec.BytesToString(addr)
	if err != nil {
		return stakingtypes.Validator{}, err
	}
	v, ok := s.validators[op]
	if !ok {
		return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
	}
	return v, nil
}

// GetBondedValidatorsByPower implements bridgetypes.StakingKeeper: the
// bonded validators, most tokens first, ties by operator address.
func (s *StakingFake) GetBondedValidatorsByPower(context.Context) ([]stakingtypes.Validator, error) {
	var out []stakingtypes.Validator
	for _, v := range s.validators {
		if v.IsBonded() {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Tokens.Equal(out[j].Tokens) {
			return out[i].Tokens.GT(out[j].Tokens)
		}
		return out[i].OperatorAddress < out[j].OperatorAddress
	})
	return out, nil
}

// EthKey returns the Ethereum key named name: the same name gives the same
// key in every test.
func EthKey(tb testing.TB, name string) *ecdsa.PrivateKey {
	tb.Helper()
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("kizuna test key " + name)))
	require.NoError(tb, err)
	return key
}

// EthAddress returns the address of EthKey(name), with its checksum.
func EthAddress(tb testing.TB, name string) string {
	tb.Helper()
	return crypto.PubkeyToAddress(EthKey(tb, name).PublicKey).Hex()
}

// EthSign signs hash with EthKey(name) as eth_sign does and returns it as
// 0x-hex.
func EthSign(tb testing.TB, name string, hash common.Hash) string {
	tb.Helper()
	sig, err := contracts.Sign(hash, EthKey(tb, name))
	require.NoError(tb, err)
	return hexutil.Encode(sig)
}

// RegisterValidator registers the validator named name, bonded with
// tokens, with EthKey(name) and the orchestrator Addr(name+"-orch"), and
// returns the registration Msg it sent.
func (f BridgeFixture) RegisterValidator(tb testing.TB, name string, tokens int64) *bridgetypes.MsgRegisterEthereumKey {
	tb.Helper()
	op := f.Staking.SetValidator(tb, name, tokens, true)
	orchestrator := Addr(name + "-orch")
	msg := &bridgetypes.MsgRegisterEthereumKey{
		Validator:       op,
		Orchestrator:    orchestrator,
		EthereumAddress: EthAddress(tb, name),
		Signature: EthSign(tb, name, bridgetypes.RegistrationHash(
			bridgetypes.BridgeID(f.Ctx.ChainID()), sdk.ValAddress(AccAddress(name)), AccAddress(name+"-orch"))),
	}
	_, err := bridgekeeper.NewMsgServerImpl(f.Keeper).RegisterEthereumKey(f.Ctx, msg)
	require.NoError(tb, err)
	return msg
}
