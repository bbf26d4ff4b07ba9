// Package golden keeps files that tests generate and the repository
// publishes (the JSON Schemas under docs/schema) in step with the code that
// generates them: a test fails when the published file differs, and its
// -update flag rewrites the file.
package golden

import (
	"bytes"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// File compares got with the file at path, after writing got there when
// update is set. Each test package declares its own -update flag and
// passes its value, since two packages' tests may run in one binary.
func File(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date (-published +generated); rerun with -update:\n%s", path, cmp.Diff(string(want), string(got)))
	}
}
