package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Errors of the messaging module. Codes are part of the API: never reuse or
// renumber one.
var (
	ErrInvalidTitle      = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid title")
	ErrInvalidMembers    = errors.RegisterWithGRPCCode(ModuleName, 3, codes.InvalidArgument, "invalid number of members")
	ErrDuplicateMember   = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "duplicate member")
	ErrThreadNotFound    = errors.RegisterWithGRPCCode(ModuleName, 5, codes.NotFound, "thread not found")
	ErrNotMember         = errors.RegisterWithGRPCCode(ModuleName, 6, codes.PermissionDenied, "account is not an active member of the community")
	ErrNotThreadMember   = errors.RegisterWithGRPCCode(ModuleName, 7, codes.PermissionDenied, "account is not a member of the thread")
	ErrUnauthorized      = errors.RegisterWithGRPCCode(ModuleName, 8, codes.PermissionDenied, "only the thread's creator or a community admin may do this")
	ErrInvalidPayload    = errors.RegisterWithGRPCCode(ModuleName, 9, codes.InvalidArgument, "invalid payload")
	ErrInvalidHash       = errors.RegisterWithGRPCCode(ModuleName, 10, codes.InvalidArgument, "content_sha256 must be 32 bytes")
	ErrHashMismatch      = errors.RegisterWithGRPCCode(ModuleName, 11, codes.InvalidArgument, "content_sha256 does not match the payload")
	ErrSeqBeyondLast     = errors.RegisterWithGRPCCode(ModuleName, 12, codes.InvalidArgument, "seq is beyond the thread's last message")
	ErrSelfThread        = errors.RegisterWithGRPCCode(ModuleName, 13, codes.InvalidArgument, "a thread needs another member than the sender")
	ErrNotGroup          = errors.RegisterWithGRPCCode(ModuleName, 14, codes.FailedPrecondition, "thread is not a group thread")
	ErrThreadTooSmall    = errors.RegisterWithGRPCCode(ModuleName, 15, codes.FailedPrecondition, "thread has too few members to post in")
	ErrInvalidParams     = errors.RegisterWithGRPCCode(ModuleName, 16, codes.InvalidArgument, "invalid params")
	ErrInvalidGenesis    = errors.RegisterWithGRPCCode(ModuleName, 17, codes.InvalidArgument, "invalid genesis state")
	ErrInvalidThreadKind = errors.RegisterWithGRPCCode(ModuleName, 18, codes.InvalidArgument, "invalid thread kind")
	ErrNoInvitation      = errors.RegisterWithGRPCCode(ModuleName, 19, codes.NotFound, "no pending invitation to the thread")
	ErrTooManyInvites    = errors.RegisterWithGRPCCode(ModuleName, 20, codes.ResourceExhausted, "account has too many pending invitations")
	ErrCommunityMismatch = errors.RegisterWithGRPCCode(ModuleName, 21, codes.InvalidArgument, "community_id is not the thread's or ad's community")
	ErrInvalidKey        = errors.RegisterWithGRPCCode(ModuleName, 22, codes.InvalidArgument, "invalid messaging key")
	ErrKeyVersion        = errors.RegisterWithGRPCCode(ModuleName, 23, codes.FailedPrecondition, "messaging key version must grow")
	ErrKeyNotFound       = errors.RegisterWithGRPCCode(ModuleName, 24, codes.NotFound, "account has published no messaging key")
)
