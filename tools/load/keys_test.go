package load

import "testing"

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
