package article

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseTOMLAndJSONFrontMatter(t *testing.T) {
	tests := []struct {
		name  string
		block string
		want  FrontMatter
	}{
		{
			name:  "Hugo TOML with an unquoted offset date-time and keys it does not know",
			block: "+++\ntitle = \"Ferry Fares Rise\"\ndate = 2026-05-01T07:00:00Z\nauthor = \"Jane Roe\"\ndraft = false\ntags = [\"ferry\"]\n\n[params]\noutlet = \"not top level\"\n+++\n",
			want:  FrontMatter{Title: "Ferry Fares Rise", Author: "Jane Roe", Date: "2026-05-01T07:00:00Z"},
		},
		{
			name:  "TOML local date and quoted fields",
			block: "+++\r\nTitle = 'Tolls: Up'\r\ndate = 2026-05-01\r\noutlet = \"Coast Daily\"\r\nurl = \"https://example.org/t\"\r\nstory = \"tolls\"\r\n+++  \r\n",
			want:  FrontMatter{Title: "Tolls: Up", Date: "2026-05-01", Outlet: "Coast Daily", URL: "https://example.org/t", Story: "tolls"},
		},
		{
			name:  "TOML local date-time",
			block: "+++\ndate = 2026-05-01T07:30:00\n+++\n",
			want:  FrontMatter{Date: "2026-05-01T07:30:00"},
		},
		{
			name:  "TOML page table with snake_case keys, as YAML and JSON spell them",
			block: "+++\ntitle = \"T\"\n[page]\nbyline = \"Jane Roe\"\ndeclared_authors = [\"Jane Roe\", \"Desk\"]\nfrom = \"html\"\n[[page.links]]\ntext = \"filing\"\nurl = \"https://example.gov/f\"\n+++\n",
			want:  FrontMatter{Title: "T", Page: &Evidence{Byline: "Jane Roe", DeclaredAuthors: []string{"Jane Roe", "Desk"}, Links: []Link{{Text: "filing", URL: "https://example.gov/f"}}}},
		},
		{
			name:  "JSON page object",
			block: "{\"title\": \"T\", \"page\": {\"declared_authors\": [\"Jane Roe\"], \"sponsored\": true}}\n",
			want:  FrontMatter{Title: "T", Page: &Evidence{DeclaredAuthors: []string{"Jane Roe"}, Sponsored: true}},
		},
		{
			name:  "JSON object over several lines",
			block: "{\n  \"title\": \"Ferry Fares Rise\",\n  \"author\": \"Jane Roe\",\n  \"date\": \"2026-05-01\",\n  \"tags\": [\"ferry\"]\n}\n",
			want:  FrontMatter{Title: "Ferry Fares Rise", Author: "Jane Roe", Date: "2026-05-01"},
		},
		{
			name:  "JSON object on one line, after a byte-order mark",
			block: "\ufeff{\"title\": \"T\", \"end\": 3}  \n",
			want:  FrontMatter{Title: "T"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFrontMatter(tt.block + "\nFares rose.\n")
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

func TestTOMLAndJSONFrontMatterErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want FrontMatterError
	}{
		{"TOML never closed", "+++\ntitle = \"T\"\n\nBody.\n", FrontMatterError{Line: 1, Reason: "front matter opened with +++ is never closed"}},
		{"TOML bare word", "+++\ntitle = \"T\"\nauthor = Jane\n+++\nBody.", FrontMatterError{Line: 3, Reason: `front matter: expected value but found "Jane" instead`}},
		{"TOML key twice", "+++\ntitle = \"T\"\n\ntitle = \"U\"\n+++\nBody.", FrontMatterError{Line: 4, Reason: "front matter: Key 'title' has already been defined."}},
		{"TOML list where text belongs", "+++\ntitle = \"T\"\nauthor = [\"A\", \"B\"]\n+++\nBody.", FrontMatterError{Line: 3, Reason: `front matter: "author" must be text, not a list`}},
		{"TOML text where true or false belongs", "+++\ntitle = \"T\"\n[page]\nsponsored = \"maybe\"\n+++\nBody.", FrontMatterError{Line: 4, Reason: `front matter: "page.sponsored" must be true or false, not text`}},
		{"YAML text where the page block belongs", "---\ntitle: T\npage: yes\n---\nBody.", FrontMatterError{Line: 3, Reason: `front matter: "page" must be a mapping, not "yes"`}},
		{"YAML word where true or false belongs", "---\npage:\n  sponsored: maybe\n---\nBody.", FrontMatterError{Line: 3, Reason: `front matter: "page.sponsored" must be true or false, not "maybe"`}},
		{"YAML flow mapping with two keys on the line", "---\npage: {sponsored: maybe, corrections: maybe}\n---\nBody.", FrontMatterError{Line: 2, Reason: `front matter: must be true or false, not "maybe"`}},
		{"YAML list where text belongs", "---\ntitle: [a, b]\n---\nBody.", FrontMatterError{Line: 2, Reason: `front matter: "title" must be text, not a list`}},
		{"JSON text where true or false belongs", "{\"page\": {\"sponsored\": \"maybe\"}}\nBody.", FrontMatterError{Line: 1, Reason: `front matter: "page.sponsored" must be true or false, not a JSON string`}},
		{"TOML date that is a number", "+++\ntitle = \"T\"\ndate = 2026\n+++\nBody.", FrontMatterError{Line: 3, Reason: `front matter: "date" must be text or a date, not int64`}},
		{"JSON never closed", "{\n  \"title\": \"T\",\n", FrontMatterError{Line: 1, Reason: "front matter opened with { is never closed"}},
		{"JSON left open before the body", "{\n  \"title\": \"T\",\n\nBody.\n", FrontMatterError{Line: 4, Reason: "front matter: invalid character 'B' looking for beginning of object key string"}},
		{"JSON missing colon", "{\n  \"title\": \"T\",\n  \"author\" \"Jane\"\n}\nBody.", FrontMatterError{Line: 3, Reason: `front matter: invalid character '"' after object key`}},
		{"JSON number where text belongs", "{\n  \"title\": \"T\",\n  \"author\": 5\n}\nBody.", FrontMatterError{Line: 3, Reason: `front matter: "author" must be text, not a JSON number`}},
		{"JSON text after the object", "{\"title\": \"T\"} Fares rose.\n", FrontMatterError{Line: 1, Reason: "front matter: text after the closing } of the JSON object"}},
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
			if fm != (FrontMatter{}) {
				t.Errorf("front matter returned with an error: %+v", fm)
			}
		})
	}
}

func TestTextThatOnlyLooksLikeFrontMatter(t *testing.T) {
	for _, src := range []string{
		"++++\ntitle = \"T\"\n++++\nBody.",
		"[1] Body first.\n",
		"Body first.\n+++\ntitle = \"T\"\n+++\n",
	} {
		fm, err := ParseFrontMatter(src)
		if err != nil || fm != (FrontMatter{}) {
			t.Errorf("%q: front matter %+v, error %+v; want none", src, fm, err)
		}
	}
}
