package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credcheck/credcheck/engine/policy"
)

// The allow-list names only built-ins this OPA has, none of which OPA
// itself marks as non-deterministic (those that read the clock, draw
// random numbers or go to the network), and none of the known I/O ones.
func TestCapabilitiesAllowOnlyPureBuiltins(t *testing.T) {
	caps, err := policy.Capabilities(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range caps.Builtins {
		if b.Nondeterministic {
			t.Errorf("%s is allowed but OPA marks it non-deterministic", b.Name)
		}
	}
	allowed := map[string]bool{}
	for _, b := range caps.Builtins {
		allowed[b.Name] = true
	}
	for _, name := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122",
		"io.jwt.decode_verify", "json.match_schema", "json.verify_schema", "crypto.x509.parse_and_verify_certificates"} {
		if allowed[name] {
			t.Errorf("%s is allowed without an opt-in", name)
		}
	}
	// Every allowed name exists: a typo in the list would fail here
	// rather than leave a built-in out without a word.
	full := ast.CapabilitiesForThisVersion()
	if len(caps.Builtins) < 150 || len(caps.Builtins) >= len(full.Builtins) {
		t.Errorf("%d of OPA's %d built-ins allowed", len(caps.Builtins), len(full.Builtins))
	}
	more, err := policy.Capabilities([]string{"http.send"})
	if err != nil || len(more.Builtins) != len(caps.Builtins)+1 {
		t.Errorf("--allow-builtin http.send: %v, %d built-ins", err, len(more.Builtins))
	}
}

// Symlinks inside a policy directory are followed once; a second way into
// the same directory is refused; a symlink to a file the loader leaves out
// (a README) is passed over wherever it points.
func TestPolicyDirectorySymlinks(t *testing.T) {
	dir := writeTree(t, map[string]string{sourcesSayFile: sourcesSayRule})
	outside := filepath.Join(t.TempDir(), "notes.md")
	os.WriteFile(outside, []byte("notes"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "README.md")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	os.Symlink("nowhere", filepath.Join(dir, "LICENSE"))
	if _, err := policy.Load(context.Background(), policy.Options{Dirs: []string{dir}}); err != nil {
		t.Fatalf("a README linking out, a broken LICENSE: %v", err)
	}
	os.Symlink("credcheck/rules", filepath.Join(dir, "rules-again"))
	_, err := policy.Load(context.Background(), policy.Options{Dirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "rules-again: symlink leads to a directory already read") {
		t.Errorf("directory read twice: %v", err)
	}
}

// policy fmt reads only regular files: a named pipe called x.rego is
// refused by name, where reading it would wait for a writer for ever, and
// the other files are still formatted.
func TestFormatRefusesANamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.rego"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.rego"), []byte("package x\n\ny := 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var (
		results []policy.FormatResult
		err     error
	)
	go func() {
		results, err = policy.FormatFiles([]string{dir})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("policy fmt is still reading a named pipe after 20 s")
	}
	if err == nil || !strings.Contains(err.Error(), "pipe.rego: a named pipe (FIFO), not a regular file") {
		t.Errorf("error %v; want the pipe refused by name", err)
	}
	if len(results) != 1 || filepath.Base(results[0].File) != "ok.rego" {
		t.Errorf("results %+v; want ok.rego formatted", results)
	}
}
