package watch_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtquery "github.com/cometbft/cometbft/libs/pubsub/query"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/messaging/client/seal"
	"github.com/kizuna-chain/kizuna/x/messaging/client/watch"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// postedEvent returns the ABCI event the keeper emits for a message, with the
// msg_index attribute baseapp adds.
func postedEvent(t *testing.T, thread, seq uint64, payload []byte) abci.Event {
	t.Helper()
	sum := sha256.Sum256(payload)
	e, err := sdk.TypedEventToEvent(&types.EventMessagePosted{
		ThreadId: thread, Seq: seq, Sender: "kizuna1sender", ContentSha256: sum[:], Payload: payload,
		CommunityId: 4, Time: time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC),
	})
	require.NoError(t, err)
	e.Attributes = append(e.Attributes, abci.EventAttribute{Key: "msg_index", Value: "0"})
	return abci.Event(e)
}

// flatten indexes events as CometBFT does for subscriptions.
func flatten(events []abci.Event) map[string][]string {
	out := map[string][]string{"tm.event": {"Tx"}}
	for _, e := range events {
		for _, a := range e.Attributes {
			key := e.Type + "." + a.Key
			out[key] = append(out[key], a.Value)
		}
	}
	return out
}

func TestQuery_MatchesTheTypedEventOfItsThreadOnly(t *testing.T) {
	require.Equal(t, `tm.event='Tx' AND kizuna.messaging.v1.EventMessagePosted.thread_id='"7"'`, watch.Query(7))
	require.Equal(t,
		`kizuna.messaging.v1.EventMessagePosted.thread_id='"7"' AND kizuna.messaging.v1.EventMessagePosted.seq='"2"'`,
		watch.SearchQuery(7, 2))

	q, err := cmtquery.New(watch.Query(7))
	require.NoError(t, err)
	ok, err := q.Matches(flatten([]abci.Event{postedEvent(t, 7, 1, []byte("hi"))}))
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = q.Matches(flatten([]abci.Event{postedEvent(t, 17, 1, []byte("hi"))}))
	require.NoError(t, err)
	require.False(t, ok, "thread 17 is not thread 7")

	s, err := cmtquery.New(watch.SearchQuery(7, 2))
	require.NoError(t, err)
	ok, err = s.Matches(flatten([]abci.Event{postedEvent(t, 7, 2, []byte("hi"))}))
	require.NoError(t, err)
	require.True(t, ok)
}

func TestDecodeMessages_ReturnsThePayloads(t *testing.T) {
	payload := []byte{0xff, 0x00, 'a'}
	events := []abci.Event{
		{Type: "message", Attributes: []abci.EventAttribute{{Key: "action", Value: "/kizuna.messaging.v1.MsgPostMessage"}}},
		postedEvent(t, 7, 3, payload),
		postedEvent(t, 8, 1, []byte("other")),
	}
	msgs, err := watch.DecodeMessages(events, 42, "ABCD")
	require.NoError(t, err)
	require.Len(t, msgs, 2)
	m := msgs[0]
	require.Equal(t, uint64(7), m.ThreadID)
	require.Equal(t, uint64(3), m.Seq)
	require.Equal(t, uint64(4), m.CommunityID)
	require.Equal(t, "kizuna1sender", m.Sender)
	require.Equal(t, payload, m.Payload)
	require.Equal(t, int64(42), m.Height)
	require.Equal(t, "ABCD", m.TxHash)
	require.Equal(t, time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC), m.Time.UTC())

	found, ok := watch.Find(msgs, 8, 1)
	require.True(t, ok)
	require.Equal(t, []byte("other"), found.Payload)
	_, ok = watch.Find(msgs, 8, 2)
	require.False(t, ok)
	msgs[0].Payload = []byte("tampered")
	_, ok = watch.Find(msgs, 7, 3)
	require.False(t, ok, "a payload that does not match its digest is not returned")

	_, err = watch.DecodeMessages([]abci.Event{{Type: watch.EventType, Attributes: []abci.EventAttribute{{Key: "seq", Value: "{"}}}}, 1, "")
	require.Error(t, err)
}

func TestPrintMessage_OneLinePerMessage(t *testing.T) {
	m := watch.Message{
		ThreadID: 7, Seq: 3, Sender: "kizuna1sender", CommunityID: 4, Payload: []byte("hello"),
		ContentSha256: []byte{0xab}, Time: time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC), Height: 42, TxHash: "ABCD",
	}
	var out bytes.Buffer
	require.NoError(t, watch.PrintMessage(&out, m, false, nil))
	require.Equal(t, "3 kizuna1sender 2025-04-01T09:30:00Z hello\n", out.String())

	out.Reset()
	require.NoError(t, watch.PrintMessage(&out, m, true, nil))
	var j map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &j))
	require.Equal(t, "7", j["thread_id"])
	require.Equal(t, "3", j["seq"])
	require.Equal(t, "aGVsbG8=", j["payload"])
	require.Equal(t, "hello", j["payload_text"])
	require.Equal(t, "ab", j["content_sha256"])
	require.Equal(t, "42", j["height"])

	require.Equal(t, false, j["sealed"])

	require.Equal(t, "base64:/wA=", watch.FormatPayload([]byte{0xff, 0x00}))
	require.Equal(t, `"two\nlines"`, watch.FormatPayload([]byte("two\nlines")))
}

func TestPrintMessage_OpensSealedPayloadsWithTheReadersKey(t *testing.T) {
	reader, other := [32]byte{8: 1}, [32]byte{8: 2}
	pub, err := seal.PublicKey(reader)
	require.NoError(t, err)
	payload, err := seal.Seal([]byte("see you at 8"), [][32]byte{pub})
	require.NoError(t, err)
	m := watch.Message{Seq: 1, Sender: "kizuna1sender", Payload: payload, Time: time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC)}
	opener := func(key [32]byte) watch.Opener {
		return func(p []byte) ([]byte, error) { return seal.Open(p, key) }
	}

	var out bytes.Buffer
	require.NoError(t, watch.PrintMessage(&out, m, false, opener(reader)))
	require.Equal(t, "1 kizuna1sender 2025-04-01T09:30:00Z see you at 8\n", out.String())

	out.Reset()
	require.NoError(t, watch.PrintMessage(&out, m, false, nil))
	require.Equal(t, "1 kizuna1sender 2025-04-01T09:30:00Z [sealed; --from opens it]\n", out.String())

	out.Reset()
	require.NoError(t, watch.PrintMessage(&out, m, true, opener(other)))
	var j map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &j))
	require.Equal(t, true, j["sealed"])
	require.Nil(t, j["payload_text"], "nothing is shown of a payload the key does not open")
	require.Equal(t, seal.ErrNotForKey.Error(), j["open_error"])

	out.Reset()
	require.NoError(t, watch.PrintMessage(&out, m, true, opener(reader)))
	require.NoError(t, json.Unmarshal(out.Bytes(), &j))
	require.Equal(t, "see you at 8", j["payload_text"])
}

func TestNewWatchCmd_TakesAThreadID(t *testing.T) {
	cmd := watch.NewWatchCmd()
	require.Equal(t, "watch", cmd.Name())
	require.NotNil(t, cmd.Flags().Lookup("node"))
	require.NotNil(t, cmd.Flags().Lookup("output"))
	require.Error(t, cmd.Args(cmd, nil))
	cmd.SetArgs([]string{"x"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	require.ErrorContains(t, cmd.Execute(), "thread id")
}
