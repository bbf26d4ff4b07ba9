package checker

import (
	"context"
	"fmt"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/document/documenttest"
)

// BenchmarkHostile checks, with the whole built-in catalog, articles shaped
// to provoke super-linear work, each at two sizes; ns/op should roughly
// double from the smaller size to the larger (issue 9, item 4):
//
//	go test ./engine/checker -run NONE -bench Hostile -benchtime 3x
func BenchmarkHostile(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name   string
		format article.Format
		gen    func(n int) string
		sizes  []int
		unit   string
	}{
		{"RunOn", article.Text, documenttest.RunOn, []int{100 << 10, 200 << 10}, "KB"},
		{"OneWordLines", article.Text, documenttest.OneWordLines, []int{20000, 40000}, "lines"},
		{"LongLine", article.Text, documenttest.LongLine, []int{1 << 20, 2 << 20}, "KB"},
		{"NestedList", article.Markdown, documenttest.NestedList, []int{1 << 20, 2 << 20}, "KB"},
		{"AnnouncedSilent", article.Text, documenttest.AnnouncedSilent, []int{50 << 10, 100 << 10}, "KB"},
	}
	for _, tc := range cases {
		for _, n := range tc.sizes {
			size := n
			if tc.unit == "KB" {
				size = n >> 10
			}
			a := &article.Article{ID: tc.name, Path: tc.name, Format: tc.format, Source: tc.gen(n)}
			b.Run(fmt.Sprintf("%s/%d%s", tc.name, size, tc.unit), func(b *testing.B) {
				b.SetBytes(int64(len(a.Source)))
				for b.Loop() {
					if _, err := c.CheckArticle(ctx, a); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
