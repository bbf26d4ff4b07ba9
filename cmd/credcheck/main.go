// Command credcheck checks news articles for credibility problems — claims
// with no source, hearsay hedges, contradictions, machine-styled copy, loaded
// words, scraper residue — with Rego policies, and scores each article.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// A check run allocates much and keeps little: collecting garbage
		// less often buys throughput for a little memory.
		debug.SetGCPercent(400)
	}
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
	fmt.Fprintf(os.Stderr, "credcheck: %v\n", err)
	return 2
}

// exitError ends a command with an exit code after it has reported its own
// outcome.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }
