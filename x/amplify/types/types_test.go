package types_test

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// TestDescriptors_LinkEveryFieldType guards against gogoproto registering a
// file before the files it imports, which leaves placeholder types behind.
func TestDescriptors_LinkEveryFieldType(t *testing.T) {
	var files int
	proto.HybridResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if !strings.HasPrefix(fd.Path(), "kizuna/amplify/") {
			return true
		}
		files++
		msgs := fd.Messages()
		for i := range msgs.Len() {
			fields := msgs.Get(i).Fields()
			for j := range fields.Len() {
				if m := fields.Get(j).Message(); m != nil {
					require.False(t, m.IsPlaceholder(), "%s is a placeholder", m.FullName())
				}
			}
		}
		return true
	})
	require.Equal(t, 5, files)
}

func TestParamsValidate_RefusesLimitsAndIdentitiesOutOfBounds(t *testing.T) {
	statetest.Refuses(t, types.DefaultParams, types.ErrInvalidParams, map[string]func(*types.Params){
		"zero delta":         func(p *types.Params) { p.MaxTimestampDelta = 0 },
		"delta over ceiling": func(p *types.Params) { p.MaxTimestampDelta = types.CeilingTimestampDelta + 1 },
		"zero list":          func(p *types.Params) { p.MaxListAmount = 0 },
		"top over ceiling":   func(p *types.Params) { p.MaxTop = types.CeilingTop + 1 },
		"zero window":        func(p *types.Params) { p.TopWindow = 0 },
		"min beyond 2^53":    func(p *types.Params) { p.MinTimestamp = types.MaxSafeTimestamp + 1 },
		"eligible: bad checksum": func(p *types.Params) {
			p.EligibleIdentities = []string{"0x1A642f0E3c3aF545E7AcBD38b07251B3990914F1"}
		},
		"eligible: upper case": func(p *types.Params) {
			p.EligibleIdentities = []string{"0x1A642F0E3C3AF545E7ACBD38B07251B3990914F1"}
		},
		"eligible: no 0x":     func(p *types.Params) { p.EligibleIdentities = []string{"1a642f0e3c3af545e7acbd38b07251b3990914f1"} },
		"eligible: too short": func(p *types.Params) { p.EligibleIdentities = []string{"0x1a642f0e3c3af545e7acbd38b07251b3990914"} },
		"eligible: empty":     func(p *types.Params) { p.EligibleIdentities = []string{""} },
		"eligible: the same address in two cases": func(p *types.Params) {
			p.EligibleIdentities = []string{"0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1", "0x1a642f0e3c3af545e7acbd38b07251b3990914f1"}
		},
		"eligible: over the ceiling": func(p *types.Params) {
			for i := range types.CeilingEligibleIdentities + 1 {
				p.EligibleIdentities = append(p.EligibleIdentities, fmt.Sprintf("0x%040x", i+1))
			}
		},
	})
}

func TestParams_AFullEligibleListValidatesAndListsItsAddresses(t *testing.T) {
	p := types.DefaultParams()
	for i := range types.CeilingEligibleIdentities - 1 {
		p.EligibleIdentities = append(p.EligibleIdentities, fmt.Sprintf("0x%040x", i+1))
	}
	p.EligibleIdentities = append(p.EligibleIdentities, "0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1")
	require.NoError(t, p.Validate(), "a full list, lower case and checksummed")
	require.True(t, p.IsListedEligible(common.HexToAddress("0x1a642f0e3c3af545e7acbd38b07251b3990914f1")))
	require.True(t, p.IsListedEligible(common.BigToAddress(big.NewInt(7))))
	require.False(t, p.IsListedEligible(common.HexToAddress("0x5050A4F4b3f9338C3472dcC01A87C76A144b3c9c")))
}

func TestNormalizeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com":                                 "https://example.com",
		"https://example.com/":                                "https://example.com",
		"HTTPS://WWW.Example.COM/Path/":                       "https://example.com/Path",
		"http://example.com:80/a":                             "http://example.com/a",
		"https://example.com:8443/a":                          "https://example.com:8443/a",
		"https://user:pw@example.com/a":                       "https://example.com/a",
		"https://example.com//a//b/":                          "https://example.com/a/b",
		"https://example.com/?utm_source=x&utm_medium":        "https://example.com",
		"https://example.com/s?q=kiwi&lang=en&page=2#results": "https://example.com/s?lang=en&page=2&q=kiwi#results",
		"https://example.com/?b=1&a=2&b=0":                    "https://example.com/?a=2&b=1&b=0",
		"https://example.com/a#:~:text=hello":                 "https://example.com/a",
		"https://www.www.example.com/":                        "https://www.www.example.com",
		"https://example.com./a":                              "https://example.com/a",
		"https://example.com/a/./b/../c":                      "https://example.com/a/c",
		"https://example.com/a/%2E%2e/b/..":                   "https://example.com",
		"https://example.com/../../a":                         "https://example.com/a",
		"https://example.com/%7Euser/caf%C3%A9":               "https://example.com/~user/caf%C3%A9",
		"https://example.com/a%2Fb%3fc/%41%20d":               "https://example.com/a%2Fb%3fc/A%20d",
		"https://example.com/bad%E9escape%41":                 "https://example.com/bad%E9escape%41",
	} {
		got, err := types.NormalizeURL(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, bad := range []string{"https://", "https:///path", "mailto:a@b.c"} {
		_, err := types.NormalizeURL(bad)
		require.ErrorIs(t, err, types.ErrInvalidHref, bad)
	}
}

func TestCanonicalJSON_EscapesAsJSONStringify(t *testing.T) {
	m := types.SignedMessage{
		Content:   types.Content{Title: "<a> & \"q\" \\ \u2028 \x01\t\n\r\b\f é 🥝", Href: "kiwi:0x00", Type: "comment", Timestamp: 1700000000},
		Signature: "0xAB",
	}
	require.Equal(t,
		`{"href":"kiwi:0x00","signature":"0xAB","timestamp":1700000000,"title":"<a> & \"q\" \\ `+"\u2028"+` \u0001\t\n\r\b\f é 🥝","type":"comment"}`,
		m.CanonicalJSON())
}

func TestCBORTextString_UsesTheShortestHeader(t *testing.T) {
	for n, head := range map[int]string{0: "60", 23: "77", 24: "7818", 255: "78ff", 256: "790100", 65535: "79ffff", 65536: "7a00010000"} {
		got := hex.EncodeToString(types.CBORTextString(strings.Repeat("a", n))[:len(head)/2])
		require.Equal(t, head, got, n)
	}
}

func TestIsReaction(t *testing.T) {
	for title, want := range map[string]bool{
		"🥝": true, " 👍🏽 ": true, "❤️": true, "👨‍👩‍👧": true, "🇯🇵": true, "🎉🎉": true,
		"": false, "  ": false, "ok 👍": false, "123": false, "#": false, "Nice": false,
	} {
		require.Equal(t, want, types.IsReaction(title), title)
	}
}

func TestParseSignature(t *testing.T) {
	r := strings.Repeat("11", 32)
	s := strings.Repeat("22", 32)
	for sig, v := range map[string]byte{
		"0x" + r + s + "1b": 0, "0x" + r + s + "1c": 1, "0x" + r + s + "00": 0, "0x" + r + s + "01": 1,
		"0x" + r + s + "25": 0, "0x" + r + s + "ff": 0, "0x" + r + s + "fe": 1,
		"0x" + r + "a2" + s[2:]: 1, "0x" + r + s: 0,
	} {
		raw, err := types.ParseSignature(sig)
		require.NoError(t, err, sig)
		require.Equal(t, v, raw[64], sig)
		require.Equal(t, byte(0x22), raw[32], sig)
	}
	for _, bad := range []string{"", "0x", r + s + "1b", "0x" + r + s + "1", "0x" + r + s + "02", "0x" + r + s + "1a", "0x" + r + s + "1b00", "0xzz" + r + s} {
		_, err := types.ParseSignature(bad)
		require.ErrorIs(t, err, types.ErrInvalidSignature, bad)
	}
}

func TestGenesis_ValidateRejectsInconsistentState(t *testing.T) {
	a := "0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1"
	b := "0x5050A4F4b3f9338C3472dcC01A87C76A144b3c9c"
	c := "0x3325a78425F17a7E487Eb5666b2bFd93aBb06c70"
	defaults := func() types.GenesisState { return *types.DefaultGenesis() }
	statetest.Refuses(t, defaults, types.ErrInvalidParams, map[string]func(*types.GenesisState){
		"bad params": func(gs *types.GenesisState) { gs.Params = types.Params{} },
	})
	statetest.Refuses(t, defaults, types.ErrInvalidGenesis, map[string]func(*types.GenesisState){
		"self delegation":       func(gs *types.GenesisState) { gs.Delegations = []types.Delegation{{From: a, To: a}} },
		"to with two froms":     func(gs *types.GenesisState) { gs.Delegations = []types.Delegation{{From: a, To: b}, {From: c, To: b}} },
		"address in both roles": func(gs *types.GenesisState) { gs.Delegations = []types.Delegation{{From: a, To: b}, {From: b, To: c}} },
		"message out of order":  func(gs *types.GenesisState) { gs.Messages = []types.StoredMessage{{Seq: 2}} },
		"duplicate link": func(gs *types.GenesisState) {
			gs.Links = []types.EthereumLink{{Account: "k1", EthAddress: a}, {Account: "k2", EthAddress: a}}
		},
	})
}

func TestTimestampOfIndex(t *testing.T) {
	m := types.SignedMessage{Content: types.Content{Title: "a", Href: "https://example.com", Type: types.TypeAmplify, Timestamp: 1_700_000_123}}
	ts, err := types.TimestampOfIndex(m.Index())
	require.NoError(t, err)
	require.Equal(t, uint64(1_700_000_123), ts)
	digest := m.IndexDigest()
	for _, bad := range []string{"", digest, "zz" + digest, "65" + digest[:63] + "g", "1ffffffffffffffff" + digest} {
		_, err := types.TimestampOfIndex(bad)
		require.ErrorIs(t, err, types.ErrInvalidHref, bad)
	}
}
