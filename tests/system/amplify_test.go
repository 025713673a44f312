package system_test

import (
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

// TestSingleNode_AmplifyUpvotesFromEthereumKeys signs Kiwistand upvotes with
// three Ethereum identities through `kizunad tx amplify upvote`, paid by
// Cosmos accounts: two sign with their own keys, the third through a signing
// key it authorized after linking itself to alice's account. Another
// delegation is made and revoked with both consent signatures. List, Votes
// and Top are read over REST.
func TestSingleNode_AmplifyUpvotesFromEthereumKeys(t *testing.T) {
	node := e2e.NewNode(t, kizunad, "alice", "bob", "carol", "dave")
	node.Start(t)

	// Identities 0 and 1 sign their own votes; identity 2 votes through
	// signer; signer2 is authorized and revoked by identity 1.
	keyFiles := make([]string, 3)
	addrs := make([]string, 3)
	for i := range keyFiles {
		keyFiles[i], addrs[i] = writeEthKey(t)
	}
	signerFile, signerAddr := writeEthKey(t)
	signer2File, signer2Addr := writeEthKey(t)

	// Only identities linked to active members of a community vote: alice
	// creates one, carol and dave join and link identities 0 and 1.
	requireOK(t, node.Tx(t, "alice", "community", "create-community", "Amplifiers", "alice", "open"))
	requireOK(t, node.Tx(t, "carol", "community", "join", "1", "carol"))
	requireOK(t, node.Tx(t, "dave", "community", "join", "1", "dave"))
	requireOK(t, node.Tx(t, "carol", "amplify", "link", "--eth-key", keyFiles[0]))
	requireOK(t, node.Tx(t, "dave", "amplify", "link", "--eth-key", keyFiles[1]))

	requireOK(t, node.Tx(t, "alice", "amplify", "link", "--eth-key", keyFiles[2]))
	var linked struct {
		EthAddress string `json:"eth_address"`
	}
	node.GetJSON(t, "/kizuna/amplify/v1/links/"+node.Address(t, "alice"), &linked)
	if linked.EthAddress != addrs[2] {
		t.Fatalf("alice is linked to %q, want %s", linked.EthAddress, addrs[2])
	}
	// The identity is alice's linked address, so only the signing key signs.
	requireOK(t, node.Tx(t, "alice", "amplify", "authorize-signer", "--signer-key", signerFile))
	requireIdentity(t, node, signerAddr, addrs[2], true)

	// Both consents signed from key files, then revoked.
	requireOK(t, node.Tx(t, "bob", "amplify", "authorize-signer", "--signer-key", signer2File, "--eth-key", keyFiles[1]))
	requireIdentity(t, node, signer2Addr, addrs[1], true)
	requireOK(t, node.Tx(t, "bob", "amplify", "revoke-signer", signer2Addr, "--eth-key", keyFiles[1]))
	requireIdentity(t, node, signer2Addr, signer2Addr, false)
	var account struct {
		ConsentNonce string `json:"consent_nonce"`
	}
	node.GetJSON(t, "/kizuna/amplify/v1/eth-accounts/"+addrs[1], &account)
	if account.ConsentNonce != "3" {
		t.Fatalf("identity 1 signed a link and two consents but its nonce is %q", account.ConsentNonce)
	}
	node.Query(t, &account, "amplify", "eth-account", signerAddr)
	if account.ConsentNonce != "1" {
		t.Fatalf("the signing key signed one consent but its nonce is %q", account.ConsentNonce)
	}

	const link = "https://example.com/community-economies"
	voters := []string{keyFiles[0], keyFiles[1], signerFile}
	for i, file := range voters {
		res := node.Tx(t, "alice", "amplify", "upvote", link, "Community economies on chain", "--eth-key", file)
		requireOK(t, res)
		if i == 0 {
			requireEvent(t, res, "kizuna.amplify.v1.EventMessageAccepted")
		}
	}
	// The same identity cannot vote twice for the same link, even written
	// differently, nor through its signing key.
	if res := node.Tx(t, "alice", "amplify", "upvote", "https://www.example.com/community-economies/?utm_source=x", "Again", "--eth-key", keyFiles[0]); res.Code == 0 {
		t.Fatalf("a duplicate upvote was accepted: %+v", res)
	}
	if res := node.Tx(t, "alice", "amplify", "upvote", link, "Again", "--eth-key", keyFiles[2]); res.Code == 0 {
		t.Fatalf("an identity voted again beside its signing key: %+v", res)
	}

	var list struct {
		Messages []struct {
			Identity string `json:"identity"`
			Signer   string `json:"signer"`
			Type     string `json:"type"`
		} `json:"messages"`
	}
	node.GetJSON(t, "/kizuna/amplify/v1/messages?from=0&amount=10&type=amplify", &list)
	if len(list.Messages) != 3 || list.Messages[2].Identity != addrs[2] || list.Messages[2].Signer != signerAddr {
		t.Fatalf("List (the third vote is identity 2's, signed by %s): %+v", signerAddr, list.Messages)
	}
	var votes struct {
		Identities []string `json:"identities"`
	}
	node.GetJSON(t, "/kizuna/amplify/v1/votes?href="+url.QueryEscape(link), &votes)
	if len(votes.Identities) != 3 {
		t.Fatalf("Votes: %+v", votes.Identities)
	}
	for _, a := range addrs {
		found := false
		for _, id := range votes.Identities {
			found = found || strings.EqualFold(id, a)
		}
		if !found {
			t.Fatalf("Votes %v lack %s", votes.Identities, a)
		}
	}
	var top struct {
		Links []struct {
			Link  string `json:"link"`
			Votes string `json:"votes"`
		} `json:"links"`
	}
	node.GetJSON(t, "/kizuna/amplify/v1/top?n=10", &top)
	if len(top.Links) != 1 || top.Links[0].Votes != "3" {
		t.Fatalf("Top: %+v", top.Links)
	}
}

// writeEthKey writes a new Ethereum private key to a file and returns the
// file and the key's address.
func writeEthKey(t *testing.T) (string, string) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "eth.key")
	if err := os.WriteFile(file, []byte(hex.EncodeToString(crypto.FromECDSA(key))), 0o600); err != nil {
		t.Fatal(err)
	}
	return file, crypto.PubkeyToAddress(key.PublicKey).Hex()
}

// requireIdentity checks over REST which identity a signing key signs for.
func requireIdentity(t *testing.T, node *e2e.Node, signer, identity string, delegated bool) {
	t.Helper()
	var res struct {
		Identity  string `json:"identity"`
		Delegated bool   `json:"delegated"`
	}
	node.GetJSON(t, "/kizuna/amplify/v1/identities/"+signer, &res)
	if res.Identity != identity || res.Delegated != delegated {
		t.Fatalf("identity of %s: %+v, want %s (delegated %v)", signer, res, identity, delegated)
	}
}
