// Package fuzzseed holds the hostile inputs the fuzz targets of the engine
// start from: the cases of issue 9 that already end in one clear error and
// must keep doing so (bad encodings, NUL bytes, empty text, malformed
// records, alias-bombed YAML, terminal escapes, broken baselines) and the
// shapes that once made the engine slow (run-on lines, nested lists, many
// one-word lines). They are generated here, a few KB each, so that every
// target's seed corpus runs in a moment as part of `go test ./...`.
//
// The prose is written for these seeds; it copies no article of the seed or
// evaluation sets.
package fuzzseed

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// MaxInput is the largest input a fuzz target works on; larger ones are
// skipped so that one input costs milliseconds, not seconds, and the input
// size limits (another part of issue 9) are not what is being fuzzed.
const MaxInput = 64 << 10

// Plain is a short news-style article in plain text.
const Plain = `Town Council Approves New Bus Depot

The town council voted on Tuesday to build a bus depot on the old mill site, according to the minutes of the meeting. The depot will cost $4.2 million and open in 2027.

Critics reportedly fear the traffic. "We were never asked," said Mara Quill, who runs a bakery on Mill Lane. Some residents say the plan was rushed.

It is widely believed that the vote was close. Officials did not respond to a request for comment.
`

// Markdown is a short article with front matter, a heading, a list, a
// quote, code and suppression comments.
const Markdown = `---
title: Harbour Dredging Starts Next Month
author: Ole Brandt
date: 2025-03-04
outlet: The Coast Ledger
url: https://example.org/harbour
---

# Harbour Dredging Starts Next Month

Dredging of the inner harbour will begin in April, the port authority said in a statement on Monday.

<!-- credcheck-disable hearsay-hedge -- the quote is the story -->
The works are allegedly the largest in a decade.
<!-- credcheck-enable -->

- Boats will moor at the north quay.
- The ferry keeps its timetable.

> "It is a long-awaited job," said harbour master Ines Vale.

<!-- credcheck-disable-next-line -->
Experts say the silt is clean.

` + "```\ncode block: said reportedly\n```\n"

// JSONLines is two good records.
const JSONLines = `{"id": "a1", "title": "Mayor Opens Bridge", "text": "The mayor opened the new footbridge on Friday, officials said.\n\nAbout 300 people attended."}
{"id": 7, "text": "Sources say the shop will close. It has traded since 1962.", "author": "Rui Sato", "date": "2025-01-02"}
`

// Articles are the hostile and ordinary inputs every article reader and the
// end-to-end target start from.
func Articles() [][]byte {
	return [][]byte{
		[]byte(Plain),
		[]byte(Markdown),
		[]byte(JSONLines),
		{},
		[]byte("   \n\t\n \r\n  "),
		[]byte("\ufeff"),
		[]byte("\ufeff" + Plain),
		// Invalid UTF-8 in the middle of prose, and a lone continuation byte.
		[]byte("The minister said the \xff\xfe figures were final.\n"),
		[]byte("Prices rose \x80 sharply, analysts said.\n"),
		utf16LE("The library reopens on Monday, a spokesperson said."),
		utf16BE("The library reopens on Monday, a spokesperson said."),
		[]byte("The council\x00 voted on Tuesday.\x00\n"),
		// Terminal escapes: colour, cursor movement, a window title.
		[]byte("\x1b[31mRed Alert\x1b[0m Over Port Strike\n\nWorkers reportedly walked out.\x1b[2J\x1b]0;pwned\x07 The union said talks failed.\n"),
		[]byte("Windows line ends\r\n\r\nThe board said the budget grew.\r\nOld Mac line ends\rstill happen.\r"),
		RunOnLine(4 << 10),
		NestedList(64),
		NestedQuotes(64),
		OneWordLines(800),
		[]byte("---\ntitle: Never closed\nauthor: Nobody\n\nThe text goes on without a closing line.\n"),
		[]byte("---\n" + AliasBomb() + "---\n\nThe text after the bomb, officials said.\n"),
		[]byte("---\ntitle: [unclosed\n---\n\nText.\n"),
		[]byte("# Heading only\n"),
		[]byte("```\nan unclosed fence said reportedly\n"),
		[]byte("<!-- credcheck-disable\nThe comment never closes, sources say.\n"),
		[]byte("<!-- credcheck-disable-next-line -->"),
		[]byte(MalformedJSONLines),
		[]byte(`{"id": "x", "text": "Quoted \"scare\" words said \u0000 here \u001b[31m."}` + "\n"),
		[]byte("$1 2% 3bn 4.5.6 1,000,000,000,000,000,000,000,000 1e308 -0 0x1F 99999999999999999999% ¥ €\n"),
		[]byte(strings.Repeat("\"", 300) + "\n" + strings.Repeat("“", 200) + "\n"),
		[]byte(strings.Repeat("A. ", 1000)),
		[]byte(strings.Repeat("Mr. Big Name Inc. ", 200)),
	}
}

