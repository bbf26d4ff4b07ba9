package report

import (
	"encoding/json"
	"slices"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/finding"
)

// segmentView is a run of an article's text that the same findings
// cover: plain when none does, else marked in the colour of the one
// that matters most. Badges are the findings that end where the run
// ends: the numbered links to their explanations.
type segmentView struct {
	Text   string
	Mark   *findingView
	Badges []*findingView
}

// segmentText cuts text at every finding's start and end (byte offsets,
// moved back to the start of a character), so that overlapping findings
// are all marked, each run in one colour. views[i] is the view of
// findings[i].
func segmentText(text string, findings []*finding.Finding, views []*findingView) []segmentView {
	if text == "" {
		return nil
	}
	n := len(text)
	at := func(o int) int {
		o = max(0, min(o, n))
		for o > 0 && o < n && !utf8.RuneStart(text[o]) {
			o--
		}
		return o
	}
	type span struct{ start, end int }
	spans := make([]span, len(findings))
	points := []int{0, n}
	for i, f := range findings {
		s, e := at(f.Start), at(f.End)
		e = max(e, s)
		spans[i] = span{s, e}
		points = append(points, s, e)
	}
	slices.Sort(points)
	points = slices.Compact(points)
	var out []segmentView
	for k, p := range points {
		var badges []*findingView
		for i, sp := range spans {
			if sp.end == p {
				badges = append(badges, views[i])
			}
		}
		if len(badges) > 0 {
			if len(out) == 0 {
				out = append(out, segmentView{})
			}
			last := &out[len(out)-1]
			last.Badges = append(last.Badges, badges...)
		}
		if k+1 == len(points) {
			break
		}
		q := points[k+1]
		seg := segmentView{Text: text[p:q]}
		best := -1
		for i, sp := range spans {
			if sp.start <= p && sp.end >= q && sp.start < sp.end && (best < 0 || outranks(findings[i], sp.end-sp.start, findings[best], spans[best].end-spans[best].start)) {
				best = i
			}
		}
		if best >= 0 {
			seg.Mark = views[best]
		}
		out = append(out, seg)
	}
	return out
}

// outranks says whether finding a (spanning width bytes) is the one to
// colour a run by rather than b: a counting finding before a suppressed
// one, a problem before a credit, the more severe, then the narrower.
func outranks(a *finding.Finding, aw int, b *finding.Finding, bw int) bool {
	if a.Counts() != b.Counts() {
		return a.Counts()
	}
	if a.Credit() != b.Credit() {
		return !a.Credit()
	}
	if a.Severity.Rank() != b.Severity.Rank() {
		return a.Severity.Rank() > b.Severity.Rank()
	}
	return aw < bw
}

// storiesView is the story report as its JSON gives it (docs/story.md):
// the story package builds it and depends on this one, so the html
// format reads it through the published schema rather than its types.
type storiesView struct {
	Stories []struct {
		ID       string         `json:"id"`
		Articles []storyArticle `json:"articles"`
		Findings []storyFinding `json:"findings"`
		Score    storyScorecard `json:"scorecard"`
	} `json:"stories"`
	Alone []storyArticle `json:"alone"`
}

type storyArticle struct {
	ID       string `json:"id"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Headline string `json:"headline"`
	Score    int    `json:"score"`
	Grade    string `json:"grade"`
}

type storyFinding struct {
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Cites    []struct {
		Article  int    `json:"article"`
		Path     string `json:"path"`
		Record   string `json:"record"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Sentence string `json:"sentence"`
	} `json:"cites"`
}

type storyScorecard struct {
	Sources       []string `json:"sources"`
	Confirmations []string `json:"confirmations"`
	OnRecord      []string `json:"on_record"`
	Corroboration string   `json:"corroboration"`
	Best          int      `json:"best"`
}

func newStoriesView(s Stories) (*storiesView, error) {
	data, err := json.Marshal(s.JSONValue())
	if err != nil {
		return nil, err
	}
	var v storiesView
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return &v, nil
}
