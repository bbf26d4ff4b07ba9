package main

import (
	"github.com/spf13/pflag"

	"github.com/credcheck/credcheck/engine/article"
)

// addInputFlags adds the limits on reading articles to a command that
// reads them. Both are also settings (max-bytes, follow-symlinks).
func addInputFlags(f *pflag.FlagSet) {
	addMaxBytesFlag(f)
	f.Bool("follow-symlinks", false, "read articles that symbolic links inside a checked directory lead to outside it")
}

// addMaxBytesFlag adds the limit alone, to commands that read records from
// files named one by one and walk no directory.
func addMaxBytesFlag(f *pflag.FlagSet) {
	f.Int64("max-bytes", article.DefaultMaxBytes, "largest article read, a file or one JSON Lines record, in bytes")
}
