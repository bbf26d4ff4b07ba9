package checker

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"sync"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/internal/fuzzseed"
	"github.com/credcheck/credcheck/engine/report"
)

var (
	fuzzOnce    sync.Once
	fuzzChecker *Checker
	fuzzErr     error
)

// fuzzCheckerFor loads the built-in policies once for every input of a
// fuzzing run: loading costs far more than checking one article. Every
// article is taken as English so that the policies run on whatever the
// fuzzer writes, not only on text that reads as English.
func fuzzCheckerFor(t testing.TB) *Checker {
	t.Helper()
	fuzzOnce.Do(func() {
		fuzzChecker, fuzzErr = New(context.Background(), config.Config{Workers: 1, Language: "en"})
	})
	if fuzzErr != nil {
		t.Fatalf("loading the built-in policies: %v", fuzzErr)
	}
	return fuzzChecker
}

var fuzzArticleFormats = []article.Format{article.Text, article.Markdown, article.JSONLines}

// FuzzCheck runs bytes through the whole pipeline (reader, document,
// policies, suppression, scoring) and writes the report in every format.
// Nothing may panic; two runs give the same bytes in every format; JSON and
// SARIF parse as JSON and JUnit as XML; findings lie inside their article's
// text; scores and points are numbers and scores lie in 0–100.
func FuzzCheck(f *testing.F) {
	for i, s := range fuzzseed.Articles() {
		f.Add(s, uint8(i%3))
	}
	f.Add([]byte(fuzzseed.Plain), uint8(0))
	f.Add([]byte(fuzzseed.Markdown), uint8(1))
	f.Add([]byte(fuzzseed.JSONLines), uint8(2))
	f.Add([]byte(fuzzseed.MalformedJSONLines), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		// Small inputs only: policies cost milliseconds per sentence, and
		// the super-linear cases of long lines (issue 9 item 4) already
		// take seconds at 16 KB, which would stall the fuzzer on them.
		if len(data) > 4<<10 {
			t.Skip("larger than the fuzzed size")
		}
		c := fuzzCheckerFor(t)
		as, inputErrs := article.Parse("fuzz/input", fuzzArticleFormats[int(format)%len(fuzzArticleFormats)], data)
		first := checkAndWrite(t, c, as, inputErrs)
		second := checkAndWrite(t, c, as, inputErrs)
		for _, name := range report.Formats() {
			if !bytes.Equal(first[name], second[name]) {
				t.Fatalf("%s output differs between two runs on the same input", name)
			}
		}
		for _, name := range []string{"json", "sarif", "gitlab"} {
			if !json.Valid(first[name]) {
				t.Fatalf("%s output is not JSON:\n%s", name, first[name])
			}
		}
		if err := wellFormedXML(first["junit"]); err != nil {
			t.Fatalf("junit output is not XML: %v\n%s", err, first["junit"])
		}
	})
}

// checkAndWrite checks the articles, checks the invariants of the results
// and renders the report in every format.
func checkAndWrite(t *testing.T, c *Checker, as []*article.Article, inputErrs []*article.InputError) map[string][]byte {
	t.Helper()
	results, more := c.Check(context.Background(), as)
	byID := map[string]*article.Article{}
	for _, a := range as {
		byID[a.ID] = a
	}
	for _, res := range results {
		checkResult(t, c, byID[res.ID], res)
	}
	r := &report.Report{Articles: results, Errors: append(append([]*article.InputError(nil), inputErrs...), more...), Rules: c.Policies.Rules}
	under := 50.0
	opts := report.Options{Color: true, Scorecards: true, Version: "fuzz", Gate: report.Gate{FailRank: finding.Warning.Rank(), FailUnder: under}}
	// The template format runs a user's template; this one reaches every
	// finding, so that its output depends on all of the report.
	tmpl, err := report.NewTemplate("fuzz.tmpl", "{{range .articles}}{{.path}} {{.score}}\n{{range .findings}}{{.line}}:{{.column}} {{.rule}} {{json .message}}\n{{end}}{{end}}{{json .summary}}\n")
	if err != nil {
		t.Fatal(err)
	}
	opts.Template = tmpl
	out := map[string][]byte{}
	for _, name := range report.Formats() {
		var buf bytes.Buffer
		if err := report.Write(&buf, name, r, opts); err != nil {
			t.Fatalf("writing %s: %v", name, err)
		}
		out[name] = buf.Bytes()
	}
	return out
}

func checkResult(t *testing.T, c *Checker, a *article.Article, res *report.Article) {
	t.Helper()
	if a == nil {
		t.Fatalf("result for article %q that was not checked", res.ID)
	}
	doc, err := document.Build(a, c.Policies.Lexicons)
	if err != nil {
		t.Fatalf("article %q checked, but its document does not build: %v", a.ID, err)
	}
	for _, fd := range res.Findings {
		if fd.Start < 0 || fd.Start > fd.End || fd.End > len(doc.Text) {
			t.Fatalf("%s finding at [%d,%d) in a text of %d bytes", fd.Rule, fd.Start, fd.End, len(doc.Text))
		}
		if fd.Line < 1 || fd.Column < 1 || fd.EndLine < fd.Line {
			t.Fatalf("%s finding at %d:%d–%d:%d", fd.Rule, fd.Line, fd.Column, fd.EndLine, fd.EndColumn)
		}
		if fd.MarkStart < 0 || fd.MarkStart > fd.MarkEnd {
			t.Fatalf("%s finding marks %d–%d of its excerpt", fd.Rule, fd.MarkStart, fd.MarkEnd)
		}
		if math.IsNaN(fd.Points) || math.IsInf(fd.Points, 0) || math.IsNaN(fd.Strength) || math.IsInf(fd.Strength, 0) {
			t.Fatalf("%s finding has points %v, strength %v", fd.Rule, fd.Points, fd.Strength)
		}
	}
	if !res.Scored() {
		return
	}
	card := res.Scorecard
	if card.Score < 0 || card.Score > 100 || math.IsNaN(card.Deduction) || math.IsInf(card.Deduction, 0) {
		t.Fatalf("article %q scores %d after a deduction of %v", a.ID, card.Score, card.Deduction)
	}
	for _, cat := range card.Categories {
		if cat.Score < 0 || cat.Score > 100 || math.IsNaN(cat.Points) || math.IsInf(cat.Points, 0) {
			t.Fatalf("category %s scores %d from %v points", cat.Name, cat.Score, cat.Points)
		}
	}
}

func wellFormedXML(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
