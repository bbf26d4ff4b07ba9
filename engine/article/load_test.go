package article

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// writeTree creates files (path → content) under a new temporary directory
// and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// loaded is an article reduced to what the loading tests compare, with
// paths relative to the test's root.
type loaded struct {
	ID, Path string
	Line     int
	Format   Format
	Source   string
}

func summarize(root string, as []*Article) []loaded {
	out := make([]loaded, 0, len(as))
	for _, a := range as {
		out = append(out, loaded{ID: relative(root, a.ID), Path: relative(root, a.Path), Line: a.Line, Format: a.Format, Source: a.Source})
	}
	return out
}

// relative strips the test's root from a path or a JSON Lines id.
func relative(root, s string) string {
	if root == "" {
		return s
	}
	return filepath.ToSlash(strings.TrimPrefix(s, root+string(filepath.Separator)))
}

func problemsOf(root string, errs []*InputError) []InputError {
	out := make([]InputError, 0, len(errs))
	for _, e := range errs {
		out = append(out, InputError{Path: relative(root, e.Path), Line: e.Line, Reason: e.Reason})
	}
	return out
}

func TestLoadNamedFilesUseTheirExtension(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.txt":       "Plain text story.\n",
		"b.md":        "# Heading\n\nMarkdown story.\n",
		"c.jsonl":     `{"id": "c1", "text": "First record."}` + "\n",
		"d.story":     "# Not read as Markdown\n",
		"E.MARKDOWN":  "Upper-case extension.\n",
		"f.ndjson":    `{"id": 7, "text": "Seven."}`,
		"g.text":      "Another plain one.",
		"README.md":   "Named explicitly, so read.\n",
		"sub/LICENSE": "Also named explicitly.\n",
	})
	var paths []string
	for _, n := range []string{"a.txt", "b.md", "c.jsonl", "d.story", "E.MARKDOWN", "f.ndjson", "g.text", "README.md", "sub/LICENSE"} {
		paths = append(paths, filepath.Join(root, n))
	}
	as, errs := Load(paths, LoadOptions{})
	if len(errs) != 0 {
		t.Fatalf("problems: %v", errs)
	}
	want := []loaded{
		{ID: "a.txt", Path: "a.txt", Format: Text, Source: "Plain text story.\n"},
		{ID: "b.md", Path: "b.md", Format: Markdown, Source: "# Heading\n\nMarkdown story.\n"},
		{ID: "c1", Path: "c.jsonl", Line: 1, Format: JSONLines, Source: "First record."},
		{ID: "d.story", Path: "d.story", Format: Text, Source: "# Not read as Markdown\n"},
		{ID: "E.MARKDOWN", Path: "E.MARKDOWN", Format: Markdown, Source: "Upper-case extension.\n"},
		{ID: "7", Path: "f.ndjson", Line: 1, Format: JSONLines, Source: "Seven."},
		{ID: "g.text", Path: "g.text", Format: Text, Source: "Another plain one."},
		{ID: "README.md", Path: "README.md", Format: Markdown, Source: "Named explicitly, so read.\n"},
		{ID: "sub/LICENSE", Path: "sub/LICENSE", Format: Text, Source: "Also named explicitly.\n"},
	}
	if diff := cmp.Diff(want, summarize(root, as)); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
}

