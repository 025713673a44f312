package watch

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/version"
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
			"otherwise base64: prefixed). With --output json, each line is a JSON object. Messages committed before " +
			"the command started are not printed: list them with `query messaging messages` and fetch their payloads " +
			"with `query txs --query`.",
		Example: fmt.Sprintf("%s messaging watch 1 --node tcp://localhost:26657\n%s messaging watch 1 --output json", app, app),
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
			out := cmd.OutOrStdout()
			return Watch(cmd.Context(), clientCtx.NodeURI, threadID, func(m Message) error {
				return PrintMessage(out, m, output == flags.OutputFormatJSON)
			})
		},
	}
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
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
	Time          string `json:"time"`
	Height        int64  `json:"height,string"`
	TxHash        string `json:"txhash"`
}

// PrintMessage writes m as one line: text, or a JSON object (uint64 fields
// as strings as in Cosmos JSON, payload in base64, payload_text when it is
// valid UTF-8, content_sha256 in hex).
func PrintMessage(w io.Writer, m Message, asJSON bool) error {
	ts := m.Time.UTC().Format(time.RFC3339Nano)
	if asJSON {
		j := jsonMessage{
			ThreadID:      m.ThreadID,
			Seq:           m.Seq,
			Sender:        m.Sender,
			CommunityID:   m.CommunityID,
			ContentSha256: hex.EncodeToString(m.ContentSha256),
			Payload:       m.Payload,
			Time:          ts,
			Height:        m.Height,
			TxHash:        m.TxHash,
		}
		if utf8.Valid(m.Payload) {
			j.PayloadText = string(m.Payload)
		}
		bz, err := json.Marshal(j)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", bz)
		return err
	}
	_, err := fmt.Fprintf(w, "%d %s %s %s\n", m.Seq, m.Sender, ts, FormatPayload(m.Payload))
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
