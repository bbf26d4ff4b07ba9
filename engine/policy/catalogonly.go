package policy

// Catalog is what reports, scoring and the checking of configuration read
// of a loaded set: the rules with their METADATA, the notices and the
// scoring data. It carries nothing to evaluate with, and is small enough
// to keep between runs (engine/checker keeps it in the result cache, so
// that a run whose every article is cached loads no policy).
type Catalog struct {
	Rules, Story []*Rule
	Notices      []string
	Scoring      *Scoring
}

// Catalog gives the set's catalog.
func (s *Set) Catalog() Catalog {
	return Catalog{Rules: s.Rules, Story: s.Story, Notices: s.Notices, Scoring: s.Scoring}
}

// FromCatalog is a set holding only a catalog: its rules, notices and
// scoring answer as those of the set the catalog came from, and it cannot
// evaluate, build documents (no lexicons) or write bundles.
func FromCatalog(c Catalog) *Set {
	s := &Set{Rules: c.Rules, Story: c.Story, Notices: c.Notices, Scoring: c.Scoring,
		byID: map[string]*Rule{}, storyByID: map[string]*Rule{}}
	for _, r := range c.Rules {
		s.byID[r.ID] = r
	}
	for _, r := range c.Story {
		s.storyByID[r.ID] = r
	}
	s.parts = inputParts(s.Rules)
	return s
}
