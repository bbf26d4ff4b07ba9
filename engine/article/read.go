package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/credcheck/credcheck/engine/safefile"
)

// DefaultMaxBytes is the largest article read unless LoadOptions say
// otherwise, whether a file or one JSON Lines record: some hundred times a
// long feature, and little enough that a run over a tree of them keeps to
// a modest amount of memory.
const DefaultMaxBytes = 5 << 20

// limitHint tells the user how to read a larger article, after the reason.
const limitHint = " (--max-bytes raises it)"

// ReadFile reads the articles in one file of the given format, refusing
// anything but a regular file and any article over maxBytes (0: the
// default). A JSON Lines file is read record by record, each record
// bounded rather than the file, so that a corpus of many articles is read
// whatever its size.
func ReadFile(path string, format Format, maxBytes int64) ([]*Article, []*InputError) {
	var c collector
	readFile(path, format, maxBytes, c.sink())
	return c.articles, c.problems
}

// sink receives what reading inputs yields, as it is read: article returns
// false to stop reading.
type sink struct {
	article func(*Article) bool
	problem func(*InputError)
}

// collector gathers what a sink receives, for the functions that return
// slices.
type collector struct {
	articles []*Article
	problems []*InputError
}

func (c *collector) sink() sink {
	return sink{
		article: func(a *Article) bool { c.articles = append(c.articles, a); return true },
		problem: func(e *InputError) { c.problems = append(c.problems, e) },
	}
}

// each hands the articles and problems of a batch to s, reporting whether
// s wants more.
func (s sink) each(articles []*Article, problems []*InputError) bool {
	for _, e := range problems {
		s.problem(e)
	}
	for _, a := range articles {
		if !s.article(a) {
			return false
		}
	}
	return true
}

func readFile(path string, format Format, maxBytes int64, s sink) bool {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if format == JSONLines {
		f, _, err := safefile.Open(path)
		if err != nil {
			s.problem(&InputError{Path: path, Reason: describeOSError(err)})
			return true
		}
		defer f.Close()
		return eachJSONLine(path, f, maxBytes, s)
	}
	data, err := safefile.ReadFile(path, maxBytes)
	if err != nil {
		s.problem(&InputError{Path: path, Reason: describeOSError(err)})
		return true
	}
	if format == HTML {
		var ie *InputError
		if data, ie = gunzipHTML(path, data, maxBytes); ie != nil {
			s.problem(ie)
			return true
		}
	}
	return s.each(Parse(path, format, data))
}

func readStdin(opts LoadOptions, s sink) bool {
	name := opts.StdinName
	if name == "" {
		name = Stdin
	}
	if opts.Stdin == nil {
		s.problem(&InputError{Path: name, Reason: "standard input is not available"})
		return true
	}
	limit := opts.maxBytes()
	// The format is known from the first line: JSON Lines are read record
	// by record from there, so that a producer's records are checked as
	// they come down a pipe. Anything else is read whole, to one byte past
	// the limit, which tells a text too long from one that fits.
	format := opts.StdinFormat
	var head []byte
	var err error
	if format == "" {
		head, err = firstLine(opts.Stdin, limit+1)
		if err == nil {
			format = Detect(head)
		}
	}
	if err == nil && format == JSONLines {
		return eachJSONLine(name, io.MultiReader(bytes.NewReader(head), opts.Stdin), limit, s)
	}
	if err == nil {
		var rest []byte
		rest, err = io.ReadAll(io.LimitReader(opts.Stdin, limit+1-int64(len(head))))
		head = append(head, rest...)
	}
	if err != nil {
		s.problem(&InputError{Path: name, Reason: "reading standard input: " + err.Error()})
		return true
	}
	if int64(len(head)) > limit {
		le := &safefile.LimitError{Path: name, Size: -1, Limit: limit}
		if opts.StdinSize > limit {
			le.Size = opts.StdinSize
		}
		s.problem(&InputError{Path: name, Reason: le.Reason() + limitHint})
		return true
	}
	if format == HTML {
		var ie *InputError
		if head, ie = gunzipHTML(name, head, limit); ie != nil {
			s.problem(ie)
			return true
		}
	}
	return s.each(Parse(name, format, head))
}

// firstLine reads r up to the end of its first line that is not blank (the
// part of a text Detect looks at), the end of r, or limit bytes.
func firstLine(r io.Reader, limit int64) ([]byte, error) {
	var head []byte
	buf := make([]byte, 64<<10)
	skip := 0 // head[:skip] is blank; each byte is looked at about once
	for int64(len(head)) < limit {
		n, err := r.Read(buf[:min(int64(len(buf)), limit-int64(len(head)))])
		from := len(head)
		head = append(head, buf[:n]...)
		if err == io.EOF {
			return head, nil
		}
		if err != nil {
			return head, err
		}
		skip = len(head) - len(bytes.TrimLeft(head[skip:], blank))
		if skip < len(head) && bytes.IndexByte(head[max(skip, from):], '\n') >= 0 {
			return head, nil
		}
	}
	return head, nil
}

// blank is what Detect skips before the first line it reads.
const blank = " \t\r\n\ufeff"

