package types

import (
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Default params: Kiwistand's values.
const (
	DefaultMaxListAmount uint32 = 500
	DefaultMaxTop        uint32 = 100
	// DefaultTopWindow is one week.
	DefaultTopWindow uint64 = 7 * 24 * 3600
)

// Ceilings bound what governance may set.
const (
	CeilingTimestampDelta uint64 = 3600
	CeilingListAmount     uint32 = 10_000
	CeilingTop            uint32 = 1000
	CeilingTopWindow      uint64 = 90 * 24 * 3600
	// CeilingEligibleIdentities bounds eligible_identities: every submission
	// reads the params, so the list's length is paid for by every vote.
	CeilingEligibleIdentities = 100
)

// DefaultParams returns the default module params.
func DefaultParams() Params {
	return Params{
		MinTimestamp:      MinTimestamp,
		MaxTimestampDelta: MaxTimestampDelta,
		MaxListAmount:     DefaultMaxListAmount,
		MaxTop:            DefaultMaxTop,
		TopWindow:         DefaultTopWindow,
	}
}

// Validate checks that every limit is positive and within its ceiling.
func (p Params) Validate() error {
	if p.MinTimestamp > MaxSafeTimestamp {
		return ErrInvalidParams.Wrapf("min_timestamp %d exceeds 2^53-1", p.MinTimestamp)
	}
	if p.MaxTimestampDelta == 0 || p.MaxTimestampDelta > CeilingTimestampDelta {
		return ErrInvalidParams.Wrapf("max_timestamp_delta must be in 1..%d", CeilingTimestampDelta)
	}
	if p.MaxListAmount == 0 || p.MaxListAmount > CeilingListAmount {
		return ErrInvalidParams.Wrapf("max_list_amount must be in 1..%d", CeilingListAmount)
	}
	if p.MaxTop == 0 || p.MaxTop > CeilingTop {
		return ErrInvalidParams.Wrapf("max_top must be in 1..%d", CeilingTop)
	}
	if p.TopWindow == 0 || p.TopWindow > CeilingTopWindow {
		return ErrInvalidParams.Wrapf("top_window must be in 1..%d", CeilingTopWindow)
	}
	if n := len(p.EligibleIdentities); n > CeilingEligibleIdentities {
		return ErrInvalidParams.Wrapf("eligible_identities has %d addresses, at most %d allowed", n, CeilingEligibleIdentities)
	}
	seen := make(map[common.Address]bool, len(p.EligibleIdentities))
	for i, s := range p.EligibleIdentities {
		addr, err := parseParamAddress(s)
		if err != nil {
			return ErrInvalidParams.Wrapf("eligible_identities[%d]: %v", i, err)
		}
		if seen[addr] {
			return ErrInvalidParams.Wrapf("eligible_identities[%d]: %s is listed twice", i, addr.Hex())
		}
		seen[addr] = true
	}
	return nil
}

// IsListedEligible reports whether identity is one of eligible_identities.
func (p Params) IsListedEligible(identity common.Address) bool {
	for _, s := range p.EligibleIdentities {
		if common.HexToAddress(s) == identity {
			return true
		}
	}
	return false
}

// parseParamAddress reads an address of a param: "0x" and 40 hex digits,
// either all lower case or in EIP-55 checksummed form, so that a mistyped
// address is caught by its checksum rather than silently made eligible.
func parseParamAddress(s string) (common.Address, error) {
	addr, err := ParseEthAddress("address", s)
	if err != nil {
		return common.Address{}, err
	}
	if s != strings.ToLower(s) && s != addr.Hex() {
		return common.Address{}, ErrInvalidAddress.Wrapf("%q is neither lower case nor checksummed (%s)", s, addr.Hex())
	}
	return addr, nil
}
