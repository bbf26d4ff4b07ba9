package article

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseJSONLines(t *testing.T) {
	lines := []string{
		`{"id": "brief-1", "title": "Dock strike ends", "author": "A. Writer", "date": "2026-02-01", "outlet": "Harbour Post", "url": "https://example.org/1", "text": "Dockers went back to work."}`,
		`{"id": 42, "text": "A numeric id."}`,
		``,
		`   `,
		`{"text": "No id at all."}`,
		`{"id": null, "text": "A null id."}`,
		`{"id": "", "text": "An empty id."}`,
		`{"id": "brief-1", "text": "Same id again."}`,
		`{"id": "no-text"}`,
		`{"id": "blank-text", "text": "  \n "}`,
		`{"id": "broken", "text": "unterminated}`,
		`{"id": "bad-` + "\xff" + `-bytes", "text": "Invalid UTF-8 in this record."}`,
		`{"id": true, "text": "A boolean id."}`,
		`{"id": 4.50, "text": "A decimal id is kept as written."}`,
		`{"id": "crlf", "text": "Windows line end."}` + "\r",
		`{"id": "last", "text": "Unicode \u201cquotes\u201d and caf\u00e9."}`,
	}
	as, errs := Parse("wire.jsonl", JSONLines, []byte(strings.Join(lines, "\n")))
	want := []loaded{
		{ID: "brief-1", Path: "wire.jsonl", Line: 1, Format: JSONLines, Source: "Dockers went back to work."},
		{ID: "42", Path: "wire.jsonl", Line: 2, Format: JSONLines, Source: "A numeric id."},
		{ID: "wire.jsonl:5", Path: "wire.jsonl", Line: 5, Format: JSONLines, Source: "No id at all."},
		{ID: "wire.jsonl:6", Path: "wire.jsonl", Line: 6, Format: JSONLines, Source: "A null id."},
		{ID: "wire.jsonl:7", Path: "wire.jsonl", Line: 7, Format: JSONLines, Source: "An empty id."},
		{ID: "4.50", Path: "wire.jsonl", Line: 14, Format: JSONLines, Source: "A decimal id is kept as written."},
		{ID: "crlf", Path: "wire.jsonl", Line: 15, Format: JSONLines, Source: "Windows line end."},
		{ID: "last", Path: "wire.jsonl", Line: 16, Format: JSONLines, Source: "Unicode “quotes” and café."},
	}
	if diff := cmp.Diff(want, summarize("", as)); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	wantErrs := []InputError{
		{Path: "wire.jsonl", Line: 8, Reason: `duplicate id "brief-1" (first on line 1)`},
		{Path: "wire.jsonl", Line: 9, Reason: `record has no "text" field`},
		{Path: "wire.jsonl", Line: 10, Reason: `empty article "blank-text"`},
		{Path: "wire.jsonl", Line: 11, Reason: "invalid JSON: unexpected end of JSON input"},
		{Path: "wire.jsonl", Line: 12, Reason: "invalid UTF-8 at byte 12"}, // counted within the line,
		{Path: "wire.jsonl", Line: 13, Reason: `"id" must be a string or a number`},
	}
	if diff := cmp.Diff(wantErrs, problemsOf("", errs)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// Metadata comes from the record's fields.
	first := as[0]
	gotMeta := []string{first.Title, first.Author, first.Date, first.Outlet, first.URL}
	wantMeta := []string{"Dock strike ends", "A. Writer", "2026-02-01", "Harbour Post", "https://example.org/1"}
	if diff := cmp.Diff(wantMeta, gotMeta); diff != "" {
		t.Errorf("metadata (-want +got):\n%s", diff)
	}
}

func TestParseJSONLinesWholeFileProblems(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []InputError
	}{
		{"empty file", "", []InputError{{Path: "w.jsonl", Reason: "empty file: no JSON Lines records"}}},
		{"only blank lines", "\n  \n\t\n", []InputError{{Path: "w.jsonl", Reason: "empty file: no JSON Lines records"}}},
		{"binary", `{"text":"x"}` + "\x00\x00", []InputError{{Path: "w.jsonl", Reason: "binary data, not text"}}},
		{"every line bad", "nope\n[1,2]", []InputError{
			{Path: "w.jsonl", Line: 1, Reason: "invalid JSON: invalid character 'o' in literal null (expecting 'u')"},
			{Path: "w.jsonl", Line: 2, Reason: `a record must be a JSON object with "id" and "text", not a JSON array`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, errs := Parse("w.jsonl", JSONLines, []byte(tt.data))
			if len(as) != 0 {
				t.Errorf("got %d articles, want none", len(as))
			}
			if diff := cmp.Diff(tt.want, problemsOf("", errs)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseJSONLinesIgnoresAByteOrderMark(t *testing.T) {
	as, errs := Parse("w.jsonl", JSONLines, []byte("\ufeff"+`{"id":"a","text":"First."}`+"\n"+`{"id":"b","text":"Second."}`))
	if len(errs) != 0 {
		t.Fatalf("problems: %v", errs)
	}
	want := []loaded{
		{ID: "a", Path: "w.jsonl", Line: 1, Format: JSONLines, Source: "First."},
		{ID: "b", Path: "w.jsonl", Line: 2, Format: JSONLines, Source: "Second."},
	}
	if diff := cmp.Diff(want, summarize("", as)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseKeepsSourceExactly(t *testing.T) {
	for _, src := range []string{
		"\ufeffText with a byte-order mark.\r\n",
		"Tabs\tand  spaces \n\n\n",
		"---\ntitle: T\n---\nBody\n",
	} {
		format := Text
		if strings.HasPrefix(src, "---") {
			format = Markdown
		}
		as, errs := Parse("a", format, []byte(src))
		if len(errs) != 0 || len(as) != 1 {
			t.Fatalf("Parse(%q): %d articles, problems %v", src, len(as), errs)
		}
		if as[0].Source != src {
			t.Errorf("Source = %q, want %q", as[0].Source, src)
		}
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name        string
		block, body string // the article is block+body; End must be len(block)
		want        FrontMatter
	}{
		{
			name:  "all fields",
			block: "---\ntitle: Port Reopens\nauthor: Jane Roe\ndate: 2026-03-04\noutlet: Harbour Post\nurl: https://example.org/port\n---\n",
			body:  "\nBody.\n",
			want:  FrontMatter{Title: "Port Reopens", Author: "Jane Roe", Date: "2026-03-04", Outlet: "Harbour Post", URL: "https://example.org/port"},
		},
		{
			name:  "quoted values",
			block: "---\ntitle: \"Port: Reopened\"\nauthor: 'O''Brien'\n---\n",
			body:  "Body.",
			want:  FrontMatter{Title: "Port: Reopened", Author: "O'Brien"},
		},
		{
			name:  "numbers read as text, unknown keys ignored",
			block: "---\ntitle: 1984\ntags: [a, b]\ndraft: true\n---\n",
			body:  "Body.",
			want:  FrontMatter{Title: "1984"},
		},
		{
			name:  "closed with dots, CRLF and trailing spaces",
			block: "---  \r\ntitle: T\r\n...\t\r\n",
			body:  "Body.",
			want:  FrontMatter{Title: "T"},
		},
		{
			name:  "byte-order mark first",
			block: "\ufeff---\ntitle: T\n---\n",
			body:  "Body.",
			want:  FrontMatter{Title: "T"},
		},
		{
			name:  "empty block",
			block: "---\n---\n",
			body:  "Body.",
			want:  FrontMatter{},
		},
		{
			name:  "closing delimiter at the end of the file",
			block: "---\ntitle: T\n---",
			want:  FrontMatter{Title: "T"},
		},
		{
			name: "no front matter",
			body: "Body first.\n---\ntitle: not front matter\n---\n",
		},
		{
			name: "dashes that are not a delimiter",
			body: "----\ntitle: T\n----\nBody.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFrontMatter(tt.block + tt.body)
			if err != nil {
				t.Fatalf("error: %+v", err)
			}
			want := tt.want
			want.End = len(tt.block)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseFrontMatterErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want FrontMatterError
	}{
		{
			name: "never closed",
			src:  "---\ntitle: T\n\nBody.\n",
			want: FrontMatterError{Line: 1, Reason: "front matter opened with --- is never closed"},
		},
		{
			name: "opened at the very end",
			src:  "---\n",
			want: FrontMatterError{Line: 1, Reason: "front matter opened with --- is never closed"},
		},
		{
			name: "missing colon on the third line of the file",
			src:  "---\ntitle: T\nauthor Jane\n---\nBody.",
			want: FrontMatterError{Line: 3, Reason: "front matter: could not find expected ':'"},
		},
		{
			name: "tab indentation on the third line",
			src:  "---\ntitle: T\n\turl: x\n---\nBody.",
			want: FrontMatterError{Line: 3, Reason: "front matter: found a tab character that violates indentation"},
		},
		{
			name: "character that cannot start a value",
			src:  "---\ntitle: T\nurl: @home\n---\nBody.",
			want: FrontMatterError{Line: 3, Reason: "front matter: found character that cannot start any token"},
		},
		{
			name: "a list where text belongs",
			src:  "---\ntitle: T\ndate: 2026\nauthor: [A, B]\n---\nBody.",
			want: FrontMatterError{Line: 4, Reason: `front matter: "author" must be text, not a list`},
		},
		{
			name: "a key given twice",
			src:  "---\ntitle: T\ntitle: U\n---\nBody.",
			want: FrontMatterError{Line: 3, Reason: `front matter: mapping key "title" already defined at line 1`},
		},
		{
			name: "not a mapping",
			src:  "---\njust words\n---\nBody.",
			want: FrontMatterError{Line: 2, Reason: `front matter: must be a mapping, not "just words"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, err := ParseFrontMatter(tt.src)
			if err == nil {
				t.Fatalf("no error; front matter %+v", fm)
			}
			if diff := cmp.Diff(tt.want, *err); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(FrontMatter{}, fm); diff != "" {
				t.Errorf("front matter returned with an error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseMarkdownAppliesFrontMatter(t *testing.T) {
	src := "---\ntitle: \"Ferry Fares Rise\"\nauthor: Jane Roe\ndate: \"2026-05-01\"\noutlet: Coast Daily\nurl: https://example.org/ferry\n---\n\nFares rose on Monday.\n"
	as, errs := Parse("ferry.md", Markdown, []byte(src))
	if len(errs) != 0 {
		t.Fatalf("problems: %v", errs)
	}
	want := &Article{
		ID: "ferry.md", Path: "ferry.md", Format: Markdown, Source: src,
		Title: "Ferry Fares Rise", Author: "Jane Roe", Date: "2026-05-01", Outlet: "Coast Daily", URL: "https://example.org/ferry",
	}
	if diff := cmp.Diff([]*Article{want}, as); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Plain text never reads front matter.
	as, errs = Parse("ferry.txt", Text, []byte(src))
	if len(errs) != 0 || len(as) != 1 {
		t.Fatalf("text: %d articles, problems %v", len(as), errs)
	}
	if diff := cmp.Diff(Article{ID: "ferry.txt", Path: "ferry.txt", Format: Text, Source: src}, *as[0], cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

func TestParseJSONLinesExplainsFieldsNotGoTypes(t *testing.T) {
	_, errs := Parse("f.jsonl", JSONLines, []byte("{\"id\": \"a\", \"text\": 5}\n{\"id\": \"a\"}\n{\"id\": \"a\", \"text\": \"The council met.\"}\n"))
	want := []*InputError{
		{Path: "f.jsonl", Line: 1, Reason: `"text" must be text, not a JSON number`},
		{Path: "f.jsonl", Line: 2, Reason: `record has no "text" field`},
	}
	if diff := cmp.Diff(want, errs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
