// Package apptest runs the whole Kizuna app in-process on an in-memory
// database: a one-validator chain whose named accounts sign real
// transactions, which go through the real ante handler (signatures, fee
// floor, fee sponsorship) and the Msg servers in committed blocks. Attack
// tests use it to show, in numbers, what a transaction costs and changes.
package apptest

import (
	"context"
	"fmt"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/app"
)

// ChainID is the chain id of every test chain.
const ChainID = "kizuna-apptest-1"

// GenesisTime is the genesis time; each block is one BlockInterval later
// than the one before, unless a test advances the clock.
var GenesisTime = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// BlockInterval is the time between two blocks.
const BlockInterval = 5 * time.Second

// DefaultUkiz is the fee balance of a funded account: 1,000,000 KIZ.
const DefaultUkiz int64 = 1_000_000_000_000

// Account is a genesis account the chain signs for.
type Account struct {
	Name string
	Priv *secp256k1.PrivKey
	Addr sdk.AccAddress
}

// String returns the account's bech32 address.
func (a Account) String() string { return a.Addr.String() }

// Chain is an app with committed blocks and the accounts that sign for it.
type Chain struct {
	App      *app.App
	accounts map[string]Account
	valHash  []byte
	// Time is the time of the last committed block.
	Time time.Time
}

// Funding says how much ukiz an account gets at genesis.
type Funding map[string]int64

// New starts a chain whose genesis holds one account for each name, funded
// with DefaultUkiz unless funding says otherwise (0 leaves it without ukiz:
// it can sign, but only pays fees through a fee granter).
func New(tb testing.TB, names []string, funding Funding) *Chain {
	tb.Helper()
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), true,
		simtestutil.AppOptionsMap{flags.FlagHome: tb.TempDir()}, baseapp.SetChainID(ChainID))
	tb.Cleanup(func() { _ = a.Close() })
	valSet, err := simtestutil.CreateRandomValidatorSet()
	require.NoError(tb, err)

	c := &Chain{App: a, accounts: make(map[string]Account, len(names)), valHash: valSet.Hash(), Time: GenesisTime}
	genAccounts := make([]authtypes.GenesisAccount, 0, len(names))
	var balances []banktypes.Balance
	for _, name := range names {
		priv := secp256k1.GenPrivKeyFromSecret([]byte("kizuna-apptest/" + name))
		acc := Account{Name: name, Priv: priv, Addr: sdk.AccAddress(priv.PubKey().Address())}
		c.accounts[name] = acc
		genAccounts = append(genAccounts, authtypes.NewBaseAccount(acc.Addr, priv.PubKey(), 0, 0))
		ukiz, ok := funding[name]
		if !ok {
			ukiz = DefaultUkiz
		}
		if ukiz > 0 {
			balances = append(balances, banktypes.Balance{
				Address: acc.String(), Coins: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, ukiz)),
			})
		}
	}
	genesis, err := simtestutil.GenesisStateWithValSet(a.AppCodec(), a.DefaultGenesis(), valSet, genAccounts, balances...)
	require.NoError(tb, err)
	state, err := cmtjson.Marshal(genesis)
	require.NoError(tb, err)
	_, err = a.InitChain(&abci.RequestInitChain{
		ChainId: ChainID, Time: GenesisTime, ConsensusParams: simtestutil.DefaultConsensusParams,
		AppStateBytes: state, InitialHeight: 1,
	})
	require.NoError(tb, err)
	c.NextBlock(tb)
	return c
}

// Account returns the account called name.
func (c *Chain) Account(tb testing.TB, name string) Account {
	tb.Helper()
	acc, ok := c.accounts[name]
	require.True(tb, ok, "no account %q", name)
	return acc
}

// Addr returns the bech32 address of the account called name.
func (c *Chain) Addr(tb testing.TB, name string) string {
	tb.Helper()
	return c.Account(tb, name).String()
}

// Ctx is a context on the last committed state, for queries and keeper
// reads.
func (c *Chain) Ctx() sdk.Context {
	return c.App.NewContext(true).WithBlockTime(c.Time).WithBlockHeight(c.App.LastBlockHeight())
}

// Balance returns addr's balance of denom in the committed state.
func (c *Chain) Balance(addr sdk.AccAddress, denom string) sdkmath.Int {
	return c.App.BankKeeper.GetBalance(c.Ctx(), addr, denom).Amount
}

// NextBlock commits a block with txs and returns each tx's result.
func (c *Chain) NextBlock(tb testing.TB, txs ...[]byte) []*abci.ExecTxResult {
	tb.Helper()
	return c.blockAt(tb, c.Time.Add(BlockInterval), txs)
}

// NextBlockAt commits a block at time t with txs and returns each tx's
// result.
func (c *Chain) NextBlockAt(tb testing.TB, t time.Time, txs ...[]byte) []*abci.ExecTxResult {
	tb.Helper()
	return c.blockAt(tb, t, txs)
}

// WriteCtx is a context that writes straight to the committed stores: what
// it writes is in the state the next block starts from and commits with it.
// Tests use it to do what no transaction may, such as governance's params
// changes or a deliberate corruption.
func (c *Chain) WriteCtx() sdk.Context {
	// NewNextBlockContext would do, but a second call before the block
	// discards what the first wrote.
	return c.App.NewUncachedContext(false, cmtproto.Header{ //nolint:staticcheck // see above
		ChainID: ChainID, Height: c.App.LastBlockHeight(), Time: c.Time,
	})
}

