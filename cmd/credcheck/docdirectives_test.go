package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// How a documented block says what running it should do. A shell block
// (```sh, ```bash or ```console) is run as written; an HTML comment right
// before it may say more:
//
//	<!-- doc-test: exit 1 -->                    every command exits 1 (0 without it)
//	<!-- doc-test: skip (needs docker) -->        the block is not run here, for that reason
//	<!-- doc-test: given story.md articles/ -->   stand-ins for the reader's own files (docStandIns)
//	<!-- doc-test: in-repo (go builds) -->        runs in the repository, not in a copy of it
//	<!-- doc-test: #2 exit 1; #3,4 skip (needs opa); #5 until interrupted -->
//
// "#N" names the Nth command of the block; "until interrupted" means the
// command keeps running (a watch session): it must print a first report
// and still be running, then it is stopped with SIGINT, as Ctrl-C does, and
// must exit with the expected code. Before any other block,
// <!-- doc-test: file PATH --> writes the block's content to PATH, as the
// page tells its reader to.

var (
	docTestMarker = regexp.MustCompile(`^<!-- doc-test: (.+) -->$`)
	perCommand    = regexp.MustCompile(`^#(\d+(?:,\d+)*) (.+)$`)
	exitDirective = regexp.MustCompile(`^exit (\d+)$`)
	skipDirective = regexp.MustCompile(`^skip \((.+)\)$`)
)

// docCommand is one command of a block and what the docs imply it does.
type docCommand struct {
	text        string
	exit        int
	skip        string // the reason it is not run, "" when it is
	interrupted bool   // runs until stopped
}

// docBlock is a runnable block of a page and its directives.
type docBlock struct {
	page     string
	line     int
	commands []docCommand
	skip     string   // the whole block
	given    []string // stand-ins
	inRepo   bool
	file     string // for a non-shell block: where its content goes
	content  string
}

func (b docBlock) where() string { return fmt.Sprintf("%s:%d", b.page, b.line) }

// shellLangs are the fences whose content is run.
var shellLangs = map[string]bool{"sh": true, "bash": true, "console": true}

// readBlock turns a fence into a docBlock; ok is false for a fence that
// is neither a shell block nor marked with "file".
func readBlock(page string, f fence) (b docBlock, ok bool, err error) {
	b = docBlock{page: page, line: f.line, content: f.content}
	var directives []string
	if m := docTestMarker.FindStringSubmatch(f.marker); m != nil {
		directives = splitDirectives(m[1])
	}
	if !shellLangs[f.lang] {
		for _, d := range directives {
			if name, found := strings.CutPrefix(d, "file "); found {
				b.file = strings.TrimSpace(name)
			} else {
				return b, false, fmt.Errorf("%s: %q is not a directive for a block that is not run", b.where(), d)
			}
		}
		return b, b.file != "", nil
	}
	if f.lang == "console" {
		b.commands = consoleCommands(f.content)
	} else if b.commands, err = shellCommands(f.content); err != nil {
		return b, false, fmt.Errorf("%s: %v", b.where(), err)
	}
	for _, d := range directives {
		indices := []int(nil)
		if m := perCommand.FindStringSubmatch(d); m != nil {
			for _, n := range strings.Split(m[1], ",") {
				i, _ := strconv.Atoi(n)
				if i < 1 || i > len(b.commands) {
					return b, false, fmt.Errorf("%s: %q: the block has %d commands", b.where(), d, len(b.commands))
				}
				indices = append(indices, i-1)
			}
			d = m[2]
		}
		apply := func(set func(c *docCommand)) {
			if indices == nil {
				for i := range b.commands {
					set(&b.commands[i])
				}
			}
			for _, i := range indices {
				set(&b.commands[i])
			}
		}
		switch {
		case exitDirective.MatchString(d):
			code, _ := strconv.Atoi(exitDirective.FindStringSubmatch(d)[1])
			apply(func(c *docCommand) { c.exit = code })
		case skipDirective.MatchString(d):
			reason := skipDirective.FindStringSubmatch(d)[1]
			if indices == nil {
				b.skip = reason
			}
			apply(func(c *docCommand) { c.skip = reason })
		case d == "until interrupted" && indices != nil:
			apply(func(c *docCommand) { c.interrupted = true })
		case strings.HasPrefix(d, "given ") && indices == nil:
			b.given = append(b.given, strings.Fields(strings.TrimPrefix(d, "given "))...)
		case strings.HasPrefix(d, "in-repo") && indices == nil:
			b.inRepo = true
		default:
			return b, false, fmt.Errorf("%s: unknown doc-test directive %q", b.where(), d)
		}
	}
	return b, true, nil
}

// splitDirectives splits a marker at the semicolons outside parentheses,
// so that a reason may hold one.
func splitDirectives(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case r == ';' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// shellCommands splits a shell block into its commands, as the shell reads
// them: continued lines joined, comments dropped.
func shellCommands(script string) ([]docCommand, error) {
	file, err := syntax.NewParser().Parse(strings.NewReader(script), "")
	if err != nil {
		return nil, err
	}
	var out []docCommand
	for _, s := range file.Stmts {
		out = append(out, docCommand{text: script[s.Pos().Offset():s.End().Offset()]})
	}
	return out, nil
}

// consoleCommands are the lines of a console block that follow a "$ "
// prompt (with their continuation lines); the rest is their output.
func consoleCommands(block string) []docCommand {
	var out []docCommand
	lines := strings.Split(block, "\n")
	for i := 0; i < len(lines); i++ {
		cmd, ok := strings.CutPrefix(lines[i], "$ ")
		if !ok {
			continue
		}
		for strings.HasSuffix(cmd, "\\") && i+1 < len(lines) {
			i++
			cmd += "\n" + lines[i]
		}
		out = append(out, docCommand{text: cmd})
	}
	return out
}
