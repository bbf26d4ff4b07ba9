package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/resultcache"
	"github.com/credcheck/credcheck/engine/safetext"
)

func newCacheCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cache",
		Short: "Show or empty the result cache",
		Long: `check keeps each file's result in a cache and reuses it while nothing that
could change it has changed: the file, the policies and their data, the
configuration, the credcheck binary. The baseline and ignore entries are
applied afresh on every run. check --no-cache (or cache: false) turns it off.

The cache lives in credcheck under the user's cache directory ($XDG_CACHE_HOME
or ~/.cache on Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows),
or where --cache-dir or cache-dir: say, and is kept under 256 MB by removing
what was used longest ago.`,
		Example: `  credcheck cache dir
  credcheck cache clean`,
	}
	cmd.PersistentFlags().String("cache-dir", "", "directory of the result cache (default: credcheck under the user's cache directory)")
	cmd.AddCommand(&cobra.Command{
		Use:   "dir",
		Short: "Print where the result cache lives",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := settingsCacheDir(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), dir)
			return nil
		},
	}, &cobra.Command{
		Use:   "clean",
		Short: "Remove every entry of the result cache",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := settingsCacheDir(cmd)
			if err != nil {
				return err
			}
			if err := resultcache.Open(dir, 0).Clean(); err != nil {
				return fmt.Errorf("cleaning the cache %s: %v", safetext.Name(dir), err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: emptied %s\n", safetext.Name(dir))
			return nil
		},
	})
	return cmd
}

func settingsCacheDir(cmd *cobra.Command) (string, error) {
	cfg, err := settings(cmd)
	if err != nil {
		return "", err
	}
	return cacheDir(cfg)
}

// cacheDir is the result cache's directory: the setting's, else the
// default under the user's cache directory.
func cacheDir(cfg config.Config) (string, error) {
	if cfg.CacheDir != "" {
		return cfg.CacheDir, nil
	}
	dir, err := resultcache.DefaultDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory: %v (give --cache-dir)", err)
	}
	return dir, nil
}
