package txsign_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/internal/txsign"
)

// TestSign_ProducesAVerifiableDirectSignature decodes a signed send and
// checks its signature over the SignDoc the chain rebuilds from it.
func TestSign_ProducesAVerifiableDirectSignature(t *testing.T) {
	key := secp256k1.GenPrivKey()
	pub, err := codectypes.NewAnyWithValue(key.PubKey())
	if err != nil {
		t.Fatal(err)
	}
	msg := &banktypes.MsgSend{FromAddress: "from", ToAddress: "to", Amount: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 42))}
	u := txsign.Unsigned{
		Msgs: []proto.Message{msg}, PubKey: pub, AccountNumber: 9, Sequence: 4,
		Gas: 120_000, Fee: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 120)), Memo: "m",
	}
	bz, err := u.Sign(key, "kizuna-test-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(txsign.Hash(bz)) != 64 || txsign.Hash(bz) != txsign.Hash(append([]byte(nil), bz...)) {
		t.Fatalf("hash %q", txsign.Hash(bz))
	}

	var raw txtypes.TxRaw
	if err := raw.Unmarshal(bz); err != nil {
		t.Fatal(err)
	}
	var body txtypes.TxBody
	if err := body.Unmarshal(raw.BodyBytes); err != nil {
		t.Fatal(err)
	}
	var got banktypes.MsgSend
	if len(body.Messages) != 1 || body.Messages[0].TypeUrl != "/cosmos.bank.v1beta1.MsgSend" || body.Memo != "m" {
		t.Fatalf("body %v", body)
	}
	if err := got.Unmarshal(body.Messages[0].Value); err != nil || !got.Amount.Equal(msg.Amount) || got.ToAddress != "to" {
		t.Fatalf("decoded send %+v, %v", got, err)
	}
	var authInfo txtypes.AuthInfo
	if err := authInfo.Unmarshal(raw.AuthInfoBytes); err != nil {
		t.Fatal(err)
	}
	if authInfo.SignerInfos[0].Sequence != 4 || authInfo.Fee.GasLimit != 120_000 || authInfo.Fee.Amount.String() != "120ukiz" {
		t.Fatalf("auth info %+v", authInfo)
	}
	doc, err := (&txtypes.SignDoc{BodyBytes: raw.BodyBytes, AuthInfoBytes: raw.AuthInfoBytes, ChainId: "kizuna-test-1", AccountNumber: 9}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !key.PubKey().VerifySignature(doc, raw.Signatures[0]) {
		t.Fatal("the signature does not verify")
	}
	other, err := (&txtypes.SignDoc{BodyBytes: raw.BodyBytes, AuthInfoBytes: raw.AuthInfoBytes, ChainId: "other-chain", AccountNumber: 9}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if key.PubKey().VerifySignature(other, raw.Signatures[0]) {
		t.Fatal("the signature verifies for another chain")
	}

	sim, err := u.SimulationBytes()
	if err != nil {
		t.Fatal(err)
	}
	var simRaw txtypes.TxRaw
	if err := simRaw.Unmarshal(sim); err != nil || len(simRaw.Signatures) != 1 || len(simRaw.Signatures[0]) != 0 {
		t.Fatalf("simulation tx %v, %v", simRaw.Signatures, err)
	}
}
