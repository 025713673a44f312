// Package layering_test holds the import rules of the repository as a test:
// modules never import the app, x/community (the base every module builds
// on) imports no other Kizuna module, the shared helpers under internal/
// import no module at all, the tools under tools/ (the load driver and the
// execution benchmark) and the bridge relayer under relayer/ sit at the top
// next to cmd/ where no module, helper or the app reaches them, and a
// module's hand-written CLI package
// (x/<module>/client/cli) is imported by that module's root package alone,
// which hands its commands to AutoCLI. Imports that run back up the layers
// fail here.
package layering_test

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/kizuna-chain/kizuna"

// graph holds, for every package of the repository, the repository's
// packages it depends on, as `go list -deps` reports them.
type graph struct {
	// deps are the dependencies of the package, direct or not, test files
	// left out.
	deps map[string][]string
	// imports are the packages the package and its tests (internal and
	// external) import directly.
	imports map[string][]string
}

// listFormat prints one line a package: its import path, its dependencies,
// a lone "|", then its direct imports and those of its tests.
const listFormat = `{{.ImportPath}}{{range .Deps}} {{.}}{{end}} |` +
	`{{range .Imports}} {{.}}{{end}}{{range .TestImports}} {{.}}{{end}}{{range .XTestImports}} {{.}}{{end}}`

func own(pkgs []string) []string {
	var out []string
	for _, p := range pkgs {
		if p == module || strings.HasPrefix(p, module+"/") {
			out = append(out, p)
		}
	}
	return out
}