func TestLoadWalksDirectoriesInSortedOrder(t *testing.T) {
	root := writeTree(t, map[string]string{
		"zeta.txt":                 "Z.",
		"alpha.md":                 "A.",
		"mid/beta.markdown":        "B.",
		"mid/deeper/gamma.text":    "G.",
		"mid/notes.json":           `{"not": "an article"}`,
		"mid/page.html":            "<p>A page.</p>",
		"mid/page.xhtml":           "<p>not read</p>",
		"mid/briefs.ndjson":        `{"id":"n1","text":"N."}`,
		"wire.jsonl":               `{"id":"w1","text":"W1."}` + "\n" + `{"id":"w2","text":"W2."}`,
		".hidden.md":               "hidden file",
		".git/HEAD.md":             "hidden directory",
		"node_modules/pkg/x.md":    "dependency",
		"testdata/sample.txt":      "test data",
		"README.md":                "project file",
		"CHANGELOG.md":             "project file",
		"mid/CONTRIBUTING.md":      "project file",
		"mid/license.txt":          "project file, any case",
		"mid/Security.markdown":    "project file",
		"mid/readme-first.md":      "Not a project file name.",
		"mid/deeper/.draft/old.md": "hidden directory deeper down",
	})
	as, errs := Load([]string{root}, LoadOptions{})
	if len(errs) != 0 {
		t.Fatalf("problems: %v", errs)
	}
	var got []string
	for _, a := range summarize(root, as) {
		got = append(got, a.ID)
	}
	want := []string{
		"alpha.md",
		"mid/beta.markdown",
		"n1",
		"mid/deeper/gamma.text",
		"mid/page.html",
		"mid/readme-first.md",
		"w1", "w2",
		"zeta.txt",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
}

func TestLoadReadsAHiddenDirectoryNamedExplicitly(t *testing.T) {
	root := writeTree(t, map[string]string{".drafts/one.md": "One.", ".drafts/.two.md": "Two."})
	as, errs := Load([]string{filepath.Join(root, ".drafts")}, LoadOptions{})
	if len(errs) != 0 {
		t.Fatalf("problems: %v", errs)
	}
	if diff := cmp.Diff([]loaded{{ID: ".drafts/one.md", Path: ".drafts/one.md", Format: Markdown, Source: "One."}}, summarize(root, as)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLoadSkipAppliesOnlyWhileWalking(t *testing.T) {
	root := writeTree(t, map[string]string{
		"keep.md":         "Keep.",
		"drop.md":         "Drop.",
		"archive/old.md":  "Old.",
		"archive/also.md": "Also old.",
	})
	var asked []string
	skip := func(p string) bool {
		rel, _ := filepath.Rel(root, p)
		asked = append(asked, filepath.ToSlash(rel))
		return rel == "drop.md" || rel == "archive"
	}
	as, errs := Load([]string{root, filepath.Join(root, "drop.md")}, LoadOptions{Skip: skip})
	if len(errs) != 0 {
		t.Fatalf("problems: %v", errs)
	}
	var got []string
	for _, a := range summarize(root, as) {
		got = append(got, a.ID)
	}
	if diff := cmp.Diff([]string{"keep.md", "drop.md"}, got); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	// A skipped directory is not entered, and the root itself is not asked about.
	if diff := cmp.Diff([]string{"archive", "drop.md", "keep.md"}, asked); diff != "" {
		t.Errorf("paths given to Skip (-want +got):\n%s", diff)
	}
}

func TestLoadReadsAFileOnceWhenNamedTwice(t *testing.T) {
	root := writeTree(t, map[string]string{"a.md": "A.", "b.md": "B."})
	a := filepath.Join(root, "a.md")
	as, errs := Load([]string{a, root, filepath.Join(root, ".", "a.md"), a}, LoadOptions{})
	if len(errs) != 0 {
		t.Fatalf("problems: %v", errs)
	}
	var got []string
	for _, x := range summarize(root, as) {
		got = append(got, x.ID)
	}
	if diff := cmp.Diff([]string{"a.md", "b.md"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLoadReportsBadInputsBesideGoodOnes(t *testing.T) {
	root := writeTree(t, map[string]string{
		"good.txt":          "A fine story.",
		"binary.txt":        "GIF89a\x00\x01\x02 header",
		"controls.txt":      strings.Repeat("\x01\x02\x03 ", 10),
		"latin1.txt":        "Caf\xe9 prices rose.",
		"late-bad.md":       "Fine start. " + strings.Repeat("x", 10) + "\xc3(",
		"empty.txt":         "",
		"blank.txt":         " \n\t\n  \r\n",
		"bom-only.txt":      "\ufeff\n",
		"empty.md":          "",
		"blank.md":          "\ufeff \n\n",
		"front-only.md":     "---\ntitle: Only a title\n---\n\n  \n",
		"unclosed.md":       "---\ntitle: Never closed\n\nText follows.\n",
		"broken-yaml.md":    "---\ntitle: Fine\nauthor Jane Roe\n---\nText.\n",
		"wrong-type.md":     "---\ntitle: Fine\nauthor: [Jane, Roe]\n---\nText.\n",
		"nothing/notes.doc": "not an article",
	})
	names := []string{
		"good.txt", "missing.txt", "binary.txt", "controls.txt", "latin1.txt", "late-bad.md", "empty.txt",
		"blank.txt", "bom-only.txt", "empty.md", "blank.md", "front-only.md", "unclosed.md", "broken-yaml.md",
		"wrong-type.md", "nothing",
	}
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join(root, n))
	}
	as, errs := Load(paths, LoadOptions{})
	if diff := cmp.Diff([]loaded{{ID: "good.txt", Path: "good.txt", Format: Text, Source: "A fine story."}}, summarize(root, as)); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	want := []InputError{
		{Path: "missing.txt", Reason: "no such file or directory"},
		{Path: "binary.txt", Reason: "binary data, not text"},
		{Path: "controls.txt", Reason: "binary data, not text"},
		{Path: "latin1.txt", Reason: "invalid UTF-8 at byte 3"},
		{Path: "late-bad.md", Reason: "invalid UTF-8 at byte 22"},
		{Path: "empty.txt", Reason: "empty article"},
		{Path: "blank.txt", Reason: "empty article"},
		{Path: "bom-only.txt", Reason: "empty article"},
		{Path: "empty.md", Reason: "empty article"},
		{Path: "blank.md", Reason: "empty article"},
		{Path: "front-only.md", Reason: "empty article: no text after the front matter"},
		{Path: "unclosed.md", Line: 1, Reason: "front matter opened with --- is never closed"},
		{Path: "broken-yaml.md", Line: 3, Reason: "front matter: could not find expected ':'"},
		{Path: "wrong-type.md", Line: 3, Reason: `front matter: "author" must be text, not a list`},
		{Path: "nothing", Reason: "no articles in directory (looked for .htm, .htm.gz, .html, .html.gz, .jsonl, .markdown, .md, .ndjson, .text, .txt)"},
	}
	if diff := cmp.Diff(want, problemsOf(root, errs)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestInputErrorMessage(t *testing.T) {
	tests := []struct {
		err  InputError
		want string
	}{
		{InputError{Path: "news/a.md", Reason: "empty article"}, "news/a.md: empty article"},
		{InputError{Path: "wire.jsonl", Line: 4, Reason: "invalid JSON: x"}, "wire.jsonl:4: invalid JSON: x"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestExtensionsAreSorted(t *testing.T) {
	want := []string{".htm", ".htm.gz", ".html", ".html.gz", ".jsonl", ".markdown", ".md", ".ndjson", ".text", ".txt"}
	if diff := cmp.Diff(want, Extensions()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLoadStandardInput(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opts  LoadOptions
		want  []loaded
		errs  []InputError
	}{
		{
			name:  "plain text",
			input: "Council votes on Tuesday.\nMore text.",
			want:  []loaded{{ID: "-", Path: "-", Format: Text, Source: "Council votes on Tuesday.\nMore text."}},
		},
		{
			name:  "markdown by heading",
			input: "# Title\n\nBody.",
			want:  []loaded{{ID: "-", Path: "-", Format: Markdown, Source: "# Title\n\nBody."}},
		},
		{
			name:  "markdown by front matter",
			input: "---\ntitle: T\n---\nBody.",
			want:  []loaded{{ID: "-", Path: "-", Format: Markdown, Source: "---\ntitle: T\n---\nBody."}},
		},
		{
			name:  "json lines",
			input: "\n" + `{"id":"x","text":"One."}` + "\n" + `{"text":"Two."}`,
			want: []loaded{
				{ID: "x", Path: "-", Line: 2, Format: JSONLines, Source: "One."},
				{ID: "-:3", Path: "-", Line: 3, Format: JSONLines, Source: "Two."},
			},
		},
		{
			name:  "format given, name given",
			input: "# Not a heading in plain text",
			opts:  LoadOptions{StdinFormat: Text, StdinName: "<paste>"},
			want:  []loaded{{ID: "<paste>", Path: "<paste>", Format: Text, Source: "# Not a heading in plain text"}},
		},
		{
			name:  "empty",
			input: "",
			errs:  []InputError{{Path: "-", Reason: "empty article"}},
		},
		{
			name:  "binary",
			input: "\x00\x01",
			errs:  []InputError{{Path: "-", Reason: "binary data, not text"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.Stdin = strings.NewReader(tt.input)
			as, errs := Load([]string{"-"}, opts)
			if diff := cmp.Diff(tt.want, summarize("", as), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("articles (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, problemsOf("", errs), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadStandardInputProblems(t *testing.T) {
	_, errs := Load([]string{"-"}, LoadOptions{})
	if diff := cmp.Diff([]InputError{{Path: "-", Reason: "standard input is not available"}}, problemsOf("", errs)); diff != "" {
		t.Errorf("no reader (-want +got):\n%s", diff)
	}
	_, errs = Load([]string{"-"}, LoadOptions{Stdin: iotest.ErrReader(errors.New("pipe closed")), StdinName: "stdin"})
	if diff := cmp.Diff([]InputError{{Path: "stdin", Reason: "reading standard input: pipe closed"}}, problemsOf("", errs)); diff != "" {
		t.Errorf("failing reader (-want +got):\n%s", diff)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{`{"id":1,"text":"x"}`, JSONLines},
		{"\n\n  " + `{"text":"x"}` + "\n" + `{"text":"y"}`, JSONLines},
		{"\ufeff" + `{"text":"x"}`, JSONLines},
		{`{"text": "unterminated`, Text},
		{"{braces} in prose", Text},
		{"---\ntitle: x\n---\n", Markdown},
		{"\n# Heading\n", Markdown},
		{"#hashtag prose", Text},
		{"Plain words.", Text},
		{"", Text},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.in)); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStdinIsBoundedButJSONLinesGoOn(t *testing.T) {
	// Text on standard input is cut one byte past the limit.
	_, errs := Load([]string{Stdin}, LoadOptions{Stdin: strings.NewReader(strings.Repeat("word ", 100)), MaxBytes: 100})
	if len(errs) != 1 || errs[0].Error() != "-: more than the limit of 100 bytes (--max-bytes raises it)" {
		t.Errorf("long text: %v", errs)
	}
	// A caller that knows the size (an object read from a store) gets it
	// in the reason, as a file's is given.
	_, errs = Load([]string{Stdin}, LoadOptions{Stdin: strings.NewReader(strings.Repeat("word ", 100)), MaxBytes: 100,
		StdinName: "gs://desk/a.txt", StdinSize: 500})
	if len(errs) != 1 || errs[0].Error() != "gs://desk/a.txt: 500 bytes, more than the limit of 100 bytes (--max-bytes raises it)" {
		t.Errorf("long text of known size: %v", errs)
	}
	// JSON Lines are bounded record by record: many short records pass a
	// limit their total is far over, and only the long one is refused.
	var feed strings.Builder
	for i := range 20 {
		fmt.Fprintf(&feed, "{\"id\":\"r%d\",\"text\":\"The council met on Tuesday.\"}\n", i)
	}
	feed.WriteString(`{"id":"long","text":"` + strings.Repeat("x", 200) + `"}` + "\n")
	as, errs := Load([]string{Stdin}, LoadOptions{Stdin: strings.NewReader(feed.String()), MaxBytes: 100})
	if len(as) != 20 || len(errs) != 1 || errs[0].Error() != "-:21: record of more than 100 bytes, the limit for one article (--max-bytes raises it)" {
		t.Errorf("feed: %d articles, problems %v", len(as), errs)
	}
}