// MalformedJSONLines mixes good records with every kind of bad one.
const MalformedJSONLines = `{"id": 1, "text": "A good record, the agency said."}
{"id":
[1, 2, 3]
"just a string"
{"text": 5}
{"id": {"nested": true}, "text": "bad id"}
{"id": "dup", "text": "First."}
{"id": "dup", "text": "Second."}
{"id": "empty", "text": "   "}
{"id": "notext"}
{"id": "trailing", "text": "x"} garbage
null
`

// RunOnLine is about n bytes of words with no sentence end.
func RunOnLine(n int) []byte {
	words := []string{"the", "committee", "reportedly", "said", "that", "sources", "close", "to", "Mara", "Quill", "believe", "$3", "million", "was", "spent", "and"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	return []byte(b.String())
}

// NestedList is a Markdown list nested depth levels deep.
func NestedList(depth int) []byte {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, "%s- level %d, officials said\n", strings.Repeat("  ", i), i)
	}
	return []byte(b.String())
}

// NestedQuotes is a block quote nested depth levels deep.
func NestedQuotes(depth int) []byte {
	var b strings.Builder
	for i := 1; i <= depth; i++ {
		fmt.Fprintf(&b, "%s quote %d reportedly\n", strings.Repeat(">", i), i)
	}
	return []byte(b.String())
}

// OneWordLines is n lines of one word each.
func OneWordLines(n int) []byte {
	words := []string{"Allegedly", "growth", "Harbour", "said", "42", "reportedly"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// AliasBomb is YAML whose aliases expand to billions of nodes if a decoder
// follows them naively.
func AliasBomb() string {
	var b strings.Builder
	b.WriteString(`a: &a ["x","x","x","x","x","x","x","x","x"]` + "\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		fmt.Fprintf(&b, "%s: &%s [%s]\n", name, name, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
		prev = name
	}
	return b.String()
}

// YAML are hostile YAML documents for the configuration and data loaders.
func YAML() [][]byte {
	return [][]byte{
		{},
		[]byte("\n"),
		[]byte(AliasBomb()),
		[]byte("a: [unclosed\n"),
		[]byte("- a list\n- not a mapping\n"),
		[]byte("just a scalar"),
		[]byte("key: value\nkey: duplicate\n"),
		[]byte("\t tab: indented\n"),
		[]byte("x: !!binary AAAA\ny: !!timestamp nope\nz: !custom tag\n"),
		[]byte("n: .nan\np: .inf\nm: -.inf\nbig: 1e400\nneg: -1e400\n"),
		[]byte("a: &x {b: *x}\n"),
		[]byte("? [complex, key]\n: value\n"),
		[]byte("\ufeffbom: true\n"),
		[]byte("\x00: nul\n"),
		[]byte("s: \"\\x1b[31mred\\u0007\"\n"),
		[]byte(strings.Repeat("[", 2000)),
		[]byte(strings.Repeat("- ", 500) + "x\n"),
		[]byte("--- \n...\n---\nsecond: doc\n"),
	}
}

// Baselines are baseline files, good and broken in every way seen so far.
func Baselines() [][]byte {
	good := `{
  "version": 1,
  "findings": [
    {"article": "news/a.md", "rule": "hearsay-hedge", "fingerprint": "0123abcd", "line": 3, "excerpt": "It is allegedly large."},
    {"article": "feed.jsonl#7", "rule": "vague-source", "fingerprint": "ffee0011", "line": 1, "excerpt": "Sources say so."}
  ]
}
`
	return [][]byte{
		[]byte(good),
		[]byte(good[:len(good)/2]), // cut short, as a full disk leaves it
		{},
		[]byte("null"),
		[]byte("[]"),
		[]byte(`{"version": 2, "findings": []}`),
		[]byte(`{"version": 1, "findings": [], "extra": true}`),
		[]byte(`{"version": 1, "findings": [{"article": "a.md"}]}`),
		[]byte(`{"version": 1, "findings": {"not": "a list"}}`),
		[]byte(`{"version": "1", "findings": []}`),
		[]byte(`{"version": 1e999, "findings": []}`),
		[]byte(`{"version": 1, "findings": []} {"version": 1}`),
		[]byte("\xff\xfe{\x00}\x00"),
		[]byte(`{"version": 1, "findings": [{"article": "\u001b[2J", "rule": "r", "fingerprint": "f", "line": -5, "excerpt": "\u0000"}]}`),
		[]byte(`{"version": 1, "findings": [{"article": "../../etc/passwd", "rule": "r", "fingerprint": "f"}]}`),
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func utf16BE(s string) []byte {
	out := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}
