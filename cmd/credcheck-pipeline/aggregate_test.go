package main

import (
	"encoding/json"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkArticle is what the aggregates read of one article of check's
// JSON report.
type checkArticle struct {
	Metadata struct{ Date, Outlet, URL string }
	Words    int
	Scored   bool
	Score    int
	Grade    string
	Findings []struct {
		Rule       string
		Suppressed *struct{ Kind string }
	}
}

// aggregate is one line of outlets.jsonl or days.jsonl as docs/scale.md
// describes it.
type aggregate struct {
	By           string         `json:"by"`
	Key          string         `json:"key"`
	Articles     int            `json:"articles"`
	Scored       int            `json:"scored"`
	MeanScore    float64        `json:"mean_score"`
	Grades       map[string]int `json:"grades"`
	ScoreBuckets []int          `json:"score_buckets"`
	Words        int            `json:"words"`
	Rules        map[string]struct {
		Findings     int     `json:"findings"`
		Per1000Words float64 `json:"per_1000_words"`
	} `json:"rules"`
}

// compareAggregates checks outlets.jsonl and days.jsonl against sums made
// here from check's JSON report of the same corpus: articles, mean score,
// grades, score buckets and per-rule rates per 1,000 words.
func compareAggregates(t *testing.T, out, checkJSON string) {
	t.Helper()
	var report struct{ Articles []checkArticle }
	if err := json.Unmarshal([]byte(checkJSON), &report); err != nil {
		t.Fatal(err)
	}
	type sums struct {
		articles, scored, scoreSum, words int
		grades                            map[string]int
		buckets                           []int
		rules                             map[string]int
	}
	want := map[string]*sums{}
	add := func(key string, a checkArticle) {
		s := want[key]
		if s == nil {
			s = &sums{grades: map[string]int{}, buckets: make([]int, 10), rules: map[string]int{}}
			want[key] = s
		}
		s.articles++
		s.words += a.Words
		if a.Scored {
			s.scored++
			s.scoreSum += a.Score
			s.grades[a.Grade]++
			s.buckets[min(a.Score/10, 9)]++
		}
		for _, f := range a.Findings {
			if f.Suppressed == nil {
				s.rules[f.Rule]++
			}
		}
	}
	for _, a := range report.Articles {
		outlet := a.Metadata.Outlet
		if outlet == "" {
			if u, err := url.Parse(a.Metadata.URL); err == nil && u.Hostname() != "" {
				outlet = strings.TrimPrefix(u.Hostname(), "www.")
			} else {
				outlet = "unknown"
			}
		}
		day := "unknown"
		if len(a.Metadata.Date) >= 10 {
			day = a.Metadata.Date[:10]
		}
		add("outlet/"+outlet, a)
		add("day/"+day, a)
	}
	got := map[string]aggregate{}
	for _, name := range []string{"outlets.jsonl", "days.jsonl"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range lines(string(data)) {
			var a aggregate
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got[a.By+"/"+a.Key] = a
		}
	}
	if len(got) != len(want) || len(want) < 6 {
		t.Errorf("%d aggregates, want %d", len(got), len(want))
	}
	for key, w := range want {
		g, ok := got[key]
		if !ok {
			t.Errorf("no aggregate for %s", key)
			continue
		}
		mean := math.Round(float64(w.scoreSum)/float64(w.scored)*100) / 100
		if g.Articles != w.articles || g.Scored != w.scored || g.Words != w.words || g.MeanScore != mean ||
			!reflect.DeepEqual(g.Grades, w.grades) || !reflect.DeepEqual(g.ScoreBuckets, w.buckets) || len(g.Rules) != len(w.rules) {
			t.Errorf("%s: got %+v, want %+v (mean %.2f)", key, g, *w, mean)
		}
		for rule, n := range w.rules {
			rate := math.Round(float64(n)*1000/float64(w.words)*100) / 100
			if r := g.Rules[rule]; r.Findings != n || r.Per1000Words != rate {
				t.Errorf("%s, rule %s: got %+v, want %d findings, %.2f per 1,000 words", key, rule, r, n, rate)
			}
		}
	}
	table, err := os.ReadFile(filepath.Join(out, "aggregates.txt"))
	if err != nil || !strings.Contains(string(table), "Coastline Wire") {
		t.Errorf("aggregates.txt: %v\n%s", err, table)
	}
}
