package app_test

import (
	"encoding/json"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/app"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// newApp returns an app on an in-memory database.
func newApp(t *testing.T, db dbm.DB, chainID string) *app.App {
	t.Helper()
	a := app.New(log.NewNopLogger(), db, true, simtestutil.AppOptionsMap{flags.FlagHome: t.TempDir()},
		baseapp.SetChainID(chainID))
	t.Cleanup(func() { _ = a.Close() })
	return a
}

// startChain initialises a one-validator chain with a funded account and a
// community in genesis, and commits its first block.
func startChain(t *testing.T, a *app.App) sdk.AccAddress {
	t.Helper()
	return startChainWith(t, a, nil)
}

// startChainWith is startChain with the genesis as edit changes it, given
// the funded account.
func startChainWith(t *testing.T, a *app.App, edit func(map[string]json.RawMessage, sdk.AccAddress)) sdk.AccAddress {
	t.Helper()
	valSet, err := simtestutil.CreateRandomValidatorSet()
	require.NoError(t, err)

	member := sdk.AccAddress(secp256k1.GenPrivKey().PubKey().Address())
	acc := authtypes.NewBaseAccountWithAddress(member)
	balance := banktypes.Balance{Address: member.String(), Coins: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1_000_000_000))}

	genesis, err := simtestutil.GenesisStateWithValSet(a.AppCodec(), a.DefaultGenesis(), valSet,
		[]authtypes.GenesisAccount{acc}, balance)
	require.NoError(t, err)

	community := communitytypes.DefaultGenesis()
	community.Communities = []communitytypes.Community{{
		Id: 1, Name: "Kaga Commons", JoinPolicy: communitytypes.JoinPolicyApproval,
		Creator: member.String(), CreatedAt: genesisTime,
	}}
	community.Members = []communitytypes.Member{{
		CommunityId: 1, Address: member.String(), Role: communitytypes.RoleAdmin,
		Status: communitytypes.MemberStatusActive, JoinedAt: genesisTime,
		Profile: communitytypes.Profile{Username: "alice"},
	}}
	community.NextCommunityId = 2
	genesis[communitytypes.ModuleName] = a.AppCodec().MustMarshalJSON(community)
	if edit != nil {
		edit(genesis, member)
	}

	initChain(t, a, genesis, valSet.Hash())
	return member
}

func initChain(t *testing.T, a *app.App, genesis map[string]json.RawMessage, valHash []byte) {
	t.Helper()
	state, err := cmtjson.MarshalIndent(genesis, "", " ")
	require.NoError(t, err)
	_, err = a.InitChain(&abci.RequestInitChain{
		ChainId:         "kizuna-test-1",
		Time:            genesisTime,
		ConsensusParams: simtestutil.DefaultConsensusParams,
		AppStateBytes:   state,
	})
	require.NoError(t, err)
	_, err = a.FinalizeBlock(&abci.RequestFinalizeBlock{
		Height: a.LastBlockHeight() + 1, Time: genesisTime.Add(time.Second), NextValidatorsHash: valHash,
	})
	require.NoError(t, err)
	_, err = a.Commit()
	require.NoError(t, err)
}

func TestApp_DefaultGenesisUsesKizunaDenoms(t *testing.T) {
	a := newApp(t, dbm.NewMemDB(), "kizuna-test-1")
	genesis := a.DefaultGenesis()

	var bank banktypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(genesis[banktypes.ModuleName], &bank)
	require.Len(t, bank.DenomMetadata, 1)
	meta := bank.DenomMetadata[0]
	require.Equal(t, "ukiz", meta.Base)
	require.Equal(t, "KIZ", meta.Display)
	require.Len(t, meta.DenomUnits, 2)
	require.Equal(t, uint32(6), meta.DenomUnits[1].Exponent)
	require.NoError(t, bank.Validate())

	for _, module := range []string{"staking", "mint", "gov"} {
		require.Contains(t, string(genesis[module]), `"ukiz"`, "%s genesis should use ukiz", module)
		require.NotContains(t, string(genesis[module]), `"stake"`, "%s genesis should not use stake", module)
	}
	require.NoError(t, a.BasicModuleManager.ValidateGenesis(a.AppCodec(), a.TxConfig(), genesis))
}

// TestApp_ExportImportRoundTrip exports a running chain's state and starts a
// new chain from it: every module's state must come back unchanged.
func TestApp_ExportImportRoundTrip(t *testing.T) {
	a := newApp(t, dbm.NewMemDB(), "kizuna-test-1")
	member := startChain(t, a)

	exported, err := a.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Len(t, exported.Validators, 1)

	var genesis map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &genesis))
	var community communitytypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(genesis[communitytypes.ModuleName], &community)
	require.Len(t, community.Members, 1)
	require.Equal(t, member.String(), community.Members[0].Address)

	b := newApp(t, dbm.NewMemDB(), "kizuna-test-2")
	_, err = b.InitChain(&abci.RequestInitChain{
		ChainId:         "kizuna-test-2",
		Time:            genesisTime,
		ConsensusParams: &exported.ConsensusParams,
		AppStateBytes:   exported.AppState,
	})
	require.NoError(t, err)
	_, err = b.FinalizeBlock(&abci.RequestFinalizeBlock{Height: 1, Time: genesisTime})
	require.NoError(t, err)
	_, err = b.Commit()
	require.NoError(t, err)

	// x/community's state comes back exactly; balances too (the new chain
	// mints its own inflation into the fee collector).
	reExported, err := b.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Equal(t, exported.Validators[0].PubKey, reExported.Validators[0].PubKey)
	var again map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(reExported.AppState, &again))
	require.JSONEq(t, string(genesis[communitytypes.ModuleName]), string(again[communitytypes.ModuleName]))

	ctx := b.NewContext(true)
	require.Equal(t, "1000000000ukiz", b.BankKeeper.GetBalance(ctx, member, app.BondDenom).String())
	require.NoError(t, b.LedgerKeeper.CheckInvariants(ctx))
}

// TestApp_ExportForZeroHeight prepares the state for a new chain at height 0
// (rewards paid out, heights reset) without error.
func TestApp_ExportForZeroHeight(t *testing.T) {
	a := newApp(t, dbm.NewMemDB(), "kizuna-test-1")
	startChain(t, a)

	exported, err := a.ExportAppStateAndValidators(true, nil, nil)
	require.NoError(t, err)
	require.Zero(t, exported.Height)
	require.NotEmpty(t, exported.Validators)
}

func TestApp_ExportRejectsBadJailAllowedAddress(t *testing.T) {
	a := newApp(t, dbm.NewMemDB(), "kizuna-test-1")
	startChain(t, a)

	_, err := a.ExportAppStateAndValidators(true, []string{"not-an-address"}, nil)
	require.Error(t, err)
}

func TestApp_BlockedAddressesAreModuleAccounts(t *testing.T) {
	blocked := app.BlockedAddresses()
	require.True(t, blocked[authtypes.NewModuleAddress(authtypes.FeeCollectorName).String()])
	require.False(t, blocked[authtypes.NewModuleAddress("gov").String()], "the gov account receives community pool deposits")
	require.Len(t, blocked, len(app.ModuleAccountPermissions())-1)
}
