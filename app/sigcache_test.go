package app_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/testutil/apptest"
)

// send is a bank send of 1ukiz.
func send(c *apptest.Chain, t *testing.T, from, to string) sdk.Msg {
	return sendCoins(c, t, from, to, sdk.NewCoins(sdk.NewCoin(app.BondDenom, sdkmath.NewInt(1))))
}

func sendCoins(c *apptest.Chain, t *testing.T, from, to string, amount sdk.Coins) sdk.Msg {
	return banktypes.NewMsgSend(c.Account(t, from).Addr, c.Account(t, to).Addr, amount)
}

// A transaction admitted by CheckTx is finalized without verifying its
// signature again, at the same gas as one the node had not seen.
func TestSignatureCache_CheckedTxIsNotVerifiedAgain(t *testing.T) {
	c := apptest.New(t, []string{"alice", "bob"}, nil)
	cache := c.App.SignatureCache
	// Alice's first transaction sets her public key; the two compared below
	// are her second and third.
	c.MustDeliver(t, "alice", apptest.TxOptions{}, send(c, t, "alice", "bob"))

	unseen := c.Sign(t, "alice", apptest.TxOptions{}, send(c, t, "alice", "bob"))
	resUnseen := c.NextBlock(t, unseen)[0]
	require.Zero(t, resUnseen.Code, resUnseen.Log)
	require.Zero(t, cache.Hits(), "a transaction CheckTx never saw was a hit")

	tx := c.Sign(t, "alice", apptest.TxOptions{}, send(c, t, "alice", "bob"))
	require.Zero(t, c.Check(t, tx).Code)
	require.Equal(t, 1, cache.Len())
	res := c.NextBlock(t, tx)[0]
	require.Zero(t, res.Code, res.Log)
	require.EqualValues(t, 1, cache.Hits())
	require.Equal(t, resUnseen.GasUsed, res.GasUsed, "the cache changed a transaction's gas")
}

// A transaction CheckTx rejects is not remembered, and one whose signature
// was swapped after CheckTx is verified and rejected.
func TestSignatureCache_ForgedSignatureIsVerified(t *testing.T) {
	c := apptest.New(t, []string{"alice", "bob", "mallory"}, nil)
	cache := c.App.SignatureCache

	// Alice's transfer, signed at a sequence she has not reached: CheckTx
	// rejects it and the cache stays empty.
	early := c.SignAt(t, "alice", 5, apptest.TxOptions{}, send(c, t, "alice", "bob"))
	require.NotZero(t, c.Check(t, early).Code)
	require.Zero(t, cache.Len())

	// Alice's transfer admitted by CheckTx; then the same body and auth info
	// with Mallory's signature over them in its place.
	genuine := c.Sign(t, "alice", apptest.TxOptions{}, send(c, t, "alice", "bob"))
	require.Zero(t, c.Check(t, genuine).Code)
	forged := swapSignature(t, c, genuine, c.Sign(t, "mallory", apptest.TxOptions{}, send(c, t, "alice", "bob")))

	before := c.Balance(c.Account(t, "bob").Addr, app.BondDenom)
	res := c.NextBlock(t, forged)[0]
	apptest.RequireFailed(t, res, sdkerrors.ErrUnauthorized)
	require.Zero(t, cache.Hits())
	require.Equal(t, before, c.Balance(c.Account(t, "bob").Addr, app.BondDenom))

	// The genuine one still goes through, from the cache.
	res = c.NextBlock(t, genuine)[0]
	require.Zero(t, res.Code, res.Log)
	require.EqualValues(t, 1, cache.Hits())
}

// swapSignature returns tx with the signature of other in place of its own.
func swapSignature(t *testing.T, c *apptest.Chain, tx, other []byte) []byte {
	t.Helper()
	dec := c.App.TxConfig().TxDecoder()
	txA, err := dec(tx)
	require.NoError(t, err)
	txB, err := dec(other)
	require.NoError(t, err)
	builder, err := c.App.TxConfig().WrapTxBuilder(txA)
	require.NoError(t, err)
	sigsA, err := builder.GetTx().GetSignaturesV2()
	require.NoError(t, err)
	sigsB, err := txB.(interface {
		GetSignaturesV2() ([]signing.SignatureV2, error)
	}).GetSignaturesV2()
	require.NoError(t, err)
	sigsA[0].Data = sigsB[0].Data
	require.NoError(t, builder.SetSignatures(sigsA...))
	bz, err := c.App.TxConfig().TxEncoder()(builder.GetTx())
	require.NoError(t, err)
	require.NotEqual(t, tx, bz)
	return bz
}

