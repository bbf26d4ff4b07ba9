//go:build !windows

package safefile

import (
	"bufio"
	"io"
	"io/fs"

	"github.com/google/renameio/v2"
)

// replace writes path through a temporary file in dir that is synced and
// renamed over it, keeping an existing file's permissions.
func replace(path, dir string, perm fs.FileMode, write func(io.Writer) error) error {
	pending, err := renameio.NewPendingFile(path, renameio.WithTempDir(dir), renameio.WithPermissions(perm), renameio.WithExistingPermissions())
	if err != nil {
		return err
	}
	defer pending.Cleanup()
	buf := bufio.NewWriter(pending)
	if err := write(buf); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	return pending.CloseAtomicallyReplace()
}
