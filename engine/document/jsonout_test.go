package document

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document/documenttest"
)

// pieces counts the writes it is given.
type pieces struct {
	bytes.Buffer
	n int
}

func (p *pieces) Write(b []byte) (int, error) {
	p.n++
	return p.Buffer.Write(b)
}

// checkJSONAsEncodingJSON fails unless writeJSON writes v as encoding/json
// writes ast.JSON(v) (and a newline), on one line and indented; it gives
// how many writes the indented form took.
func checkJSONAsEncodingJSON(t *testing.T, v ast.Value) (writes int) {
	t.Helper()
	x, err := ast.JSON(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, indent := range []bool{false, true} {
		var want []byte
		if indent {
			want, err = json.MarshalIndent(x, "", "  ")
		} else {
			want, err = json.Marshal(x)
		}
		if err != nil {
			t.Fatal(err)
		}
		var out pieces
		if err := writeJSON(&out, v, indent); err != nil {
			t.Fatal(err)
		}
		want = append(want, '\n')
		got := out.Bytes()
		writes = out.n
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Fatalf("indent %v: differs from encoding/json at byte %d: got %q, want %q", indent, i,
				got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
		}
	}
	return writes
}

// TestJSONMatchesEncodingJSON holds the input writer to encoding/json's
// bytes: every escape, empty and nested containers, the values it hands to
// the slow path, and the documents of every fixture and hostile shape.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	var strs []*ast.Term
	for b := range 256 {
		strs = append(strs, ast.StringTerm(string([]byte{'a', byte(b), 'z'})))
	}
	for _, s := range []string{"", "\u2028\u2029", "<script>&amp;</script>", "\xe2\x80", "日本語 — naïve", "\U0001F600", "\xff\xfe", "tab\tquote\"back\\slash"} {
		strs = append(strs, ast.StringTerm(s))
	}
	values := []ast.Value{
		ast.NewArray(strs...),
		ast.NewObject(),
		ast.NewArray(),
		ast.NewObject([2]*ast.Term{ast.StringTerm("b"), ast.ArrayTerm()}, [2]*ast.Term{ast.StringTerm("a"), ast.ObjectTerm()},
			[2]*ast.Term{ast.StringTerm("<k>"), ast.NullTerm()}, [2]*ast.Term{ast.StringTerm("B"), ast.BooleanTerm(false)}),
		ast.NewArray(ast.IntNumberTerm(-3), ast.NumberTerm("1.25"), ast.NumberTerm(""), ast.BooleanTerm(true),
			ast.ArrayTerm(ast.ObjectTerm([2]*ast.Term{ast.StringTerm("x"), ast.ArrayTerm(ast.ArrayTerm())}))),
		// Not plain: a set, and an object keyed by a number.
		ast.NewArray(ast.SetTerm(ast.StringTerm("b"), ast.StringTerm("a"))),
		ast.NewObject([2]*ast.Term{ast.IntNumberTerm(2), ast.StringTerm("two")}),
	}
	for i, s := range strs {
		values = append(values, ast.NewObject([2]*ast.Term{s, ast.IntNumberTerm(i)}))
	}
	for _, v := range values {
		checkJSONAsEncodingJSON(t, v)
	}

	set := realLexicons(t)
	files, _ := filepath.Glob("../../fixtures/*")
	texts := map[string]string{
		"runon.txt": documenttest.RunOn(20 << 10), "words.txt": documenttest.OneWordLines(2000),
		"silent.txt": documenttest.AnnouncedSilent(10 << 10), "list.md": documenttest.NestedList(20 << 10), "line.txt": documenttest.LongLine(20 << 10),
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err == nil {
			texts[filepath.Base(f)] = string(raw)
		}
	}
	n, flushed := 0, 0
	for name, text := range texts {
		format := article.Text
		switch {
		case strings.HasSuffix(name, ".md"):
			format = article.Markdown
		case strings.HasSuffix(name, ".jsonl"):
			format = article.JSONLines
		case strings.HasSuffix(name, ".html"):
			format = article.HTML
		}
		arts, errs := article.Parse(name, format, []byte(text))
		if len(errs) > 0 {
			continue
		}
		for _, a := range arts {
			d, err := Build(a, set)
			if err != nil {
				continue
			}
			// A long document is written in pieces as it goes.
			if checkJSONAsEncodingJSON(t, d.Value()) > 1 {
				flushed++
			}
			n++
		}
	}
	if n < 20 || flushed == 0 {
		t.Fatalf("only %d documents compared, %d of them streamed in several pieces", n, flushed)
	}
}
