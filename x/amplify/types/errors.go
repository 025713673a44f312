package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Errors of the amplify module. Codes are part of the API: never reuse or
// renumber one.
var (
	ErrInvalidMessage     = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "malformed message")
	ErrInvalidType        = errors.RegisterWithGRPCCode(ModuleName, 3, codes.InvalidArgument, "type must be amplify or comment")
	ErrInvalidTitle       = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid title")
	ErrInvalidHref        = errors.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "invalid href")
	ErrInvalidSignature   = errors.RegisterWithGRPCCode(ModuleName, 6, codes.InvalidArgument, "invalid signature")
	ErrTimestampTooOld    = errors.RegisterWithGRPCCode(ModuleName, 7, codes.InvalidArgument, "timestamp is before the minimum")
	ErrTimestampInFuture  = errors.RegisterWithGRPCCode(ModuleName, 8, codes.InvalidArgument, "timestamp is too far in the future")
	ErrDuplicateAmplify   = errors.RegisterWithGRPCCode(ModuleName, 9, codes.AlreadyExists, "identity already amplified this link")
	ErrDuplicateMessage   = errors.RegisterWithGRPCCode(ModuleName, 10, codes.AlreadyExists, "message with this index already exists")
	ErrDuplicateReaction  = errors.RegisterWithGRPCCode(ModuleName, 11, codes.AlreadyExists, "identity already reacted to this message")
	ErrParentNotFound     = errors.RegisterWithGRPCCode(ModuleName, 12, codes.NotFound, "comment's parent message not found")
	ErrParentNotOlder     = errors.RegisterWithGRPCCode(ModuleName, 13, codes.InvalidArgument, "comment must be newer than its parent")
	ErrMessageNotFound    = errors.RegisterWithGRPCCode(ModuleName, 14, codes.NotFound, "message not found")
	ErrInvalidAddress     = errors.RegisterWithGRPCCode(ModuleName, 15, codes.InvalidArgument, "invalid Ethereum address")
	ErrInvalidDelegation  = errors.RegisterWithGRPCCode(ModuleName, 16, codes.InvalidArgument, "invalid delegation")
	ErrDelegationConflict = errors.RegisterWithGRPCCode(ModuleName, 17, codes.AlreadyExists, "delegation conflicts with an existing one")
	ErrDelegationNotFound = errors.RegisterWithGRPCCode(ModuleName, 18, codes.NotFound, "delegation not found")
	ErrInvalidParams      = errors.RegisterWithGRPCCode(ModuleName, 19, codes.InvalidArgument, "invalid params")
	ErrInvalidGenesis     = errors.RegisterWithGRPCCode(ModuleName, 20, codes.InvalidArgument, "invalid genesis state")
	ErrInvalidRequest     = errors.RegisterWithGRPCCode(ModuleName, 21, codes.InvalidArgument, "invalid request")
	ErrLinkConflict       = errors.RegisterWithGRPCCode(ModuleName, 22, codes.AlreadyExists, "Ethereum address already linked")
	ErrLinkNotFound       = errors.RegisterWithGRPCCode(ModuleName, 23, codes.NotFound, "account has no linked Ethereum address")
	ErrIneligibleIdentity = errors.RegisterWithGRPCCode(ModuleName, 24, codes.PermissionDenied, "identity is not eligible to post")
	ErrDuplicateComment   = errors.RegisterWithGRPCCode(ModuleName, 25, codes.AlreadyExists, "identity already posted this comment")
	ErrNotCommunityMember = errors.RegisterWithGRPCCode(ModuleName, 26, codes.PermissionDenied, "submitter is not an active member of the community")
)
