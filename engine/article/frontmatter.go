package article

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/safetext"
)

// FrontMatter is the YAML, TOML or JSON block that may open a Markdown
// article. TOML and JSON keys match the field names in any case, as those
// decoders do; a field whose key is not its name needs json and toml tags
// beside the yaml one.
type FrontMatter struct {
	Title  string `yaml:"title"`
	Author string `yaml:"author"`
	Date   string `yaml:"date"`
	Outlet string `yaml:"outlet"`
	URL    string `yaml:"url"`
	Story  string `yaml:"story"`
	// Page is what the published page showed (page.go), when given.
	Page *Evidence `yaml:"page"`
	// End is the byte offset just past the closing delimiter line; 0 when
	// there is no front matter.
	End int `yaml:"-" json:"-" toml:"-"`
}

// FrontMatterError is a front-matter block that does not parse.
type FrontMatterError struct {
	Line   int
	Reason string
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

var typeErrorLine = regexp.MustCompile(`^line (\d+): `)

// ParseFrontMatter finds and decodes the block that may open a Markdown
// article: YAML between "---" lines, TOML between "+++" lines (Hugo's
// form) or one JSON object starting with "{". Text with no such block has
// empty front matter.
func ParseFrontMatter(src string) (FrontMatter, *FrontMatterError) {
	start := 0
	if strings.HasPrefix(src, "\ufeff") {
		start = len("\ufeff")
	}
	first, _, _ := strings.Cut(src[start:], "\n")
	switch strings.TrimRight(first, " \t\r") {
	case "---":
		return delimited(src, start, "---", "...", decodeYAML)
	case "+++":
		return delimited(src, start, "+++", "", decodeTOML)
	}
	if strings.HasPrefix(first, "{") {
		return decodeJSON(src, start)
	}
	return FrontMatter{}, nil
}

// delimited reads a block between an opening line and a closing line (or
// alt, when given) with decode, which names lines counted within the block
// (0 when it cannot tell).
func delimited(src string, start int, delim, alt string, decode func(string, *FrontMatter) *FrontMatterError) (FrontMatter, *FrontMatterError) {
	first, rest, ok := strings.Cut(src[start:], "\n")
	if !ok {
		return FrontMatter{}, &FrontMatterError{Line: 1, Reason: "front matter opened with " + delim + " is never closed"}
	}
	offset := start + len(first) + 1
	for pos := 0; pos <= len(rest); {
		line, _, found := strings.Cut(rest[pos:], "\n")
		trimmed := strings.TrimRight(line, " \t\r")
		if trimmed == delim || alt != "" && trimmed == alt {
			end := pos + len(line)
			if found {
				end++
			}
			var fm FrontMatter
			if err := decode(rest[:pos], &fm); err != nil {
				// The block starts on the file's second line; an error
				// the decoder does not place is put on the opening one.
				if err.Line > 0 {
					err.Line++
				} else {
					err.Line = 1
				}
				// Decoders quote the offending value, which may span
				// lines; the error stays on one.
				err.Reason = safetext.Text(err.Reason)
				return FrontMatter{}, err
			}
			fm.End = offset + end
			return fm, nil
		}
		if !found {
			break
		}
		pos += len(line) + 1
	}
	return FrontMatter{}, &FrontMatterError{Line: 1, Reason: "front matter opened with " + delim + " is never closed"}
}

func decodeYAML(block string, fm *FrontMatter) *FrontMatterError {
	if err := yaml.Unmarshal([]byte(block), fm); err != nil {
		fe := yamlError(err)
		if te, typed := err.(*yaml.TypeError); typed && fe.Line > 0 {
			if m := yamlTypeError.FindStringSubmatch(typeErrorLine.ReplaceAllString(te.Errors[0], "")); m != nil {
				if key := yamlKeyAt(block, fe.Line, "!!"+m[1], m[2]); key != "" {
					fe.Reason = strings.Replace(fe.Reason, "front matter: ", fmt.Sprintf("front matter: %q ", key), 1)
				}
			}
		}
		return fe
	}
	return nil
}

// yamlKeyAt is the dotted path of the one key whose value starts on line n
// of block with the given tag (and text, when given), as TOML's and JSON's
// errors name it; go-yaml's type errors give only the line, the tag and
// the value. It is empty when no key, or more than one (a flow mapping on
// one line), fits.
func yamlKeyAt(block string, n int, tag, text string) string {
	var root yaml.Node
	if yaml.Unmarshal([]byte(block), &root) != nil {
		return ""
	}
	var found []string
	var walk func(node *yaml.Node, path string, depth int)
	walk = func(node *yaml.Node, path string, depth int) {
		if depth > 64 {
			return
		}
		switch node.Kind {
		case yaml.DocumentNode:
			for _, c := range node.Content {
				walk(c, path, depth+1)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(node.Content); i += 2 {
				key := node.Content[i].Value
				if path != "" {
					key = path + "." + key
				}
				value := node.Content[i+1]
				if value.Line == n && value.ShortTag() == tag && (text == "" || value.Value == text) {
					found = append(found, key)
				}
				walk(value, key, depth+1)
			}
		}
	}
	walk(&root, "", 0)
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

var tomlLine = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): `)

// decodeTOML reads TOML; the library locates both syntax errors and
// values of the wrong type. TOML has a date type, which Hugo's front
// matter uses unquoted ("date = 2026-05-01T07:00:00Z"): the date is
// decoded on its own and kept as text.
func decodeTOML(block string, fm *FrontMatter) *FrontMatterError {
	var withDate struct {
		FrontMatter
		Date any `toml:"date"`
	}
	_, err := toml.Decode(block, &withDate)
	if err == nil {
		*fm = withDate.FrontMatter
		switch d := withDate.Date.(type) {
		case string:
			fm.Date = d
		case time.Time:
			fm.Date = tomlDate(d)
		case nil:
		default:
			return &FrontMatterError{Line: tomlKeyLine(block, "date"), Reason: fmt.Sprintf("front matter: \"date\" must be text or a date, not %T", d)}
		}
		return nil
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &FrontMatterError{Line: pe.Position.Line, Reason: "front matter: " + pe.Message}
	}
	msg := err.Error()
	if m := tomlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &FrontMatterError{Line: n, Reason: fmt.Sprintf("front matter: %q %s", m[2], tomlTypeReason(strings.TrimPrefix(msg, m[0])))}
	}
	return &FrontMatterError{Reason: "front matter: " + strings.TrimPrefix(msg, "toml: ")}
}

// tomlDate writes a TOML date back as TOML wrote it: a local date, time
// or date-time keeps its form, an offset date-time is RFC 3339. The
// library marks the local forms with zones of these names.
func tomlDate(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format(time.DateOnly)
	case "time-local":
		return t.Format("15:04:05.999999999")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	}
	return t.Format(time.RFC3339Nano)
}

var tomlKey = regexp.MustCompile(`(?m)^[ \t]*"?([A-Za-z0-9_-]+)"?[ \t]*=`)

// tomlKeyLine is the line of the block that sets key at the top level, or
// 0 when it cannot be told.
func tomlKeyLine(block, key string) int {
	for _, m := range tomlKey.FindAllStringSubmatchIndex(block, -1) {
		if strings.EqualFold(block[m[2]:m[3]], key) {
			return lineAt(block, m[0])
		}
	}
	return 0
}

// decodeJSON reads one JSON object from the start of src, as Hugo does;
// the rest of the line that closes it must be blank.
func decodeJSON(src string, start int) (FrontMatter, *FrontMatterError) {
	dec := json.NewDecoder(strings.NewReader(src[start:]))
	var fm FrontMatter
	if err := dec.Decode(&fm); err != nil {
		return FrontMatter{}, jsonError(src, start, err)
	}
	end := start + int(dec.InputOffset())
	line, _, found := strings.Cut(src[end:], "\n")
	if strings.TrimSpace(line) != "" {
		return FrontMatter{}, &FrontMatterError{Line: lineAt(src, end), Reason: "front matter: text after the closing } of the JSON object"}
	}
	end += len(line)
	if found {
		end++
	}
	fm.End = end
	return fm, nil
}

func jsonError(src string, start int, err error) *FrontMatterError {
	var (
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
	)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &FrontMatterError{Line: 1, Reason: "front matter opened with { is never closed"}
	case errors.As(err, &syntax):
		return &FrontMatterError{Line: lineAt(src, start+int(syntax.Offset)), Reason: "front matter: " + safetext.Text(strings.TrimPrefix(err.Error(), "json: "))}
	case errors.As(err, &typ) && typ.Field != "":
		return &FrontMatterError{Line: lineAt(src, start+int(typ.Offset)), Reason: fmt.Sprintf("front matter: %q must be %s, not a JSON %s", strings.ToLower(typ.Field), fmKindOf(typ.Type, "an object"), typ.Value)}
	case errors.As(err, &typ):
		return &FrontMatterError{Line: 1, Reason: fmt.Sprintf("front matter: a JSON %s, not an object", typ.Value)}
	}
	return &FrontMatterError{Line: 1, Reason: "front matter: " + safetext.Text(strings.TrimPrefix(err.Error(), "json: "))}
}

// lineAt is the 1-based line of byte offset i of src.
func lineAt(src string, i int) int {
	return strings.Count(src[:min(i, len(src))], "\n") + 1
}

// yamlError turns a YAML error into one that names its line in the block.
func yamlError(err error) *FrontMatterError {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &FrontMatterError{Line: n, Reason: "front matter: " + strings.TrimPrefix(msg, m[0])}
	}
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		// "line 2: cannot unmarshal …" counts lines of the block too.
		if m := typeErrorLine.FindStringSubmatch(te.Errors[0]); m != nil {
			n, _ := strconv.Atoi(m[1])
			return &FrontMatterError{Line: n, Reason: "front matter: " + yamlTypeReason(strings.TrimPrefix(te.Errors[0], m[0]))}
		}
		return &FrontMatterError{Reason: "front matter: " + yamlTypeReason(te.Errors[0])}
	}
	return &FrontMatterError{Reason: "front matter: " + msg}
}

func (fm FrontMatter) apply(a *Article) {
	a.Title, a.Author, a.Date, a.Outlet, a.URL, a.Story = fm.Title, fm.Author, fm.Date, fm.Outlet, fm.URL, fm.Story
	a.Evidence = fm.Page.withDefaults(a, "front_matter")
}
