package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"text/template"

	"github.com/credcheck/credcheck/engine/safefile"
)

func init() { register("template", writeTemplate) }

// Template is a user's Go text/template for the template format
// (docs/output/template.md).
type Template struct {
	file string
	t    *template.Template
}

// templateFuncs are the functions a template may call beside text/template's
// own (printf, len, index, eq…). Few on purpose: each one is documented and
// kept working, and a template that needs more can work from `json`.
var templateFuncs = template.FuncMap{
	"json": func(v any) (string, error) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return "", err
		}
		return strings.TrimSuffix(buf.String(), "\n"), nil
	},
	"upper":   strings.ToUpper,
	"lower":   strings.ToLower,
	"trim":    strings.TrimSpace,
	"replace": func(old, new, s string) string { return strings.ReplaceAll(s, old, new) },
	"join": func(sep string, list any) (string, error) {
		v := reflect.ValueOf(list)
		if v.Kind() != reflect.Slice {
			return "", fmt.Errorf("join: want a list, got %T", list)
		}
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = fmt.Sprint(v.Index(i).Interface())
		}
		return strings.Join(parts, sep), nil
	},
}

// ParseTemplate reads and parses a template file. A template that does not
// parse is a one-line error naming the file, the line and, where Go says
// it, the column.
func ParseTemplate(file string) (*Template, error) {
	data, err := safefile.ReadFile(file, 1<<20)
	if err != nil {
		return nil, fmt.Errorf("template %s: %s", file, safefile.Reason(err))
	}
	return NewTemplate(file, string(data))
}

// NewTemplate parses a template's text; name stands for its file in
// errors.
func NewTemplate(name, text string) (*Template, error) {
	t, err := template.New(name).Funcs(templateFuncs).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, templateError(err)
	}
	return &Template{file: name, t: t}, nil
}

// templateError keeps Go's message, which starts "template: FILE:LINE:",
// on one line: a message quoting the template could span several.
func templateError(err error) error {
	return errors.New(strings.Join(strings.Fields(err.Error()), " "))
}

// SplitFormat separates a format's argument: "template=FILE" is the
// template format with FILE as its template.
func SplitFormat(format string) (name, arg string) {
	name, arg, _ = strings.Cut(format, "=")
	return name, arg
}

// writeTemplate runs the user's template over the JSON report's data, the
// keys spelled as in JSON. The output is built in memory first, so that a
// template failing half-way leaves no half report behind.
func writeTemplate(w io.Writer, r *Report, opts Options) error {
	if opts.Template == nil {
		return errors.New("the template format needs a template: --format template=FILE or --template FILE")
	}
	var buf bytes.Buffer
	if err := opts.Template.t.Execute(&buf, templateData(reflect.ValueOf(jsonOf(r, opts)))); err != nil {
		return templateError(err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// templateData turns the JSON report's structs into maps keyed by their
// JSON names, keeping Go's types (an int stays an int, so `eq .line 3`
// works). Keys the JSON report leaves out when empty are present here with
// their zero value, so that a template can test them with `if`.
func templateData(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return templateData(v.Elem())
	case reflect.Struct:
		out := make(map[string]any, v.NumField())
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			out[name] = templateData(v.Field(i))
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return []any{}
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = templateData(v.Index(i))
		}
		return out
	case reflect.Map:
		out := make(map[string]any, v.Len())
		iter := v.MapRange()
		for iter.Next() {
			out[fmt.Sprint(iter.Key().Interface())] = templateData(iter.Value())
		}
		return out
	}
	return v.Interface()
}
