package main

import (
	"debug/buildinfo"
	"encoding/json"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	t.Parallel()
	vcs := func(rev, modified string) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}}
	}
	for _, tc := range []struct {
		name, ldflags string
		info          *debug.BuildInfo
		ok            bool
		want          string
	}{
		{"ldflags win", "v1.4.0", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}, true, "v1.4.0"},
		{"go install at a tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}, true, "v1.3.0"},
		{"checkout pseudo-version", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260101120000-0123456789ab+dirty"}}, true, "v0.0.0-20260101120000-0123456789ab+dirty"},
		{"revision only", "", vcs("0123456789abcdef0123", "false"), true, "dev-0123456789ab"},
		{"modified checkout", "", vcs("0123456789abcdef0123", "true"), true, "dev-0123456789ab-dirty"},
		{"nothing recorded", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "dev"},
		{"no build info", "", nil, false, "dev"},
	} {
		if got := buildVersion(tc.ldflags, tc.info, tc.ok); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestVersionFromBuildInfo checks that the test binary, built without
// -ldflags, names what the toolchain recorded in it (a pseudo-version in a
// clone; nothing in a git worktree, whose .git is a file the go command
// does not stamp from), the same in `version`, `--version` and SARIF.
func TestVersionFromBuildInfo(t *testing.T) {
	t.Parallel()
	info, err := buildinfo.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	mod := buildVersion("", info, true)
	r := credcheck(t, "", nil, "", "version")
	if r.code != 0 || r.stdout != "credcheck "+mod+"\n" {
		t.Fatalf("version: exit %d, %q, want %q", r.code, r.stdout, "credcheck "+mod+"\n")
	}
	if v := credcheck(t, "", nil, "", "--version"); v.stdout != r.stdout {
		t.Errorf("--version says %q, version %q", v.stdout, r.stdout)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), cleanArticle)
	s := credcheck(t, dir, nil, "", "check", "--format", "sarif", "a.md")
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string `json:"version"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(s.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("sarif: %v\n%s", err, s.stderr)
	}
	if got := log.Runs[0].Tool.Driver.Version; got != mod {
		t.Errorf("SARIF tool version %q, want %q", got, mod)
	}
}
