package keeper

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/invariant"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// Invariant is a named check of the module state.
type Invariant = invariant.Invariant

// Invariants returns the module's invariants; they run from
// CheckInvariants, the simulation and the tests.
func (k Keeper) Invariants() []Invariant {
	return []Invariant{
		{Name: "attestations", Check: k.AttestationsInvariant},
		{Name: "registry", Check: k.RegistryInvariant},
		{Name: "transfers", Check: k.TransfersInvariant},
		{Name: "vouchers", Check: k.VouchersInvariant},
	}
}

// CheckInvariants runs every invariant and returns an error listing the
// broken ones.
func (k Keeper) CheckInvariants(ctx sdk.Context) error {
	return invariant.CheckAll(ctx, "bridge", k.Invariants())
}

// AttestationsInvariant checks that every attestation's key is its claim's
// event nonce and hash, that the claim is valid, and that exactly the
// attestations up to the last observed nonce, one per nonce, are observed.
func (k Keeper) AttestationsInvariant(ctx sdk.Context) (string, bool) {
	last, err := k.lastObservedNonce(ctx)
	if err != nil {
		return invariant.Report(nil, err)
	}
	var problems []string
	observed := map[uint64]bool{}
	err = k.Attestations.Walk(ctx, nil, func(key collections.Pair[uint64, []byte], a types.Attestation) (bool, error) {
		if err := a.Validate(); err != nil {
			problems = append(problems, fmt.Sprintf("attestation %d: %v", key.K1(), err))
			return false, nil
		}
		if a.EventNonce != key.K1() || a.ClaimHash != hexutil.Encode(key.K2()) {
			problems = append(problems, fmt.Sprintf("attestation stored at (%d, %x) is (%d, %s)", key.K1(), key.K2(), a.EventNonce, a.ClaimHash))
		}
		if a.Observed {
			if a.EventNonce > last || observed[a.EventNonce] {
				problems = append(problems, fmt.Sprintf("attestation %d observed beyond %d or twice", a.EventNonce, last))
			}
			observed[a.EventNonce] = true
		}
		return false, nil
	})
	return invariant.Report(problems, err)
}

// RegistryInvariant checks that the registry maps each denom to one token
// and each token back to the same denom.
func (k Keeper) RegistryInvariant(ctx sdk.Context) (string, bool) {
	var problems []string
	denoms := 0
	err := k.Tokens.Walk(ctx, nil, func(denom string, t types.BridgeToken) (bool, error) {
		denoms++
		back, err := k.TokenContracts.Get(ctx, common.HexToAddress(t.TokenContract).Bytes())
		if err != nil || back != denom || t.Denom != denom {
			problems = append(problems, fmt.Sprintf("%s maps to %s, which maps back to %q", denom, t.TokenContract, back))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	contracts := 0
	if err := k.TokenContracts.Walk(ctx, nil, func([]byte, string) (bool, error) {
		contracts++
		return false, nil
	}); err != nil {
		return invariant.Report(nil, err)
	}
	if contracts != denoms {
		problems = append(problems, fmt.Sprintf("%d denoms but %d tokens", denoms, contracts))
	}
	return invariant.Report(problems, nil)
}

// TransfersInvariant checks the pool and the batches against the
// transfers: a transfer is pooled exactly when its batch nonce is 0, a
// batched one is listed by its token's outstanding batch of that nonce,
// every batch's transfers exist and its timeout is indexed, and PoolTokens
// holds exactly the tokens with pooled transfers.
func (k Keeper) TransfersInvariant(ctx sdk.Context) (string, bool) {
	var problems []string
	pooledTokens := map[string]bool{}
	err := k.Transfers.Walk(ctx, nil, func(id uint64, t types.OutgoingTransfer) (bool, error) {
		token := common.HexToAddress(t.TokenContract).Bytes()
		pooled, err := k.Pool.Has(ctx, poolKey(t))
		if err != nil {
			return true, err
		}
		if pooled != (t.BatchNonce == 0) {
			problems = append(problems, fmt.Sprintf("transfer %d: batch nonce %d, pooled %t", id, t.BatchNonce, pooled))
		}
		if pooled {
			pooledTokens[string(token)] = true
			return false, nil
		}
		batch, err := k.Batches.Get(ctx, token)
		if err != nil || batch.Nonce != t.BatchNonce || !containsID(batch.TransferIds, id) {
			problems = append(problems, fmt.Sprintf("transfer %d is not in batch %d of %s", id, t.BatchNonce, t.TokenContract))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	err = k.Batches.Walk(ctx, nil, func(token []byte, b types.OutgoingBatch) (bool, error) {
		for _, id := range b.TransferIds {
			if has, err := k.Transfers.Has(ctx, id); err != nil || !has {
				problems = append(problems, fmt.Sprintf("batch %d of %s lists missing transfer %d", b.Nonce, b.TokenContract, id))
			}
		}
		if has, err := k.BatchTimeouts.Has(ctx, collections.Join(b.Timeout, token)); err != nil || !has {
			problems = append(problems, fmt.Sprintf("batch %d of %s: timeout %d not indexed", b.Nonce, b.TokenContract, b.Timeout))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	var listed [][]byte
	if err := k.PoolTokens.Walk(ctx, nil, func(token []byte) (bool, error) {
		listed = append(listed, token)
		return false, nil
	}); err != nil {
		return invariant.Report(nil, err)
	}
	if len(listed) != len(pooledTokens) {
		problems = append(problems, fmt.Sprintf("%d tokens listed with pooled transfers, %d have some", len(listed), len(pooledTokens)))
	}
	for _, token := range listed {
		if !pooledTokens[string(token)] {
			problems = append(problems, fmt.Sprintf("%s is listed with pooled transfers but has none", common.BytesToAddress(token).Hex()))
		}
	}
	return invariant.Report(problems, nil)
}

// VouchersInvariant checks, for every ERC-20 from Ethereum, that the
// vouchers in circulation and those on their way back equal what the
// chain counts as locked in the contract: deposits mint exactly what they
// lock, and a batch releases exactly what its transfers burned.
func (k Keeper) VouchersInvariant(ctx sdk.Context) (string, bool) {
	inFlight := map[string]sdkmath.Int{}
	err := k.Transfers.Walk(ctx, nil, func(_ uint64, t types.OutgoingTransfer) (bool, error) {
		sum, ok := inFlight[t.Denom]
		if !ok {
			sum = sdkmath.ZeroInt()
		}
		inFlight[t.Denom] = sum.Add(t.TokenAmount).Add(t.TokenFee)
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	var problems []string
	err = k.Tokens.Walk(ctx, nil, func(denom string, t types.BridgeToken) (bool, error) {
		if t.Origin != types.TokenOriginEthereum {
			return false, nil
		}
		locked, err := k.OnEthereum.Get(ctx, common.HexToAddress(t.TokenContract).Bytes())
		if errors.Is(err, collections.ErrNotFound) {
			locked = sdkmath.ZeroInt()
		} else if err != nil {
			return true, err
		}
		circulating := k.bankKeeper.GetSupply(ctx, denom).Amount
		flying, ok := inFlight[denom]
		if !ok {
			flying = sdkmath.ZeroInt()
		}
		if !circulating.Add(flying).Equal(locked) {
			problems = append(problems, fmt.Sprintf("%s: supply %s + in flight %s != locked %s", denom, circulating, flying, locked))
		}
		return false, nil
	})
	return invariant.Report(problems, err)
}

// containsID reports whether ids holds id.
func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
