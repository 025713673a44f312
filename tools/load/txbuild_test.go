package load

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"

	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// TestSign_ProducesAVerifiableDirectSignature decodes a signed transfer and
// checks its signature over the SignDoc the chain rebuilds from it.
func TestSign_ProducesAVerifiableDirectSignature(t *testing.T) {
	from, err := newAccount(loadAccountKey("test", 0), 0)
	if err != nil {
		t.Fatal(err)
	}
	to, err := newAccount(loadAccountKey("test", 1), 0)
	if err != nil {
		t.Fatal(err)
	}
	if from.address == to.address || from.address[:7] != "kizuna1" {
		t.Fatalf("derived addresses %s and %s", from.address, to.address)
	}
	msg := &ledgertypes.MsgTransfer{Sender: from.address, CommunityId: 3, Recipient: to.address, Amount: sdkmath.NewInt(42), ExpectedFeeBps: 100}
	u := unsignedTx{
		msgs: []proto.Message{msg}, pubKey: from.pubKey, accountNumber: 9, sequence: 4,
		gas: 120_000, fee: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 120)),
	}
	bz, err := u.sign(from.key, "kizuna-test-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(TxHash(bz)) != 64 || TxHash(bz) != TxHash(append([]byte(nil), bz...)) {
		t.Fatalf("hash %q", TxHash(bz))
	}

	var raw txtypes.TxRaw
	if err := raw.Unmarshal(bz); err != nil {
		t.Fatal(err)
	}
	var body txtypes.TxBody
	if err := body.Unmarshal(raw.BodyBytes); err != nil {
		t.Fatal(err)
	}
	var got ledgertypes.MsgTransfer
	if len(body.Messages) != 1 || body.Messages[0].TypeUrl != "/kizuna.ledger.v1.MsgTransfer" {
		t.Fatalf("messages %v", body.Messages)
	}
	if err := got.Unmarshal(body.Messages[0].Value); err != nil || !got.Amount.Equal(msg.Amount) || got.Recipient != to.address {
		t.Fatalf("decoded transfer %+v, %v", got, err)
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
	if !from.key.PubKey().VerifySignature(doc, raw.Signatures[0]) {
		t.Fatal("the signature does not verify")
	}
	other, err := (&txtypes.SignDoc{BodyBytes: raw.BodyBytes, AuthInfoBytes: raw.AuthInfoBytes, ChainId: "other-chain", AccountNumber: 9}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if from.key.PubKey().VerifySignature(other, raw.Signatures[0]) {
		t.Fatal("the signature verifies for another chain")
	}
}

func TestMnemonicKey_DerivesTheCLIAddress(t *testing.T) {
	// alice of scripts/dev-accounts.sh, as `kizunad keys show alice` prints her.
	key, err := MnemonicKey("height suffer obvious cargo frown fetch reopen video garment section ahead accuse tell print pencil puzzle cause front connect pass plate acoustic expire dress")
	if err != nil {
		t.Fatal(err)
	}
	a, err := newAccount(key, 0)
	if err != nil {
		t.Fatal(err)
	}
	const alice = "kizuna1e3e70v3qyypvshmg48556s45x977seszw84krq"
	if a.address != alice {
		t.Fatalf("alice is %s, want %s", a.address, alice)
	}
	if _, err := MnemonicKey("not a mnemonic"); err == nil {
		t.Fatal("an invalid mnemonic gave a key")
	}
}
