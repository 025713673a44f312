package watch

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/messaging/client/seal"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// NewWatchCmd returns `watch [thread-id]`, which prints each message of a
// thread as its transaction commits, one line per message, until
// interrupted.
func NewWatchCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "watch [thread-id]",
		Short: "Print the messages of a thread as they are committed",
		Long: "Subscribe on the CometBFT websocket of --node to the messages of a thread and print one line per message: " +
			"seq, sender, time and payload (as text when it is valid UTF-8, Go-quoted if it holds control characters, " +
			"otherwise base64: prefixed). Sealed payloads are opened with the messaging key of --from (see `tx messaging " +
			"publish-key`); without --from they print as [sealed]. With --output json, each line is a JSON object. " +
			"Messages committed before the command started are not printed: list them with `query messaging messages` " +
			"and fetch their payloads with `query txs --query`.",
		Example: fmt.Sprintf("%s messaging watch 1 --from hanako --node tcp://localhost:26657\n%s messaging watch 1 --from hanako --output json", app, app),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			threadID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("thread id %q: %w", args[0], err)
			}
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			output, err := cmd.Flags().GetString(flags.FlagOutput)
			if err != nil {
				return err
			}
			var open Opener
			if from, _ := cmd.Flags().GetString(flags.FlagFrom); from != "" {
				txCtx, err := client.GetClientTxContext(cmd)
				if err != nil {
					return err
				}
				if open, err = NewOpener(cmd.Context(), txCtx); err != nil {
					return err
				}
			}
			out := cmd.OutOrStdout()
			return Watch(cmd.Context(), clientCtx.NodeURI, threadID, func(m Message) error {
				return PrintMessage(out, m, output == flags.OutputFormatJSON, open)
			})
		},
	}
	flags.AddQueryFlagsToCmd(cmd)
	cmd.Flags().String(flags.FlagFrom, "", "the key whose messaging key opens sealed payloads")
	cmd.Flags().String(flags.FlagKeyringBackend, flags.DefaultKeyringBackend, "the keyring of --from (os|file|kwallet|pass|test)")
	cmd.Flags().String(flags.FlagKeyringDir, "", "the keyring's directory, if not the home directory")
	return cmd
}

// Opener opens a sealed payload, or says why it cannot.
type Opener func(payload []byte) ([]byte, error)

// NewOpener returns the Opener of the --from account of clientCtx: it
// derives the account's messaging keys (its keyring signs once a version,
// the current version first, older ones when a payload sealed before a
// rotation needs them) and reads the published version again when a
// payload opens with none of them, so a rotation made while it runs is
// followed.
func NewOpener(ctx context.Context, clientCtx client.Context) (Opener, error) {
	owner, err := clientCtx.InterfaceRegistry.SigningContext().AddressCodec().BytesToString(clientCtx.GetFromAddress())
	if err != nil {
		return nil, err
	}
	published := func() (uint32, error) {
		res, err := types.NewQueryClient(clientCtx).MessagingKey(ctx, &types.QueryMessagingKeyRequest{Owner: owner})
		if status.Code(err) == codes.NotFound {
			return 0, fmt.Errorf("%s has published no messaging key, so nothing is sealed for it: publish one with "+
				"`%s tx messaging publish-key --from %s`", owner, version.AppName, clientCtx.FromName)
		}
		if err != nil {
			return 0, err
		}
		return res.Key.Version, nil
	}
	current, err := published()
	if err != nil {
		return nil, err
	}
	secrets := map[uint32][seal.KeySize]byte{}
	try := func(payload []byte, from, to uint32) ([]byte, error) {
		for v := from; v >= to && v >= 1; v-- {
			secret, ok := secrets[v]
			if !ok {
				var err error
				if secret, err = seal.FromKeyring(clientCtx.Keyring, clientCtx.FromName, owner, v); err != nil {
					return nil, err
				}
				secrets[v] = secret
			}
			text, err := seal.Open(payload, secret)
			if !errors.Is(err, seal.ErrNotForKey) {
				return text, err
			}
		}
		return nil, seal.ErrNotForKey
	}
	return func(payload []byte) ([]byte, error) {
		text, err := try(payload, current, 1)
		if !errors.Is(err, seal.ErrNotForKey) {
			return text, err
		}
		latest, qerr := published()
		if qerr != nil || latest <= current {
			return nil, err
		}
		previous := current
		current = latest
		return try(payload, latest, previous+1)
	}, nil
}

// jsonMessage is the --output json form of a Message.
type jsonMessage struct {
	ThreadID      uint64 `json:"thread_id,string"`
	Seq           uint64 `json:"seq,string"`
	Sender        string `json:"sender"`
	CommunityID   uint64 `json:"community_id,string"`
	ContentSha256 string `json:"content_sha256"`
	Payload       []byte `json:"payload"`
	PayloadText   string `json:"payload_text,omitempty"`
	Sealed        bool   `json:"sealed"`
	OpenError     string `json:"open_error,omitempty"`
	Time          string `json:"time"`
	Height        int64  `json:"height,string"`
	TxHash        string `json:"txhash"`
}

// PrintMessage writes m as one line: text, or a JSON object (uint64 fields
// as strings as in Cosmos JSON, payload in base64, payload_text when it is
// valid UTF-8 or a sealed payload open opened, content_sha256 in hex). open
// may be nil: sealed payloads then print as such.
func PrintMessage(w io.Writer, m Message, asJSON bool, open Opener) error {
	ts := m.Time.UTC().Format(time.RFC3339Nano)
	text, sealed := m.Payload, seal.IsSealed(m.Payload)
	var openErr error
	if sealed {
		text = nil
		if open == nil {
			openErr = errors.New("sealed; --from opens it")
		} else if text, openErr = open(m.Payload); openErr != nil {
			text = nil
		}
	}
	if asJSON {
		j := jsonMessage{
			ThreadID:      m.ThreadID,
			Seq:           m.Seq,
			Sender:        m.Sender,
			CommunityID:   m.CommunityID,
			ContentSha256: hex.EncodeToString(m.ContentSha256),
			Payload:       m.Payload,
			Sealed:        sealed,
			Time:          ts,
			Height:        m.Height,
			TxHash:        m.TxHash,
		}
		if openErr != nil {
			j.OpenError = openErr.Error()
		} else if utf8.Valid(text) {
			j.PayloadText = string(text)
		}
		bz, err := json.Marshal(j)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", bz)
		return err
	}
	shown := FormatPayload(text)
	if openErr != nil {
		shown = "[" + openErr.Error() + "]"
	}
	_, err := fmt.Fprintf(w, "%d %s %s %s\n", m.Seq, m.Sender, ts, shown)
	return err
}

// FormatPayload renders a payload on one line: as is when it is printable
// UTF-8 text, Go-quoted when it is UTF-8 with control characters, and
// base64 with a "base64:" prefix otherwise.
func FormatPayload(payload []byte) string {
	if !utf8.Valid(payload) {
		return "base64:" + base64.StdEncoding.EncodeToString(payload)
	}
	s := string(payload)
	for _, r := range s {
		if unicode.IsControl(r) {
			return strconv.Quote(s)
		}
	}
	return s
}
