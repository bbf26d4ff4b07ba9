package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"

	"github.com/credcheck/credcheck/engine/internal/golden"
)

var updateSchema = flag.Bool("update", false, "rewrite docs/schema/report.json from the report's types")

// reportSchemaFile is where the JSON report's schema is published.
var reportSchemaFile = filepath.Join("..", "..", "docs", "schema", "report.json")

// ReportSchema generates the JSON Schema of the json format from the types
// writeJSON encodes: every field the writer always writes is required and
// no other is allowed, so the schema says exactly what a report holds.
func reportSchema() ([]byte, error) {
	r := jsonschema.Reflector{
		// Definitions named after the report's parts, not the Go types.
		Namer: func(t reflect.Type) string { return strings.TrimPrefix(t.Name(), "json") },
	}
	s := r.Reflect(jsonReport{})
	s.ID = "https://github.com/credcheck/credcheck/docs/schema/report.json"
	s.Title = "credcheck JSON report"
	s.Description = "The report of credcheck check --format json (docs/output.md)."
	// What the types cannot say: the version this schema describes, and
	// the closed sets of values some strings take.
	property(s, "Report", "version").Const = SchemaVersion
	property(s, "Article", "format").Enum = []any{"text", "markdown", "jsonl", "html"}
	property(s, "Finding", "severity").Enum = []any{"error", "warning", "info"}
	property(s, "Finding", "fingerprint").Pattern = "^[0-9a-f]{16}$"
	property(s, "Suppression", "kind").Enum = []any{"inline", "config", "baseline"}
	out, err := json.MarshalIndent(s, "", "  ")
	return append(out, '\n'), err
}

// property is the schema of one field of a definition; it panics when the
// field is gone, so a renamed field cannot leave its constraint behind.
func property(s *jsonschema.Schema, def, name string) *jsonschema.Schema {
	p, ok := s.Definitions[def].Properties.Get(name)
	if !ok {
		panic("report schema: no " + def + "." + name)
	}
	return p
}

// TestJSONSchemaIsPublished fails when docs/schema/report.json no longer
// describes what the json writer writes; go test ./engine/report -run
// TestJSONSchemaIsPublished -update rewrites it.
func TestJSONSchemaIsPublished(t *testing.T) {
	got, err := reportSchema()
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, reportSchemaFile, got, *updateSchema)
	if !bytes.Contains(got, []byte(`"const": 3`)) || SchemaVersion != 3 {
		t.Errorf("the schema does not pin version %d", SchemaVersion)
	}
}
