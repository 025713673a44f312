package keeper

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// executeDeposit credits a deposit from Ethereum. A community currency's
// ERC-20 comes back through the ledger at what its static units are worth
// now, and only as far as the chain's batches ever put it on Ethereum;
// another ERC-20 arrives as eth/0x… vouchers, its registry entry made on
// its first deposit. A receiver that cannot hold the coins (a malformed
// address, a module account) does not lose them: a community currency goes
// to its community's treasury, vouchers to the community pool.
func (k Keeper) executeDeposit(ctx context.Context, c *types.DepositClaim) error {
	token := common.HexToAddress(c.TokenContract)
	entry, err := k.TokenOfContract(ctx, token)
	if errors.Is(err, types.ErrTokenNotRegistered) {
		entry = types.BridgeToken{Denom: types.VoucherDenom(token), TokenContract: token.Hex(), Origin: types.TokenOriginEthereum}
		err = k.registerToken(ctx, entry)
	}
	if err != nil {
		return err
	}
	if err := k.addOnEthereum(ctx, entry, c.Amount, entry.Origin == types.TokenOriginEthereum); err != nil {
		return err
	}
	receiver, routable := k.routable(c.CosmosReceiver)
	memo := fmt.Sprintf("from Ethereum, event %d", c.EventNonce)
	var credited string
	var amount sdkmath.Int
	if entry.Origin == types.TokenOriginKizuna {
		if amount, err = k.denomUnits(ctx, entry, c.Amount); err != nil {
			return err
		}
		if !routable {
			currency, err := k.ledgerKeeper.CurrencyOfDenom(ctx, entry.Denom)
			if err != nil {
				return err
			}
			receiver = ledgertypes.TreasuryAddress(currency.CommunityId)
		}
		if credited, err = k.credit(ctx, entry, receiver, amount, c.EthereumSender, ledgertypes.BridgeDirectionIn, memo); err != nil {
			return err
		}
	} else {
		amount = c.Amount
		coins := sdk.NewCoins(sdk.NewCoin(entry.Denom, amount))
		if err := k.bankKeeper.MintCoins(ctx, types.ModuleName, coins); err != nil {
			return err
		}
		if routable {
			err = k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, receiver, coins)
			credited = k.formatAccount(receiver)
		} else {
			err = k.distrKeeper.FundCommunityPool(ctx, coins, k.moduleAddress())
			credited = k.formatAccount(authtypes.NewModuleAddress(distrtypes.ModuleName))
		}
		if err != nil {
			return err
		}
	}
	return emit(ctx, &types.EventDepositReceived{
		EventNonce: c.EventNonce, TokenContract: entry.TokenContract, Denom: entry.Denom,
		EthereumSender: c.EthereumSender, Receiver: credited, Amount: amount,
	})
}

// routable parses a deposit's receiver: an account address that may hold
// coins.
func (k Keeper) routable(receiver string) (sdk.AccAddress, bool) {
	addr, err := k.addressCodec.StringToBytes(receiver)
	if err != nil || len(addr) == 0 || k.bankKeeper.BlockedAddr(addr) {
		return nil, false
	}
	return addr, true
}

// executeBatch settles a batch executed on Ethereum: its transfers are done
// and forgotten, the token's batch nonce moves on, and what a community
// currency's batch minted is counted on Ethereum.
func (k Keeper) executeBatch(ctx context.Context, c *types.BatchExecutedClaim) error {
	token := common.HexToAddress(c.TokenContract)
	batch, err := k.Batches.Get(ctx, token.Bytes())
	if errors.Is(err, collections.ErrNotFound) || (err == nil && batch.Nonce != c.BatchNonce) {
		return types.ErrClaimNotExecutable.Wrapf("no outstanding batch %d of %s", c.BatchNonce, token.Hex())
	}
	if err != nil {
		return err
	}
	entry, err := k.TokenOfContract(ctx, token)
	if err != nil {
		return err
	}
	transfers, err := k.BatchTransfers(ctx, batch)
	if err != nil {
		return err
	}
	total := sdkmath.ZeroInt()
	for _, t := range transfers {
		total = total.Add(t.TokenAmount).Add(t.TokenFee)
		sender, err := k.addressCodec.StringToBytes(t.Sender)
		if err != nil {
			return err
		}
		if err := k.forget(ctx, t, sender); err != nil {
			return err
		}
	}
	// A community currency's batch mints on Ethereum; another ERC-20's
	// releases what deposits locked.
	if err := k.addOnEthereum(ctx, entry, total, entry.Origin == types.TokenOriginKizuna); err != nil {
		return err
	}
	if err := k.LastBatchNonces.Set(ctx, token.Bytes(), batch.Nonce); err != nil {
		return err
	}
	if err := k.dropBatch(ctx, batch); err != nil {
		return err
	}
	return emit(ctx, &types.EventBatchExecuted{TokenContract: batch.TokenContract, Nonce: batch.Nonce, Transfers: uint32(len(transfers))})
}

