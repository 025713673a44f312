package load

import (
	"regexp"
	"strconv"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// account is a signing account of the driver: the funder or a load account.
// Its mutable fields are guarded by Driver.mu.
type account struct {
	key           Key
	address       string
	pubKey        *codectypes.Any
	accountNumber uint64

	// seq is the sequence its next transaction is signed with. Transactions
	// are pipelined: seq runs ahead of the chain's committed sequence by the
	// transactions accepted into a mempool and not yet committed.
	seq uint64
	// resync asks for seq to be read from the chain before the next send.
	resync bool
	// busy is set while one of its transactions is being broadcast: an
	// account broadcasts one transaction at a time, so that each learns the
	// outcome of the one before it.
	busy bool
	// pending counts its accepted transactions not yet committed or expired.
	pending int
	// endpoint is the gRPC endpoint it broadcasts to. It sticks, because
	// another node's mempool may not have seen the account's pending
	// transactions yet and would refuse the next sequence.
	endpoint int
}

func newAccount(key Key, endpoint int) (*account, error) {
	pub := key.PubKey()
	pubAny, err := codectypes.NewAnyWithValue(pub)
	if err != nil {
		return nil, err
	}
	address, err := addressCodec.BytesToString(sdk.AccAddress(pub.Address()))
	if err != nil {
		return nil, err
	}
	return &account{key: key, address: address, pubKey: pubAny, endpoint: endpoint}, nil
}

// sequenceMismatch matches the ante handler's error for a wrong sequence,
// which names the sequence the node expects.
var sequenceMismatch = regexp.MustCompile(`account sequence mismatch, expected (\d+), got (\d+)`)

// checkTxOutcome is what a CheckTx answer means for the sender.
type checkTxOutcome struct {
	// accepted is true if the transaction is in the node's mempool.
	accepted bool
	// next is the sequence of the sender's next transaction.
	next uint64
	// resync is true if next is unknown and must be read from the chain.
	resync bool
}

// afterCheckTx interprets the CheckTx answer to a transaction signed with
// sequence seq. An accepted transaction (code 0, or already in the node's
// cache) uses up its sequence; a refused one does not, since CheckTx writes
// nothing when the ante handler fails. A sequence mismatch names the
// sequence the node expects: the sender continues from there, or from the
// chain's sequence when the message cannot be read.
func afterCheckTx(seq uint64, codespace string, code uint32, log string) checkTxOutcome {
	if code == 0 || (codespace == sdkerrors.RootCodespace && code == sdkerrors.ErrTxInMempoolCache.ABCICode()) {
		return checkTxOutcome{accepted: true, next: seq + 1}
	}
	if codespace == sdkerrors.RootCodespace && code == sdkerrors.ErrWrongSequence.ABCICode() {
		if m := sequenceMismatch.FindStringSubmatch(log); m != nil {
			if expected, err := strconv.ParseUint(m[1], 10, 64); err == nil {
				return checkTxOutcome{next: expected}
			}
		}
		return checkTxOutcome{next: seq, resync: true}
	}
	return checkTxOutcome{next: seq}
}

// codeKey names an ABCI result code with its codespace, as the report
// counts them: "sdk/32", "ledger/7".
func codeKey(codespace string, code uint32) string {
	if codespace == "" {
		codespace = "?"
	}
	return codespace + "/" + strconv.FormatUint(uint64(code), 10)
}
