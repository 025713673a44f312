package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/types"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

func TestCreateAd_RejectsBadInput(t *testing.T) {
	m := newMarket(t)
	m.createAd(t, "alice", m.garden, types.AdTypeGive, "Seeds", 1)

	valid := func() *types.MsgCreateAd {
		return &types.MsgCreateAd{
			Owner:       m.addr("bob"),
			CommunityId: m.garden,
			Type:        types.AdTypeGive,
			Title:       "Bicycle repair",
			Description: "Flat tyres\nand brakes",
			Price:       math.NewInt(20),
			Location:    "Osaka",
			PhotoUri:    "ipfs://bafybike",
			PhotoSha256: make([]byte, 32),
			Category:    "repairs",
		}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgCreateAd)
		want   error
	}{
		{"empty owner", func(msg *types.MsgCreateAd) { msg.Owner = "" }, sdkerrors.ErrInvalidAddress},
		{"malformed owner", func(msg *types.MsgCreateAd) { msg.Owner = "kizuna1nope" }, sdkerrors.ErrInvalidAddress},
		{"foreign prefix", func(msg *types.MsgCreateAd) {
			msg.Owner = sdk.MustBech32ifyAddressBytes("cosmos", m.accAddr("bob"))
		}, sdkerrors.ErrInvalidAddress},
		{"unspecified type", func(msg *types.MsgCreateAd) { msg.Type = types.AdTypeUnspecified }, types.ErrInvalidAdType},
		{"unknown type", func(msg *types.MsgCreateAd) { msg.Type = 7 }, types.ErrInvalidAdType},
		{"empty title", func(msg *types.MsgCreateAd) { msg.Title = "" }, types.ErrInvalidTitle},
		{"title too long", func(msg *types.MsgCreateAd) { msg.Title = long(101) }, types.ErrInvalidTitle},
		{"title with leading space", func(msg *types.MsgCreateAd) { msg.Title = " Repair" }, types.ErrInvalidTitle},
		{"title with trailing space", func(msg *types.MsgCreateAd) { msg.Title = "Repair\u3000" }, types.ErrInvalidTitle},
		{"title with line break", func(msg *types.MsgCreateAd) { msg.Title = "Bicycle\nrepair" }, types.ErrInvalidTitle},
		{"title not UTF-8", func(msg *types.MsgCreateAd) { msg.Title = "Re\xffpair" }, types.ErrInvalidTitle},
		{"description too long", func(msg *types.MsgCreateAd) { msg.Description = long(2001) }, types.ErrInvalidDescription},
		{"description with control character", func(msg *types.MsgCreateAd) { msg.Description = "a\x07b" }, types.ErrInvalidDescription},
		{"missing price", func(msg *types.MsgCreateAd) { msg.Price = math.Int{} }, types.ErrInvalidPrice},
		{"negative price", func(msg *types.MsgCreateAd) { msg.Price = math.NewInt(-1) }, types.ErrInvalidPrice},
		{"location too long", func(msg *types.MsgCreateAd) { msg.Location = long(129) }, types.ErrInvalidLocation},
		{"location with line break", func(msg *types.MsgCreateAd) { msg.Location = "Osaka\nJapan" }, types.ErrInvalidLocation},
		{"photo uri too long", func(msg *types.MsgCreateAd) { msg.PhotoUri = "ipfs://" + long(506) }, types.ErrInvalidPhoto},
		{"photo uri without scheme", func(msg *types.MsgCreateAd) { msg.PhotoUri = "bafybike" }, types.ErrInvalidPhoto},
		{"photo uri with white space", func(msg *types.MsgCreateAd) { msg.PhotoUri = "ipfs://bafy bike" }, types.ErrInvalidPhoto},
		{"photo digest of 31 bytes", func(msg *types.MsgCreateAd) { msg.PhotoSha256 = make([]byte, 31) }, types.ErrInvalidPhoto},
		{"photo digest without photo", func(msg *types.MsgCreateAd) { msg.PhotoUri = "" }, types.ErrInvalidPhoto},
		{"category too long", func(msg *types.MsgCreateAd) { msg.Category = long(65) }, types.ErrInvalidCategory},
		{"category with tab", func(msg *types.MsgCreateAd) { msg.Category = "re\tpairs" }, types.ErrInvalidCategory},
		{"unknown community", func(msg *types.MsgCreateAd) { msg.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"owner not a member", func(msg *types.MsgCreateAd) { msg.Owner = m.addr("stranger") }, types.ErrNotMember},
		{"owner a member of another community", func(msg *types.MsgCreateAd) { msg.Owner = m.addr("dave") }, types.ErrNotMember},
		{"owner pending", func(msg *types.MsgCreateAd) { msg.Owner, msg.CommunityId = m.addr("pat"), m.closed }, types.ErrNotMember},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			m.requireRejected(t, tc.want, func() error {
				_, err := m.msgs.CreateAd(m.ctx, msg)
				return err
			})
		})
	}

	_, err := m.msgs.CreateAd(m.ctx, valid())
	require.NoError(t, err, "the valid message of the table is accepted")
}

