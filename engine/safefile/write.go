package safefile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write creates or replaces path with what write puts out. The bytes go to
// a temporary file in the same directory (a rename cannot cross file
// systems), which is synced and renamed over path only when write and every
// step after it succeeded; on any error the temporary file is removed and
// path is left as it was. An existing file keeps its permissions; a new one
// gets perm less the umask. Missing parent directories are created.
//
// A path that exists and is not a regular file (/dev/stdout, a named pipe
// a user set up, /dev/null) is written to in place: replacing it would
// remove the device or pipe the user named, and a stream has no previous
// contents to keep. A directory is an error.
func Write(path string, perm fs.FileMode, write func(io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		if info.IsDir() {
			return &KindError{Path: path, Mode: info.Mode()}
		}
		return writeInPlace(path, write)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return replace(path, dir, perm, write)
}

// WriteFile is Write for bytes already in memory.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	buf := bufio.NewWriter(f)
	err = write(buf)
	if err == nil {
		err = buf.Flush()
	}
	return errors.Join(err, f.Close())
}
