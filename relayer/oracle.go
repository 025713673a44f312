package relayer

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/cosmos/gogoproto/proto"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	sdkmath "cosmossdk.io/math"

	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// The contract's events that carry an event nonce: the ones the chain
// observes.
var (
	sendToCosmosTopic  = bridgeABI.GetABI().Events["SendToCosmos"].ID
	batchExecutedTopic = bridgeABI.GetABI().Events["BatchExecuted"].ID
)

// oracleState is where the oracle reads logs from next: the block of the
// last event it claimed (read again, its events filtered by nonce), or 0
// when it must find that block again.
type oracleState struct {
	scanFrom uint64
	claimed  uint64
}

// event is a contract event the oracle claims.
type event struct {
	nonce uint64
	block uint64
	msg   proto.Message
	kind  string
}

// oracleRound claims, in nonce order, the contract's events that are at
// least Confirmations blocks deep and that this validator has not claimed
// yet: it starts from the chain's record of the validator's last claimed
// nonce, so a restart resumes exactly where the chain says, and reads logs
// in ranges of at most LogRange blocks.
func (o *Orchestrator) oracleRound(ctx context.Context, st bridgeState) error {
	if !st.deployed {
		return nil
	}
	last, err := o.chain.Bridge.LastClaimNonce(ctx, &bridgetypes.QueryLastClaimNonceRequest{Validator: o.validator})
	if err != nil {
		return fmt.Errorf("last claim nonce: %w", err)
	}
	o.metrics.LastClaimedNonce.Set(float64(last.Nonce))
	head, err := o.eth.Client.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("ethereum head: %w", err)
	}
	o.metrics.EthereumHeight.Set(float64(head))
	if head < o.cfg.Confirmations {
		return nil
	}
	final := head - o.cfg.Confirmations
	if o.oracle.scanFrom == 0 || o.oracle.claimed != last.Nonce {
		from, err := o.findScanStart(ctx, st.contract, last.Nonce, final)
		if err != nil {
			return err
		}
		o.oracle = oracleState{scanFrom: from, claimed: last.Nonce}
	}

	var pending []event
	scanned := o.oracle.scanFrom
	for from := o.oracle.scanFrom; from <= final && len(pending) < o.cfg.MaxMsgsPerTx; {
		to := min(from+o.cfg.LogRange-1, final)
		events, err := o.events(ctx, st.contract, from, to)
		if err != nil {
			return err
		}
		for _, ev := range events {
			if ev.nonce <= last.Nonce+uint64(len(pending)) {
				continue
			}
			if ev.nonce != last.Nonce+uint64(len(pending))+1 {
				return fmt.Errorf("event nonce %d at block %d follows %d: an event is missing from the logs",
					ev.nonce, ev.block, last.Nonce+uint64(len(pending)))
			}
			if len(pending) < o.cfg.MaxMsgsPerTx {
				pending = append(pending, ev)
			}
		}
		if len(events) > 0 {
			o.metrics.ContractEventNonce.Set(float64(events[len(events)-1].nonce))
		}
		scanned = to + 1
		from = to + 1
	}
	if len(pending) == 0 {
		o.oracle.scanFrom = max(o.oracle.scanFrom, scanned)
		return nil
	}
	msgs := make([]proto.Message, len(pending))
	kinds := map[string]int{}
	for i, ev := range pending {
		msgs[i] = ev.msg
		kinds[ev.kind]++
	}
	hash, err := o.chain.Submit(ctx, msgs...)
	if err != nil {
		if errors.Is(err, bridgetypes.ErrNonContiguousNonce) {
			o.oracle.scanFrom = 0
		}
		return fmt.Errorf("claiming events %d..%d: %w", pending[0].nonce, pending[len(pending)-1].nonce, err)
	}
	lastEv := pending[len(pending)-1]
	o.oracle = oracleState{scanFrom: lastEv.block, claimed: lastEv.nonce}
	o.metrics.LastClaimedNonce.Set(float64(lastEv.nonce))
	for kind, n := range kinds {
		o.metrics.Claims.WithLabelValues(kind).Add(float64(n))
	}
	o.log.Info("claimed", "from_nonce", pending[0].nonce, "to_nonce", lastEv.nonce, "what", kinds, "tx", hash)
	return nil
}

