// Package sim runs the chain simulation: the whole app in-process (see
// testutil/apptest) receives blocks of random transactions built by the
// operations of x/community, x/ads, x/ledger and x/bridge (their simulation
// packages), signed by simulated accounts and the simulated validator's
// bridge orchestrator, while the clock jumps by seconds, hours and weeks
// and governance now and then changes the params. After every block it
// checks the ledger and bridge invariants. A refused transaction is part
// of the simulation as long as its error is a registered one; a panic, an
// internal error or running out of gas fails it.
package sim

import (
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/kizuna-chain/kizuna/internal/simops"
	"github.com/kizuna-chain/kizuna/testutil/apptest"
	adskeeper "github.com/kizuna-chain/kizuna/x/ads/keeper"
	adssim "github.com/kizuna-chain/kizuna/x/ads/simulation"
	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	bridgesim "github.com/kizuna-chain/kizuna/x/bridge/simulation"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitysim "github.com/kizuna-chain/kizuna/x/community/simulation"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	ledgerkeeper "github.com/kizuna-chain/kizuna/x/ledger/keeper"
	ledgersim "github.com/kizuna-chain/kizuna/x/ledger/simulation"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Config is one simulation run.
type Config struct {
	// Seed replays a run.
	Seed int64
	// Blocks is how many blocks to simulate.
	Blocks int
	// MaxTxsPerBlock bounds the transactions of a block (default 12).
	MaxTxsPerBlock int
	// Accounts is how many accounts sign (default 12).
	Accounts int
	// InvariantsEvery checks the invariants every so many blocks (default
	// 1); the last block is always checked.
	InvariantsEvery int
	// AfterBlock, if set, runs after each block with a context that writes
	// to the state the next block starts from: tests use it to break the
	// state on purpose.
	AfterBlock func(height int64, ctx sdk.Context, chain *apptest.Chain)
}

// Report counts what a run did.
type Report struct {
	Blocks int
	// Delivered and Refused count transactions by Msg type URL.
	Delivered, Refused map[string]int
	// MaxGas is the most gas a delivered transaction of each Msg type used.
	MaxGas map[string]int64
	// Errors counts refusals by "codespace/code".
	Errors map[string]int
	// Governance counts params changes by module.
	Governance map[string]int
	// SimulatedTime is how much block time the run covered.
	SimulatedTime time.Duration
	// Policies counts the currencies by issuance policy at the end.
	Policies map[string]int
	// Decaying counts the currencies with a half-life at the end.
	Decaying int
	// Decayed and Debt are what decay burned and what members owe at the
	// end, in base units summed over the currencies.
	Decayed, Debt sdkmath.Int
}

// String summarizes the report, one Msg type a line.
func (r Report) String() string {
	var types []string
	for t := range r.Delivered {
		types = append(types, t)
	}
	for t := range r.Refused {
		if _, ok := r.Delivered[t]; !ok {
			types = append(types, t)
		}
	}
	sort.Strings(types)
	var b strings.Builder
	fmt.Fprintf(&b, "%d blocks over %s of block time\n", r.Blocks, r.SimulatedTime.Round(time.Hour))
	for _, t := range types {
		fmt.Fprintf(&b, "  %-45s %5d delivered %5d refused, at most %7d gas\n", t, r.Delivered[t], r.Refused[t], r.MaxGas[t])
	}
	fmt.Fprintf(&b, "  currencies by policy: %v, %d decaying; decay burned %s, debt owed %s\n", r.Policies, r.Decaying, r.Decayed, r.Debt)
	fmt.Fprintf(&b, "  refusals by codespace/code: %v\n", r.Errors)
	fmt.Fprintf(&b, "  governance params changes: %v\n", r.Governance)
	return b.String()
}

// Run simulates cfg.Blocks blocks. It fails tb on a setup error and returns
// an error naming the block when a transaction fails in a way it must not
// or an invariant breaks.
func Run(tb testing.TB, cfg Config) (Report, error) {
	tb.Helper()
	if cfg.MaxTxsPerBlock == 0 {
		cfg.MaxTxsPerBlock = 12
	}
	if cfg.Accounts == 0 {
		cfg.Accounts = 12
	}
	if cfg.InvariantsEvery == 0 {
		cfg.InvariantsEvery = 1
	}
	r := rand.New(rand.NewSource(cfg.Seed)) //nolint:gosec // a replayable simulation, not a secret
	names := make([]string, cfg.Accounts)
	for i := range names {
		names[i] = fmt.Sprintf("sim%02d", i)
	}
	chain := apptest.New(tb, append(names, orchestratorName), nil)
	a := chain.App
	accounts := make([]simops.Account, len(names))
	for i, name := range names {
		accounts[i] = simops.Account{Name: name, Address: chain.Account(tb, name).Addr}
	}
	addrCodec := a.AccountKeeper.AddressCodec()
	format := func(addr sdk.AccAddress) string {
		s, err := addrCodec.BytesToString(addr)
		if err != nil {
			panic(err)
		}
		return s
	}
	orch, err := setUpBridge(tb, chain)
	if err != nil {
		return Report{}, fmt.Errorf("bridge set-up: %w", err)
	}
	ops := append(append(append(communitysim.Operations(a.CommunityKeeper),
		adssim.Operations(a.AdsKeeper, a.CommunityKeeper)...),
		ledgersim.Operations(a.LedgerKeeper, a.CommunityKeeper, a.AdsKeeper)...),
		bridgesim.Operations(a.BridgeKeeper, a.LedgerKeeper, a.CommunityKeeper, a.BankKeeper, orch)...)
	total := 0
	for _, op := range ops {
		total += op.Weight
	}

	report := Report{
		Delivered: map[string]int{}, Refused: map[string]int{}, MaxGas: map[string]int64{},
		Errors: map[string]int{}, Governance: map[string]int{},
	}
	start := chain.Time
	for block := 1; block <= cfg.Blocks; block++ {
		env := &simops.Env{R: r, Ctx: chain.Ctx(), Accounts: accounts, Addr: format}
		var txs [][]byte
		var msgs []sdk.Msg
		sequences := map[string]uint64{}
		for range 1 + r.Intn(cfg.MaxTxsPerBlock) {
			op := pick(r, ops, total)
			signer, msg, ok := op.Plan(env)
			if !ok {
				continue
			}
			seq, seen := sequences[signer.Name]
			if !seen {
				seq = a.AccountKeeper.GetAccount(env.Ctx, signer.Address).GetSequence()
			}
			sequences[signer.Name] = seq + 1
			txs = append(txs, chain.SignAt(tb, signer.Name, seq, apptest.TxOptions{Gas: 1_000_000}, msg))
			msgs = append(msgs, msg)
		}
		if r.Intn(30) == 0 {
			if err := govern(r, chain, &report); err != nil {
				return report, fmt.Errorf("block %d: governance: %w", block, err)
			}
		}
		results := chain.NextBlockAt(tb, chain.Time.Add(step(r)), txs...)
		for i, res := range results {
			url := sdk.MsgTypeURL(msgs[i])
			if res.Code == 0 {
				report.Delivered[url]++
				report.MaxGas[url] = max(report.MaxGas[url], res.GasUsed)
				continue
			}
			report.Refused[url]++
			report.Errors[fmt.Sprintf("%s/%d", res.Codespace, res.Code)]++
			if os.Getenv("KIZUNA_SIM_VERBOSE") != "" {
				tb.Logf("block %d: %s refused: %s", block, url, res.Log)
			}
			if unexpected(res.Codespace, res.Code) {
				return report, fmt.Errorf("block %d: %s failed with %s/%d: %s", block, url, res.Codespace, res.Code, res.Log)
			}
		}
		report.Blocks = block
		report.SimulatedTime = chain.Time.Sub(start)
		ctx := chain.Ctx()
		if cfg.AfterBlock != nil {
			cfg.AfterBlock(a.LastBlockHeight(), chain.WriteCtx(), chain)
		}
		if block%cfg.InvariantsEvery == 0 || block == cfg.Blocks {
			for _, check := range []func(sdk.Context) error{a.LedgerKeeper.CheckInvariants, a.BridgeKeeper.CheckInvariants} {
				if err := check(chain.Ctx()); err != nil {
					return report, fmt.Errorf("block %d (height %d, %s): %w", block, ctx.BlockHeight(), ctx.BlockTime().Format(time.RFC3339), err)
				}
			}
		}
	}
	report.Policies, report.Decaying, report.Decayed, report.Debt = map[string]int{}, 0, sdkmath.ZeroInt(), sdkmath.ZeroInt()
	query := ledgerkeeper.NewQueryServerImpl(a.LedgerKeeper)
	ctx := chain.Ctx()
	err = a.LedgerKeeper.Currencies.Walk(ctx, nil, func(id uint64, c ledgertypes.Currency) (bool, error) {
		report.Policies[c.IssuancePolicy.String()]++
		if c.HalfLifeSeconds != 0 {
			report.Decaying++
		}
		res, err := query.Currency(ctx, &ledgertypes.QueryCurrencyRequest{CommunityId: id})
		if err != nil {
			return true, err
		}
		report.Decayed = report.Decayed.Add(res.Decayed)
		report.Debt = report.Debt.Add(res.Debt)
		return false, nil
	})
	return report, err
}

// orchestratorName is the account the simulated validator's bridge
// orchestrator signs with; it is not among the accounts of the other
// operations.
const orchestratorName = "orchestrator"

// setUpBridge registers the genesis validators with one Ethereum key and
// the orchestrator account, and sets the contract, as their operators and
// governance would; the next block snapshots the valset.
func setUpBridge(tb testing.TB, chain *apptest.Chain) (bridgesim.Orchestrator, error) {
	a := chain.App
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("kizuna-sim/orchestrator")))
	if err != nil {
		return bridgesim.Orchestrator{}, err
	}
	orch := bridgesim.Orchestrator{
		Account: simops.Account{Name: orchestratorName, Address: chain.Account(tb, orchestratorName).Addr},
		Key:     key,
	}
	ctx := chain.WriteCtx()
	bonded, err := a.StakingKeeper.GetBondedValidatorsByPower(ctx)
	if err != nil {
		return orch, err
	}
	validators := make([]string, len(bonded))
	for i, v := range bonded {
		validators[i] = v.OperatorAddress
	}
	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	if err := bridgesim.Setup(ctx, a.BridgeKeeper, validators, orch, authority); err != nil {
		return orch, err
	}
	chain.NextBlock(tb)
	return orch, nil
}

