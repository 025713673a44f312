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
)
