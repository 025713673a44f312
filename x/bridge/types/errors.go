package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Errors of the bridge module. Codes are part of the API: never reuse or
// renumber one.
var (
	ErrInvalidParams          = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid params")
	ErrInvalidGenesis         = errors.RegisterWithGRPCCode(ModuleName, 3, codes.InvalidArgument, "invalid genesis state")
	ErrInvalidEthereumAddress = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid Ethereum address")
	ErrInvalidSignature       = errors.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "invalid Ethereum signature")
	ErrValidatorNotFound      = errors.RegisterWithGRPCCode(ModuleName, 6, codes.NotFound, "validator not found")
	ErrAlreadyRegistered      = errors.RegisterWithGRPCCode(ModuleName, 7, codes.AlreadyExists, "already registered")
	ErrNotOrchestrator        = errors.RegisterWithGRPCCode(ModuleName, 8, codes.PermissionDenied, "account is not a registered validator's orchestrator")
	ErrValsetNotFound         = errors.RegisterWithGRPCCode(ModuleName, 9, codes.NotFound, "valset not found")
	ErrAlreadyConfirmed       = errors.RegisterWithGRPCCode(ModuleName, 10, codes.AlreadyExists, "already confirmed")
	ErrRegistrationNotFound   = errors.RegisterWithGRPCCode(ModuleName, 11, codes.NotFound, "registration not found")
	ErrInvalidDenom           = errors.RegisterWithGRPCCode(ModuleName, 12, codes.InvalidArgument, "denom cannot be bridged")
	ErrTokenNotRegistered     = errors.RegisterWithGRPCCode(ModuleName, 13, codes.NotFound, "token not registered")
	ErrTokenRegistered        = errors.RegisterWithGRPCCode(ModuleName, 14, codes.AlreadyExists, "token already registered")
	ErrBridgeNotReady         = errors.RegisterWithGRPCCode(ModuleName, 15, codes.FailedPrecondition, "the bridge contract is not set yet")
	ErrNotAdmin               = errors.RegisterWithGRPCCode(ModuleName, 16, codes.PermissionDenied, "account is not an admin of the community")
	ErrInvalidTokenMetadata   = errors.RegisterWithGRPCCode(ModuleName, 17, codes.InvalidArgument, "currency metadata does not fit an ERC-20")
	ErrInvalidAmount          = errors.RegisterWithGRPCCode(ModuleName, 18, codes.InvalidArgument, "invalid amount")
	ErrAmountTooLarge         = errors.RegisterWithGRPCCode(ModuleName, 19, codes.InvalidArgument, "amount does not fit the token's 256 bits")
	ErrTransferNotFound       = errors.RegisterWithGRPCCode(ModuleName, 20, codes.NotFound, "transfer not found")
	ErrNotSender              = errors.RegisterWithGRPCCode(ModuleName, 21, codes.PermissionDenied, "only the transfer's sender may cancel it")
	ErrTransferBatched        = errors.RegisterWithGRPCCode(ModuleName, 22, codes.FailedPrecondition, "transfer is in a batch")
	ErrBatchNotFound          = errors.RegisterWithGRPCCode(ModuleName, 23, codes.NotFound, "batch not found")
	ErrNonContiguousNonce     = errors.RegisterWithGRPCCode(ModuleName, 24, codes.FailedPrecondition, "claim's event nonce does not follow the validator's last")
	ErrInvalidClaim           = errors.RegisterWithGRPCCode(ModuleName, 25, codes.InvalidArgument, "invalid claim")
	ErrClaimNotExecutable     = errors.RegisterWithGRPCCode(ModuleName, 26, codes.FailedPrecondition, "claim cannot be executed")
	ErrValidatorNotBonded     = errors.RegisterWithGRPCCode(ModuleName, 27, codes.FailedPrecondition, "validator is not bonded")
)
