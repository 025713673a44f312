package types

import (
	"crypto/sha256"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis returns the genesis state of a chain without threads.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:       DefaultParams(),
		Threads:      []Thread{},
		Messages:     []MessageMeta{},
		ReadMarks:    []ReadMark{},
		NextThreadId: FirstThreadID,

		Departures:       []Departures{},
		GroupMemberships: []GroupMembership{},
		Invitations:      []Invitation{},
		MessagingKeys:    []MessagingKey{},
	}
}

// Validate checks the genesis state without a store: valid params; unique
// thread ids below next_thread_id; at most one AD thread per (ad, creator)
// and one DIRECT thread per community and pair; the metadata of exactly the
// messages 1..last_seq of every thread; read marks of thread members within
// 1..last_seq; departure counts of at least 1, once per community and
// account; group memberships of group members; invitations of non-members
// to group threads of their community, whose members and invitees together
// stay within the ceiling of max_group_members; one valid messaging key of
// version 1 or more per owner. Lengths and sizes are checked against the params ceilings, so
// state created under any valid params passes; a GROUP may have fewer than
// min_group_members members, as members who leave their community leave its
// groups.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextThreadId < FirstThreadID {
		return ErrInvalidGenesis.Wrapf("next_thread_id %d is below %d", gs.NextThreadId, FirstThreadID)
	}

	threads := make(map[uint64]*genesisThread, len(gs.Threads))
	adThreads := map[string]bool{}
	directThreads := map[string]bool{}
	for i, t := range gs.Threads {
		gt, err := validateGenesisThread(t)
		if err != nil {
			return ErrInvalidGenesis.Wrapf("thread #%d (id %d): %s", i, t.Id, err)
		}
		if t.Id >= gs.NextThreadId {
			return ErrInvalidGenesis.Wrapf("thread id %d is not below next_thread_id %d", t.Id, gs.NextThreadId)
		}
		if threads[t.Id] != nil {
			return ErrInvalidGenesis.Wrapf("duplicate thread id %d", t.Id)
		}
		threads[t.Id] = gt
		switch t.Kind {
		case ThreadKindAd:
			key := fmt.Sprintf("%d/%X", t.AdId, gt.creator)
			if adThreads[key] {
				return ErrInvalidGenesis.Wrapf("thread %d: a second thread of %s about ad %d", t.Id, t.Creator, t.AdId)
			}
			adThreads[key] = true
		case ThreadKindDirect:
			lo, hi := OrderPair(gt.members[0], gt.members[1])
			key := fmt.Sprintf("%d/%X/%X", t.CommunityId, lo, hi)
			if directThreads[key] {
				return ErrInvalidGenesis.Wrapf("thread %d: a second direct thread of the same pair", t.Id)
			}
			directThreads[key] = true
		}
	}

	seen := map[collections.Pair[uint64, uint64]]bool{}
	for i, m := range gs.Messages {
		t := threads[m.ThreadId]
		switch {
		case t == nil:
			return ErrInvalidGenesis.Wrapf("message #%d: thread %d does not exist", i, m.ThreadId)
		case m.Seq == 0 || m.Seq > t.LastSeq:
			return ErrInvalidGenesis.Wrapf("message #%d: seq %d is not within 1..%d", i, m.Seq, t.LastSeq)
		case len(m.ContentSha256) != sha256.Size:
			return ErrInvalidGenesis.Wrapf("message #%d: content_sha256 has %d bytes", i, len(m.ContentSha256))
		case m.Height < 0:
			return ErrInvalidGenesis.Wrapf("message #%d: negative height", i)
		}
		if _, err := decodeAddress(m.Sender); err != nil {
			return ErrInvalidGenesis.Wrapf("message #%d: sender: %s", i, err)
		}
		key := collections.Join(m.ThreadId, m.Seq)
		if seen[key] {
			return ErrInvalidGenesis.Wrapf("duplicate message %d/%d", m.ThreadId, m.Seq)
		}
		seen[key] = true
		t.messages++
	}
	for _, t := range gs.Threads {
		if got := threads[t.Id].messages; got != t.LastSeq {
			return ErrInvalidGenesis.Wrapf("thread %d has last_seq %d but %d messages", t.Id, t.LastSeq, got)
		}
	}

	marks := map[string]bool{}
	for i, r := range gs.ReadMarks {
		t := threads[r.ThreadId]
		if t == nil {
			return ErrInvalidGenesis.Wrapf("read mark #%d: thread %d does not exist", i, r.ThreadId)
		}
		member, err := decodeAddress(r.Member)
		if err != nil {
			return ErrInvalidGenesis.Wrapf("read mark #%d: member: %s", i, err)
		}
		if !t.has(member) {
			return ErrInvalidGenesis.Wrapf("read mark #%d: %s is not a member of thread %d", i, r.Member, r.ThreadId)
		}
		if r.Seq == 0 || r.Seq > t.LastSeq {
			return ErrInvalidGenesis.Wrapf("read mark #%d: seq %d is not within 1..%d", i, r.Seq, t.LastSeq)
		}
		key := fmt.Sprintf("%d/%X", r.ThreadId, member)
		if marks[key] {
			return ErrInvalidGenesis.Wrapf("duplicate read mark of %s in thread %d", r.Member, r.ThreadId)
		}
		marks[key] = true
	}
	return gs.validateConsent(threads)
}

