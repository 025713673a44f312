package keeper

import (
	"math"
	"testing"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// awkwardStrings are strings whose JSON form differs from their Go form:
// HTML characters, quotes and escapes, control characters, line
// separators, invalid UTF-8, and the empty string.
var awkwardStrings = []string{
	"", "kizuna1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du", "cc/1/GDD", "a gift",
	`<script>alert("&")</script>`, `quote " backslash \ slash /`, "tab\tnew\nline\rcr\b\f",
	"\x00\x01\x1f\x7f", "\u2028\u2029", "\xff\xfe invalid", "日本語 🌸", "\u00e9\u0301",
}

// requireSameEvent fails unless built is what sdk.TypedEventToEvent makes of
// typed.
func requireSameEvent(t *testing.T, typed gogoproto.Message, built sdk.Event, err error) {
	t.Helper()
	want, wantErr := sdk.TypedEventToEvent(typed)
	require.NoError(t, wantErr)
	require.NoError(t, err)
	require.Equal(t, want, built)
}

func TestEntryRecordedEvent_IsTheTypedEvent(t *testing.T) {
	amounts := []sdkmath.Int{{}, sdkmath.ZeroInt(), sdkmath.NewInt(25), sdkmath.NewInt(-7), sdkmath.NewIntFromUint64(math.MaxUint64).MulRaw(1 << 40)}
	entryTypes := []types.EntryType{
		types.EntryTypeUnspecified, types.EntryTypeCreation, types.EntryTypeSend, types.EntryTypeReceive,
		types.EntryTypeFee, types.EntryTypeDecay, types.EntryTypeBridge, types.EntryType(99), types.EntryType(-1),
	}
	directions := []types.BridgeDirection{
		types.BridgeDirectionUnspecified, types.BridgeDirectionOut, types.BridgeDirectionIn, types.BridgeDirectionRefund,
		types.BridgeDirection(7), types.BridgeDirection(-2),
	}
	for i, s := range awkwardStrings {
		for j, entryType := range entryTypes {
			e := &types.EventEntryRecorded{
				Id: uint64(i * j), Account: s, Type: entryType, CommunityId: math.MaxUint64 - uint64(j),
				Denom: awkwardStrings[(i+1)%len(awkwardStrings)], Counterparty: awkwardStrings[(i+2)%len(awkwardStrings)],
				Amount: amounts[(i+j)%len(amounts)], EthereumAddress: awkwardStrings[(i+3)%len(awkwardStrings)],
				BridgeDirection: directions[(i+j)%len(directions)], Fee: amounts[(i+2*j)%len(amounts)],
			}
			built, err := entryRecordedEvent(e)
			requireSameEvent(t, e, built, err)
		}
	}
}

func TestTransferredEvent_IsTheTypedEvent(t *testing.T) {
	for i, s := range awkwardStrings {
		e := &types.EventTransferred{
			CommunityId: uint64(i), Denom: awkwardStrings[(i+1)%len(awkwardStrings)],
			Sender: awkwardStrings[(i+2)%len(awkwardStrings)], Recipient: awkwardStrings[(i+3)%len(awkwardStrings)],
			Amount: sdkmath.NewInt(int64(i) * 1_000_000_007), Memo: s, AdId: math.MaxUint64 - uint64(i),
		}
		if i%2 == 0 {
			e.Fee = sdkmath.NewInt(int64(i))
		}
		if i%3 != 0 { // mutual credit and payment requests
			e.CreditDrawn, e.DebtRepaid, e.PaymentRequestId = sdkmath.NewInt(int64(i)*7), sdkmath.NewInt(int64(i)%2), uint64(i)<<40
		}
		built, err := transferredEvent(e)
		requireSameEvent(t, e, built, err)
	}
}

func FuzzEntryRecordedEvent(f *testing.F) {
	for i, s := range awkwardStrings {
		f.Add(uint64(i), s, int32(i%8), uint64(i), "cc/1/GDD", s, int64(i)-3, "0x52908400098527886E0F7030069857D2E4169EE7", int32(i%5), int64(i))
	}
	f.Fuzz(func(t *testing.T, id uint64, account string, entryType int32, communityID uint64, denom, counterparty string, amount int64,
		ethereumAddress string, direction int32, fee int64,
	) {
		e := &types.EventEntryRecorded{
			Id: id, Account: account, Type: types.EntryType(entryType), CommunityId: communityID,
			Denom: denom, Counterparty: counterparty, Amount: sdkmath.NewInt(amount),
			EthereumAddress: ethereumAddress, BridgeDirection: types.BridgeDirection(direction), Fee: sdkmath.NewInt(fee),
		}
		built, err := entryRecordedEvent(e)
		requireSameEvent(t, e, built, err)
	})
}

func FuzzTransferredEvent(f *testing.F) {
	for i, s := range awkwardStrings {
		f.Add(uint64(i), "cc/1/GDD", s, s, int64(i), int64(i)/2, s, uint64(i), int64(i)*3, -int64(i), uint64(i)<<33)
	}
	f.Fuzz(func(t *testing.T, communityID uint64, denom, sender, recipient string, amount, fee int64, memo string, adID uint64,
		creditDrawn, debtRepaid int64, requestID uint64,
	) {
		e := &types.EventTransferred{
			CommunityId: communityID, Denom: denom, Sender: sender, Recipient: recipient,
			Amount: sdkmath.NewInt(amount), Fee: sdkmath.NewInt(fee), Memo: memo, AdId: adID,
			CreditDrawn: sdkmath.NewInt(creditDrawn), DebtRepaid: sdkmath.NewInt(debtRepaid), PaymentRequestId: requestID,
		}
		built, err := transferredEvent(e)
		requireSameEvent(t, e, built, err)
	})
}
