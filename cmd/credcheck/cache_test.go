package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cacheFiles counts the entries in a cache directory.
func cacheFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		if os.IsNotExist(err) {
			return nil
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// cachedFixtures are fixture files only (no JSON Lines, which is not
// cached), so that a warm run over them loads no policy at all.
var cachedFixtures = []string{"fixtures/clean-earnings.txt", "fixtures/chatbot-leak.md",
	"fixtures/ferry-route-page.html", "fixtures/council-briefing-json.md"}

func TestCheckCacheColdAndWarmWriteTheSameBytes(t *testing.T) {
	for _, inputs := range [][]string{cachedFixtures, {"fixtures/"}} {
		for _, format := range []string{"json", "text", "sarif", "html"} {
			dir := t.TempDir()
			args := append([]string{"check", "--format", format, "--cache-dir", dir}, inputs...)
			fresh := credcheck(t, "", nil, "", append([]string{"check", "--format", format, "--no-cache"}, inputs...)...)
			cold := credcheck(t, "", nil, "", args...)
			entries := cacheFiles(t, dir)
			warm := credcheck(t, "", nil, "", args...)
			name := format + " " + strings.Join(inputs, " ")
			if entries == 0 {
				t.Fatalf("%s: the cold run cached nothing", name)
			}
			if n := cacheFiles(t, dir); n != entries {
				t.Errorf("%s: the warm run wrote %d entries, want none", name, n-entries)
			}
			for _, r := range []struct {
				run string
				res result
			}{{"cold", cold}, {"warm", warm}} {
				if r.res.code != fresh.code || r.res.stdout != fresh.stdout || r.res.stderr != fresh.stderr {
					t.Errorf("%s: %s run differs from --no-cache: exit %d vs %d, stdout %d vs %d bytes, stderr %q vs %q",
						name, r.run, r.res.code, fresh.code, len(r.res.stdout), len(fresh.stdout), r.res.stderr, fresh.stderr)
				}
			}
		}
	}
}

func TestCheckNoCacheWritesNothing(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(t.TempDir(), ".credcheck.yaml")
	write(t, config, "cache: false\n")
	runs := map[string]struct {
		env  []string
		args []string
	}{
		"--no-cache":            {nil, []string{"--no-cache"}},
		"cache: false":          {nil, []string{"--config", config}},
		"CREDCHECK_CACHE=false": {[]string{"CREDCHECK_CACHE=false"}, nil},
	}
	for name, r := range runs {
		args := append(append([]string{"check", "--cache-dir", dir}, r.args...), cachedFixtures...)
		if res := credcheck(t, "", r.env, "", args...); res.code != 1 {
			t.Fatalf("%s: exit %d: %s", name, res.code, res.stderr)
		}
		if n := cacheFiles(t, dir); n != 0 {
			t.Errorf("%s: %d cache entries written", name, n)
		}
	}
	// The default directory is under the user's cache directory.
	home := t.TempDir()
	res := credcheck(t, "", []string{"XDG_CACHE_HOME=" + home}, "", "cache", "dir")
	if want := filepath.Join(home, "credcheck") + "\n"; res.stdout != want {
		t.Errorf("cache dir = %q, want %q", res.stdout, want)
	}
	credcheck(t, "", []string{"XDG_CACHE_HOME=" + home}, "", append([]string{"check"}, cachedFixtures...)...)
	if cacheFiles(t, filepath.Join(home, "credcheck")) == 0 {
		t.Error("check wrote nothing to the default cache directory")
	}
	if res := credcheck(t, "", []string{"XDG_CACHE_HOME=" + home}, "", "cache", "clean"); res.code != 0 || cacheFiles(t, home) != 0 {
		t.Errorf("cache clean: exit %d, %d entries left: %s", res.code, cacheFiles(t, home), res.stderr)
	}
}

func TestCheckCacheCorruptEntriesAreMisses(t *testing.T) {
	dir := t.TempDir()
	args := append([]string{"check", "--format", "json", "--cache-dir", dir}, cachedFixtures...)
	cold := credcheck(t, "", nil, "", args...)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			err = os.WriteFile(path, []byte("not an entry"), 0o600)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	again := credcheck(t, "", nil, "", args...)
	if again.code != cold.code || again.stdout != cold.stdout || again.stderr != cold.stderr {
		t.Errorf("over corrupt entries: exit %d vs %d, stderr %q", again.code, cold.code, again.stderr)
	}
}

// A baseline or an ignore entry changed between runs is honoured by a
// warm run: both are applied after the cache.
func TestCheckCacheAppliesBaselineAfterwards(t *testing.T) {
	dir, work := t.TempDir(), t.TempDir()
	article := filepath.Join(work, "a.md")
	write(t, article, "# Mayor quits\n\nThe mayor allegedly resigned on Monday, sources said.\n")
	baseline := filepath.Join(work, "base.json")
	cold := credcheck(t, work, nil, "", "check", "--cache-dir", dir, "a.md")
	if cold.code != 1 {
		t.Fatalf("want findings that fail the run, got exit %d: %s", cold.code, cold.stdout)
	}
	credcheck(t, work, nil, "", "check", "--cache-dir", dir, "--write-baseline", baseline, "a.md")
	warm := credcheck(t, work, nil, "", "check", "--cache-dir", dir, "--baseline", baseline, "a.md")
	fresh := credcheck(t, work, nil, "", "check", "--no-cache", "--baseline", baseline, "a.md")
	if warm.code != 0 || warm.stdout != fresh.stdout {
		t.Errorf("warm run with a baseline: exit %d, stdout differs from --no-cache: %v\n%s", warm.code, warm.stdout != fresh.stdout, warm.stdout)
	}
}

// Another binary (here a copy: another file, another time) does not read
// the entries of the first.
func TestCheckCacheIsPerBinary(t *testing.T) {
	dir := t.TempDir()
	args := append([]string{"check", "--cache-dir", dir}, cachedFixtures...)
	credcheck(t, "", nil, "", args...)
	first := cacheFiles(t, dir)
	other := filepath.Join(t.TempDir(), "credcheck")
	if err := copyExecutable(binary, other); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(other, args...)
	cmd.Dir = "../.."
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	_ = cmd.Run()
	if n := cacheFiles(t, dir); n != 2*first {
		t.Errorf("the copied binary left %d entries beside the first's %d, want as many again", n-first, first)
	}
}
