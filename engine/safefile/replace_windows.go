package safefile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// replace writes path through a temporary file in dir that is synced and
// renamed over it. renameio does not build on Windows, where os.Rename
// replaces an existing file (MoveFileEx with MOVEFILE_REPLACE_EXISTING);
// the only permission Windows keeps is read-only, which a file being
// replaced cannot have.
func replace(path, dir string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriter(tmp)
	if err = write(buf); err != nil {
		return err
	}
	if err = buf.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = errors.Join(tmp.Close(), os.Chmod(tmp.Name(), perm)); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
