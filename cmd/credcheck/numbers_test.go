package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Every number that could turn a score or the gate into nonsense — NaN, an
// infinity, a value out of its range — is refused in one line naming where
// it came from (file:line:col, the flag or the variable), with exit 2, and
// nothing is reported: before, a weight of .inf printed the lowest score
// as -9223372036854775808 and --fail-under NaN turned the gate off.
func TestBadNumbersAreLocatedErrors(t *testing.T) {
	t.Parallel()
	const story = "The minister reportedly said the plan would work.\n"
	cases := []struct {
		name   string
		config string // .credcheck.yaml, if any
		data   string // a --data file, if any
		env    []string
		args   []string
		want   string // standard error; FILE is the configuration, DATA the data file
	}{
		{name: "fail-under NaN flag", args: []string{"--fail-under", "NaN"},
			want: "credcheck: --fail-under must be a number from 0 to 100, not NaN"},
		{name: "fail-under infinite flag", args: []string{"--fail-under", "Inf"},
			want: "credcheck: --fail-under must be a number from 0 to 100, not +Inf"},
		{name: "fail-under above 100 flag", args: []string{"--fail-under", "101"},
			want: "credcheck: --fail-under must be a number from 0 to 100, not 101"},
		{name: "workers negative flag", args: []string{"--workers", "-1"},
			want: "credcheck: --workers must be a whole number from 0 to 1024, not -1"},
		{name: "fail-under NaN variable", env: []string{"CREDCHECK_FAIL_UNDER=NaN"},
			want: "credcheck: CREDCHECK_FAIL_UNDER must be a number from 0 to 100, not NaN"},
		{name: "fail-under text variable", env: []string{"CREDCHECK_FAIL_UNDER=high"},
			want: `credcheck: CREDCHECK_FAIL_UNDER must be a number from 0 to 100, not "high"`},
		{name: "workers variable", env: []string{"CREDCHECK_WORKERS=2.5"},
			want: `credcheck: CREDCHECK_WORKERS must be a whole number from 0 to 1024, not "2.5"`},
		{name: "fail-under in the file", config: "fail-level: error\nfail-under: .nan\n",
			want: "credcheck: FILE:2:1: fail-under must be a number from 0 to 100, not NaN"},
		{name: "weight in the file", config: "rules:\n  hearsay-hedge:\n    weight: .inf\n",
			want: "credcheck: FILE:3:5: rules.hearsay-hedge.weight must be a number from 0 to 100, not +Inf"},
		{name: "scoring base in the file", config: "scoring:\n  base: .nan\n",
			want: "credcheck: FILE:2:3: scoring.base must be a number from 0 to 100, not NaN"},
		{name: "scoring cap in the file", config: "scoring:\n  caps: {hedge: .inf}\n",
			want: "credcheck: FILE:2:10: scoring.caps.hedge must be a number from 0 to 100, not +Inf"},
		{name: "override in the file", config: "overrides:\n  - paths: [\"*.md\"]\n    fail-under: -5\n",
			want: "credcheck: FILE:3:5: overrides[0].fail-under must be a number from 0 to 100, not -5"},
		{name: "parameter in the file", config: "rules:\n  number-mismatch:\n    params: {tolerance: .nan}\n",
			want: "credcheck: FILE:3:14: rules.number-mismatch.params.tolerance must be a finite number, not .nan"},
		{name: "weight in a data file", data: "scoring:\n  weights:\n    hearsay-hedge: .inf\n",
			want: "credcheck: DATA:3:5: scoring: weights.hearsay-hedge must be a number from 0 to 100, not +Inf"},
		{name: "base in a data file", data: "scoring:\n  base: .nan\n",
			want: "credcheck: DATA:2:3: scoring: base must be a number from 0 to 100, not NaN"},
		{name: "parameter in a data file", data: "params:\n  number-mismatch:\n    tolerance: .inf\n",
			want: "credcheck: DATA:3:5: params: rule number-mismatch: tolerance must be a finite number, like its default 0.02; got +Inf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "story.md"), story)
			cfg, data := filepath.Join(dir, ".credcheck.yaml"), filepath.Join(dir, "weights.yaml")
			if c.config != "" {
				write(t, cfg, c.config)
			}
			args := append([]string{"check"}, c.args...)
			if c.data != "" {
				write(t, data, c.data)
				args = append(args, "--data", "weights.yaml")
			}
			for _, format := range []string{"text", "json"} {
				res := credcheck(t, dir, c.env, "", append(args, "--format", format, "story.md")...)
				got := strings.NewReplacer(cfg, "FILE", "weights.yaml", "DATA").Replace(res.stderr)
				if res.code != 2 || got != c.want+"\n" || res.stdout != "" {
					t.Errorf("%s: exit %d, stderr %q, stdout %q\nwant exit 2, stderr %q and no report", format, res.code, got, res.stdout, c.want+"\n")
				}
			}
		})
	}
}

// The ends of each range are accepted.
func TestNumbersAtTheEndsOfTheirRanges(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "story.md"), "The minister reportedly said the plan would work.\n")
	write(t, filepath.Join(dir, ".credcheck.yaml"), "fail-level: none\nworkers: 0\nrules:\n  hearsay-hedge: {weight: 100}\nscoring:\n  base: 100\n  floor: 1\n  caps: {hedge: 100}\n")
	res := credcheck(t, dir, nil, "", "check", "--fail-under", "0", "--format", "json", "story.md")
	if res.code != 0 || res.stderr != "" || !strings.Contains(res.stdout, `"score":0,`) {
		t.Errorf("exit %d, stderr %q; want 0, no error and a score of 0:\n%s", res.code, res.stderr, res.stdout)
	}
}
