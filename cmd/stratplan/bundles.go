package main

import (
	"crypto/ed25519"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"stratplan"
	"stratplan/exchange"
	"stratplan/export"
	"stratplan/store"
)

func runExport(args []string, stdout, stderr io.Writer) error {
	if wantsFile(args) {
		return runExportFile(args, stdout, stderr)
	}
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	out := fs.String("bundle", "", "write a bundle to this file")
	sign := fs.Bool("sign", false, "sign the bundle with your key")
	force := fs.Bool("force", false, "replace the output file if it exists")
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return &usageError{msg: "usage: stratplan export FILE --bundle OUT.json [--sign] [--force]"}
	}
	s, err := store.Open(pos[0], nil)
	if err != nil {
		return err
	}
	defer s.Close()
	var key ed25519.PrivateKey
	if *sign {
		if key, err = store.OwnKey(); err != nil {
			return err
		}
	}
	o, err := exchange.Prepare(s, "stratplan "+version, key)
	if err != nil {
		return err
	}
	if err := o.Write(*out, *force); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d entities, export %d of %s, %s\n", *out, o.Doc.Len(), o.Producer.Seq, stratplan.Printable(o.Producer.Label), o.Signed())
	return nil
}

func runImport(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	requireSigned := fs.Bool("require-signed", false, "refuse bundles not signed by a trusted key")
	adopt := fs.Bool("adopt", false, "bring in the workshops of bundles of another plan, as new items of this one")
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return &usageError{msg: "usage: stratplan import FILE IN.json... [--require-signed] [--adopt]"}
	}
	s, err := store.Open(pos[0], nil)
	if err != nil {
		return err
	}
	defer s.Close()
	files := make([]*exchange.Incoming, len(pos)-1)
	for i, p := range pos[1:] {
		files[i] = exchange.Read(p)
	}
	if *adopt {
		return adoptWorkshops(s, pos[0], files, stdout)
	}
	trusted, err := s.TrustedKeys()
	if err != nil {
		return err
	}
	trusted = store.WithOwnKey(trusted, "this laptop")
	doc := s.Doc()
	pv := exchange.Check(doc, trusted, files, *requireSigned)
	if bad := pv.Refused(); len(bad) > 0 {
		var msgs []string
		for _, f := range bad {
			if f.Err != nil {
				msgs = append(msgs, f.Err.Error())
			} else {
				msgs = append(msgs, fmt.Sprintf("%s: %s: %s (--require-signed)", f.Path, f.Signer, f.Refused))
			}
		}
		return fmt.Errorf("%s\nnothing was imported", strings.Join(msgs, "\n"))
	}
	for _, f := range pv.Files {
		fmt.Fprintf(stdout, "%s: %s; %s\n", f.Path, f.Signer, describe(f.Stats))
		for _, w := range f.Warnings {
			fmt.Fprintf(stdout, "  warning: %s\n", w)
		}
	}
	before := len(doc.Validate())
	total, err := exchange.Apply(s, pv)
	if err != nil {
		return err
	}
	if !total.Changed() {
		fmt.Fprintln(stdout, "the plan is unchanged")
		return nil
	}
	doc = s.Doc()
	fmt.Fprintf(stdout, "imported into %s: %s\n", pos[0], describe(total))
	if n := len(doc.Conflicts()); n > 0 {
		fmt.Fprintf(stdout, "%d conflicts to settle: open the plan and choose Conflicts\n", n)
	}
	if ws := doc.Validate(); len(ws) > before {
		fmt.Fprintf(stdout, "%d warnings (the data is kept): run 'stratplan validate' on an export to list them\n", len(ws))
	}
	return nil
}

func describe(st stratplan.MergeStats) string {
	if !st.Changed() {
		return "nothing new: this bundle is older than or equal to what you have"
	}
	return fmt.Sprintf("%d new entities, %d updated fields, %d new conflicts", st.NewEntities, st.UpdatedFields, st.NewConflicts)
}

func runMerge(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	out := fs.String("o", "", "write the merged bundle to this file")
	force := fs.Bool("force", false, "replace the output file if it exists")
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) < 1 || *out == "" {
		return &usageError{msg: "usage: stratplan merge -o OUT.json IN.json... [--force]"}
	}
	if !*force {
		if _, err := os.Lstat(*out); err == nil {
			return fmt.Errorf("%s %w: choose another name, or add --force to replace it", *out, exchange.ErrExists)
		}
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(mergeMemory(pos)))
	merged, err := exchange.MergeFiles(pos)
	if err != nil {
		return fmt.Errorf("%w\nnothing was written", err)
	}
	// The conflicts are counted for the summary while the bundle is
	// written: both only read the merged plan.
	conflicts := make(chan int, 1)
	go func() { conflicts <- len(merged.Conflicts()) }()
	o := &exchange.Outgoing{Doc: merged, Producer: export.Producer{Replica: "merge",
		Label: fmt.Sprintf("stratplan merge of %d bundles", len(pos)), App: "stratplan " + version}}
	if err := o.Write(*out, *force); err != nil {
		<-conflicts
		return err
	}
	fmt.Fprintf(stdout, "%s: %d entities from %d bundles, %d conflicts\n", *out, merged.Len(), len(pos), <-conflicts)
	return nil
}

