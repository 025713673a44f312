package keeper_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestCreateCommunity_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)

	valid := func() *types.MsgCreateCommunity {
		return &types.MsgCreateCommunity{
			Creator:     f.addr("bob"),
			Name:        "Orchard",
			Description: "Fruit trees",
			Location:    "Kyoto",
			JoinPolicy:  types.JoinPolicyApproval,
			Username:    "bob",
		}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgCreateCommunity)
		want   error
	}{
		{"empty creator", func(m *types.MsgCreateCommunity) { m.Creator = "" }, sdkerrors.ErrInvalidAddress},
		{"malformed creator", func(m *types.MsgCreateCommunity) { m.Creator = "kizuna1nope" }, sdkerrors.ErrInvalidAddress},
		{"foreign prefix", func(m *types.MsgCreateCommunity) {
			m.Creator = sdk.MustBech32ifyAddressBytes("cosmos", f.accAddr("bob"))
		}, sdkerrors.ErrInvalidAddress},
		{"empty name", func(m *types.MsgCreateCommunity) { m.Name = "" }, types.ErrInvalidName},
		{"name too long", func(m *types.MsgCreateCommunity) { m.Name = long(65) }, types.ErrInvalidName},
		{"name with leading space", func(m *types.MsgCreateCommunity) { m.Name = " Orchard" }, types.ErrInvalidName},
		{"name with trailing space", func(m *types.MsgCreateCommunity) { m.Name = "Orchard " }, types.ErrInvalidName},
		{"name with control character", func(m *types.MsgCreateCommunity) { m.Name = "Or\x00chard" }, types.ErrInvalidName},
		{"name not UTF-8", func(m *types.MsgCreateCommunity) { m.Name = "Or\xffchard" }, types.ErrInvalidName},
		{"name with zero-width space", func(m *types.MsgCreateCommunity) { m.Name = "Gar\u200bden" }, types.ErrInvalidName},
		{"name with bidi override", func(m *types.MsgCreateCommunity) { m.Name = "\u202eGarden" }, types.ErrInvalidName},
		{"name taken", func(m *types.MsgCreateCommunity) { m.Name = "Garden" }, types.ErrNameTaken},
		{"name taken in another case", func(m *types.MsgCreateCommunity) { m.Name = "gARDEN" }, types.ErrNameTaken},
		{"description too long", func(m *types.MsgCreateCommunity) { m.Description = long(1001) }, types.ErrInvalidDescription},
		{"description with control character", func(m *types.MsgCreateCommunity) { m.Description = "a\x07b" }, types.ErrInvalidDescription},
		{"location too long", func(m *types.MsgCreateCommunity) { m.Location = long(129) }, types.ErrInvalidLocation},
		{"location with line break", func(m *types.MsgCreateCommunity) { m.Location = "Kyoto\nJapan" }, types.ErrInvalidLocation},
		{"unspecified join policy", func(m *types.MsgCreateCommunity) { m.JoinPolicy = types.JoinPolicyUnspecified }, types.ErrInvalidJoinPolicy},
		{"unknown join policy", func(m *types.MsgCreateCommunity) { m.JoinPolicy = 7 }, types.ErrInvalidJoinPolicy},
		{"empty username", func(m *types.MsgCreateCommunity) { m.Username = "" }, types.ErrInvalidUsername},
		{"username too short", func(m *types.MsgCreateCommunity) { m.Username = "ab" }, types.ErrInvalidUsername},
		{"username too long", func(m *types.MsgCreateCommunity) { m.Username = long(31) }, types.ErrInvalidUsername},
		{"username with dash", func(m *types.MsgCreateCommunity) { m.Username = "bob-b" }, types.ErrInvalidUsername},
		{"username with non-ASCII letter", func(m *types.MsgCreateCommunity) { m.Username = "bobé" }, types.ErrInvalidUsername},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.CreateCommunity(f.ctx, msg)
				return err
			})
		})
	}

	_, err := f.msgs.CreateCommunity(f.ctx, valid())
	require.NoError(t, err, "the valid message of the table is accepted")
}

