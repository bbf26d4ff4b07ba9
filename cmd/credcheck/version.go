package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set by a release build with -ldflags "-X main.version=v1.2.3";
// when it is empty the build describes itself (buildVersion).
var version string

// toolVersion is what --version, `credcheck version` and the reports say.
func toolVersion() string {
	info, ok := debug.ReadBuildInfo()
	return buildVersion(version, info, ok)
}

// buildVersion prefers the version a release build was given; else the
// module version the go command recorded (v1.2.3 for `go install
// …@v1.2.3`, a pseudo-version for a build in a checkout), else the
// commit, and only says "dev" when the build recorded nothing at all
// (go run, go test).
func buildVersion(ldflags string, info *debug.BuildInfo, ok bool) string {
	if ldflags != "" {
		return ldflags
	}
	if !ok || info == nil {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified {
		return "dev-" + rev + "-dirty"
	}
	return "dev-" + rev
}

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print credcheck's version",
		Long: `Print the version of this build: the release's tag for a release build, the
module version for "go install …@version", or a pseudo-version naming the
commit (with +dirty for uncommitted changes) for a build in a checkout.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), "credcheck", toolVersion())
			return err
		},
	}
}