// validateConsent checks the departure counts, group memberships and
// invitations.
func (gs GenesisState) validateConsent(threads map[uint64]*genesisThread) error {
	departures := map[string]bool{}
	for i, d := range gs.Departures {
		member, err := decodeAddress(d.Member)
		switch {
		case err != nil:
			return ErrInvalidGenesis.Wrapf("departures #%d: member: %s", i, err)
		case d.CommunityId == 0:
			return ErrInvalidGenesis.Wrapf("departures #%d: community_id is zero", i)
		case d.Count == 0:
			return ErrInvalidGenesis.Wrapf("departures #%d: a zero count is not stored", i)
		}
		key := fmt.Sprintf("%d/%X", d.CommunityId, member)
		if departures[key] {
			return ErrInvalidGenesis.Wrapf("duplicate departures of %s in community %d", d.Member, d.CommunityId)
		}
		departures[key] = true
	}

	memberships := map[string]bool{}
	for i, m := range gs.GroupMemberships {
		t := threads[m.ThreadId]
		if t == nil || t.Kind != ThreadKindGroup {
			return ErrInvalidGenesis.Wrapf("group membership #%d: thread %d is not a group thread", i, m.ThreadId)
		}
		member, err := decodeAddress(m.Member)
		if err != nil {
			return ErrInvalidGenesis.Wrapf("group membership #%d: member: %s", i, err)
		}
		if !t.has(member) {
			return ErrInvalidGenesis.Wrapf("group membership #%d: %s is not a member of thread %d", i, m.Member, m.ThreadId)
		}
		if m.Departures == 0 {
			return ErrInvalidGenesis.Wrapf("group membership #%d: a zero count is not stored", i)
		}
		key := fmt.Sprintf("%d/%X", m.ThreadId, member)
		if memberships[key] {
			return ErrInvalidGenesis.Wrapf("duplicate group membership of %s in thread %d", m.Member, m.ThreadId)
		}
		memberships[key] = true
	}

	invited := map[string]bool{}
	invitees := map[uint64]int{}
	limits := ceilingParams()
	for i, inv := range gs.Invitations {
		t := threads[inv.ThreadId]
		if t == nil || t.Kind != ThreadKindGroup {
			return ErrInvalidGenesis.Wrapf("invitation #%d: thread %d is not a group thread", i, inv.ThreadId)
		}
		if inv.CommunityId != t.CommunityId {
			return ErrInvalidGenesis.Wrapf("invitation #%d: community %d, but thread %d is in %d", i, inv.CommunityId, t.Id, t.CommunityId)
		}
		invitee, err := decodeAddress(inv.Invitee)
		if err != nil {
			return ErrInvalidGenesis.Wrapf("invitation #%d: invitee: %s", i, err)
		}
		if _, err := decodeAddress(inv.Inviter); err != nil {
			return ErrInvalidGenesis.Wrapf("invitation #%d: inviter: %s", i, err)
		}
		if t.has(invitee) {
			return ErrInvalidGenesis.Wrapf("invitation #%d: %s is already a member of thread %d", i, inv.Invitee, t.Id)
		}
		key := fmt.Sprintf("%d/%X", inv.ThreadId, invitee)
		if invited[key] {
			return ErrInvalidGenesis.Wrapf("duplicate invitation of %s to thread %d", inv.Invitee, inv.ThreadId)
		}
		invited[key] = true
		invitees[t.Id]++
		if len(t.members)+invitees[t.Id] > int(limits.MaxGroupMembers) {
			return ErrInvalidGenesis.Wrapf("thread %d: members and invitees exceed %d", t.Id, limits.MaxGroupMembers)
		}
	}

	owners := make(map[string]bool, len(gs.MessagingKeys))
	for i, key := range gs.MessagingKeys {
		owner, err := decodeAddress(key.Owner)
		if err != nil {
			return ErrInvalidGenesis.Wrapf("messaging key #%d: owner: %s", i, err)
		}
		if err := ValidateMessagingKey(key.PublicKey); err != nil {
			return ErrInvalidGenesis.Wrapf("messaging key #%d: %s", i, err)
		}
		if key.Version == 0 {
			return ErrInvalidGenesis.Wrapf("messaging key #%d: version 0", i)
		}
		if owners[string(owner)] {
			return ErrInvalidGenesis.Wrapf("duplicate messaging key of %s", key.Owner)
		}
		owners[string(owner)] = true
	}
	return nil
}

