package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
)

// The streamed json report is, byte for byte, what encoding/json writes
// for the whole report at once, indented and compact, for no article, one
// and several, and whatever a string holds (a key-like text, HTML).
func TestJSONStreamMatchesWholeEncoding(t *testing.T) {
	tricky := &Article{ID: `x "articles":[] y`, Path: "a<b>.md", Format: article.Markdown, Headline: `"articles": []`,
		Metadata: Metadata{Title: "T & U", Author: "A", URL: "https://example.com/?a=1&b=2"},
		Findings: []*finding.Finding{{Rule: "r", Severity: finding.Warning, Message: "m\n\"q\""}}}
	plain := &Article{ID: "b.txt", Path: "b.txt", Format: article.Text, Unscored: "not English"}
	for _, articles := range [][]*Article{nil, {tricky}, {tricky, plain, tricky}} {
		for _, compact := range []bool{false, true} {
			r := &Report{Articles: articles, Notices: []string{"n"}, Errors: []*article.InputError{{Path: "c.md", Reason: "gone"}}}
			opts := Options{CompactJSON: compact, Version: "v9", Gate: Gate{FailRank: 1}}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if !compact {
				enc.SetIndent("", "  ")
			}
			if err := enc.Encode(jsonOf(r, opts)); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := writeJSON(&got, r, opts); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Errorf("%d articles, compact %v (-whole +streamed):\n%s", len(articles), compact, diff)
			}
		}
	}
}
