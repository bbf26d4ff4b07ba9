// Package safefile reads and writes the files that a user, a configuration
// or a pull request can name, so that a hostile or careless name costs one
// clear error rather than a hang, a runaway allocation or a lost file.
//
// Reading: only regular files are opened (a FIFO blocks on open until a
// writer comes, and /dev/zero or /dev/urandom never end), decided by stat
// before the open and confirmed on the open descriptor, and no read takes
// more bytes than the caller's limit. Writing: a file is written beside its
// target, synced and renamed over it, so that a run that fails half-way
// leaves the previous file as it was.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is matched (errors.Is) by a KindError.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is matched (errors.Is) by a LimitError.
var ErrTooLarge = errors.New("larger than the limit")

// KindError is a path that names something other than a regular file.
type KindError struct {
	Path string
	Mode fs.FileMode
}

func (e *KindError) Error() string { return e.Path + ": " + e.Reason() }

// Reason says what the path is, without the path.
func (e *KindError) Reason() string { return Kind(e.Mode) + ", not a regular file" }

// Unwrap makes errors.Is(err, ErrNotRegular) hold.
func (e *KindError) Unwrap() error { return ErrNotRegular }

// Kind names the type of a file mode for messages.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	}
	return "an irregular file"
}

// LimitError is an input larger than the caller allows. Size is the size
// stat gave, or -1 when the input was cut off while reading it (standard
// input, or a file that grew after stat).
type LimitError struct {
	Path  string
	Size  int64
	Limit int64
}

func (e *LimitError) Error() string { return e.Path + ": " + e.Reason() }

// Reason gives the size and the limit, without the path.
func (e *LimitError) Reason() string {
	if e.Size < 0 {
		return "more than the limit of " + Bytes(e.Limit)
	}
	return Bytes(e.Size) + ", more than the limit of " + Bytes(e.Limit)
}

// Unwrap makes errors.Is(err, ErrTooLarge) hold.
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// Bytes writes a size for people: whole MiB when it is one, one decimal
// above a MiB, bytes below.
func Bytes(n int64) string {
	const mib = 1 << 20
	switch {
	case n >= mib && n%mib == 0:
		return fmt.Sprintf("%d MiB", n/mib)
	case n >= mib:
		return fmt.Sprintf("%.1f MiB", float64(n)/mib)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// Stat is os.Stat (symbolic links followed, nothing opened) that refuses
// anything but a regular file with a KindError.
func Stat(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &KindError{Path: path, Mode: info.Mode()}
	}
	return info, nil
}

// Open opens a regular file for reading. The path is stated first, so that
// a FIFO, a socket or a device (also behind a symbolic link) is refused
// without being opened; the open itself does not block (a FIFO swapped in
// after the stat), and the descriptor is checked again, so what is read is
// the regular file that was stated.
func Open(path string) (*os.File, fs.FileInfo, error) {
	before, err := Stat(path)
	if err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, &KindError{Path: path, Mode: info.Mode()}
	}
	if !os.SameFile(before, info) {
		f.Close()
		return nil, nil, fmt.Errorf("%s: replaced while being opened", path)
	}
	return f, info, nil
}

// ReadFile reads a whole regular file of at most limit bytes. A larger file
// is refused from its size alone, without reading it.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, info, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > limit {
		return nil, &LimitError{Path: path, Size: info.Size(), Limit: limit}
	}
	data, err := ReadAll(f, path, limit)
	if err != nil {
		return nil, err
	}
	return data, nil
}

// ReadAll reads r to its end, or fails with a LimitError (naming name) as
// soon as it has given more than limit bytes; at most limit+1 bytes are
// ever held.
func ReadAll(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &LimitError{Path: name, Size: -1, Limit: limit}
	}
	return data, nil
}

// Reason gives what went wrong with a path without repeating the path, for
// messages that name it already.
func Reason(err error) string {
	var (
		kind  *KindError
		limit *LimitError
		pe    *fs.PathError
	)
	switch {
	case errors.As(err, &kind):
		return kind.Reason()
	case errors.As(err, &limit):
		return limit.Reason()
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}

// MaxSideBytes bounds the files read beside the articles: configuration,
// data, baseline and saved results. They are written by people or by
// credcheck and stay far below it (a baseline of half a million findings
// fits); the bound is there so that a link to /dev/zero or a runaway file
// ends in an error rather than in all the memory of the machine.
const MaxSideBytes = 64 << 20
