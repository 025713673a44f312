package cli

import (
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// FlagSignerKey names the file holding the hex private key of a signing key.
const FlagSignerKey = "signer-key"

// NewLinkCmd returns `link --eth-key FILE`.
func NewLinkCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "link",
		Short: "Link the Ethereum address of a key file to your account, signing its proof",
		Long: "Sign the EIP-712 link proof (LinkEthereumAddress, with the address's consent nonce read from the node) " +
			"with the Ethereum key in --eth-key and submit it from the --from account. Use link-eth to relay a proof " +
			"signed elsewhere.",
		Example: fmt.Sprintf("%s tx amplify link --eth-key eth.key --from taro", app),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			key, err := ethKeyFlag(cmd, FlagEthKey)
			if err != nil {
				return err
			}
			clientCtx, sender, err := txContext(cmd)
			if err != nil {
				return err
			}
			eth := crypto.PubkeyToAddress(key.PublicKey)
			nonce, err := consentNonce(cmd, clientCtx, eth)
			if err != nil {
				return err
			}
			sig, err := ethsign.SignTypedData(types.LinkTypedData(eth, sender, clientCtx.ChainID, nonce), key)
			if err != nil {
				return err
			}
			msg := &types.MsgLinkEthereumAddress{Account: sender, EthAddress: eth.Hex(), Signature: sig}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(FlagEthKey, "", "file holding the hex Ethereum private key to link")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewAuthorizeSignerCmd returns `authorize-signer --signer-key FILE
// [--eth-key FILE]`.
func NewAuthorizeSignerCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "authorize-signer",
		Short: "Delegate: let a signing key sign amplify messages for your Ethereum identity",
		Long: "Sign both consent proofs of a delegation and submit it: the signing key in --signer-key signs as `to`, " +
			"and the identity in --eth-key signs as `from`. Without --eth-key the identity is the Ethereum address " +
			"linked to the --from account (see `tx amplify link`), which needs no signature. Consent nonces are read " +
			"from the node. Use delegate to relay proofs signed elsewhere.",
		Example: fmt.Sprintf("%s tx amplify authorize-signer --signer-key browser.key --eth-key identity.key --from taro", app),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			signerKey, err := ethKeyFlag(cmd, FlagSignerKey)
			if err != nil {
				return err
			}
			clientCtx, sender, err := txContext(cmd)
			if err != nil {
				return err
			}
			identityKey, from, err := identity(cmd, clientCtx, sender)
			if err != nil {
				return err
			}
			to := crypto.PubkeyToAddress(signerKey.PublicKey)
			toNonce, err := consentNonce(cmd, clientCtx, to)
			if err != nil {
				return err
			}
			toSig, err := ethsign.SignTypedData(types.DelegationTypedData(types.ActionDelegate, from, to, clientCtx.ChainID, toNonce), signerKey)
			if err != nil {
				return err
			}
			msg := &types.MsgDelegate{Sender: sender, From: from.Hex(), To: to.Hex(), ToSignature: toSig}
			if identityKey != nil {
				fromNonce, err := consentNonce(cmd, clientCtx, from)
				if err != nil {
					return err
				}
				td := types.DelegationTypedData(types.ActionDelegate, from, to, clientCtx.ChainID, fromNonce)
				if msg.FromSignature, err = ethsign.SignTypedData(td, identityKey); err != nil {
					return err
				}
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(FlagSignerKey, "", "file holding the hex private key of the signing key (the delegation's `to`)")
	cmd.Flags().String(FlagEthKey, "", "file holding the hex private key of the identity (`from`); default: the account's linked address")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewRevokeSignerCmd returns `revoke-signer [signer-address] [--eth-key
// FILE]`.
func NewRevokeSignerCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "revoke-signer [signer-address]",
		Short: "End a delegation to a signing key, signing the identity's consent",
		Long: "Sign the revocation with the identity in --eth-key and submit it. Without --eth-key the identity is the " +
			"Ethereum address linked to the --from account, which needs no signature.",
		Example: fmt.Sprintf("%s tx amplify revoke-signer 0x5050... --eth-key identity.key --from taro", app),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			to, err := types.ParseEthAddress("signer-address", args[0])
			if err != nil {
				return err
			}
			clientCtx, sender, err := txContext(cmd)
			if err != nil {
				return err
			}
			identityKey, from, err := identity(cmd, clientCtx, sender)
			if err != nil {
				return err
			}
			msg := &types.MsgRevokeDelegation{Sender: sender, From: from.Hex(), To: to.Hex()}
			if identityKey != nil {
				nonce, err := consentNonce(cmd, clientCtx, from)
				if err != nil {
					return err
				}
				td := types.DelegationTypedData(types.ActionRevoke, from, to, clientCtx.ChainID, nonce)
				if msg.FromSignature, err = ethsign.SignTypedData(td, identityKey); err != nil {
					return err
				}
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(FlagEthKey, "", "file holding the hex private key of the identity (`from`); default: the account's linked address")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// txContext returns the command's tx context, writing to the command's
// output, and the --from account as a string.
func txContext(cmd *cobra.Command) (client.Context, string, error) {
	clientCtx, err := client.GetClientTxContext(cmd)
	if err != nil {
		return clientCtx, "", err
	}
	clientCtx = clientCtx.WithOutput(cmd.OutOrStdout())
	if clientCtx.InterfaceRegistry == nil {
		return clientCtx, "", fmt.Errorf("client context has no interface registry")
	}
	sender, err := clientCtx.InterfaceRegistry.SigningContext().AddressCodec().BytesToString(clientCtx.GetFromAddress())
	return clientCtx, sender, err
}

// identity returns the identity of a delegation: the key in --eth-key, or
// (with a nil key) the sender's linked Ethereum address.
func identity(cmd *cobra.Command, clientCtx client.Context, sender string) (*ecdsa.PrivateKey, common.Address, error) {
	if name, _ := cmd.Flags().GetString(FlagEthKey); name != "" {
		key, err := readEthKey(name)
		if err != nil {
			return nil, common.Address{}, err
		}
		return key, crypto.PubkeyToAddress(key.PublicKey), nil
	}
	res, err := types.NewQueryClient(clientCtx).Link(cmd.Context(), &types.QueryLinkRequest{Account: sender})
	if err != nil {
		return nil, common.Address{}, fmt.Errorf("no --%s given and no linked address for %s: %w", FlagEthKey, sender, err)
	}
	return nil, common.HexToAddress(res.EthAddress), nil
}

// consentNonce reads the next consent nonce of addr from the node. Consent
// proofs are bound to a chain, so the chain id must be known too.
func consentNonce(cmd *cobra.Command, clientCtx client.Context, addr common.Address) (uint64, error) {
	if clientCtx.ChainID == "" {
		return 0, fmt.Errorf("--%s is required: consent proofs are bound to a chain", flags.FlagChainID)
	}
	res, err := types.NewQueryClient(clientCtx).EthAccount(cmd.Context(), &types.QueryEthAccountRequest{Address: addr.Hex()})
	if err != nil {
		return 0, fmt.Errorf("reading the consent nonce of %s: %w", addr.Hex(), err)
	}
	return res.ConsentNonce, nil
}

// ethKeyFlag reads the Ethereum key named by a flag.
func ethKeyFlag(cmd *cobra.Command, flag string) (*ecdsa.PrivateKey, error) {
	name, err := cmd.Flags().GetString(flag)
	if err != nil {
		return nil, err
	}
	if name == "" {
		return nil, fmt.Errorf("--%s is required", flag)
	}
	return readEthKey(name)
}
