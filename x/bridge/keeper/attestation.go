package keeper

import (
	"context"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// claim records a validator's vote for claim, whose attestation template is
// fresh. A validator claims every event in nonce order, each once: its
// claim must carry the nonce after its last, so it can neither skip an
// event nor vote twice. The vote joins the attestation of validators who
// claimed exactly the same; the end of the block observes the attestations
// in nonce order as far as they hold more than 2/3 of the power, so that a
// claim costs its sender the same small gas whatever it completes.
func (k Keeper) claim(ctx context.Context, orchestrator string, claim types.Claim, fresh *types.Attestation) error {
	val, reg, err := k.orchestratorOf(ctx, orchestrator)
	if err != nil {
		return err
	}
	if err := claim.Validate(); err != nil {
		return err
	}
	// Only a bonded validator's vote counts: an unbonded one's would only
	// grow the attestations the end of the block reads.
	switch v, err := k.stakingKeeper.GetValidator(ctx, val); {
	case err != nil:
		return types.ErrValidatorNotFound.Wrapf("%s: %v", reg.Validator, err)
	case !v.IsBonded():
		return types.ErrValidatorNotBonded.Wrapf("%s claims only while bonded", reg.Validator)
	}
	p, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if _, ok := p.Contract(); !ok {
		return types.ErrBridgeNotReady.Wrap("no contract emits events yet")
	}
	last, err := k.claimNonce(ctx, val)
	if err != nil {
		return err
	}
	if claim.GetEventNonce() != last+1 {
		return types.ErrNonContiguousNonce.Wrapf("%s claimed up to event %d; the next claim is %d, not %d",
			reg.Validator, last, last+1, claim.GetEventNonce())
	}
	hash, err := claim.Hash()
	if err != nil {
		return err
	}
	key := collections.Join(claim.GetEventNonce(), hash)
	att, err := k.Attestations.Get(ctx, key)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		att = *fresh
		att.EventNonce = claim.GetEventNonce()
		att.ClaimHash = hexutil.Encode(hash)
		att.Height = sdk.UnwrapSDKContext(ctx).BlockHeight()
	case err != nil:
		return err
	}
	att.Votes = append(att.Votes, reg.Validator)
	if err := k.Attestations.Set(ctx, key, att); err != nil {
		return err
	}
	if err := k.ClaimNonces.Set(ctx, val, claim.GetEventNonce()); err != nil {
		return err
	}
	return emit(ctx, &types.EventClaimed{EventNonce: att.EventNonce, ClaimHash: att.ClaimHash, Validator: reg.Validator})
}

// claimNonce returns the event nonce of a validator's last claim.
func (k Keeper) claimNonce(ctx context.Context, val sdk.ValAddress) (uint64, error) {
	n, err := k.ClaimNonces.Get(ctx, val)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

// lastObservedNonce returns the last event nonce executed.
func (k Keeper) lastObservedNonce(ctx context.Context) (uint64, error) {
	n, err := k.LastObservedNonce.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

// observe executes, in nonce order from the one after the last observed,
// every attestation whose voters hold more than 2/3 of the bonded power
// now, and stops at the first nonce without one: events execute in the
// contract's order, each once. It observes at most
// types.MaxObservationsPerBlock in a row.
func (k Keeper) observe(ctx context.Context) error {
	last, err := k.lastObservedNonce(ctx)
	if err != nil {
		return err
	}
	powers, total, err := k.bondedPowers(ctx)
	if err != nil || total.Sign() == 0 {
		return err
	}
	for range types.MaxObservationsPerBlock {
		next := last + 1
		var ready *types.Attestation
		err := k.Attestations.Walk(ctx, collections.NewPrefixedPairRange[uint64, []byte](next),
			func(_ collections.Pair[uint64, []byte], att types.Attestation) (bool, error) {
				if hasQuorum(att.Votes, powers, total) {
					ready = &att
					return true, nil
				}
				return false, nil
			})
		if err != nil || ready == nil {
			return err
		}
		if err := k.execute(ctx, ready); err != nil {
			return err
		}
		last = next
	}
	return nil
}

// execute runs an attestation's claim and marks it observed. The claim runs
// in a cached context: a claim that cannot be executed changes nothing and
// is reported in EventClaimObserved, and the bridge goes on with the next
// event, as the event happened on Ethereum whatever the chain makes of it.
func (k Keeper) execute(ctx context.Context, att *types.Attestation) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	runErr := k.run(cacheCtx, att)
	observed := types.EventClaimObserved{EventNonce: att.EventNonce, ClaimHash: att.ClaimHash}
	if runErr == nil {
		write()
	} else {
		observed.Error = runErr.Error()
	}
	att.Observed = true
	hash, err := hexutil.Decode(att.ClaimHash)
	if err != nil {
		return err
	}
	if err := k.Attestations.Set(ctx, collections.Join(att.EventNonce, hash), *att); err != nil {
		return err
	}
	if err := k.LastObservedNonce.Set(ctx, att.EventNonce); err != nil {
		return err
	}
	if err := k.observeHeight(ctx, att.ClaimOf().GetEthereumHeight()); err != nil {
		return err
	}
	return emit(ctx, &observed)
}

// run executes an attestation's claim. A panic in it (an amount overflowing
// a supply, say) is the claim's failure, not the chain's halt.
func (k Keeper) run(ctx sdk.Context, att *types.Attestation) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = types.ErrClaimNotExecutable.Wrapf("execution panicked: %v", r)
		}
	}()
	switch c := att.Claim.(type) {
	case *types.Attestation_Deposit:
		return k.executeDeposit(ctx, c.Deposit)
	case *types.Attestation_BatchExecuted:
		return k.executeBatch(ctx, c.BatchExecuted)
	}
	return types.ErrInvalidClaim.Wrap("attestation without a claim")
}

// observeHeight records the Ethereum height of an observed event, never
// moving backwards, and times out the batches it has passed.
func (k Keeper) observeHeight(ctx context.Context, height uint64) error {
	last, err := k.EthereumHeight.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	if err == nil && height <= last.Height {
		return nil
	}
	if err := k.EthereumHeight.Set(ctx, types.EthereumHeight{Height: height, Time: sdk.UnwrapSDKContext(ctx).BlockTime()}); err != nil {
		return err
	}
	return k.timeOutBatches(ctx, height)
}

// bondedPowers returns the tokens of each bonded validator by operator
// address and their total.
func (k Keeper) bondedPowers(ctx context.Context) (map[string]*big.Int, *big.Int, error) {
	validators, err := k.stakingKeeper.GetBondedValidatorsByPower(ctx)
	if err != nil {
		return nil, nil, err
	}
	powers := make(map[string]*big.Int, len(validators))
	total := new(big.Int)
	for _, v := range validators {
		powers[v.OperatorAddress] = v.Tokens.BigInt()
		total.Add(total, v.Tokens.BigInt())
	}
	return powers, total, nil
}

// hasQuorum reports whether the voters hold more than 2/3 of total.
func hasQuorum(votes []string, powers map[string]*big.Int, total *big.Int) bool {
	voted := new(big.Int)
	for _, v := range votes {
		if p, ok := powers[v]; ok {
			voted.Add(voted, p)
		}
	}
	return new(big.Int).Mul(voted, big.NewInt(3)).Cmp(new(big.Int).Mul(total, big.NewInt(2))) > 0
}
