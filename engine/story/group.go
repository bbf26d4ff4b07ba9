package story

import (
	"sort"
	"time"

	"github.com/credcheck/credcheck/engine/document"
)

// Grouping bounds: an article is indexed by its salientNames most-named
// entities; a name in more than maxPosting earlier articles (a country, a
// big company every story names) is too common to link anything and is
// not read, which keeps grouping linear in the number of articles; two
// articles are linked when they share at least minSharedNames of their
// salient names, and at least sharedFraction of the smaller set.
const (
	salientNames   = 12
	maxPosting     = 40
	minSharedNames = 3
	sharedFraction = 0.4
	// maxDays is the widest gap between two dated articles of one story.
	maxDays = 14
)

// Group splits documents into stories, returning each story's document
// indexes in input order, stories in the order of their first article.
// Articles that name a story (front matter or record key "story") are
// grouped by it alone; the others are linked by the names they share and
// their dates, and linked articles are joined with a union-find, so no
// article is compared with every other.
func Group(docs []*document.Document) [][]int {
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	named := map[string]int{}
	index := map[string][]int{}
	salient := make([][]string, len(docs))
	for i, d := range docs {
		if key := d.Article.Story; key != "" {
			if first, ok := named[key]; ok {
				union(first, i)
			} else {
				named[key] = i
			}
			continue
		}
		salient[i] = topNames(d)
		counts := map[int]int{}
		for _, k := range salient[i] {
			posting := index[k]
			if len(posting) > maxPosting {
				continue
			}
			for _, j := range posting {
				counts[j]++
			}
			index[k] = append(posting, i)
		}
		for j, n := range counts {
			if n >= minSharedNames && float64(n) >= sharedFraction*float64(min(len(salient[i]), len(salient[j]))) && closeDates(d, docs[j]) {
				union(i, j)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range docs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, groups[r])
	}
	return out
}

// topNames gives a document's most-mentioned entity keys outside quotes.
func topNames(d *document.Document) []string {
	counts := map[string]int{}
	for _, e := range d.Entities {
		if !e.Quoted && e.Kind == "name" && e.Key != "" {
			counts[e.Key]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys[:min(len(keys), salientNames)]
}

// closeDates reports whether two articles may be about one event by date:
// true unless both are dated and further apart than maxDays.
func closeDates(a, b *document.Document) bool {
	ta, okA := parseDate(a.Article.Date)
	tb, okB := parseDate(b.Article.Date)
	if !okA || !okB {
		return true
	}
	d := ta.Sub(tb)
	if d < 0 {
		d = -d
	}
	return d <= maxDays*24*time.Hour
}

func parseDate(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}
