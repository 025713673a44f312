package types

import (
	"context"

	"cosmossdk.io/core/address"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// AccountKeeper is what the ledger needs of x/auth.
type AccountKeeper interface {
	AddressCodec() address.Codec
	GetModuleAddress(moduleName string) sdk.AccAddress
	GetModuleAccount(ctx context.Context, moduleName string) sdk.ModuleAccountI
	HasAccount(ctx context.Context, addr sdk.AccAddress) bool
	NewAccountWithAddress(ctx context.Context, addr sdk.AccAddress) sdk.AccountI
	SetAccount(ctx context.Context, acc sdk.AccountI)
}

// BankKeeper is what the ledger needs of x/bank.
type BankKeeper interface {
	MintCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	BurnCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	SendCoinsFromAccountToModule(ctx context.Context, senderAddr sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	DenomOwners(ctx context.Context, req *banktypes.QueryDenomOwnersRequest) (*banktypes.QueryDenomOwnersResponse, error)
	SendCoins(ctx context.Context, fromAddr, toAddr sdk.AccAddress, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	SpendableCoin(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	GetSupply(ctx context.Context, denom string) sdk.Coin
	SetDenomMetaData(ctx context.Context, denomMetaData banktypes.Metadata)
}

// CommunityKeeper is the read API of x/community.
type CommunityKeeper interface {
	GetCommunity(ctx context.Context, id uint64) (communitytypes.Community, error)
	GetMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) (communitytypes.Member, error)
	IsActiveMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) (bool, error)
	HasRole(ctx context.Context, communityID uint64, addr sdk.AccAddress, roles ...communitytypes.Role) (bool, error)
}

// AdsKeeper is what the ledger needs of x/ads to let a transfer pay for an ad.
type AdsKeeper interface {
	// CheckPayment fails unless payer may pay payee for the ad: the ad exists,
	// is open, belongs to the community, and follows the payment rule (the
	// owner of a WANT ad pays; anyone but the owner pays the owner of a GIVE
	// ad).
	CheckPayment(ctx context.Context, adID, communityID uint64, payer, payee sdk.AccAddress) error
	// MarkPaid records a payment of amount for the ad, which marks it paid
	// when it covers the ad's price.
	MarkPaid(ctx context.Context, adID uint64, amount sdkmath.Int) error
}
