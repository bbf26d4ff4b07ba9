package report

import (
	"io"
)

// Stream writes a report while its run goes on: Article is called with each
// article in input order as soon as it is checked, and Finish once at the
// end with the rest of the report (errors, notices, and the run's Totals
// in place of its articles). The json and text formats write each article
// as it comes, so that a run's memory does not grow with its articles;
// the other formats need the whole run before their first byte (totals in
// a header, a document that is built whole) and hold the articles until
// Finish.
type Stream interface {
	Article(a *Article) error
	Finish(r *Report) error
}

// streamer starts a Stream to w; head holds what is known before the first
// article: the notices of the policies and the loaded rules.
type streamer func(w io.Writer, head *Report, opts Options) (Stream, error)

var streamers = map[string]streamer{}

func registerStream(name string, s streamer) { streamers[name] = s }

// Streams reports whether the named format writes articles as they come,
// rather than holding them until the run is over.
func Streams(format string) bool {
	name, _ := SplitFormat(format)
	_, ok := streamers[name]
	return ok
}

// NewStream starts the named format's report to w.
func NewStream(w io.Writer, format string, head *Report, opts Options) (Stream, error) {
	if err := CheckFormat(format); err != nil {
		return nil, err
	}
	name, _ := SplitFormat(format)
	if s, ok := streamers[name]; ok {
		return s(w, head, opts)
	}
	return &holding{w: w, write: writers[name], opts: opts}, nil
}

// holding is the Stream of a format that writes the whole report at once.
type holding struct {
	w        io.Writer
	write    Writer
	opts     Options
	articles []*Article
}

func (h *holding) Article(a *Article) error {
	h.articles = append(h.articles, a)
	return nil
}

func (h *holding) Finish(r *Report) error {
	whole := *r
	whole.Articles, whole.Totals = h.articles, nil
	return h.write(h.w, &whole, h.opts)
}
