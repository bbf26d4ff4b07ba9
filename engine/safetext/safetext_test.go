package safetext

import "testing"

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"plain words, «quotes» and émigré — unchanged": "plain words, «quotes» and émigré — unchanged",
		"a\tb":                  "a\tb",
		"\x1b[2Jcleared":        `\x1b[2Jcleared`,
		"bell\a and \r return":  `bell\a and \r return`,
		"two\nlines":            `two\nlines`,
		"del\x7f c1\u009b":      `del\x7f c1\u009b`,
		"rtl \u202eevil\u202c":  `rtl \u202eevil\u202c`,
		"sep\u2028arator":       `sep\u2028arator`,
		"bad \xff byte":         `bad \xff byte`,
		"U+FFFD \uFFFD is text": "U+FFFD \uFFFD is text",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Text("one\ntwo\x1b", '\n'); got != "one\ntwo\\x1b" {
		t.Errorf("Text keeping newlines = %q", got)
	}
}

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"articles/story one.md": "articles/story one.md",
		"ünïcode/ok.md":         "ünïcode/ok.md",
		"a\nb.md":               `"a\nb.md"`,
		"tab\there.md":          `"tab\there.md"`,
		"esc\x1b[31m.md":        `"esc\x1b[31m.md"`,
		"latin1-\xe9.md":        `"latin1-\xe9.md"`,
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}
