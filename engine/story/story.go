package story

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
)

// ReportVersion is the version of the JSON story report (docs/story.md).
const ReportVersion = 1

// Report is what story mode found in a set of articles.
type Report struct {
	Version int      `json:"version"`
	Stories []*Story `json:"stories"`
	// Alone are the articles that no other article tells the same story
	// as; story mode has nothing to compare them with.
	Alone  []ArticleRef          `json:"alone"`
	Errors []*article.InputError `json:"-"`
	// Rules are the story rules, for formats that describe them (SARIF).
	Rules []*policy.Rule `json:"-"`
}

// Story is one story: its articles, what the story rules found and how
// well the story is corroborated.
type Story struct {
	ID        string       `json:"id"`
	Articles  []ArticleRef `json:"articles"`
	Findings  []*Finding   `json:"findings"`
	Scorecard Scorecard    `json:"scorecard"`
}

// ArticleRef names an article of a story with its own score.
type ArticleRef struct {
	ID       string `json:"id"`
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Headline string `json:"headline"`
	Date     string `json:"date,omitempty"`
	// Score and Grade are the article's own; Score is -1 when it was not
	// scored.
	Score int    `json:"score"`
	Grade string `json:"grade,omitempty"`
}

// Finding is one story finding with the sentences it rests on.
type Finding struct {
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Cites    []Cite `json:"cites"`
}

// Cite is a sentence of an article a finding rests on.
type Cite struct {
	// Article indexes Story.Articles.
	Article int    `json:"article"`
	Path    string `json:"path"`
	// Record is the id of the JSON Lines record the sentence is in, ""
	// for other files; Line and Column are then within the record's text
	// (its title, when it has one, first), as for check.
	Record string `json:"record,omitempty"`
	// Line is the sentence's line in the file, and Column its column.
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Sentence string `json:"sentence"`
}

// Scorecard is how well a story is corroborated, as the story policies
// (data.credcheck.story.scorecard) judge it.
type Scorecard struct {
	// Sources are the independent sources the story rests on, after
	// collapsing repeats of one report; Confirmations the on-record
	// confirmations by a party to the story.
	Sources       []string `json:"sources"`
	Confirmations []string `json:"confirmations"`
	// OnRecord are the named people on record, party to the story or not.
	OnRecord      []string `json:"on_record"`
	Corroboration string   `json:"corroboration"`
	// Best indexes Story.Articles: the best-sourced telling, or -1.
	Best int `json:"best"`
	// PerArticle gives, for each article, the named sources it credits
	// and its on-record confirmations.
	PerArticle []ArticleSourcing `json:"per_article"`
}

// ArticleSourcing is one article's sourcing within its story.
type ArticleSourcing struct {
	Named         int `json:"named"`
	Confirmations int `json:"confirmations"`
	Reports       int `json:"reports"`
}

// Runner checks stories with one checker's policies.
type Runner struct {
	c         *checker.Checker
	rules     map[string]*policy.Rule
	list      []*policy.Rule
	query     rego.PreparedEvalQuery
	scorecard rego.PreparedEvalQuery
}

// NewRunner prepares the story rules of a checker's policies.
func NewRunner(ctx context.Context, c *checker.Checker) (*Runner, error) {
	rules := c.StoryRules()
	r := &Runner{c: c, rules: map[string]*policy.Rule{}, list: rules}
	for _, rule := range rules {
		r.rules[rule.ID] = rule
	}
	var err error
	if r.query, err = c.Policies.PrepareStory(ctx); err != nil {
		return nil, err
	}
	if r.scorecard, err = c.Policies.Prepare(ctx, "data.credcheck.story.scorecard"); err != nil {
		return nil, err
	}
	return r, nil
}

// Run reads the inputs, scores each article, groups them into stories and
// judges each story. Each article is read and its document built once:
// the documents the check built are the ones the story rules read.
func (r *Runner) Run(ctx context.Context, paths []string, opts article.LoadOptions) *Report {
	var (
		results []*report.Article
		docs    []*document.Document
	)
	run := r.c.StreamDocuments(ctx, paths, opts, func(res *report.Article, d *document.Document) {
		results = append(results, res)
		docs = append(docs, d)
	})
	rep := r.Judge(ctx, results, docs)
	rep.Errors = append(run.Errors, rep.Errors...)
	return rep
}

