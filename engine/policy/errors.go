package policy

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"

	"github.com/credcheck/credcheck/engine/safetext"
)

// Error is a problem in a policy file, located as precisely as the parser
// allows.
type Error struct {
	File         string
	Line, Column int
	Reason       string
}

// Error quotes a file name that holds a newline or an escape sequence, so
// that a file in a policy directory cannot forge a line of output.
func (e *Error) Error() string {
	file := safetext.Name(e.File)
	switch {
	case e.File == "":
		return e.Reason
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", file, e.Reason)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Column, e.Reason)
}

// Errors is every problem found while loading, one per line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func convertASTErrors(errs ast.Errors) Errors {
	out := make(Errors, 0, len(errs))
	for _, e := range errs {
		out = append(out, astError(e))
	}
	return out
}

func astError(e *ast.Error) *Error {
	pe := &Error{Reason: e.Code + ": " + e.Message}
	if e.Location != nil {
		pe.File, pe.Line, pe.Column = e.Location.File, e.Location.Row, e.Location.Col
	}
	return pe
}

var (
	yamlLineRe = regexp.MustCompile(`^(.*?): error converting YAML to JSON: yaml: line (\d+): (.*)$`)
	pathPrefix = regexp.MustCompile(`^(.+?\.(?:json|yaml|yml|rego)): (.*)$`)
)

// convertLoadErrors turns the loader's errors into located ones. Parse
// errors carry a location; data files that fail to parse carry a line (YAML)
// or a byte offset (JSON) that is turned into line and column.
func convertLoadErrors(err error, rename func(string) string, fsys fs.FS) error {
	var list []error
	var le loader.Errors
	if errors.As(err, &le) {
		list = le
	} else {
		list = []error{err}
	}
	var out Errors
	for _, e := range list {
		var ae *ast.Error
		if errors.As(e, &ae) {
			pe := astError(ae)
			pe.File = rename(pe.File)
			out = append(out, pe)
			continue
		}
		var se *json.SyntaxError
		msg := e.Error()
		if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[2])
			out = append(out, &Error{File: rename(m[1]), Line: line, Column: 1, Reason: "invalid YAML: " + m[3]})
			continue
		}
		if m := pathPrefix.FindStringSubmatch(msg); m != nil {
			pe := &Error{File: rename(m[1]), Reason: m[2]}
			if errors.As(e, &se) {
				pe.Line, pe.Column = offsetPosition(m[1], fsys, int(se.Offset))
				pe.Reason = "invalid JSON: " + se.Error()
			}
			out = append(out, pe)
			continue
		}
		out = append(out, &Error{Reason: msg})
	}
	return out
}

func offsetPosition(file string, fsys fs.FS, offset int) (line, col int) {
	var data []byte
	var err error
	if fsys != nil {
		data, err = fs.ReadFile(fsys, file)
	} else {
		data, err = os.ReadFile(file)
	}
	if err != nil || offset > len(data) {
		return 0, 0
	}
	// Columns count characters, as they do in Rego parse errors: UTF-8
	// continuation bytes do not start a new column.
	line, col = 1, 1
	for _, b := range data[:max(offset-1, 0)] {
		if b == '\n' {
			line, col = line+1, 1
		} else if utf8.RuneStart(b) {
			col++
		}
	}
	return line, col
}
