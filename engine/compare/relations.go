package compare

import (
	"fmt"
	"slices"
	"strings"
)

// Relations are the word relations of data.credcheck.consistency
// (policies/credcheck/consistency/data.yaml), by Snowball stem.
type Relations struct {
	// opposites maps a stem to the stems of its opposites.
	opposites map[string][]string
	// sets maps a stem to the contrast sets it belongs to, and members a
	// set to its stems.
	sets    map[string][]string
	members map[string][]string
	// places maps a country, squashed ("uk"), to the folded words that
	// imply it.
	places map[string][]string
}

// ReadRelations reads the relations from the policies' data document
// (the value of data.credcheck.consistency); nil reads as no relations.
func ReadRelations(data any) (*Relations, error) {
	r := &Relations{opposites: map[string][]string{}, sets: map[string][]string{}, members: map[string][]string{}, places: map[string][]string{}}
	if data == nil {
		return r, nil
	}
	m, ok := data.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("data.credcheck.consistency must be an object")
	}
	if raw, ok := m["opposites"]; ok {
		pairs, ok := raw.([]any)
		if !ok {
			return nil, fmt.Errorf("data.credcheck.consistency.opposites must be a list of [word, word] pairs")
		}
		for _, p := range pairs {
			pair, ok := p.([]any)
			if !ok || len(pair) != 2 {
				return nil, fmt.Errorf("data.credcheck.consistency.opposites: %v is not a [word, word] pair", p)
			}
			a, okA := pair[0].(string)
			b, okB := pair[1].(string)
			if !okA || !okB {
				return nil, fmt.Errorf("data.credcheck.consistency.opposites: %v is not a pair of words", p)
			}
			sa, sb := stem(a), stem(b)
			r.opposites[sa] = appendNew(r.opposites[sa], sb)
			r.opposites[sb] = appendNew(r.opposites[sb], sa)
		}
	}
	if raw, ok := m["contrasts"]; ok {
		sets, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("data.credcheck.consistency.contrasts must map set names to lists of words")
		}
		for name, v := range sets {
			words, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("data.credcheck.consistency.contrasts.%s must be a list of words", name)
			}
			for _, w := range words {
				s, ok := w.(string)
				if !ok {
					return nil, fmt.Errorf("data.credcheck.consistency.contrasts.%s: %v is not a word", name, w)
				}
				st := stem(s)
				r.members[name] = appendNew(r.members[name], st)
				r.sets[st] = appendNew(r.sets[st], name)
			}
		}
		for _, names := range r.sets {
			slices.Sort(names)
		}
	}
	if raw, ok := m["places"]; ok {
		places, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("data.credcheck.consistency.places must map places to lists of words")
		}
		for name, v := range places {
			words, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("data.credcheck.consistency.places.%s must be a list of words", name)
			}
			for _, w := range words {
				s, ok := w.(string)
				if !ok {
					return nil, fmt.Errorf("data.credcheck.consistency.places.%s: %v is not a word", name, w)
				}
				r.places[squash(name)] = append(r.places[squash(name)], strings.ToLower(s))
			}
		}
	}
	return r, nil
}

// implied says the article's words imply a place the claim names ("UK"
// by "London").
func (r *Relations) implied(key string, folds map[string]bool) bool {
	if r == nil {
		return false
	}
	for _, w := range r.places[key] {
		if folds[w] {
			return true
		}
	}
	return false
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// annotate notes, for a claim word, the opposites and the rival members
// of its contrast sets that its source sentence or the article uses.
func (r *Relations) annotate(w *Word, source map[string]bool, article map[string]string, folds map[string]bool) {
	w.Opposites, w.Rivals = []Related{}, []Related{}
	if r == nil {
		return
	}
	for _, o := range r.opposites[w.Stem] {
		if word, ok := article[o]; ok {
			w.Opposites = append(w.Opposites, Related{Stem: o, Word: word, InSource: source[o]})
		}
	}
	for _, f := range negatedForms(w.Fold) {
		if o := stem(f); folds[f] && !slices.ContainsFunc(w.Opposites, func(r Related) bool { return r.Stem == o }) {
			w.Opposites = append(w.Opposites, Related{Stem: o, Word: f, InSource: source[o]})
		}
	}
	for _, set := range r.sets[w.Stem] {
		for _, m := range r.members[set] {
			if word, ok := article[m]; ok && m != w.Stem {
				w.Rivals = append(w.Rivals, Related{Set: set, Stem: m, Word: word, InSource: source[m]})
			}
		}
	}
}

// Related is an opposite of a claim word, or another member of a contrast
// set it belongs to, that the article uses.
type Related struct {
	Stem string `json:"stem"`
	// Word is the first word of the article with the stem, as written.
	Word string `json:"word"`
	// Set names the contrast set, "" for an opposite.
	Set string `json:"set,omitempty"`
	// InSource says the claim's source sentence uses it.
	InSource bool `json:"in_source"`
}

// negatingPrefixes make a word its opposite ("crewed", "uncrewed";
// "violent", "non-violent"). "in-" and "dis-" are left out: too many words
// merely begin with them ("income", "discount").
var negatingPrefixes = []string{"un", "non-", "non"}

// minBase is the shortest word a prefix is taken to negate, so that
// "unless" is not the opposite of "less".
const minBase = 5

// negatedForms are the word with a negating prefix and, for a word with
// one, the word without it.
func negatedForms(f string) []string {
	var out []string
	for _, p := range negatingPrefixes {
		if base, ok := strings.CutPrefix(f, p); ok && len(base) >= minBase {
			out = append(out, base)
		} else if len(f) >= minBase {
			out = append(out, p+f)
		}
	}
	return out
}
