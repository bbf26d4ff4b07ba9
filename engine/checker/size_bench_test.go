package checker

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/policy"
)

// fixtureParagraphs are the body paragraphs of the fixture articles: real
// copy dense with names, figures, quotes, hedges and announcements.
func fixtureParagraphs(tb testing.TB) []string {
	files, err := filepath.Glob("../../fixtures/*.*")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if ext := filepath.Ext(f); ext != ".txt" && ext != ".md" || strings.HasSuffix(f, "README.md") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		text := string(b)
		if strings.HasPrefix(text, "---\n") {
			if end := strings.Index(text[4:], "\n---\n"); end >= 0 {
				text = text[4+end+5:]
			}
		}
		for i, p := range strings.Split(text, "\n\n") {
			p = strings.TrimSpace(p)
			// The first paragraph is the fixture's title.
			if i == 0 || len(p) < 80 || strings.HasPrefix(p, "#") {
				continue
			}
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		tb.Fatal("no fixture paragraphs")
	}
	return out
}

var digits = regexp.MustCompile(`[0-9]+`)

// sizedArticle is one article of at least size bytes, the fixtures'
// paragraphs shuffled deterministically under one title, so that the
// parties, figures and cues of different stories meet across the article.
func sizedArticle(tb testing.TB, size int) *article.Article {
	paras := fixtureParagraphs(tb)
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	b.WriteString("Harbor Lines and Norden Freight agree on new venture\n\n")
	seen := map[int]int{}
	for b.Len() < size {
		i := r.IntN(len(paras))
		p := paras[i]
		// A paragraph's later copies carry other figures, so that its
		// sentences with numbers are not mere repeats (whose findings the
		// engine drops) and the figures disagree across the article.
		if seen[i] > 0 {
			shift := seen[i]
			p = digits.ReplaceAllStringFunc(p, func(d string) string {
				n, _ := strconv.Atoi(d)
				return strconv.Itoa(n + shift)
			})
		}
		seen[i]++
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	return &article.Article{ID: "sized", Path: fmt.Sprintf("sized-%d.txt", size), Format: article.Text, Source: b.String()}
}

// BenchmarkSize checks one article of 10 KB, 100 KB and 1 MB with the
// whole catalog, to show whether the cost grows with the article's length
// or faster:
//
//	go test ./engine/checker -run NONE -bench Size -benchtime 1x
func BenchmarkSize(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		a := sizedArticle(b, size)
		b.Run(fmt.Sprintf("%dKB", size/1000), func(b *testing.B) {
			for b.Loop() {
				if _, err := c.CheckArticle(ctx, a); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(a.Source)/1000), "µs/KB")
		})
	}
}

// BenchmarkSizeRules times each rule alone on the 10 KB and 100 KB
// articles (and 1 MB with CREDCHECK_BENCH_1MB=1), to find the rules whose
// cost grows faster than the article:
//
//	go test ./engine/checker -run NONE -bench SizeRules -benchtime 3x
func BenchmarkSizeRules(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	sizes := []int{10_000, 100_000}
	if os.Getenv("CREDCHECK_BENCH_1MB") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, size := range sizes {
		d, err := document.Build(sizedArticle(b, size), c.Policies.Lexicons)
		if err != nil {
			b.Fatal(err)
		}
		input := d.Value()
		for _, r := range c.Policies.Rules {
			b.Run(fmt.Sprintf("%dKB/%s", size/1000, r.ID), func(b *testing.B) {
				// The rule's query is prepared on first use; not timed.
				if err := c.Policies.EvalRule(ctx, r, input); err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					if err := c.Policies.EvalRule(ctx, r, input); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestWriteSized writes the sized articles as files, to time the command
// line on them: CREDCHECK_WRITE_SIZED=/tmp/sized go test ./engine/checker
// -run TestWriteSized, then time `credcheck check /tmp/sized/sized-1000000.txt`.
func TestWriteSized(t *testing.T) {
	dir := os.Getenv("CREDCHECK_WRITE_SIZED")
	if dir == "" {
		t.Skip("set CREDCHECK_WRITE_SIZED to a directory to write the articles")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		a := sizedArticle(t, size)
		if err := os.WriteFile(filepath.Join(dir, a.Path), []byte(a.Source), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkEnabled builds the input and evaluates it for the generated
// corpus, with the whole catalog and with every other rule switched off: a
// disabled rule is not evaluated, and the input parts only it reads are not
// built, so the second costs less.
//
//	go test ./engine/checker -run NONE -bench Enabled -benchmem
func BenchmarkEnabled(b *testing.B) {
	ctx := context.Background()
	all, err := policy.Load(ctx, policy.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var half []string
	for i, r := range all.Rules {
		if i%2 == 1 {
			half = append(half, r.ID)
		}
	}
	some, err := policy.Load(ctx, policy.Options{Disabled: half})
	if err != nil {
		b.Fatal(err)
	}
	corpus := generateCorpus(200)
	docs := make([]*document.Document, len(corpus))
	for i, a := range corpus {
		if docs[i], err = document.Build(a, all.Lexicons); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct {
		name string
		set  *policy.Set
	}{{"all", all}, {"half", some}} {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := c.set.Evaluate(ctx, docs[i%len(docs)].ValueOf(c.set.InputParts())); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
