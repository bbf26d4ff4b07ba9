// Package policies holds credcheck's built-in judgement: Rego rules under
// credcheck/rules/<category>/<name>/, the helpers they share, and the lexicons
// they reason over under credcheck/lexicons/<name>/data.yaml. The tree is an
// OPA bundle: `opa test policies/` and `opa eval -d policies/` run it with
// stock OPA, and the binary embeds it so that it needs no files beside it.
package policies

import "embed"

// FS is the policy tree, rooted at this directory.
//
//go:embed .manifest all:credcheck
var FS embed.FS
