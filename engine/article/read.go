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
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if format == JSONLines {
		f, _, err := safefile.Open(path)
		if err != nil {
			return nil, []*InputError{{Path: path, Reason: describeOSError(err)}}
		}
		defer f.Close()
		return readJSONLines(path, f, maxBytes)
	}
	data, err := safefile.ReadFile(path, maxBytes)
	if err != nil {
		return nil, []*InputError{{Path: path, Reason: describeOSError(err)}}
	}
	if format == HTML {
		var ie *InputError
		if data, ie = gunzipHTML(path, data, maxBytes); ie != nil {
			return nil, []*InputError{ie}
		}
	}
	return Parse(path, format, data)
}

func readStdin(opts LoadOptions) ([]*Article, []*InputError) {
	name := opts.StdinName
	if name == "" {
		name = Stdin
	}
	if opts.Stdin == nil {
		return nil, []*InputError{{Path: name, Reason: "standard input is not available"}}
	}
	limit := opts.maxBytes()
	// One byte past the limit tells a text too long from one that fits;
	// JSON Lines go on from there record by record.
	head, err := io.ReadAll(io.LimitReader(opts.Stdin, limit+1))
	if err != nil {
		return nil, []*InputError{{Path: name, Reason: "reading standard input: " + err.Error()}}
	}
	format := opts.StdinFormat
	if format == "" {
		format = Detect(head)
	}
	if format == JSONLines {
		return readJSONLines(name, io.MultiReader(bytes.NewReader(head), opts.Stdin), limit)
	}
	if int64(len(head)) > limit {
		le := &safefile.LimitError{Path: name, Size: -1, Limit: limit}
		return nil, []*InputError{{Path: name, Reason: le.Reason() + limitHint}}
	}
	if format == HTML {
		var ie *InputError
		if head, ie = gunzipHTML(name, head, limit); ie != nil {
			return nil, []*InputError{ie}
		}
	}
	return Parse(name, format, head)
}

// Detect guesses the format of text that came without a file name: JSON Lines
// when the first line is a JSON object, HTML when it opens as a page does
// (a doctype or an <html> tag) or is gzip-compressed, Markdown when it
// opens with front matter or a heading, plain text otherwise.
func Detect(data []byte) Format {
	if bytes.HasPrefix(data, gzipMagic) {
		return HTML
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
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
		return readJSONLines(path, bytes.NewReader(data), int64(len(data)))
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
}

// readJSONLines reads the records of a JSON Lines stream, each at most
// limit bytes; a longer one is skipped without being held and reported.
func readJSONLines(path string, r io.Reader, limit int64) ([]*Article, []*InputError) {
	lines := safefile.NewLines(r, int(min(limit, int64(maxInt))))
	if looksBinary(lines.Peek(8192)) {
		return nil, []*InputError{{Path: path, Reason: "binary data, not text"}}
	}
	var (
		articles []*Article
		problems []*InputError
		ids      = map[string]int{}
	)
	for lines.Next() {
		lineNo := lines.Number()
		fail := func(reason string) {
			problems = append(problems, &InputError{Path: path, Line: lineNo, Reason: reason})
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
		if prev, dup := ids[id]; dup {
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
		ids[id] = lineNo
		articles = append(articles, &Article{
			ID: id, Path: path, Line: lineNo, Format: JSONLines, Source: *r.Text,
			Title: r.Title, Author: r.Author, Date: r.Date, Outlet: r.Outlet, URL: r.URL, Story: r.Story,
		})
	}
	if err := lines.Err(); err != nil {
		problems = append(problems, &InputError{Path: path, Line: lines.Number() + 1, Reason: "reading: " + describeOSError(err)})
	}
	if len(articles) == 0 && len(problems) == 0 {
		problems = append(problems, &InputError{Path: path, Reason: "empty file: no JSON Lines records"})
	}
	return articles, problems
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
