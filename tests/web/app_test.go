package web_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

const passphrase = "correct horse battery"

// TestMemberApp_TwoMembersInTwoBrowsers: an admin signs in with a recovered
// key and a newcomer with a key created in the browser; the admin approves
// the newcomer's join request, pays them by username (fee shown first) and
// the newcomer's open page shows it without a reload; a payment beyond the
// balance shows the ledger's error in words; a message from one browser
// arrives decrypted in the other while the node holds only ciphertext.
func TestMemberApp_TwoMembersInTwoBrowsers(t *testing.T) {
	node := e2e.NewNode(t, kizunad, "alice", "bob")
	var mika struct {
		Address  string `json:"address"`
		Mnemonic string `json:"mnemonic"`
	}
	out, err := node.Run("keys", "add", "mika", "--output", "json", "--keyring-backend", "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(lastLine(out), &mika); err != nil || mika.Mnemonic == "" {
		t.Fatalf("keys add mika: %v (%s)", err, out)
	}
	node.Start(t)

	// The community, its currency and fee account, by CLI.
	ok(t, node.Tx(t, "alice", "bank", "send", "alice", mika.Address, "10000000ukiz"))
	ok(t, node.Tx(t, "alice", "community", "create-community", "Kaga Commons", "alice", "approval"))
	ok(t, node.Tx(t, "bob", "community", "join", "1", "bob"))
	ok(t, node.Tx(t, "alice", "community", "approve", "1", node.Address(t, "bob")))
	ok(t, node.Tx(t, "mika", "community", "join", "1", "mika", "--first-name", "Mika"))
	ok(t, node.Tx(t, "alice", "community", "approve", "1", mika.Address))
	ok(t, node.Tx(t, "alice", "community", "set-role", "1", mika.Address, "admin"))
	ok(t, node.Tx(t, "alice", "ledger", "create-currency", "1", "KGA", "Kaga Coin", "4", "--fee-bps", "100"))
	ok(t, node.Tx(t, "alice", "ledger", "issue", "1", "@mika", "500", "Welcome"))
	ok(t, node.Tx(t, "alice", "ledger", "fund-fee-account", "1", "50000000"))
	ok(t, node.Tx(t, "bob", "ads", "create", "1", "give", "Bicycle repair", "15", "--category", "repairs",
		"--description", "Brakes, gears and flat tyres, at your door."))
	ok(t, node.Tx(t, "alice", "ads", "create", "1", "want", "Help with the autumn festival", "20", "--category", "events"))

	app := node.APIURL() + "/app/"
	shots := screenshotDir(t)

	// The admin recovers their key into the browser.
	admin := newBrowser(t, "mika")
	admin.open(app)
	admin.click("button[name=import]")
	admin.typeInto("textarea[name=mnemonic]", mika.Mnemonic)
	admin.typeInto("input[name=passphrase]", passphrase)
	admin.typeInto("input[name=passphrase2]", passphrase)
	admin.click("button[name=save]")
	admin.waitText("[data-testid=balance]", "500 KGA")
	admin.waitJS("the live indicator turns on", `document.querySelector(".dot.live") !== null`)

	// A newcomer creates a key in the browser and asks to join.
	newcomer := newBrowser(t, "dana")
	newcomer.open(app)
	newcomer.click("button[name=create]")
	if words := len(strings.Fields(newcomer.eval(`document.getElementById("mnemonic").innerText`))); words != 24 {
		t.Fatalf("the new key's recovery phrase has %d words, want 24", words)
	}
	newcomer.click("input[name=written]")
	newcomer.typeInto("input[name=passphrase]", passphrase)
	newcomer.typeInto("input[name=passphrase2]", passphrase)
	newcomer.click("button[name=save]")
	newcomer.waitText("#join", "Kaga Commons")
	dana := newcomer.eval(`document.querySelector("#join code").textContent`)
	ok(t, node.Tx(t, "alice", "bank", "send", "alice", dana, "10000000ukiz"))
	newcomer.typeInto("input[name=username]", "dana")
	newcomer.typeInto("input[name=first-name]", "Dana")
	newcomer.click("button[name=join]")
	newcomer.waitText("main", "waiting for an admin")

	// The admin approves the request; the newcomer's page follows.
	admin.open(app + "#/community")
	admin.waitText("#pending", "@dana")
	admin.click(`#pending li[data-member="dana"] button[name=approve]`)
	admin.waitText("#pending", "Nobody is waiting")
	newcomer.waitText("[data-testid=balance]", "0 KGA")

	// The admin pays @dana 12.5 KGA; the fee is shown before signing.
	admin.open(app + "#/wallet")
	admin.typeInto("input[name=to]", "@dana")
	admin.typeInto("input[name=amount]", "12.5")
	admin.waitText("[data-testid=fee]", "Community fee 1%: 0.125 KGA — total 12.625 KGA")
	admin.click("button[name=pay]")
	admin.waitText("#pay", "Paid 12.5 KGA to @dana.")
	admin.waitText("#pay", "Network fee paid by the community.")
	admin.waitText("[data-testid=balance]", "487.375 KGA")
	admin.waitText("#history li[data-type=SEND]", "fee 0.125 KGA")
	// The newcomer's page, open all along, shows it without a reload.
	newcomer.waitText("[data-testid=balance]", "12.5 KGA")
	newcomer.waitText("#history", "@mika")
	requireBalance(t, node, dana, "125000")
	admin.screenshot(shots, "wallet")

	// A payment beyond the balance: the ledger's error, in words.
	newcomer.typeInto("input[name=to]", "@mika")
	newcomer.typeInto("input[name=amount]", "1000")
	newcomer.click("button[name=pay]")
	newcomer.waitText("#pay [role=alert]", errorText(t, "sdk", 5))
	requireBalance(t, node, dana, "125000")

	// The newcomer writes to the admin; the admin's open thread shows it.
	newcomer.open(app + "#/community")
	newcomer.click(`#members li[data-member="mika"] button`)
	newcomer.waitJS("the thread opens", `location.hash.startsWith("#/messages/")`)
	thread := strings.TrimPrefix(newcomer.eval(`location.hash`), "#/messages/")
	admin.open(app + "#/messages/" + thread)
	admin.waitText("#thread", "With @dana")
	const text = "Thank you Mika! Shall we meet at the festival on Saturday?"
	newcomer.typeInto("textarea[name=message]", text)
	newcomer.click("button[name=send]")
	newcomer.waitText("[data-testid=message-text]", text)
	admin.waitText("[data-testid=message-text]", text)
	admin.waitJS("the warning about dana's missing key goes", `document.querySelector("#thread .warning") === null`)
	requireCiphertext(t, node, thread, text)
	admin.screenshot(shots, "thread")

	// Japanese, on a phone-sized screen like the rest.
	admin.click("button[name=lang]")
	admin.waitText("nav", "ウォレット")
	admin.click("button[name=lang]")
	admin.waitText("nav", "Wallet")

	admin.open(app + "#/market")
	admin.waitText("#market", "Bicycle repair")
	admin.waitText("#market", "15 KGA")
	admin.screenshot(shots, "marketplace")
	admin.requireNoCSPViolation()
	newcomer.requireNoCSPViolation()
}

