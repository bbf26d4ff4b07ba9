package lexicon

import (
	"fmt"
	"strings"
)

// Lexicons of kind hosts and labels are not matched against an article's
// text: the engine looks up single values in them, a link's host or a label
// a page shows, and hands the rules the group that matched. Keeping these
// lists as lexicons lets a newsroom add its own courts or regulators, or the
// label its CMS prints, with the same files and --data edits as any cue.
//
// A hosts entry is a host name or its last labels: "gov" matches
// "www.cdc.gov", "nature.com" matches "www.nature.com", and "*" stands for
// any one label ("gov.*" matches "ons.gov.uk"). The longest matching entry
// wins, so "uscourts.gov" can be filed as a court while "gov" is government.
//
// A labels entry is a label as folded text: "opinion" matches "Opinion",
// "OPINION:" and "Opinion | Letters"; an entry ending in " *" matches any
// label that starts with the words before it ("sponsored by *").

func checkValues(lex *Lexicon) error {
	for _, e := range lex.Entries {
		if lex.Kind == Hosts {
			for _, l := range strings.Split(e.Term, ".") {
				if l == "" || (l != "*" && strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "") {
					return &Error{Lexicon: lex.Name, Entry: e.Term, Reason: fmt.Sprintf("entry %q is not a host name: lower-case labels of letters, digits and -, or *, joined by dots", e.Term)}
				}
			}
		}
	}
	return nil
}

// HostGroup returns the group of the longest entry of the hosts lexicon
// name that host matches, and whether one does. A lexicon the set does not
// hold, or of another kind, matches nothing.
func (s *Set) HostGroup(name, host string) (string, bool) {
	lex := s.Lookup(name)
	if lex == nil || lex.Kind != Hosts {
		return "", false
	}
	labels := strings.Split(strings.TrimSuffix(strings.ToLower(host), "."), ".")
	best, group := 0, ""
	for _, e := range lex.Entries {
		want := strings.Split(e.Term, ".")
		if len(want) <= best || len(want) > len(labels) {
			continue
		}
		tail := labels[len(labels)-len(want):]
		ok := true
		for i, w := range want {
			ok = ok && (w == "*" || w == tail[i])
		}
		if ok {
			best, group = len(want), e.Group
		}
	}
	return group, best > 0
}

// LabelGroup returns the group of the first entry of the labels lexicon
// name that label matches, and whether one does. The label is read as
// written and, when it has one, up to its first colon, bar or dash
// separator ("Opinion: Why the bridge…").
func (s *Set) LabelGroup(name, label string) (string, bool) {
	lex := s.Lookup(name)
	if lex == nil || lex.Kind != Labels {
		return "", false
	}
	whole := foldLabel(label)
	head := whole
	if i := strings.IndexAny(whole, ":|–—"); i > 0 {
		head = strings.TrimSpace(whole[:i])
	}
	for _, e := range lex.Entries {
		term := foldLabel(e.Term)
		if prefix, ok := strings.CutSuffix(term, " *"); ok {
			if strings.HasPrefix(whole, prefix+" ") {
				return e.Group, true
			}
			continue
		}
		if whole == term || head == term {
			return e.Group, true
		}
	}
	return "", false
}

// foldLabel lower-cases a label, straightens apostrophes, collapses its
// spaces and trims the punctuation labels are set off with.
func foldLabel(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "’", "'")
	s = strings.Join(strings.Fields(s), " ")
	return strings.Trim(s, " :|-–—•·/")
}
