// Package txsign builds and signs Cosmos SDK transactions in
// SIGN_MODE_DIRECT by hand, without a client context or keyring: what the
// load driver and the bridge relayer need to sign their own transactions
// with a key held in memory.
package txsign

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

// Signer signs the bytes of a SignDoc.
type Signer interface {
	Sign(signDoc []byte) ([]byte, error)
}

// Unsigned is a transaction of one signer before its signature.
type Unsigned struct {
	Msgs          []proto.Message
	Memo          string
	PubKey        *codectypes.Any
	AccountNumber uint64
	Sequence      uint64
	Gas           uint64
	Fee           sdk.Coins
}

// encode returns the body and auth-info bytes of the transaction.
func (u Unsigned) encode() (body, authInfo []byte, err error) {
	anys := make([]*codectypes.Any, len(u.Msgs))
	for i, msg := range u.Msgs {
		if anys[i], err = codectypes.NewAnyWithValue(msg); err != nil {
			return nil, nil, fmt.Errorf("packing %s: %w", proto.MessageName(msg), err)
		}
	}
	body, err = (&txtypes.TxBody{Messages: anys, Memo: u.Memo}).Marshal()
	if err != nil {
		return nil, nil, fmt.Errorf("encoding the tx body: %w", err)
	}
	authInfo, err = (&txtypes.AuthInfo{
		SignerInfos: []*txtypes.SignerInfo{{
			PublicKey: u.PubKey,
			ModeInfo: &txtypes.ModeInfo{Sum: &txtypes.ModeInfo_Single_{
				Single: &txtypes.ModeInfo_Single{Mode: signing.SignMode_SIGN_MODE_DIRECT},
			}},
			Sequence: u.Sequence,
		}},
		Fee: &txtypes.Fee{Amount: u.Fee, GasLimit: u.Gas},
	}).Marshal()
	if err != nil {
		return nil, nil, fmt.Errorf("encoding the tx auth info: %w", err)
	}
	return body, authInfo, nil
}

// Sign returns the signed transaction's bytes (a TxRaw) for chainID.
func (u Unsigned) Sign(key Signer, chainID string) ([]byte, error) {
	body, authInfo, err := u.encode()
	if err != nil {
		return nil, err
	}
	doc, err := (&txtypes.SignDoc{
		BodyBytes: body, AuthInfoBytes: authInfo, ChainId: chainID, AccountNumber: u.AccountNumber,
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

// SimulationBytes returns the transaction with an empty signature, as the
// Simulate service takes it.
func (u Unsigned) SimulationBytes() ([]byte, error) {
	body, authInfo, err := u.encode()
	if err != nil {
		return nil, err
	}
	return (&txtypes.TxRaw{BodyBytes: body, AuthInfoBytes: authInfo, Signatures: [][]byte{{}}}).Marshal()
}

// Hash returns CometBFT's hash of a transaction: the upper-case hex SHA-256
// of its bytes, as blocks, GetTx and the explorers show it.
func Hash(tx []byte) string {
	sum := sha256.Sum256(tx)
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}
