package community

import (
	"fmt"
	"strings"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

// Enum values are typed in lower case without their prefix, as AutoCLI
// expects: join policy open|approval, role admin|moderator|teller|member,
// status active|pending.
const (
	joinPolicyHelp = "Join policy: open (anyone joins at once) or approval (an admin or moderator approves each request)."
	roleHelp       = "Roles: admin, moderator, teller, member."
	clearHelp      = "Fields left out keep their value; --clear-fields empties the listed ones."
	avatarHelp     = "--avatar-sha256 is the SHA-256 of the avatar, as 64 hex characters (or base64), and needs an avatar URI."
)

// flagHelp is the help of the flags that set community settings or profile
// fields, by proto field name.
var flagHelp = map[string]*autocliv1.FlagOptions{
	"name":            {Usage: "new community name (unique, ignoring case)"},
	"description":     {Usage: "description"},
	"location":        {Usage: "location, e.g. a city"},
	"join_policy":     {Usage: "open or approval"},
	"community_clear": {Usage: "settings to empty: description, location"},
	"username":        {Usage: "username: letters, digits and '_' (unique in the community, ignoring case)"},
	"first_name":      {Usage: "first name"},
	"last_name":       {Usage: "last name"},
	"avatar_uri":      {Usage: "URI of your avatar, with a scheme (https://, ipfs://, ...)"},
	"avatar_sha256":   {Name: "avatar-sha256", Usage: "SHA-256 of the avatar, 64 hex characters or base64"},
	"profile_clear":   {Usage: "fields to empty: first_name, last_name, description, location, avatar_uri, avatar_sha256"},
	"role_filter":     {Usage: "only members with this role: admin, moderator, teller or member"},
	"status_filter":   {Usage: "only members with this status: active or pending"},
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

// AutoCLIOptions describes the module's CLI: every query and every Msg, the
// governance-only MsgUpdateParams as a proposal.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the community module params (limits of names, profiles and searches)",
					Example:   fmt.Sprintf("%s query community params", app),
				},
				{
					RpcMethod: "Communities",
					Use:       "communities",
					Short:     "List the communities by id",
					Example:   fmt.Sprintf("%s query community communities --page-limit 20", app),
				},
				{
					RpcMethod:      "Community",
					Use:            "community [id]",
					Short:          "Show one community",
					Example:        fmt.Sprintf("%s query community community 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod: "Members",
					Use:       "members [community-id]",
					Short:     "List the members and pending requests of a community",
					Long:      "List the members and pending requests of a community by address. --role (admin, moderator, teller, member) and --status (active, pending) filter the list.",
					Example: fmt.Sprintf("%s query community members 1\n%s query community members 1 --status pending\n%s query community members 1 --role admin",
						app, app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions:    flags("role=role_filter", "status=status_filter"),
				},
				{
					RpcMethod:      "Member",
					Use:            "member [community-id] [address]",
					Short:          "Show one member or pending request of a community",
					Example:        fmt.Sprintf("%s query community member 1 kizuna1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "address"}},
				},
				{
					RpcMethod:      "MemberByUsername",
					Use:            "member-by-username [community-id] [username]",
					Short:          "Show the member of a community holding a username (case-insensitive, with or without @)",
					Example:        fmt.Sprintf("%s query community member-by-username 1 @hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "username"}},
				},
				{
					RpcMethod:      "CommunitiesOf",
					Use:            "communities-of [address]",
					Short:          "List the communities an account belongs to or asked to join",
					Example:        fmt.Sprintf("%s query community communities-of kizuna1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod: "SearchMembers",
					Use:       "search [community-id] [q]",
					Short:     "Find active members whose username, first or last name contains q",
					Long: "Find the active members of a community whose username, first name or last name contains q, ignoring case. " +
						"One call reads a bounded number of members (param max_search_scan): a page may hold fewer results than " +
						"--page-limit, even none, while a next key is returned; continue with --page-key until it is empty.",
					Example:        fmt.Sprintf("%s query community search 1 ali\n%s query community search 1 ali --page-key <next_key>", app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "q"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CreateCommunity",
					Use:       "create-community [name] [username] [join-policy]",
					Short:     "Create a community; you become its first admin under the given username",
					Long:      "Create a community; the signer becomes its first admin with the given username. " + joinPolicyHelp,
					Example: fmt.Sprintf("%s tx community create-community \"Kizuna Osaka\" taro open --description \"Time bank of Osaka\" --location Osaka --from taro",
						app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "name"}, {ProtoField: "username"}, {ProtoField: "join_policy"},
					},
					FlagOptions: flags("description", "location"),
				},
				{
					RpcMethod: "UpdateCommunity",
					Use:       "update-community [community-id]",
					Short:     "Change the name, description, location or join policy of a community (admins)",
					Long:      "Change the settings of a community; admins only. " + clearHelp + " Clearable: description, location. " + joinPolicyHelp,
					Example: fmt.Sprintf("%s tx community update-community 1 --join-policy approval --from taro\n%s tx community update-community 1 --name \"Kizuna Kansai\" --clear-fields location --from taro",
						app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions:    flags("name", "description", "location", "join_policy", "clear_fields=community_clear"),
				},
				{
					RpcMethod: "JoinCommunity",
					Use:       "join [community-id] [username]",
					Short:     "Join a community, or ask to join one that needs approval",
					Long:      "Join a community with a profile. In an open community you become a member at once; otherwise your request waits for an admin or moderator. " + avatarHelp,
					Example: fmt.Sprintf("%s tx community join 1 hanako --first-name Hanako --last-name Sato --avatar-uri ipfs://bafy... --from hanako",
						app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "username"}},
					FlagOptions:    flags("first_name", "last_name", "description", "location", "avatar_uri", "avatar_sha256"),
				},
				{
					RpcMethod:      "ApproveMember",
					Use:            "approve [community-id] [address]",
					Short:          "Approve a pending request to join (admins and moderators)",
					Example:        fmt.Sprintf("%s tx community approve 1 kizuna1... --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "member"}},
				},
				{
					RpcMethod:      "RejectMember",
					Use:            "reject [community-id] [address]",
					Short:          "Reject and delete a pending request to join (admins and moderators)",
					Example:        fmt.Sprintf("%s tx community reject 1 kizuna1... --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "member"}},
				},
				{
					RpcMethod:      "LeaveCommunity",
					Use:            "leave [community-id]",
					Short:          "Leave a community, or withdraw your pending request",
					Long:           "Leave a community, or withdraw your pending request. The last admin cannot leave: make another member admin first.",
					Example:        fmt.Sprintf("%s tx community leave 1 --from hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
				},
				{
					RpcMethod:      "RemoveMember",
					Use:            "remove-member [community-id] [address]",
					Short:          "Remove an active member from a community (admins)",
					Long:           "Remove an active member from a community; admins only. Pending requests are rejected with reject instead. The last admin cannot be removed.",
					Example:        fmt.Sprintf("%s tx community remove-member 1 kizuna1... --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "member"}},
				},
				{
					RpcMethod: "SetMemberRole",
					Use:       "set-role [community-id] [address] [role]",
					Short:     "Change the role of an active member (admins)",
					Long:      "Change the role of an active member; admins only. The last admin cannot be demoted. " + roleHelp,
					Example:   fmt.Sprintf("%s tx community set-role 1 kizuna1... moderator --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "member"}, {ProtoField: "role"},
					},
				},
				{
					RpcMethod: "UpdateProfile",
					Use:       "update-profile [community-id]",
					Short:     "Change your profile in a community",
					Long: "Change your profile in a community. " + clearHelp +
						" Clearable: first_name, last_name, description, location, avatar_uri (with its digest), avatar_sha256. A new --avatar-uri drops the old digest. " + avatarHelp,
					Example: fmt.Sprintf("%s tx community update-profile 1 --username hanako_s --location Kyoto --from hanako\n%s tx community update-profile 1 --clear-fields last_name,avatar_uri --from hanako",
						app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions: flags("username", "first_name", "last_name", "description", "location",
						"avatar_uri", "avatar_sha256", "clear_fields=profile_clear"),
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to change the community module params",
					Example:        fmt.Sprintf(`%s tx community update-params-proposal '{"max_community_name_length":64, ...}' --deposit 10000000ukiz --from alice`, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