// Judge groups checked articles into stories and judges each story;
// results[i] is the check of the article whose document is docs[i]. The
// report's Errors are the stories that could not be judged.
func (r *Runner) Judge(ctx context.Context, results []*report.Article, docs []*document.Document) *Report {
	refs := refsOf(results, docs)
	rep := &Report{Version: ReportVersion, Stories: []*Story{}, Alone: []ArticleRef{}, Rules: r.list}
	for _, g := range Group(docs) {
		if len(g) < 2 {
			rep.Alone = append(rep.Alone, refs[g[0]])
			continue
		}
		sdocs := make([]*document.Document, len(g))
		srefs := make([]ArticleRef, len(g))
		for i, k := range g {
			sdocs[i], srefs[i] = docs[k], refs[k]
		}
		id := ID(sdocs, len(rep.Stories)+1)
		st, err := r.judge(ctx, id, sdocs, srefs)
		if err != nil {
			rep.Errors = append(rep.Errors, &article.InputError{Path: srefs[0].Path, Reason: "story " + id + ": " + err.Error()})
			continue
		}
		rep.Stories = append(rep.Stories, st)
	}
	return rep
}

// JudgeGroup judges one story whose articles were grouped elsewhere (the
// archive pipeline groups by locality-sensitive hashing), as Judge judges
// each group it finds; id names the story (see ID).
func (r *Runner) JudgeGroup(ctx context.Context, id string, results []*report.Article, docs []*document.Document) (*Story, error) {
	return r.judge(ctx, id, docs, refsOf(results, docs))
}

// refsOf names each checked article with its own score.
func refsOf(results []*report.Article, docs []*document.Document) []ArticleRef {
	refs := make([]ArticleRef, len(results))
	for i, res := range results {
		a := docs[i].Article
		refs[i] = ArticleRef{ID: a.ID, Path: a.Path, Line: a.Line, Headline: res.Headline, Date: a.Date, Score: -1}
		if res.Scored() {
			refs[i].Score, refs[i].Grade = res.Scorecard.Score, res.Scorecard.Grade
		}
	}
	return refs
}

// ID names a story: by the story key its articles carry, else by its
// place n (1-based) among the stories of the run.
func ID(docs []*document.Document, n int) string {
	if k := docs[0].Article.Story; k != "" {
		return k
	}
	return fmt.Sprintf("story-%d", n)
}

// Build makes the story document of a story's documents; scores are the
// articles' own (-1 for none).
func Build(id string, docs []*document.Document, scores []int) *Input {
	in := &Input{Version: InputVersion, Story: id, Articles: []Article{}, Figures: []Figure{}, Credits: []Credit{},
		Statements: []Statement{}, Claims: []Claim{}, Names: map[string]string{}}
	for i, d := range docs {
		for _, e := range d.Entities {
			if _, ok := in.Names[e.Key]; !ok && !e.Quoted && e.Key != "" {
				in.Names[e.Key] = written(e.Text)
			}
		}
		a := d.Article
		headline := ""
		if d.Headline >= 0 {
			headline = d.Sentences[d.Headline].Text
		}
		in.Articles = append(in.Articles, Article{Index: i, ID: a.ID, Path: a.Path, Outlet: a.Outlet, Date: a.Date,
			Headline: headline, Score: scores[i], Names: names(d)})
		in.Figures = append(in.Figures, figures(d, i)...)
		in.Credits = append(in.Credits, credits(d, i)...)
		in.Statements = append(in.Statements, statements(d, i)...)
		in.Claims = append(in.Claims, claims(d, i)...)
	}
	in.Copies = copies(docs)
	if in.Copies == nil {
		in.Copies = []Copy{}
	}
	return in
}

// written is a name as written, without a possessive.
func written(s string) string {
	for _, suffix := range []string{"'s", "’s", "'", "’"} {
		if t, ok := strings.CutSuffix(s, suffix); ok {
			return t
		}
	}
	return s
}

// Value is the story document as a Rego input.
func (in *Input) Value() (ast.Value, error) {
	b, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	return ast.ValueFromReader(strings.NewReader(string(b)))
}

