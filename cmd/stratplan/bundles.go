package main

import (
	"crypto/ed25519"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"stratplan"
	"stratplan/export"
	"stratplan/store"
)

func runExport(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	out := fs.String("bundle", "", "write a bundle to this file")
	sign := fs.Bool("sign", false, "sign the bundle with your key")
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return &usageError{msg: "usage: stratplan export FILE --bundle OUT.json [--sign]"}
	}
	s, err := store.Open(pos[0], nil)
	if err != nil {
		return err
	}
	defer s.Close()
	b, err := exportBundle(s, *out, *sign)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d entities, export %d of %s, %s\n", *out, b.entities, b.seq, b.producer, b.signed)
	return nil
}

type exported struct {
	entities int
	seq      uint64
	producer string
	signed   string
}

// exportBundle writes the plan in s to path as a bundle, atomically.
func exportBundle(s *store.Store, path string, sign bool) (exported, error) {
	var keys []ed25519.PrivateKey
	if sign {
		k, err := store.OwnKey()
		if err != nil {
			return exported{}, err
		}
		keys = append(keys, k)
	}
	replica, err := s.EnsureReplica()
	if err != nil {
		return exported{}, err
	}
	seq, err := s.NextExportSeq()
	if err != nil {
		return exported{}, err
	}
	doc := s.Doc()
	p := export.Producer{Replica: replica, Label: doc.ReplicaInfo(replica).Label, App: "stratplan " + version, Seq: seq}
	err = store.WriteFileAtomic(path, func(f *os.File) error {
		return export.EncodeBundle(f, doc, p, time.Now(), keys...)
	})
	if err != nil {
		return exported{}, fmt.Errorf("%s: %w", path, err)
	}
	e := exported{entities: doc.Len(), seq: seq, producer: p.Label, signed: "unsigned"}
	if sign {
		e.signed = "signed with key " + stratplan.KeyFingerprint(keys[0].Public().(ed25519.PublicKey))
	}
	return e, nil
}

// readBundles decodes every file, reporting every bad one.
func readBundles(paths []string) ([]*export.Bundle, error) {
	var out []*export.Bundle
	var errs []error
	decodeEach(paths, func(_ int, b *export.Bundle, err error) {
		if err != nil {
			errs = append(errs, err)
			return
		}
		out = append(out, b)
	})
	return out, errors.Join(errs...)
}

// decodeEach decodes the bundle files, two at a time when the machine has
// two cores, and gives each to use in the order of paths, with the error
// that refused it. At most two bundles are held at once besides what use
// keeps: merging many large bundles holds only the merged plan.
func decodeEach(paths []string, use func(i int, b *export.Bundle, err error)) {
	type decoded struct {
		b   *export.Bundle
		err error
	}
	results := make([]chan decoded, len(paths))
	for i := range results {
		results[i] = make(chan decoded, 1)
	}
	slots := make(chan struct{}, max(1, min(runtime.GOMAXPROCS(0), 2)))
	go func() {
		for i, p := range paths {
			slots <- struct{}{}
			go func() {
				b, err := decodeFile(p)
				results[i] <- decoded{b, err}
			}()
		}
	}()
	for i := range paths {
		r := <-results[i]
		use(i, r.b, r.err)
		<-slots
	}
}

func decodeFile(path string) (*export.Bundle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return export.DecodeBundle(f, path)
}

// samePlan refuses bundles of different plans, naming them.
func samePlan(plan string, paths []string, bs []*export.Bundle) error {
	for i, b := range bs {
		if b.Doc.Plan() != plan {
			return fmt.Errorf("%s is a bundle of plan %s, not of plan %s: bundles of different plans are never merged", paths[i], b.Doc.Plan(), plan)
		}
	}
	return nil
}

// mergeError names the bundles behind a failed merge; docOf returns the
// plan of the j-th bundle, nil if it cannot.
func mergeError(err error, i int, paths []string, docOf func(j int) *stratplan.Document, base string) error {
	var km *stratplan.KindMismatchError
	if errors.As(err, &km) {
		other := base
		for j := 0; j < i; j++ {
			if d := docOf(j); d != nil && d.Entity(km.ID) != nil {
				other = paths[j]
				break
			}
		}
		return fmt.Errorf("%s: entity %s is a %s there but a %s in %s: these are not bundles of the same plan history", paths[i], km.ID, km.Other, km.Kind, other)
	}
	return fmt.Errorf("%s: %w", paths[i], err)
}