// Mallory signs a transfer out of Dave's account, which was paid into but
// has never signed and so has no public key yet, and puts her own key in
// the transaction: the key does not match the signer, and nothing moves.
func TestSignatureCache_KeyOfAnotherSigner(t *testing.T) {
	c := apptest.New(t, []string{"alice", "mallory"}, nil)
	mallory := c.Account(t, "mallory")
	dave := apptest.Account{Name: "dave", Priv: secp256k1.GenPrivKey()}
	dave.Addr = sdk.AccAddress(dave.Priv.PubKey().Address())
	c.MustDeliver(t, "alice", apptest.TxOptions{}, banktypes.NewMsgSend(c.Account(t, "alice").Addr, dave.Addr,
		sdk.NewCoins(sdk.NewCoin(app.BondDenom, sdkmath.NewInt(1_000_000)))))
	require.Nil(t, c.App.AccountKeeper.GetAccount(c.Ctx(), dave.Addr).GetPubKey())

	out := banktypes.NewMsgSend(dave.Addr, mallory.Addr, sdk.NewCoins(sdk.NewCoin(app.BondDenom, sdkmath.NewInt(1))))
	tx := signWithKey(t, c, dave.Addr, mallory.Priv, out)
	require.NotZero(t, c.Check(t, tx).Code)
	before := c.Balance(dave.Addr, app.BondDenom)
	res := c.NextBlock(t, tx)[0]
	apptest.RequireFailed(t, res, sdkerrors.ErrInvalidPubKey)
	require.Equal(t, before, c.Balance(dave.Addr, app.BondDenom))
	require.Nil(t, c.App.AccountKeeper.GetAccount(c.Ctx(), dave.Addr).GetPubKey())
	require.Zero(t, c.App.SignatureCache.Len())

	// Dave's own first transaction sets his key, through the cache.
	tx = signWithKey(t, c, dave.Addr, dave.Priv, out)
	require.Zero(t, c.Check(t, tx).Code)
	res = c.NextBlock(t, tx)[0]
	require.Zero(t, res.Code, res.Log)
	require.EqualValues(t, 1, c.App.SignatureCache.Hits())
	require.Equal(t, dave.Priv.PubKey(), c.App.AccountKeeper.GetAccount(c.Ctx(), dave.Addr).GetPubKey())
}

// signWithKey signs msgs for the signer's account at sequence 0 with key,
// and puts key's public key in the transaction, whoever key belongs to.
func signWithKey(t *testing.T, c *apptest.Chain, signer sdk.AccAddress, key *secp256k1.PrivKey, msgs ...sdk.Msg) []byte {
	t.Helper()
	txConfig := c.App.TxConfig()
	builder := txConfig.NewTxBuilder()
	require.NoError(t, builder.SetMsgs(msgs...))
	builder.SetGasLimit(apptest.DefaultGas)
	builder.SetFeeAmount(apptest.FloorFee(apptest.DefaultGas))
	number := c.App.AccountKeeper.GetAccount(c.Ctx(), signer).GetAccountNumber()
	pub := key.PubKey()
	require.NoError(t, builder.SetSignatures(signing.SignatureV2{
		PubKey: pub, Data: &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT},
	}))
	sig, err := clienttx.SignWithPrivKey(context.Background(), signing.SignMode_SIGN_MODE_DIRECT,
		authsigning.SignerData{Address: signer.String(), ChainID: apptest.ChainID, AccountNumber: number, PubKey: pub},
		builder, key, txConfig, 0)
	require.NoError(t, err)
	require.NoError(t, builder.SetSignatures(sig))
	tx, err := txConfig.TxEncoder()(builder.GetTx())
	require.NoError(t, err)
	return tx
}