func TestCreateAd_PublishesOpenAd(t *testing.T) {
	m := newMarket(t)
	title := strings.Repeat("絆", 100) // 100 characters, 300 bytes
	price, ok := math.NewIntFromString("123456789012345678901234567890")
	require.True(t, ok)
	res, err := m.msgs.CreateAd(m.ctx, &types.MsgCreateAd{
		Owner:       m.addr("bob"),
		CommunityId: m.garden,
		Type:        types.AdTypeWant,
		Title:       title,
		Description: strings.Repeat("d", 1999) + "\n",
		Price:       price,
		Location:    "Naha",
		PhotoUri:    "https://example.com/p.jpg",
		PhotoSha256: make([]byte, 32),
		Category:    "moving",
	})
	require.NoError(t, err)
	require.Equal(t, types.FirstAdID, res.Id)

	ad := m.ad(t, res.Id)
	require.Equal(t, m.garden, ad.CommunityId)
	require.Equal(t, m.addr("bob"), ad.Owner)
	require.Equal(t, types.AdTypeWant, ad.Type)
	require.Equal(t, title, ad.Title)
	require.True(t, price.Equal(ad.Price))
	require.Equal(t, "Naha", ad.Location)
	require.Equal(t, "moving", ad.Category)
	require.Equal(t, types.AdStatusOpen, ad.Status)
	require.False(t, ad.Paid)
	require.True(t, keepertest.BlockTime.Equal(ad.CreatedAt))
	require.True(t, keepertest.BlockTime.Equal(ad.UpdatedAt))
	require.Equal(t, []string{"kizuna.ads.v1.EventAdCreated"}, m.eventTypes())

	event, err := sdk.ParseTypedEvent(abciEvent(m.ctx.EventManager().Events()[0]))
	require.NoError(t, err)
	created := event.(*types.EventAdCreated)
	require.Equal(t, res.Id, created.AdId)
	require.True(t, price.Equal(created.Price), "the price travels in the event")

	free := m.createAd(t, "carol", m.garden, types.AdTypeGive, "Free apples", 0)
	require.Equal(t, res.Id+1, free, "ids are sequential")
	require.True(t, m.ad(t, free).Price.IsZero())
	other := m.createAd(t, "dave", m.orchard, types.AdTypeGive, "Pears", 3)
	require.Equal(t, free+1, other, "ids are shared by every community")
}

