package relayer

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/query"

	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// relayState remembers when each contract call first became ready, for
// the relay delay.
type relayState struct {
	readySince map[string]time.Time
}

func newRelayState() relayState { return relayState{readySince: map[string]time.Time{}} }

// due reports whether a call ready now has waited the relay delay, so that
// relayers configured with different delays do not all pay for the same
// call: the contract accepts it once, and the others' estimates then fail
// with InvalidNonce or TokenExists and send nothing.
func (r *relayState) due(key string, delay time.Duration) bool {
	since, ok := r.readySince[key]
	if !ok {
		since = time.Now()
		r.readySince[key] = since
	}
	return time.Since(since) >= delay
}

// relayRound brings the contract up to date with the chain: valset
// updates in nonce order first (batches and deployments must be signed by
// the valset the contract holds), then token deployments, then batches
// that pay enough or are about to time out.
func (o *Orchestrator) relayRound(ctx context.Context, st bridgeState) error {
	if !st.deployed {
		return nil
	}
	if balance, err := o.eth.Client.BalanceAt(ctx, o.eth.From(), nil); err == nil {
		f, _ := new(big.Float).SetInt(balance).Float64()
		o.metrics.EthereumBalance.Set(f)
	}
	current, err := o.relayValsets(ctx, st)
	if err != nil {
		return err
	}
	if err := o.relayTokens(ctx, st, current); err != nil {
		return err
	}
	return o.relayBatches(ctx, st, current)
}

// relayValsets submits the chain's valsets the contract does not hold yet,
// in nonce order, and returns the valset the contract holds afterwards.
func (o *Orchestrator) relayValsets(ctx context.Context, st bridgeState) (bridgetypes.Valset, error) {
	latest := uint64(0)
	if st.info.LatestValset != nil {
		latest = st.info.LatestValset.Nonce
	}
	for {
		// Read the contract each time: whoever relayed the last one, it
		// moved on.
		current, err := o.contractValset(ctx, st.contract)
		if err != nil {
			return bridgetypes.Valset{}, err
		}
		o.metrics.ValsetLag.Set(float64(latest - min(latest, current.Nonce)))
		if current.Nonce >= latest {
			return current, nil
		}
		next, err := o.valset(ctx, current.Nonce+1)
		if err != nil {
			return current, err
		}
		confirms, err := o.valsetConfirms(ctx, next.Nonce)
		if err != nil {
			return current, err
		}
		sigs, enough := signatures(current, next.Checkpoint(o.bridgeID), confirms)
		key := fmt.Sprintf("valset/%d", next.Nonce)
		if !enough {
			o.log.Debug("valset waits for confirmations", "nonce", next.Nonce)
			return current, nil
		}
		if !o.relay.due(key, o.cfg.RelayDelay.Duration) {
			return current, nil
		}
		receipt, err := o.eth.Transact(ctx, st.contract, bridgeABI.PackUpdateValset(abiValset(next), abiValset(current), sigs))
		switch {
		case IsContractError(err, "InvalidNonce") || IsContractError(err, "IncorrectCheckpoint"):
			o.log.Info("valset already relayed", "nonce", next.Nonce)
		case err != nil:
			return current, fmt.Errorf("relaying valset %d: %w", next.Nonce, err)
		default:
			o.metrics.Relayed.WithLabelValues("valset").Inc()
			o.log.Info("relayed valset", "nonce", next.Nonce, "tx", receipt.TxHash, "gas", receipt.GasUsed)
		}
		delete(o.relay.readySince, key)
	}
}

// contractValset is the chain's valset whose nonce and checkpoint the
// contract holds.
func (o *Orchestrator) contractValset(ctx context.Context, contract common.Address) (bridgetypes.Valset, error) {
	nonce, err := o.eth.ValsetNonce(ctx, contract)
	if err != nil {
		return bridgetypes.Valset{}, fmt.Errorf("contract valset nonce: %w", err)
	}
	current, err := o.valset(ctx, nonce)
	if err != nil {
		return bridgetypes.Valset{}, fmt.Errorf("the contract holds valset %d: %w", nonce, err)
	}
	checkpoint, err := o.eth.ValsetCheckpoint(ctx, contract)
	if err != nil {
		return bridgetypes.Valset{}, err
	}
	if current.Checkpoint(o.bridgeID) != checkpoint {
		return bridgetypes.Valset{}, fmt.Errorf("the contract's checkpoint %s is not the chain's valset %d", checkpoint, nonce)
	}
	return current, nil
}

