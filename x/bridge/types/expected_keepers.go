package types

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// StakingKeeper is the part of the staking keeper the bridge reads: who
// validates, and with how much of the bonded power.
type StakingKeeper interface {
	// GetValidator returns a validator, or stakingtypes.ErrNoValidatorFound.
	GetValidator(ctx context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error)
	// GetBondedValidatorsByPower returns the bonded validators, most power
	// first.
	GetBondedValidatorsByPower(ctx context.Context) ([]stakingtypes.Validator, error)
}

// LedgerKeeper is the part of the ledger keeper the bridge uses: a
// community currency leaves and comes back through the ledger, which keeps
// its rules (decay settled first, only a positive balance leaves, receipts
// repay debt), its history (BRIDGE entries) and its supply totals.
type LedgerKeeper interface {
	// GetParams returns the ledger params: the bridge's memos fit their
	// max_memo_length.
	GetParams(ctx context.Context) (ledgertypes.Params, error)
	// GetCurrency returns a community's currency, or an error wrapping
	// ledgertypes.ErrCurrencyNotFound.
	GetCurrency(ctx context.Context, communityID uint64) (ledgertypes.Currency, error)
	// CurrencyOfDenom returns the currency of a cc/ denom.
	CurrencyOfDenom(ctx context.Context, denom string) (ledgertypes.Currency, error)
	// SendToBridge burns amount of sender's balance for a transfer to
	// Ethereum; ledgertypes.ErrBridgeNeedsCredit when it would need credit.
	SendToBridge(ctx context.Context, sender sdk.AccAddress, denom string, amount sdkmath.Int, ethRecipient, memo string) error
	// ReceiveFromBridge mints amount to recipient; ErrMaxBalanceExceeded
	// when the recipient has no room for it.
	ReceiveFromBridge(ctx context.Context, recipient sdk.AccAddress, denom string, amount sdkmath.Int, ethSender string,
		direction ledgertypes.BridgeDirection, memo string) (sdkmath.Int, error)
}

// CommunityKeeper is the part of the community keeper the bridge reads: a
// community's admins decide whether its currency goes to Ethereum.
type CommunityKeeper interface {
	// HasRole reports whether addr is an active member holding one of roles.
	HasRole(ctx context.Context, communityID uint64, addr sdk.AccAddress, roles ...communitytypes.Role) (bool, error)
}

// BankKeeper is the part of the bank keeper the bridge uses: ERC-20
// vouchers are minted and burned by the bridge module, and a community
// currency's metadata names its ERC-20.
type BankKeeper interface {
	GetDenomMetaData(ctx context.Context, denom string) (banktypes.Metadata, bool)
	SetDenomMetaData(ctx context.Context, denomMetaData banktypes.Metadata)
	MintCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	BurnCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	SendCoinsFromAccountToModule(ctx context.Context, senderAddr sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
	GetSupply(ctx context.Context, denom string) sdk.Coin
	// BlockedAddr reports whether addr may not receive coins (module
	// accounts).
	BlockedAddr(addr sdk.AccAddress) bool
}

// DistributionKeeper funds the community pool with deposits from Ethereum
// whose receiver cannot hold them.
type DistributionKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}
