package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
)

// Bundle packs the set as an OPA bundle: every policy module (tests left
// out) and the data document, lexicons and configuration included, so that
// a stock OPA server evaluating Entrypoint on a `credcheck parse` document
// reports what `credcheck check` reports. Built-in files keep their paths;
// the files of the Nth user directory go under user/N/. The revision is a
// hash of the contents, so the same policies give the same bundle.
func (s *Set) Bundle() (*bundle.Bundle, error) {
	var names []string
	for name := range s.Modules {
		if strings.HasSuffix(name, "_test.rego") || isTestModule(s.Modules[name]) {
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	dirs := map[string]int{}
	var dirOrder []string
	for _, name := range names {
		if src := s.sources[name]; src != BuiltIn {
			if _, ok := dirs[src]; !ok {
				dirs[src] = 0
				dirOrder = append(dirOrder, src)
			}
		}
	}
	sort.Strings(dirOrder)
	for i, d := range dirOrder {
		dirs[d] = i + 1
	}
	hash := sha256.New()
	b := &bundle.Bundle{Data: s.Data}
	for _, name := range names {
		path := strings.TrimPrefix(name, BuiltInPrefix)
		if src := s.sources[name]; src != BuiltIn {
			rel, err := filepath.Rel(src, name)
			if err != nil {
				rel = filepath.Base(name)
			}
			path = fmt.Sprintf("user/%d/%s", dirs[src], filepath.ToSlash(rel))
		}
		raw := s.raws[name]
		hash.Write([]byte(path))
		hash.Write(raw)
		b.Modules = append(b.Modules, bundle.ModuleFile{URL: "/" + path, Path: "/" + path, Raw: raw, Parsed: s.Modules[name]})
	}
	data, err := json.Marshal(s.Data)
	if err != nil {
		return nil, err
	}
	hash.Write(data)
	version := ast.RegoV1.Int()
	roots := []string{"credcheck"}
	b.Manifest = bundle.Manifest{
		Revision:    hex.EncodeToString(hash.Sum(nil))[:16],
		Roots:       &roots,
		RegoVersion: &version,
		Metadata:    map[string]any{"entrypoint": strings.TrimPrefix(Entrypoint, "data."), "producer": "credcheck"},
	}
	return b, nil
}

// CapabilitiesJSON is the set's capabilities as OPA reads them (`opa run
// --capabilities`, `opa build --capabilities`), so that a server serving
// the bundle refuses the same built-ins credcheck does.
func (s *Set) CapabilitiesJSON() ([]byte, error) {
	raw, err := json.Marshal(s.Capabilities)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	// An absent allow_net lets OPA fetch from any host (it does so for
	// remote schemas); present and empty, from none. The struct's
	// omitempty would drop the empty list.
	doc["allow_net"] = []string{}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// CapabilitiesPath is where the capabilities of a bundle written to
// bundlePath go: beside it, credcheck-bundle.tar.gz giving
// credcheck-bundle.capabilities.json.
func CapabilitiesPath(bundlePath string) string {
	base := bundlePath
	for _, ext := range []string{".tar.gz", ".tgz", ".gz", ".tar"} {
		if trimmed, ok := strings.CutSuffix(base, ext); ok && filepath.Base(trimmed) != "" && !strings.HasSuffix(trimmed, string(filepath.Separator)) {
			base = trimmed
			break
		}
	}
	return base + ".capabilities.json"
}

// WriteBundle writes a bundle as gzipped tar.
func WriteBundle(w io.Writer, b *bundle.Bundle) error {
	return bundle.NewWriter(w).Write(*b)
}

// isTestModule reports a package of tests (…_test), whatever its file name.
func isTestModule(m *ast.Module) bool {
	last := m.Package.Path[len(m.Package.Path)-1].Value
	s, ok := last.(ast.String)
	return ok && strings.HasSuffix(string(s), "_test")
}