// load lists every package of the repository with `go list`.
func load(t *testing.T) graph {
	t.Helper()
	statSources(t)
	cmd := exec.Command("go", "list", "-f", listFormat, module+"/...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		// An import from below of a package that depends on the importer
		// (a helper importing the app, a module importing a tool) closes a
		// cycle, which go list reports before any rule can.
		if strings.Contains(stderr.String(), "import cycle not allowed") {
			t.Fatalf("an import runs back up the layers and closes a cycle:\n%s", stderr.String())
		}
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	g := graph{deps: map[string][]string{}, imports: map[string][]string{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		deps, imports, ok := strings.Cut(sc.Text(), " |")
		fields := strings.Fields(deps)
		if !ok || len(fields) == 0 {
			continue
		}
		g.deps[fields[0]] = own(fields[1:])
		g.imports[fields[0]] = own(strings.Fields(imports))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(g.deps) == 0 {
		t.Fatal("go list found no package")
	}
	return g
}

// rule forbids packages matched by from to depend on packages matched by
// to, unless except allows the pair.
type rule struct {
	name     string
	from, to func(pkg string) bool
	except   func(from, to string) bool
	// direct rules are checked on direct imports, tests' included; the
	// others on every dependency of the non-test code.
	direct bool
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

// cliOf returns the module x/<name> whose hand-written CLI package
// (x/<name>/client/cli or below) pkg is, and whether it is one.
func cliOf(pkg string) (string, bool) {
	rest, ok := strings.CutPrefix(pkg, module+"/x/")
	if !ok {
		return "", false
	}
	name, rest, ok := strings.Cut(rest, "/")
	if !ok || (rest != "client/cli" && !strings.HasPrefix(rest, "client/cli/")) {
		return "", false
	}
	return module + "/x/" + name, true
}

func anything(string) bool { return true }

// modules are the chain's modules; helpers the shared packages under
// internal/ every module may import; tools the programs' packages under
// tools/ that import whatever they need, the app included.
var (
	modules = under("x")
	helpers = under("internal")
	rules   = []rule{
		{name: "a module imports the app", from: modules, to: under("app")},
		{name: "a module imports a command", from: modules, to: under("cmd")},
		{name: "x/community imports another module", from: under("x/community"), to: func(pkg string) bool {
			return modules(pkg) && !under("x/community")(pkg)
		}},
		{name: "a helper imports a module or the app", from: helpers, to: under("x", "app", "cmd", "testutil")},
		{name: "a module, a helper or the app imports a tool", from: under("x", "internal", "app"), to: under("tools")},
		// The bridge relayer is a program of its own: it reads the chain
		// through its queries and never runs in the node.
		{name: "a module, a helper or the app imports the relayer", from: under("x", "internal", "app", "contracts"), to: under("relayer")},
		{
			name: "a CLI package is imported by another package than its module's", direct: true,
			from: anything,
			to:   func(pkg string) bool { _, ok := cliOf(pkg); return ok },
			except: func(from, to string) bool {
				mod, _ := cliOf(to)
				// The module's module.go hands the commands to AutoCLI; the
				// CLI package's own external tests import it too.
				return from == mod || under(strings.TrimPrefix(mod, module+"/")+"/client/cli")(from)
			},
		},
	}
)

// violations lists the imports of g that break a rule.
func violations(g graph) []string {
	var out []string
	for _, r := range rules {
		edges := g.deps
		if r.direct {
			edges = g.imports
		}
		for pkg, ds := range edges {
			if !r.from(pkg) {
				continue
			}
			for _, d := range ds {
				if r.to(d) && (r.except == nil || !r.except(pkg, d)) {
					out = append(out, r.name+": "+pkg+" → "+d)
				}
			}
		}
	}
	return out
}

// statSources stats every Go file of the repository. go test caches a
// test's result against the files the test itself opens or stats, and go
// list runs in another process: without this, a new forbidden import would
// be answered from the cache of a run that did not see it.
func statSources(t *testing.T) {
	t.Helper()
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "build" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".go") || d.Name() == "go.mod") {
			_, err = os.Stat(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestLayering_NoImportRunsBackUpTheLayers(t *testing.T) {
	for _, v := range violations(load(t)) {
		t.Error(v)
	}
}

// The rules catch what they forbid: a graph with each forbidden import
// breaks exactly that rule.
func TestLayering_RulesCatchForbiddenImports(t *testing.T) {
	cases := map[string]graph{
		"a module imports the app":           {deps: map[string][]string{module + "/x/ledger/keeper": {module + "/app"}}},
		"a module imports a command":         {deps: map[string][]string{module + "/x/ads/types": {module + "/cmd/kizunad/cmd"}}},
		"x/community imports another module": {deps: map[string][]string{module + "/x/community/keeper": {module + "/x/ledger/types"}}},
		"a helper imports a module or the app": {deps: map[string][]string{
			module + "/internal/pagination": {module + "/x/ads/types"},
		}},
		"a module, a helper or the app imports a tool": {deps: map[string][]string{
			module + "/app": {module + "/tools/speedtest"},
		}},
		"a CLI package is imported by another package than its module's": {imports: map[string][]string{
			module + "/tools/load": {module + "/x/amplify/client/cli"},
		}},
	}
	for want, g := range cases {
		got := violations(g)
		if len(got) != 1 || !strings.HasPrefix(got[0], want+":") {
			t.Errorf("%s: got %v", want, got)
		}
	}
	// A CLI package imported by another module's root package, or by the
	// tests of a command, breaks the rule too.
	for from, to := range map[string]string{
		module + "/x/messaging":       module + "/x/amplify/client/cli",
		module + "/tests/system":      module + "/x/messaging/client/cli",
		module + "/x/amplify/keeper":  module + "/x/amplify/client/cli",
		module + "/cmd/kizunad/cmd":   module + "/x/amplify/client/cli",
		module + "/x/amplify/ethsign": module + "/x/amplify/client/cli",
	} {
		if got := violations(graph{imports: map[string][]string{from: {to}}}); len(got) != 1 {
			t.Errorf("%s → %s: got %v", from, to, got)
		}
	}
	allowed := graph{
		deps: map[string][]string{
			module + "/x/ledger/keeper":    {module + "/x/community/types", module + "/internal/pagination"},
			module + "/x/community/keeper": {module + "/x/community/types", module + "/internal/textrule"},
			module + "/app":                {module + "/x/ledger/keeper"},
			module + "/tools/load":         {module + "/app", module + "/x/ledger/types", module + "/internal/accaddr"},
			module + "/cmd/kizuna-load":    {module + "/tools/load", module + "/app"},
			module + "/tests/faults":       {module + "/tools/load"},
		},
		imports: map[string][]string{
			module + "/x/amplify":            {module + "/x/amplify/client/cli"},
			module + "/x/messaging":          {module + "/x/messaging/client/cli", module + "/x/messaging/client/watch"},
			module + "/x/amplify/client/cli": {module + "/x/amplify/client/cli", module + "/x/amplify/ethsign"},
			module + "/tests/system":         {module + "/x/messaging/client/watch"},
		},
	}
	if got := violations(allowed); len(got) != 0 {
		t.Errorf("allowed imports reported: %v", got)
	}
}
