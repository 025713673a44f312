package types

// CommunityMsg is a Msg that names the community it acts in, by its
// community_id field (gogoproto generates the getter). A community's fee
// account pays only for transactions whose every Msg names that community;
// where community_id is optional, 0 names none. Every module's Msgs that act
// in one community implement it.
type CommunityMsg interface {
	GetCommunityId() uint64
}
