// Package watch delivers the messages of a thread in real time from the
// CometBFT websocket of a node, and fetches past payloads by tx search: the
// chain keeps only message metadata, the payload lives in the transaction
// and its EventMessagePosted.
package watch

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// EventType is the type of the typed event carrying each message.
var EventType = proto.MessageName(&types.EventMessagePosted{})

// ErrNotFound is returned by FetchPayload when no transaction holds the
// message.
var ErrNotFound = errors.New("message not found by tx search")

// Message is a message as a transaction delivered it.
type Message struct {
	ThreadID      uint64
	Seq           uint64
	Sender        string
	CommunityID   uint64
	ContentSha256 []byte
	Payload       []byte
	Time          time.Time
	Height        int64
	// TxHash is the hex hash of the transaction that posted it.
	TxHash string
}

// Query returns the websocket subscription to the messages of a thread.
// Typed-event attribute values are JSON, so a uint64 is a quoted string:
// thread_id='"7"'.
func Query(threadID uint64) string {
	return fmt.Sprintf("tm.event='Tx' AND %s", attrCondition("thread_id", threadID))
}

// SearchQuery returns the tx_search query of one message.
func SearchQuery(threadID, seq uint64) string {
	return attrCondition("thread_id", threadID) + " AND " + attrCondition("seq", seq)
}

func attrCondition(attr string, v uint64) string {
	return fmt.Sprintf(`%s.%s='"%d"'`, EventType, attr, v)
}

// DecodeMessages returns the messages in the events of one transaction,
// included at height with hash txHash. Other events are skipped; a
// malformed EventMessagePosted is an error.
func DecodeMessages(events []abci.Event, height int64, txHash string) ([]Message, error) {
	var out []Message
	for _, e := range events {
		if e.Type != EventType {
			continue
		}
		parsed, err := sdk.ParseTypedEvent(e)
		if err != nil {
			return nil, fmt.Errorf("decode %s: %w", EventType, err)
		}
		ev, ok := parsed.(*types.EventMessagePosted)
		if !ok {
			return nil, fmt.Errorf("decode %s: got %T", EventType, parsed)
		}
		out = append(out, Message{
			ThreadID:      ev.ThreadId,
			Seq:           ev.Seq,
			Sender:        ev.Sender,
			CommunityID:   ev.CommunityId,
			ContentSha256: ev.ContentSha256,
			Payload:       ev.Payload,
			Time:          ev.Time,
			Height:        height,
			TxHash:        txHash,
		})
	}
	return out, nil
}

// subscriber names the subscription on the node.
const subscriber = "kizuna-messaging-watch"

// Watch subscribes on the websocket of the node at rpcURL (for example
// tcp://localhost:26657) and calls fn with every message posted in the
// thread, in commit order, until ctx ends (it then returns ctx.Err()), fn
// returns an error (returned), or the subscription breaks.
func Watch(ctx context.Context, rpcURL string, threadID uint64, fn func(Message) error) error {
	c, err := rpchttp.New(rpcURL, "/websocket")
	if err != nil {
		return fmt.Errorf("rpc client: %w", err)
	}
	if err := c.Start(); err != nil {
		return fmt.Errorf("connect websocket: %w", err)
	}
	defer func() { _ = c.Stop() }()

	events, err := c.Subscribe(ctx, subscriber, Query(threadID))
	if err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	defer func() {
		unsubscribeCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = c.UnsubscribeAll(unsubscribeCtx, subscriber)
	}()

	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-events:
			if !ok {
				return errors.New("subscription closed by the node")
			}
			data, ok := ev.Data.(cmttypes.EventDataTx)
			if !ok {
				continue
			}
			msgs, err := DecodeMessages(data.Result.Events, data.Height, txHash(data.Tx))
			if err != nil {
				return err
			}
			for _, m := range msgs {
				if m.ThreadID != threadID {
					continue
				}
				if err := fn(m); err != nil {
					return err
				}
			}
		}
	}
}

// FetchPayload finds a past message, payload included, with the tx search of
// the node at rpcURL; the node must index transactions (tx_index.indexer
// "kv", the default). It returns an error wrapping ErrNotFound if no
// transaction holds it with a payload matching its digest.
func FetchPayload(ctx context.Context, rpcURL string, threadID, seq uint64) (Message, error) {
	c, err := rpchttp.New(rpcURL, "/websocket")
	if err != nil {
		return Message{}, fmt.Errorf("rpc client: %w", err)
	}
	page, perPage := 1, 10
	res, err := c.TxSearch(ctx, SearchQuery(threadID, seq), false, &page, &perPage, "asc")
	if err != nil {
		return Message{}, fmt.Errorf("tx search: %w", err)
	}
	for _, tx := range res.Txs {
		msgs, err := DecodeMessages(tx.TxResult.Events, tx.Height, tx.Hash.String())
		if err != nil {
			return Message{}, err
		}
		if m, ok := Find(msgs, threadID, seq); ok {
			return m, nil
		}
	}
	return Message{}, fmt.Errorf("%w: thread %d seq %d", ErrNotFound, threadID, seq)
}

// Find returns the message of a thread with seq among msgs, if its payload
// matches its digest.
func Find(msgs []Message, threadID, seq uint64) (Message, bool) {
	for _, m := range msgs {
		if m.ThreadID != threadID || m.Seq != seq {
			continue
		}
		sum := sha256.Sum256(m.Payload)
		if string(sum[:]) != string(m.ContentSha256) {
			continue
		}
		return m, true
	}
	return Message{}, false
}

func txHash(tx cmttypes.Tx) string {
	return strings.ToUpper(fmt.Sprintf("%X", tx.Hash()))
}
