package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/credcheck/credcheck/engine/safefile"
)

// FormatResult is the outcome for one Rego file.
type FormatResult struct {
	File string
	// Changed is true when the file was not formatted as `opa fmt` would.
	Changed bool
	// Formatted is the file as `opa fmt` writes it.
	Formatted []byte
}

// FormatFiles formats the Rego files named by paths (files, or directories
// searched recursively; hidden ones skipped) as `opa fmt` does for Rego v1,
// in file-name order. A file that does not parse is an error located at
// its line and column; the other files are still formatted.
func FormatFiles(paths []string) ([]FormatResult, error) {
	files, err := regoFiles(paths)
	if err != nil {
		return nil, err
	}
	var out []FormatResult
	var errs Errors
	for _, file := range files {
		// Only regular files: a FIFO named x.rego would block the read.
		src, err := safefile.ReadFile(file, safefile.MaxSideBytes)
		if err != nil {
			errs = append(errs, &Error{File: file, Reason: safefile.Reason(err)})
			continue
		}
		formatted, err := format.SourceWithOpts(file, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			errs = append(errs, formatError(file, err)...)
			continue
		}
		out = append(out, FormatResult{File: file, Changed: !bytes.Equal(src, formatted), Formatted: formatted})
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

func formatError(file string, err error) Errors {
	var list ast.Errors
	if errors.As(err, &list) {
		var out Errors
		for _, e := range list {
			pe := astError(e)
			if pe.File == "" {
				pe.File = file
			}
			out = append(out, pe)
		}
		return out
	}
	return Errors{{File: file, Reason: err.Error()}}
}

// regoFiles lists the .rego files under paths, sorted, each once.
func regoFiles(paths []string) ([]string, error) {
	seen := map[string]bool{}
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, &Error{File: p, Reason: "no such file or directory"}
			}
			return nil, &Error{File: p, Reason: err.Error()}
		}
		if !info.IsDir() {
			if !strings.HasSuffix(p, ".rego") {
				return nil, &Error{File: p, Reason: "not a .rego file"}
			}
			if !seen[filepath.Clean(p)] {
				seen[filepath.Clean(p)] = true
				files = append(files, p)
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && strings.HasSuffix(path, ".rego") && !seen[filepath.Clean(path)] {
				seen[filepath.Clean(path)] = true
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, &Error{File: p, Reason: err.Error()}
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("no .rego files in %s", strings.Join(paths, ", "))
	}
	return files, nil
}
