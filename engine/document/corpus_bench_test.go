package document

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
)

// BenchmarkCorpus builds the document ("document") and then the policy input
// ("input") of every article of a corpus, one article per op, so ns/op and
// allocs/op are per article. The corpus is the directory named by
// CREDCHECK_CORPUS (the dense benchmark corpus is written by
// `CREDCHECK_WRITE_CORPUS=/tmp/corpus2k go test ./engine/checker -run
// TestWriteCorpus`), else the repository's fixtures. For instruction counts,
// which the machine's load does not move, run the test binary under callgrind
// at two op counts and divide the difference (GC off, as in
// docs/performance.md; cpu.rdtscp=off because valgrind 3.19 cannot run the
// RDTSCP instruction Go's runtime uses):
//
//	CREDCHECK_CORPUS=/tmp/corpus2k go test ./engine/document -run NONE -bench Corpus -benchmem
//	CGO_ENABLED=0 go test -c -o /tmp/document.test ./engine/document
//	cd engine/document && for n in 1 201; do GOGC=off GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off \
//	  CREDCHECK_CORPUS=/tmp/corpus2k valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//	  /tmp/document.test -test.run NONE -test.bench 'Corpus/document$' -test.benchtime ${n}x 2>&1 | grep refs; done
func BenchmarkCorpus(b *testing.B) {
	set := realLexicons(b)
	corpus := benchCorpus(b)
	b.Run("document", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := Build(corpus[i%len(corpus)], set); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	docs := make([]*Document, len(corpus))
	for i, a := range corpus {
		d, err := Build(a, set)
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = d
	}
	b.Run("input", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			_ = docs[i%len(docs)].Value()
			i++
		}
	})
}

// benchCorpus reads the articles of $CREDCHECK_CORPUS, or of the fixtures.
func benchCorpus(b *testing.B) []*article.Article {
	b.Helper()
	dir := os.Getenv("CREDCHECK_CORPUS")
	if dir == "" {
		dir = "../../fixtures"
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		b.Fatal(err)
	}
	var out []*article.Article
	for _, p := range paths {
		format := article.Text
		switch filepath.Ext(p) {
		case ".md":
			format = article.Markdown
		case ".txt":
		default:
			continue
		}
		if filepath.Base(p) == "README.md" {
			continue
		}
		arts, errs := article.ReadFile(p, format, 0)
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		out = append(out, arts...)
	}
	if len(out) == 0 {
		b.Fatalf("no .txt or .md articles in %s", dir)
	}
	return out
}
