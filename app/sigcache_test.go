package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/testutil/apptest"
)

func send(c *apptest.Chain, t *testing.T, from, to string) sdk.Msg {
	return banktypes.NewMsgSend(c.Account(t, from).Addr, c.Account(t, to).Addr,
		sdk.NewCoins(sdk.NewCoin(app.BondDenom, sdkmath.NewInt(1))))
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
