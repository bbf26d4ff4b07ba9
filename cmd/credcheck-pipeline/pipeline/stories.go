package pipeline

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/minhash"
	"github.com/credcheck/credcheck/engine/story"
)

// Locality-sensitive hashing, two kinds of band (docs/scale.md, Stories):
//   - copies: MinHash of the article's 3-word shingles, 20 bands of 6
//     rows. Two articles share a band with probability 1-(1-j^6)^20: 0.27
//     at a Jaccard similarity of 0.5, 0.91 at 0.7, 0.015 at 0.3, so a
//     shared band is itself the near-duplicate test and no signature
//     crosses the network.
//   - stories: MinHash of the grouping keys story mode reads (most-named
//     entities, figures with a unit), 32 bands of one row: a key set is a
//     score of strings, so a band is one sampled key, and a pair sharing a
//     tenth of its keys shares a band with probability 0.97. Candidates
//     are then judged by story mode's own link rule (story.Linked).
//
// Articles that name their story (front matter or record key "story") are
// grouped by that name alone, as story mode groups them.
const (
	shingleWords = 3
	copyHashes   = 120
	copyRows     = 6
	keyHashes    = 32
	keyRows      = 1
	signerSeed   = 0x63726564 // fixed: bands must agree across workers and runs
)

// DefaultMaxStory is --max-story's default.
const DefaultMaxStory = 50

// Names of the story counters.
const (
	StoriesCounter  = "stories"
	OversizeCounter = "oversize_buckets"
	CutCounter      = "stories_cut"
)

// Sketch is what grouping needs of one article: its key, its grouping
// features and its band keys, which carry the kind of band ("c", "k")
// or the story name ("s").
type Sketch struct {
	Key      string
	Features story.Features
	Bands    []string
}

// Member is an article in one band's bucket.
type Member struct {
	Key      string
	Features story.Features
}

// Edge joins an article to the least article of its component in one
// bucket.
type Edge struct{ Member, Root string }

// Slot places an article in story N, which has Size articles before the
// cap.
type Slot struct{ N, Size int }

// StoryArticle is an article on its way to its story's judge: the
// article as read (gob, which keeps every field the engine reads) and the
// story's size before the cap.
type StoryArticle struct {
	Key     string
	Article []byte
	Size    int
}

func init() {
	register.DoFn2x0[Sketch, func(string, Member)](&bandFn{})
	register.Emitter2[string, Member]()
	register.DoFn4x0[context.Context, string, func(*Member) bool, func(Edge)](&bucketFn{})
	register.Iter1[Member]()
	register.Emitter1[Edge]()
	register.DoFn4x0[context.Context, int, func(*Edge) bool, func(string, Slot)](&componentsFn{})
	register.Iter1[Edge]()
	register.Emitter2[string, Slot]()
	register.DoFn4x0[string, func(*[]byte) bool, func(*Slot) bool, func(int, StoryArticle)](&joinFn{})
	register.Iter1[[]byte]()
	register.Iter1[Slot]()
	register.Emitter2[int, StoryArticle]()
	register.DoFn5x1[context.Context, int, func(*StoryArticle) bool, func(Result), func(string), error](&judgeFn{})
	register.Iter1[StoryArticle]()
	register.Emitter2[string, []byte]()
}

// articleKey orders articles as story mode reads them: by path, then
// line; the key is unique per article of a run.
func articleKey(a *article.Article) string {
	return fmt.Sprintf("%s\x00%010d\x00%s", a.Path, a.Line, a.ID)
}

// sketcher makes sketches; its signers are fixed, so every worker makes
// the same bands.
type sketcher struct{ copies, keys *minhash.Signer }

func newSketcher() sketcher {
	return sketcher{copies: minhash.NewSigner(copyHashes, signerSeed), keys: minhash.NewSigner(keyHashes, signerSeed+1)}
}

func (s sketcher) sketch(d *document.Document) Sketch {
	sk := Sketch{Key: articleKey(d.Article), Features: story.FeaturesOf(d)}
	if sk.Features.Story != "" {
		sk.Bands = []string{"s:" + sk.Features.Story}
		return sk
	}
	var words []string
	for i := range d.Sentences {
		if z := d.Sentences[i].Zone; z != document.Lede && z != document.Body {
			continue
		}
		for _, t := range d.Sentences[i].Tokens {
			words = append(words, t.Fold)
		}
	}
	for _, b := range minhash.Bands(s.copies.Sign(minhash.Shingles(words, shingleWords)), copyRows) {
		sk.Bands = append(sk.Bands, fmt.Sprintf("c:%016x", b))
	}
	keys := make([]uint64, len(sk.Features.Keys))
	for i, k := range sk.Features.Keys {
		keys[i] = minhash.Hash(k)
	}
	for _, b := range minhash.Bands(s.keys.Sign(keys), keyRows) {
		sk.Bands = append(sk.Bands, fmt.Sprintf("k:%016x", b))
	}
	return sk
}

// encodeArticle keeps an article for its story's judge.
func encodeArticle(a *article.Article) ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(a)
	return b.Bytes(), err
}

// bandFn puts an article in the bucket of each of its bands; the same key
// twice (two bands of one row agreeing) is one membership.
type bandFn struct{}

