package keeper

import (
	"context"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// DepositClaim records a validator's claim of a deposit on Ethereum.
func (s msgServer) DepositClaim(ctx context.Context, msg *types.MsgDepositClaim) (*types.MsgDepositClaimResponse, error) {
	claim := msg.Claim
	if err := s.claim(ctx, msg.Orchestrator, &claim, &types.Attestation{Claim: &types.Attestation_Deposit{Deposit: &claim}}); err != nil {
		return nil, err
	}
	return &types.MsgDepositClaimResponse{}, nil
}

// BatchExecutedClaim records a validator's claim of a batch executed on
// Ethereum.
func (s msgServer) BatchExecutedClaim(ctx context.Context, msg *types.MsgBatchExecutedClaim) (*types.MsgBatchExecutedClaimResponse, error) {
	claim := msg.Claim
	if err := s.claim(ctx, msg.Orchestrator, &claim, &types.Attestation{Claim: &types.Attestation_BatchExecuted{BatchExecuted: &claim}}); err != nil {
		return nil, err
	}
	return &types.MsgBatchExecutedClaimResponse{}, nil
}
