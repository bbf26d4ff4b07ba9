package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/safefile"
)

// output is one destination's report while the run streams into it.
type output struct {
	dest   destination
	stream report.Stream
	err    error
}

// streamReports opens every destination, starts its format's report and
// runs run, which hands each checked article to emit in input order; each
// report then gets the rest of the run (errors, notices, totals). A file
// is committed only when its whole report was written, as writeReport
// does, and a format that fails stops only its own output. It returns the
// run's report (without articles) and the outputs' errors, formatted.
func streamReports(cmd *cobra.Command, cfg config.Config, dests []destination, head *report.Report, opts report.Options,
	run func(emit func(*report.Article)) *report.Report) (*report.Report, []error) {
	outs := make([]*output, len(dests))
	for i, d := range dests {
		outs[i] = &output{dest: d}
	}
	keepReasons := false
	for _, d := range dests {
		name, _ := report.SplitFormat(d.format)
		keepReasons = keepReasons || name == "text"
	}
	totals := report.NewTotals(opts.Gate, keepReasons)
	var r *report.Report
	body := func() {
		r = run(func(a *report.Article) {
			totals.Add(a)
			for _, o := range outs {
				if o.err == nil {
					o.err = o.stream.Article(a)
				}
			}
		})
		r.Totals = totals
		for _, o := range outs {
			if o.err == nil {
				o.err = o.stream.Finish(r)
			}
		}
	}
	// Each file is opened inside the previous one's write, so that all are
	// open while the run streams and each is committed or dropped on its
	// own once it is over.
	var open func(i int)
	open = func(i int) {
		if i == len(outs) {
			body()
			return
		}
		o := outs[i]
		dopts := destinationOptions(cmd, cfg, dests, o.dest, opts)
		if o.dest.path == "" {
			o.stream, o.err = report.NewStream(cmd.OutOrStdout(), o.dest.format, head, dopts)
			open(i + 1)
			return
		}
		entered := false
		err := safefile.Write(o.dest.path, 0o644, func(w io.Writer) error {
			entered = true
			o.stream, o.err = report.NewStream(w, o.dest.format, head, dopts)
			open(i + 1)
			return o.err
		})
		if o.err == nil {
			o.err = err
		}
		if !entered {
			open(i + 1)
		}
	}
	open(0)
	var errs []error
	for _, o := range outs {
		if o.err == nil {
			continue
		}
		if o.dest.path == "" {
			errs = append(errs, fmt.Errorf("%s output: %v", o.dest.format, o.err))
		} else {
			errs = append(errs, fmt.Errorf("%s output %s: %v", o.dest.format, o.dest.path, o.err))
		}
	}
	return r, errs
}

// destinationOptions are the report options of one destination: standard
// output is fitted to the terminal, a file gets no colour, and the json
// report is indented for a person (a terminal) and on one line for a
// program, unless json-indent says otherwise (checkOnce has validated it).
func destinationOptions(cmd *cobra.Command, cfg config.Config, dests []destination, d destination, opts report.Options) report.Options {
	opts.Template = d.template
	opts.FullReport = fullReportPointer(dests, d)
	terminal := false
	if d.path == "" {
		opts.Width = terminalWidth(cmd.OutOrStdout())
		terminal = stdoutIsTerminal(cmd)
	} else {
		opts.Color = false
	}
	indent, _ := cfg.IndentJSON(terminal)
	opts.CompactJSON = !indent
	return opts
}

func stdoutIsTerminal(cmd *cobra.Command) bool {
	f, ok := cmd.OutOrStdout().(*os.File)
	return ok && isTerminal(f)
}
