package conformance

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/anypb"

	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"
)

// The account number and sequence the transactions built here are signed
// with.
const (
	accountNumber = 1
	sequence      = 2
)

// AminoJSONSignBytes returns the bytes a Ledger or Keplr shows and signs
// for a transaction holding msg (SIGN_MODE_LEGACY_AMINO_JSON).
func AminoJSONSignBytes(t *testing.T, env TxEnv, msg sdk.Msg) string {
	t.Helper()
	builder := env.Ctx.TxConfig.NewTxBuilder()
	require.NoError(t, builder.SetMsgs(msg))
	bz, err := authsigning.GetSignBytesAdapter(context.Background(), env.Ctx.TxConfig.SignModeHandler(),
		signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON,
		authsigning.SignerData{Address: env.Signer, ChainID: ChainID, AccountNumber: accountNumber, Sequence: sequence},
		builder.GetTx())
	require.NoError(t, err, "amino-json sign bytes of %s", sdk.MsgTypeURL(msg))
	return string(bz)
}

// checkSigning: each Msg is signed in amino-JSON and in direct mode by a
// keyring key, and the signature verifies, as the ante handler verifies
// it, on the transaction decoded from its encoding. The amino-JSON sign
// bytes name the Msg by its amino name.
func checkSigning(t *testing.T, m Module) {
	env := NewTxEnv(t, m.AppModule)
	for _, msg := range m.Msgs(env.Signer) {
		sign := AminoJSONSignBytes(t, env, msg)
		assert.Contains(t, sign, `"type":"kizuna/`+m.AppModule.Name()+"/"+msgName(msg)+`"`)
		for _, mode := range []signingtypes.SignMode{signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON, signingtypes.SignMode_SIGN_MODE_DIRECT} {
			assert.NoError(t, signAndVerify(t, env, msg, mode), "%s in %s", sdk.MsgTypeURL(msg), mode)
		}
	}
}

func signAndVerify(t *testing.T, env TxEnv, msg sdk.Msg, mode signingtypes.SignMode) error {
	t.Helper()
	txf := clienttx.Factory{}.
		WithChainID(ChainID).
		WithKeybase(env.Ctx.Keyring).
		WithTxConfig(env.Ctx.TxConfig).
		WithAccountNumber(accountNumber).
		WithSequence(sequence).
		WithGas(200_000).
		WithSignMode(mode)
	builder, err := txf.BuildUnsignedTx(msg)
	if err != nil {
		return err
	}
	if err := clienttx.Sign(context.Background(), txf, KeyName, builder, true); err != nil {
		return err
	}
	bz, err := env.Ctx.TxConfig.TxEncoder()(builder.GetTx())
	if err != nil {
		return err
	}
	decoded, err := env.Ctx.TxConfig.TxDecoder()(bz)
	if err != nil {
		return err
	}
	sigTx, ok := decoded.(authsigning.SigVerifiableTx)
	require.True(t, ok)
	sigs, err := sigTx.GetSignaturesV2()
	if err != nil {
		return err
	}
	require.Len(t, sigs, 1)
	anyPk, err := codectypes.NewAnyWithValue(sigs[0].PubKey)
	require.NoError(t, err)
	signerData := txsigning.SignerData{
		Address:       env.Signer,
		ChainID:       ChainID,
		AccountNumber: accountNumber,
		Sequence:      sequence,
		PubKey:        &anypb.Any{TypeUrl: anyPk.TypeUrl, Value: anyPk.Value},
	}
	adaptable, ok := decoded.(authsigning.V2AdaptableTx)
	require.True(t, ok)
	return authsigning.VerifySignature(context.Background(), sigs[0].PubKey, signerData, sigs[0].Data,
		env.Ctx.TxConfig.SignModeHandler(), adaptable.GetSigningTxData())
}
