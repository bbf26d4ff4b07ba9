package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// The json format is written as the run goes: the head of the report
// (version, tool, the opening of articles) first, each article as it is
// checked, and the errors, notices and summary once the run is over. The
// bytes are those encoding/json gives for the whole report at once,
// indented or compact, because each part is encoded the same way and
// indented at its depth.

// jsonArticlesKey opens the articles in the compact and the indented
// encoding of a report.
const (
	jsonArticlesCompact  = `"articles":[`
	jsonArticlesIndented = `"articles": [`
)

type jsonStream struct {
	w       *bufio.Writer
	opts    Options
	written int
}

func init() { registerStream("json", newJSONStream) }

// writeJSON writes a report whose articles are all in hand, through the
// same code as a streamed one.
func writeJSON(w io.Writer, r *Report, opts Options) error {
	s, err := newJSONStream(w, r, opts)
	if err != nil {
		return err
	}
	for _, a := range r.Articles {
		if err := s.Article(a); err != nil {
			return err
		}
	}
	return s.Finish(r)
}

func newJSONStream(w io.Writer, head *Report, opts Options) (Stream, error) {
	s := &jsonStream{w: bufio.NewWriter(w), opts: opts}
	doc, at, err := s.document(jsonTail(&Report{}, opts))
	if err != nil {
		return nil, err
	}
	_, err = s.w.Write(doc[:at])
	return s, err
}

// document encodes a report without articles, giving where its articles
// go: just past the opening bracket of its empty list.
func (s *jsonStream) document(v jsonReport) ([]byte, int, error) {
	doc, err := s.encode(v, "")
	if err != nil {
		return nil, 0, err
	}
	key := jsonArticlesCompact
	if !s.opts.CompactJSON {
		key = jsonArticlesIndented
	}
	// The first match is the key: a string value cannot hold an unescaped
	// quote, so a key-like text inside one reads \"articles\".
	at := bytes.Index(doc, []byte(key+"]"))
	if at < 0 {
		return nil, 0, fmt.Errorf("json report: no articles list")
	}
	return doc, at + len(key), nil
}

// encode is v as encoding/json writes it, at the depth of prefix and
// without the trailing newline.
func (s *jsonStream) encode(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if !s.opts.CompactJSON {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func (s *jsonStream) Article(a *Article) error {
	b, err := s.encode(jsonArticleOf(a), "    ")
	if err != nil {
		return err
	}
	switch {
	case s.opts.CompactJSON && s.written > 0:
		s.w.WriteByte(',')
	case !s.opts.CompactJSON && s.written > 0:
		s.w.WriteString(",\n    ")
	case !s.opts.CompactJSON:
		s.w.WriteString("\n    ")
	}
	s.written++
	_, err = s.w.Write(b)
	return err
}

func (s *jsonStream) Finish(r *Report) error {
	doc, at, err := s.document(jsonTail(r, s.opts))
	if err != nil {
		return err
	}
	if !s.opts.CompactJSON && s.written > 0 {
		s.w.WriteString("\n  ")
	}
	s.w.Write(doc[at:])
	s.w.WriteByte('\n')
	return s.w.Flush()
}