// Advance commits an empty block d after the last one.
func (c *Chain) Advance(tb testing.TB, d time.Duration) {
	tb.Helper()
	c.blockAt(tb, c.Time.Add(d), nil)
}

func (c *Chain) blockAt(tb testing.TB, t time.Time, txs [][]byte) []*abci.ExecTxResult {
	tb.Helper()
	res, err := c.App.FinalizeBlock(&abci.RequestFinalizeBlock{
		Height: c.App.LastBlockHeight() + 1, Time: t, Txs: txs, NextValidatorsHash: c.valHash,
	})
	require.NoError(tb, err)
	_, err = c.App.Commit()
	require.NoError(tb, err)
	c.Time = t
	return res.TxResults
}

// TxOptions are the fee settings of a transaction. A zero Gas means
// DefaultGas; a nil Fee means what Gas costs at the chain's minimum gas
// price.
type TxOptions struct {
	Gas        uint64
	Fee        sdk.Coins
	FeeGranter sdk.AccAddress
	Memo       string
}

// DefaultGas is the gas limit of a transaction whose options set none.
const DefaultGas uint64 = 400_000

// FloorFee is what gas costs at the chain's minimum gas price, rounded up.
func FloorFee(gas uint64) sdk.Coins {
	return sdk.NewCoins(sdk.NewCoin(app.MinGasPrice.Denom, app.MinGasPrice.Amount.MulInt64(int64(gas)).Ceil().TruncateInt()))
}

// Sign builds and signs a transaction of msgs by the account called signer,
// at its current account sequence, as a wallet does (SIGN_MODE_DIRECT).
func (c *Chain) Sign(tb testing.TB, signer string, opts TxOptions, msgs ...sdk.Msg) []byte {
	tb.Helper()
	return c.SignAt(tb, signer, c.sequence(tb, signer), opts, msgs...)
}

// SignAt is Sign at a given sequence, for several transactions of one
// signer in a block.
func (c *Chain) SignAt(tb testing.TB, signer string, sequence uint64, opts TxOptions, msgs ...sdk.Msg) []byte {
	tb.Helper()
	acc := c.Account(tb, signer)
	txConfig := c.App.TxConfig()
	builder := txConfig.NewTxBuilder()
	require.NoError(tb, builder.SetMsgs(msgs...))
	gas := opts.Gas
	if gas == 0 {
		gas = DefaultGas
	}
	fee := opts.Fee
	if fee == nil {
		fee = FloorFee(gas)
	}
	builder.SetGasLimit(gas)
	builder.SetFeeAmount(fee)
	builder.SetFeeGranter(opts.FeeGranter)
	builder.SetMemo(opts.Memo)

	number := c.App.AccountKeeper.GetAccount(c.Ctx(), acc.Addr).GetAccountNumber()
	pub := acc.Priv.PubKey()
	require.NoError(tb, builder.SetSignatures(signing.SignatureV2{
		PubKey: pub, Data: &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT}, Sequence: sequence,
	}))
	sig, err := clienttx.SignWithPrivKey(context.Background(), signing.SignMode_SIGN_MODE_DIRECT,
		authsigning.SignerData{Address: acc.String(), ChainID: ChainID, AccountNumber: number, Sequence: sequence, PubKey: pub},
		builder, acc.Priv, txConfig, sequence)
	require.NoError(tb, err)
	require.NoError(tb, builder.SetSignatures(sig))
	bz, err := txConfig.TxEncoder()(builder.GetTx())
	require.NoError(tb, err)
	return bz
}

func (c *Chain) sequence(tb testing.TB, name string) uint64 {
	tb.Helper()
	acc := c.App.AccountKeeper.GetAccount(c.Ctx(), c.Account(tb, name).Addr)
	require.NotNil(tb, acc, "account %s does not exist", name)
	return acc.GetSequence()
}

// Deliver signs msgs by signer, commits them alone in a block and returns
// the result.
func (c *Chain) Deliver(tb testing.TB, signer string, opts TxOptions, msgs ...sdk.Msg) *abci.ExecTxResult {
	tb.Helper()
	return c.NextBlock(tb, c.Sign(tb, signer, opts, msgs...))[0]
}

// MustDeliver is Deliver that fails the test unless the transaction
// succeeds.
func (c *Chain) MustDeliver(tb testing.TB, signer string, opts TxOptions, msgs ...sdk.Msg) *abci.ExecTxResult {
	tb.Helper()
	res := c.Deliver(tb, signer, opts, msgs...)
	require.Zero(tb, res.Code, "transaction of %s failed: %s", signer, res.Log)
	return res
}

// RequireFailed fails the test unless res is a failed transaction with the
// registered error want (its codespace and code).
func RequireFailed(tb testing.TB, res *abci.ExecTxResult, want *errorsmod.Error) {
	tb.Helper()
	require.Equal(tb, want.Codespace(), res.Codespace, "want %q; log: %s", want, res.Log)
	require.Equal(tb, want.ABCICode(), res.Code, "want %q; log: %s", want, res.Log)
}

// Check runs CheckTx on tx against the committed state.
func (c *Chain) Check(tb testing.TB, tx []byte) *abci.ResponseCheckTx {
	tb.Helper()
	res, err := c.App.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
	require.NoError(tb, err)
	return res
}

// String describes the chain for failure messages.
func (c *Chain) String() string {
	return fmt.Sprintf("chain %s at height %d, %s", ChainID, c.App.LastBlockHeight(), c.Time.Format(time.RFC3339))
}
