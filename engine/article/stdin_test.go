package article

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// JSON Lines on standard input are handed on record by record as they come
// down a pipe, not once the producer has written 5 MB or closed it.
func TestStdinJSONLinesStreamFromAPipe(t *testing.T) {
	pr, pw := io.Pipe()
	got := make(chan *Article)
	go func() {
		Each([]string{Stdin}, LoadOptions{Stdin: pr}, func(a *Article) bool { got <- a; return true }, func(e *InputError) { t.Error(e) })
		close(got)
	}()
	for _, id := range []string{"a", "b"} {
		go pw.Write([]byte(`{"id": "` + id + `", "text": "The council met on Monday."}` + "\n"))
		select {
		case a := <-got:
			if a.ID != id || a.Format != JSONLines {
				t.Fatalf("got %s (%s), want record %s", a.ID, a.Format, id)
			}
		case <-time.After(time.Minute): // a guard against hanging, not a timing
			t.Fatalf("record %s not handed on while the pipe stays open", id)
		}
	}
	pw.Close()
	if a, ok := <-got; ok {
		t.Fatalf("a third article %s", a.ID)
	}
}

// Detecting the format from the first line that is not blank gives what
// detecting it from the whole text gives, however the text is split in
// reads.
func TestFirstLineDetectsAsTheWholeText(t *testing.T) {
	for _, text := range []string{
		"{\"id\": 1, \"text\": \"x\"}\n{\"id\": 2}\n", "\n\n  \ufeff{\"text\": \"x\"}\nmore", "\ufeff\n# Title\n\nBody\n",
		"<!DOCTYPE html>\n<html>", "---\ntitle: x\n---\nBody", "Plain text\nwith { lines\n", "   \n\t\n", "{not json\n{\"a\":1}\n",
		"\x1f\x8b\x08binary", strings.Repeat(" ", 70000) + "{\"text\": \"x\"}\n",
	} {
		for _, r := range []io.Reader{strings.NewReader(text), iotest.OneByteReader(strings.NewReader(text)), iotest.HalfReader(strings.NewReader(text))} {
			head, err := firstLine(r, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix([]byte(text), head) {
				t.Fatalf("%q: head %q is not its start", text, head)
			}
			if got, want := Detect(head), Detect([]byte(text)); got != want {
				t.Errorf("%.40q: %s from the first line %q, %s from the whole", text, got, head, want)
			}
		}
	}
}