func TestUpdateAd_RejectsBadInput(t *testing.T) {
	m := newMarket(t)
	id := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Bicycle repair", 20)
	closedAd := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Old offer", 1)
	m.closeAd(t, "bob", closedAd)
	paidAd := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Paid offer", 1)
	require.NoError(t, m.keeper.MarkPaid(m.ctx, paidAd, math.NewInt(1_000_000)))
	leaverAd := m.createAd(t, "carol", m.garden, types.AdTypeWant, "Carol's need", 1)
	m.leave(t, m.garden, "carol")
	m.resetEvents()

	negative := math.NewInt(-5)
	valid := func() *types.MsgUpdateAd {
		return &types.MsgUpdateAd{Owner: m.addr("bob"), AdId: id, Description: "Brakes too"}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgUpdateAd)
		want   error
	}{
		{"malformed owner", func(msg *types.MsgUpdateAd) { msg.Owner = "bob" }, sdkerrors.ErrInvalidAddress},
		{"nothing to update", func(msg *types.MsgUpdateAd) { msg.Description = "" }, types.ErrNothingToUpdate},
		{"unknown ad", func(msg *types.MsgUpdateAd) { msg.AdId = 99 }, types.ErrAdNotFound},
		{"signer another member", func(msg *types.MsgUpdateAd) { msg.Owner = m.addr("alice") }, types.ErrNotOwner},
		{"signer a stranger", func(msg *types.MsgUpdateAd) { msg.Owner = m.addr("stranger") }, types.ErrNotOwner},
		{"closed ad", func(msg *types.MsgUpdateAd) { msg.AdId = closedAd }, types.ErrAdClosed},
		{"paid ad", func(msg *types.MsgUpdateAd) { msg.AdId = paidAd }, types.ErrAdPaid},
		{"owner left the community", func(msg *types.MsgUpdateAd) { msg.Owner, msg.AdId = m.addr("carol"), leaverAd }, types.ErrNotMember},
		{"title too long", func(msg *types.MsgUpdateAd) { msg.Title = long(101) }, types.ErrInvalidTitle},
		{"title with trailing space", func(msg *types.MsgUpdateAd) { msg.Title = "Repair " }, types.ErrInvalidTitle},
		{"description too long", func(msg *types.MsgUpdateAd) { msg.Description = long(2001) }, types.ErrInvalidDescription},
		{"negative price", func(msg *types.MsgUpdateAd) { msg.Price = &negative }, types.ErrInvalidPrice},
		{"missing price value", func(msg *types.MsgUpdateAd) { msg.Price = &math.Int{} }, types.ErrInvalidPrice},
		{"location too long", func(msg *types.MsgUpdateAd) { msg.Location = long(129) }, types.ErrInvalidLocation},
		{"photo uri without scheme", func(msg *types.MsgUpdateAd) { msg.PhotoUri = "photo.jpg" }, types.ErrInvalidPhoto},
		{"photo digest of 33 bytes", func(msg *types.MsgUpdateAd) { msg.PhotoSha256 = make([]byte, 33) }, types.ErrInvalidPhoto},
		{"photo digest for an ad without photo", func(msg *types.MsgUpdateAd) { msg.PhotoSha256 = make([]byte, 32) }, types.ErrInvalidPhoto},
		{"category too long", func(msg *types.MsgUpdateAd) { msg.Category = long(65) }, types.ErrInvalidCategory},
		{"clear the title", func(msg *types.MsgUpdateAd) { msg.ClearFields = []string{"title"} }, types.ErrInvalidClearField},
		{"clear the price", func(msg *types.MsgUpdateAd) { msg.ClearFields = []string{"price"} }, types.ErrInvalidClearField},
		{"clear a field twice", func(msg *types.MsgUpdateAd) { msg.ClearFields = []string{"location", "location"} }, types.ErrInvalidClearField},
		{"set and clear a field", func(msg *types.MsgUpdateAd) { msg.ClearFields = []string{"description"} }, types.ErrInvalidClearField},
		{"set a digest and clear the photo", func(msg *types.MsgUpdateAd) {
			msg.PhotoSha256 = make([]byte, 32)
			msg.ClearFields = []string{"photo_uri"}
		}, types.ErrInvalidClearField},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			m.requireRejected(t, tc.want, func() error {
				_, err := m.msgs.UpdateAd(m.ctx, msg)
				return err
			})
		})
	}

	_, err := m.msgs.UpdateAd(m.ctx, valid())
	require.NoError(t, err, "the valid message of the table is accepted")
}

func TestUpdateAd_ChangesOnlyWhatIsSetOrCleared(t *testing.T) {
	m := newMarket(t)
	res, err := m.msgs.CreateAd(m.ctx, &types.MsgCreateAd{
		Owner: m.addr("bob"), CommunityId: m.garden, Type: types.AdTypeGive, Title: "Bicycle repair",
		Description: "Flat tyres", Price: math.NewInt(20), Location: "Osaka",
		PhotoUri: "ipfs://old", PhotoSha256: make([]byte, 32), Category: "repairs",
	})
	require.NoError(t, err)
	id := res.Id
	later := keepertest.BlockTime.Add(time.Hour)
	m.ctx = m.ctx.WithBlockTime(later)
	m.resetEvents()

	zero := math.ZeroInt()
	_, err = m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{
		Owner: m.addr("bob"), AdId: id, Title: "Bicycle tune-up", Price: &zero, PhotoUri: "ipfs://new",
	})
	require.NoError(t, err)
	ad := m.ad(t, id)
	require.Equal(t, "Bicycle tune-up", ad.Title)
	require.True(t, ad.Price.IsZero(), "a set price of 0 is applied")
	require.Equal(t, "ipfs://new", ad.PhotoUri)
	require.Empty(t, ad.PhotoSha256, "a new photo drops the digest of the old one")
	require.Equal(t, "Flat tyres", ad.Description)
	require.Equal(t, "Osaka", ad.Location)
	require.Equal(t, "repairs", ad.Category)
	require.Equal(t, types.AdTypeGive, ad.Type)
	require.True(t, keepertest.BlockTime.Equal(ad.CreatedAt))
	require.True(t, later.Equal(ad.UpdatedAt))

	digest := make([]byte, 32)
	digest[0] = 1
	_, err = m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{
		Owner: m.addr("bob"), AdId: id, PhotoSha256: digest, ClearFields: []string{"description", "location", "category"},
	})
	require.NoError(t, err)
	ad = m.ad(t, id)
	require.Equal(t, digest, ad.PhotoSha256)
	require.Empty(t, ad.Description)
	require.Empty(t, ad.Location)
	require.Empty(t, ad.Category)
	require.True(t, ad.Price.IsZero(), "an unset price is kept")

	_, err = m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{Owner: m.addr("bob"), AdId: id, ClearFields: []string{"photo_uri"}})
	require.NoError(t, err)
	ad = m.ad(t, id)
	require.Empty(t, ad.PhotoUri)
	require.Empty(t, ad.PhotoSha256, "clearing the photo clears its digest")

	require.Equal(t, []string{
		"kizuna.ads.v1.EventAdUpdated", "kizuna.ads.v1.EventAdUpdated", "kizuna.ads.v1.EventAdUpdated",
	}, m.eventTypes())
}

