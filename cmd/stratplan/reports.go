package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"stratplan"
	"stratplan/exchange"
	"stratplan/export"
	"stratplan/store"
)

// wantsFile reports whether an export command asks for a report or a
// spreadsheet rather than a bundle.
func wantsFile(args []string) bool {
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "pdf" || name == "xlsx") {
			return true
		}
	}
	return false
}

// reportFlags are the flags that say how a report is set.
type reportFlags struct{ paper, lang *string }

func addReportFlags(fs *flag.FlagSet) reportFlags {
	return reportFlags{
		paper: fs.String("paper", "a4", "paper size: a4 or letter"),
		lang:  fs.String("lang", "en", "the report's language: en, fr or es"),
	}
}

func (r reportFlags) options() (export.ReportOptions, error) {
	o := export.ReportOptions{Paper: strings.ToLower(*r.paper), Lang: strings.ToLower(*r.lang)}
	if o.Paper != "a4" && o.Paper != "letter" {
		return o, &usageError{msg: fmt.Sprintf("--paper %s: use a4 or letter", *r.paper)}
	}
	if !slices.Contains([]string{"en", "fr", "es"}, o.Lang) {
		return o, &usageError{msg: fmt.Sprintf("--lang %s: reports are written in en, fr or es", *r.lang)}
	}
	return o, nil
}

func runExportFile(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	pdf := fs.String("pdf", "", "write the workshop report to this PDF file")
	xlsx := fs.String("xlsx", "", "write the spreadsheet to this file")
	workshop := fs.String("workshop", "", "the workshop to report on (its id); default: the first with participants or priorities")
	force := fs.Bool("force", false, "replace the output file if it exists")
	rf := addReportFlags(fs)
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *pdf == "" && *xlsx == "" {
		return &usageError{msg: "usage: stratplan export FILE --pdf OUT.pdf [--workshop ID] [--paper a4|letter] [--lang en|fr|es] [--force]\n       stratplan export FILE --xlsx OUT.xlsx [--force]"}
	}
	opts, err := rf.options()
	if err != nil {
		return err
	}
	opts.Workshop = *workshop
	s, err := store.Open(pos[0], &store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	doc := s.Doc()
	if *pdf != "" {
		r, err := export.WorkshopReport(doc, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", pos[0], err)
		}
		if err := exchange.WriteNew(*pdf, *force, r.WritePDF); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: workshop report, %d pages\n", *pdf, r.Pages())
		warn(stdout, r.Warnings)
	}
	if *xlsx != "" {
		var warnings []string
		err := exchange.WriteNew(*xlsx, *force, func(w io.Writer) error {
			var err error
			warnings, err = export.WriteSpreadsheet(w, doc, export.SpreadsheetOptions{Now: now()})
			return err
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: spreadsheet of actions, deliverables, indicators, measurements, priorities and participants\n", *xlsx)
		warn(stdout, warnings)
	}
	return nil
}

func warn(w io.Writer, warnings []string) {
	const most = 20 // more would hide the rest of the output
	for i, s := range warnings {
		if i == most {
			fmt.Fprintf(w, "  … and %d more warnings of the same kinds\n", len(warnings)-most)
			break
		}
		fmt.Fprintf(w, "  warning: %s\n", s)
	}
}

func runReport(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	out := fs.String("o", "", "write the consolidated report to this PDF file")
	force := fs.Bool("force", false, "replace the output file if it exists")
	rf := addReportFlags(fs)
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) < 1 || *out == "" {
		return &usageError{msg: "usage: stratplan report -o OUT.pdf IN.json... [--paper a4|letter] [--lang en|fr|es] [--force]"}
	}
	opts, err := rf.options()
	if err != nil {
		return err
	}
	if !*force {
		if _, err := os.Lstat(*out); err == nil {
			return fmt.Errorf("%s %w: choose another name, or add --force to replace it", *out, exchange.ErrExists)
		}
	}
	doc, sources, err := mergeForReport(pos)
	if err != nil {
		return fmt.Errorf("%w\nnothing was written", err)
	}
	r, err := export.ConsolidatedReport(doc, opts, sources)
	if err != nil {
		return err
	}
	if err := exchange.WriteNew(*out, *force, r.WritePDF); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: consolidated report of %d bundles, %d entities, %d pages\n", *out, len(pos), doc.Len(), r.Pages())
	warn(stdout, r.Warnings)
	return nil
}

// mergeForReport merges bundle files in memory, read two at a time as
// merge reads them, and says where each came from.
func mergeForReport(paths []string) (*stratplan.Document, []export.Source, error) {
	var merged *stratplan.Document
	var sources []export.Source
	failed := false
	exchange.ReadEach(paths, func(f *exchange.Incoming) {
		if failed {
			return
		}
		if f.Err != nil {
			failed = true
			return
		}
		b := f.Bundle
		if merged == nil {
			merged = stratplan.NewDocument(b.Doc.Plan())
		}
		if _, err := merged.Merge(b.Doc); err != nil {
			failed = true
			return
		}
		src := export.Source{Name: filepath.Base(f.Path), Producer: b.Producer.Label, ExportedAt: b.ExportedAt, Seq: b.Producer.Seq,
			Digest: b.Digest, Signer: stratplan.CheckSigner(b.Signers, store.WithOwnKey(nil, "this laptop"), "", nil).String(), Entities: b.Doc.Len()}
		if src.Producer == "" {
			src.Producer = b.Producer.Replica
		}
		if rep := b.Doc.ReplicaInfo(b.Producer.Replica); rep.Region != "" {
			src.Region = b.Doc.RegionName(rep.Region)
		}
		sources = append(sources, src)
	})
	if failed {
		// The merge of the files says everything that is wrong, naming
		// both sides of a refusal.
		_, err := exchange.MergeFiles(paths)
		if err == nil {
			err = errors.New("the bundles could not be merged")
		}
		return nil, nil, err
	}
	return merged, sources, nil
}
