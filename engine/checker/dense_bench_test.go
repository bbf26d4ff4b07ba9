package checker

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
)

// BenchmarkCheckDense checks the dense corpus (2,000 articles of reshuffled
// real copy; see dense_corpus_test.go) with the whole built-in catalog,
// concurrently, and reports articles per second:
//
//	go test ./engine/checker -run NONE -bench CheckDense -benchtime 3x
func BenchmarkCheckDense(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	sentences, from, err := denseSource()
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("dense corpus from the %d sentences of the %s", len(sentences), from)
	corpus := generateDenseCorpus(2000, sentences)
	b.ResetTimer()
	checkCorpus(b, c, corpus)
}

// BenchmarkDenseSize checks one dense article of 10 KB, 100 KB and 1 MB with the
// whole catalog. Growth is linear when ms/KB stays the same across sizes:
//
//	go test ./engine/checker -run NONE -bench DenseSize -benchtime 1x
//	go test ./engine/checker -run NONE -bench 'DenseSize/(10|100)KB' -benchtime 3x
func BenchmarkDenseSize(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	sentences, _, err := denseSource()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []struct {
		name  string
		bytes int
	}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}} {
		a := &article.Article{ID: size.name, Path: size.name + ".txt", Format: article.Text, Source: denseOfSize(sentences, size.bytes)}
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(a.Source)))
			for b.Loop() {
				if _, err := c.CheckArticle(ctx, a); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/(float64(len(a.Source))/1024), "ms/KB")
		})
	}
}

// TestWriteJSONL writes generated articles as one JSON Lines file, for the
// memory benchmark (scripts/bench-memory.sh), which keeps the large runs out
// of go test:
//
//	CREDCHECK_WRITE_JSONL=/tmp/a.jsonl CREDCHECK_JSONL_ARTICLES=100000 \
//	  go test ./engine/checker -run TestWriteJSONL
//
// Articles are wire-brief length (2–4 paragraphs of dense copy) so that a
// million of them stay a manageable file. CREDCHECK_JSONL_CORPUS=unscored
// writes short Chinese briefs instead, which the checker reads, finds not
// to be English and writes out unscored without running the rules: the
// memory of reading, the pipeline and the reports alone, at some 50 µs of
// CPU an article.
func TestWriteJSONL(t *testing.T) {
	path := os.Getenv("CREDCHECK_WRITE_JSONL")
	if path == "" {
		t.Skip("set CREDCHECK_WRITE_JSONL to a file to write the articles")
	}
	n := 100000
	if s := os.Getenv("CREDCHECK_JSONL_ARTICLES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			t.Fatalf("CREDCHECK_JSONL_ARTICLES=%q: want a positive number of articles", s)
		}
		n = v
	}
	sentences, _, err := denseSource()
	if err != nil {
		t.Fatal(err)
	}
	brief := func(r *rand.Rand) string { return denseArticle(r, sentences, 2+r.IntN(3)) }
	switch corpus := os.Getenv("CREDCHECK_JSONL_CORPUS"); corpus {
	case "", "dense":
	case "unscored":
		brief = func(r *rand.Rand) string {
			s := slices.Clone(chineseSentences)
			r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
			return strings.Join(s, "")
		}
	default:
		t.Fatalf("CREDCHECK_JSONL_CORPUS=%q: want dense or unscored", corpus)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range n {
		rec := struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}{fmt.Sprintf("j%07d", i), brief(r)}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// chineseSentences make the briefs of the unscored corpus: text the
// checker reads as Chinese.
var chineseSentences = []string{
	"市议会周一批准了新的预算方案。", "部长表示该计划将在明年实施。", "反对者认为这项计划的成本过高。",
	"港口工人在罢工三天后于周二恢复工作。", "工会在声明中说成员投票接受了提议。", "公司发言人拒绝对此事发表评论。",
}
