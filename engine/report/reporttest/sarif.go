// Package reporttest checks reports against the formats' published
// definitions, for the tests of the report writers and of the command line.
package reporttest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The OASIS SARIF 2.1.0 schema (errata 01, the file published at
// sarifSchemaID and kept as Schemata/sarif-schema-2.1.0.json in
// github.com/oasis-tcs/sarif-spec) is not on the module proxy as a file of
// its own, but go-sarif, which the writer uses anyway, embeds it unchanged
// as a string constant. SARIFSchema reads that constant from the module cache
// and checks its hash, so a go-sarif upgrade that edits the schema fails
// here instead of quietly validating against something else.
const (
	sarifModule     = "github.com/owenrumney/go-sarif/v3"
	sarifSchemaFile = "pkg/report/v210/sarif/schema.go"
	sarifSchemaID   = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifSchemaHash = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
)

var (
	sarifSchemaOnce sync.Once
	sarifSchema     *jsonschema.Schema
	sarifSchemaErr  error
)

// SARIFSchema is the official SARIF 2.1.0 schema, compiled once.
func SARIFSchema() (*jsonschema.Schema, error) {
	sarifSchemaOnce.Do(func() { sarifSchema, sarifSchemaErr = loadSARIFSchema() })
	return sarifSchema, sarifSchemaErr
}

// ValidateSARIF checks a SARIF log against the official schema.
func ValidateSARIF(log []byte) error {
	schema, err := SARIFSchema()
	if err != nil {
		return fmt.Errorf("SARIF schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(log)))
	if err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	if err := schema.Validate(doc); err != nil {
		return fmt.Errorf("does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	return nil
}

func loadSARIFSchema() (*jsonschema.Schema, error) {
	out, err := exec.Command("go", "list", "-m", "-json", sarifModule).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		return nil, fmt.Errorf("go list -m %s: %v\n%s", sarifModule, err, stderr)
	}
	var mod struct{ Version, Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return nil, err
	}
	if mod.Dir == "" {
		return nil, fmt.Errorf("%s %s is not in the module cache; run go mod download", sarifModule, mod.Version)
	}
	file := filepath.Join(mod.Dir, filepath.FromSlash(sarifSchemaFile))
	text, err := goStringConst(file, "schema")
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(text))
	if got := hex.EncodeToString(sum[:]); got != sarifSchemaHash {
		return nil, fmt.Errorf("%s of %s %s has SHA-256 %s, want %s (the OASIS errata 01 schema): check what changed before trusting it", sarifSchemaFile, sarifModule, mod.Version, got, sarifSchemaHash)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	// GitHub rejects URIs that do not parse; the schema states the
	// formats, and this makes them count.
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaID, doc); err != nil {
		return nil, err
	}
	return c.Compile(sarifSchemaID)
}

// goStringConst reads the value of a string constant from a Go file.
func goStringConst(file, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		return "", err
	}
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				if id.Name != name || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return "", fmt.Errorf("%s: const %s is not a string literal", file, name)
				}
				return strconv.Unquote(lit.Value)
			}
		}
	}
	return "", fmt.Errorf("%s: no const %s", file, name)
}
