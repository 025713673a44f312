package keeper

import (
	"context"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// RegisterCurrencyToken maps a community's currency to the ERC-20 the
// contract deploys for it, at the address the contract's CREATE2 gives it:
// the chain knows the address before the token exists, and only the
// contract, on a valset-signed call, can ever put code there. Only a
// community admin decides that its currency goes to Ethereum. The token is
// named by the denom's bank metadata, and its epoch, from which a decaying
// currency's static units count, is now.
func (s msgServer) RegisterCurrencyToken(ctx context.Context, msg *types.MsgRegisterCurrencyToken) (*types.MsgRegisterCurrencyTokenResponse, error) {
	admin, err := s.addressCodec.StringToBytes(msg.Admin)
	if err != nil {
		return nil, types.ErrNotAdmin.Wrapf("admin: %v", err)
	}
	switch ok, err := s.communityKeeper.HasRole(ctx, msg.CommunityId, admin, communitytypes.RoleAdmin); {
	case err != nil:
		return nil, err
	case !ok:
		return nil, types.ErrNotAdmin.Wrapf("%s in community %d", msg.Admin, msg.CommunityId)
	}
	params, err := s.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	bridge, ok := params.Contract()
	if !ok {
		return nil, types.ErrBridgeNotReady
	}
	currency, err := s.ledgerKeeper.GetCurrency(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	md, found := s.bankKeeper.GetDenomMetaData(ctx, currency.Denom)
	if !found {
		return nil, types.ErrInvalidTokenMetadata.Wrapf("%s has no bank metadata", currency.Denom)
	}
	token, err := tokenOfMetadata(md)
	if err != nil {
		return nil, err
	}
	token.TokenContract = contracts.TokenAddress(bridge, currency.Denom).Hex()
	token.Epoch = sdk.UnwrapSDKContext(ctx).BlockTime()
	if err := s.registerToken(ctx, token); err != nil {
		return nil, err
	}
	return &types.MsgRegisterCurrencyTokenResponse{TokenContract: token.TokenContract}, nil
}

// tokenOfMetadata names a community currency's ERC-20 from its bank
// metadata: its name, its symbol and the exponent of its display unit.
func tokenOfMetadata(md banktypes.Metadata) (types.BridgeToken, error) {
	t := types.BridgeToken{Denom: md.Base, Origin: types.TokenOriginKizuna, Name: md.Name, Symbol: md.Symbol}
	for _, u := range md.DenomUnits {
		if u.Denom == md.Display {
			t.Decimals = u.Exponent
		}
	}
	switch {
	case t.Name == "" || len(t.Name) > contracts.MaxNameBytes || !utf8.ValidString(t.Name):
		return t, types.ErrInvalidTokenMetadata.Wrapf("name must be 1..%d bytes of UTF-8", contracts.MaxNameBytes)
	case t.Symbol == "" || len(t.Symbol) > contracts.MaxSymbolBytes || !utf8.ValidString(t.Symbol):
		return t, types.ErrInvalidTokenMetadata.Wrapf("symbol must be 1..%d bytes of UTF-8", contracts.MaxSymbolBytes)
	case t.Decimals > 18:
		return t, types.ErrInvalidTokenMetadata.Wrapf("%d decimals; an ERC-20 has at most 18 here", t.Decimals)
	}
	return t, nil
}

// ConfirmTokenDeployment stores a validator's signature of the deployment
// of a registered community currency's ERC-20, checked against the
// validator's registered key; once per validator and denom.
func (s msgServer) ConfirmTokenDeployment(ctx context.Context, msg *types.MsgConfirmTokenDeployment) (*types.MsgConfirmTokenDeploymentResponse, error) {
	val, reg, err := s.orchestratorOf(ctx, msg.Orchestrator)
	if err != nil {
		return nil, err
	}
	sig, err := types.ParseSignature(msg.Signature)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateBridgeDenom(msg.Denom); err != nil {
		return nil, err
	}
	token, err := s.TokenOfDenom(ctx, msg.Denom)
	if err != nil {
		return nil, err
	}
	if token.Origin != types.TokenOriginKizuna {
		return nil, types.ErrInvalidDenom.Wrapf("%s is an ERC-20 from Ethereum; the contract deploys community currencies only", msg.Denom)
	}
	key := collections.Join(msg.Denom, val)
	switch has, err := s.TokenDeployConfirms.Has(ctx, key); {
	case err != nil:
		return nil, err
	case has:
		return nil, types.ErrAlreadyConfirmed.Wrapf("deployment of %s by %s", msg.Denom, reg.Validator)
	}
	ethKey, err := types.ParseEthereumAddress(reg.EthereumAddress)
	if err != nil {
		return nil, err
	}
	if err := s.checkSignature(ctx, s.DeployHash(ctx, token), sig, ethKey); err != nil {
		return nil, err
	}
	confirm := types.TokenDeployConfirm{
		Denom: msg.Denom, Validator: reg.Validator, EthereumAddress: reg.EthereumAddress, Signature: hexutil.Encode(sig),
	}
	if err := s.TokenDeployConfirms.Set(ctx, key, confirm); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventTokenDeployConfirmed{Denom: msg.Denom, Validator: reg.Validator}); err != nil {
		return nil, err
	}
	return &types.MsgConfirmTokenDeploymentResponse{}, nil
}
