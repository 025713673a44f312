package speedtest

import (
	"crypto/sha256"
	"fmt"
	"strings"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/app"
	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	amplifytypes "github.com/kizuna-chain/kizuna/x/amplify/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
	messagingtypes "github.com/kizuna-chain/kizuna/x/messaging/types"
)

// Workload names, in the order Run measures them. BankSend comes first: it
// is the baseline the others are compared with.
const (
	BankSend       = "bank-send"
	BankSendToken  = "bank-send-token"
	LedgerTransfer = "ledger-transfer"
	AdsCreate      = "ads-create"
	MessagingPost  = "messaging-post"
	AmplifySubmit  = "amplify-submit"
)

// payload is the body of every benchmark message: 256 bytes, about what an
// encrypted chat message carries.
var payload = []byte(strings.Repeat("kizuna bench payload, end-to-end encrypted by clients. ", 5)[:256])

// workload is one kind of transaction, repeated.
type workload struct {
	name string
	// what describes the transaction for the report.
	what string
	// gas is the gas limit of each transaction, about 1.3 times what it
	// uses, as a wallet's simulation would set it; the fee pays it at the
	// chain's minimum gas price.
	gas uint64
	// msg returns the message of transaction n (counted across blocks), sent
	// by account from; to is another account, for workloads that need one.
	msg func(f *fixture, n, from, to int) (sdk.Msg, error)
}

var workloads = []workload{
	{
		name: BankSend, what: "x/bank MsgSend of 1ukiz", gas: 90_000,
		msg: func(f *fixture, _, from, to int) (sdk.Msg, error) {
			return banktypes.NewMsgSend(f.accounts[from].addr, f.accounts[to].addr,
				sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1))), nil
		},
	},
	{
		// A ledger transfer writes three balances: the sender's and the
		// recipient's in the currency, and the sender's ukiz for the fee. A
		// bank send of ukiz writes two. This send writes the same three as a
		// ledger transfer, and nothing of the ledger's.
		name: BankSendToken, what: "x/bank MsgSend of 1" + tokenDenom + ", a token outside the ledger, fee in ukiz", gas: 90_000,
		msg: func(f *fixture, _, from, to int) (sdk.Msg, error) {
			return banktypes.NewMsgSend(f.accounts[from].addr, f.accounts[to].addr,
				sdk.NewCoins(sdk.NewInt64Coin(tokenDenom, 1))), nil
		},
	},
	{
		name: LedgerTransfer, what: "x/ledger MsgTransfer of 1.00 BNCH between members, with a memo", gas: 130_000,
		msg: func(f *fixture, n, from, to int) (sdk.Msg, error) {
			return &ledgertypes.MsgTransfer{
				Sender: f.accounts[from].bech32, Recipient: f.accounts[to].bech32, CommunityId: communityID,
				Amount: sdkmath.NewInt(100), Memo: fmt.Sprintf("bench transfer %d", n),
			}, nil
		},
	},
	{
		name: AdsCreate, what: "x/ads MsgCreateAd (GIVE, priced)", gas: 110_000,
		msg: func(f *fixture, n, from, _ int) (sdk.Msg, error) {
			return &adstypes.MsgCreateAd{
				Owner: f.accounts[from].bech32, CommunityId: communityID, Type: adstypes.AdTypeGive,
				Title: fmt.Sprintf("Bench ad %d", n), Description: "Vegetables from the garden, picked this morning.",
				Price: sdkmath.NewInt(250), Location: "Kaga", Category: "food",
			}, nil
		},
	},
	{
		name: MessagingPost, what: "x/messaging MsgPostMessage of 256 bytes in the sender's DIRECT thread", gas: 90_000,
		msg: func(f *fixture, _, from, _ int) (sdk.Msg, error) {
			sum := sha256.Sum256(payload)
			return &messagingtypes.MsgPostMessage{
				Sender: f.accounts[from].bech32, ThreadId: f.threadOf(from), ContentSha256: sum[:], Payload: payload,
			}, nil
		},
	},
	{
		name: AmplifySubmit, what: "x/amplify MsgSubmitAmplify, EIP-712 signed by the sender's Ethereum key, distinct href", gas: 125_000,
		msg: func(f *fixture, n, from, _ int) (sdk.Msg, error) {
			sm, err := ethsign.Sign(amplifytypes.Content{
				Title: fmt.Sprintf("Bench link %d", n), Href: fmt.Sprintf("https://example.com/kizuna-bench/%d", n),
				Type: amplifytypes.TypeAmplify, Timestamp: uint64(genesisTime.Unix()),
			}, f.accounts[from].eth)
			if err != nil {
				return nil, err
			}
			return amplifytypes.NewMsgSubmitAmplify(f.accounts[from].bech32, sm), nil
		},
	},
}

// WorkloadNames returns the names of every workload, in the order Run
// measures them.
func WorkloadNames() []string {
	names := make([]string, len(workloads))
	for i, w := range workloads {
		names[i] = w.name
	}
	return names
}

// lookupWorkload returns the workload called name.
func lookupWorkload(name string) (workload, error) {
	for _, w := range workloads {
		if w.name == name {
			return w, nil
		}
	}
	return workload{}, fmt.Errorf("unknown workload %q; known: %s", name, strings.Join(WorkloadNames(), ", "))
}