func (r *Runner) judge(ctx context.Context, id string, docs []*document.Document, refs []ArticleRef) (*Story, error) {
	scores := make([]int, len(refs))
	for i, ref := range refs {
		scores[i] = ref.Score
	}
	input, err := Build(id, docs, scores).Value()
	if err != nil {
		return nil, err
	}
	reports, err := r.c.Policies.EvaluateStory(ctx, r.query, input)
	if err != nil {
		return nil, err
	}
	st := &Story{ID: id, Articles: refs, Findings: []*Finding{}}
	for _, rep := range reports {
		rule := r.rules[rep.Name]
		if rule == nil || rule.Category != rep.Category {
			if len(rep.Items) > 0 {
				return nil, fmt.Errorf("findings came from story rule %s/%s, which has no METADATA in the loaded policies", rep.Category, rep.Name)
			}
			continue
		}
		for _, it := range rep.Items {
			f, err := readFinding(rule, it, docs)
			if err != nil {
				return nil, err
			}
			if sev, ok := r.c.Configured(rule.ID); ok {
				f.Severity = string(sev)
			}
			st.Findings = append(st.Findings, f)
		}
	}
	slices.SortFunc(st.Findings, func(a, b *Finding) int {
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(firstCite(a), firstCite(b)), cmp.Compare(a.Message, b.Message))
	})
	rs, err := r.scorecard.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, err
	}
	st.Scorecard.Best = -1
	if len(rs) > 0 && len(rs[0].Expressions) > 0 {
		b, err := json.Marshal(rs[0].Expressions[0].Value)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &st.Scorecard); err != nil {
			return nil, fmt.Errorf("story scorecard: %v", err)
		}
	}
	return st, nil
}

func firstCite(f *Finding) string {
	if len(f.Cites) == 0 {
		return ""
	}
	return fmt.Sprintf("%06d:%08d", f.Cites[0].Article, f.Cites[0].Line)
}

// readFinding reads what a story rule reported: a message and the sentences it
// rests on, each {article, sentence}.
func readFinding(rule *policy.Rule, obj map[string]any, docs []*document.Document) (*Finding, error) {
	f := &Finding{Rule: rule.ID, Category: rule.Category, Severity: string(rule.Severity), Cites: []Cite{}}
	fail := func(format string, args ...any) (*Finding, error) {
		return nil, fmt.Errorf("story rule %s reported an invalid finding: "+format, append([]any{rule.ID}, args...)...)
	}
	var ok bool
	if f.Message, ok = obj["message"].(string); !ok || f.Message == "" {
		return fail(`"message" must be non-empty text`)
	}
	if sev, ok := obj["severity"].(string); ok && sev != "" {
		f.Severity = sev
	}
	cites, _ := obj["cites"].([]any)
	if len(cites) == 0 {
		return fail(`"cites" must list the sentences the finding rests on`)
	}
	for _, c := range cites {
		m, _ := c.(map[string]any)
		a, okA := intOf(m["article"])
		s, okS := intOf(m["sentence"])
		if !okA || !okS || a < 0 || a >= len(docs) || s < 0 || s >= len(docs[a].Sentences) {
			return fail("cite %v is not {article, sentence} of this story", c)
		}
		sent := docs[a].Sentences[s]
		c := Cite{Article: a, Path: docs[a].Article.Path, Line: sent.Line, Column: sent.Column, Sentence: sent.Text}
		if docs[a].Article.Format == article.JSONLines {
			c.Record = docs[a].Article.ID
		}
		f.Cites = append(f.Cites, c)
	}
	return f, nil
}

func intOf(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	return int(i), err == nil
}

// JSON is the story document as one line of JSON.
func (in *Input) JSON() ([]byte, error) { return json.Marshal(in) }

// Inputs builds the story input of each story of two or more articles
// among paths, as the story rules would read it, so that the rules can be
// run with stock OPA; scores are -1, since no article was checked. The
// problems are the inputs that could not be read.
func Inputs(c *checker.Checker, paths []string, opts article.LoadOptions) ([]*Input, []*article.InputError) {
	docs, problems := c.Parse(paths, opts)
	var out []*Input
	for _, g := range Group(docs) {
		if len(g) < 2 {
			continue
		}
		sdocs := make([]*document.Document, len(g))
		scores := make([]int, len(g))
		for i, k := range g {
			sdocs[i], scores[i] = docs[k], -1
		}
		out = append(out, Build(ID(sdocs, len(out)+1), sdocs, scores))
	}
	return out, problems
}