func (o *Orchestrator) valsetConfirms(ctx context.Context, nonce uint64) (map[common.Address]string, error) {
	out := map[common.Address]string{}
	err := forEachPage(func(page *query.PageRequest) (*query.PageResponse, error) {
		res, err := o.chain.Bridge.ValsetConfirms(ctx, &bridgetypes.QueryValsetConfirmsRequest{Nonce: nonce, Pagination: page})
		if err != nil {
			return nil, fmt.Errorf("valset %d confirmations: %w", nonce, err)
		}
		for _, c := range res.Confirms {
			out[common.HexToAddress(c.EthereumAddress)] = c.Signature
		}
		return res.Pagination, nil
	})
	return out, err
}

// relayTokens deploys the community currency tokens the contract lacks.
func (o *Orchestrator) relayTokens(ctx context.Context, st bridgeState, current bridgetypes.Valset) error {
	tokens, err := o.kizunaTokens(ctx)
	if err != nil {
		return err
	}
	for _, t := range tokens {
		deployed, err := o.eth.TokenOf(ctx, st.contract, t.Denom)
		if err != nil {
			return err
		}
		if deployed != (common.Address{}) {
			continue
		}
		confirms, err := o.tokenConfirms(ctx, t.Denom)
		if err != nil {
			return err
		}
		sigs, enough := signatures(current, tokenDeployHash(o.bridgeID, t), confirms)
		key := "token/" + t.Denom
		if !enough || !o.relay.due(key, o.cfg.RelayDelay.Duration) {
			continue
		}
		data := bridgeABI.PackDeployToken(abiValset(current), sigs, t.Denom, t.Name, t.Symbol, uint8(t.Decimals))
		receipt, err := o.eth.Transact(ctx, st.contract, data)
		switch {
		case IsContractError(err, "TokenExists"):
			o.log.Info("token already deployed", "denom", t.Denom)
		case err != nil:
			return fmt.Errorf("deploying the token of %s: %w", t.Denom, err)
		default:
			o.metrics.Relayed.WithLabelValues("token").Inc()
			o.log.Info("deployed token", "denom", t.Denom, "token", t.TokenContract, "tx", receipt.TxHash, "gas", receipt.GasUsed)
		}
		delete(o.relay.readySince, key)
	}
	return nil
}

// relayBatches submits each outstanding batch that the contract has not
// executed, that has not timed out, that carries enough signatures of the
// contract's valset, and whose fees reach the configured minimum or whose
// timeout is near.
func (o *Orchestrator) relayBatches(ctx context.Context, st bridgeState, current bridgetypes.Valset) error {
	head, err := o.eth.Client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	batches, err := o.batches(ctx)
	if err != nil {
		return err
	}
	for _, b := range batches {
		token := common.HexToAddress(b.TokenContract)
		executed, err := o.eth.LastBatchNonce(ctx, st.contract, token)
		if err != nil {
			return err
		}
		if b.Nonce <= executed || head >= b.Timeout {
			continue
		}
		hash, transfers, err := o.batchHash(ctx, b)
		if err != nil {
			return err
		}
		confirms, err := o.batchConfirms(ctx, b)
		if err != nil {
			return err
		}
		sigs, enough := signatures(current, hash, confirms)
		if !enough {
			continue
		}
		fees := sdkmath.ZeroInt()
		for _, t := range transfers {
			fees = fees.Add(sdkmath.NewIntFromBigInt(t.Fee))
		}
		if fees.LT(o.cfg.minBatchFee(token)) && head+o.cfg.TimeoutMarginBlocks < b.Timeout {
			o.log.Debug("batch waits for fees or its timeout", "token", b.TokenContract, "nonce", b.Nonce, "fees", fees)
			continue
		}
		key := fmt.Sprintf("batch/%s/%d/%d", b.TokenContract, b.Nonce, b.Timeout)
		if !o.relay.due(key, o.cfg.RelayDelay.Duration) {
			continue
		}
		destinations := make([]common.Address, len(transfers))
		amounts := make([]*big.Int, len(transfers))
		feeList := make([]*big.Int, len(transfers))
		for i, t := range transfers {
			destinations[i], amounts[i], feeList[i] = t.Destination, t.Amount, t.Fee
		}
		data := bridgeABI.PackSubmitBatch(abiValset(current), sigs, token,
			new(big.Int).SetUint64(b.Nonce), new(big.Int).SetUint64(b.Timeout), destinations, amounts, feeList)
		receipt, err := o.eth.Transact(ctx, st.contract, data)
		switch {
		case IsContractError(err, "InvalidNonce"):
			o.log.Info("batch already relayed", "token", b.TokenContract, "nonce", b.Nonce)
		case err != nil:
			return fmt.Errorf("relaying batch %d of %s: %w", b.Nonce, b.TokenContract, err)
		default:
			o.metrics.Relayed.WithLabelValues("batch").Inc()
			o.log.Info("relayed batch", "token", b.TokenContract, "nonce", b.Nonce, "transfers", len(transfers),
				"fees", fees, "tx", receipt.TxHash, "gas", receipt.GasUsed)
		}
		delete(o.relay.readySince, key)
	}
	return nil
}
