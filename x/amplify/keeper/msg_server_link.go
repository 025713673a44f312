package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// LinkEthereumAddress binds an Ethereum address to the sender's account. An
// account has one address and an address one account; the proof is the
// address's EIP-712 signature of LinkTypedData with its consent nonce.
func (k msgServer) LinkEthereumAddress(ctx context.Context, msg *types.MsgLinkEthereumAddress) (*types.MsgLinkEthereumAddressResponse, error) {
	account, err := k.parseAddress("account", msg.Account)
	if err != nil {
		return nil, err
	}
	eth, err := types.ParseEthAddress("eth_address", msg.EthAddress)
	if err != nil {
		return nil, err
	}
	if has, err := k.Links.Has(ctx, account); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrLinkConflict.Wrapf("account %s already linked", msg.Account)
	}
	switch _, err := k.Links.Indexes.Eth.MatchExact(ctx, eth.Hex()); {
	case err == nil:
		return nil, types.ErrLinkConflict.Wrapf("%s already linked to another account", eth.Hex())
	case !errors.Is(err, collections.ErrNotFound):
		return nil, err
	}
	nonce, err := k.nextNonce(ctx, eth)
	if err != nil {
		return nil, err
	}
	chainID := sdk.UnwrapSDKContext(ctx).ChainID()
	chargeRecovery(ctx, "a link proof")
	if err := types.VerifyConsent(types.LinkTypedData(eth, msg.Account, chainID, nonce), msg.Signature, eth); err != nil {
		return nil, err
	}
	if err := k.useNonce(ctx, eth, nonce); err != nil {
		return nil, err
	}
	if err := k.Links.Set(ctx, account, eth.Hex()); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventEthereumAddressLinked{
		Account: msg.Account, EthAddress: eth.Hex(),
	}); err != nil {
		return nil, err
	}
	return &types.MsgLinkEthereumAddressResponse{}, nil
}
