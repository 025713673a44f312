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
// three Ethereum keys through `kizunad tx amplify upvote`, paid by Cosmos
// accounts, and reads List, Votes and Top over REST.
func TestSingleNode_AmplifyUpvotesFromEthereumKeys(t *testing.T) {
	node := e2e.NewNode(t, kizunad, "alice")
	node.Start(t)

	keyFiles := make([]string, 3)
	addrs := make([]string, 3)
	for i := range keyFiles {
		key, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keyFiles[i] = filepath.Join(t.TempDir(), "eth.key")
		if err := os.WriteFile(keyFiles[i], []byte(hex.EncodeToString(crypto.FromECDSA(key))), 0o600); err != nil {
			t.Fatal(err)
		}
		addrs[i] = crypto.PubkeyToAddress(key.PublicKey).Hex()
	}

	const link = "https://example.com/community-economies"
	for i, file := range keyFiles {
		res := node.Tx(t, "alice", "amplify", "upvote", link, "Community economies on chain", "--eth-key", file)
		requireOK(t, res)
		if i == 0 {
			requireEvent(t, res, "kizuna.amplify.v1.EventMessageAccepted")
		}
	}
	// The same key cannot vote twice for the same link, even written differently.
	if res := node.Tx(t, "alice", "amplify", "upvote", "https://www.example.com/community-economies/?utm_source=x", "Again", "--eth-key", keyFiles[0]); res.Code == 0 {
		t.Fatalf("a duplicate upvote was accepted: %+v", res)
	}

	var list struct {
		Messages []struct {
			Identity string `json:"identity"`
			Type     string `json:"type"`
		} `json:"messages"`
	}
	node.GetJSON(t, "/kizuna/amplify/v1/messages?from=0&amount=10&type=amplify", &list)
	if len(list.Messages) != 3 {
		t.Fatalf("List: %+v", list.Messages)
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
