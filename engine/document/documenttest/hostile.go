// Package documenttest generates articles shaped to make a careless engine
// do super-linear work: run-on sentences, thousands of one-word lines, one
// huge line, deep lists, and dense announcements and silences. Benchmarks
// time the engine on them at two sizes to show that cost grows linearly,
// and tests run them through the binary to show that they end. Every text
// is built from the words below, so no article text is copied in.
package documenttest

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// runOnClauses carry cues several rules react to (hedges, loaded words,
// announcements), so a run-on sentence gets many findings, each of which
// once held the whole sentence as its excerpt.
var runOnClauses = []string{
	"the council reportedly weighed a new levy on cargo",
	"officials apparently favoured a delay until spring",
	"Harbor Lines has announced a partnership with Norden Freight",
	"the mayor called it an iconic and visionary decision",
	"traders were rumoured to expect a fall in prices",
	"critics supposedly wanted a review of the port budget",
	"the port authority unveiled a timetable for the works",
	"sources said the talks had allegedly stalled over price",
}

// RunOn is a headline and one sentence of about n bytes on a single line:
// clauses joined by commas with no sentence end anywhere.
func RunOn(n int) string {
	var b strings.Builder
	b.Grow(n + 64)
	b.WriteString("Council Weighs Cargo Levy\n\n")
	for i := 0; b.Len() < n; i++ {
		// The pier number keeps pieces of the sentence from repeating one
		// another, which would hide their findings as copies.
		fmt.Fprintf(&b, "%s at pier %d, and ", runOnClauses[i%len(runOnClauses)], i)
	}
	b.WriteString("nothing more was said\n")
	return b.String()
}

var lineWords = []string{"harbour", "levy", "council", "reportedly", "cargo", "apparently", "iconic", "announced", "budget", "allegedly",
	"pier", "crane", "ferry", "supposedly", "toll", "dock", "freight", "legendary", "quay", "rumoured"}

// OneWordLines is n lines of one lower-case word each. Plain text reads
// lines that break mid-sentence as hard-wrapped prose, so this is one
// paragraph holding one sentence of n words.
func OneWordLines(n int) string {
	var b strings.Builder
	// Words drawn at random (from a fixed seed) keep the pieces the engine
	// cuts the sentence into from repeating one another, which would hide
	// their findings as copies.
	r := rand.New(rand.NewPCG(9, 9))
	for range n {
		b.WriteString(lineWords[r.IntN(len(lineWords))])
		b.WriteByte('\n')
	}
	return b.String()
}

// LongLine is one line of about n bytes of plain words with no punctuation.
func LongLine(n int) string {
	var b strings.Builder
	b.Grow(n + 16)
	for i := 0; b.Len() < n; i++ {
		b.WriteString(lineWords[i%len(lineWords)])
		b.WriteByte(' ')
	}
	return b.String()
}

// NestedList is a Markdown article of about n bytes: list items, each
// indented one step deeper than the last, so each nests in the one before
// (CommonMark), as deep as the reader lets a line's indentation reach.
func NestedList(n int) string {
	var b strings.Builder
	b.WriteString("# Port Budget Items\n\n")
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.Repeat("  ", i))
		fmt.Fprintf(&b, "- item %d: the council reportedly backed the cargo levy\n", i)
	}
	return b.String()
}

// AnnouncedSilent is about n bytes of sentences alternating between a party
// announcing a deal and the same parties not commenting on it: every
// announcement pairs with every silence.
func AnnouncedSilent(n int) string {
	var b strings.Builder
	b.WriteString("Harbor Lines And Norden Freight Agree Route Deal\n\n")
	for i := 0; b.Len() < n; i++ {
		if i%2 == 0 {
			fmt.Fprintf(&b, "Harbor Lines has announced a partnership with Norden Freight on route %d.\n", i)
		} else {
			fmt.Fprintf(&b, "Neither Harbor Lines nor Norden Freight has commented on route %d.\n", i)
		}
	}
	return b.String()
}
