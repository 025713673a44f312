package relayer

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/contracts/bindings"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// Orchestrator runs one validator's signer, oracle and relayer loops.
type Orchestrator struct {
	cfg     Config
	keys    Keys
	chain   *Chain
	eth     *Ethereum
	metrics *Metrics
	log     *slog.Logger

	// validator is the operator address the orchestrator is registered
	// for, and bridgeID the chain's bridge id.
	validator string
	bridgeID  [32]byte

	signer signerState
	oracle oracleState
	relay  relayState
}

// NewOrchestrator wires an orchestrator; Run starts it.
func NewOrchestrator(cfg Config, keys Keys, chain *Chain, eth *Ethereum, metrics *Metrics, log *slog.Logger) *Orchestrator {
	return &Orchestrator{
		cfg: cfg, keys: keys, chain: chain, eth: eth, metrics: metrics, log: log,
		signer: newSignerState(), relay: newRelayState(),
	}
}

// Run waits for the orchestrator's registration on the chain, then runs
// the three loops until ctx ends. A loop's failed round is logged and
// counted, and the next round starts over from the chain's and the
// contract's state.
func (o *Orchestrator) Run(ctx context.Context) error {
	if err := o.awaitRegistration(ctx); err != nil {
		return err
	}
	loops := []struct {
		name  string
		round func(context.Context, bridgeState) error
	}{
		{"signer", o.signRound},
		{"oracle", o.oracleRound},
	}
	if o.cfg.Relay {
		loops = append(loops, struct {
			name  string
			round func(context.Context, bridgeState) error
		}{"relayer", o.relayRound})
	}
	done := make(chan struct{}, len(loops))
	for _, l := range loops {
		go func() {
			defer func() { done <- struct{}{} }()
			o.loop(ctx, l.name, l.round)
		}()
	}
	for range loops {
		<-done
	}
	return nil
}

