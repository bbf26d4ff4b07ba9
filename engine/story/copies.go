package story

import (
	"hash/fnv"
	"sort"

	"github.com/credcheck/credcheck/engine/document"
)

// shingleWords is the length of the word runs compared; minCopyWords the
// shortest sentence compared, since short sentences share wording by
// chance ("the company said on Tuesday").
const (
	shingleWords = 4
	minCopyWords = 8
	// minShared is the fewest shingles two sentences must share to be
	// listed; the rules set the bar for calling them copied.
	minShared = 3
)

type sentenceRef struct {
	article, sentence int
	shingles          map[uint64]bool
}

// shingles gives the hashed word 4-grams of a sentence of prose, or nil
// for a sentence too short, quoted, or outside the body.
func shingles(s *document.Sentence) map[uint64]bool {
	if s.Quoted || (s.Zone != document.Lede && s.Zone != document.Body) || len(s.Tokens) < minCopyWords {
		return nil
	}
	out := make(map[uint64]bool, len(s.Tokens))
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(s.Tokens); i++ {
		h.Reset()
		for _, t := range s.Tokens[i : i+shingleWords] {
			h.Write([]byte(t.Fold))
			h.Write([]byte{0})
		}
		out[h.Sum64()] = true
	}
	return out
}

// copies finds pairs of sentences in different articles that share
// wording. An inverted index from shingle to sentences gives the
// candidates, so sentences with nothing in common are never compared; a
// shingle in more than maxPosting sentences (stock phrasing) is skipped.
func copies(docs []*document.Document) []Copy {
	const maxPosting = 50
	var refs []sentenceRef
	index := map[uint64][]int{}
	for a, d := range docs {
		for i := range d.Sentences {
			sh := shingles(&d.Sentences[i])
			if len(sh) == 0 {
				continue
			}
			r := len(refs)
			refs = append(refs, sentenceRef{article: a, sentence: i, shingles: sh})
			for h := range sh {
				index[h] = append(index[h], r)
			}
		}
	}
	type pair struct{ x, y int }
	shared := map[pair]int{}
	for _, posting := range index {
		if len(posting) > maxPosting {
			continue
		}
		for i, x := range posting {
			for _, y := range posting[i+1:] {
				if refs[x].article != refs[y].article {
					shared[pair{x, y}]++
				}
			}
		}
	}
	var out []Copy
	for p, n := range shared {
		if n < minShared {
			continue
		}
		x, y := refs[p.x], refs[p.y]
		if x.article > y.article {
			x, y = y, x
		}
		small := min(len(x.shingles), len(y.shingles))
		c := Copy{Shared: n, Jaccard: round(float64(n) / float64(len(x.shingles)+len(y.shingles)-n)),
			Containment: round(float64(n) / float64(small))}
		c.Places = []Place{place(docs[x.article], x.article, x.sentence), place(docs[y.article], y.article, y.sentence)}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Places, out[j].Places
		if a[0] != b[0] {
			return less(a[0], b[0])
		}
		return less(a[1], b[1])
	})
	return out
}

func less(a, b Place) bool {
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	return a.Sentence < b.Sentence
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