func (bandFn) ProcessElement(sk Sketch, emit func(string, Member)) {
	m := Member{Key: sk.Key}
	for i, b := range sk.Bands {
		if slices.Contains(sk.Bands[:i], b) {
			continue
		}
		if strings.HasPrefix(b, "k:") {
			m.Features = sk.Features
		} else {
			m.Features = story.Features{}
		}
		emit(b, m)
	}
}

// bucketFn joins the articles of one bucket: a copy band or a story name
// joins them all, a key band those story mode's rule links. A bucket holds
// at most MaxBucket articles, the least by key, so that stock text or a
// name every article shares costs a bounded amount of work and memory;
// the rest are left out of that bucket (and counted).
type bucketFn struct {
	MaxBucket int

	oversize beam.Counter
}

func (f *bucketFn) Setup() {
	f.oversize = beam.NewCounter(metricsNamespace, OversizeCounter)
}

func (f *bucketFn) ProcessElement(ctx context.Context, band string, members func(*Member) bool, emit func(Edge)) {
	limit := f.MaxBucket
	if strings.HasPrefix(band, "s:") {
		// A story its articles name is grouped whole, as story mode
		// does; the story's own cap applies later.
		limit = int(^uint(0) >> 1)
	}
	var kept []Member
	var m Member
	total := 0
	for members(&m) {
		total++
		i, _ := slices.BinarySearchFunc(kept, m.Key, func(a Member, k string) int { return strings.Compare(a.Key, k) })
		if i >= limit {
			continue
		}
		kept = slices.Insert(kept, i, m)
		if len(kept) > limit {
			kept = kept[:limit]
		}
	}
	if total > len(kept) {
		f.oversize.Inc(ctx, 1)
	}
	if len(kept) < 2 {
		return
	}
	var linked func(i, j int) bool
	if strings.HasPrefix(band, "k:") {
		linked = func(i, j int) bool { return story.Linked(kept[i].Features, kept[j].Features) }
	}
	idx := make([]int, len(kept))
	for i := range idx {
		idx[i] = i
	}
	u := minhash.NewUnionFind(len(kept))
	minhash.LinkBucket(idx, u, linked)
	for i := range kept {
		if r := u.Find(i); r != i {
			emit(Edge{Member: kept[i].Key, Root: kept[r].Key})
		}
	}
}

// componentsFn closes the buckets' joins across buckets: one union-find
// over every edge, in one worker. Its memory is the articles that have a
// near-duplicate or a story (an article alone sends no edge), not the
// archive; numbers stories in the order of their first article, as story
// mode does, and cuts each to MaxStory articles, its first by key.
type componentsFn struct {
	MaxStory int

	cut beam.Counter
}

func (f *componentsFn) Setup() { f.cut = beam.NewCounter(metricsNamespace, CutCounter) }

func (f *componentsFn) ProcessElement(ctx context.Context, _ int, edges func(*Edge) bool, emit func(string, Slot)) {
	index := map[string]int{}
	var keys []string
	id := func(k string) int {
		i, ok := index[k]
		if !ok {
			i = len(keys)
			index[k] = i
			keys = append(keys, k)
		}
		return i
	}
	var pairs [][2]int
	var e Edge
	for edges(&e) {
		pairs = append(pairs, [2]int{id(e.Member), id(e.Root)})
	}
	u := minhash.NewUnionFind(len(keys))
	for _, p := range pairs {
		u.Union(p[0], p[1])
	}
	groups := u.Groups(2)
	for _, g := range groups {
		slices.SortFunc(g, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	}
	slices.SortFunc(groups, func(a, b []int) int { return strings.Compare(keys[a[0]], keys[b[0]]) })
	for n, g := range groups {
		if len(g) > f.MaxStory {
			f.cut.Inc(ctx, 1)
		}
		for _, i := range g[:min(len(g), f.MaxStory)] {
			emit(keys[i], Slot{N: n + 1, Size: len(g)})
		}
	}
}

// joinFn sends an article that is in a story to its story's judge.
type joinFn struct{}

func (joinFn) ProcessElement(key string, articles func(*[]byte) bool, slots func(*Slot) bool, emit func(int, StoryArticle)) {
	var slot Slot
	if !slots(&slot) {
		return
	}
	var a []byte
	if articles(&a) {
		emit(slot.N, StoryArticle{Key: key, Article: a, Size: slot.Size})
	}
}

// stories groups the sketched articles into stories and judges each: the
// bands are grouped by key (the shuffle of this stage), each bucket joins
// its articles, the joins are closed into components, and each component's
// articles meet their judge. It gives the story lines and the stories that
// could not be judged.
func stories(s beam.Scope, o Options, sketches, kept beam.PCollection) (beam.PCollection, beam.PCollection) {
	s = s.Scope("stories")
	buckets := beam.GroupByKey(s, beam.ParDo(s, bandFn{}, sketches))
	edges := beam.ParDo(s, &bucketFn{MaxBucket: o.MaxBucket}, buckets)
	slots := beam.ParDo(s, &componentsFn{MaxStory: o.MaxStory}, beam.GroupByKey(s, beam.AddFixedKey(s, edges)))
	members := beam.ParDo(s, joinFn{}, beam.CoGroupByKey(s, kept, slots))
	return beam.ParDo2(s, &judgeFn{Settings: o.Settings}, beam.GroupByKey(s, members))
}
