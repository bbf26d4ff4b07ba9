package story

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
)

// syllables make invented names, so that each synthetic story has names of
// its own.
var syllables = []string{"bar", "cel", "dov", "fen", "gar", "hol", "ist", "jor", "kal", "lum", "mor", "nev", "ost", "pra", "quin", "rav", "sel", "tor", "ulm", "vex"}

func name(i, salt int) string {
	a := syllables[(i+salt)%len(syllables)]
	b := syllables[(i/len(syllables)+salt*7)%len(syllables)]
	c := syllables[(i/(len(syllables)*len(syllables))+salt*3)%len(syllables)]
	return strings.ToUpper(a[:1]) + a[1:] + b + c
}

// corpus makes n articles in stories of size articles: each story has two
// companies, a person and a figure of its own, and every article also
// names places every story names, which must not join stories.
func corpus(t testing.TB, n, size int) []*document.Document {
	t.Helper()
	set, err := policy.Load(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]*document.Document, 0, n)
	for i := range n {
		s := i / size
		buyer, seller, chief := name(s, 1), name(s, 2), name(s, 3)+" "+name(s, 4)
		text := fmt.Sprintf("%s Agrees to Buy %s\n\n%s has agreed to buy %s for $%d.%d million, the companies said in London on Monday. %s, chief executive of %s, said the deal would close in Europe by the autumn.\n\nShares of %s rose %d%% in New York, where analysts in Washington had expected a deal with %s for weeks.\n",
			buyer, seller, buyer, seller, 100+s, i%size, chief, buyer, buyer, 1+s%9, seller)
		a := &article.Article{ID: fmt.Sprintf("a%d", i), Path: fmt.Sprintf("a%d.txt", i), Format: article.Text, Source: text}
		d, err := document.Build(a, set.Lexicons)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestGroupKeepsStoriesApart(t *testing.T) {
	const n, size = 120, 6
	groups := Group(corpus(t, n, size))
	if len(groups) != n/size {
		t.Fatalf("%d groups, want %d", len(groups), n/size)
	}
	for k, g := range groups {
		for j, i := range g {
			if i != k*size+j {
				t.Fatalf("group %d = %v, want articles %d–%d", k, g, k*size, k*size+size-1)
			}
		}
	}
}

func TestGroupByStoryKey(t *testing.T) {
	docs := corpus(t, 4, 2)
	// Articles 1 and 2 tell different stories but share a key; the key
	// wins, and article 0, which shares names with 1, is left out of it.
	docs[1].Article.Story, docs[2].Article.Story = "forced", "forced"
	got := fmt.Sprint(Group(docs))
	if got != "[[0] [1 2] [3]]" {
		t.Errorf("groups %s, want [[0] [1 2] [3]]", got)
	}
}

// BenchmarkGroup groups corpora of growing size; ns/op should grow about
// in proportion (near-linear), as no article is compared with every
// other:
//
//	go test ./engine/story -run '^$' -bench Group -benchmem
func BenchmarkGroup(b *testing.B) {
	for _, n := range []int{500, 1000, 2000} {
		docs := corpus(b, n, 10)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Group(docs)
			}
		})
	}
}

// BenchmarkJudge is story mode after the check: grouping, building each
// story's document and judging it with the story rules, over n articles in
// stories of ten. Its cost per article should stay about flat as n grows:
//
//	go test ./engine/story -run '^$' -bench Judge -benchmem
func BenchmarkJudge(b *testing.B) {
	r := runner(b)
	for _, n := range []int{500, 1000, 2000} {
		docs := corpus(b, n, 10)
		results := make([]*report.Article, n)
		for i, d := range docs {
			results[i] = &report.Article{ID: d.Article.ID, Path: d.Article.Path}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if rep := r.Judge(context.Background(), results, docs); len(rep.Stories) != n/10 || len(rep.Errors) > 0 {
					b.Fatalf("%d stories, errors %v", len(rep.Stories), rep.Errors)
				}
			}
		})
	}
}

// Linked, asked of two articles held apart, links the articles of one
// story and no others, as Group does with the whole set in hand.
func TestLinkedAgreesWithGroup(t *testing.T) {
	const n, size = 24, 6
	docs := corpus(t, n, size)
	features := make([]Features, n)
	for i, d := range docs {
		features[i] = FeaturesOf(d)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			if got, want := Linked(features[i], features[j]), i/size == j/size; got != want {
				t.Errorf("Linked(a%d, a%d) = %v, want %v; features %+v and %+v", i, j, got, want, features[i], features[j])
			}
		}
	}
}
