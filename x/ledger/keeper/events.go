package keeper

import (
	"context"
	"encoding/json"
	"strconv"

	abci "github.com/cometbft/cometbft/abci/types"
	gogoproto "github.com/cosmos/gogoproto/proto"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Every transfer emits two EventEntryRecorded and an EventTransferred.
// sdk.TypedEventToEvent renders a typed event by marshalling it to proto
// JSON by reflection and decoding that JSON into a map: for a transfer, this
// cost more than all its state reads, and made most of its garbage. The
// functions below build the very same sdk.Event field by field, as
// events_test.go checks against sdk.TypedEventToEvent itself: the event's
// proto name, then every field, defaults included, under its proto name in
// sorted order, valued as gogoproto's jsonpb writes it.

var (
	entryRecordedType = gogoproto.MessageName(&types.EventEntryRecorded{})
	transferredType   = gogoproto.MessageName(&types.EventTransferred{})
)

// emitEntryRecorded emits e as sdk.EventManager.EmitTypedEvent would.
func emitEntryRecorded(ctx context.Context, e *types.EventEntryRecorded) error {
	event, err := entryRecordedEvent(e)
	if err != nil {
		return err
	}
	sdk.UnwrapSDKContext(ctx).EventManager().EmitEvent(event)
	return nil
}

// emitTransferred emits e as sdk.EventManager.EmitTypedEvent would.
func emitTransferred(ctx context.Context, e *types.EventTransferred) error {
	event, err := transferredEvent(e)
	if err != nil {
		return err
	}
	sdk.UnwrapSDKContext(ctx).EventManager().EmitEvent(event)
	return nil
}

// entryRecordedEvent returns sdk.TypedEventToEvent(e).
func entryRecordedEvent(e *types.EventEntryRecorded) (sdk.Event, error) {
	b := eventBuilder{attrs: make([]abci.EventAttribute, 0, 10)}
	b.addString("account", e.Account)
	b.addInt("amount", e.Amount)
	b.addEnum("bridge_direction", int32(e.BridgeDirection), types.BridgeDirection_name)
	b.addUint64("community_id", e.CommunityId)
	b.addString("counterparty", e.Counterparty)
	b.addString("denom", e.Denom)
	b.addString("ethereum_address", e.EthereumAddress)
	b.addInt("fee", e.Fee)
	b.addUint64("id", e.Id)
	b.addEnum("type", int32(e.Type), types.EntryType_name)
	return b.event(entryRecordedType)
}

// transferredEvent returns sdk.TypedEventToEvent(e).
func transferredEvent(e *types.EventTransferred) (sdk.Event, error) {
	b := eventBuilder{attrs: make([]abci.EventAttribute, 0, 11)}
	b.addUint64("ad_id", e.AdId)
	b.addInt("amount", e.Amount)
	b.addUint64("community_id", e.CommunityId)
	b.addInt("credit_drawn", e.CreditDrawn)
	b.addInt("debt_repaid", e.DebtRepaid)
	b.addString("denom", e.Denom)
	b.addInt("fee", e.Fee)
	b.addString("memo", e.Memo)
	b.addUint64("payment_request_id", e.PaymentRequestId)
	b.addString("recipient", e.Recipient)
	b.addString("sender", e.Sender)
	return b.event(transferredType)
}

// eventBuilder collects an event's attributes, added in sorted key order,
// valued as jsonpb writes each kind of field. The first error sticks.
type eventBuilder struct {
	attrs []abci.EventAttribute
	err   error
}

// addString adds a string field: jsonpb writes it with encoding/json, which
// escapes HTML characters and replaces invalid UTF-8.
func (b *eventBuilder) addString(key, s string) {
	bz, err := json.Marshal(s)
	b.add(key, string(bz), err)
}

// addUint64 adds a uint64 field, quoted as proto JSON writes 64-bit
// integers.
func (b *eventBuilder) addUint64(key string, v uint64) {
	b.add(key, `"`+strconv.FormatUint(v, 10)+`"`, nil)
}

// addInt adds a math.Int field, written by its MarshalJSON.
func (b *eventBuilder) addInt(key string, i sdkmath.Int) {
	bz, err := i.MarshalJSON()
	b.add(key, string(bz), err)
}

// addEnum adds an enum field, v of the enum whose names are names, as
// jsonpb writes enums: the quoted name of a known value, the bare number of
// an unknown one.
func (b *eventBuilder) addEnum(key string, v int32, names map[int32]string) {
	if name, ok := names[v]; ok {
		b.add(key, `"`+name+`"`, nil)
		return
	}
	b.add(key, strconv.FormatInt(int64(v), 10), nil)
}

func (b *eventBuilder) add(key, value string, err error) {
	if b.err == nil {
		b.err = err
	}
	b.attrs = append(b.attrs, abci.EventAttribute{Key: key, Value: value})
}

// event returns the event of the given type, or the first error.
func (b *eventBuilder) event(eventType string) (sdk.Event, error) {
	if b.err != nil {
		return sdk.Event{}, b.err
	}
	return sdk.Event{Type: eventType, Attributes: b.attrs}, nil
}
