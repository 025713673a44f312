package ethsign_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestSign_ReproducesKiwistandVectorV01(t *testing.T) {
	file := filepath.Join(t.TempDir(), "eth.key")
	require.NoError(t, os.WriteFile(file, []byte("0x0101010101010101010101010101010101010101010101010101010101010101\n"), 0o600))
	key, err := ethsign.ReadKey(file)
	require.NoError(t, err)
	require.Equal(t, "0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1", crypto.PubkeyToAddress(key.PublicKey).Hex())

	// RFC 6979 signing is deterministic: the same signature Kiwistand's
	// id.sign produced for V01.
	sm, err := ethsign.Sign(types.Content{Title: "Hello Kiwi News", Href: "https://example.com", Type: types.TypeAmplify, Timestamp: 1672527600}, key)
	require.NoError(t, err)
	require.Equal(t, "0xbadacb3d6d7a6c72e74acca4bb29c126064b1632dd0323529c032e13846bf7a40cca5d786ae344b247bec5d859542cb801b94697ba52e6b440ab61df6b3ca7ea1c", sm.Signature)
	require.Equal(t, "63b0bef04c383021c4a0cbe7e74452397ebd3a4f6df34b7a060af5d292fd222ac43013d3", sm.Index())

	msg := types.NewMsgSubmitAmplify("kizuna1x", sm)
	require.Equal(t, sm, msg.SignedMessage())
}

func TestReadKey_RejectsMissingAndMalformedFiles(t *testing.T) {
	_, err := ethsign.ReadKey("")
	require.Error(t, err)
	_, err = ethsign.ReadKey(filepath.Join(t.TempDir(), "none"))
	require.Error(t, err)
	bad := filepath.Join(t.TempDir(), "bad")
	require.NoError(t, os.WriteFile(bad, []byte("nothex"), 0o600))
	_, err = ethsign.ReadKey(bad)
	require.Error(t, err)
}

func TestSignTypedData_VerifiesAsTheConsentOfTheKey(t *testing.T) {
	from, err := crypto.ToECDSA(common.FromHex("0x0101010101010101010101010101010101010101010101010101010101010101"))
	require.NoError(t, err)
	to, err := crypto.ToECDSA(common.FromHex("0x0202020202020202020202020202020202020202020202020202020202020202"))
	require.NoError(t, err)
	fromAddr, toAddr := crypto.PubkeyToAddress(from.PublicKey), crypto.PubkeyToAddress(to.PublicKey)
	td := types.DelegationTypedData(types.ActionDelegate, fromAddr, toAddr, "kizuna-test-1", 3)

	sig, err := ethsign.SignTypedData(td, to)
	require.NoError(t, err)
	require.NoError(t, types.VerifyConsent(td, sig, toAddr))
	require.ErrorIs(t, types.VerifyConsent(td, sig, fromAddr), types.ErrInvalidSignature)
	other := types.DelegationTypedData(types.ActionDelegate, fromAddr, toAddr, "kizuna-test-1", 4)
	require.ErrorIs(t, types.VerifyConsent(other, sig, toAddr), types.ErrInvalidSignature)
}
