package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Errors of the ledger module. Codes are part of the API: never reuse or
// renumber one.
var (
	ErrInvalidParams         = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid params")
	ErrInvalidGenesis        = errors.RegisterWithGRPCCode(ModuleName, 3, codes.InvalidArgument, "invalid genesis state")
	ErrInvalidCode           = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid currency code")
	ErrInvalidName           = errors.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "invalid currency name")
	ErrInvalidDecimals       = errors.RegisterWithGRPCCode(ModuleName, 6, codes.InvalidArgument, "invalid number of decimals")
	ErrInvalidIssuancePolicy = errors.RegisterWithGRPCCode(ModuleName, 7, codes.InvalidArgument, "invalid issuance policy")
	ErrInvalidFee            = errors.RegisterWithGRPCCode(ModuleName, 8, codes.InvalidArgument, "invalid fee")
	ErrCurrencyExists        = errors.RegisterWithGRPCCode(ModuleName, 9, codes.AlreadyExists, "community already has a currency")
	ErrCurrencyNotFound      = errors.RegisterWithGRPCCode(ModuleName, 10, codes.NotFound, "currency not found")
	ErrDenomInUse            = errors.RegisterWithGRPCCode(ModuleName, 11, codes.FailedPrecondition, "denom already has a supply")
	ErrNotPermitted          = errors.RegisterWithGRPCCode(ModuleName, 12, codes.PermissionDenied, "role does not permit this action")
	ErrNotMember             = errors.RegisterWithGRPCCode(ModuleName, 13, codes.FailedPrecondition, "account is not an active member of the community")
	ErrInvalidAmount         = errors.RegisterWithGRPCCode(ModuleName, 14, codes.InvalidArgument, "invalid amount")
	ErrInvalidMemo           = errors.RegisterWithGRPCCode(ModuleName, 15, codes.InvalidArgument, "invalid memo")
	ErrInvalidMonth          = errors.RegisterWithGRPCCode(ModuleName, 16, codes.InvalidArgument, "invalid month")
	ErrMonthOutOfWindow      = errors.RegisterWithGRPCCode(ModuleName, 17, codes.InvalidArgument, "target month outside the creation window")
	ErrCapExceeded           = errors.RegisterWithGRPCCode(ModuleName, 18, codes.FailedPrecondition, "monthly creation cap exceeded")
	ErrIssuanceNotAllowed    = errors.RegisterWithGRPCCode(ModuleName, 19, codes.FailedPrecondition, "the currency's issuance policy does not allow this")
	ErrContributionNotFound  = errors.RegisterWithGRPCCode(ModuleName, 20, codes.NotFound, "contribution not found")
	ErrContributionClosed    = errors.RegisterWithGRPCCode(ModuleName, 21, codes.FailedPrecondition, "contribution is not pending")
	ErrSelfReview            = errors.RegisterWithGRPCCode(ModuleName, 22, codes.PermissionDenied, "contributors cannot review their own contribution")
	ErrSelfTransfer          = errors.RegisterWithGRPCCode(ModuleName, 23, codes.InvalidArgument, "sender and recipient are the same account")
	ErrFeeMismatch           = errors.RegisterWithGRPCCode(ModuleName, 24, codes.FailedPrecondition, "expected fee differs from the currency's fee")
	ErrAdsUnavailable        = errors.RegisterWithGRPCCode(ModuleName, 25, codes.Unimplemented, "ads are not available")
	ErrNothingToUpdate       = errors.RegisterWithGRPCCode(ModuleName, 26, codes.InvalidArgument, "update changes nothing")
	ErrInvalidClearField     = errors.RegisterWithGRPCCode(ModuleName, 27, codes.InvalidArgument, "invalid field to clear")
	ErrCurrencyRestricted    = errors.RegisterWithGRPCCode(ModuleName, 28, codes.FailedPrecondition, "community currencies move only through the ledger module")
	ErrInvalidRequest        = errors.RegisterWithGRPCCode(ModuleName, 29, codes.InvalidArgument, "invalid query")
	ErrInvalidStatus         = errors.RegisterWithGRPCCode(ModuleName, 30, codes.InvalidArgument, "invalid contribution status")
	ErrNotSponsored          = errors.RegisterWithGRPCCode(ModuleName, 31, codes.PermissionDenied, "the community fee account does not pay for this transaction")
	ErrSponsoredGasTooHigh   = errors.RegisterWithGRPCCode(ModuleName, 32, codes.InvalidArgument, "sponsored transaction asks for too much gas")
	ErrSponsoredFeeTooHigh   = errors.RegisterWithGRPCCode(ModuleName, 33, codes.InvalidArgument, "sponsored transaction offers too high a fee")
	ErrAllowanceExceeded     = errors.RegisterWithGRPCCode(ModuleName, 34, codes.ResourceExhausted, "member's fee allowance for this period is spent")
	ErrBudgetExceeded        = errors.RegisterWithGRPCCode(ModuleName, 35, codes.ResourceExhausted, "community's fee budget for this period is spent")
	ErrSelfIssuance          = errors.RegisterWithGRPCCode(ModuleName, 36, codes.PermissionDenied, "issuance to oneself is not allowed")
	ErrCommunityMismatch     = errors.RegisterWithGRPCCode(ModuleName, 37, codes.InvalidArgument, "the Msg names another community")
	ErrMonthBeforeJoining    = errors.RegisterWithGRPCCode(ModuleName, 38, codes.InvalidArgument, "target month is before the member joined")
	ErrInvalidSponsorship    = errors.RegisterWithGRPCCode(ModuleName, 39, codes.InvalidArgument, "invalid fee sponsorship")
)
