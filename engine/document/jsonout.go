package document

import (
	"encoding/json"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// An input is written as JSON by walking its terms, where going through
// ast.JSON and encoding/json builds every object a second time as a Go map
// and sorts its keys once more, then indents in another pass: for a long
// article's input (parse of 1 MB of text writes 30 MB) that was four fifths
// of the command's time. The bytes are encoding/json's exactly (keys in
// sorted order, its escaping, MarshalIndent's layout), which
// TestJSONMatchesEncodingJSON holds it to.

// writeJSON writes v to out as encoding/json writes ast.JSON(v), followed
// by a newline, a piece at a time. A value the walk does not cover (a set,
// a reference, a key that is not a string: none that a document builds)
// goes through encoding/json whole.
func writeJSON(out io.Writer, v ast.Value, indent bool) error {
	if !plainJSON(v) {
		x, err := ast.JSON(v)
		if err != nil {
			return err
		}
		var data []byte
		if indent {
			data, err = json.MarshalIndent(x, "", "  ")
		} else {
			data, err = json.Marshal(x)
		}
		if err != nil {
			return err
		}
		_, err = out.Write(append(data, '\n'))
		return err
	}
	w := jsonWriter{indent: indent, out: out}
	w.value(v, 0)
	w.buf = append(w.buf, '\n')
	w.flush()
	return w.err
}

// plainJSON reports whether v holds only what jsonWriter writes: null,
// booleans, numbers, strings, arrays and objects keyed by strings.
func plainJSON(v ast.Value) bool {
	switch v := v.(type) {
	case ast.Null, ast.Boolean, ast.Number, ast.String:
		return true
	case *ast.Array:
		for i := range v.Len() {
			if !plainJSON(v.Elem(i).Value) {
				return false
			}
		}
		return true
	case ast.Object:
		plain := true
		v.Foreach(func(k, x *ast.Term) {
			if _, ok := k.Value.(ast.String); !ok || plain && !plainJSON(x.Value) {
				plain = false
			}
		})
		return plain
	}
	return false
}

// jsonWriter writes a value plainJSON accepted.
type jsonWriter struct {
	buf    []byte
	indent bool
	// out receives buf whenever it passes flushAt, so that a large input
	// is streamed rather than held whole; err is its first error.
	out io.Writer
	err error
	// keys is scratch space for sorting an object's keys.
	keys [][]objectItem
}

type objectItem struct {
	key   string
	value ast.Value
}

const flushAt = 64 << 10

func (w *jsonWriter) flush() {
	if w.err == nil {
		_, w.err = w.out.Write(w.buf)
	}
	w.buf = w.buf[:0]
}

func (w *jsonWriter) newline(depth int) {
	if len(w.buf) >= flushAt {
		w.flush()
	}
	if !w.indent {
		return
	}
	w.buf = append(w.buf, '\n')
	for range depth {
		w.buf = append(w.buf, ' ', ' ')
	}
}

func (w *jsonWriter) value(v ast.Value, depth int) {
	switch v := v.(type) {
	case ast.Null:
		w.buf = append(w.buf, "null"...)
	case ast.Boolean:
		if v {
			w.buf = append(w.buf, "true"...)
		} else {
			w.buf = append(w.buf, "false"...)
		}
	case ast.Number:
		if v == "" {
			w.buf = append(w.buf, '0')
		} else {
			w.buf = append(w.buf, v...)
		}
	case ast.String:
		w.buf = appendJSONString(w.buf, string(v))
	case *ast.Array:
		if v.Len() == 0 {
			w.buf = append(w.buf, "[]"...)
			return
		}
		w.buf = append(w.buf, '[')
		for i := range v.Len() {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			w.newline(depth + 1)
			w.value(v.Elem(i).Value, depth+1)
		}
		w.newline(depth)
		w.buf = append(w.buf, ']')
	case ast.Object:
		w.object(v, depth)
	}
}

func (w *jsonWriter) object(o ast.Object, depth int) {
	if o.Len() == 0 {
		w.buf = append(w.buf, "{}"...)
		return
	}
	// Scratch slices are kept per depth, as each level's items are
	// written while deeper levels sort theirs.
	for len(w.keys) <= depth {
		w.keys = append(w.keys, nil)
	}
	items := w.keys[depth][:0]
	o.Foreach(func(k, v *ast.Term) {
		items = append(items, objectItem{string(k.Value.(ast.String)), v.Value})
	})
	slices.SortFunc(items, func(a, b objectItem) int { return strings.Compare(a.key, b.key) })
	w.buf = append(w.buf, '{')
	for i, it := range items {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.newline(depth + 1)
		w.buf = appendJSONString(w.buf, it.key)
		w.buf = append(w.buf, ':')
		if w.indent {
			w.buf = append(w.buf, ' ')
		}
		w.value(it.value, depth+1)
	}
	w.newline(depth)
	w.buf = append(w.buf, '}')
	clear(items)
	w.keys[depth] = items[:0]
}

// appendJSONString writes s as encoding/json does by default: HTML
// characters, U+2028 and U+2029 escaped, invalid UTF-8 as U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