func TestCreateCommunity_NamesCollideUnderUnicodeCaseFolding(t *testing.T) {
	pairs := []struct{ first, second string }{
		{"Straße", "STRASSE"},
		{"ΣΑΣ", "σας"},
		{"ſam", "Sam"},
		{"Caf\u00e9", "Cafe\u0301"}, // composed and decomposed é
	}
	for _, p := range pairs {
		t.Run(p.second, func(t *testing.T) {
			f := newFixture(t)
			f.createCommunity(t, "alice", p.first, types.JoinPolicyOpen)
			f.requireRejected(t, types.ErrNameTaken, func() error {
				_, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
					Creator: f.addr("bob"), Name: p.second, JoinPolicy: types.JoinPolicyOpen, Username: "bob",
				})
				return err
			})
		})
	}
}

func TestCreateCommunity_MakesCreatorFirstAdmin(t *testing.T) {
	f := newFixture(t)
	name := strings.Repeat("絆", 64) // 64 characters, 192 bytes
	res, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
		Creator:     f.addr("alice"),
		Name:        name,
		Description: strings.Repeat("d", 999) + "\n",
		Location:    "Naha",
		JoinPolicy:  types.JoinPolicyOpen,
		Username:    "alice_1",
	})
	require.NoError(t, err)
	require.Equal(t, types.FirstCommunityID, res.Id)

	c, err := f.keeper.GetCommunity(f.ctx, res.Id)
	require.NoError(t, err)
	require.Equal(t, name, c.Name)
	require.Equal(t, f.addr("alice"), c.Creator)
	require.Equal(t, types.JoinPolicyOpen, c.JoinPolicy)
	require.True(t, keepertest.BlockTime.Equal(c.CreatedAt))

	admin := f.member(t, res.Id, "alice")
	require.Equal(t, types.RoleAdmin, admin.Role)
	require.Equal(t, types.MemberStatusActive, admin.Status)
	require.Equal(t, "alice_1", admin.Profile.Username)
	require.True(t, keepertest.BlockTime.Equal(admin.JoinedAt))

	require.Equal(t, []string{"kizuna.community.v1.EventCommunityCreated", "kizuna.community.v1.EventMemberJoined"}, f.eventTypes())
	require.Equal(t, []hookCall{{"activated", res.Id, f.accAddr("alice").String()}}, f.hooks.calls)

	second := f.createCommunity(t, "alice", "Second", types.JoinPolicyApproval)
	require.Equal(t, res.Id+1, second, "ids are sequential")
}

func TestCreateCommunity_HookErrorAbortsMessage(t *testing.T) {
	f := newFixture(t)
	f.hooks.fail = types.ErrNotPermitted
	_, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
		Creator: f.addr("alice"), Name: "Garden", JoinPolicy: types.JoinPolicyOpen, Username: "alice",
	})
	require.ErrorIs(t, err, types.ErrNotPermitted, "the hook's error is returned, so the transaction reverts")
}

func TestUpdateCommunity_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	f.createCommunity(t, "zed", "Orchard", types.JoinPolicyOpen)
	f.join(t, id, "mod")
	f.setRole(t, id, "alice", "mod", types.RoleModerator)
	closed := f.createCommunity(t, "alice", "Closed", types.JoinPolicyApproval)
	f.join(t, closed, "pending")

	valid := func() *types.MsgUpdateCommunity {
		return &types.MsgUpdateCommunity{Admin: f.addr("alice"), CommunityId: id, Description: "Vegetables"}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgUpdateCommunity)
		want   error
	}{
		{"malformed admin", func(m *types.MsgUpdateCommunity) { m.Admin = "alice" }, sdkerrors.ErrInvalidAddress},
		{"nothing to update", func(m *types.MsgUpdateCommunity) { m.Description = "" }, types.ErrNothingToUpdate},
		{"unknown community", func(m *types.MsgUpdateCommunity) { m.CommunityId = 99 }, types.ErrCommunityNotFound},
		{"signer not a member", func(m *types.MsgUpdateCommunity) { m.Admin = f.addr("stranger") }, types.ErrNotPermitted},
		{"signer a moderator", func(m *types.MsgUpdateCommunity) { m.Admin = f.addr("mod") }, types.ErrNotPermitted},
		{"signer pending", func(m *types.MsgUpdateCommunity) { m.Admin, m.CommunityId = f.addr("pending"), closed }, types.ErrMemberNotActive},
		{"name taken by another community", func(m *types.MsgUpdateCommunity) { m.Name = "ORCHARD" }, types.ErrNameTaken},
		{"name too long", func(m *types.MsgUpdateCommunity) { m.Name = long(65) }, types.ErrInvalidName},
		{"description too long", func(m *types.MsgUpdateCommunity) { m.Description = long(1001) }, types.ErrInvalidDescription},
		{"location too long", func(m *types.MsgUpdateCommunity) { m.Location = long(129) }, types.ErrInvalidLocation},
		{"unknown join policy", func(m *types.MsgUpdateCommunity) { m.JoinPolicy = 9 }, types.ErrInvalidJoinPolicy},
		{"clear the name", func(m *types.MsgUpdateCommunity) { m.ClearFields = []string{"name"} }, types.ErrInvalidClearField},
		{"clear a field twice", func(m *types.MsgUpdateCommunity) { m.ClearFields = []string{"location", "location"} }, types.ErrInvalidClearField},
		{"set and clear a field", func(m *types.MsgUpdateCommunity) { m.ClearFields = []string{"description"} }, types.ErrInvalidClearField},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.UpdateCommunity(f.ctx, msg)
				return err
			})
		})
	}
}

