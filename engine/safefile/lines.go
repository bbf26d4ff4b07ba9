package safefile

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// Lines reads a stream line by line, holding at most limit bytes of any
// line: a longer line is read to its end and dropped, and reported by
// TooLong, so that one huge record costs one error and the lines after it
// are still read. bufio.Scanner would stop at the first such line.
type Lines struct {
	r       *bufio.Reader
	limit   int
	line    []byte
	number  int
	tooLong bool
	err     error
}

// NewLines reads r with lines of at most limit bytes (the newline not
// counted).
func NewLines(r io.Reader, limit int) *Lines {
	return &Lines{r: bufio.NewReaderSize(r, 64<<10), limit: limit}
}

// Peek returns up to n bytes ahead without consuming them, for a look at
// the start of the stream (binary or not): those the first read brings,
// all of a file's first n bytes, but no more than have come down a pipe,
// whose writer may be waiting for its first lines to be read.
func (l *Lines) Peek(n int) []byte {
	if _, err := l.r.Peek(1); err != nil {
		return nil
	}
	b, _ := l.r.Peek(min(n, l.r.Buffered()))
	return b
}

// Next advances to the next line and reports whether there was one.
func (l *Lines) Next() bool {
	if l.err != nil {
		return false
	}
	l.line, l.tooLong = l.line[:0], false
	read := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(chunk) > 0 {
			read = true
		}
		if !l.tooLong {
			if len(l.line)+len(chunk) > l.limit+1 { // +1: the newline
				l.tooLong, l.line = true, l.line[:0]
			} else {
				l.line = append(l.line, chunk...)
			}
		}
		switch {
		case err == nil:
			l.number++
			l.line = bytes.TrimSuffix(l.line, []byte("\n"))
			return true
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			l.err = io.EOF
			if !read {
				return false
			}
			l.number++
			if !l.tooLong && len(l.line) > l.limit {
				l.tooLong, l.line = true, l.line[:0]
			}
			return true
		default:
			l.err = err
			return false
		}
	}
}

// Bytes is the current line without its newline; empty when TooLong. It
// is valid until the next call of Next.
func (l *Lines) Bytes() []byte { return l.line }

// Number is the 1-based number of the current line.
func (l *Lines) Number() int { return l.number }

// TooLong reports whether the current line was longer than the limit.
func (l *Lines) TooLong() bool { return l.tooLong }

// Err is the first read error other than the end of the stream.
func (l *Lines) Err() error {
	if errors.Is(l.err, io.EOF) {
		return nil
	}
	return l.err
}
