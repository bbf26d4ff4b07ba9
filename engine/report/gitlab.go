package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
)

func init() { register("gitlab", writeGitLab) }

// glIssue is one entry of a GitLab Code Quality report: the subset of the
// Code Climate issue that GitLab reads (docs/output/gitlab.md).
type glIssue struct {
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    glLocation `json:"location"`
}

type glLocation struct {
	Path  string  `json:"path"`
	Lines glLines `json:"lines"`
}

type glLines struct {
	Begin int `json:"begin"`
}

// GitLab severities are info, minor, major, critical and blocker; critical
// and blocker are kept for inputs that could not be checked at all, so
// that a finding never outranks a file nobody could read.
func glSeverity(sev finding.Severity) string {
	switch sev {
	case finding.Error:
		return "major"
	case finding.Warning:
		return "minor"
	}
	return "info"
}

// glFingerprint names an issue across runs. GitLab shows only the first of
// issues that share a fingerprint, so the occurrence number of the same
// (article, rule, finding fingerprint) is part of it; the line is not, so
// that an edit above a finding does not make it look new in the merge
// request.
func glFingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// writeGitLab renders the report as a GitLab Code Quality report, which
// GitLab shows in the merge request and beside the changed lines when the
// file is a job's artifacts:reports:codequality. Suppressed findings are
// left out, as they are from annotations, and so are credits.
func writeGitLab(w io.Writer, r *Report, _ Options) error {
	out := []glIssue{}
	seen := map[string]int{}
	add := func(description, check, severity string, p place, key ...string) {
		id := glFingerprint(key...)
		seen[id]++
		if n := seen[id]; n > 1 {
			id = glFingerprint(append(key, strconv.Itoa(n))...)
		}
		path := p.path
		if path == article.Stdin {
			path = "-"
		}
		out = append(out, glIssue{
			Description: p.note + description, CheckName: check, Fingerprint: id, Severity: severity,
			// GitLab drops an issue without a line; line 1 is the file.
			Location: glLocation{Path: path, Lines: glLines{Begin: max(p.line, 1)}},
		})
	}
	for _, a := range r.Articles {
		if !a.Scored() {
			p := placeOfLine(a, 0)
			if a.Format == article.JSONLines {
				p.note = "record " + a.ID + ": "
			}
			add("not scored: "+a.Unscored, "credcheck/not-scored", "info", p, "not-scored", a.Path, a.Record())
			continue
		}
		for _, f := range a.Findings {
			// A credit is good practice, not an issue to fix.
			if !f.Counts() || f.Credit() {
				continue
			}
			add(f.Message, "credcheck/"+f.Rule, glSeverity(f.Severity), placeOf(a, f), "finding", a.Path, a.Record(), f.Rule, f.Fingerprint)
		}
		for _, st := range a.Stale {
			add(st.Reason+": "+st.Text, "credcheck/stale-suppression", "minor", placeOfLine(a, st.Line), "stale", a.Path, a.Record(), st.Text)
		}
	}
	for _, e := range r.Errors {
		add(e.Reason, "credcheck/input-error", "critical", place{path: e.Path, line: e.Line}, "input-error", e.Path, strconv.Itoa(e.Line))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
