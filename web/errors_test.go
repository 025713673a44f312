package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// errorsJSON is the web app's table of messages for the errors a transaction
// can fail with: codespace, then decimal code, then {"en", "ja"}.
const errorsJSON = "src/i18n/errors.json"

// fallbackKey names the message for errors the table does not know.
const fallbackKey = "_fallback"

// errorsPkg is the import path of Register and RegisterWithGRPCCode.
const errorsPkg = "cosmossdk.io/errors"

// upstreamErrorFiles are the registered errors from outside this repository
// that a transaction can fail with, by import path of their package: the
// SDK's root errors (codespace "sdk"), x/bank's and x/feegrant's, and those
// of cosmossdk.io/errors itself (codespace "undefined": "internal" for any
// unregistered error, "panic" for a recovered panic).
var upstreamErrorFiles = []struct{ pkg, file string }{
	{"github.com/cosmos/cosmos-sdk/types/errors", "errors.go"},
	{"github.com/cosmos/cosmos-sdk/x/bank/types", "errors.go"},
	{"github.com/cosmos/cosmos-sdk/x/feegrant", "errors.go"},
	{errorsPkg, "errors.go"},
}

// registered is one errors.Register or errors.RegisterWithGRPCCode call.
type registered struct {
	codespace string
	code      uint32
	desc      string
	pos       token.Position
}

func (r registered) key() string { return r.codespace + "/" + strconv.FormatUint(uint64(r.code), 10) }

type message struct {
	En string `json:"en"`
	Ja string `json:"ja"`
}

// TestErrorMessagesCoverRegisteredErrors checks that errors.json has an
// English and a Japanese message for every error the chain's modules, the
// SDK, x/bank, x/feegrant and cosmossdk.io/errors register, and nothing
// else: an entry for a code nobody registers is stale.
func TestErrorMessagesCoverRegisteredErrors(t *testing.T) {
	regs := registeredErrors(t)

	byKey := map[string]registered{}
	for _, r := range regs {
		if prev, ok := byKey[r.key()]; ok {
			t.Errorf("%s is registered twice: %q at %s and %q at %s", r.key(), prev.desc, prev.pos, r.desc, r.pos)
			continue
		}
		byKey[r.key()] = r
	}

	raw, err := os.ReadFile(errorsJSON)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkDuplicateKeys(raw); err != nil {
		t.Fatalf("%s: %v", errorsJSON, err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		t.Fatalf("%s: %v", errorsJSON, err)
	}

	fallbackRaw, ok := top[fallbackKey]
	if !ok {
		t.Errorf("%s has no %q entry", errorsJSON, fallbackKey)
	} else {
		fallback, err := decodeMessage(fallbackRaw)
		if err != nil {
			t.Errorf("%s: %s: %v", errorsJSON, fallbackKey, err)
		}
		for lang, text := range map[string]string{"en": fallback.En, "ja": fallback.Ja} {
			for _, ph := range []string{"{codespace}", "{code}", "{log}"} {
				if !strings.Contains(text, ph) {
					t.Errorf("%s: %s.%s lacks the placeholder %s", errorsJSON, fallbackKey, lang, ph)
				}
			}
		}
	}

	seen := map[string]bool{}
	for _, codespace := range sortedKeys(top) {
		if codespace == fallbackKey {
			continue
		}
		var entries map[string]json.RawMessage
		if err := json.Unmarshal(top[codespace], &entries); err != nil {
			t.Errorf("%s: codespace %q: %v", errorsJSON, codespace, err)
			continue
		}
		for _, code := range sortedKeys(entries) {
			key := codespace + "/" + code
			seen[key] = true
			if _, ok := byKey[key]; !ok {
				t.Errorf("%s: stale entry %s: no error is registered with codespace %q and code %s", errorsJSON, key, codespace, code)
				continue
			}
			m, err := decodeMessage(entries[code])
			if err != nil {
				t.Errorf("%s: %s: %v", errorsJSON, key, err)
				continue
			}
			checkMessage(t, key, m)
		}
	}

	for _, r := range regs {
		if !seen[r.key()] {
			t.Errorf("%s lacks an entry for %s (%q, registered at %s)", errorsJSON, r.key(), r.desc, r.pos)
		}
	}
}

// checkMessage checks one static message: both languages given, distinct,
// and free of the fallback's placeholders.
func checkMessage(t *testing.T, key string, m message) {
	t.Helper()
	for lang, text := range map[string]string{"en": m.En, "ja": m.Ja} {
		if strings.TrimSpace(text) == "" {
			t.Errorf("%s: %s has an empty %q message", errorsJSON, key, lang)
			continue
		}
		if strings.ContainsAny(text, "{}") {
			t.Errorf("%s: %s.%s holds a placeholder; only %s takes any: %q", errorsJSON, key, lang, fallbackKey, text)
		}
	}
	if m.En != "" && m.En == m.Ja {
		t.Errorf("%s: %s has the same English and Japanese message: %q", errorsJSON, key, m.En)
	}
}

func decodeMessage(raw json.RawMessage) (message, error) {
	var m message
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return message{}, err
	}
	return m, nil
}

