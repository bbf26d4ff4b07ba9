package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/policy"
)

func init() { register("html", writeHTML) }

// The page's template, style and script are files of their own, embedded,
// so that the report needs nothing from the network and the web
// scorecard of credcheck serve renders the very same page.
//
//go:embed html/page.html.tmpl html/style.css html/script.js
var htmlFiles embed.FS

var (
	// htmlTemplate is parsed when first used, not when every command of
	// the binary starts.
	htmlTemplate = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("page.html.tmpl").Funcs(template.FuncMap{
			"plural": plural,
			"inc":    func(i int) int { return i + 1 },
			"join":   func(xs []string) string { return orNone(xs) },
			"num":    num,
			"abs":    func(x float64) string { return num(math.Abs(x)) },
		}).ParseFS(htmlFiles, "html/page.html.tmpl"))
	})
	htmlStyle  = mustRead("html/style.css")
	htmlScript = mustRead("html/script.js")
	// HTMLPolicy is the page's Content-Security-Policy: its own script
	// (by hash) and style, no other script, nothing fetched. Hostile
	// article text that slipped past escaping still could not run.
	HTMLPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + hash(htmlScript) +
		"'; img-src data:; form-action 'self'; base-uri 'none'"
)

func mustRead(name string) string {
	b, err := htmlFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// HTMLForm is the form credcheck serve puts above a report on its web
// scorecard; the html format has none.
type HTMLForm struct {
	// Action is where the form posts.
	Action string
	// Token asks for the bearer token in the form, when the server has one.
	Token bool
	// Text, Title, Outlet and URL give back what the user sent.
	Text, Title, Outlet, URL string
	Story                    bool
	// URLs is false when the server refuses articles named by URL
	// (--offline), and the form then has no URL field.
	URLs bool
	// MaxBody is the server's body limit, in bytes, told to the user.
	MaxBody int64
	// Error is why the last submission was not checked.
	Error string
}

// HTMLPage is what WriteHTMLPage renders: a report, a form, or both.
type HTMLPage struct {
	Form   *HTMLForm
	Report *Report
}

// writeHTML renders the report as one self-contained page: each article's
// text with its findings marked, the scorecard, and what each finding
// means and how to switch it off.
func writeHTML(w io.Writer, r *Report, opts Options) error {
	return WriteHTMLPage(w, HTMLPage{Report: r}, opts)
}

// WriteHTMLPage renders a page of the web scorecard: the html format's
// report, below a form when p has one. Everything is escaped by
// html/template; the only markup is the template's.
func WriteHTMLPage(w io.Writer, p HTMLPage, opts Options) error {
	v := htmlView{Form: p.Form, Style: template.CSS(htmlStyle), Script: template.JS(htmlScript), Policy: HTMLPolicy, Version: opts.Version}
	if p.Report != nil {
		rv, err := newReportView(p.Report, opts)
		if err != nil {
			return err
		}
		v.Report = rv
	}
	var buf bytes.Buffer
	if err := htmlTemplate().Execute(&buf, v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type htmlView struct {
	Form    *HTMLForm
	Report  *reportView
	Style   template.CSS
	Script  template.JS
	Policy  string
	Version string
}

type reportView struct {
	Failed   bool
	Summary  Summary
	Articles []*articleView
	Stories  *storiesView
	Errors   []string
	Notices  []string
}

func newReportView(r *Report, opts Options) (*reportView, error) {
	rules := map[string]*policy.Rule{}
	for _, rule := range r.Rules {
		rules[rule.ID] = rule
	}
	v := &reportView{Failed: opts.Gate.ExitCode(r) != ExitClean, Summary: r.Summarize(), Notices: r.Notices}
	for i, a := range r.Articles {
		v.Articles = append(v.Articles, newArticleView(fmt.Sprintf("a%d", i+1), a, rules, opts.Gate))
	}
	for _, e := range r.Errors {
		v.Errors = append(v.Errors, e.Error())
	}
	if r.Stories != nil {
		s, err := newStoriesView(r.Stories)
		if err != nil {
			return nil, err
		}
		v.Stories = s
	}
	return v, nil
}

type articleView struct {
	ID, Location, Headline string
	Metadata               Metadata
	Words                  int
	Scored                 bool
	Unscored               string
	Fails                  bool
	Score                  int
	Grade                  string
	Base, Deduction        float64
	Categories             []categoryView
	Segments               []segmentView
	Problems, Credits      []*findingView
	Stale                  []string
	Notices                []string
	// Markdown says whether inline suppression comments work in the
	// article: they are HTML comments, read in Markdown only.
	Markdown bool
}

type categoryView struct {
	Name, Class     string
	Score, Findings int
	Deduction       float64
	Credit          bool
}

type findingView struct {
	ID, Anchor   string
	N            int
	Rule         string
	Category     string
	Class        string
	Severity     string
	Letter       string
	Message, Cue string
	Line, Column int
	Points       float64
	Credit       bool
	Suppressed   string
	Title, Why   string
	Description  string
	References   []referenceView
	Inline       string
	Baseline     string
	Excerpt      string
}

func newArticleView(id string, a *Article, rules map[string]*policy.Rule, gate Gate) *articleView {
	v := &articleView{ID: id, Location: a.Location(), Headline: a.Headline, Metadata: a.Metadata, Words: a.Words,
		Scored: a.Scored(), Unscored: a.Unscored, Score: a.Scorecard.Score, Grade: a.Scorecard.Grade,
		Base: a.Scorecard.Base, Deduction: a.Scorecard.Deduction, Notices: a.Notices,
		Markdown: a.Format == article.Markdown, Fails: gate.FailsScore(a)}
	for _, c := range a.Scorecard.Categories {
		v.Categories = append(v.Categories, categoryView{Name: c.Name, Class: categoryClass(c.Name), Score: c.Score,
			Findings: c.Findings, Deduction: c.Deduction, Credit: c.Name == finding.CreditCategory})
	}
	views := make([]*findingView, len(a.Findings))
	for i, f := range a.Findings {
		fv := newFindingView(fmt.Sprintf("%s-f%d", id, i+1), i+1, a, f, rules[f.Rule])
		if !fv.Credit && gate.Fails(a, f) {
			v.Fails = true
		}
		views[i] = fv
		if fv.Credit {
			v.Credits = append(v.Credits, fv)
		} else {
			v.Problems = append(v.Problems, fv)
		}
	}
	for _, s := range a.Stale {
		v.Stale = append(v.Stale, fmt.Sprintf("line %d: %s: %s", s.Line, s.Text, s.Reason))
	}
	v.Segments = segmentText(a.Text, a.Findings, views)
	return v
}

func newFindingView(id string, n int, a *Article, f *finding.Finding, rule *policy.Rule) *findingView {
	v := &findingView{ID: id, Anchor: strings.Replace(id, "-f", "-m", 1), N: n, Rule: f.Rule, Category: f.Category,
		Class: categoryClass(f.Category), Severity: string(f.Severity), Letter: severityLetter(f), Message: f.Message, Cue: f.Cue,
		Line: f.Line, Column: f.Column, Points: f.Points, Credit: f.Credit(), Excerpt: f.Excerpt}
	if f.Suppressed != nil {
		v.Suppressed = f.Suppressed.Kind
		if f.Suppressed.Reason != "" {
			v.Suppressed += ": " + f.Suppressed.Reason
		}
	}
	if rule != nil {
		// The description is wrapped for the Rego file it was written
		// in; the page wraps it to its own width.
		v.Title, v.Why, v.Description = rule.Title, rule.Why, strings.Join(strings.Fields(rule.Description), " ")
		for _, ref := range rule.References {
			v.References = append(v.References, newReference(ref))
		}
	}
	if a.Format == article.Markdown {
		v.Inline = fmt.Sprintf("<!-- credcheck-disable-next-line %s -- REASON -->", f.Rule)
	}
	entry, _ := json.Marshal(struct {
		Article     string `json:"article"`
		Rule        string `json:"rule"`
		Fingerprint string `json:"fingerprint"`
		Line        int    `json:"line"`
		Excerpt     string `json:"excerpt"`
	}{a.Location(), f.Rule, f.Fingerprint, f.Line, f.Excerpt})
	v.Baseline = string(entry)
	return v
}

// severityLetter is the letter a finding's badge carries, so that
// severity shows without colour: E, W, I, or + for a credit.
func severityLetter(f *finding.Finding) string {
	if f.Credit() {
		return "+"
	}
	switch f.Severity {
	case finding.Error:
		return "E"
	case finding.Warning:
		return "W"
	}
	return "I"
}

// categoryClass is the CSS class of a category's colour; a category the
// stylesheet does not know (none, today) gets a neutral one.
func categoryClass(c string) string {
	if finding.KnownCategory(c) {
		return "cat-" + c
	}
	return "cat-other"
}

// num prints a number of points as people write it: at most two
// decimals, no trailing zeros.
func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, "; ")
}

// referenceView is a rule's reference: a link when its address is one a
// reader can follow (http, https, mailto), else its text alone, since a
// user policy's metadata may hold anything.
type referenceView struct {
	URL, Text string
	Link      bool
}

func newReference(r policy.Reference) referenceView {
	v := referenceView{URL: r.URL, Text: r.Description}
	if v.Text == "" {
		v.Text = r.URL
	}
	if u, err := url.Parse(r.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto") {
		v.Link = true
	}
	return v
}
