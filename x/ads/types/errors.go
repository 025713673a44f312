package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Errors of the ads module. Codes are part of the API: never reuse or
// renumber one.
var (
	ErrInvalidTitle       = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid title")
	ErrInvalidDescription = errors.RegisterWithGRPCCode(ModuleName, 3, codes.InvalidArgument, "invalid description")
	ErrInvalidPrice       = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid price")
	ErrInvalidLocation    = errors.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "invalid location")
	ErrInvalidPhoto       = errors.RegisterWithGRPCCode(ModuleName, 6, codes.InvalidArgument, "invalid photo")
	ErrInvalidCategory    = errors.RegisterWithGRPCCode(ModuleName, 7, codes.InvalidArgument, "invalid category")
	ErrInvalidAdType      = errors.RegisterWithGRPCCode(ModuleName, 8, codes.InvalidArgument, "invalid ad type")
	ErrInvalidAdStatus    = errors.RegisterWithGRPCCode(ModuleName, 9, codes.InvalidArgument, "invalid ad status")
	ErrAdNotFound         = errors.RegisterWithGRPCCode(ModuleName, 10, codes.NotFound, "ad not found")
	ErrNotMember          = errors.RegisterWithGRPCCode(ModuleName, 11, codes.PermissionDenied, "account is not an active member of the community")
	ErrNotOwner           = errors.RegisterWithGRPCCode(ModuleName, 12, codes.PermissionDenied, "only the owner of an ad may do this")
	ErrAdClosed           = errors.RegisterWithGRPCCode(ModuleName, 13, codes.FailedPrecondition, "ad is closed")
	ErrAdPaid             = errors.RegisterWithGRPCCode(ModuleName, 14, codes.FailedPrecondition, "a paid ad can no longer be edited")
	ErrWrongCommunity     = errors.RegisterWithGRPCCode(ModuleName, 15, codes.InvalidArgument, "ad belongs to another community")
	ErrPayerNotAllowed    = errors.RegisterWithGRPCCode(ModuleName, 16, codes.PermissionDenied, "payer may not pay for this ad")
	ErrPayeeNotAllowed    = errors.RegisterWithGRPCCode(ModuleName, 17, codes.PermissionDenied, "payee may not be paid for this ad")
	ErrNothingToUpdate    = errors.RegisterWithGRPCCode(ModuleName, 18, codes.InvalidArgument, "update changes nothing")
	ErrInvalidClearField  = errors.RegisterWithGRPCCode(ModuleName, 19, codes.InvalidArgument, "invalid field to clear")
	ErrInvalidParams      = errors.RegisterWithGRPCCode(ModuleName, 20, codes.InvalidArgument, "invalid params")
	ErrInvalidGenesis     = errors.RegisterWithGRPCCode(ModuleName, 21, codes.InvalidArgument, "invalid genesis state")
	ErrCommunityMismatch  = errors.RegisterWithGRPCCode(ModuleName, 22, codes.InvalidArgument, "the Msg names another community")
)