// genesisThread is a thread with its decoded addresses, for Validate.
type genesisThread struct {
	Thread
	creator  sdk.AccAddress
	members  []sdk.AccAddress
	messages uint64
}

func (t *genesisThread) has(addr sdk.AccAddress) bool {
	for _, m := range t.members {
		if m.Equals(addr) {
			return true
		}
	}
	return false
}

func validateGenesisThread(t Thread) (*genesisThread, error) {
	if t.Id < FirstThreadID {
		return nil, fmt.Errorf("id must be at least %d", FirstThreadID)
	}
	if t.CommunityId == 0 {
		return nil, fmt.Errorf("community_id is zero")
	}
	if err := ValidateThreadKind(t.Kind); err != nil {
		return nil, err
	}
	creator, err := decodeAddress(t.Creator)
	if err != nil {
		return nil, fmt.Errorf("creator: %w", err)
	}
	gt := &genesisThread{Thread: t, creator: creator}
	for _, m := range t.Members {
		addr, err := decodeAddress(m)
		if err != nil {
			return nil, fmt.Errorf("member: %w", err)
		}
		if gt.has(addr) {
			return nil, fmt.Errorf("duplicate member %s", m)
		}
		gt.members = append(gt.members, addr)
	}

	limits := ceilingParams()
	switch t.Kind {
	case ThreadKindAd, ThreadKindDirect:
		if len(gt.members) != 2 {
			return nil, fmt.Errorf("an %s thread has 2 members, not %d", t.Kind, len(gt.members))
		}
		if !gt.members[0].Equals(creator) {
			return nil, fmt.Errorf("the creator is not the first member")
		}
		if t.Title != "" {
			return nil, fmt.Errorf("only group threads have a title")
		}
		if (t.Kind == ThreadKindAd) != (t.AdId != 0) {
			return nil, fmt.Errorf("ad_id %d does not fit a %s thread", t.AdId, t.Kind)
		}
	case ThreadKindGroup:
		if t.AdId != 0 {
			return nil, fmt.Errorf("a group thread has no ad_id")
		}
		if len(gt.members) > int(limits.MaxGroupMembers) {
			return nil, fmt.Errorf("%d members exceed %d", len(gt.members), limits.MaxGroupMembers)
		}
		if err := limits.ValidateTitle(t.Title); err != nil {
			return nil, err
		}
	}
	if t.LastSeq == 0 && !t.LastMessageAt.IsZero() {
		return nil, fmt.Errorf("last_message_at is set without messages")
	}
	if t.LastSeq > 0 && t.LastMessageAt.Before(t.CreatedAt) {
		return nil, fmt.Errorf("last_message_at %s is before created_at %s", t.LastMessageAt, t.CreatedAt)
	}
	return gt, nil
}

// ceilingParams are the loosest params governance may set; genesis
// validation checks state against them.
func ceilingParams() Params {
	return Params{
		MaxTitleLength:  CeilingTitleLength,
		MaxPayloadBytes: CeilingPayloadBytes,
		MinGroupMembers: FloorGroupMembers,
		MaxGroupMembers: CeilingGroupMembers,

		MaxPendingInvitations: CeilingInvitations,
	}
}

// OrderPair returns a and b in byte order: the key of a DIRECT thread does
// not depend on who opened it.
func OrderPair(a, b sdk.AccAddress) (sdk.AccAddress, sdk.AccAddress) {
	if string(a) > string(b) {
		return b, a
	}
	return a, b
}

// decodeAddress decodes a bech32 account address whatever its prefix: the
// keeper's address codec checks the prefix when the state is loaded.
func decodeAddress(s string) (sdk.AccAddress, error) {
	_, bz, err := bech32.DecodeAndConvert(s)
	if err != nil {
		return nil, err
	}
	if err := sdk.VerifyAddressFormat(bz); err != nil {
		return nil, err
	}
	return bz, nil
}
