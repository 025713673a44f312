// Package layering_test holds the import rules of the repository as a test:
// modules never import the app, x/community (the base every module builds
// on) imports no other Kizuna module, and the shared helpers under internal/
// import no module at all. Imports that run back up the layers fail here.
package layering_test

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/kizuna-chain/kizuna"

// deps maps every package of the repository to the repository's packages
// it imports, directly or not, as `go list -deps` reports them.
func deps(t *testing.T) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, module+"/...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	graph := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		var own []string
		for _, d := range fields[1:] {
			if d == module || strings.HasPrefix(d, module+"/") {
				own = append(own, d)
			}
		}
		graph[fields[0]] = own
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(graph) == 0 {
		t.Fatal("go list found no package")
	}
	return graph
}

// rule forbids packages matched by from to depend on packages matched by to.
type rule struct {
	name     string
	from, to func(pkg string) bool
}

func under(prefixes ...string) func(string) bool {
	return func(pkg string) bool {
		for _, p := range prefixes {
			p = module + "/" + p
			if pkg == p || strings.HasPrefix(pkg, p+"/") {
				return true
			}
		}
		return false
	}
}

// modules are the chain's modules; helpers the shared packages every module
// may import.
var (
	modules = under("x")
	helpers = under("internal/accaddr", "internal/grpcerr", "internal/pagination", "internal/seqid", "internal/textrule", "internal/confusable")
	rules   = []rule{
		{"a module imports the app", modules, under("app")},
		{"a module imports a command", modules, under("cmd")},
		{"x/community imports another module", under("x/community"), func(pkg string) bool {
			return modules(pkg) && !under("x/community")(pkg)
		}},
		{"a helper imports a module or the app", helpers, under("x", "app", "cmd", "testutil")},
	}
)

// violations lists the dependencies of graph that break a rule.
func violations(graph map[string][]string) []string {
	var out []string
	for pkg, ds := range graph {
		for _, r := range rules {
			if !r.from(pkg) {
				continue
			}
			for _, d := range ds {
				if r.to(d) {
					out = append(out, r.name+": "+pkg+" → "+d)
				}
			}
		}
	}
	return out
}

func TestLayering_NoImportRunsBackUpTheLayers(t *testing.T) {
	for _, v := range violations(deps(t)) {
		t.Error(v)
	}
}

// The rules catch what they forbid: a graph with each forbidden import
// breaks exactly that rule.
func TestLayering_RulesCatchForbiddenImports(t *testing.T) {
	cases := map[string]map[string][]string{
		"a module imports the app":           {module + "/x/ledger/keeper": {module + "/app"}},
		"x/community imports another module": {module + "/x/community/keeper": {module + "/x/ledger/types"}},
		"a helper imports a module or the app": {
			module + "/internal/pagination": {module + "/x/ads/types"},
		},
	}
	for want, graph := range cases {
		got := violations(graph)
		if len(got) != 1 || !strings.HasPrefix(got[0], want+":") {
			t.Errorf("%s: got %v", want, got)
		}
	}
	allowed := map[string][]string{
		module + "/x/ledger/keeper":    {module + "/x/community/types", module + "/internal/pagination"},
		module + "/x/community/keeper": {module + "/x/community/types", module + "/internal/textrule"},
		module + "/app":                {module + "/x/ledger/keeper"},
	}
	if got := violations(allowed); len(got) != 0 {
		t.Errorf("allowed imports reported: %v", got)
	}
}