func ok(t *testing.T, res e2e.TxResult) {
	t.Helper()
	if res.Code != 0 {
		t.Fatalf("tx %s failed: code %d (%s): %s", res.Hash, res.Code, res.Codespace, res.RawLog)
	}
}

func lastLine(out []byte) []byte {
	lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
	return lines[len(lines)-1]
}

// screenshotDir is KIZUNA_SCREENSHOTS (`make screenshots` sets docs/images)
// or a temporary directory.
func screenshotDir(t *testing.T) string {
	if dir := os.Getenv("KIZUNA_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// errorText is the English message the app shows for a registered error.
func errorText(t *testing.T, codespace string, code int) string {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(root, "web", "src", "i18n", "errors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var table map[string]map[string]struct{ En string }
	_ = json.Unmarshal(raw, &table)
	msg := table[codespace][strconv.Itoa(code)].En
	if msg == "" {
		t.Fatalf("errors.json has no %s/%d", codespace, code)
	}
	return msg
}

func requireBalance(t *testing.T, node *e2e.Node, addr, want string) {
	t.Helper()
	var acct struct {
		NetBalance string `json:"net_balance"`
	}
	node.GetJSON(t, "/kizuna/ledger/v1/communities/1/accounts/"+addr, &acct)
	if acct.NetBalance != want {
		t.Fatalf("balance of %s: %s, want %s", addr, acct.NetBalance, want)
	}
}

// requireCiphertext reads the thread's payloads from the node's tx index:
// every one is sealed and none contains the text.
func requireCiphertext(t *testing.T, node *e2e.Node, thread, text string) {
	t.Helper()
	q := url.Values{"query": {`kizuna.messaging.v1.EventMessagePosted.thread_id='"` + thread + `"'`}}
	resp, err := http.Get(node.APIURL() + "/cosmos/tx/v1beta1/txs?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var res struct {
		TxResponses []struct {
			Events []e2e.Event `json:"events"`
		} `json:"tx_responses"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, tx := range res.TxResponses {
		for _, ev := range tx.Events {
			if ev.Type != "kizuna.messaging.v1.EventMessagePosted" {
				continue
			}
			for _, a := range ev.Attributes {
				if a.Key != "payload" {
					continue
				}
				var b64 string
				if err := json.Unmarshal([]byte(a.Value), &b64); err != nil {
					t.Fatal(err)
				}
				payload, err := base64.StdEncoding.DecodeString(b64)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.HasPrefix(payload, []byte("KZM1")) || bytes.Contains(payload, []byte(text)) {
					t.Fatalf("the node holds a readable payload: %q", payload)
				}
				seen++
			}
		}
	}
	if seen == 0 {
		t.Fatal("no payload of the thread in the node's tx index")
	}
}
