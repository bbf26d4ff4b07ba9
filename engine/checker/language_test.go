package checker

import (
	"context"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
)

const languageDir = "../../fixtures/testdata/language/"

func runLanguage(t *testing.T, cfg config.Config, paths ...string) *report.Report {
	t.Helper()
	r := mustNew(t, cfg).Run(context.Background(), paths, article.LoadOptions{})
	for _, e := range r.Errors {
		t.Fatalf("input error: %v", e)
	}
	return r
}

// Rumour in German or Chinese finds nothing in an English catalog, which
// would score 100/A: such an article is left unscored, with a notice.
func TestNonEnglishArticlesAreNotScored(t *testing.T) {
	r := runLanguage(t, config.Config{}, languageDir+"de-rumour.md", languageDir+"zh-rumour.txt")
	want := map[string]string{
		"de-rumour.md":  "the text reads as German (de); the built-in catalog reads English",
		"zh-rumour.txt": "the text reads as Chinese (zh); the built-in catalog reads English",
	}
	for _, a := range r.Articles {
		name := a.Path[strings.LastIndex(a.Path, "/")+1:]
		if a.Scored() || a.Unscored != want[name] {
			t.Errorf("%s: unscored %q, want %q", name, a.Unscored, want[name])
		}
		if a.Scorecard.Score != 0 || a.Scorecard.Grade != "" || len(a.Findings) != 0 {
			t.Errorf("%s: score %d grade %q, %d findings; want none", name, a.Scorecard.Score, a.Scorecard.Grade, len(a.Findings))
		}
		if a.Headline == "" || a.Words == 0 {
			t.Errorf("%s: headline %q, %d words; want them reported still", name, a.Headline, a.Words)
		}
	}
	g := report.Gate{FailRank: 1, FailUnder: 90}
	if g.ExitCode(r) != report.ExitClean {
		t.Errorf("exit %d, want 0: an unscored article fails nothing", g.ExitCode(r))
	}
}

func TestEnglishWithForeignNamesIsScored(t *testing.T) {
	r := runLanguage(t, config.Config{}, languageDir+"en-foreign-quotes.txt")
	a := r.Articles[0]
	if !a.Scored() || a.Language != "en" || a.Scorecard.Grade == "" {
		t.Errorf("language %q, unscored %q, grade %q; want a scored English article", a.Language, a.Unscored, a.Scorecard.Grade)
	}
}

func TestShortTextIsTakenAsEnglish(t *testing.T) {
	res, err := mustNew(t, config.Config{}).CheckArticle(context.Background(), &article.Article{ID: "s", Path: "s.txt", Format: article.Text,
		Source: "Der Bürgermeister soll zurücktreten, heißt es. Eine Bestätigung gibt es nicht."})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Scored() || res.Language != "en" {
		t.Errorf("a two-sentence text: language %q, unscored %q; want scored as English", res.Language, res.Unscored)
	}
}

func TestLanguageEnForcesScoring(t *testing.T) {
	r := runLanguage(t, config.Config{Language: "en"}, languageDir+"de-rumour.md", languageDir+"zh-rumour.txt")
	for _, a := range r.Articles {
		if !a.Scored() || a.Language != "en" || a.Scorecard.Grade == "" {
			t.Errorf("%s: language %q, unscored %q, grade %q; want scored as English", a.Path, a.Language, a.Unscored, a.Scorecard.Grade)
		}
	}
	docs, _ := mustNew(t, config.Config{Language: "en"}).Parse([]string{languageDir + "de-rumour.md"}, article.LoadOptions{})
	if l := docs[0].Language; l.Code != "en" || l.Source != "configured" {
		t.Errorf("parse with language en: %+v", l)
	}
	if _, err := New(context.Background(), config.Config{Language: "de"}); err == nil {
		t.Error("language de accepted; only auto and en are")
	}
}

func mustNew(t *testing.T, cfg config.Config) *Checker {
	t.Helper()
	c, err := New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