func TestUpdateAd_RefusedOncePaid(t *testing.T) {
	m := newMarket(t)
	id := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Bicycle repair", 20)
	require.NoError(t, m.keeper.CheckPayment(m.ctx, id, m.garden, m.accAddr("alice"), m.accAddr("bob")))
	require.NoError(t, m.keeper.MarkPaid(m.ctx, id, math.NewInt(1_000_000)))

	m.requireRejected(t, types.ErrAdPaid, func() error {
		_, err := m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{Owner: m.addr("bob"), AdId: id, Title: "Raised price"})
		return err
	})
	m.closeAd(t, "bob", id)
	require.Equal(t, types.AdStatusClosed, m.ad(t, id).Status, "a paid ad can still be closed")
}

func TestCloseAd_RejectsBadInput(t *testing.T) {
	m := newMarket(t)
	id := m.createAd(t, "bob", m.garden, types.AdTypeWant, "Help moving", 5)
	closedAd := m.createAd(t, "bob", m.garden, types.AdTypeWant, "Old need", 5)
	m.closeAd(t, "bob", closedAd)
	m.resetEvents()

	tests := []struct {
		name string
		msg  *types.MsgCloseAd
		want error
	}{
		{"empty owner", &types.MsgCloseAd{AdId: id}, sdkerrors.ErrInvalidAddress},
		{"malformed owner", &types.MsgCloseAd{Owner: "kizuna1nope", AdId: id}, sdkerrors.ErrInvalidAddress},
		{"unknown ad", &types.MsgCloseAd{Owner: m.addr("bob"), AdId: 99}, types.ErrAdNotFound},
		{"not the owner", &types.MsgCloseAd{Owner: m.addr("alice"), AdId: id}, types.ErrNotOwner},
		{"already closed", &types.MsgCloseAd{Owner: m.addr("bob"), AdId: closedAd}, types.ErrAdClosed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m.requireRejected(t, tc.want, func() error {
				_, err := m.msgs.CloseAd(m.ctx, tc.msg)
				return err
			})
		})
	}
}

func TestCloseAd_ClosesForGood(t *testing.T) {
	m := newMarket(t)
	id := m.createAd(t, "bob", m.garden, types.AdTypeWant, "Help moving", 5)
	m.leave(t, m.garden, "bob")
	later := keepertest.BlockTime.Add(time.Minute)
	m.ctx = m.ctx.WithBlockTime(later)
	m.resetEvents()

	m.closeAd(t, "bob", id)
	ad := m.ad(t, id)
	require.Equal(t, types.AdStatusClosed, ad.Status, "an owner who left may still close its ads")
	require.True(t, later.Equal(ad.UpdatedAt))
	require.Equal(t, []string{"kizuna.ads.v1.EventAdClosed"}, m.eventTypes())

	m.join(t, m.garden, "bob")
	m.requireRejected(t, types.ErrAdClosed, func() error {
		_, err := m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{Owner: m.addr("bob"), AdId: id, Title: "Again"})
		return err
	})
	m.requireRejected(t, types.ErrAdClosed, func() error {
		return m.keeper.MarkPaid(m.ctx, id, math.NewInt(1_000_000))
	})
}
