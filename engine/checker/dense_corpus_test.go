package checker

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/article"
)

// The dense corpus is real copy reshuffled: the sentences of the five seed
// articles when they are beside the repository (../shared/seeds, or
// CREDCHECK_SEEDS), otherwise those of the project's fixtures, shuffled into
// articles of 6–12 paragraphs of 2–5 sentences. Every article is then as
// dense with hedges, reported speech, figures and names as the copy it came
// from, unlike the template corpus, where most sentences are background.

// denseSource returns the sentences the dense corpus is built from and
// where they came from.
func denseSource() ([]string, string, error) {
	dir := os.Getenv("CREDCHECK_SEEDS")
	if dir == "" {
		dir = "../../../shared/seeds"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "00*.txt"))
	from := "seed articles in " + dir
	if len(paths) != 5 {
		paths = nil
		for _, pat := range []string{"*.txt", "*.md"} {
			p, _ := filepath.Glob(filepath.Join("../../fixtures", pat))
			paths = append(paths, p...)
		}
		sort.Strings(paths)
		from = "fixtures in ../../fixtures"
	}
	var out []string
	for _, p := range paths {
		if filepath.Base(p) == "README.md" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, "", err
		}
		out = append(out, sentencesOf(string(b))...)
	}
	if len(out) < 20 {
		return nil, "", fmt.Errorf("only %d sentences found in the %s", len(out), from)
	}
	return out, from, nil
}

// sentencesOf splits the prose lines of a text (not headings, front matter
// or residue, which end without a full stop) into sentences.
func sentencesOf(text string) []string {
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				lines = lines[i+1:]
				break
			}
		}
	}
	var out []string
	for _, line := range lines {
		line = strings.TrimSpace(strings.ReplaceAll(line, "*", ""))
		line = strings.TrimLeft(line, "-> ")
		if line == "" || strings.HasPrefix(line, "#") || !strings.ContainsAny(line[len(line)-1:], `.!?"”’`) {
			continue
		}
		start := 0
		for i := 0; i < len(line); i++ {
			if !strings.ContainsRune(".!?", rune(line[i])) {
				continue
			}
			end := i + 1
			for end < len(line) && strings.ContainsRune(`"')`, rune(line[end])) {
				end++
			}
			if r, n := utf8.DecodeRuneInString(line[end:]); r == '”' || r == '’' {
				end += n
			}
			if end >= len(line) || line[end] != ' ' {
				continue
			}
			next, _ := utf8.DecodeRuneInString(line[end+1:])
			if !unicode.IsUpper(next) && next != '"' && next != '“' {
				continue
			}
			// "U.S. Attorney", "J. Smith": not a sentence end; nor is
			// one inside a quotation, which stays whole.
			word := line[strings.LastIndexByte(line[:i], ' ')+1 : i]
			if strings.Contains(word, ".") || utf8.RuneCountInString(word) == 1 ||
				strings.Count(line[start:end], "“") > strings.Count(line[start:end], "”") {
				continue
			}
			out = append(out, line[start:end])
			start = end + 1
		}
		out = append(out, line[start:])
	}
	return out
}

// denseArticle writes one article of paragraphs paragraphs of 2–5
// sentences drawn from sentences.
func denseArticle(r *rand.Rand, sentences []string, paragraphs int) string {
	var b strings.Builder
	for p := range paragraphs {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for s := range 2 + r.IntN(4) {
			if s > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentences[r.IntN(len(sentences))])
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// chosenCorpus gives n articles of the dense corpus, or of the template one
// when CREDCHECK_CORPUS says so (wantDense=false: the template corpus unless
// it says dense), logging where the dense sentences came from.
func chosenCorpus(tb testing.TB, n int, wantDense bool) []*article.Article {
	tb.Helper()
	switch os.Getenv("CREDCHECK_CORPUS") {
	case "template":
		wantDense = false
	case "dense":
		wantDense = true
	}
	if !wantDense {
		return generateCorpus(n)
	}
	sentences, from, err := denseSource()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("dense corpus from the %d sentences of the %s", len(sentences), from)
	return generateDenseCorpus(n, sentences)
}

// generateDenseCorpus builds n dense articles, deterministically for a
// given source.
func generateDenseCorpus(n int, sentences []string) []*article.Article {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]*article.Article, n)
	for i := range n {
		out[i] = &article.Article{ID: fmt.Sprintf("d%04d", i), Path: fmt.Sprintf("corpus/d%04d.txt", i), Format: article.Text,
			Source: denseArticle(r, sentences, 6+r.IntN(7))}
	}
	return out
}

// denseOfSize builds one article of at least size bytes from sentences.
func denseOfSize(sentences []string, size int) string {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(denseArticle(r, sentences, 6))
		b.WriteByte('\n')
	}
	return b.String()
}
