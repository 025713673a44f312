package keeper

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"

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
	for _, m := range gs.Messages {
		// Validate checked the content, so the digest cannot fail.
		digest, err := types.Content{Title: m.Title, Href: m.Href, Type: m.Type, Timestamp: m.Timestamp}.Digest()
		if err != nil {
			return types.ErrInvalidGenesis.Wrapf("message %d: %v", m.Seq, err)
		}
		if err := k.storeMessage(ctx, m, digest); err != nil {
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
		if err := k.DelegationsByFrom.Set(ctx, collections.Join(from, to)); err != nil {
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
		if err := k.LinksByEth.Set(ctx, eth, account); err != nil {
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
	err = k.MessagesBySeq.Walk(ctx, nil, func(_ uint64, index string) (bool, error) {
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
	err = k.DelegationsByFrom.Walk(ctx, nil, func(key collections.Pair[string, string]) (bool, error) {
		gs.Delegations = append(gs.Delegations, types.Delegation{From: key.K1(), To: key.K2()})
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
