package load

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/cosmos/gogoproto/proto"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
)

// unsignedTx is a transaction before its signature: what SIGN_MODE_DIRECT
// signs, built by hand so that signing costs the driver next to nothing.
type unsignedTx struct {
	msgs          []proto.Message
	memo          string
	pubKey        *codectypes.Any
	accountNumber uint64
	sequence      uint64
	gas           uint64
	fee           sdk.Coins
}

// encode returns the body and auth-info bytes of the transaction.
func (u unsignedTx) encode() (body, authInfo []byte, err error) {
	anys := make([]*codectypes.Any, len(u.msgs))
	for i, msg := range u.msgs {
		if anys[i], err = codectypes.NewAnyWithValue(msg); err != nil {
			return nil, nil, fmt.Errorf("packing %s: %w", proto.MessageName(msg), err)
		}
	}
	body, err = (&txtypes.TxBody{Messages: anys, Memo: u.memo}).Marshal()
	if err != nil {
		return nil, nil, fmt.Errorf("encoding the tx body: %w", err)
	}
	authInfo, err = (&txtypes.AuthInfo{
		SignerInfos: []*txtypes.SignerInfo{{
			PublicKey: u.pubKey,
			ModeInfo: &txtypes.ModeInfo{Sum: &txtypes.ModeInfo_Single_{
				Single: &txtypes.ModeInfo_Single{Mode: signing.SignMode_SIGN_MODE_DIRECT},
			}},
			Sequence: u.sequence,
		}},
		Fee: &txtypes.Fee{Amount: u.fee, GasLimit: u.gas},
	}).Marshal()
	if err != nil {
		return nil, nil, fmt.Errorf("encoding the tx auth info: %w", err)
	}
	return body, authInfo, nil
}

// sign returns the signed transaction's bytes (a TxRaw) for chainID.
func (u unsignedTx) sign(key Key, chainID string) ([]byte, error) {
	body, authInfo, err := u.encode()
	if err != nil {
		return nil, err
	}
	doc, err := (&txtypes.SignDoc{
		BodyBytes: body, AuthInfoBytes: authInfo, ChainId: chainID, AccountNumber: u.accountNumber,
	}).Marshal()
	if err != nil {
		return nil, fmt.Errorf("encoding the sign doc: %w", err)
	}
	sig, err := key.Sign(doc)
	if err != nil {
		return nil, fmt.Errorf("signing: %w", err)
	}
	return (&txtypes.TxRaw{BodyBytes: body, AuthInfoBytes: authInfo, Signatures: [][]byte{sig}}).Marshal()
}

// simulationBytes returns the transaction with an empty signature, as the
// Simulate service takes it.
func (u unsignedTx) simulationBytes() ([]byte, error) {
	body, authInfo, err := u.encode()
	if err != nil {
		return nil, err
	}
	return (&txtypes.TxRaw{BodyBytes: body, AuthInfoBytes: authInfo, Signatures: [][]byte{{}}}).Marshal()
}

// TxHash returns CometBFT's hash of a transaction: the upper-case hex SHA-256
// of its bytes, as blocks, GetTx and the explorers show it.
func TxHash(tx []byte) string {
	sum := sha256.Sum256(tx)
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}
