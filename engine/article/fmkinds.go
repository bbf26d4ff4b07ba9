package article

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
)

// A front-matter value of the wrong type is reported by the YAML, TOML and
// JSON decoders in Go's terms ("into article.Evidence", "destination has
// type []string"); an editor who wrote the block knows its own format's
// words instead, so the messages are put in those.

// fmKind names what a field of Go type name (as a decoder prints it) holds,
// with table the format's word for a block of keys.
func fmKind(name, table string) string {
	name = strings.TrimPrefix(name, "*")
	switch {
	case name == "bool", name == "boolean":
		return "true or false"
	case name == "string":
		return "text"
	case name == "time.Time":
		return "a date"
	case strings.HasPrefix(name, "[]"):
		return "a list"
	case strings.HasPrefix(name, "int"), strings.HasPrefix(name, "uint"), strings.HasPrefix(name, "float"), name == "integer":
		return "a number"
	case strings.HasPrefix(name, "map["), strings.HasPrefix(name, "article."), strings.HasPrefix(name, "struct"):
		return table
	}
	return name
}

// fmKindOf is fmKind for a reflected type.
func fmKindOf(t reflect.Type, table string) string {
	if t == nil {
		return "text"
	}
	return fmKind(t.String(), table)
}

var yamlTypeError = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (\\S+)$")

// yamlTypeReason rewrites go-yaml's "cannot unmarshal !!str `yes` into
// bool" as what the field must be and what it was given.
func yamlTypeReason(msg string) string {
	m := yamlTypeError.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want := fmKind(m[3], "a mapping")
	switch {
	case m[2] != "":
		return fmt.Sprintf("must be %s, not %q", want, m[2])
	case m[1] == "seq":
		return fmt.Sprintf("must be %s, not a list", want)
	case m[1] == "map":
		return fmt.Sprintf("must be %s, not a mapping", want)
	}
	return fmt.Sprintf("must be %s", want)
}

var tomlTypeError = regexp.MustCompile(`^incompatible types: TOML value has type (\S+); destination has type (\S+)$`)

// tomlTypeReason rewrites the TOML decoder's "incompatible types" message.
func tomlTypeReason(msg string) string {
	m := tomlTypeError.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	given := fmKind(m[1], "a table")
	if given == "true or false" {
		given = "a boolean"
	}
	return fmt.Sprintf("must be %s, not %s", fmKind(m[2], "a table"), given)
}