func runValidate(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return &usageError{msg: "usage: stratplan validate IN.json..."}
	}
	bad := 0
	exchange.ReadEach(pos, func(f *exchange.Incoming) {
		p := f.Path
		if f.Err != nil {
			fmt.Fprintf(stdout, "%s: REFUSED: %v\n", p, strings.TrimPrefix(f.Err.Error(), p+": "))
			bad++
			return
		}
		b := f.Bundle
		label := b.Producer.Label
		if label == "" {
			label = b.Producer.Replica
		}
		plan := b.Doc.Plan()
		if t := b.Doc.PlanInfo().Title; t != "" {
			plan = fmt.Sprintf("“%s” (%s)", brief(t), plan)
		}
		fmt.Fprintf(stdout, "%s: ok: plan %s, from %s (export %d, %s), %d entities, %d conflicts, %s",
			p, stratplan.Printable(plan), stratplan.Printable(label), b.Producer.Seq, b.ExportedAt.UTC().Format("2006-01-02 15:04"), b.Doc.Len(), len(b.Doc.Conflicts()),
			stratplan.CheckSigner(b.Signers, store.WithOwnKey(nil, "this laptop"), "", nil))
		if ws := b.Doc.Validate(); len(ws) > 0 {
			fmt.Fprintf(stdout, ", %d warnings", len(ws))
			for _, w := range ws {
				fmt.Fprintf(stdout, "\n  warning: %s", w)
			}
		}
		if w := exchange.ClockWarning(b.Doc); w != "" {
			fmt.Fprintf(stdout, "\n  warning: %s", w)
		}
		fmt.Fprintln(stdout)
	})
	if bad > 0 {
		return &silentError{}
	}
	return nil
}

// silentError exits 1 after the command has already said why.
type silentError struct{}

func (*silentError) Error() string { return "" }

// adoptWorkshops brings the workshops of other plans' bundles into the plan
// file as new items, after saying what comes in.
func adoptWorkshops(s *store.Store, path string, files []*exchange.Incoming, stdout io.Writer) error {
	ads, err := exchange.Adoptions(s.Doc(), files)
	if err != nil {
		return fmt.Errorf("%w\nnothing was brought in", err)
	}
	total := 0
	for _, ad := range ads {
		title := ad.FromTitle
		if title == "" {
			title = ad.From
		}
		fmt.Fprintf(stdout, "from the plan “%s” (%s): %d workshops, %s", brief(title), ad.From, len(ad.Workshops), countsText(ad.Counts))
		if ad.Already > 0 {
			fmt.Fprintf(stdout, "; %d items brought in before are left as they are", ad.Already)
		}
		fmt.Fprintln(stdout)
		for _, m := range append(append([]stratplan.Match{}, ad.Regions...), ad.Objectives...) {
			what := m.From.Kind
			if m.New {
				fmt.Fprintf(stdout, "  %s %q is added to this plan\n", what, m.From.Label())
			} else if m.From.Label() != m.Label {
				fmt.Fprintf(stdout, "  %s %q is taken as %q\n", what, m.From.Label(), m.Label)
			}
		}
		total += ad.Total()
	}
	if total == 0 {
		fmt.Fprintln(stdout, "the plan is unchanged: everything was brought in before")
		return nil
	}
	if err := exchange.ApplyAdoptions(s, ads); err != nil {
		return fmt.Errorf("nothing was brought in: %w", err)
	}
	fmt.Fprintf(stdout, "brought into %s: %d new items, written by this laptop; export a bundle to send them on\n", path, total)
	return nil
}

// countsText says how many entities of each kind, in a fixed order.
func countsText(counts map[string]int) string {
	var parts []string
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	if len(parts) == 0 {
		return "nothing new"
	}
	return strings.Join(parts, ", ")
}

// mergeMemory is the memory a merge of the files may use: what the heap
// holds already, and 2.75 times the files' bytes, at least 32 MiB. The
// merged plan takes about twice its bundles' bytes. Left alone, the garbage
// collector lets the heap grow to twice what it holds before it collects,
// and a merge of six regions' bundles would take five times their size;
// told the budget, it collects a little more often near the end. (A merge
// whose plan takes more than the budget still completes: the collector then
// runs more, never with more than half of the processor.)
func mergeMemory(paths []string) int64 {
	var total int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			total += fi.Size()
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc) + max(11*total/4, 32<<20)
}