// findScanStart returns the block of the event with nonce last, searching
// backwards from final in LogRange steps down to the contract's deployment
// height: the oracle reads forward from there.
func (o *Orchestrator) findScanStart(ctx context.Context, contract common.Address, last, final uint64) (uint64, error) {
	params, err := o.chain.Bridge.Params(ctx, &bridgetypes.QueryParamsRequest{})
	if err != nil {
		return 0, fmt.Errorf("bridge params: %w", err)
	}
	floor := max(params.Params.ContractHeight, 1)
	if last == 0 || final < floor {
		return floor, nil
	}
	for to := final; ; {
		from := floor
		if to >= floor+o.cfg.LogRange {
			from = to - o.cfg.LogRange + 1
		}
		events, err := o.events(ctx, contract, from, to)
		if err != nil {
			return 0, err
		}
		for _, ev := range events {
			if ev.nonce <= last {
				o.log.Info("resuming", "after_nonce", last, "from_block", ev.block)
				return ev.block, nil
			}
		}
		if from == floor {
			return floor, nil
		}
		to = from - 1
	}
}

// events reads the contract's nonce-carrying events in [from, to], in
// nonce order.
func (o *Orchestrator) events(ctx context.Context, contract common.Address, from, to uint64) ([]event, error) {
	logs, err := o.eth.Client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
		Addresses: []common.Address{contract},
		Topics:    [][]common.Hash{{sendToCosmosTopic, batchExecutedTopic}},
	})
	if err != nil {
		return nil, fmt.Errorf("eth_getLogs %d..%d: %w", from, to, err)
	}
	out := make([]event, 0, len(logs))
	for i := range logs {
		ev, err := o.claimOf(&logs[i])
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].nonce < out[j].nonce })
	return out, nil
}

// claimOf turns a log into the validator's claim of it.
func (o *Orchestrator) claimOf(l *types.Log) (event, error) {
	if l.Removed {
		return event{}, fmt.Errorf("log %s/%d was removed by a reorganisation", l.TxHash, l.Index)
	}
	switch l.Topics[0] {
	case sendToCosmosTopic:
		ev, err := bridgeABI.UnpackSendToCosmosEvent(l)
		if err != nil {
			return event{}, fmt.Errorf("SendToCosmos at block %d: %w", l.BlockNumber, err)
		}
		claim := bridgetypes.DepositClaim{
			EventNonce: ev.EventNonce.Uint64(), EthereumHeight: l.BlockNumber,
			TokenContract: ev.Token.Hex(), EthereumSender: ev.Sender.Hex(),
			// A destination that is not UTF-8 could not be carried in a
			// transaction; every orchestrator replaces its invalid bytes
			// the same way, and the chain sends what it cannot route to
			// the treasury.
			CosmosReceiver: strings.ToValidUTF8(ev.Destination, "?"),
			Amount:         sdkmath.NewIntFromBigInt(ev.Amount),
		}
		return event{
			nonce: claim.EventNonce, block: l.BlockNumber, kind: "deposit",
			msg: &bridgetypes.MsgDepositClaim{Orchestrator: o.chain.Address(), Claim: claim},
		}, nil
	case batchExecutedTopic:
		ev, err := bridgeABI.UnpackBatchExecutedEvent(l)
		if err != nil {
			return event{}, fmt.Errorf("BatchExecuted at block %d: %w", l.BlockNumber, err)
		}
		claim := bridgetypes.BatchExecutedClaim{
			EventNonce: ev.EventNonce.Uint64(), EthereumHeight: l.BlockNumber,
			TokenContract: ev.Token.Hex(), BatchNonce: ev.BatchNonce.Uint64(),
		}
		return event{
			nonce: claim.EventNonce, block: l.BlockNumber, kind: "batch_executed",
			msg: &bridgetypes.MsgBatchExecutedClaim{Orchestrator: o.chain.Address(), Claim: claim},
		}, nil
	default:
		return event{}, fmt.Errorf("unexpected log topic %s", l.Topics[0])
	}
}