// pick returns an operation with probability proportional to its weight.
func pick(r *rand.Rand, ops []simops.Operation, total int) simops.Operation {
	n := r.Intn(total)
	for _, op := range ops {
		if n < op.Weight {
			return op
		}
		n -= op.Weight
	}
	return ops[len(ops)-1]
}

// step is the time to the next block: mostly seconds, sometimes hours,
// now and then weeks, so that decay, months and expiries all come to pass.
func step(r *rand.Rand) time.Duration {
	switch n := r.Intn(100); {
	case n < 2:
		return time.Duration(5+r.Intn(35)) * 24 * time.Hour
	case n < 12:
		return time.Duration(1+r.Intn(72)) * time.Hour
	default:
		return time.Duration(1+r.Intn(30)) * time.Second
	}
}

// unexpected reports whether a refusal is one the chain must never give: a
// panic, an internal error or running out of gas.
func unexpected(codespace string, code uint32) bool {
	switch codespace {
	case sdkerrors.RootCodespace:
		return code == sdkerrors.ErrPanic.ABCICode() || code == sdkerrors.ErrOutOfGas.ABCICode()
	case "", "undefined":
		return true
	default:
		return false
	}
}

// govern changes the params of one module as a passed governance proposal
// would, through its Msg server with the governance authority.
func govern(r *rand.Rand, chain *apptest.Chain, report *Report) error {
	a := chain.App
	ctx := chain.WriteCtx()
	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	switch r.Intn(3) {
	case 0:
		p, err := a.CommunityKeeper.GetParams(ctx)
		if err != nil {
			return err
		}
		if _, err := communitykeeper.NewMsgServerImpl(a.CommunityKeeper).UpdateParams(ctx, &communitytypes.MsgUpdateParams{Authority: authority, Params: p}); err != nil {
			return err
		}
		report.Governance[communitytypes.ModuleName]++
	case 1:
		p, err := a.AdsKeeper.GetParams(ctx)
		if err != nil {
			return err
		}
		if _, err := adskeeper.NewMsgServerImpl(a.AdsKeeper).UpdateParams(ctx, &adstypes.MsgUpdateParams{Authority: authority, Params: p}); err != nil {
			return err
		}
		report.Governance[adstypes.ModuleName]++
	default:
		p, err := a.LedgerKeeper.GetParams(ctx)
		if err != nil {
			return err
		}
		// The cap goes down as well as up: a lower cap bounds new creation only.
		p.MonthlyCreationCap = uint64(200 + r.Intn(2000))
		p.MaxOpenPaymentRequests = uint32(1 + r.Intn(20))
		p.MaxPaymentRequestSeconds = uint64(3600 + r.Intn(30*24*3600))
		if _, err := ledgerkeeper.NewMsgServerImpl(a.LedgerKeeper).UpdateParams(ctx, &ledgertypes.MsgUpdateParams{Authority: authority, Params: p}); err != nil {
			return err
		}
		report.Governance[ledgertypes.ModuleName]++
	}
	return nil
}
