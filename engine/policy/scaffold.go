package policy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/lexicon"
	"github.com/credcheck/credcheck/engine/safefile"
	"github.com/credcheck/credcheck/policies"
)

var ruleName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Scaffolded names the files Scaffold wrote.
type Scaffolded struct {
	Rule, Test, Lexicon, Example string
}

// Scaffold writes a new rule CATEGORY/NAME into the user policy directory
// dir: the rule with its METADATA, a test file with a case that fires and
// one that stays quiet, a lexicon the rule matches, and an example article
// that makes it fire (in the rule's testdata directory). The files pass
// `credcheck policy test` and `policy fmt --check` as written, so an editor
// starts from something that works and changes it. Existing files are never overwritten.
func Scaffold(dir, spec string) (*Scaffolded, error) {
	category, name, ok := strings.Cut(spec, "/")
	if !ok {
		return nil, fmt.Errorf("%q: give the rule as CATEGORY/NAME, e.g. hedge/sources-say", spec)
	}
	if !finding.KnownCategory(category) {
		return nil, fmt.Errorf("unknown category %q (categories: %s)", category, strings.Join(finding.Categories, ", "))
	}
	if !ruleName.MatchString(name) {
		return nil, fmt.Errorf("rule name %q: use lower-case words joined by hyphens, e.g. sources-say", name)
	}
	snake := strings.ReplaceAll(name, "-", "_")
	if _, err := fs.Stat(policies.FS, lexicon.Path(snake)); err == nil {
		return nil, fmt.Errorf("a built-in lexicon is already called %s; choose another rule name", snake)
	}
	phrase := strings.ReplaceAll(name, "-", " ")
	ruleDir := filepath.Join(dir, "credcheck", "rules", category, name)
	out := &Scaffolded{
		Rule:    filepath.Join(ruleDir, snake+".rego"),
		Test:    filepath.Join(ruleDir, snake+"_test.rego"),
		Lexicon: filepath.Join(dir, "credcheck", "lexicons", snake, "data.yaml"),
		// Under testdata, which walking a directory of articles skips: the
		// example is written to fail, and a `check .` or a pre-commit
		// hook over the repository must not read it as an article.
		Example: filepath.Join(ruleDir, "testdata", "example.md"),
	}
	for _, f := range []string{out.Rule, out.Test, out.Lexicon, out.Example} {
		if _, err := os.Stat(f); err == nil {
			return nil, fmt.Errorf("%s already exists; nothing was written", f)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	pkg := fmt.Sprintf("credcheck.rules.%s[%q]", category, name)
	testPkg := fmt.Sprintf("credcheck.rules.%s[%q]", category, name+"_test")
	title := strings.ToUpper(phrase[:1]) + phrase[1:]
	fill := strings.NewReplacer(
		"{title}", title, "{phrase}", phrase, "{lexicon}", snake, "{category}", category,
		"{name}", name, "{package}", pkg, "{test_package}", testPkg,
	).Replace
	files := []struct{ path, text string }{
		{out.Rule, fill(ruleTemplate)},
		{out.Test, fill(testTemplate)},
		{out.Lexicon, fill(lexiconTemplate)},
		{out.Example, fill(exampleTemplate)},
	}
	for _, f := range files {
		text := []byte(f.text)
		if strings.HasSuffix(f.path, ".rego") {
			var err error
			if text, err = format.SourceWithOpts(f.path, text, format.Opts{RegoVersion: ast.RegoV1}); err != nil {
				return nil, fmt.Errorf("scaffold for %s does not parse: %v", f.path, err)
			}
		}
		if err := safefile.WriteFile(f.path, text, 0o644); err != nil {
			return nil, err
		}
	}
	return out, nil
}

const ruleTemplate = `# METADATA
# title: {title}
# description: |
#   Flags sentences in the writer's own voice that use an entry of the
#   lexicon {lexicon} ("{phrase}"). Describe here what the rule finds and
#   which uses it leaves alone.
# related_resources:
#   - ref: https://example.org/house-style
#     description: Where the house rule is written down
# custom:
#   category: {category}
#   severity: warning
#   weight: 2
#   why: Say here why the problem matters to a reader.
#   examples:
#     fires: A sentence with {phrase} in it fires the rule.
#     quiet: '"A sentence with {phrase} in it," the source said.'
package {package}

report contains finding if {
	some m in input.matches.{lexicon}
	m.quoted == false
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q: say who states this, or rewrite it", [m.text]),
	}
}
`

const testTemplate = `package {test_package}

import data.{package} as rule
import data.credcheck.lib.testing as t

test_fires_on_the_cue if {
	cue := t.match(0, "{phrase}", "", 2)
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"{lexicon}": [cue]})
	count(r) == 1
}

test_quiet_inside_a_quote if {
	quoted := object.union(t.match(0, "{phrase}", "", 2), {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"{lexicon}": [quoted]})
	count(r) == 0
}
`

const lexiconTemplate = `# The words the rule looks for, matched on word boundaries, case aside:
# "(a|b)" for alternatives, "*" for any one word, "<Name>" for a name and
# "<num>" for a figure (docs/lexicons.md).
description: {title} — the words the rule looks for.
entries:
  - {phrase}
`

const exampleTemplate = `# An example for the {name} rule

Replace this article with one that shows the problem the rule finds.

A sentence with {phrase} in it fires the rule.
`
