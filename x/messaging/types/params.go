package types

// Default params: the values a new chain starts with; governance changes
// them within the ceilings below (docs/architecture.md, Limits).
const (
	DefaultMaxTitleLength  uint32 = 100
	DefaultMaxPayloadBytes uint32 = 4096
	DefaultMinGroupMembers uint32 = 2
	DefaultMaxGroupMembers uint32 = 100
	// DefaultMaxPendingInvitations bounds the invitations an account may
	// have pending in one community: invitations cannot grow an account's
	// state without its consent.
	DefaultMaxPendingInvitations uint32 = 50
)

// Ceilings bound what governance may set. Genesis validation checks state
// against the ceilings, not against the current params: lowering a limit
// never makes existing state unexportable.
const (
	CeilingTitleLength  uint32 = 1000
	CeilingPayloadBytes uint32 = 65_536
	CeilingGroupMembers uint32 = 1000
	CeilingInvitations  uint32 = 1000
	// FloorGroupMembers is the smallest min_group_members: a thread is a
	// conversation, so it has at least two members.
	FloorGroupMembers uint32 = 2
)

// DefaultParams returns the default module params.
func DefaultParams() Params {
	return Params{
		MaxTitleLength:  DefaultMaxTitleLength,
		MaxPayloadBytes: DefaultMaxPayloadBytes,
		MinGroupMembers: DefaultMinGroupMembers,
		MaxGroupMembers: DefaultMaxGroupMembers,

		MaxPendingInvitations: DefaultMaxPendingInvitations,
	}
}

// Validate checks that every limit is positive and within its ceiling, and
// that min_group_members is between 2 and max_group_members.
func (p Params) Validate() error {
	limits := []struct {
		name    string
		value   uint32
		ceiling uint32
	}{
		{"max_title_length", p.MaxTitleLength, CeilingTitleLength},
		{"max_payload_bytes", p.MaxPayloadBytes, CeilingPayloadBytes},
		{"max_group_members", p.MaxGroupMembers, CeilingGroupMembers},
		{"max_pending_invitations", p.MaxPendingInvitations, CeilingInvitations},
	}
	for _, l := range limits {
		if l.value == 0 {
			return ErrInvalidParams.Wrapf("%s must be positive", l.name)
		}
		if l.value > l.ceiling {
			return ErrInvalidParams.Wrapf("%s %d exceeds its ceiling %d", l.name, l.value, l.ceiling)
		}
	}
	if p.MinGroupMembers < FloorGroupMembers {
		return ErrInvalidParams.Wrapf("min_group_members %d is below %d", p.MinGroupMembers, FloorGroupMembers)
	}
	if p.MinGroupMembers > p.MaxGroupMembers {
		return ErrInvalidParams.Wrapf("min_group_members %d exceeds max_group_members %d", p.MinGroupMembers, p.MaxGroupMembers)
	}
	return nil
}
