// Package finding holds the vocabulary shared by every stage after policy
// evaluation: severities, the fixed list of rule categories, and the located
// finding that scoring and reports work with.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Severity is how serious a finding is. It decides whether a run fails
// (--fail-level) and how much a finding costs in the score.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Severities lists the severities from most to least serious.
var Severities = []Severity{Error, Warning, Info}

// Rank orders severities: error 3, warning 2, info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// ParseSeverity reads a severity name.
func ParseSeverity(s string) (Severity, error) {
	switch sev := Severity(strings.ToLower(strings.TrimSpace(s))); sev {
	case Error, Warning, Info:
		return sev, nil
	}
	return "", fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Categories are the kinds of evidence rules report. The list is fixed
// because scoring gives each a cap; a rule must name one of them. All but
// CreditCategory hold problems that cost points.
var Categories = []string{"attribution", "hedge", "contradiction", "machine", "editorial", "boilerplate", CreditCategory}

// CreditCategory holds positive evidence (named, on-record and primary
// sources, specifics, a response sought): its findings earn points instead
// of costing them, and never fail a run.
const CreditCategory = "sourcing"

// KnownCategory reports whether c is one of Categories.
func KnownCategory(c string) bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

// Finding is one problem a rule found in an article, located in its text.
type Finding struct {
	Rule     string
	Category string
	Severity Severity
	Message  string
	// Cue is what the rule reacted to, usually the matched words.
	Cue string
	// Start and End are byte offsets into the analysed text.
	Start, End int
	// Line and Column (1-based, column in characters) locate Start;
	// EndLine and EndColumn locate End.
	Line, Column       int
	EndLine, EndColumn int
	// Sentence indexes the document's sentences.
	Sentence int
	// Lead is set when the sentence is in the headline or the lede, where
	// a finding weighs the same however long the article is.
	Lead bool
	// Excerpt is the sentence, white space collapsed; MarkStart and MarkEnd
	// are the character offsets of the finding within it.
	Excerpt            string
	MarkStart, MarkEnd int
	// Problem is shared by findings of one rule that report the same
	// problem at several places; only the first of them costs points.
	Problem string
	// Strength scales the finding's points, for rules whose evidence comes
	// in degrees; 1 for most.
	Strength float64
	// Points is what the finding took off the score.
	Points float64
	// Fingerprint identifies the finding across edits of the article: it
	// is made of the rule, the words of the sentence and the cue, not of
	// positions, so moving a paragraph or editing another keeps it.
	Fingerprint string
	// Suppressed, when set, says why the finding does not count: it stays
	// in machine-readable reports but costs no points and fails no run.
	Suppressed *Suppression
}

// Suppression says why a finding does not count.
type Suppression struct {
	// Kind is "inline" (a comment in the article), "config" (an ignore
	// entry of the configuration) or "baseline" (a known finding).
	Kind string
	// Reason names the comment, entry or file.
	Reason string
}

// Kinds of suppression.
const (
	SuppressedInline   = "inline"
	SuppressedConfig   = "config"
	SuppressedBaseline = "baseline"
)

// Fingerprint is the stable identity of a finding of rule on the cue in
// a sentence: a hash of the three, with case, punctuation and white space
// folded so that re-wrapping a line or fixing a comma keeps it.
func Fingerprint(rule, sentence, cue string) string {
	h := sha256.New()
	h.Write([]byte(rule))
	h.Write([]byte{0})
	h.Write([]byte(normalise(sentence)))
	h.Write([]byte{0})
	h.Write([]byte(normalise(cue)))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// normalise keeps the words of s, lower-cased, one space apart: runs of
// letters and digits after lower-casing, in one pass and one allocation,
// since every finding of a run takes one.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
		b.WriteRune(r)
	}
	return b.String()
}

// Counts reports whether the finding counts towards scores and gates.
func (f *Finding) Counts() bool { return f.Suppressed == nil }

// Credit reports whether the finding is positive evidence, which earns
// points and never fails a run.
func (f *Finding) Credit() bool { return f.Category == CreditCategory }

// Sort orders findings by position, then rule, message and problem, so
// that output is the same on every run.
func Sort(fs []*Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		// Two findings of a rule at one place with one message may still
		// report different problems; the order must not be left to the
		// order rules were evaluated in, as the first of a problem costs
		// its points.
		return a.Problem < b.Problem
	})
}
