package policy

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// lexiconFiles remembers which files defined or changed each lexicon, so
// that a problem found when the lexicons are built can be located in the
// file that caused it.
type lexiconFiles map[string][]string

// mergeUserData merges the data documents of a user policy directory into
// data. Lexicons are edited rather than overwritten (see lexicon.Edit), so a
// directory can add or remove single entries.
func mergeUserData(data, user map[string]any, dir string, origins lexiconFiles) error {
	if lexicons, ok := dig(user, "credcheck", "lexicons").(map[string]any); ok {
		for _, name := range slices.Sorted(maps.Keys(lexicons)) {
			file := lexiconFile(dir, name)
			change, ok := lexicons[name].(map[string]any)
			if !ok {
				return &Error{File: file, Reason: fmt.Sprintf("lexicon %s must be an object with entries, groups, add or remove", name)}
			}
			if err := editLexicon(data, name, change, file, origins); err != nil {
				return err
			}
		}
		rest := cloneWithout(user, "credcheck", "lexicons")
		mergeData(data, rest)
		return nil
	}
	mergeData(data, user)
	return nil
}

// editLexicon applies one change to data.credcheck.lexicons[name].
func editLexicon(data map[string]any, name string, change map[string]any, file string, origins lexiconFiles) error {
	all := ensure(data, "credcheck", "lexicons")
	base, _ := all[name].(map[string]any)
	if base == nil && !defines(change) {
		return locateLexiconError(&lexicon.Error{Lexicon: name, Reason: "there is no lexicon of this name to add to or remove from"}, []string{file})
	}
	edited, err := lexicon.Edit(name, base, change)
	if err != nil {
		return locateLexiconError(err, []string{file})
	}
	all[name] = edited
	origins[name] = append(origins[name], file)
	return nil
}

// defines reports whether a change holds entries of its own rather than
// only edits.
func defines(change map[string]any) bool {
	return change["entries"] != nil || change["groups"] != nil
}

// lexiconFile is the data file of lexicon name in a user directory.
func lexiconFile(dir, name string) string {
	base := filepath.Join(dir, "credcheck", "lexicons", name)
	for _, ext := range []string{".yaml", ".yml", ".json"} {
		if _, err := os.Stat(filepath.Join(base, "data"+ext)); err == nil {
			return filepath.Join(base, "data"+ext)
		}
	}
	return filepath.Join(base, "data.yaml")
}

// locateLexiconError turns a lexicon's error into one located in the
// last of files that mentions the entry at fault (or at the file alone).
func locateLexiconError(err error, files []string) error {
	var le *lexicon.Error
	if !errors.As(err, &le) {
		return err
	}
	reason := fmt.Sprintf("lexicon %s: %s", le.Lexicon, le.Reason)
	if len(files) == 0 {
		return &Error{File: BuiltInPrefix + lexicon.Path(le.Lexicon), Reason: reason}
	}
	for i := len(files) - 1; i >= 0; i-- {
		if le.Entry == "" {
			break
		}
		if line, col := find(files[i], le.Entry); line > 0 {
			return &Error{File: files[i], Line: line, Column: col, Reason: reason}
		}
	}
	return &Error{File: files[len(files)-1], Reason: reason}
}

// find gives the line and column (in characters) of the first occurrence of
// text in a file, or 0, 0.
func find(path, text string) (line, col int) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0
	}
	i := strings.Index(string(data), text)
	if i < 0 {
		return 0, 0
	}
	before := string(data[:i])
	line = strings.Count(before, "\n") + 1
	col = utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// dataFile is a user's data file (configuration `data:`): lexicon changes
// and rule parameters.
type dataFile struct {
	path   string
	params map[string]map[string]any
	// scoring is the file's scoring section, merged over the built-in
	// scoring data.
	scoring map[string]any
	// paramKeys locate each rule's and each parameter's key for errors.
	paramKeys map[string]*yaml.Node
	valueKeys map[[2]string]*yaml.Node
}

// readDataFiles applies the lexicon changes of the data files to data and
// returns their rule parameters, later files winning.
func readDataFiles(paths []string, data map[string]any, origins lexiconFiles, read *userFiles) ([]*dataFile, error) {
	var out []*dataFile
	for i, path := range paths {
		raw, err := read.dataFile(i, path)
		if err != nil {
			return nil, err
		}
		df, lexicons, err := parseDataFile(path, raw)
		if err != nil {
			return nil, err
		}
		for _, name := range slices.Sorted(maps.Keys(lexicons)) {
			change, ok := lexicons[name].value.(map[string]any)
			if !ok {
				n := lexicons[name].key
				return nil, &Error{File: path, Line: n.Line, Column: n.Column, Reason: fmt.Sprintf("lexicon %s must be an object with entries, groups, add or remove", name)}
			}
			if err := editLexicon(data, name, change, path, origins); err != nil {
				var pe *Error
				if errors.As(err, &pe) && pe.Line == 0 {
					pe.Line, pe.Column = lexicons[name].key.Line, lexicons[name].key.Column
				}
				return nil, err
			}
		}
		if df.scoring != nil {
			mergeData(ensure(data, "credcheck", "scoring"), df.scoring)
		}
		out = append(out, df)
	}
	return out, nil
}

type keyed struct {
	key   *yaml.Node
	value any
}