// Detect guesses the format of text that came without a file name: JSON Lines
// when the first line is a JSON object, HTML when it opens as a page does
// (a doctype or an <html> tag) or is gzip-compressed, Markdown when it
// opens with front matter or a heading, plain text otherwise.
func Detect(data []byte) Format {
	if bytes.HasPrefix(data, gzipMagic) {
		return HTML
	}
	trimmed := bytes.TrimLeft(data, blank)
	if opening := bytes.ToLower(trimmed[:min(len(trimmed), 15)]); bytes.HasPrefix(opening, []byte("<!doctype html")) || bytes.HasPrefix(opening, []byte("<html")) {
		return HTML
	}
	first, _, _ := bytes.Cut(trimmed, []byte("\n"))
	if len(first) > 0 && first[0] == '{' && json.Valid(bytes.TrimSpace(first)) {
		return JSONLines
	}
	if bytes.HasPrefix(trimmed, []byte("---")) || bytes.HasPrefix(trimmed, []byte("# ")) {
		return Markdown
	}
	return Text
}

// Parse turns the bytes of one input into articles. The bytes are already
// in memory, so no record of a JSON Lines input is too long.
func Parse(path string, format Format, data []byte) ([]*Article, []*InputError) {
	if format == JSONLines {
		var c collector
		eachJSONLine(path, bytes.NewReader(data), int64(len(data)), c.sink())
		return c.articles, c.problems
	}
	if format == HTML {
		return parseHTML(path, data)
	}
	if reason := checkText(data); reason != "" {
		return nil, []*InputError{{Path: path, Reason: reason}}
	}
	a := &Article{ID: path, Path: path, Format: format, Source: string(data)}
	if format == Markdown {
		fm, err := ParseFrontMatter(a.Source)
		if err != nil {
			return nil, []*InputError{{Path: path, Line: err.Line, Reason: err.Reason}}
		}
		fm.apply(a)
		if strings.TrimSpace(strings.TrimPrefix(a.Source[fm.End:], "\ufeff")) == "" {
			reason := "empty article"
			if fm.End > 0 {
				reason = "empty article: no text after the front matter"
			}
			return nil, []*InputError{{Path: path, Reason: reason}}
		}
		return []*Article{a}, nil
	}
	if strings.TrimSpace(strings.TrimPrefix(a.Source, "\ufeff")) == "" {
		return nil, []*InputError{{Path: path, Reason: "empty article"}}
	}
	return []*Article{a}, nil
}

// record is one line of a JSON Lines file.
type record struct {
	ID     json.RawMessage `json:"id"`
	Text   *string         `json:"text"`
	Title  string          `json:"title"`
	Author string          `json:"author"`
	Date   string          `json:"date"`
	Outlet string          `json:"outlet"`
	URL    string          `json:"url"`
	Story  string          `json:"story"`
	Page   *Evidence       `json:"page"`
}

// eachJSONLine hands the records of a JSON Lines stream to s as they are
// read, each at most limit bytes; a longer one is skipped without being
// held and reported. It reports whether s wants more.
func eachJSONLine(path string, r io.Reader, limit int64, s sink) bool {
	lines := safefile.NewLines(r, int(min(limit, int64(maxInt))))
	if looksBinary(lines.Peek(8192)) {
		s.problem(&InputError{Path: path, Reason: "binary data, not text"})
		return true
	}
	var (
		articles, problems int
		ids                idSet
	)
	for lines.Next() {
		lineNo := lines.Number()
		fail := func(reason string) {
			problems++
			s.problem(&InputError{Path: path, Line: lineNo, Reason: reason})
		}
		if lines.TooLong() {
			fail("record of more than " + safefile.Bytes(limit) + ", the limit for one article" + limitHint)
			continue
		}
		line := lines.Bytes()
		if lineNo == 1 {
			// A byte-order mark, as some editors write, is not part of the first record.
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if reason := checkText(line); reason != "" {
			fail(reason)
			continue
		}
		var r record
		if err := json.Unmarshal(line, &r); err != nil {
			fail(recordError(err))
			continue
		}
		id, err := recordID(r.ID)
		if err != nil {
			fail(err.Error())
			continue
		}
		if id == "" {
			id = fmt.Sprintf("%s:%d", path, lineNo)
		}
		if prev, dup := ids.first(id); dup {
			fail(fmt.Sprintf("duplicate id %q (first on line %d)", id, prev))
			continue
		}
		if r.Text == nil {
			fail(`record has no "text" field`)
			continue
		}
		if strings.TrimSpace(*r.Text) == "" {
			fail(fmt.Sprintf("empty article %q", id))
			continue
		}
		ids.add(id, lineNo)
		articles++
		a := &Article{
			ID: id, Path: path, Line: lineNo, Format: JSONLines, Source: *r.Text,
			Title: r.Title, Author: r.Author, Date: r.Date, Outlet: r.Outlet, URL: r.URL, Story: r.Story,
		}
		a.Evidence = r.Page.withDefaults(a, "record")
		if !s.article(a) {
			return false
		}
	}
	if err := lines.Err(); err != nil {
		problems++
		s.problem(&InputError{Path: path, Line: lines.Number() + 1, Reason: "reading: " + describeOSError(err)})
	}
	if articles == 0 && problems == 0 {
		s.problem(&InputError{Path: path, Reason: "empty file: no JSON Lines records"})
	}
	return true
}

const maxInt = int(^uint(0) >> 1)

// describeOSError gives the reason part of a file-system error without
// repeating the path, which the caller prints already, and for a limit the
// flag that raises it.
func describeOSError(err error) string {
	if errors.Is(err, safefile.ErrTooLarge) {
		return safefile.Reason(err) + limitHint
	}
	return safefile.Reason(err)
}
