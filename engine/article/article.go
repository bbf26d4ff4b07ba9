// Package article reads news articles from plain text, Markdown, JSON Lines
// and HTML files (or standard input) and checks that their bytes are text a
// checker can read: not binary, valid UTF-8, not empty. A web page's article
// is extracted from it (main text, metadata, body links) before it is checked.
package article

import (
	"fmt"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/safetext"
)

// Format names how an article's text is laid out.
type Format string

const (
	// Text is plain text: paragraphs separated by blank lines or, for copy
	// scraped from the web, by single line breaks.
	Text Format = "text"
	// Markdown is CommonMark-style text with optional YAML front matter.
	Markdown Format = "markdown"
	// JSONLines holds one article per line as a JSON object.
	JSONLines Format = "jsonl"
	// HTML is a web page, optionally gzip-compressed; its main text is
	// extracted and laid out as Markdown before it is checked.
	HTML Format = "html"
)

// Article is one piece of copy to check, with whatever metadata came with it.
type Article struct {
	// ID identifies the article in reports: the path for files, the record's
	// id for JSON Lines.
	ID string
	// Path is the file the article came from ("-" for standard input).
	Path string
	// Line is the 1-based line of the record in a JSON Lines file; 0 otherwise.
	Line   int
	Format Format
	// Source is the article text exactly as read, or for a web page the
	// text extracted from it; every byte offset in a report points into it.
	Source string
	// Metadata from front matter or JSON fields. Title is the explicit title;
	// the headline the checker uses may instead come from the text.
	Title, Author, Date, Outlet, URL string
	// Page is what a web page adds: language, description, modified date
	// and body links; nil for other formats.
	Page *Page
	// Evidence is what the page the article was published on shows
	// beside the text (byline, dates, labels, links): always for a web
	// page, else only from a "page" block of front matter or a record.
	Evidence *Evidence
	// Story names the story the article belongs to, when its front matter
	// or record says (story mode groups articles by it before anything else).
	Story string
}

// InputError is a problem with one input (a file, a record, a directory) that
// stops it from being checked while every other input still is.
type InputError struct {
	Path   string
	Line   int // 1-based line within Path when the problem is one record, else 0
	Reason string
}

// Error is one line whatever the path holds: a file name with a newline or
// an escape sequence in it is quoted, so it cannot forge a line of output.
func (e *InputError) Error() string {
	path := safetext.Name(e.Path)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", path, e.Line, safetext.Text(e.Reason))
	}
	return fmt.Sprintf("%s: %s", path, safetext.Text(e.Reason))
}

// checkText reports why data cannot be read as article text, or "" when it
// can. Binary data is told apart from text with bad encoding because the fixes
// differ: the first is the wrong file, the second needs re-encoding.
func checkText(data []byte) string {
	if looksBinary(data) {
		return "binary data, not text"
	}
	if !utf8.Valid(data) {
		return fmt.Sprintf("invalid UTF-8 at byte %d", firstInvalidUTF8(data))
	}
	return ""
}

// looksBinary applies the usual heuristic of diff and git: a NUL byte in the
// first 8 KiB, or mostly control characters, means the file is not text.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	control := 0
	for _, b := range head {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			control++
		}
	}
	return len(head) > 0 && control*10 > len(head)
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
