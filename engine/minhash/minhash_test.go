package minhash

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// words gives n words drawn from a vocabulary of v.
func words(r *rand.Rand, n, v int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%d", r.IntN(v))
	}
	return out
}

// rewrite changes a share of the words, as a second outlet rewording a
// wire story would.
func rewrite(r *rand.Rand, ws []string, share float64, v int) []string {
	out := slices.Clone(ws)
	for i := range out {
		if r.Float64() < share {
			out[i] = fmt.Sprintf("w%d", r.IntN(v))
		}
	}
	return out
}

func jaccard(a, b []uint64) float64 {
	set := map[uint64]int{}
	for _, x := range a {
		set[x] |= 1
	}
	for _, x := range b {
		set[x] |= 2
	}
	both := 0
	for _, m := range set {
		if m == 3 {
			both++
		}
	}
	return float64(both) / float64(len(set))
}

// The estimate tracks the true Jaccard similarity of the shingle sets.
func TestSimilarityEstimatesJaccard(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	s := NewSigner(256, 7)
	for _, share := range []float64{0, 0.05, 0.15, 0.3, 1} {
		a := words(r, 400, 5000)
		b := rewrite(r, a, share, 5000)
		sa, sb := Shingles(a, 3), Shingles(b, 3)
		want := jaccard(sa, sb)
		got := Similarity(s.Sign(sa), s.Sign(sb))
		if math.Abs(got-want) > 0.08 {
			t.Errorf("rewrite %.2f: estimate %.3f, Jaccard %.3f", share, got, want)
		}
	}
	if got := Similarity(s.Sign(nil), s.Sign(nil)); got != 0 {
		t.Errorf("two empty sets: %.2f, want 0", got)
	}
}

// Identical sets share every band; unrelated ones share none; an empty
// set has no bands at all.
func TestBands(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	s := NewSigner(128, 7)
	a := s.Sign(Shingles(words(r, 300, 5000), 3))
	b := s.Sign(Shingles(words(r, 300, 5000), 3))
	ka, kb := Bands(a, 4), Bands(slices.Clone(a), 4)
	if len(ka) != 32 || !slices.Equal(ka, kb) {
		t.Fatalf("identical signatures: %d bands, equal %v", len(ka), slices.Equal(ka, kb))
	}
	for _, k := range Bands(b, 4) {
		if slices.Contains(ka, k) {
			t.Error("unrelated texts share a band")
		}
	}
	if Bands(s.Sign(nil), 4) != nil {
		t.Error("an empty set has bands")
	}
	// Band keys carry the band's number: equal rows in different bands
	// are different keys.
	same := Signature{1, 2, 1, 2}
	if k := Bands(same, 2); k[0] == k[1] {
		t.Error("two bands with equal rows share a key")
	}
}

// Families of rewritten texts come back as groups, texts of different
// families are never joined, and a text alone is in no group.
func TestClusterFindsFamilies(t *testing.T) {
	sigs, family := corpus(600, 5)
	var compared int
	res := Cluster(sigs, Options{Rows: 4, Linked: func(i, j int) bool {
		compared++
		return Similarity(sigs[i], sigs[j]) >= 0.4
	}})
	for _, g := range res.Groups {
		for _, m := range g {
			if family[m] != family[g[0]] {
				t.Fatalf("group %v mixes families %d and %d", g, family[g[0]], family[m])
			}
		}
	}
	// 600 texts in families of 5 and 100 texts alone (family -1).
	whole := 0
	for _, g := range res.Groups {
		if len(g) == 5 {
			whole++
		}
	}
	if whole < 95 {
		t.Errorf("%d of 100 families found whole; groups %v", whole, res.Groups)
	}
	if compared > 10*len(sigs) {
		t.Errorf("%d comparisons for %d texts", compared, len(sigs))
	}
	again := Cluster(sigs, Options{Rows: 4, Linked: func(i, j int) bool { return Similarity(sigs[i], sigs[j]) >= 0.4 }})
	if fmt.Sprint(again.Groups) != fmt.Sprint(res.Groups) {
		t.Error("two clusterings of the same signatures differ")
	}
}

// A bucket past MaxBucket is cut and counted, not compared whole.
func TestClusterCapsBuckets(t *testing.T) {
	s := NewSigner(16, 1)
	sig := s.Sign(Shingles([]string{"the", "same", "stock", "paragraph"}, 2))
	sigs := make([]Signature, 10)
	for i := range sigs {
		sigs[i] = sig
	}
	res := Cluster(sigs, Options{Rows: 4, MaxBucket: 4})
	if res.Oversize != 4 || len(res.Groups) != 1 || !slices.Equal(res.Groups[0], []int{0, 1, 2, 3}) {
		t.Errorf("got %+v, want one group 0–3 and 4 buckets cut", res)
	}
}

// corpus makes n texts: families of size rewrites of one text (a fifth
// of the words changed each), then texts alone, and their signatures.
func corpus(n, size int) ([]Signature, []int) {
	r := rand.New(rand.NewPCG(5, 6))
	s := NewSigner(128, 7)
	sigs := make([]Signature, 0, n)
	family := make([]int, 0, n)
	alone := n / 6
	for f := 0; len(sigs) < n-alone; f++ {
		base := words(r, 250, 20000)
		for range size {
			sigs = append(sigs, s.Sign(Shingles(rewrite(r, base, 0.05, 20000), 3)))
			family = append(family, f)
		}
	}
	for len(sigs) < n {
		sigs = append(sigs, s.Sign(Shingles(words(r, 250, 20000), 3)))
		family = append(family, -1)
	}
	return sigs, family
}