// parseDataFile reads a data file's two sections, keeping the position of
// every key for messages.
func parseDataFile(path string, raw []byte) (*dataFile, map[string]keyed, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, nil, yamlError(path, err)
	}
	df := &dataFile{path: path, params: map[string]map[string]any{}, paramKeys: map[string]*yaml.Node{}, valueKeys: map[[2]string]*yaml.Node{}}
	lexicons := map[string]keyed{}
	if len(doc.Content) == 0 {
		return df, lexicons, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, &Error{File: path, Line: root.Line, Column: root.Column, Reason: "a data file maps lexicons and params to their changes"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "lexicons":
			if v.Kind != yaml.MappingNode {
				return nil, nil, &Error{File: path, Line: v.Line, Column: v.Column, Reason: "lexicons must map lexicon names to changes"}
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				var value any
				if err := v.Content[j+1].Decode(&value); err != nil {
					return nil, nil, &Error{File: path, Line: v.Content[j+1].Line, Column: v.Content[j+1].Column, Reason: err.Error()}
				}
				lexicons[v.Content[j].Value] = keyed{key: v.Content[j], value: value}
			}
		case "params":
			if v.Kind != yaml.MappingNode {
				return nil, nil, &Error{File: path, Line: v.Line, Column: v.Column, Reason: "params must map rule IDs to parameters"}
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				rule, params := v.Content[j], v.Content[j+1]
				if params.Kind != yaml.MappingNode {
					return nil, nil, &Error{File: path, Line: params.Line, Column: params.Column, Reason: fmt.Sprintf("params.%s must map parameter names to values", rule.Value)}
				}
				df.paramKeys[rule.Value] = rule
				df.params[rule.Value] = map[string]any{}
				for p := 0; p+1 < len(params.Content); p += 2 {
					var value any
					if err := params.Content[p+1].Decode(&value); err != nil {
						return nil, nil, &Error{File: path, Line: params.Content[p+1].Line, Column: params.Content[p+1].Column, Reason: err.Error()}
					}
					df.params[rule.Value][params.Content[p].Value] = value
					df.valueKeys[[2]string{rule.Value, params.Content[p].Value}] = params.Content[p]
				}
			}
		case "scoring":
			var value any
			if err := v.Decode(&value); err != nil {
				return nil, nil, &Error{File: path, Line: v.Line, Column: v.Column, Reason: err.Error()}
			}
			section, ok := value.(map[string]any)
			if !ok {
				return nil, nil, &Error{File: path, Line: v.Line, Column: v.Column, Reason: "scoring must map base, floor, caps, bands and weights to values"}
			}
			if err := checkScoringSection(path, k, v, section); err != nil {
				return nil, nil, err
			}
			df.scoring = section
		default:
			return nil, nil, &Error{File: path, Line: k.Line, Column: k.Column, Reason: fmt.Sprintf("unknown section %q (a data file holds lexicons, params and scoring)", k.Value)}
		}
	}
	return df, lexicons, nil
}

// checkParams reports parameters of the data files that no rule has,
// located at their keys.
func (s *Set) checkParams(files []*dataFile) error {
	var errs Errors
	for _, df := range files {
		for _, rule := range slices.Sorted(maps.Keys(df.params)) {
			r := s.anyRule(rule)
			if r == nil {
				k := df.paramKeys[rule]
				errs = append(errs, &Error{File: df.path, Line: k.Line, Column: k.Column, Reason: fmt.Sprintf("params: unknown rule %q (run `credcheck rules` for the list)", rule)})
				continue
			}
			for _, p := range slices.Sorted(maps.Keys(df.params[rule])) {
				k := df.valueKeys[[2]string{rule, p}]
				def, ok := r.Params[p]
				if !ok {
					errs = append(errs, &Error{File: df.path, Line: k.Line, Column: k.Column, Reason: fmt.Sprintf("params: rule %s has no parameter %q (parameters: %s)", rule, p, keyList(r.Params))})
					continue
				}
				if err := sameShape(def, df.params[rule][p], p); err != nil {
					errs = append(errs, &Error{File: df.path, Line: k.Line, Column: k.Column, Reason: fmt.Sprintf("params: rule %s: %v", rule, err)})
				}
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// yamlError locates a YAML syntax error.
func yamlError(path string, err error) error {
	msg := err.Error()
	var line int
	if _, scanErr := fmt.Sscanf(strings.TrimPrefix(msg, "yaml: "), "line %d:", &line); scanErr == nil {
		_, reason, _ := strings.Cut(msg, fmt.Sprintf("line %d: ", line))
		return &Error{File: path, Line: line, Column: 1, Reason: "invalid YAML: " + reason}
	}
	return &Error{File: path, Reason: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// ensure returns the object at path in data, creating it.
func ensure(data map[string]any, path ...string) map[string]any {
	cur := data
	for _, p := range path {
		next, ok := cur[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[p] = next
		}
		cur = next
	}
	return cur
}

// cloneWithout copies the path down to its last key and drops that key.
func cloneWithout(m map[string]any, path ...string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	if len(path) == 1 {
		delete(out, path[0])
		return out
	}
	if sub, ok := m[path[0]].(map[string]any); ok {
		out[path[0]] = cloneWithout(sub, path[1:]...)
	}
	return out
}