func TestUpdateCommunity_ChangesOnlyWhatIsSetOrCleared(t *testing.T) {
	f := newFixture(t)
	_, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
		Creator: f.addr("alice"), Name: "Garden", Description: "Vegetables", Location: "Kyoto",
		JoinPolicy: types.JoinPolicyOpen, Username: "alice",
	})
	require.NoError(t, err)
	f.resetEvents()

	_, err = f.msgs.UpdateCommunity(f.ctx, &types.MsgUpdateCommunity{
		Admin: f.addr("alice"), CommunityId: 1, Name: "GARDEN", JoinPolicy: types.JoinPolicyApproval,
	})
	require.NoError(t, err, "a community may change the case of its own name")
	c, err := f.keeper.GetCommunity(f.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, "GARDEN", c.Name)
	require.Equal(t, types.JoinPolicyApproval, c.JoinPolicy)
	require.Equal(t, "Vegetables", c.Description)
	require.Equal(t, "Kyoto", c.Location)

	_, err = f.msgs.UpdateCommunity(f.ctx, &types.MsgUpdateCommunity{
		Admin: f.addr("alice"), CommunityId: 1, Description: "Herbs", ClearFields: []string{"location"},
	})
	require.NoError(t, err)
	c, err = f.keeper.GetCommunity(f.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, "Herbs", c.Description)
	require.Empty(t, c.Location)
	require.Equal(t, "GARDEN", c.Name)

	require.Equal(t, []string{"kizuna.community.v1.EventCommunityUpdated", "kizuna.community.v1.EventCommunityUpdated"}, f.eventTypes())

	// The old name is free again.
	f.createCommunity(t, "bob", "Garden2", types.JoinPolicyOpen)
	_, err = f.msgs.UpdateCommunity(f.ctx, &types.MsgUpdateCommunity{Admin: f.addr("alice"), CommunityId: 1, Name: "Allotment"})
	require.NoError(t, err)
	f.createCommunity(t, "bob", "garden", types.JoinPolicyOpen)
}

