package amplify

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// AutoCLIOptions describes the module's CLI: every query, and every Msg
// for relaying signatures made elsewhere, next to the hand-written commands
// of client/cli that sign with Ethereum key files; MsgUpdateParams as a
// governance proposal.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the amplify module params",
					Example:   fmt.Sprintf("%s query amplify params", app),
				},
				{
					RpcMethod: "List",
					Use:       "list [from] [amount]",
					Short:     "List messages in acceptance order from a position (amount at most 500)",
					Example:   fmt.Sprintf("%s query amplify list 0 50 --type amplify", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "from"}, {ProtoField: "amount"},
					},
					FlagOptions: map[string]*autocliv1.FlagOptions{"type": {Usage: "amplify or comment; both when empty"}},
				},
				{
					RpcMethod:      "Message",
					Use:            "message [index]",
					Short:          "Show a message by its Kiwistand index (72 hex digits, kiwi:0x optional)",
					Example:        fmt.Sprintf("%s query amplify message 63b0bef04c38...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "index"}},
				},
				{
					RpcMethod:      "Votes",
					Use:            "votes [href]",
					Short:          "List the identities that amplified a link (the href is normalized first)",
					Example:        fmt.Sprintf("%s query amplify votes https://example.com", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "href"}},
				},
				{
					RpcMethod:      "Top",
					Use:            "top [n]",
					Short:          "Rank recent links by votes and age: votes*10^6/(age_hours+2)^2",
					Example:        fmt.Sprintf("%s query amplify top 10", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "n"}},
				},
				{
					RpcMethod:   "Delegations",
					Use:         "delegations",
					Short:       "List the delegations of signing keys",
					Example:     fmt.Sprintf("%s query amplify delegations --identity 0x1a64...", app),
					FlagOptions: map[string]*autocliv1.FlagOptions{"from": {Name: "identity", Usage: "only the delegations of this identity"}},
				},
				{
					RpcMethod:      "IdentityOf",
					Use:            "identity-of [signer]",
					Short:          "Show the identity an Ethereum signing key signs for",
					Example:        fmt.Sprintf("%s query amplify identity-of 0x5050...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "signer"}},
				},
				{
					RpcMethod:      "EthAccount",
					Use:            "eth-account [address]",
					Short:          "Show an Ethereum address's next consent nonce and linked account",
					Example:        fmt.Sprintf("%s query amplify eth-account 0x1a64...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "Link",
					Use:            "link [account]",
					Short:          "Show the Ethereum address linked to an account",
					Example:        fmt.Sprintf("%s query amplify link kizuna1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "account"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "SubmitAmplify",
					Use:       "submit [title] [href] [type] [timestamp] [signature]",
					Short:     "Relay a Kiwistand message signed elsewhere (e.g. MetaMask eth_signTypedData_v4)",
					Example:   fmt.Sprintf("%s tx amplify submit \"Hello\" https://example.com amplify 1700000000 0xbada... --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "title"}, {ProtoField: "href"}, {ProtoField: "type"}, {ProtoField: "timestamp"}, {ProtoField: "signature"},
					},
					FlagOptions: map[string]*autocliv1.FlagOptions{"community_id": {
						Usage: "the community the submission is for (you must be an active member; lets its fee sponsorship pay); 0 for none",
					}},
				},
				{
					RpcMethod: "LinkEthereumAddress",
					Use:       "link-eth [eth-address] [signature]",
					Short:     "Link an Ethereum address to your account with its EIP-712 proof",
					Example:   fmt.Sprintf("%s tx amplify link-eth 0x1a64... 0x... --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "eth_address"}, {ProtoField: "signature"},
					},
				},
				{
					RpcMethod: "Delegate",
					Use:       "delegate [from] [to] [to-signature]",
					Short:     "Let the signing key `to` sign for the identity `from`",
					Example:   fmt.Sprintf("%s tx amplify delegate 0x1a64... 0x5050... 0x... --from-signature 0x... --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "from"}, {ProtoField: "to"}, {ProtoField: "to_signature"},
					},
				},
				{
					RpcMethod: "RevokeDelegation",
					Use:       "revoke-delegation [from] [to]",
					Short:     "End the delegation from an identity to a signing key",
					Example:   fmt.Sprintf("%s tx amplify revoke-delegation 0x1a64... 0x5050... --from-signature 0x... --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "from"}, {ProtoField: "to"},
					},
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to change the amplify module params",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
