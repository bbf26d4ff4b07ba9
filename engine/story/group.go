package story

import (
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/credcheck/credcheck/engine/document"
)

// Grouping bounds. An article is indexed by its salientNames most-named
// entities and its figures with a unit. A key in more than a tenth of the
// articles (and more than commonFloor) names places and institutions every
// story names, and is not read; a posting list holds at most maxPosting
// articles, which is enough to reach a story (union-find joins the rest)
// and keeps grouping linear in the number of articles. Two articles are
// linked when they share at least minSharedKeys keys, at least sharedFraction
// of the smaller set, and a name each mentions more than once (the topic,
// not a place in passing).
const (
	salientNames   = 12
	salientFigures = 8
	commonFloor    = 10
	maxPosting     = 40
	minSharedKeys  = 2
	sharedFraction = 0.4
	// maxDays is the widest gap between two dated articles of one story.
	maxDays = 14
)

// Group splits documents into stories, returning each story's document
// indexes in input order, stories in the order of their first article.
// Articles that name a story (front matter or record key "story") are
// grouped by it alone; the others are linked by the names and figures they
// share and their dates, and linked articles are joined with a union-find,
// so no article is compared with every other.
func Group(docs []*document.Document) [][]int {
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	keys := make([][]string, len(docs))
	topics := make([]map[string]bool, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		if d.Article.Story != "" {
			continue
		}
		names, topic := topNames(d)
		keys[i], topics[i] = append(names, figureKeys(d)...), topic
		for _, k := range keys[i] {
			df[k]++
		}
	}
	common := max(commonFloor, len(docs)/10)
	for i, ks := range keys {
		kept := ks[:0]
		for _, k := range ks {
			if df[k] <= common {
				kept = append(kept, k)
			}
		}
		keys[i] = kept
		for k := range topics[i] {
			if df[k] > common {
				delete(topics[i], k)
			}
		}
	}
	named := map[string]int{}
	index := map[string][]int{}
	for i, d := range docs {
		if key := d.Article.Story; key != "" {
			if first, ok := named[key]; ok {
				union(first, i)
			} else {
				named[key] = i
			}
			continue
		}
		counts := map[int]int{}
		for _, k := range keys[i] {
			posting := index[k]
			for _, j := range posting {
				counts[j]++
			}
			if len(posting) < maxPosting {
				index[k] = append(posting, i)
			}
		}
		for j, n := range counts {
			if link(n, len(keys[i]), len(keys[j])) && shareTopic(topics[i], topics[j]) && closeDates(d.Article.Date, docs[j].Article.Date) {
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

// link is the grouping's rule on shared keys: at least minSharedKeys of
// them, and at least sharedFraction of the smaller article's.
func link(shared, a, b int) bool {
	return shared >= minSharedKeys && float64(shared) >= sharedFraction*float64(min(a, b))
}

// Features are what grouping reads of one article, for a caller that
// groups articles held apart (the archive pipeline buckets them by
// locality-sensitive hashing of Keys and asks Linked of each candidate
// pair) rather than with Group.
type Features struct {
	// Keys are the article's most-named entities and its figures with a
	// unit; Topic those of its names it mentions more than once, sorted.
	Keys  []string
	Topic []string
	// Date is the article's date as given; Story the story key it names.
	Date  string
	Story string
}

// FeaturesOf reads a document's grouping features.
func FeaturesOf(d *document.Document) Features {
	names, topic := topNames(d)
	f := Features{Keys: append(names, figureKeys(d)...), Date: d.Article.Date, Story: d.Article.Story}
	for k := range topic {
		f.Topic = append(f.Topic, k)
	}
	sort.Strings(f.Topic)
	return f
}

// Linked reports whether Group would link two articles that name no story
// by their features alone: Group also leaves out keys that a tenth of the
// whole set shares, which a caller holding the articles apart cannot
// count, and leaves that to its own bounds.
func Linked(a, b Features) bool {
	shared := 0
	for _, k := range a.Keys {
		if slices.Contains(b.Keys, k) {
			shared++
		}
	}
	topic := false
	for _, k := range a.Topic {
		if slices.Contains(b.Topic, k) {
			topic = true
			break
		}
	}
	return link(shared, len(a.Keys), len(b.Keys)) && topic && closeDates(a.Date, b.Date)
}

func shareTopic(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// figureKeys gives the distinct amounts and percentages a document
// states outside quotes, which few stories share by chance ("$14.2
// million"); years and plain counts are left out.
func figureKeys(d *document.Document) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range d.Numbers {
		if n.Quoted || n.Unit == "" || n.Unit == "year" || n.Unit == "ordinal" {
			continue
		}
		k := "#" + n.Unit + strconv.FormatFloat(n.Value, 'g', -1, 64)
		if !seen[k] && len(out) < salientFigures {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// topNames gives a document's most-mentioned entity keys outside quotes,
// and those it mentions more than once.
func topNames(d *document.Document) ([]string, map[string]bool) {
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
	keys = keys[:min(len(keys), salientNames)]
	topic := map[string]bool{}
	for _, k := range keys {
		if counts[k] > 1 {
			topic[k] = true
		}
	}
	return keys, topic
}

// closeDates reports whether two articles may be about one event by date:
// true unless both are dated and further apart than maxDays.
func closeDates(a, b string) bool {
	ta, okA := parseDate(a)
	tb, okB := parseDate(b)
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