// addOnEthereum adds amount to what the chain counts of a token on
// Ethereum, or takes it away. Taking more than there is fails: no deposit
// brings back more of a community currency than its batches minted, and no
// batch releases more of an ERC-20 than deposits locked.
func (k Keeper) addOnEthereum(ctx context.Context, entry types.BridgeToken, amount sdkmath.Int, add bool) error {
	key := common.HexToAddress(entry.TokenContract).Bytes()
	held, err := k.OnEthereum.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		held = sdkmath.ZeroInt()
	} else if err != nil {
		return err
	}
	if add {
		if held, err = held.SafeAdd(amount); err != nil {
			return types.ErrClaimNotExecutable.Wrapf("%s of %s on Ethereum by the chain's count: %v", amount, entry.TokenContract, err)
		}
	} else {
		if held.LT(amount) {
			return types.ErrClaimNotExecutable.Wrapf("%s of %s on Ethereum by the chain's count, fewer than %s",
				held, entry.TokenContract, amount)
		}
		held = held.Sub(amount)
	}
	if held.IsZero() {
		return k.OnEthereum.Remove(ctx, key)
	}
	return k.OnEthereum.Set(ctx, key, held)
}

// timeOutBatches returns to the pool the transfers of every batch whose
// timeout the observed Ethereum height has reached. Such a batch can never
// execute, and it did not before: events are observed in the contract's
// order, so its execution, at a lower height, would have been observed
// first. Each batch times out once: it is dropped with its signatures, and
// the next end of block batches its transfers again under the same nonce.
func (k Keeper) timeOutBatches(ctx context.Context, height uint64) error {
	var due []collections.Pair[uint64, []byte]
	rng := new(collections.Range[collections.Pair[uint64, []byte]]).
		EndExclusive(collections.Join(height+1, []byte{}))
	if err := k.BatchTimeouts.Walk(ctx, rng, func(key collections.Pair[uint64, []byte]) (bool, error) {
		due = append(due, key)
		return false, nil
	}); err != nil {
		return err
	}
	for _, key := range due {
		batch, err := k.Batches.Get(ctx, key.K2())
		if err != nil {
			return err
		}
		for _, id := range batch.TransferIds {
			t, err := k.Transfers.Get(ctx, id)
			if err != nil {
				return err
			}
			t.BatchNonce = 0
			if err := k.Transfers.Set(ctx, id, t); err != nil {
				return err
			}
			if err := k.pool(ctx, t); err != nil {
				return err
			}
		}
		if err := k.dropBatch(ctx, batch); err != nil {
			return err
		}
		if err := emit(ctx, &types.EventBatchTimedOut{
			TokenContract: batch.TokenContract, Nonce: batch.Nonce, Timeout: batch.Timeout, EthereumHeight: height,
		}); err != nil {
			return err
		}
	}
	return nil
}

// dropBatch removes an outstanding batch, its timeout and its signatures.
func (k Keeper) dropBatch(ctx context.Context, batch types.OutgoingBatch) error {
	token := common.HexToAddress(batch.TokenContract).Bytes()
	if err := k.Batches.Remove(ctx, token); err != nil {
		return err
	}
	if err := k.BatchTimeouts.Remove(ctx, collections.Join(batch.Timeout, token)); err != nil {
		return err
	}
	rng := collections.NewSuperPrefixedTripleRange[[]byte, uint64, sdk.ValAddress](token, batch.Nonce)
	return k.BatchConfirms.Clear(ctx, rng)
}

// moduleAddress is the bridge module account.
func (k Keeper) moduleAddress() sdk.AccAddress {
	return authtypes.NewModuleAddress(types.ModuleName)
}
