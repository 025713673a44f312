package units

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Lookup reads from the node what a command typed in people's terms needs:
// the currency of the community (its decimals, code and fee) and the
// addresses of members named by @username. It asks only when the command
// needs it, so a command given base units, addresses and the fee works
// offline (--generate-only, --offline).
type Lookup struct {
	cmd         *cobra.Command
	clientCtx   client.Context
	communityID uint64
	currency    *types.Currency
	// baseDenom is the denom an amount was typed with, when it was.
	baseDenom string
}

// NewLookup returns the lookup of a command about community communityID.
func NewLookup(cmd *cobra.Command, clientCtx client.Context, communityID uint64) *Lookup {
	return &Lookup{cmd: cmd, clientCtx: clientCtx, communityID: communityID}
}

// Currency returns the community's currency, read once.
func (l *Lookup) Currency() (types.Currency, error) {
	if l.currency != nil {
		return *l.currency, nil
	}
	res, err := types.NewQueryClient(l.clientCtx).Currency(l.cmd.Context(), &types.QueryCurrencyRequest{CommunityId: l.communityID})
	if err != nil {
		return types.Currency{}, fmt.Errorf("reading the currency of community %d: %w", l.communityID, err)
	}
	l.currency = &res.Currency
	return res.Currency, nil
}

// Amount returns arg in base units of the community's currency.
func (l *Lookup) Amount(arg string, allowZero bool) (sdkmath.Int, error) {
	a, err := parseAmount(arg, l.communityID)
	if err != nil {
		return sdkmath.Int{}, err
	}
	// Nothing is nothing in any currency: "0" needs no node.
	if allowZero && a.isZero() {
		return sdkmath.ZeroInt(), nil
	}
	// Base units name their denom; it is checked against the currency
	// unless the command must work without a node.
	var c types.Currency
	if a.needsCurrency() || !l.clientCtx.Offline && !l.clientCtx.GenerateOnly {
		if c, err = l.Currency(); err != nil {
			return sdkmath.Int{}, err
		}
	} else {
		c = types.Currency{CommunityId: l.communityID, Denom: a.unit}
		l.baseDenom = a.unit
	}
	v, err := a.resolve(c)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if !allowZero && !v.IsPositive() {
		return sdkmath.Int{}, fmt.Errorf("invalid amount %q: must be positive", arg)
	}
	return v, nil
}

// Member returns the address of the member named by arg: "@username" within
// the community, or an address. what names the role in errors
// ("recipient", "payer"). A username must belong to an active member.
func (l *Lookup) Member(arg, what string) (string, error) {
	username, ok := strings.CutPrefix(arg, "@")
	if !ok {
		if _, err := l.clientCtx.InterfaceRegistry.SigningContext().AddressCodec().StringToBytes(arg); err != nil {
			return "", fmt.Errorf("invalid %s %q: neither an address nor an @username", what, arg)
		}
		return arg, nil
	}
	res, err := communitytypes.NewQueryClient(l.clientCtx).MemberByUsername(l.cmd.Context(),
		&communitytypes.QueryMemberByUsernameRequest{CommunityId: l.communityID, Username: username})
	if err != nil {
		return "", fmt.Errorf("%s %s in community %d: %w", what, arg, l.communityID, err)
	}
	if res.Member.Status != communitytypes.MemberStatusActive {
		return "", fmt.Errorf("%s %s has asked to join community %d and is not a member yet", what, arg, l.communityID)
	}
	return res.Member.Address, nil
}

// Format writes base units in display units when the currency is known,
// with the base denom otherwise.
func (l *Lookup) Format(v sdkmath.Int) string {
	if l.currency == nil {
		return strings.TrimSpace(v.String() + " " + l.baseDenom)
	}
	return FormatAmount(v, *l.currency)
}

// Tell writes a line for the person at the terminal, on stderr, so that
// the transaction printed on stdout stays machine-readable.
func (l *Lookup) Tell(format string, args ...any) {
	_, _ = fmt.Fprintf(l.cmd.ErrOrStderr(), format+"\n", args...)
}
