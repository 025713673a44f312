package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestCreateCurrency_RejectsBadInput(t *testing.T) {
	f := newGarden(t)
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.join(t, orchard, "bob")
	f.setRole(t, orchard, "olive", "bob", communitytypes.RoleModerator)
	// cc/2/XYZ has a supply minted outside the ledger.
	require.NoError(t, f.env.Bank.MintCoins(f.ctx, minttypes.ModuleName, sdk.NewCoins(sdk.NewInt64Coin("cc/2/XYZ", 5))))
	f.resetEvents()

	valid := func() *types.MsgCreateCurrency {
		return &types.MsgCreateCurrency{
			Admin: f.addr("olive"), CommunityId: orchard, Code: "APL", Name: "Apple", Decimals: 2,
			IssuancePolicy: types.IssuancePolicyAdmin, FeeBps: 150,
		}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgCreateCurrency)
		want   error
	}{
		{"malformed admin", func(m *types.MsgCreateCurrency) { m.Admin = "olive" }, sdkerrors.ErrInvalidAddress},
		{"unknown community", func(m *types.MsgCreateCurrency) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"non-member", func(m *types.MsgCreateCurrency) { m.Admin = f.addr("dave") }, types.ErrNotMember},
		{"admin of another community", func(m *types.MsgCreateCurrency) { m.Admin = f.addr("alice") }, types.ErrNotMember},
		{"moderator, not admin", func(m *types.MsgCreateCurrency) { m.Admin = f.addr("bob") }, types.ErrNotPermitted},
		{"duplicate currency", func(m *types.MsgCreateCurrency) { m.Admin, m.CommunityId = f.addr("alice"), garden }, types.ErrCurrencyExists},
		{"denom with a supply", func(m *types.MsgCreateCurrency) { m.Code = "XYZ" }, types.ErrDenomInUse},
		{"code too short", func(m *types.MsgCreateCurrency) { m.Code = "AP" }, types.ErrInvalidCode},
		{"code too long", func(m *types.MsgCreateCurrency) { m.Code = "ABCDEFGHI" }, types.ErrInvalidCode},
		{"lower-case code", func(m *types.MsgCreateCurrency) { m.Code = "apl" }, types.ErrInvalidCode},
		{"code with a slash", func(m *types.MsgCreateCurrency) { m.Code = "A/PL" }, types.ErrInvalidCode},
		{"empty code", func(m *types.MsgCreateCurrency) { m.Code = "" }, types.ErrInvalidCode},
		{"empty name", func(m *types.MsgCreateCurrency) { m.Name = "" }, types.ErrInvalidName},
		{"name too long", func(m *types.MsgCreateCurrency) { m.Name = long(65) }, types.ErrInvalidName},
		{"name with leading space", func(m *types.MsgCreateCurrency) { m.Name = " Apple" }, types.ErrInvalidName},
		{"name with a line break", func(m *types.MsgCreateCurrency) { m.Name = "App\nle" }, types.ErrInvalidName},
		{"name with a zero-width space", func(m *types.MsgCreateCurrency) { m.Name = "App\u200ble" }, types.ErrInvalidName},
		{"name with a bidi override", func(m *types.MsgCreateCurrency) { m.Name = "\u202eelppA" }, types.ErrInvalidName},
		{"19 decimals", func(m *types.MsgCreateCurrency) { m.Decimals = 19 }, types.ErrInvalidDecimals},
		{"unknown issuance policy", func(m *types.MsgCreateCurrency) { m.IssuancePolicy = 9 }, types.ErrInvalidIssuancePolicy},
		{"fee above 100 %", func(m *types.MsgCreateCurrency) { m.FeeBps = 10_001 }, types.ErrInvalidFee},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.CreateCurrency(f.ctx, msg)
				return err
			})
		})
	}

	msg := valid()
	msg.Name, msg.Decimals, msg.FeeBps = long(64), 18, 10_000
	_, err := f.msgs.CreateCurrency(f.ctx, msg)
	require.NoError(t, err, "the valid message of the table is accepted at its limits")
}

