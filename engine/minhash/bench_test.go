package minhash

import (
	"fmt"
	"testing"
)

// BenchmarkCluster groups generated texts (families of five rewrites of
// one text, and a sixth of texts alone) at two sizes; time per op and
// comparisons per op grow with the texts, not with their pairs
// (docs/performance.md).
func BenchmarkCluster(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		sigs, _ := corpus(n, 5)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var compared int
			for b.Loop() {
				compared = 0
				Cluster(sigs, Options{Rows: 4, Linked: func(i, j int) bool {
					compared++
					return Similarity(sigs[i], sigs[j]) >= 0.4
				}})
			}
			b.ReportMetric(float64(compared), "comparisons/op")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/text")
		})
	}
}

// BenchmarkSign is the cost of one text's signature: 250 words, 3-word
// shingles, 128 hashes.
func BenchmarkSign(b *testing.B) {
	s := NewSigner(128, 7)
	ws := make([]string, 250)
	for i := range ws {
		ws[i] = fmt.Sprintf("w%d", i*7919%20000)
	}
	for b.Loop() {
		s.Sign(Shingles(ws, 3))
	}
}
