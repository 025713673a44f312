package keeper

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// InitGenesis loads a validated genesis state.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	// In seq order, so that every type numbers its messages as they were
	// accepted. Keeper.Messages rebuilds the other indexes.
	for _, m := range gs.Messages {
		if err := k.storeMessage(ctx, m); err != nil {
			return err
		}
	}
	if err := k.NextSeq.Set(ctx, uint64(len(gs.Messages))); err != nil {
		return err
	}
	for _, d := range gs.Delegations {
		from, to := common.HexToAddress(d.From).Hex(), common.HexToAddress(d.To).Hex()
		if err := k.Delegations.Set(ctx, to, from); err != nil {
			return err
		}
	}
	for _, l := range gs.Links {
		account, err := k.parseAddress("account", l.Account)
		if err != nil {
			return types.ErrInvalidGenesis.Wrap(err.Error())
		}
		eth := common.HexToAddress(l.EthAddress).Hex()
		if err := k.Links.Set(ctx, account, eth); err != nil {
			return err
		}
	}
	for _, n := range gs.ConsentNonces {
		if err := k.ConsentNonces.Set(ctx, common.HexToAddress(n.Address).Hex(), n.Nonce); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the module state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	err = k.Messages.Indexes.Seq.Walk(ctx, nil, func(_ uint64, index string) (bool, error) {
		m, err := k.Messages.Get(ctx, index)
		if err != nil {
			return true, err
		}
		gs.Messages = append(gs.Messages, m)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.Delegations.Indexes.From.Walk(ctx, nil, func(from, to string) (bool, error) {
		gs.Delegations = append(gs.Delegations, types.Delegation{From: from, To: to})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.Links.Walk(ctx, nil, func(account sdk.AccAddress, eth string) (bool, error) {
		addr, err := k.addressCodec.BytesToString(account)
		if err != nil {
			return true, err
		}
		gs.Links = append(gs.Links, types.EthereumLink{Account: addr, EthAddress: eth})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.ConsentNonces.Walk(ctx, nil, func(addr string, n uint64) (bool, error) {
		gs.ConsentNonces = append(gs.ConsentNonces, types.ConsentNonce{Address: addr, Nonce: n})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return gs, nil
}
