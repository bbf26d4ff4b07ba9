package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// Every result that travels to the shard step as an element is held until
// its shard is grouped, and Prism holds all of them in memory, so a run's
// memory grew with its archive. A JSON Lines file of many records need not
// send its results as elements: they come out of the checker in input
// order, which within one file is the shard's order (path, line, id). So
// a file's results go on as elements only while they are few; once those
// of one shard pass spillBytes, the rest of that shard's results of the
// file are written to a part file as they come, and only the part's name
// travels. The shard step copies each part in place of the file's lines,
// and the parts are removed once every shard is written.

// spillBytes is how much of one file's results for one shard travels as
// elements before they go to a part (a variable for the tests).
var spillBytes = 1 << 20

// PartsDir is the directory, under the output, that holds the parts while
// the run writes its shards.
const PartsDir = ".parts"

// spiller routes the results of one input file.
type spiller struct {
	output string
	shards int
	// token names this processing of the file: a retried or duplicated
	// element writes parts of its own, never into another's.
	token string
	buf   [][]Result
	size  []int
	parts []*part
	// opened is told of each part opened.
	opened func()
}

// part is a part file being written.
type part struct {
	name string
	path string
	w    io.WriteCloser
	bw   *bufio.Writer
}

func newSpiller(output string, shards int, opened func()) (*spiller, error) {
	var t [12]byte
	if _, err := rand.Read(t[:]); err != nil {
		return nil, err
	}
	return &spiller{output: output, shards: shards, token: hex.EncodeToString(t[:]),
		buf: make([][]Result, shards), size: make([]int, shards), parts: make([]*part, shards), opened: opened}, nil
}

func (s *spiller) add(ctx context.Context, r Result) error {
	sh := shardOf(r, s.shards)
	if p := s.parts[sh]; p != nil {
		return writeLine(p.bw, r.JSON)
	}
	s.buf[sh] = append(s.buf[sh], r)
	s.size[sh] += len(r.JSON) + 1
	if s.size[sh] <= spillBytes {
		return nil
	}
	p, err := s.open(ctx, sh, r.Path)
	if err != nil {
		return err
	}
	s.parts[sh] = p
	s.opened()
	for _, b := range s.buf[sh] {
		if err := writeLine(p.bw, b.JSON); err != nil {
			return err
		}
	}
	s.buf[sh], s.size[sh] = nil, 0
	return nil
}

func (s *spiller) open(ctx context.Context, shard int, path string) (*part, error) {
	name := join(join(s.output, PartsDir), fmt.Sprintf("%s-%05d.jsonl", s.token, shard))
	w, err := openWrite(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("writing a part of the results: %w", err)
	}
	return &part{name: name, path: path, w: w, bw: bufio.NewWriterSize(w, 64<<10)}, nil
}

func (p *part) close() error {
	err := p.bw.Flush()
	if cerr := p.w.Close(); err == nil {
		err = cerr
	}
	return err
}

// finish closes the parts and hands on what the shard step needs: the
// results still held, and a reference to each part.
func (s *spiller) finish(emit func(Result)) error {
	var err error
	for sh, p := range s.parts {
		if p == nil {
			for _, r := range s.buf[sh] {
				emit(r)
			}
			continue
		}
		if cerr := p.close(); cerr != nil {
			err = cerr
			continue
		}
		emit(Result{Path: p.path, Part: p.name, Shard: sh})
	}
	s.parts = nil
	return err
}

// abort closes the parts of a file whose processing failed; a retry writes
// its own, and the run's end removes these with the rest.
func (s *spiller) abort() {
	for _, p := range s.parts {
		if p != nil {
			p.close()
		}
	}
	s.parts = nil
}

// copyPart appends a part's lines to a shard being written.
func copyPart(ctx context.Context, name string, w io.Writer) error {
	r, err := openRead(ctx, name)
	if err != nil {
		return fmt.Errorf("reading a part of the results: %w", err)
	}
	defer r.Close()
	_, err = io.Copy(w, r)
	return err
}

// removePartsFn removes the parts once every shard is written (it is
// given the names of the shards written, grouped into one element): those
// the shards copied, and any a failed attempt left behind.
type removePartsFn struct{ Output string }

func (f *removePartsFn) ProcessElement(ctx context.Context, _ int, written func(*string) bool) error {
	var name string
	for written(&name) {
		// Only waiting for every shard matters.
	}
	dir := join(f.Output, PartsDir)
	fs, err := filesystem.New(ctx, dir)
	if err != nil {
		return err
	}
	defer fs.Close()
	names, err := fs.List(ctx, join(dir, "*"))
	if err != nil {
		return nil // nothing was spilled
	}
	rm, ok := fs.(filesystem.Remover)
	if !ok {
		return nil // a file system that cannot remove keeps them
	}
	for _, n := range names {
		if err := rm.Remove(ctx, n); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("removing a part of the results: %w", err)
		}
	}
	if !remote(dir) {
		// An object store has no directories; a disk keeps an empty one.
		os.Remove(filepath.Clean(dir))
	}
	return nil
}
