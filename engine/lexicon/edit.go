package lexicon

import (
	"fmt"
	"sort"
	"strings"
)

// Edit applies a user's change to a lexicon's definition (both as read from
// data files) and returns the new definition; base is not modified. A change
// may redefine keys (description, entries…), which replace the base's, and
// groups, which replace the base's groups of the same name; it may also hold
// two keys of its own:
//
//	add:                 # entries to add, by group ("entries" for none)
//	  hearsay: [word on the street is]
//	remove: [apparently] # entries to drop, from whichever group holds them
//
// so that a newsroom adds a hedge or drops a word that is house style
// without copying the whole list. Removing an entry the lexicon does not
// hold is an error: it is usually a typo.
func Edit(name string, base, change map[string]any) (map[string]any, error) {
	fail := func(format string, args ...any) error {
		return &Error{Lexicon: name, Reason: fmt.Sprintf(format, args...)}
	}
	out := make(map[string]any, len(base))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range change {
		switch k {
		case "add", "remove":
		case "groups":
			// Groups merge one by one: a user who redefines one group
			// keeps the others.
			merged := map[string]any{}
			if g, ok := base["groups"].(map[string]any); ok {
				for name, list := range g {
					merged[name] = list
				}
			}
			g, ok := v.(map[string]any)
			if !ok {
				return nil, fail("groups must map a group name to a list of entries")
			}
			for name, list := range g {
				merged[name] = list
			}
			out[k] = merged
		default:
			out[k] = v
		}
	}
	groups := map[string][]string{}
	if g, ok := out["groups"].(map[string]any); ok {
		for name, list := range g {
			terms, err := stringList(list)
			if err != nil {
				return nil, fail("groups.%s: %v", name, err)
			}
			groups[name] = terms
		}
	} else if out["groups"] != nil {
		return nil, fail("groups must map a group name to a list of entries")
	}
	var entries []string
	if out["entries"] != nil {
		var err error
		if entries, err = stringList(out["entries"]); err != nil {
			return nil, fail("entries: %v", err)
		}
	}
	if add, ok := change["add"]; ok {
		switch a := add.(type) {
		case []any:
			terms, err := stringList(a)
			if err != nil {
				return nil, fail("add: %v", err)
			}
			entries = append(entries, terms...)
		case map[string]any:
			for g, list := range a {
				terms, err := stringList(list)
				if err != nil {
					return nil, fail("add.%s: %v", g, err)
				}
				if g == "entries" {
					entries = append(entries, terms...)
				} else {
					groups[g] = append(groups[g], terms...)
				}
			}
		default:
			return nil, fail("add must be a list of entries or map groups to lists of entries")
		}
	}
	if rm, ok := change["remove"]; ok {
		terms, err := stringList(rm)
		if err != nil {
			return nil, fail("remove: %v", err)
		}
		for _, t := range terms {
			found := false
			entries, found = without(entries, t, found)
			for g := range groups {
				groups[g], found = without(groups[g], t, found)
			}
			if !found {
				return nil, &Error{Lexicon: name, Entry: t, Reason: fmt.Sprintf("remove: %q is not an entry of the lexicon", t)}
			}
		}
	}
	delete(out, "entries")
	delete(out, "groups")
	if len(entries) > 0 {
		out["entries"] = anyList(entries)
	}
	if len(groups) > 0 {
		g := make(map[string]any, len(groups))
		names := make([]string, 0, len(groups))
		for name := range groups {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			g[name] = anyList(groups[name])
		}
		out["groups"] = g
	}
	return out, nil
}

// without drops the entries equal to term (case and spacing aside) and
// reports whether any was found so far.
func without(list []string, term string, found bool) ([]string, bool) {
	key := strings.Join(strings.Fields(strings.ToLower(term)), " ")
	out := list[:0:0]
	for _, e := range list {
		if strings.Join(strings.Fields(strings.ToLower(e)), " ") == key {
			found = true
			continue
		}
		out = append(out, e)
	}
	return out, found
}

func anyList(terms []string) []any {
	out := make([]any, len(terms))
	for i, t := range terms {
		out[i] = t
	}
	return out
}
