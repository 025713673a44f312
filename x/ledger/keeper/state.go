package keeper

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	gogoproto "github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/accaddr"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// GetParams returns the module params. It reads them from the store as
// Params.Get does, at the same gas, but decodes them only when their bytes
// differ from the last it decoded: every transfer reads the params, and
// decoding their list of sponsorable Msg types cost a fifth of a transfer's
// handler.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	bz, err := k.storeService.OpenKVStore(ctx).Get(types.ParamsKey.Bytes())
	if err != nil {
		return types.Params{}, err
	}
	if bz == nil {
		return types.Params{}, fmt.Errorf("ledger params: %w", collections.ErrNotFound)
	}
	if last := k.params.Load(); last != nil && bytes.Equal(last.bz, bz) {
		return last.copy(), nil
	}
	var p types.Params
	if err := k.cdc.Unmarshal(bz, &p); err != nil {
		return types.Params{}, err
	}
	decoded := &decodedParams{bz: slices.Clone(bz), params: p}
	k.params.Store(decoded)
	return decoded.copy(), nil
}

// decodedParams are params and the bytes they were decoded from.
type decodedParams struct {
	bz     []byte
	params types.Params
}

// copy returns the params with a list of their own, which the caller may
// change.
func (d *decodedParams) copy() types.Params {
	p := d.params
	p.FeeAllowanceMsgTypeUrls = slices.Clone(p.FeeAllowanceMsgTypeUrls)
	return p
}

// GetCurrency returns the currency of a community, or an error wrapping
// types.ErrCurrencyNotFound.
func (k Keeper) GetCurrency(ctx context.Context, communityID uint64) (types.Currency, error) {
	c, err := k.Currencies.Get(ctx, communityID)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Currency{}, types.ErrCurrencyNotFound.Wrapf("community %d has no currency", communityID)
	}
	return c, err
}

// GetContribution returns a contribution, or an error wrapping
// types.ErrContributionNotFound.
func (k Keeper) GetContribution(ctx context.Context, id uint64) (types.Contribution, error) {
	c, err := k.Contributions.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Contribution{}, types.ErrContributionNotFound.Wrapf("contribution %d", id)
	}
	return c, err
}

// MonthlyCreatedOf returns what counts against a member's cap for a month.
func (k Keeper) MonthlyCreatedOf(ctx context.Context, communityID uint64, member sdk.AccAddress, month types.Month) (sdkmath.Int, error) {
	v, err := k.MonthlyCreated.Get(ctx, collections.Join3(communityID, member, uint32(month)))
	if errors.Is(err, collections.ErrNotFound) {
		return sdkmath.ZeroInt(), nil
	}
	return v, err
}

// requireActiveMember fails with types.ErrNotMember unless addr is an active
// member of the community.
func (k Keeper) requireActiveMember(ctx context.Context, communityID uint64, addr sdk.AccAddress, who string) error {
	active, err := k.communityKeeper.IsActiveMember(ctx, communityID, addr)
	if err != nil {
		return err
	}
	if !active {
		return types.ErrNotMember.Wrapf("%s %s in community %d", who, k.formatAddress(addr), communityID)
	}
	return nil
}

// requireMonthSinceJoining fails with types.ErrMonthBeforeJoining when month
// is before the month member (last) joined the community: back-dating may
// not create money for months in which it was no member.
func (k Keeper) requireMonthSinceJoining(ctx context.Context, communityID uint64, member sdk.AccAddress, month types.Month) error {
	m, err := k.communityKeeper.GetMember(ctx, communityID, member)
	if err != nil {
		return err
	}
	joined := types.MonthOf(m.JoinedAt)
	if month < joined {
		return types.ErrMonthBeforeJoining.Wrapf("%s joined community %d in %s; %s is before that", m.Address, communityID, joined, month)
	}
	return nil
}

// requireRole fails unless addr is an active member of an existing community
// with one of roles: with the community's error when it does not exist,
// types.ErrNotMember when addr is no active member, types.ErrNotPermitted
// when its role is another.
func (k Keeper) requireRole(ctx context.Context, communityID uint64, addr sdk.AccAddress, roles ...communitytypes.Role) error {
	if _, err := k.communityKeeper.GetCommunity(ctx, communityID); err != nil {
		return err
	}
	member, err := k.communityKeeper.GetMember(ctx, communityID, addr)
	if errors.Is(err, communitytypes.ErrMemberNotFound) {
		return types.ErrNotMember.Wrapf("%s in community %d", k.formatAddress(addr), communityID)
	}
	if err != nil {
		return err
	}
	if member.Status != communitytypes.MemberStatusActive {
		return types.ErrNotMember.Wrapf("%s is %s in community %d", member.Address, member.Status, communityID)
	}
	if !slices.Contains(roles, member.Role) {
		return types.ErrNotPermitted.Wrapf("%s is %s in community %d; needs one of %v", member.Address, member.Role, communityID, roles)
	}
	return nil
}

