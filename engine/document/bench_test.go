package document

import (
	"fmt"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document/documenttest"
)

// BenchmarkParseHostile builds the document and its JSON input, which is
// what `credcheck parse` does, for articles shaped to provoke super-linear
// work, each at two sizes; ns/op should about double from one to the next:
//
//	go test ./engine/document -run NONE -bench ParseHostile -benchtime 3x
func BenchmarkParseHostile(b *testing.B) {
	set := realLexicons(b)
	cases := []struct {
		name   string
		format article.Format
		gen    func(n int) string
	}{
		{"LongLine", article.Text, documenttest.LongLine},
		{"RunOn", article.Text, documenttest.RunOn},
		{"NestedList", article.Markdown, documenttest.NestedList},
	}
	for _, tc := range cases {
		for _, size := range []int{1 << 20, 2 << 20} {
			a := newArticle(tc.format, tc.gen(size))
			b.Run(fmt.Sprintf("%s/%dKB", tc.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(a.Source)))
				for b.Loop() {
					d, err := Build(a, set)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := d.JSON(true); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
