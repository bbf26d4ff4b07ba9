// Command credcheck checks news articles for credibility problems — claims
// with no source, hearsay hedges, contradictions, machine-styled copy, loaded
// words, scraper residue — with Rego policies, and scores each article.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/credcheck/credcheck/engine/gcpace"
	"github.com/credcheck/credcheck/engine/safetext"
)

func main() {
	// A check run allocates much and keeps little: collecting garbage less
	// often buys throughput, and pacing it by what is live keeps a long
	// run's memory from growing by a multiple of what it keeps.
	gcpace.StartUnlessSet()
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and returns the process exit code.
func run(args []string) int {
	root := newRootCommand()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	if e, ok := err.(*exitError); ok {
		return e.code
	}
	printError(os.Stderr, err)
	return 2
}

// printError writes an error to standard error. Errors of several lines
// (one per broken policy file, say) keep their lines; any other character
// that would act on the terminal is escaped, whatever input it came from.
func printError(w io.Writer, err error) {
	fmt.Fprintf(w, "credcheck: %s\n", safetext.Text(err.Error(), '\n'))
}

// exitError ends a command with an exit code after it has reported its own
// outcome.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }
