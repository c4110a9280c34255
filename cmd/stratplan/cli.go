package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"stratplan/assets"
	"stratplan/exchange"
	"stratplan/export"
	"stratplan/store"
)

// version is the app's version, as in FyneApp.toml.
const version = "0.1.0"

// parse reads flags that may come before or after the positional
// arguments, as people type them.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, &usageError{msg: err.Error()}
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	title := fs.String("title", "", "the plan's title")
	example := fs.Bool("example", false, "fill the plan with the example")
	from := fs.String("from", "", "start from the plan in this bundle (the one the Secretariat sent)")
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *from != "" && (*example || *title != "") {
		return &usageError{msg: "usage: stratplan new FILE [--title T] [--example | --from IN.json] (a plan started from a bundle keeps its title)"}
	}
	path := pos[0]
	if !strings.HasSuffix(path, store.Ext) {
		path += store.Ext
	}
	if *from != "" {
		return startFrom(path, *from, stdout)
	}
	if err := create(path, *title, *example); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s\n", path)
	return nil
}

// startFrom makes a plan file from the plan in a bundle: the same plan, so
// that everything done here merges back into the sender's.
func startFrom(path, bundle string, stdout io.Writer) error {
	in := exchange.Read(bundle)
	if in.Err != nil {
		return in.Err
	}
	if err := exchange.StartFrom(path, nil, in); err != nil {
		return err
	}
	s, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	b, doc := in.Bundle, s.Doc()
	title := doc.PlanInfo().Title
	if title == "" {
		title = doc.Plan()
	}
	fmt.Fprintf(stdout, "created %s from the plan “%s” (%s) in %s: %d entities, %d regions, %d objectives\n",
		path, brief(title), doc.Plan(), bundle, doc.Len(), len(doc.Regions()), len(doc.Objectives()))
	fmt.Fprintf(stdout, "  sent by %s (export %d, %s), %s\n", producerName(b.Producer), b.Producer.Seq, b.ExportedAt.UTC().Format("2006-01-02 15:04"), in.Signer)
	fmt.Fprintln(stdout, "  bundles exported from this file merge into the sender's plan; name this laptop and its region in the window: File ▸ Trusted keys and this laptop")
	if w := exchange.ClockWarning(b.Doc); w != "" {
		fmt.Fprintf(stdout, "  warning: %s\n", w)
	}
	return nil
}

func producerName(p export.Producer) string {
	if p.Label != "" {
		return p.Label
	}
	return p.Replica
}

func runRestore(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 2 {
		return &usageError{msg: "usage: stratplan restore FILE [BACKUP]"}
	}
	backup := ""
	if len(pos) == 2 {
		backup = pos[1]
	} else {
		bs, err := store.Backups(pos[0])
		if err != nil {
			return err
		}
		if len(bs) == 0 {
			return fmt.Errorf("%s: there is no backup of this plan in %s", pos[0], store.BackupDir(pos[0]))
		}
		backup = bs[0].Path
	}
	// Never replace a plan that opens, or one open elsewhere: restoring is
	// for damaged files.
	s, err := store.Open(pos[0], &store.Options{ReadOnly: true})
	if err == nil {
		s.Close()
		return fmt.Errorf("%s opens without trouble: restore replaces only a damaged plan (to go back to a backup, open the backup itself: %s)", pos[0], backup)
	}
	var de *store.DamagedError
	if !errors.As(err, &de) {
		return err
	}
	aside, err := store.Restore(pos[0], backup)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", pos[0], backup)
	if aside != "" {
		fmt.Fprintf(stdout, "the damaged file is kept as %s\n", aside)
	}
	fmt.Fprintln(stdout, "edits made since that backup are not in it: import the bundles you exported since then to bring them back")
	return nil
}

// create makes a plan file, empty but for its title, or the example plan.
func create(path, title string, example bool) error {
	return store.Create(path, nil, assets.Seed(title, example))
}
