package safefile_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/safefile"
)

func TestReadFileLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := safefile.ReadFile(path, 10); err != nil || string(data) != "0123456789" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	_, err := safefile.ReadFile(path, 9)
	var le *safefile.LimitError
	if !errors.As(err, &le) || le.Size != 10 || le.Reason() != "10 bytes, more than the limit of 9 bytes" {
		t.Errorf("over the limit: %v", err)
	}
	// A stream has no size to stat: it is cut one byte past the limit.
	_, err = safefile.ReadAll(strings.NewReader(strings.Repeat("x", 3<<20)), "-", 2<<20)
	if !errors.As(err, &le) || le.Reason() != "more than the limit of 2 MiB" {
		t.Errorf("stream over the limit: %v", err)
	}
}

func TestLinesSkipsALongLineAndGoesOn(t *testing.T) {
	in := "short\n" + strings.Repeat("x", 200<<10) + "\nfits\n" + "12345"
	l := safefile.NewLines(strings.NewReader(in), 5)
	type line struct {
		n       int
		text    string
		tooLong bool
	}
	var got []line
	for l.Next() {
		got = append(got, line{l.Number(), string(l.Bytes()), l.TooLong()})
	}
	want := []line{{1, "short", false}, {2, "", true}, {3, "fits", false}, {4, "12345", false}}
	if l.Err() != nil || len(got) != len(want) {
		t.Fatalf("lines %v, err %v; want %v", got, l.Err(), want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

func TestWriteKeepsThePreviousFileOnFailure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(path, []byte("good report"), 0o640); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("writer failed")
	err := safefile.Write(path, 0o644, func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("partial "), 10000))
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("err %v, want the writer's", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "good report" {
		t.Errorf("after a failed write: %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
	if err := safefile.WriteFile(path, []byte("new report"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "new report" || info.Mode().Perm() != 0o640 {
		t.Errorf("after a good write: %q, mode %v (want the old file's 0640)", got, info.Mode().Perm())
	}
}

func TestWriteToAStreamWritesInPlace(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/null on Windows")
	}
	// Renaming over /dev/null would replace the device for everyone.
	if err := safefile.WriteFile("/dev/null", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", info.Mode(), err)
	}
}
