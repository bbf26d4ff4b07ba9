package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// The jsonl format is JSON Lines: one article per line, each the object the
// json format puts in its articles list, written and flushed as soon as
// the article and those before it are checked, so that a program reading
// a pipe gets each result while the run goes on. The last line is the rest
// of the json report (version, tool, errors, notices, summary, and the
// stories under check --story), which only the end of the run knows; it is
// told from an article by its "summary".
// Lines are compact whatever json-indent says: a line is a record.

func init() {
	register("jsonl", writeJSONL)
	registerStream("jsonl", newJSONLStream)
}

// jsonlTail is the last line: the json report without its articles.
type jsonlTail struct {
	Version int         `json:"version"`
	Tool    jsonTool    `json:"tool"`
	Errors  []jsonError `json:"errors"`
	Notices []string    `json:"notices"`
	Summary jsonSummary `json:"summary"`
	// Stories is the json report's stories (check --story): story findings
	// need every article, so they can only come at the end.
	Stories any `json:"stories,omitempty"`
}

// lineEncoder writes values as jsonl lines: compact, "<" and "&" left as
// they are, one newline after each. Its buffer is reused line to line.
type lineEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newLineEncoder() *lineEncoder {
	e := &lineEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

// encode returns v as one line, valid until the next call.
func (e *lineEncoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return e.buf.Bytes(), nil
}

type jsonlStream struct {
	w    *bufio.Writer
	opts Options
	enc  *lineEncoder
}

func writeJSONL(w io.Writer, r *Report, opts Options) error {
	s, err := newJSONLStream(w, r, opts)
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

func newJSONLStream(w io.Writer, _ *Report, opts Options) (Stream, error) {
	return &jsonlStream{w: bufio.NewWriter(w), opts: opts, enc: newLineEncoder()}, nil
}

// line writes v as one line and flushes it.
func (s *jsonlStream) line(v any) error {
	line, err := s.enc.encode(v)
	if err != nil {
		return err
	}
	if _, err := s.w.Write(line); err != nil {
		return err
	}
	return s.w.Flush()
}

func (s *jsonlStream) Article(a *Article) error { return s.line(jsonArticleOf(a)) }

// ArticleJSON is one article as a line of the jsonl format, without its
// newline: the object the json format puts in its articles list. Programs
// that hand results on one at a time (the archive pipeline) write these
// and so cannot drift from check's schema.
func ArticleJSON(a *Article) ([]byte, error) {
	line, err := newLineEncoder().encode(jsonArticleOf(a))
	return bytes.TrimSuffix(line, []byte("\n")), err
}

func (s *jsonlStream) Finish(r *Report) error {
	t := jsonTail(r, s.opts)
	return s.line(jsonlTail{Version: t.Version, Tool: t.Tool, Errors: t.Errors, Notices: t.Notices, Summary: t.Summary, Stories: t.Stories})
}
