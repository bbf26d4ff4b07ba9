package config

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Position is where a key is written in the configuration file.
type Position struct {
	File         string
	Line, Column int
}

// Locate records where each key of a configuration file is written, by its
// path: "rules.hearsay-hedge.params.window", "ignore[0].reason". Checks
// that need the loaded policies (is there such a rule, such a parameter)
// run long after the file was parsed, and still name the line.
func Locate(path string, data []byte) map[string]Position {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	out := map[string]Position{}
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := k.Value
				if prefix != "" {
					p = prefix + "." + k.Value
				}
				if _, seen := out[p]; !seen {
					out[p] = Position{File: path, Line: k.Line, Column: k.Column}
				}
				walk(p, n.Content[i+1])
			}
		case yaml.SequenceNode:
			for i, e := range n.Content {
				walk(prefix+"["+strconv.Itoa(i)+"]", e)
			}
		}
	}
	walk("", doc.Content[0])
	return out
}

// Where gives "file:line:col: " for a key written in the configuration
// file, to start an error message with, or "" for a key that came from a
// flag or the environment (or when there is no file).
func (c Config) Where(key string) string {
	p, ok := c.Positions[key]
	if !ok {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d: ", p.File, p.Line, p.Column)
}