// TestCreateCommunity_RefusesLookAlikeNames replays the look-alikes that
// passed beside "Kaga Commons": each is now a taken or an invalid name.
func TestCreateCommunity_RefusesLookAlikeNames(t *testing.T) {
	tests := []struct {
		name, lookAlike string
		want            error
	}{
		{"no-break space", "Kaga\u00a0Commons", types.ErrNameTaken},
		{"double space", "Kaga  Commons", types.ErrNameTaken},
		{"ideographic space", "Kaga\u3000Commons", types.ErrNameTaken},
		{"mixed white space run", "Kaga \u2009\u00a0 Commons", types.ErrNameTaken},
		{"upper case", "KAGA COMMONS", types.ErrNameTaken},
		{"rn for m", "Kaga Cornrnons", types.ErrNameTaken},
		{"mathematical bold letters", "\U0001d40a\U0001d41a\U0001d420\U0001d41a Commons", types.ErrNameTaken},
		{"fullwidth letters", "\uff2b\uff41\uff47\uff41 \uff23\uff4f\uff4d\uff4d\uff4f\uff4e\uff53", types.ErrNameTaken},
		{"Cyrillic a", "K\u0430ga Commons", types.ErrInvalidName},
		{"Greek omicron", "Kaga C\u03bfmmons", types.ErrInvalidName},
		{"Hangul filler", "Kaga\u3164Commons", types.ErrInvalidName},
		{"Hangul filler beside a space", "Kaga \u3164Commons", types.ErrInvalidName},
		{"halfwidth Hangul filler", "Kaga Commons\uffa0x", types.ErrInvalidName},
		{"zero-width space", "Kaga\u200b Commons", types.ErrInvalidName},
		{"variation selector", "Kaga Commons\ufe0f!", types.ErrInvalidName},
		{"private use", "Kaga Commons \ue000", types.ErrInvalidName},
		{"trailing no-break space", "Kaga Commons\u00a0", types.ErrInvalidName},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.createCommunity(t, "alice", "Kaga Commons", types.JoinPolicyOpen)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
					Creator: f.addr("mallory"), Name: tc.lookAlike, JoinPolicy: types.JoinPolicyOpen, Username: "mallory",
				})
				return err
			})
		})
	}
}

func TestCreateCommunity_ScriptsOfNames(t *testing.T) {
	f := newFixture(t)
	accepted := []string{
		"金沢コモンズ",           // Han and Katakana
		"Kaga 金沢",          // Latin and Han
		"かなざわ市民 Commons 2", // Hiragana, Han, Latin and digits
		"ー・コモンズ・ー",         // Katakana with Common marks
		"서울 광장 市 Seoul",    // Hangul, Han, Latin
		"臺北 ㄅㄆ Taipei",     // Han, Bopomofo, Latin
		"Сад",              // Cyrillic alone
		"Café Crème",       // Latin with marks
	}
	for i, name := range accepted {
		_, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
			Creator: f.addr("alice"), Name: name, JoinPolicy: types.JoinPolicyOpen, Username: fmt.Sprintf("alice_%d", i),
		})
		require.NoError(t, err, "%q", name)
	}
	refused := []string{
		"Garden Сад", // Latin and Cyrillic
		"Сад Ωmega",  // Cyrillic and Greek
		"金沢 서울 コモンズ", // Japanese and Korean
		"ㄅ コ",        // Bopomofo and Katakana
	}
	for _, name := range refused {
		f.requireRejected(t, types.ErrInvalidName, func() error {
			_, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
				Creator: f.addr("bob"), Name: name, JoinPolicy: types.JoinPolicyOpen, Username: "bob",
			})
			return err
		})
	}
}

func TestUpdateCommunity_RenamesFollowTheSameNameRules(t *testing.T) {
	f := newFixture(t)
	kaga := f.createCommunity(t, "alice", "Kaga Commons", types.JoinPolicyOpen)
	orchard := f.createCommunity(t, "zed", "Orchard", types.JoinPolicyOpen)
	rename := func(admin string, id uint64, name string) error {
		_, err := f.msgs.UpdateCommunity(f.ctx, &types.MsgUpdateCommunity{Admin: f.addr(admin), CommunityId: id, Name: name})
		return err
	}
	for _, name := range []string{"Kaga\u00a0Commons", "Kaga  Commons", "KAGA COMMONS", "Kaga Cornrnons"} {
		f.requireRejected(t, types.ErrNameTaken, func() error { return rename("zed", orchard, name) })
	}
	for _, name := range []string{"K\u0430ga Commons", "Kaga\u3164Commons", "Kaga\u200bCommons", "Orchard Сад"} {
		f.requireRejected(t, types.ErrInvalidName, func() error { return rename("zed", orchard, name) })
	}
	require.NoError(t, rename("alice", kaga, "KAGA  Commons"), "a community may respell its own name")
	require.NoError(t, rename("zed", orchard, "金沢の果樹園"))
	c, err := f.keeper.GetCommunity(f.ctx, orchard)
	require.NoError(t, err)
	require.Equal(t, "金沢の果樹園", c.Name)
}
