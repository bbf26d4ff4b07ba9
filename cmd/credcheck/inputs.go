package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/safetext"
)

// addInputFlags adds to a command that walks directories of articles the
// limits on reading them (also settings: max-bytes, follow-symlinks), what
// the walk leaves out (exclude) and -v to list it.
func addInputFlags(f *pflag.FlagSet) {
	addMaxBytesFlag(f)
	f.Bool("follow-symlinks", false, "read articles that symbolic links inside a checked directory lead to outside it")
	f.Bool("offline", false, "refuse inputs named by URL (http://, https://) instead of fetching them")
	f.Duration("fetch-timeout", article.DefaultFetchTimeout, "longest wait for one page named by URL, connection to last byte")
	f.StringArray("exclude", nil, "leave out the files and directories this glob matches when walking a directory (repeatable)")
	f.BoolP("verbose", "v", false, "list on standard error what walking directories left out, and why")
}

// addMaxBytesFlag adds the limit alone, to commands that read records from
// files named one by one and walk no directory.
func addMaxBytesFlag(f *pflag.FlagSet) {
	f.Int64("max-bytes", article.DefaultMaxBytes, "largest article read, a file or one JSON Lines record, in bytes")
}

// loadOptions are the settings of the flags addInputFlags adds, for
// article.Load; the caller adds standard input and its own filters.
func loadOptions(cmd *cobra.Command, cfg config.Config) (article.LoadOptions, error) {
	exclude, err := cfg.Excludes()
	if err != nil {
		return article.LoadOptions{}, fmt.Errorf("configuration %v", err)
	}
	opts := article.LoadOptions{MaxBytes: cfg.MaxBytes, FollowSymlinks: cfg.FollowSymlinks, Exclude: exclude, Offline: cfg.Offline}
	opts.FetchTimeout, _ = cmd.Flags().GetDuration("fetch-timeout")
	if opts.FetchTimeout <= 0 {
		return article.LoadOptions{}, fmt.Errorf("--fetch-timeout must be positive, not %s", opts.FetchTimeout)
	}
	if verbose, _ := cmd.Flags().GetBool("verbose"); verbose {
		opts.Skipped = listSkipped(cmd.ErrOrStderr())
	}
	return opts, nil
}

// listSkipped prints one line per entry a walk left out, for -v.
func listSkipped(w io.Writer) func(path, reason string) {
	return func(path, reason string) {
		fmt.Fprintf(w, "credcheck: skipped %s: %s\n", safetext.Name(article.ShortPath(path)), safetext.Text(reason))
	}
}
