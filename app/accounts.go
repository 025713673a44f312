package app

import (
	"context"
	"sync"

	"cosmossdk.io/collections"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// DecodedAccountsSize is how many decoded accounts the ante handler keeps:
// more than CometBFT's default mempool of 5,000 transactions, so that
// FinalizeBlock finds the signers CheckTx decoded; about 3 MB.
const DecodedAccountsSize = 1 << 13

// decodedAccounts is x/auth's account keeper as the ante handler and x/bank
// see it, decoding each stored account once. The SDK's decorators read the
// signer's account five times a transaction (signature checks, sequence,
// fee) and x/bank reads the sender's at every send (for vesting locks);
// decoding it, with its public key packed in an Any, was most of the 8 % of
// a node's CPU that reading accounts took under load.
//
// GetAccount reads the account's bytes from the store exactly as x/auth
// does (the same key, the same read, the same gas) and decodes them only
// when it has not decoded the same bytes before. What it remembers is keyed
// by the whole stored value, so a changed account (a new sequence, a new
// key) is never answered from memory, and every caller gets a copy of its
// own to change. Only base accounts are remembered; module and vesting
// accounts are decoded on every read. What the memory holds changes no
// answer and no gas, so validators agree whatever theirs holds.
//
// It is safe for concurrent use (Block-STM runs ante handlers in parallel).
type decodedAccounts struct {
	authkeeper.AccountKeeper
	store corestore.KVStoreService
	cdc   codec.BinaryCodec

	mu       sync.Mutex
	accounts fifoMap[string, *authtypes.BaseAccount]
}

// newDecodedAccounts wraps ak, whose accounts are in store and decode with
// cdc, to remember up to size decoded accounts.
func newDecodedAccounts(ak authkeeper.AccountKeeper, store corestore.KVStoreService, cdc codec.BinaryCodec, size int) *decodedAccounts {
	return &decodedAccounts{
		AccountKeeper: ak,
		store:         store,
		cdc:           cdc,
		accounts:      newFIFOMap[string, *authtypes.BaseAccount](size),
	}
}

// GetAccount returns the account at addr, or nil, as x/auth's GetAccount
// does; like it, it panics when the store cannot be read or the account
// cannot be decoded.
func (d *decodedAccounts) GetAccount(ctx context.Context, addr sdk.AccAddress) sdk.AccountI {
	key, err := collections.EncodeKeyWithPrefix(authtypes.AddressStoreKeyPrefix, sdk.AccAddressKey, addr)
	if err != nil {
		panic(err)
	}
	value, err := d.store.OpenKVStore(ctx).Get(key)
	if err != nil {
		panic(err)
	}
	if value == nil {
		return nil
	}
	if acc := d.recall(value); acc != nil {
		return acc
	}
	var acc sdk.AccountI
	if err := d.cdc.UnmarshalInterface(value, &acc); err != nil {
		panic(err)
	}
	if base, ok := acc.(*authtypes.BaseAccount); ok {
		d.remember(value, base)
		copied := *base
		return &copied
	}
	return acc
}

// recall returns a copy of the account decoded from value, or nil.
func (d *decodedAccounts) recall(value []byte) sdk.AccountI {
	d.mu.Lock()
	defer d.mu.Unlock()
	base, ok := d.accounts.get(string(value))
	if !ok {
		return nil
	}
	copied := *base
	return &copied
}

// remember keeps base as the account decoded from value, forgetting the
// oldest when full. base must not change afterwards.
func (d *decodedAccounts) remember(value []byte, base *authtypes.BaseAccount) {
	copied := *base
	d.mu.Lock()
	defer d.mu.Unlock()
	d.accounts.add(string(value), &copied)
}
