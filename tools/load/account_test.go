package load

import (
	"testing"
)

func TestAfterCheckTx_SequenceHandling(t *testing.T) {
	tests := []struct {
		name      string
		codespace string
		code      uint32
		log       string
		want      checkTxOutcome
	}{
		{"accepted uses the sequence", "", 0, "", checkTxOutcome{accepted: true, next: 8}},
		{"already in the mempool cache counts as accepted", "sdk", 19, "tx already exists in cache", checkTxOutcome{accepted: true, next: 8}},
		{
			"mismatch continues from the expected sequence", "sdk", 32,
			"account sequence mismatch, expected 3, got 7: incorrect account sequence",
			checkTxOutcome{next: 3},
		},
		{
			"mismatch ahead of us skips forward", "sdk", 32,
			"account sequence mismatch, expected 12, got 7: incorrect account sequence",
			checkTxOutcome{next: 12},
		},
		{"unreadable mismatch resyncs from the chain", "sdk", 32, "incorrect account sequence", checkTxOutcome{next: 7, resync: true}},
		{"insufficient fee keeps the sequence", "sdk", 13, "insufficient fee", checkTxOutcome{next: 7}},
		{"mempool full keeps the sequence", "sdk", 20, "mempool is full", checkTxOutcome{next: 7}},
		{"a module's code 32 is no sequence mismatch", "ledger", 32, "expected 3, got 7", checkTxOutcome{next: 7}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := afterCheckTx(7, tc.codespace, tc.code, tc.log); got != tc.want {
				t.Fatalf("afterCheckTx = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestPickAccount_SkipsBusyFullAndResyncingAccounts(t *testing.T) {
	free := &account{address: "free"}
	accounts := []*account{
		{address: "busy", busy: true},
		{address: "full", pending: 2},
		{address: "resync-with-pending", resync: true, pending: 1},
		free,
		{address: "resync-idle", resync: true},
	}
	if got := pickAccount(accounts, 0, 2); got != free {
		t.Fatalf("picked %v, want free", got.address)
	}
	if got := pickAccount(accounts, 4, 2); got.address != "resync-idle" {
		t.Fatalf("picked %v from index 4, want resync-idle", got.address)
	}
	free.busy = true
	accounts[4].busy = true
	if got := pickAccount(accounts, 1, 2); got != nil {
		t.Fatalf("picked %v, want none", got.address)
	}
}

func TestCodeKey(t *testing.T) {
	if got := codeKey("sdk", 32); got != "sdk/32" {
		t.Fatal(got)
	}
	if got := codeKey("", 1); got != "?/1" {
		t.Fatal(got)
	}
}
