package system_test

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
	"github.com/kizuna-chain/kizuna/x/messaging/client/seal"
	"github.com/kizuna-chain/kizuna/x/messaging/client/watch"
)

// TestSingleNode_AdThreadDeliveredInRealTime opens an ad thread between two
// members who publish their messaging keys, has `kizunad messaging watch
// --from bob` (started before the post) receive and open the sealed message
// within three blocks of its commit while the node holds only ciphertext,
// follows a key rotation, follows the recipient's unread count through
// MarkRead, and retrieves the payload later by tx search.
func TestSingleNode_AdThreadDeliveredInRealTime(t *testing.T) {
	node := e2e.NewNode(t, kizunad, "alice", "bob")
	node.Start(t)
	bob := node.Address(t, "bob")

	requireOK(t, node.Tx(t, "alice", "community", "create-community", "Kaga Commons", "alice", "open"))
	requireOK(t, node.Tx(t, "bob", "community", "join", "1", "bob"))
	requireOK(t, node.Tx(t, "bob", "ads", "create", "1", "give", "Bicycle repair", "0"))
	res := node.Tx(t, "alice", "messaging", "open-ad-thread", "1")
	requireOK(t, res)
	requireEvent(t, res, "kizuna.messaging.v1.EventThreadOpened")
	// Opening it again is idempotent.
	requireOK(t, node.Tx(t, "alice", "messaging", "open-ad-thread", "1"))

	// Messages are sealed for every member: nobody posts before both
	// published a key, and the command says who has not.
	const payload = "Hello Bob, is Saturday morning fine for the repair?"
	post := []string{"tx", "messaging", "post", "1", payload, "--from", "alice", "--yes", "--keyring-backend", "test", "--node", node.RPCAddress()}
	if out, err := node.Run(post...); err == nil || !strings.Contains(err.Error(), "you have published no messaging key") {
		t.Fatalf("post before publishing a key: %v (%s)", err, out)
	}
	requireOK(t, node.Tx(t, "alice", "messaging", "publish-key"))
	if out, err := node.Run(post...); err == nil || !strings.Contains(err.Error(), bob+" published no messaging key") {
		t.Fatalf("post to a member without a key: %v (%s)", err, out)
	}
	res = node.Tx(t, "bob", "messaging", "publish-key", "--community-id", "1")
	requireOK(t, res)
	requireEvent(t, res, "kizuna.messaging.v1.EventMessagingKeySet")
	if out, err := node.Run("tx", "messaging", "publish-key", "--from", "bob", "--yes", "--keyring-backend", "test", "--node", node.RPCAddress()); err != nil {
		t.Fatalf("publishing the same key again: %v (%s)", err, out)
	}

	// The subscriber starts before the message is posted.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	watcher := exec.CommandContext(ctx, node.Bin, "messaging", "watch", "1", "--node", node.RPCAddress(), "--output", "json",
		"--from", "bob", "--keyring-backend", "test", "--home", node.Home)
	stdout, err := watcher.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := watcher.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cancel()
		_ = watcher.Wait()
	}()
	lines := make(chan string, 4)
	go func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			lines <- scanner.Text()
		}
		close(lines)
	}()
	// Give the subscription a block to be in place.
	status, err := e2e.RPCStatus(node.RPCURL())
	if err != nil {
		t.Fatal(err)
	}
	if err := node.WaitForHeight(status.Height+2, 30*time.Second); err != nil {
		t.Fatal(err)
	}

	posted := node.Tx(t, "alice", "messaging", "post", "1", payload)
	requireOK(t, posted)

	type watched struct {
		ThreadID    string `json:"thread_id"`
		Seq         string `json:"seq"`
		Sender      string `json:"sender"`
		Payload     []byte `json:"payload"`
		PayloadText string `json:"payload_text"`
		Sealed      bool   `json:"sealed"`
		Height      string `json:"height"`
		TxHash      string `json:"txhash"`
	}
	next := func() watched {
		t.Helper()
		var got watched
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("watch exited without printing the message")
			}
			if err := json.Unmarshal([]byte(line), &got); err != nil {
				t.Fatalf("watch printed %q: %v", line, err)
			}
		case <-time.After(60 * time.Second):
			t.Fatal("watch printed nothing within 60s of the post")
		}
		return got
	}
	got := next()
	now, err := e2e.RPCStatus(node.RPCURL())
	if err != nil {
		t.Fatal(err)
	}
	if got.PayloadText != payload || !got.Sealed || got.Seq != "1" || got.ThreadID != "1" || got.Sender != node.Address(t, "alice") {
		t.Fatalf("watch delivered %+v", got)
	}
	if !seal.IsSealed(got.Payload) || strings.Contains(string(got.Payload), "Saturday") {
		t.Fatalf("the node delivered a payload that is not sealed: %q", got.Payload)
	}
	if now.Height > posted.Height+3 {
		t.Fatalf("message committed at height %d was delivered at height %d, more than 3 blocks later", posted.Height, now.Height)
	}

	// bob rotates his key; the next message is sealed for the new one, and
	// the running watch follows.
	requireOK(t, node.Tx(t, "bob", "messaging", "publish-key", "--rotate"))
	var key struct {
		Key struct {
			Version int `json:"version"`
		} `json:"key"`
	}
	node.GetJSON(t, "/kizuna/messaging/v1/keys/"+bob, &key)
	if key.Key.Version != 2 {
		t.Fatalf("bob's key after a rotation: version %d, want 2", key.Key.Version)
	}
	requireOK(t, node.Tx(t, "alice", "messaging", "post", "1", "See you then."))
	if got := next(); got.PayloadText != "See you then." || got.Seq != "2" {
		t.Fatalf("watch after a rotation delivered %+v", got)
	}

	// Unread: 1 for the recipient, 0 once read.
	unread := func() string {
		var res struct {
			Unread string `json:"unread"`
		}
		node.GetJSON(t, "/kizuna/messaging/v1/members/"+bob+"/unread", &res)
		return res.Unread
	}
	if u := unread(); u != "2" {
		t.Fatalf("bob's unread count: %s, want 2", u)
	}
	requireOK(t, node.Tx(t, "bob", "messaging", "mark-read", "1", "2"))
	if u := unread(); u != "0" {
		t.Fatalf("bob's unread count after MarkRead: %s, want 0", u)
	}
	if res := node.Tx(t, "bob", "messaging", "mark-read", "1", "3"); res.Code == 0 {
		t.Fatalf("marking a seq beyond the last was accepted: %+v", res)
	}

	// Later, the sealed payload comes back from the node's tx search: with
	// the Go client, and with the CLI query the README shows.
	fetched, err := watch.FetchPayload(ctx, node.RPCURL(), 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if string(fetched.Payload) != string(got.Payload) {
		t.Fatalf("FetchPayload: %q", fetched.Payload)
	}
	var txs struct {
		Txs []struct {
			Events []e2e.Event `json:"events"`
		} `json:"txs"`
	}
	node.Query(t, &txs, "txs", "--query", `kizuna.messaging.v1.EventMessagePosted.thread_id='"1"'`)
	found := false
	for _, tx := range txs.Txs {
		for _, e := range tx.Events {
			if e.Type != "kizuna.messaging.v1.EventMessagePosted" {
				continue
			}
			for _, a := range e.Attributes {
				if a.Key == "payload" && strings.Trim(a.Value, `"`) == base64.StdEncoding.EncodeToString(fetched.Payload) {
					found = true
				}
			}
		}
	}
	if !found {
		t.Fatalf("tx search did not return the payload: %+v", txs)
	}

	requireInvariants(t, node)
}
