package ads_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	"github.com/kizuna-chain/kizuna/x/ads"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func TestCLI_QueriesParsePositionalArgsAndEnums(t *testing.T) {
	owner, err := conformance.AccountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)
	viewer, err := conformance.AccountCodec.BytesToString(bytes.Repeat([]byte{1}, 20))
	require.NoError(t, err)

	method, req := conformance.Query(t, ads.AppModule{}, "ads", "7", "--type", "give", "--status", "open", "--owner", owner, "--viewer", viewer, "--page-limit", "5")
	require.Equal(t, "/kizuna.ads.v1.Query/Ads", method)
	require.Equal(t, "7", req["communityId"])
	require.Equal(t, "AD_TYPE_GIVE", req["type"])
	require.Equal(t, "AD_STATUS_OPEN", req["status"])
	require.Equal(t, owner, req["owner"])
	require.Equal(t, viewer, req["viewer"])
	require.Equal(t, "5", req["pagination"].(map[string]any)["limit"])

	method, req = conformance.Query(t, ads.AppModule{}, "ads", "7", "--type", "want", "--status", "closed")
	require.Equal(t, "/kizuna.ads.v1.Query/Ads", method)
	require.Equal(t, "AD_TYPE_WANT", req["type"])
	require.Equal(t, "AD_STATUS_CLOSED", req["status"])

	method, req = conformance.Query(t, ads.AppModule{}, "ad", "3", "--viewer", viewer)
	require.Equal(t, "/kizuna.ads.v1.Query/Ad", method)
	require.Equal(t, "3", req["id"])
	require.Equal(t, viewer, req["viewer"])

	method, req = conformance.Query(t, ads.AppModule{}, "by-owner", owner, "--viewer", viewer)
	require.Equal(t, "/kizuna.ads.v1.Query/AdsByOwner", method)
	require.Equal(t, owner, req["owner"])
	require.Equal(t, viewer, req["viewer"])

	method, _ = conformance.Query(t, ads.AppModule{}, "params")
	require.Equal(t, "/kizuna.ads.v1.Query/Params", method)
}

func TestCLI_TxCommandsBuildTheirMsgs(t *testing.T) {
	digest := "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
	// Base units with their denom need no node; display units ("20") are
	// read with the currency's decimals from one (tests/system).
	msg, signer := conformance.Tx(t, ads.AppModule{}, "create", "1", "give", "Bicycle repair", "200000cc/1/KGA",
		"--description", "Flat tyres", "--location", "Osaka", "--photo-uri", "ipfs://a", "--photo-sha256", digest, "--category", "repairs")
	require.Equal(t, "/kizuna.ads.v1.MsgCreateAd", msg["@type"])
	require.Equal(t, signer, msg["owner"])
	require.Equal(t, "1", msg["community_id"])
	require.Equal(t, "AD_TYPE_GIVE", msg["type"])
	require.Equal(t, "Bicycle repair", msg["title"])
	require.Equal(t, "200000", msg["price"])
	require.Equal(t, "Flat tyres", msg["description"])
	require.Equal(t, "Osaka", msg["location"])
	require.Equal(t, "ipfs://a", msg["photo_uri"])
	require.Equal(t, "ABEiM0RVZneImaq7zN3u/wARIjNEVWZ3iJmqu8zd7v8=", msg["photo_sha256"], "the hex digest is decoded to 32 bytes")
	require.Equal(t, "repairs", msg["category"])

	msg, _ = conformance.Tx(t, ads.AppModule{}, "create", "1", "want", "Help moving", "0")
	require.Equal(t, "AD_TYPE_WANT", msg["type"])
	require.Equal(t, "0", msg["price"])

	msg, signer = conformance.Tx(t, ads.AppModule{}, "update", "3", "--price", "0", "--title", "Tune-up", "--clear-fields", "location,photo_uri")
	require.Equal(t, "/kizuna.ads.v1.MsgUpdateAd", msg["@type"])
	require.Equal(t, signer, msg["owner"])
	require.Equal(t, "3", msg["ad_id"])
	require.Equal(t, "0", msg["price"], "a price of 0 is sent")
	require.Equal(t, "Tune-up", msg["title"])
	require.Equal(t, []any{"location", "photo_uri"}, msg["clear_fields"])

	msg, _ = conformance.Tx(t, ads.AppModule{}, "update", "3", "--price", "25000cc/1/KGA")
	require.Equal(t, "25000", msg["price"], "a base-units price names its community")

	_, err := conformance.RunTx(t, ads.AppModule{}, "create", "1", "give", "Apples", "5cc/2/HOUR")
	require.ErrorContains(t, err, "not the currency of community 1")
	_, err = conformance.RunTx(t, ads.AppModule{}, "create", "1", "sell", "Apples", "0")
	require.ErrorContains(t, err, "want or give")

	msg, _ = conformance.Tx(t, ads.AppModule{}, "update", "3", "--category", "food")
	require.Nil(t, msg["price"], "no --price keeps the price")

	msg, signer = conformance.Tx(t, ads.AppModule{}, "close", "3")
	require.Equal(t, "/kizuna.ads.v1.MsgCloseAd", msg["@type"])
	require.Equal(t, signer, msg["owner"])
	require.Equal(t, "3", msg["ad_id"])
}

func TestAminoJSONSigning_SignsAmountsAndNestedParams(t *testing.T) {
	env := conformance.NewTxEnv(t, ads.AppModule{})
	signer := env.Signer
	price := math.NewInt(25)

	sign := conformance.AminoJSONSignBytes(t, env, &types.MsgCreateAd{Owner: signer, CommunityId: 1, Type: types.AdTypeGive, Title: "Apples", Price: math.ZeroInt()})
	require.Contains(t, sign, `"price":"0"`, "a zero price is signed")
	sign = conformance.AminoJSONSignBytes(t, env, &types.MsgUpdateAd{Owner: signer, AdId: 1, Price: &price, ClearFields: []string{"location"}})
	require.Contains(t, sign, `"price":"25"`)
	sign = conformance.AminoJSONSignBytes(t, env, &types.MsgUpdateAd{Owner: signer, AdId: 1, Title: "Pears"})
	require.NotContains(t, sign, `"price"`, "an unset price is not signed")
	sign = conformance.AminoJSONSignBytes(t, env, &types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()})
	require.Contains(t, sign, `"max_category_length":64`, "nested messages are signed in full")
}
