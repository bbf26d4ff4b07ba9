//go:build unix

package safefile_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/safefile"
)

func TestReadFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "story.txt")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for path, kind := range map[string]string{fifo: "a named pipe (FIFO)", link: "a character device", "/dev/urandom": "a character device", dir: "a directory"} {
			_, err := safefile.ReadFile(path, 1<<20)
			var ke *safefile.KindError
			if !errors.As(err, &ke) || !errors.Is(err, safefile.ErrNotRegular) || ke.Reason() != kind+", not a regular file" {
				t.Errorf("%s: %v, want it refused as %s", path, err, kind)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("ReadFile blocked (opened a FIFO?)")
	}
}
