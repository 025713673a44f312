package relayer

import (
	"context"
	"fmt"
	"math/big"

	"github.com/cosmos/gogoproto/proto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/contracts"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// signerState remembers what this validator has already confirmed, so
// that a round asks the chain only about new items. It is a cache: after
// a restart the chain's confirmations are read again.
type signerState struct {
	done map[string]bool
}

func newSignerState() signerState { return signerState{done: map[string]bool{}} }

// maxValsetsPerRound bounds the valsets one signer round looks at when
// the contract is far behind the chain.
const maxValsetsPerRound = 50

// signRound confirms, with the validator's Ethereum key, every valset the
// contract still needs (or the latest one before the contract exists),
// every community currency token not deployed yet and every outstanding
// batch, recomputing each hash from the chain's data rather than trusting
// a hash the node reports.
func (o *Orchestrator) signRound(ctx context.Context, st bridgeState) error {
	var (
		msgs  []proto.Message
		keys  []string
		kinds = map[string]int{}
	)
	add := func(kind, key string, msg proto.Message) bool {
		msgs = append(msgs, msg)
		keys = append(keys, key)
		kinds[kind]++
		return len(msgs) < o.cfg.MaxMsgsPerTx
	}
	more, err := o.signValsets(ctx, st, add)
	if err != nil {
		return err
	}
	if more && st.deployed {
		if more, err = o.signTokens(ctx, st, add); err != nil {
			return err
		}
	}
	if more {
		if err := o.signBatches(ctx, add); err != nil {
			return err
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	hash, err := o.chain.Submit(ctx, msgs...)
	if err != nil {
		return fmt.Errorf("confirming %v: %w", kinds, err)
	}
	for _, k := range keys {
		o.signer.done[k] = true
	}
	for kind, n := range kinds {
		o.metrics.Confirmations.WithLabelValues(kind).Add(float64(n))
	}
	o.log.Info("confirmed", "what", kinds, "tx", hash)
	return nil
}

func (o *Orchestrator) signValsets(ctx context.Context, st bridgeState, add func(kind, key string, msg proto.Message) bool) (bool, error) {
	latest := st.info.LatestValset
	if latest == nil {
		return true, nil
	}
	from := latest.Nonce
	if st.deployed {
		onEthereum, err := o.eth.ValsetNonce(ctx, st.contract)
		if err != nil {
			return false, fmt.Errorf("contract valset nonce: %w", err)
		}
		if onEthereum < latest.Nonce {
			from = max(onEthereum+1, latest.Nonce-min(latest.Nonce, maxValsetsPerRound-1))
		}
	}
	for n := from; n <= latest.Nonce; n++ {
		key := fmt.Sprintf("valset/%d", n)
		if o.signer.done[key] {
			continue
		}
		confirmed, err := o.confirmedValset(ctx, n)
		if err != nil {
			return false, err
		}
		if confirmed {
			o.signer.done[key] = true
			continue
		}
		v, err := o.valset(ctx, n)
		if err != nil {
			return false, err
		}
		sig, err := contracts.Sign(v.Checkpoint(o.bridgeID), o.keys.Ethereum)
		if err != nil {
			return false, err
		}
		msg := &bridgetypes.MsgConfirmValset{Orchestrator: o.chain.Address(), Nonce: n, Signature: hexutil.Encode(sig)}
		if !add("valset", key, msg) {
			return false, nil
		}
	}
	return true, nil
}

func (o *Orchestrator) confirmedValset(ctx context.Context, nonce uint64) (bool, error) {
	found := false
	err := forEachPage(func(page *query.PageRequest) (*query.PageResponse, error) {
		res, err := o.chain.Bridge.ValsetConfirms(ctx, &bridgetypes.QueryValsetConfirmsRequest{Nonce: nonce, Pagination: page})
		if err != nil {
			return nil, fmt.Errorf("valset %d confirmations: %w", nonce, err)
		}
		for _, c := range res.Confirms {
			if c.Validator == o.validator {
				found = true
				return nil, nil
			}
		}
		return res.Pagination, nil
	})
	return found, err
}

func (o *Orchestrator) signTokens(ctx context.Context, st bridgeState, add func(kind, key string, msg proto.Message) bool) (bool, error) {
	tokens, err := o.kizunaTokens(ctx)
	if err != nil {
		return false, err
	}
	for _, t := range tokens {
		key := "token/" + t.Denom
		if o.signer.done[key] {
			continue
		}
		deployed, err := o.eth.TokenOf(ctx, st.contract, t.Denom)
		if err != nil {
			return false, fmt.Errorf("contract token of %s: %w", t.Denom, err)
		}
		if deployed != (common.Address{}) {
			o.signer.done[key] = true
			continue
		}
		confirms, err := o.tokenConfirms(ctx, t.Denom)
		if err != nil {
			return false, err
		}
		if _, ok := confirms[o.keys.EthereumAddress()]; ok {
			o.signer.done[key] = true
			continue
		}
		sig, err := contracts.Sign(tokenDeployHash(o.bridgeID, t), o.keys.Ethereum)
		if err != nil {
			return false, err
		}
		msg := &bridgetypes.MsgConfirmTokenDeployment{Orchestrator: o.chain.Address(), Denom: t.Denom, Signature: hexutil.Encode(sig)}
		if !add("token", key, msg) {
			return false, nil
		}
	}
	return true, nil
}

func tokenDeployHash(bridgeID [32]byte, t bridgetypes.BridgeToken) common.Hash {
	return contracts.DeployTokenHash(bridgeID, t.Denom, t.Name, t.Symbol, uint8(t.Decimals))
}

// kizunaTokens are the chain's community currency tokens, which the
// contract deploys.
func (o *Orchestrator) kizunaTokens(ctx context.Context) ([]bridgetypes.BridgeToken, error) {
	var out []bridgetypes.BridgeToken
	err := forEachPage(func(page *query.PageRequest) (*query.PageResponse, error) {
		res, err := o.chain.Bridge.Tokens(ctx, &bridgetypes.QueryTokensRequest{Pagination: page})
		if err != nil {
			return nil, fmt.Errorf("tokens: %w", err)
		}
		for _, t := range res.Tokens {
			if t.Origin == bridgetypes.TokenOriginKizuna {
				out = append(out, t)
			}
		}
		return res.Pagination, nil
	})
	return out, err
}

func (o *Orchestrator) tokenConfirms(ctx context.Context, denom string) (map[common.Address]string, error) {
	out := map[common.Address]string{}
	err := forEachPage(func(page *query.PageRequest) (*query.PageResponse, error) {
		res, err := o.chain.Bridge.TokenDeployConfirms(ctx, &bridgetypes.QueryTokenDeployConfirmsRequest{Denom: denom, Pagination: page})
		if err != nil {
			return nil, fmt.Errorf("deployment confirmations of %s: %w", denom, err)
		}
		for _, c := range res.Confirms {
			out[common.HexToAddress(c.EthereumAddress)] = c.Signature
		}
		return res.Pagination, nil
	})
	return out, err
}

func (o *Orchestrator) signBatches(ctx context.Context, add func(kind, key string, msg proto.Message) bool) error {
	batches, err := o.batches(ctx)
	if err != nil {
		return err
	}
	for _, b := range batches {
		key := fmt.Sprintf("batch/%s/%d/%d", b.TokenContract, b.Nonce, b.Timeout)
		if o.signer.done[key] {
			continue
		}
		confirms, err := o.batchConfirms(ctx, b)
		if err != nil {
			return err
		}
		if _, ok := confirms[o.keys.EthereumAddress()]; ok {
			o.signer.done[key] = true
			continue
		}
		hash, _, err := o.batchHash(ctx, b)
		if err != nil {
			return err
		}
		sig, err := contracts.Sign(hash, o.keys.Ethereum)
		if err != nil {
			return err
		}
		msg := &bridgetypes.MsgConfirmBatch{Orchestrator: o.chain.Address(), TokenContract: b.TokenContract, Nonce: b.Nonce, Signature: hexutil.Encode(sig)}
		if !add("batch", key, msg) {
			return nil
		}
	}
	return nil
}

// batches are the chain's outstanding batches, one at most per token.
func (o *Orchestrator) batches(ctx context.Context) ([]bridgetypes.OutgoingBatch, error) {
	var out []bridgetypes.OutgoingBatch
	err := forEachPage(func(page *query.PageRequest) (*query.PageResponse, error) {
		res, err := o.chain.Bridge.Batches(ctx, &bridgetypes.QueryBatchesRequest{Pagination: page})
		if err != nil {
			return nil, fmt.Errorf("batches: %w", err)
		}
		out = append(out, res.Batches...)
		return res.Pagination, nil
	})
	o.metrics.PendingBatches.Set(float64(len(out)))
	return out, err
}

func (o *Orchestrator) batchConfirms(ctx context.Context, b bridgetypes.OutgoingBatch) (map[common.Address]string, error) {
	out := map[common.Address]string{}
	err := forEachPage(func(page *query.PageRequest) (*query.PageResponse, error) {
		res, err := o.chain.Bridge.BatchConfirms(ctx, &bridgetypes.QueryBatchConfirmsRequest{
			TokenContract: b.TokenContract, Nonce: b.Nonce, Pagination: page,
		})
		if err != nil {
			return nil, fmt.Errorf("confirmations of batch %d of %s: %w", b.Nonce, b.TokenContract, err)
		}
		for _, c := range res.Confirms {
			out[common.HexToAddress(c.EthereumAddress)] = c.Signature
		}
		return res.Pagination, nil
	})
	return out, err
}

// batchHash is the hash the contract checks for batch b, computed from its
// transfers, and the transfers in the contract's terms. The chain's
// outstanding batch of the token must still be b: a batch that timed out
// in the meantime is not signed.
func (o *Orchestrator) batchHash(ctx context.Context, b bridgetypes.OutgoingBatch) (common.Hash, []contracts.Transfer, error) {
	res, err := o.chain.Bridge.Batch(ctx, &bridgetypes.QueryBatchRequest{TokenContract: b.TokenContract})
	if err != nil {
		return common.Hash{}, nil, fmt.Errorf("batch of %s: %w", b.TokenContract, err)
	}
	if res.Batch.Nonce != b.Nonce || res.Batch.Timeout != b.Timeout {
		return common.Hash{}, nil, fmt.Errorf("batch %d of %s changed while signing", b.Nonce, b.TokenContract)
	}
	transfers := make([]contracts.Transfer, len(res.Transfers))
	for i, t := range res.Transfers {
		if !common.IsHexAddress(t.EthereumRecipient) || !isUint256(t.TokenAmount.BigInt()) || !isUint256(t.TokenFee.BigInt()) {
			return common.Hash{}, nil, fmt.Errorf("batch %d of %s: malformed transfer %d", b.Nonce, b.TokenContract, t.Id)
		}
		transfers[i] = contracts.Transfer{
			Destination: common.HexToAddress(t.EthereumRecipient),
			Amount:      new(big.Int).Set(t.TokenAmount.BigInt()),
			Fee:         new(big.Int).Set(t.TokenFee.BigInt()),
		}
	}
	hash := contracts.BatchHash(o.bridgeID, common.HexToAddress(b.TokenContract), b.Nonce, b.Timeout, transfers)
	if res.Hash != "" && common.HexToHash(res.Hash) != hash {
		return common.Hash{}, nil, fmt.Errorf("batch %d of %s: the node's hash %s is not the batch's %s", b.Nonce, b.TokenContract, res.Hash, hash)
	}
	return hash, transfers, nil
}

func isUint256(x *big.Int) bool { return x != nil && x.Sign() >= 0 && x.BitLen() <= 256 }
