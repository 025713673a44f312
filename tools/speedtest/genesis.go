package speedtest

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"time"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"

	sdkmath "cosmossdk.io/math"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/kizuna-chain/kizuna/app"
	amplifytypes "github.com/kizuna-chain/kizuna/x/amplify/types"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
	messagingtypes "github.com/kizuna-chain/kizuna/x/messaging/types"
)

// The world every workload starts from. Everything is derived from fixed
// seeds and a fixed genesis time, so two chains started from it reach the
// same app hash after the same blocks, whichever executor runs them.
const (
	chainID = "kizuna-bench-1"

	// communityID is the benchmark community; every account is an active
	// member of it.
	communityID uint64 = 1
	// currencyCode is the community currency, with currencyDecimals decimals.
	currencyCode     = "BNCH"
	currencyDecimals = 2

	// genesisUkiz is every account's fee balance.
	genesisUkiz int64 = 1_000_000_000_000
	// tokenDenom is a plain x/bank token outside the ledger, as a bridged
	// token would be; every account holds genesisToken of it.
	tokenDenom         = "ubench"
	genesisToken int64 = 1_000_000_000
	// genesisCurrency is every account's community currency balance, created
	// in genesis: 1000.00 BNCH, the default monthly creation cap.
	genesisCurrency int64 = 100_000
)

// genesisTime is the genesis time; block h is at genesisTime + h seconds.
var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// account is a genesis account the benchmark signs for.
type account struct {
	priv *secp256k1.PrivKey
	addr sdk.AccAddress
	// bech32 is addr in the chain's bech32 form.
	bech32 string
	// eth signs the account's amplify votes.
	eth *ecdsa.PrivateKey
}

// fixture is the benchmark chain's genesis: funded accounts, all members of
// one community with a currency and a balance of it, and a DIRECT thread for
// every account.
type fixture struct {
	accounts  []account
	validator *cmttypes.ValidatorSet
	denom     string
	// state is the genesis app state in JSON, built for the first chain and
	// the same for every other.
	state []byte
}

// newFixture derives n accounts (n even: threads pair them) and a validator
// from fixed seeds.
func newFixture(n int) (*fixture, error) {
	if n < 2 || n%2 != 0 {
		return nil, fmt.Errorf("the number of accounts must be even and at least 2, not %d", n)
	}
	accounts := make([]account, n)
	for i := range accounts {
		priv := secp256k1.GenPrivKeyFromSecret(fmt.Appendf(nil, "kizuna-bench/account/%d", i))
		seed := sha256.Sum256(fmt.Appendf(nil, "kizuna-bench/eth/%d", i))
		eth, err := ethcrypto.ToECDSA(seed[:])
		if err != nil {
			return nil, fmt.Errorf("ethereum key %d: %w", i, err)
		}
		addr := sdk.AccAddress(priv.PubKey().Address())
		accounts[i] = account{priv: priv, addr: addr, bech32: addr.String(), eth: eth}
	}
	valKey := cmted25519.GenPrivKeyFromSecret([]byte("kizuna-bench/validator"))
	return &fixture{
		accounts:  accounts,
		validator: cmttypes.NewValidatorSet([]*cmttypes.Validator{cmttypes.NewValidator(valKey.PubKey(), 1)}),
		denom:     ledgertypes.Denom(communityID, currencyCode),
	}, nil
}

// threadOf returns the DIRECT thread of account i: account k and account
// k+n/2 share thread k+1, so the two members of a thread never send in the
// same block while a block holds at most n/2 transactions.
func (f *fixture) threadOf(i int) uint64 {
	return uint64(i%(len(f.accounts)/2)) + messagingtypes.FirstThreadID
}

