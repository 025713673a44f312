package types

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
	return nil
}
