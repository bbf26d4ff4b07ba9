package article

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/internal/fuzzseed"
)

func addArticleSeeds(f *testing.F) {
	for _, s := range fuzzseed.Articles() {
		f.Add(s)
	}
}

// checkParse parses data twice in format and checks what every reader
// promises: no panic, the same result both times, and for each input either
// articles or one-line errors that name it.
func checkParse(t *testing.T, format Format, data []byte) ([]*Article, []*InputError) {
	if len(data) > fuzzseed.MaxInput {
		t.Skip("larger than the fuzzed size")
	}
	const path = "fuzz/input"
	as, errs := Parse(path, format, data)
	as2, errs2 := Parse(path, format, data)
	if !reflect.DeepEqual(as, as2) || !reflect.DeepEqual(errs, errs2) {
		t.Fatalf("two parses of the same bytes differ")
	}
	if len(as) == 0 && len(errs) == 0 {
		t.Fatalf("no article and no error")
	}
	for _, e := range errs {
		if e.Path != path {
			t.Errorf("error names %q, want %q", e.Path, path)
		}
		if e.Reason == "" || strings.ContainsAny(e.Reason, "\n\r") {
			t.Errorf("error reason is not one line: %q", e.Reason)
		}
	}
	for _, a := range as {
		if a.Path != path || a.Format != format {
			t.Errorf("article %q has path %q and format %q", a.ID, a.Path, a.Format)
		}
		if !utf8.ValidString(a.Source) {
			t.Errorf("article %q: source is not valid UTF-8", a.ID)
		}
		if strings.TrimSpace(a.Source) == "" {
			t.Errorf("article %q: blank source accepted", a.ID)
		}
	}
	return as, errs
}

// checkOneFile checks the readers of one article per file: the article is
// the bytes as read, unchanged, or there is exactly one error.
func checkOneFile(t *testing.T, format Format, data []byte, as []*Article, errs []*InputError) {
	switch {
	case len(as) == 1 && len(errs) == 0:
		if as[0].Source != string(data) || as[0].ID != as[0].Path || as[0].Line != 0 {
			t.Errorf("%s article does not hold the input as read: id %q line %d", format, as[0].ID, as[0].Line)
		}
	case len(as) == 0 && len(errs) == 1:
	default:
		t.Errorf("%s input gave %d articles and %d errors", format, len(as), len(errs))
	}
}

func FuzzReadText(f *testing.F) {
	addArticleSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		as, errs := checkParse(t, Text, data)
		checkOneFile(t, Text, data, as, errs)
	})
}

func FuzzReadMarkdown(f *testing.F) {
	addArticleSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		as, errs := checkParse(t, Markdown, data)
		checkOneFile(t, Markdown, data, as, errs)
		if len(as) == 1 {
			fm, err := ParseFrontMatter(as[0].Source)
			if err != nil {
				t.Fatalf("front matter failed on the second read: %v", err.Reason)
			}
			if as[0].Title != fm.Title || as[0].Author != fm.Author || as[0].URL != fm.URL {
				t.Errorf("article metadata differs from its front matter")
			}
		}
	})
}

func FuzzFrontMatter(f *testing.F) {
	addArticleSeeds(f)
	for _, y := range fuzzseed.YAML() {
		f.Add(append(append([]byte("---\n"), y...), "\n---\nText.\n"...))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzseed.MaxInput {
			t.Skip("larger than the fuzzed size")
		}
		src := string(data)
		fm, err := ParseFrontMatter(src)
		if err != nil {
			if err.Line < 1 || err.Reason == "" || strings.ContainsAny(err.Reason, "\n\r") {
				t.Errorf("front matter error at line %d is not one located line: %q", err.Line, err.Reason)
			}
			if fm != (FrontMatter{}) {
				t.Errorf("front matter returned with an error")
			}
			return
		}
		if fm.End < 0 || fm.End > len(src) {
			t.Fatalf("front matter ends at %d, outside the %d bytes", fm.End, len(src))
		}
		if body := strings.TrimPrefix(src, "\ufeff"); fm.End > 0 && !strings.HasPrefix(body, "---") && !strings.HasPrefix(body, "+++") && !strings.HasPrefix(body, "{") {
			t.Errorf("front matter found in text that does not open with ---, +++ or {")
		}
	})
}

func FuzzReadJSONLines(f *testing.F) {
	addArticleSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		as, errs := checkParse(t, JSONLines, data)
		lines := bytes.Count(data, []byte("\n")) + 1
		ids := map[string]bool{}
		prev := 0
		for _, a := range as {
			if a.Line <= prev || a.Line > lines {
				t.Errorf("record %q on line %d (previous %d, %d lines)", a.ID, a.Line, prev, lines)
			}
			prev = a.Line
			if a.ID == "" || ids[a.ID] {
				t.Errorf("record id %q is empty or repeated", a.ID)
			}
			ids[a.ID] = true
		}
		for _, e := range errs {
			if e.Line < 0 || e.Line > lines {
				t.Errorf("error on line %d of %d: %v", e.Line, lines, e)
			}
		}
	})
}

// FuzzDetect reads bytes as standard input with the format guessed, as
// `credcheck check -` does.
func FuzzDetect(f *testing.F) {
	addArticleSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzseed.MaxInput {
			t.Skip("larger than the fuzzed size")
		}
		format := Detect(data)
		if format != Text && format != Markdown && format != JSONLines && format != HTML {
			t.Fatalf("Detect gave %q", format)
		}
		as, errs := Load([]string{Stdin}, LoadOptions{Stdin: bytes.NewReader(data), StdinName: "<stdin>"})
		if len(as) == 0 && len(errs) == 0 {
			t.Fatalf("no article and no error from standard input")
		}
		for _, a := range as {
			if a.Format != format || a.Path != "<stdin>" {
				t.Errorf("article read as %q from %q, detected %q", a.Format, a.Path, format)
			}
		}
	})
}

// FuzzReadHTML reads bytes as a web page: whatever the markup, an article
// whose text is what was extracted (with its headline and links read from
// the page) or one error, never a panic or a hang. The seeds include the
// hostile pages of TestHostilePagesEndQuickly, cut to the fuzzed size.
func FuzzReadHTML(f *testing.F) {
	addArticleSeeds(f)
	for _, p := range hostilePages() {
		f.Add([]byte(p[:min(len(p), fuzzseed.MaxInput)]))
	}
	f.Add([]byte(`<html lang="en"><head><title>T</title><script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"A"}}</script></head>` +
		`<body><article><h1>T</h1><p>By A</p><blockquote><p>Q.</p></blockquote><ol start="3"><li>One <a href="/x">link</a></li></ol><pre>x</pre></article></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		as, errs := checkParse(t, HTML, data)
		switch {
		case len(as) == 1 && len(errs) == 0:
			a := as[0]
			if a.Page == nil {
				t.Fatalf("page article without page fields")
			}
			if strings.TrimSpace(a.Page.Body) == "" {
				t.Errorf("article with an empty extracted body")
			}
			for _, l := range a.Page.Links {
				if l.Text == "" || l.URL == "" || strings.ContainsAny(l.Text, "\n\r") {
					t.Errorf("link %+v without text or target, or over lines", l)
				}
			}
		case len(as) == 0 && len(errs) == 1:
		default:
			t.Errorf("page gave %d articles and %d errors", len(as), len(errs))
		}
	})
}
