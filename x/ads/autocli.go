package ads

import (
	"fmt"
	"strings"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// Enum values are typed in lower case without their prefix, as AutoCLI
// expects: type want|give, status open|closed.
const (
	typeHelp    = "Type: want (you need something: only you pay, the helper is paid) or give (you offer something: anyone else pays you)."
	clearHelp   = "Fields left out keep their value; --clear-fields empties the listed ones."
	photoHelp   = "--photo-sha256 is the SHA-256 of the photo, as 64 hex characters (or base64), and needs a photo URI."
	viewerHelp  = "--viewer sets payable on each ad: whether that account may pay for it now."
	paymentNote = "A paid or closed ad can no longer be edited."
)

// flagHelp is the help of the flags that set ad fields or filter listings, by
// proto field name.
var flagHelp = map[string]*autocliv1.FlagOptions{
	"title":         {Usage: "new title"},
	"description":   {Usage: "description"},
	"location":      {Usage: "location, e.g. a city"},
	"photo_uri":     {Usage: "URI of a photo, with a scheme (https://, ipfs://, ...)"},
	"photo_sha256":  {Name: "photo-sha256", Usage: "SHA-256 of the photo, 64 hex characters or base64"},
	"category":      {Usage: "category, e.g. food, repairs, childcare"},
	"clear_fields":  {Usage: "fields to empty: description, location, photo_uri, photo_sha256, category"},
	"type_filter":   {Usage: "only ads of this type: want or give"},
	"status_filter": {Usage: "only ads with this status: open or closed"},
	"owner_filter":  {Usage: "only the ads of this account"},
	"viewer":        {Usage: "account for which payable is computed (address or key name)"},
}

// flags returns fresh flag options (AutoCLI adds to the map it is given) for
// the fields named; "field=help" picks the help stored under another key.
func flags(fields ...string) map[string]*autocliv1.FlagOptions {
	out := make(map[string]*autocliv1.FlagOptions, len(fields))
	for _, f := range fields {
		field, key, found := strings.Cut(f, "=")
		if !found {
			key = field
		}
		opts := &autocliv1.FlagOptions{}
		if help, ok := flagHelp[key]; ok {
			opts.Name, opts.Usage = help.Name, help.Usage
		}
		out[field] = opts
	}
	return out
}

// AutoCLIOptions describes the module's CLI: every query and every Msg,
// MsgUpdateParams as a governance proposal.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the ads module params (limits of titles, descriptions and other fields)",
					Example:   fmt.Sprintf("%s query ads params", app),
				},
				{
					RpcMethod: "Ads",
					Use:       "ads [community-id]",
					Short:     "List the ads of a community by id",
					Long: "List the ads of a community by id. --type (want, give), --status (open, closed) and --owner filter the list. " +
						viewerHelp,
					Example: fmt.Sprintf("%s query ads ads 1\n%s query ads ads 1 --type give --status open --viewer kizuna1...\n%s query ads ads 1 --owner kizuna1...",
						app, app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions:    flags("type=type_filter", "status=status_filter", "owner=owner_filter", "viewer"),
				},
				{
					RpcMethod:      "Ad",
					Use:            "ad [id]",
					Short:          "Show one ad",
					Long:           "Show one ad. " + viewerHelp,
					Example:        fmt.Sprintf("%s query ads ad 1\n%s query ads ad 1 --viewer kizuna1...", app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
					FlagOptions:    flags("viewer"),
				},
				{
					RpcMethod:      "AdsByOwner",
					Use:            "by-owner [owner]",
					Short:          "List the ads of an account in every community by id",
					Long:           "List the ads of an account in every community by id. " + viewerHelp,
					Example:        fmt.Sprintf("%s query ads by-owner kizuna1...\n%s query ads by-owner kizuna1... --viewer kizuna1...", app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}},
					FlagOptions:    flags("viewer"),
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "CreateAd", Skip: true}, // client/cli: the price in display units
				{RpcMethod: "UpdateAd", Skip: true}, // client/cli: the price in display units
				{
					RpcMethod:      "CloseAd",
					Use:            "close [ad-id]",
					Short:          "Close one of your ads; it can no longer be paid for or edited",
					Example:        fmt.Sprintf("%s tx ads close 3 --from hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "ad_id"}},
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to change the ads module params",
					Example:        fmt.Sprintf(`%s tx ads update-params-proposal '{"max_title_length":100, ...}' --deposit 10000000ukiz --from alice`, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
