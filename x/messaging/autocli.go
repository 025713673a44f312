package messaging

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

const (
	membersHelp = "Members are addresses separated by spaces, each an active member of the community, without duplicates."
	inviteHelp  = "Nobody joins a group without consent: the accounts listed are invited and become members with accept-invite."
	readHelp    = "Posting marks your own message read; a seq at or below your current mark changes nothing."
	// communityHelp describes the optional community_id of the Msgs that
	// act on a thread or an ad.
	communityHelp = "the thread's (or ad's) community; refused if it is another; fee sponsorship pays only for Msgs that name their community"
)

// communityFlag is the optional --community-id flag of a Msg acting on a
// thread or an ad.
func communityFlag() map[string]*autocliv1.FlagOptions {
	return map[string]*autocliv1.FlagOptions{"community_id": {Usage: communityHelp}}
}

// AutoCLIOptions describes the module's CLI: every query, and every Msg but
// PostMessage, whose hand-written command (client/cli) hashes the payload
// and which AutoCLI adds these commands to; MsgUpdateParams as a governance
// proposal.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the messaging module params (title length, payload size, group size)",
					Example:   fmt.Sprintf("%s query messaging params", app),
				},
				{
					RpcMethod:      "Thread",
					Use:            "thread [id]",
					Short:          "Show one thread: kind, community, members, last seq",
					Example:        fmt.Sprintf("%s query messaging thread 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod: "ThreadsOf",
					Use:       "threads-of [member]",
					Short:     "List the threads of an account with their last message and unread count",
					Example: fmt.Sprintf("%s query messaging threads-of kizuna1...\n%s query messaging threads-of kizuna1... --community-id 1",
						app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member"}},
					FlagOptions:    map[string]*autocliv1.FlagOptions{"community_id": {Usage: "only the threads of this community"}},
				},
				{
					RpcMethod: "Messages",
					Use:       "messages [thread-id]",
					Short:     "List the metadata of a thread's messages by seq (--page-reverse for newest first)",
					Long: "List the metadata of a thread's messages by seq, oldest first; --page-reverse lists newest first. " +
						"Payloads are not in state: fetch one with `query txs --query \"kizuna.messaging.v1.EventMessagePosted.thread_id='\\\"1\\\"' " +
						"AND kizuna.messaging.v1.EventMessagePosted.seq='\\\"2\\\"'\"`.",
					Example:        fmt.Sprintf("%s query messaging messages 1 --page-limit 20 --page-reverse", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "thread_id"}},
				},
				{
					RpcMethod:      "Invitations",
					Use:            "invitations [member]",
					Short:          "List the pending group invitations of an account",
					Example:        fmt.Sprintf("%s query messaging invitations kizuna1... --community-id 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member"}},
					FlagOptions:    map[string]*autocliv1.FlagOptions{"community_id": {Usage: "only the invitations of this community"}},
				},
				{
					RpcMethod:      "MessagingKey",
					Use:            "key [owner]",
					Short:          "Show the X25519 messaging key an account published, with its version",
					Example:        fmt.Sprintf("%s query messaging key kizuna1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}},
				},
				{
					RpcMethod:      "ThreadKeys",
					Use:            "thread-keys [thread-id]",
					Short:          "List the members of a thread who may read it, with the messaging key of each that published one",
					Example:        fmt.Sprintf("%s query messaging thread-keys 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "thread_id"}},
				},
				{
					RpcMethod:      "UnreadCount",
					Use:            "unread-count [member]",
					Short:          "Count the unread messages of an account over its newest threads (truncated says if there are more)",
					Example:        fmt.Sprintf("%s query messaging unread-count kizuna1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member"}},
					FlagOptions:    map[string]*autocliv1.FlagOptions{"community_id": {Usage: "only the threads of this community"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "OpenAdThread",
					Use:       "open-ad-thread [ad-id]",
					Short:     "Open the thread with the owner of an ad, or get the one already open",
					Example:   fmt.Sprintf("%s tx messaging open-ad-thread 3 --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "ad_id"},
					},
					FlagOptions: communityFlag(),
				},
				{
					RpcMethod: "OpenDirectThread",
					Use:       "open-direct-thread [community-id] [peer]",
					Short:     "Open the thread with another member of a community, or get the one already open",
					Example:   fmt.Sprintf("%s tx messaging open-direct-thread 1 kizuna1... --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "peer"},
					},
				},
				{
					RpcMethod: "CreateGroupThread",
					Use:       "create-group [community-id] [title] [member]...",
					Short:     "Create a group thread and invite members to it; you are its first member",
					Long: "Create a group thread of 2 to 100 members (params), you included even if not listed. " + membersHelp + " " +
						inviteHelp + " Posting needs a second member: someone has to accept first.",
					Example: fmt.Sprintf("%s tx messaging create-group 1 \"Garden crew\" kizuna1... kizuna1... --from hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "title"}, {ProtoField: "members", Varargs: true},
					},
				},
				{
					RpcMethod: "UpdateGroupThread",
					Use:       "update-group [thread-id] [title] [member]...",
					Short:     "Replace the members and title of a group thread (its creator or a community admin)",
					Long: "Replace the members and title of a group thread: the list given is the complete new list of members and " +
						"invitees. " + membersHelp + " Members not listed are removed; listed accounts not yet members are invited " +
						"(you join at once); invitations of accounts not listed are withdrawn. New members start with earlier messages read.",
					Example: fmt.Sprintf("%s tx messaging update-group 2 \"Garden crew\" kizuna1... kizuna1... kizuna1... --from hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "thread_id"}, {ProtoField: "title"}, {ProtoField: "members", Varargs: true},
					},
					FlagOptions: communityFlag(),
				},
				{
					RpcMethod: "AcceptGroupInvite",
					Use:       "accept-invite [thread-id]",
					Short:     "Accept an invitation to a group thread and become its member",
					Long: "Accept an invitation to a group thread: you become a member with earlier messages read. " +
						"An invitation lapses if you leave the community.",
					Example:        fmt.Sprintf("%s tx messaging accept-invite 2 --community-id 1 --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "thread_id"}},
					FlagOptions:    communityFlag(),
				},
				{
					RpcMethod:      "DeclineGroupInvite",
					Use:            "decline-invite [thread-id]",
					Short:          "Decline an invitation to a group thread",
					Example:        fmt.Sprintf("%s tx messaging decline-invite 2 --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "thread_id"}},
					FlagOptions:    communityFlag(),
				},
				{
					RpcMethod: "PostMessage",
					Skip:      true, // client/cli post computes the SHA-256 of the payload
				},
				{
					RpcMethod: "SetMessagingKey",
					Skip:      true, // client/cli publish-key derives the key from the account's key
				},
				{
					RpcMethod: "MarkRead",
					Use:       "mark-read [thread-id] [seq]",
					Short:     "Mark the messages of a thread up to seq as read",
					Long:      "Mark the messages of a thread up to seq as read; seq may not exceed the thread's last seq. " + readHelp,
					Example:   fmt.Sprintf("%s tx messaging mark-read 1 4 --from hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "thread_id"}, {ProtoField: "seq"},
					},
					FlagOptions: communityFlag(),
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to change the messaging module params",
					Example:        fmt.Sprintf(`%s tx messaging update-params-proposal '{"max_title_length":100,"max_payload_bytes":4096,"min_group_members":2,"max_group_members":100,"max_pending_invitations":50}' --deposit 10000000ukiz --from alice`, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