// consensusParams are CometBFT's block limits lifted, so that a block of any
// size executes in full.
func consensusParams() *cmtproto.ConsensusParams {
	return &cmtproto.ConsensusParams{
		Block:     &cmtproto.BlockParams{MaxBytes: -1, MaxGas: -1},
		Evidence:  &cmtproto.EvidenceParams{MaxAgeNumBlocks: 302400, MaxAgeDuration: 504 * time.Hour, MaxBytes: 10000},
		Validator: &cmtproto.ValidatorParams{PubKeyTypes: []string{cmttypes.ABCIPubKeyTypeEd25519}},
	}
}

// appState returns the genesis app state in JSON, as InitChain takes it.
func (f *fixture) appState(a *app.App) ([]byte, error) {
	if f.state != nil {
		return f.state, nil
	}
	genesis, err := f.genesis(a)
	if err != nil {
		return nil, err
	}
	if f.state, err = cmtjson.Marshal(genesis); err != nil {
		return nil, err
	}
	return f.state, nil
}

// genesis returns the app state of the fixture, each module's state built
// with the module's own genesis types on top of the app's default genesis.
func (f *fixture) genesis(a *app.App) (app.GenesisState, error) {
	cdc := a.AppCodec()
	state := a.DefaultGenesis()
	admin := f.accounts[0].bech32

	genAccounts := make([]authtypes.GenesisAccount, len(f.accounts))
	balances := make([]banktypes.Balance, 0, len(f.accounts)+1)
	members := make([]communitytypes.Member, len(f.accounts))
	entries := make([]ledgertypes.Entry, len(f.accounts))
	coins := sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, genesisUkiz), sdk.NewInt64Coin(f.denom, genesisCurrency),
		sdk.NewInt64Coin(tokenDenom, genesisToken))
	for i, acc := range f.accounts {
		// The public key is known, as it is for any account that has sent a
		// transaction before.
		genAccounts[i] = authtypes.NewBaseAccount(acc.addr, acc.priv.PubKey(), uint64(i), 0)
		balances = append(balances, banktypes.Balance{Address: acc.bech32, Coins: coins})
		role := communitytypes.RoleMember
		if i == 0 {
			role = communitytypes.RoleAdmin
		}
		members[i] = communitytypes.Member{
			CommunityId: communityID, Address: acc.bech32, Role: role,
			Status: communitytypes.MemberStatusActive, JoinedAt: genesisTime,
			Profile: communitytypes.Profile{Username: fmt.Sprintf("bench%05d", i)},
		}
		// The currency balance was issued by the admin: a CREATION entry
		// keeps the ledger's supply invariant.
		entries[i] = ledgertypes.Entry{
			Id: uint64(i) + ledgertypes.FirstEntryID, Type: ledgertypes.EntryTypeCreation,
			Account: acc.bech32, CommunityId: communityID, Denom: f.denom, Counterparty: admin,
			Amount: sdkmath.NewInt(genesisCurrency), Memo: "genesis issuance",
			Month: ledgertypes.MonthOf(genesisTime).String(), Time: genesisTime,
		}
	}

	// One bonded validator, delegated to by the admin, as a gentx would make.
	var staking stakingtypes.GenesisState
	if err := cdc.UnmarshalJSON(state[stakingtypes.ModuleName], &staking); err != nil {
		return nil, err
	}
	bonded := sdk.DefaultPowerReduction
	for _, val := range f.validator.Validators {
		pk, err := cryptocodec.FromCmtPubKeyInterface(val.PubKey)
		if err != nil {
			return nil, err
		}
		pkAny, err := codectypes.NewAnyWithValue(pk)
		if err != nil {
			return nil, err
		}
		valAddr := sdk.ValAddress(val.Address).String()
		staking.Validators = append(staking.Validators, stakingtypes.Validator{
			OperatorAddress: valAddr, ConsensusPubkey: pkAny, Status: stakingtypes.Bonded,
			Tokens: bonded, DelegatorShares: sdkmath.LegacyOneDec(), UnbondingTime: time.Unix(0, 0).UTC(),
			Commission:        stakingtypes.NewCommission(sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()),
			MinSelfDelegation: sdkmath.ZeroInt(),
		})
		staking.Delegations = append(staking.Delegations, stakingtypes.NewDelegation(admin, valAddr, sdkmath.LegacyOneDec()))
	}
	balances = append(balances, banktypes.Balance{
		Address: authtypes.NewModuleAddress(stakingtypes.BondedPoolName).String(),
		Coins:   sdk.NewCoins(sdk.NewCoin(app.BondDenom, bonded.MulRaw(int64(len(f.validator.Validators))))),
	})

	var bank banktypes.GenesisState
	if err := cdc.UnmarshalJSON(state[banktypes.ModuleName], &bank); err != nil {
		return nil, err
	}
	bank.Balances = balances
	bank.Supply = sdk.NewCoins()
	for _, b := range balances {
		bank.Supply = bank.Supply.Add(b.Coins...)
	}
	currency := ledgertypes.Currency{
		CommunityId: communityID, Code: currencyCode, Name: "Bench Coin", Decimals: currencyDecimals,
		Denom: f.denom, IssuancePolicy: ledgertypes.IssuancePolicyAdminAndContribution,
		Creator: admin, CreatedAt: genesisTime,
	}
	bank.DenomMetadata = append(bank.DenomMetadata, currency.Metadata())

	auth := authtypes.NewGenesisState(authtypes.DefaultParams(), genAccounts)

	community := communitytypes.DefaultGenesis()
	community.Communities = []communitytypes.Community{{
		Id: communityID, Name: "Kizuna Bench", JoinPolicy: communitytypes.JoinPolicyOpen,
		Creator: admin, CreatedAt: genesisTime,
	}}
	community.Members = members
	community.NextCommunityId = communityID + 1

	ledger := ledgertypes.DefaultGenesis()
	ledger.Currencies = []ledgertypes.Currency{currency}
	ledger.Entries = entries
	ledger.NextEntryId = uint64(len(entries)) + ledgertypes.FirstEntryID

	half := len(f.accounts) / 2
	messaging := messagingtypes.DefaultGenesis()
	for k := range half {
		messaging.Threads = append(messaging.Threads, messagingtypes.Thread{
			Id: f.threadOf(k), CommunityId: communityID, Kind: messagingtypes.ThreadKindDirect,
			Creator: f.accounts[k].bech32, Members: []string{f.accounts[k].bech32, f.accounts[k+half].bech32},
			CreatedAt: genesisTime,
		})
	}
	messaging.NextThreadId = uint64(half) + messagingtypes.FirstThreadID

	// Every account's Ethereum key is linked to it, so that its amplify
	// votes are eligible (the account is an active member).
	amplify := amplifytypes.DefaultGenesis()
	for _, acc := range f.accounts {
		amplify.Links = append(amplify.Links, amplifytypes.EthereumLink{
			Account: acc.bech32, EthAddress: ethcrypto.PubkeyToAddress(acc.eth.PublicKey).Hex(),
		})
	}

	checks := []struct {
		module string
		gs     interface{ Validate() error }
	}{
		{banktypes.ModuleName, &bank},
		{communitytypes.ModuleName, community},
		{ledgertypes.ModuleName, ledger},
		{messagingtypes.ModuleName, messaging},
		{amplifytypes.ModuleName, amplify},
	}
	for _, c := range checks {
		if err := c.gs.Validate(); err != nil {
			return nil, fmt.Errorf("%s genesis: %w", c.module, err)
		}
	}

	state[authtypes.ModuleName] = cdc.MustMarshalJSON(auth)
	state[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)
	state[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&staking)
	state[communitytypes.ModuleName] = cdc.MustMarshalJSON(community)
	state[ledgertypes.ModuleName] = cdc.MustMarshalJSON(ledger)
	state[messagingtypes.ModuleName] = cdc.MustMarshalJSON(messaging)
	state[amplifytypes.ModuleName] = cdc.MustMarshalJSON(amplify)
	return state, nil
}