func runImport(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	requireSigned := fs.Bool("require-signed", false, "refuse bundles not signed by a trusted key")
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return &usageError{msg: "usage: stratplan import FILE IN.json... [--require-signed]"}
	}
	s, err := store.Open(pos[0], nil)
	if err != nil {
		return err
	}
	defer s.Close()
	paths := pos[1:]
	bs, err := readBundles(paths)
	if err != nil {
		return fmt.Errorf("%w\nnothing was imported", err)
	}
	doc := s.Doc()
	if err := samePlan(doc.Plan(), paths, bs); err != nil {
		return fmt.Errorf("%w\nnothing was imported", err)
	}
	trusted, err := s.TrustedKeys()
	if err != nil {
		return err
	}
	docs := make([]*stratplan.Document, len(bs))
	signers := make([]stratplan.Signer, len(bs))
	var refused []string
	for i, b := range bs {
		docs[i] = b.Doc
		signers[i] = b.Signer(trusted, doc)
		if *requireSigned && signers[i].Status != stratplan.TrustedSigner {
			refused = append(refused, fmt.Sprintf("%s: %s, and --require-signed accepts only bundles signed by a trusted key", paths[i], signers[i]))
		}
	}
	if len(refused) > 0 {
		return fmt.Errorf("%s\nnothing was imported", strings.Join(refused, "\n"))
	}
	stats, all, bad, err := stratplan.Preview(doc, docs...)
	if err != nil {
		return fmt.Errorf("%w\nnothing was imported", mergeError(err, bad, paths, func(j int) *stratplan.Document { return bs[j].Doc }, pos[0]))
	}
	for i, st := range stats {
		fmt.Fprintf(stdout, "%s: %s; %s\n", paths[i], signers[i], describe(st))
		if signers[i].Warning != "" {
			fmt.Fprintf(stdout, "  warning: %s\n", signers[i].Warning)
		}
	}
	before := len(doc.Validate())
	total, err := s.Merge(all)
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
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) < 1 || *out == "" {
		return &usageError{msg: "usage: stratplan merge -o OUT.json IN.json..."}
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(mergeMemory(pos)))
	// One bundle at a time: a merge of many large bundles holds the merged
	// plan and the bundles being read, not every bundle.
	var (
		merged *stratplan.Document
		errs   []error
		n      int
	)
	decodeEach(pos, func(i int, b *export.Bundle, err error) {
		switch {
		case err != nil:
			errs = append(errs, err)
		case len(errs) > 0:
			// Keep reading, to report every bad file, but merge no more.
		case merged == nil:
			merged = stratplan.NewDocument(b.Doc.Plan())
			fallthrough
		default:
			if err := samePlan(merged.Plan(), pos[i:i+1], []*export.Bundle{b}); err != nil {
				errs = append(errs, err)
				return
			}
			if _, err := merged.Merge(b.Doc); err != nil {
				errs = append(errs, mergeError(err, i, pos, func(j int) *stratplan.Document {
					if b, err := decodeFile(pos[j]); err == nil {
						return b.Doc
					}
					return nil
				}, pos[0]))
				return
			}
			n++
		}
	})
	if len(errs) > 0 {
		return fmt.Errorf("%w\nnothing was written", errors.Join(errs...))
	}
	// The conflicts are counted for the summary while the bundle is
	// written: both only read the merged plan.
	conflicts := make(chan int, 1)
	go func() { conflicts <- len(merged.Conflicts()) }()
	p := export.Producer{Replica: "merge", Label: fmt.Sprintf("stratplan merge of %d bundles", n), App: "stratplan " + version}
	if err := store.WriteFileAtomic(*out, func(f *os.File) error {
		return export.EncodeBundle(f, merged, p, time.Now())
	}); err != nil {
		return fmt.Errorf("%s: %w", *out, err)
	}
	fmt.Fprintf(stdout, "%s: %d entities from %d bundles, %d conflicts\n", *out, merged.Len(), n, <-conflicts)
	return nil
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
	decodeEach(pos, func(i int, b *export.Bundle, err error) {
		p := pos[i]
		if err != nil {
			fmt.Fprintf(stdout, "%s: REFUSED: %v\n", p, strings.TrimPrefix(err.Error(), p+": "))
			bad++
			return
		}
		label := b.Producer.Label
		if label == "" {
			label = b.Producer.Replica
		}
		fmt.Fprintf(stdout, "%s: ok: plan %s, from %s (export %d, %s), %d entities, %d conflicts, %s",
			p, b.Doc.Plan(), label, b.Producer.Seq, b.ExportedAt.UTC().Format("2006-01-02 15:04"), b.Doc.Len(), len(b.Doc.Conflicts()),
			stratplan.CheckSigner(b.Signers, nil, "", nil))
		if ws := b.Doc.Validate(); len(ws) > 0 {
			fmt.Fprintf(stdout, ", %d warnings", len(ws))
			for _, w := range ws {
				fmt.Fprintf(stdout, "\n  warning: %s", w)
			}
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
