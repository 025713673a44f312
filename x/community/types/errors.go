package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Errors of the community module. Codes are part of the API: never reuse or
// renumber one.
var (
	ErrInvalidName        = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid community name")
	ErrNameTaken          = errors.RegisterWithGRPCCode(ModuleName, 3, codes.AlreadyExists, "community name already taken")
	ErrInvalidDescription = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid description")
	ErrInvalidLocation    = errors.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "invalid location")
	ErrInvalidJoinPolicy  = errors.RegisterWithGRPCCode(ModuleName, 6, codes.InvalidArgument, "invalid join policy")
	ErrCommunityNotFound  = errors.RegisterWithGRPCCode(ModuleName, 7, codes.NotFound, "community not found")
	ErrInvalidUsername    = errors.RegisterWithGRPCCode(ModuleName, 8, codes.InvalidArgument, "invalid username")
	ErrUsernameTaken      = errors.RegisterWithGRPCCode(ModuleName, 9, codes.AlreadyExists, "username already taken in this community")
	ErrInvalidPersonName  = errors.RegisterWithGRPCCode(ModuleName, 10, codes.InvalidArgument, "invalid first or last name")
	ErrInvalidAvatar      = errors.RegisterWithGRPCCode(ModuleName, 11, codes.InvalidArgument, "invalid avatar")
	ErrAlreadyMember      = errors.RegisterWithGRPCCode(ModuleName, 12, codes.AlreadyExists, "account is already a member or has a pending request")
	ErrMemberNotFound     = errors.RegisterWithGRPCCode(ModuleName, 13, codes.NotFound, "member not found")
	ErrMemberNotActive    = errors.RegisterWithGRPCCode(ModuleName, 14, codes.FailedPrecondition, "member is not active")
	ErrMemberNotPending   = errors.RegisterWithGRPCCode(ModuleName, 15, codes.FailedPrecondition, "member has no pending request")
	ErrNotPermitted       = errors.RegisterWithGRPCCode(ModuleName, 16, codes.PermissionDenied, "role does not permit this action")
	ErrLastAdmin          = errors.RegisterWithGRPCCode(ModuleName, 17, codes.FailedPrecondition, "the last admin of a community cannot leave, be removed or be demoted")
	ErrInvalidRole        = errors.RegisterWithGRPCCode(ModuleName, 18, codes.InvalidArgument, "invalid role")
	ErrInvalidStatus      = errors.RegisterWithGRPCCode(ModuleName, 19, codes.InvalidArgument, "invalid member status")
	ErrNothingToUpdate    = errors.RegisterWithGRPCCode(ModuleName, 20, codes.InvalidArgument, "update changes nothing")
	ErrInvalidClearField  = errors.RegisterWithGRPCCode(ModuleName, 21, codes.InvalidArgument, "invalid field to clear")
	ErrInvalidParams      = errors.RegisterWithGRPCCode(ModuleName, 22, codes.InvalidArgument, "invalid params")
	ErrInvalidGenesis     = errors.RegisterWithGRPCCode(ModuleName, 23, codes.InvalidArgument, "invalid genesis state")
	ErrInvalidSearch      = errors.RegisterWithGRPCCode(ModuleName, 24, codes.InvalidArgument, "invalid search request")
	ErrCreatorOnly        = errors.RegisterWithGRPCCode(ModuleName, 25, codes.PermissionDenied, "only the community's creator may remove or demote an admin, and nobody else the creator")
)
