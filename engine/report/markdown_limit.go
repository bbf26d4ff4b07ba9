package report

import (
	"bufio"
	"fmt"
	"strings"
)

const (
	// DefaultMarkdownLimit is the default cap on the markdown format, and
	// the cap on what the github format appends to the job summary:
	// GitHub shows no job summary over 1 MiB. A pull-request comment holds
	// at most 65,536 characters; --markdown-limit 65536 fits one.
	DefaultMarkdownLimit = 1 << 20
	// mdReserve is the room kept for the paragraph that says where the
	// report was cut.
	mdReserve = 1024
	// mdPointer caps how the full report is named there.
	mdPointer = 400
)

// The parts of a Markdown report that a cap can leave out.
const (
	mdRow = iota
	mdSection
	mdOther
)

// mdCapped writes a Markdown report part by part until the next part would
// pass the limit; from there on it only counts what it leaves out, so that
// the report is cut between parts, never inside a table row or a link.
type mdCapped struct {
	out     *bufio.Writer
	limit   int
	written int
	cut     bool
	left    [3]int
}

// force writes s whatever the limit: the heading and the result line.
func (c *mdCapped) force(s string) {
	c.out.WriteString(s)
	c.written += len(s)
}

func (c *mdCapped) add(kind int, s string) {
	if !c.cut && c.limit > 0 && c.written+len(s)+mdReserve > c.limit {
		c.cut = true
	}
	if c.cut {
		c.left[kind]++
		return
	}
	c.force(s)
}

// finish says, when the report was cut, what it leaves out and where the
// whole of it is.
func (c *mdCapped) finish(articles int, fullReport string) {
	if !c.cut {
		return
	}
	var parts []string
	if n := c.left[mdRow]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d articles in the table", n, articles))
	}
	if n := c.left[mdSection]; n > 0 {
		parts = append(parts, fmt.Sprintf("the findings of %s", plural(n, "article")))
	}
	if n := c.left[mdOther]; n > 0 {
		parts = append(parts, plural(n, "other section"))
	}
	if fullReport == "" {
		fullReport = "credcheck check --format markdown --markdown-limit 0 --output FILE"
	}
	fmt.Fprintf(c.out, "\n**Cut short** to stay within %d bytes: %s left out. The full report: %s.\n",
		c.limit, strings.Join(parts, ", "), mdText(clip(fullReport, mdPointer)))
}
