package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// rawControl returns the first character of s other than newline and tab
// that acts on a terminal, or -1.
func rawControl(s string) rune {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return r
		}
	}
	return -1
}

// An article holding an escape sequence, a bell and a carriage return, and
// files whose names hold a newline, reach no terminal or CI log raw, and no
// file name forges a line on standard error.
func TestHostileTextReachesNoTerminalRaw(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "esc.md"), "The minister reportedly said \x1b[2J the plan\a would work.\r Officials agreed.\n")
	write(t, filepath.Join(dir, "a\ncredcheck: forged.md"), "The minister reportedly said so.\n")
	write(t, filepath.Join(dir, "b\ncredcheck: forged too.txt"), "\x00\x01\x02binary")
	write(t, filepath.Join(dir, "wire.jsonl"), `{"id":"r\u001b[31m1\nX","text":"Officials reportedly agreed."}`+"\n")
	for _, format := range []string{"text", "github"} {
		res := credcheck(t, dir, nil, "", "check", "--format", format, ".")
		if res.code != 2 {
			t.Errorf("%s: exit %d, want 2 (one input is binary)\n%s", format, res.code, res.stderr)
		}
		if r := rawControl(res.stdout); r >= 0 {
			t.Errorf("%s: standard output holds the raw control character %U:\n%s", format, r, res.stdout)
		}
		if r := rawControl(res.stderr); r >= 0 {
			t.Errorf("%s: standard error holds the raw control character %U:\n%s", format, r, res.stderr)
		}
		want := `credcheck: "b\ncredcheck: forged too.txt": binary data, not text` + "\n"
		if res.stderr != want {
			t.Errorf("%s: standard error = %q, want %q", format, res.stderr, want)
		}
		for _, line := range strings.Split(res.stdout, "\n") {
			if strings.HasPrefix(line, "credcheck: forged") {
				t.Errorf("%s: a file name forged the line %q", format, line)
			}
		}
	}
	res := credcheck(t, dir, nil, "", "check", "--scorecard=false", "esc.md")
	if !strings.Contains(res.stdout, `    The minister reportedly said \x1b`) {
		t.Errorf("the excerpt does not show the escape sequence escaped:\n%s", res.stdout)
	}
}
