package system_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/reflection/grpc_reflection_v1alpha"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// restCommunity is a community as the REST API renders it.
type restCommunity struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	JoinPolicy string `json:"join_policy"`
	Creator    string `json:"creator"`
}

// restMember is a member as the REST API renders it.
type restMember struct {
	CommunityID string `json:"community_id"`
	Address     string `json:"address"`
	Role        string `json:"role"`
	Status      string `json:"status"`
	Profile     struct {
		Username  string `json:"username"`
		FirstName string `json:"first_name"`
		LastName  string `json:"last_name"`
		Location  string `json:"location"`
	} `json:"profile"`
}

// TestSingleNode_CommunityLifecycle runs one validator, creates an approval
// community and joins it through CLI transactions signed from the test
// keyring, then reads the result over REST and gRPC.
func TestSingleNode_CommunityLifecycle(t *testing.T) {
	node := e2e.NewNode(t, kizunad, "alice", "bob", "carol")
	node.Start(t)
	alice, bob, carol := node.Address(t, "alice"), node.Address(t, "bob"), node.Address(t, "carol")

	// Below the chain's gas price floor (0.001ukiz × 400000 gas = 400ukiz) a
	// transaction is refused even by a node that asks for no minimum itself.
	cheap := node.TxWithFees(t, "alice", "399ukiz", "community", "create-community", "Kaga Commons", "alice", "open")
	if cheap.Code != 13 || cheap.Codespace != "sdk" {
		t.Fatalf("under-priced transaction: want sdk code 13 (insufficient fee), got %+v", cheap)
	}

	res := node.Tx(t, "alice", "community", "create-community", "Kaga Commons", "alice", "approval",
		"--description", "Time bank of Kaga", "--location", "Kaga, Ishikawa")
	requireOK(t, res)
	requireEvent(t, res, "kizuna.community.v1.EventCommunityCreated")

	requireOK(t, node.Tx(t, "bob", "community", "join", "1", "bob_k", "--first-name", "Bob", "--last-name", "Tanaka"))
	requireOK(t, node.Tx(t, "carol", "community", "join", "1", "carol", "--first-name", "Carol"))

	// A pending member cannot approve anyone; the failure is a registered
	// error of the module and the request stays pending.
	denied := node.Tx(t, "carol", "community", "approve", "1", bob)
	if denied.Code == 0 || denied.Codespace != communitytypes.ModuleName {
		t.Fatalf("a pending member's approval: want a community error, got %+v", denied)
	}
	var pending struct {
		Member restMember `json:"member"`
	}
	node.Query(t, &pending, "community", "member", "1", bob)
	if pending.Member.Status != "MEMBER_STATUS_PENDING" {
		t.Fatalf("bob after a refused approval: %+v", pending.Member)
	}

	requireOK(t, node.Tx(t, "alice", "community", "approve", "1", bob))
	requireOK(t, node.Tx(t, "alice", "community", "set-role", "1", bob, "moderator"))
	requireOK(t, node.Tx(t, "bob", "community", "update-profile", "1", "--location", "Kanazawa"))
	requireOK(t, node.Tx(t, "bob", "community", "approve", "1", carol))

	// REST: the community, its members, one member, an account's
	// communities and a search.
	var community struct {
		Community restCommunity `json:"community"`
	}
	node.GetJSON(t, "/kizuna/community/v1/communities/1", &community)
	if community.Community.Name != "Kaga Commons" || community.Community.Creator != alice ||
		community.Community.JoinPolicy != "JOIN_POLICY_APPROVAL" {
		t.Fatalf("REST community: %+v", community.Community)
	}

	var members struct {
		Members []restMember `json:"members"`
	}
	node.GetJSON(t, "/kizuna/community/v1/communities/1/members", &members)
	if len(members.Members) != 3 {
		t.Fatalf("REST members: want 3, got %+v", members.Members)
	}
	for _, m := range members.Members {
		if m.Status != "MEMBER_STATUS_ACTIVE" {
			t.Fatalf("REST members: %s is %s", m.Address, m.Status)
		}
	}

	var member struct {
		Member restMember `json:"member"`
	}
	node.GetJSON(t, "/kizuna/community/v1/communities/1/members/"+bob, &member)
	if member.Member.Role != "ROLE_MODERATOR" || member.Member.Profile.Location != "Kanazawa" ||
		member.Member.Profile.Username != "bob_k" {
		t.Fatalf("REST member: %+v", member.Member)
	}

	var search struct {
		Members []restMember `json:"members"`
	}
	node.GetJSON(t, "/kizuna/community/v1/communities/1/search?q=TANAK", &search)
	if len(search.Members) != 1 || search.Members[0].Address != bob {
		t.Fatalf("REST search for TANAK: %+v", search.Members)
	}

	var of struct {
		Memberships []struct {
			Community restCommunity `json:"community"`
			Member    restMember    `json:"member"`
		} `json:"memberships"`
	}
	node.GetJSON(t, "/kizuna/community/v1/accounts/"+carol+"/communities", &of)
	if len(of.Memberships) != 1 || of.Memberships[0].Community.ID != "1" ||
		of.Memberships[0].Member.Status != "MEMBER_STATUS_ACTIVE" {
		t.Fatalf("REST communities of carol: %+v", of.Memberships)
	}

	if status, body := node.Get(t, "/kizuna/community/v1/communities/99"); status != http.StatusNotFound {
		t.Fatalf("REST unknown community: %d %s", status, body)
	}

	// The node serves the OpenAPI document of Kizuna's routes and Swagger UI.
	if status, body := node.Get(t, "/swagger/kizuna.swagger.json"); status != http.StatusOK ||
		!strings.Contains(string(body), "/kizuna/community/v1/communities/{community_id}/search") {
		t.Fatalf("OpenAPI document: %d %.200s", status, body)
	}
	if status, body := node.Get(t, "/swagger/"); status != http.StatusOK || !strings.Contains(string(body), "kizuna.swagger.json") {
		t.Fatalf("Swagger UI: %d %.200s", status, body)
	}
	if status, _ := node.Get(t, "/swagger/swagger.yaml"); status != http.StatusOK {
		t.Fatalf("Cosmos SDK OpenAPI document: %d", status)
	}

	// gRPC: the same state through the generated query client.
	conn, err := grpc.NewClient(node.GRPCAddress(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q := communitytypes.NewQueryClient(conn)

	got, err := q.Member(ctx, &communitytypes.QueryMemberRequest{CommunityId: 1, Address: carol})
	if err != nil {
		t.Fatal(err)
	}
	if got.Member.Status != communitytypes.MemberStatusActive || got.Member.Role != communitytypes.RoleMember ||
		got.Member.Profile.Username != "carol" {
		t.Fatalf("gRPC member: %+v", got.Member)
	}
	communities, err := q.Communities(ctx, &communitytypes.QueryCommunitiesRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(communities.Communities) != 1 || communities.Communities[0].Name != "Kaga Commons" {
		t.Fatalf("gRPC communities: %+v", communities.Communities)
	}

	// The gRPC server offers reflection, so generic clients (grpcurl) can
	// discover it. The SDK serves reflection's v1alpha protocol.
	stream, err := grpc_reflection_v1alpha.NewServerReflectionClient(conn).ServerReflectionInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := stream.Send(&grpc_reflection_v1alpha.ServerReflectionRequest{ //nolint:staticcheck // the protocol the SDK serves
		MessageRequest: &grpc_reflection_v1alpha.ServerReflectionRequest_ListServices{},
	}); err != nil {
		t.Fatal(err)
	}
	reply, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	services := fmt.Sprint(reply.GetListServicesResponse().GetService()) //nolint:staticcheck // the protocol the SDK serves
	if !strings.Contains(services, "kizuna.community.v1.Query") {
		t.Fatalf("gRPC reflection does not list kizuna.community.v1.Query: %s", services)
	}
	requireInvariants(t, node)
}

func requireOK(t *testing.T, res e2e.TxResult) {
	t.Helper()
	if res.Code != 0 || res.Height == 0 {
		t.Fatalf("transaction %s failed: code %d: %s", res.Hash, res.Code, res.RawLog)
	}
}

func requireEvent(t *testing.T, res e2e.TxResult, eventType string) {
	t.Helper()
	for _, e := range res.Events {
		if e.Type == eventType {
			return
		}
	}
	t.Fatalf("transaction %s emitted no %s", res.Hash, eventType)
}