func TestCreateCurrency_RegistersBankMetadata(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden")
	res, err := f.msgs.CreateCurrency(f.ctx, &types.MsgCreateCurrency{
		Admin: f.addr("alice"), CommunityId: id, Code: "GDD", Name: "Gradido", Decimals: 4, FeeBps: 100,
	})
	require.NoError(t, err)
	require.Equal(t, "cc/1/GDD", res.Denom)
	require.NoError(t, sdk.ValidateDenom(res.Denom), "cc/1/GDD is a valid x/bank denom")

	c, err := f.keeper.GetCurrency(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, types.Currency{
		CommunityId: id, Code: "GDD", Name: "Gradido", Decimals: 4, Denom: "cc/1/GDD",
		IssuancePolicy: types.IssuancePolicyAdminAndContribution, FeeBps: 100,
		Creator: f.addr("alice"), CreatedAt: f.ctx.BlockTime(),
		DefaultCreditLimit: sdkmath.ZeroInt(), MaxBalance: sdkmath.ZeroInt(),
	}, c, "an unspecified policy allows both admin issuance and contributions")

	md, found := f.env.Bank.GetDenomMetaData(f.ctx, "cc/1/GDD")
	require.True(t, found)
	require.NoError(t, md.Validate())
	require.Equal(t, "Gradido", md.Name)
	require.Equal(t, "GDD", md.Symbol)
	require.Equal(t, "cc/1/GDD", md.Base)
	require.Equal(t, "GDD", md.Display)
	require.Equal(t, []*banktypes.DenomUnit{{Denom: "cc/1/GDD", Exponent: 0}, {Denom: "GDD", Exponent: 4}}, md.DenomUnits)
	require.Contains(t, f.eventTypes(), "kizuna.ledger.v1.EventCurrencyCreated")

	// A code starting with a digit is no x/bank denom: its display unit is
	// prefixed; without decimals the base unit is the display unit.
	other := f.createCommunity(t, "alice", "Orchard")
	_, err = f.msgs.CreateCurrency(f.ctx, &types.MsgCreateCurrency{Admin: f.addr("alice"), CommunityId: other, Code: "100", Name: "Hundred", Decimals: 2})
	require.NoError(t, err)
	md, _ = f.env.Bank.GetDenomMetaData(f.ctx, "cc/2/100")
	require.NoError(t, md.Validate())
	require.Equal(t, "cc100", md.Display)

	third := f.createCommunity(t, "alice", "Field")
	_, err = f.msgs.CreateCurrency(f.ctx, &types.MsgCreateCurrency{Admin: f.addr("alice"), CommunityId: third, Code: "GDD", Name: "Hours"})
	require.NoError(t, err, "another community may use the same code")
	md, _ = f.env.Bank.GetDenomMetaData(f.ctx, "cc/3/GDD")
	require.NoError(t, md.Validate())
	require.Equal(t, "cc/3/GDD", md.Display)
	require.Len(t, md.DenomUnits, 1)
}

func TestUpdateCurrency_RejectsBadInput(t *testing.T) {
	f := newGarden(t)
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.resetEvents()

	valid := func() *types.MsgUpdateCurrency {
		return &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden, Name: "Garden money", FeeBps: 200}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgUpdateCurrency)
		want   error
	}{
		{"malformed admin", func(m *types.MsgUpdateCurrency) { m.Admin = "x" }, sdkerrors.ErrInvalidAddress},
		{"member, not admin", func(m *types.MsgUpdateCurrency) { m.Admin = f.addr("bob") }, types.ErrNotPermitted},
		{"teller, not admin", func(m *types.MsgUpdateCurrency) { m.Admin = f.addr("tom") }, types.ErrNotPermitted},
		{"non-member", func(m *types.MsgUpdateCurrency) { m.Admin = f.addr("dave") }, types.ErrNotMember},
		{"unknown community", func(m *types.MsgUpdateCurrency) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"community without currency", func(m *types.MsgUpdateCurrency) { m.Admin, m.CommunityId = f.addr("olive"), orchard }, types.ErrCurrencyNotFound},
		{"nothing to update", func(m *types.MsgUpdateCurrency) { m.Name, m.FeeBps = "", 0 }, types.ErrNothingToUpdate},
		{"clear an unknown field", func(m *types.MsgUpdateCurrency) { m.ClearFields = []string{"name"} }, types.ErrInvalidClearField},
		{"clear the fee twice", func(m *types.MsgUpdateCurrency) { m.FeeBps, m.ClearFields = 0, []string{"fee", "fee"} }, types.ErrInvalidClearField},
		{"fee set and cleared", func(m *types.MsgUpdateCurrency) { m.ClearFields = []string{"fee"} }, types.ErrInvalidClearField},
		{"fee above 100 %", func(m *types.MsgUpdateCurrency) { m.FeeBps = 10_001 }, types.ErrInvalidFee},
		{"name too long", func(m *types.MsgUpdateCurrency) { m.Name = long(65) }, types.ErrInvalidName},
		{"unknown issuance policy", func(m *types.MsgUpdateCurrency) { m.IssuancePolicy = 7 }, types.ErrInvalidIssuancePolicy},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.UpdateCurrency(f.ctx, msg)
				return err
			})
		})
	}
}

func TestUpdateCurrency_ChangesNameFeeAndPolicy(t *testing.T) {
	f := newGarden(t)
	_, err := f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{
		Admin: f.addr("alice"), CommunityId: garden, Name: "Garden Gradido", FeeBps: 150, IssuancePolicy: types.IssuancePolicyContribution,
	})
	require.NoError(t, err)
	c, err := f.keeper.GetCurrency(f.ctx, garden)
	require.NoError(t, err)
	require.Equal(t, "Garden Gradido", c.Name)
	require.Equal(t, uint32(150), c.FeeBps)
	require.Equal(t, types.IssuancePolicyContribution, c.IssuancePolicy)
	require.Equal(t, "GDD", c.Code, "the code never changes")
	md, _ := f.env.Bank.GetDenomMetaData(f.ctx, gdd)
	require.Equal(t, "Garden Gradido", md.Name, "the bank metadata follows the name")
	require.Equal(t, []string{"kizuna.ledger.v1.EventCurrencyUpdated"}, f.eventTypes())

	_, err = f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden, ClearFields: []string{"fee"}})
	require.NoError(t, err)
	c, _ = f.keeper.GetCurrency(f.ctx, garden)
	require.Zero(t, c.FeeBps)
	require.Equal(t, "Garden Gradido", c.Name, "fields left out keep their value")

	// With contributions only, admins cannot issue any more.
	f.requireRejected(t, types.ErrIssuanceNotAllowed, func() error {
		_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{Issuer: f.addr("alice"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(1)})
		return err
	})
}