// checkCap fails with types.ErrCapExceeded when creating amount more for the
// member in month would pass the monthly cap of the currency.
func (k Keeper) checkCap(
	ctx context.Context, p types.Params, c types.Currency, member sdk.AccAddress, month types.Month, amount sdkmath.Int,
) error {
	used, err := k.MonthlyCreatedOf(ctx, c.CommunityId, member, month)
	if err != nil {
		return err
	}
	limit := types.MonthlyCap(p.MonthlyCreationCap, c.Decimals)
	// amount > limit first, so that the sum below cannot overflow.
	if amount.GT(limit) || used.Add(amount).GT(limit) {
		return types.ErrCapExceeded.Wrapf("%s would have %s + %s %s created for %s; the cap is %s",
			k.formatAddress(member), used, amount, c.Denom, month, limit)
	}
	return nil
}

// addMonthlyCreated adds delta, possibly negative, to what counts against the
// member's cap for month.
func (k Keeper) addMonthlyCreated(ctx context.Context, communityID uint64, member sdk.AccAddress, month types.Month, delta sdkmath.Int) error {
	key := collections.Join3(communityID, member, uint32(month))
	used, err := k.MonthlyCreatedOf(ctx, communityID, member, month)
	if err != nil {
		return err
	}
	used = used.Add(delta)
	if used.IsNegative() {
		return errors.New("monthly creation counter would go negative")
	}
	if used.IsZero() {
		return k.MonthlyCreated.Remove(ctx, key)
	}
	return k.MonthlyCreated.Set(ctx, key, used)
}

// raiseHighestMonthlyCap records capUnits as the highest monthly cap if it is.
func (k Keeper) raiseHighestMonthlyCap(ctx context.Context, capUnits uint64) error {
	highest, err := k.HighestMonthlyCap.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	if capUnits <= highest {
		return nil
	}
	return k.HighestMonthlyCap.Set(ctx, capUnits)
}

// addCreated adds amount to what the currency of the community has created.
func (k Keeper) addCreated(ctx context.Context, communityID uint64, amount sdkmath.Int) error {
	return addTotal(ctx, k.Created, communityID, amount)
}

// bridgedTotal returns the per-community total a BRIDGE entry of the
// direction counts in: BridgedOut for units that left, BridgedBack for
// units that came back or were refunded.
func (k Keeper) bridgedTotal(direction types.BridgeDirection) collections.Map[uint64, sdkmath.Int] {
	if direction == types.BridgeDirectionOut {
		return k.BridgedOut
	}
	return k.BridgedBack
}

// recordEntry assigns the next entry id of the running transaction (or of
// the block, outside transactions) to e, adds it to the block's entries,
// which the end of the block writes to the journal, and emits
// EventEntryRecorded.
func (k Keeper) recordEntry(ctx context.Context, e types.Entry) (uint64, error) {
	id, err := k.nextEntryID(ctx)
	if err != nil {
		return 0, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	e.Id = id
	e.Fee = types.IntOrZero(e.Fee)
	e.Height = sdkCtx.BlockHeight()
	e.Time = sdkCtx.BlockTime()
	if err := k.setEntry(ctx, e); err != nil {
		return 0, err
	}
	return id, emitEntryRecorded(ctx, &types.EventEntryRecorded{
		Id: id, Account: e.Account, Type: e.Type, CommunityId: e.CommunityId,
		Denom: e.Denom, Counterparty: e.Counterparty, Amount: e.Amount,
		EthereumAddress: e.EthereumAddress, BridgeDirection: e.BridgeDirection, Fee: e.Fee,
	})
}

// nextEntryID returns the id of the next entry of the running transaction,
// or of the block outside its transactions, and counts it in the transient
// store: transactions write only their own slot's counter, so they share
// no state for it, and a failed transaction's count goes with its writes.
func (k Keeper) nextEntryID(ctx context.Context) (uint64, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	slot := uint32(types.BlockEntrySlot)
	switch i := sdkCtx.TxIndex(); {
	case i >= types.BlockEntrySlot:
		return 0, types.ErrTooManyEntries.Wrapf("transaction %d of block %d is past the last that may record entries (%d)",
			i, sdkCtx.BlockHeight(), types.BlockEntrySlot-1)
	case i >= 0:
		slot = uint32(i)
	}
	n, err := k.entriesInSlot.Get(ctx, slot)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return 0, err
	}
	id, err := types.EntryID(sdkCtx.BlockHeight(), slot, n)
	if err != nil {
		return 0, err
	}
	return id, k.entriesInSlot.Set(ctx, slot, n+1)
}

// parseAddress decodes an account address from a Msg or a query, wrapping
// the failure in sdkerrors.ErrInvalidAddress.
func (k Keeper) parseAddress(field, s string) (sdk.AccAddress, error) {
	return accaddr.Parse(k.addressCodec, field, s)
}

func (k Keeper) formatAddress(addr sdk.AccAddress) string {
	return accaddr.Format(k.addressCodec, addr)
}

// emit emits typed events on the context's event manager.
func emit(ctx context.Context, events ...gogoproto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvents(events...)
}