// loop runs round every poll interval until ctx ends.
func (o *Orchestrator) loop(ctx context.Context, name string, round func(context.Context, bridgeState) error) {
	log := o.log.With("loop", name)
	tick := time.NewTicker(o.cfg.PollInterval.Duration)
	defer tick.Stop()
	for {
		st, err := o.bridgeState(ctx)
		if err == nil {
			err = round(ctx, st)
		}
		if err != nil && ctx.Err() == nil {
			o.metrics.Errors.WithLabelValues(name).Inc()
			log.Warn("round failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// awaitRegistration finds the validator the orchestrator account is
// registered for, waiting until the validator registers, and checks that
// the registered Ethereum key is the relayer's.
func (o *Orchestrator) awaitRegistration(ctx context.Context) error {
	info, err := o.chain.Bridge.BridgeInfo(ctx, &bridgetypes.QueryBridgeInfoRequest{})
	for ; err != nil; info, err = o.chain.Bridge.BridgeInfo(ctx, &bridgetypes.QueryBridgeInfoRequest{}) {
		o.log.Warn("waiting for the chain", "err", err)
		if err := sleep(ctx, o.cfg.PollInterval.Duration); err != nil {
			return err
		}
	}
	id, err := parseBridgeID(info.BridgeId)
	if err != nil {
		return err
	}
	if id != bridgetypes.BridgeID(o.cfg.ChainID) {
		return fmt.Errorf("the node at %s runs another chain than %s (bridge id %s)", o.cfg.ChainGRPC, o.cfg.ChainID, info.BridgeId)
	}
	o.bridgeID = id
	for {
		reg, err := o.findRegistration(ctx)
		if err != nil {
			return err
		}
		if reg != nil {
			if !common.IsHexAddress(reg.EthereumAddress) || common.HexToAddress(reg.EthereumAddress) != o.keys.EthereumAddress() {
				return fmt.Errorf("validator %s registered Ethereum key %s, but this relayer holds %s",
					reg.Validator, reg.EthereumAddress, o.keys.EthereumAddress())
			}
			o.validator = reg.Validator
			o.log.Info("orchestrating", "validator", reg.Validator, "orchestrator", o.chain.Address(), "ethereum", reg.EthereumAddress)
			return nil
		}
		o.log.Warn("waiting for the validator to register this relayer's keys",
			"orchestrator", o.chain.Address(), "ethereum", o.keys.EthereumAddress().Hex())
		if err := sleep(ctx, o.cfg.PollInterval.Duration); err != nil {
			return err
		}
	}
}

func (o *Orchestrator) findRegistration(ctx context.Context) (*bridgetypes.Registration, error) {
	var found *bridgetypes.Registration
	err := forEachPage(func(page *query.PageRequest) (*query.PageResponse, error) {
		res, err := o.chain.Bridge.Registrations(ctx, &bridgetypes.QueryRegistrationsRequest{Pagination: page})
		if err != nil {
			return nil, err
		}
		for _, r := range res.Registrations {
			if r.Orchestrator == o.chain.Address() {
				found = &r
				return nil, nil
			}
		}
		return res.Pagination, nil
	})
	return found, err
}

// bridgeState is what every round starts from: the chain's bridge info
// and, once governance set it, the contract.
type bridgeState struct {
	info     *bridgetypes.QueryBridgeInfoResponse
	contract common.Address
	// deployed is whether the contract address is set on the chain.
	deployed bool
}

func (o *Orchestrator) bridgeState(ctx context.Context) (bridgeState, error) {
	info, err := o.chain.Bridge.BridgeInfo(ctx, &bridgetypes.QueryBridgeInfoRequest{})
	if err != nil {
		return bridgeState{}, fmt.Errorf("bridge info: %w", err)
	}
	o.metrics.LastObservedNonce.Set(float64(info.LastObservedEventNonce))
	st := bridgeState{info: info}
	if info.ContractAddress != "" {
		st.contract, st.deployed = common.HexToAddress(info.ContractAddress), true
	}
	return st, nil
}

// valset returns the chain's valset of nonce.
func (o *Orchestrator) valset(ctx context.Context, nonce uint64) (bridgetypes.Valset, error) {
	res, err := o.chain.Bridge.Valset(ctx, &bridgetypes.QueryValsetRequest{Nonce: nonce})
	if err != nil {
		return bridgetypes.Valset{}, fmt.Errorf("valset %d: %w", nonce, err)
	}
	return res.Valset, nil
}

// signatures orders the confirmations of hash by the members of signers,
// the valset the contract holds, keeping only those that recover to their
// member's address, and reports whether their power passes the contract's
// threshold.
func signatures(signers bridgetypes.Valset, hash common.Hash, confirmed map[common.Address]string) ([]bindings.KizunaBridgeSig, bool) {
	sigs := make([]bindings.KizunaBridgeSig, len(signers.Members))
	var power uint64
	for i, m := range signers.Members {
		member := common.HexToAddress(m.EthereumAddress)
		hexSig, ok := confirmed[member]
		if !ok {
			continue
		}
		sig, err := hexutil.Decode(hexSig)
		if err != nil {
			continue
		}
		if signer, err := contracts.RecoverSigner(hash, sig); err != nil || signer != member {
			continue
		}
		sigs[i] = bindings.KizunaBridgeSig{R: [32]byte(sig[:32]), S: [32]byte(sig[32:64]), V: sig[64]}
		power += m.Power
	}
	return sigs, power > contracts.PowerThreshold
}

// abiValset is v as the contract's Valset argument.
func abiValset(v bridgetypes.Valset) bindings.KizunaBridgeValset {
	c := v.Contract()
	out := bindings.KizunaBridgeValset{Members: c.Members, Powers: make([]*big.Int, len(c.Powers)), Nonce: new(big.Int).SetUint64(c.Nonce)}
	for i, p := range c.Powers {
		out.Powers[i] = new(big.Int).SetUint64(p)
	}
	return out
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func parseBridgeID(s string) ([32]byte, error) {
	id, err := hexutil.Decode(s)
	if err != nil || len(id) != 32 {
		return [32]byte{}, fmt.Errorf("the chain's bridge id %q is not 32 bytes of hex", s)
	}
	return [32]byte(id), nil
}