// checkDuplicateKeys fails on an object that names a key twice, which
// encoding/json would silently resolve to the last value.
func checkDuplicateKeys(raw []byte) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var walk func(path string) error
	walk = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		delim, ok := tok.(json.Delim)
		if !ok {
			return nil
		}
		switch delim {
		case '{':
			keys := map[string]bool{}
			for dec.More() {
				tok, err := dec.Token()
				if err != nil {
					return err
				}
				key, ok := tok.(string)
				if !ok {
					return fmt.Errorf("%s: object key %v is not a string", path, tok)
				}
				if keys[key] {
					return fmt.Errorf("%s: key %q appears twice", path, key)
				}
				keys[key] = true
				if err := walk(path + "/" + key); err != nil {
					return err
				}
			}
		case '[':
			for i := 0; dec.More(); i++ {
				if err := walk(path + "/" + strconv.Itoa(i)); err != nil {
					return err
				}
			}
		}
		_, err = dec.Token() // the closing delimiter
		return err
	}
	if err := walk(""); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("data after the top-level value")
	}
	return nil
}

// registeredErrors parses every ../x/*/types/errors.go and the upstream
// files, and returns their registrations in file order.
func registeredErrors(t *testing.T) []registered {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "x", "*", "types", "errors.go"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no ../x/*/types/errors.go: run the test from web/")
	}
	var regs []registered
	for _, f := range files {
		found, err := registrationsIn(f, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(found) == 0 {
			t.Errorf("%s registers no error", f)
		}
		regs = append(regs, found...)
	}

	dirs := packageDirs(t)
	for _, u := range upstreamErrorFiles {
		f := filepath.Join(dirs[u.pkg], u.file)
		found, err := registrationsIn(f, u.pkg == errorsPkg)
		if err != nil {
			t.Fatal(err)
		}
		if len(found) == 0 {
			t.Errorf("%s registers no error", f)
		}
		regs = append(regs, found...)
	}
	return regs
}

// packageDirs asks the go command where the upstream packages are, as this
// module resolves them.
func packageDirs(t *testing.T) map[string]string {
	t.Helper()
	args := []string{"list", "-find", "-f", "{{.ImportPath}}\t{{.Dir}}"}
	for _, u := range upstreamErrorFiles {
		args = append(args, u.pkg)
	}
	cmd := exec.Command("go", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	dirs := map[string]string{}
	for line := range strings.Lines(string(out)) {
		pkg, dir, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if ok && dir != "" {
			dirs[pkg] = dir
		}
	}
	for _, u := range upstreamErrorFiles {
		if dirs[u.pkg] == "" {
			t.Fatalf("go list found no directory for %s (run go mod download)", u.pkg)
		}
	}
	return dirs
}

// registrationsIn returns the Register and RegisterWithGRPCCode calls of
// cosmossdk.io/errors in the package-level var declarations and init
// functions of file, with their codespace and code evaluated against the
// constants of the file's package. local says the file is in
// cosmossdk.io/errors itself, which calls them unqualified.
func registrationsIn(file string, local bool) ([]registered, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	consts, err := packageConsts(fset, filepath.Dir(file))
	if err != nil {
		return nil, err
	}
	names := importNames(f, errorsPkg)

	isRegister := func(call *ast.CallExpr) bool {
		var name string
		switch fun := call.Fun.(type) {
		case *ast.Ident:
			if !local {
				return false
			}
			name = fun.Name
		case *ast.SelectorExpr:
			x, ok := fun.X.(*ast.Ident)
			if !ok || !names[x.Name] {
				return false
			}
			name = fun.Sel.Name
		default:
			return false
		}
		return name == "Register" || name == "RegisterWithGRPCCode"
	}

	var regs []registered
	var errs []error
	visit := func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !isRegister(call) {
			return true
		}
		pos := fset.Position(call.Pos())
		if len(call.Args) < 3 {
			errs = append(errs, fmt.Errorf("%s: register call with %d arguments", pos, len(call.Args)))
			return true
		}
		codespace, err := consts.eval(call.Args[0])
		if err == nil && codespace.Kind() != constant.String {
			err = fmt.Errorf("codespace is not a string constant")
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: codespace: %w", pos, err))
			return true
		}
		code, err := consts.eval(call.Args[1])
		var code64 uint64
		if err == nil {
			var exact bool
			code64, exact = constant.Uint64Val(constant.ToInt(code))
			if !exact || code64 > math.MaxUint32 {
				err = fmt.Errorf("%s is not a uint32", code)
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: code: %w", pos, err))
			return true
		}
		desc := ""
		if d, err := consts.eval(call.Args[len(call.Args)-1]); err == nil && d.Kind() == constant.String {
			desc = constant.StringVal(d)
		}
		regs = append(regs, registered{
			codespace: constant.StringVal(codespace), code: uint32(code64), desc: desc, pos: pos,
		})
		return true
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			if d.Tok == token.VAR {
				ast.Inspect(d, visit)
			}
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "init" {
				ast.Inspect(d, visit)
			}
		}
	}
	return regs, errors.Join(errs...)
}

// importNames returns the names under which f imports path.
func importNames(f *ast.File, path string) map[string]bool {
	names := map[string]bool{}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			names[imp.Name.Name] = true
		} else {
			names[p[strings.LastIndex(p, "/")+1:]] = true
		}
	}
	return names
}

// constTable holds a package's constant declarations, evaluated on demand.
type constTable struct {
	exprs     map[string]ast.Expr
	vals      map[string]constant.Value
	busy      map[string]bool
	ambiguous map[string]bool // declared in more than one file
}

// packageConsts collects the package-level constants declared with a value
// in the non-test Go files of dir (ModuleName in keys.go, the SDK's
// RootCodespace, x/feegrant's DefaultCodespace).
func packageConsts(fset *token.FileSet, dir string) (*constTable, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	table := &constTable{
		exprs: map[string]ast.Expr{}, vals: map[string]constant.Value{},
		busy: map[string]bool{}, ambiguous: map[string]bool{},
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.GenDecl)
			if !ok || d.Tok != token.CONST {
				continue
			}
			for _, spec := range d.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue // iota repetition or a multi-value form: not a name we resolve
				}
				for i, n := range vs.Names {
					if n.Name == "_" {
						continue
					}
					if _, dup := table.exprs[n.Name]; dup {
						// Files for different build tags: refuse it only if used.
						table.ambiguous[n.Name] = true
					}
					table.exprs[n.Name] = vs.Values[i]
				}
			}
		}
	}
	return table, nil
}

// eval evaluates a constant expression of literals, the package's
// constants, parentheses, unary and binary operators.
func (c *constTable) eval(e ast.Expr) (constant.Value, error) {
	switch e := e.(type) {
	case *ast.BasicLit:
		v := constant.MakeFromLiteral(e.Value, e.Kind, 0)
		if v.Kind() == constant.Unknown {
			return nil, fmt.Errorf("bad literal %s", e.Value)
		}
		return v, nil
	case *ast.ParenExpr:
		return c.eval(e.X)
	case *ast.Ident:
		if v, ok := c.vals[e.Name]; ok {
			return v, nil
		}
		expr, ok := c.exprs[e.Name]
		if !ok {
			return nil, fmt.Errorf("%s is not a constant of the package", e.Name)
		}
		if c.ambiguous[e.Name] {
			return nil, fmt.Errorf("constant %s is declared in more than one file", e.Name)
		}
		if c.busy[e.Name] {
			return nil, fmt.Errorf("constant %s refers to itself", e.Name)
		}
		c.busy[e.Name] = true
		v, err := c.eval(expr)
		delete(c.busy, e.Name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name, err)
		}
		c.vals[e.Name] = v
		return v, nil
	case *ast.UnaryExpr:
		x, err := c.eval(e.X)
		if err != nil {
			return nil, err
		}
		return constant.UnaryOp(e.Op, x, 0), nil
	case *ast.BinaryExpr:
		x, err := c.eval(e.X)
		if err != nil {
			return nil, err
		}
		y, err := c.eval(e.Y)
		if err != nil {
			return nil, err
		}
		return binaryOp(x, e.Op, y)
	default:
		return nil, fmt.Errorf("%T is not a constant expression this test evaluates", e)
	}
}

// binaryOp applies op as the compiler would, reporting what go/constant
// refuses (mixed kinds, a shift by a non-integer) as an error, not a panic.
func binaryOp(x constant.Value, op token.Token, y constant.Value) (v constant.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s %s %s: %v", x, op, y, r)
		}
	}()
	switch op {
	case token.SHL, token.SHR:
		s, ok := constant.Uint64Val(constant.ToInt(y))
		if !ok || s > math.MaxUint32 {
			return nil, fmt.Errorf("bad shift count %s", y)
		}
		return constant.Shift(x, op, uint(s)), nil
	case token.QUO:
		if x.Kind() == constant.Int && y.Kind() == constant.Int {
			op = token.QUO_ASSIGN // go/constant's integer division
		}
	}
	return constant.BinaryOp(x, op, y), nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
