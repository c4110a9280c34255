package exchange

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"stratplan"
	"stratplan/export"
)

// Incoming is one bundle chosen for import: read, then checked against the
// plan by Check.
type Incoming struct {
	Path   string
	Bundle *export.Bundle // nil when the file was refused as a bundle
	Err    error          // why the bundle cannot be imported

	Signer   stratplan.Signer
	Refused  string               // set when a rule of this plan refuses it (unsigned…)
	Stats    stratplan.MergeStats // what it would change, after the bundles before it
	Warnings []string             // taken, but worth a look
}

// OK reports whether the bundle can be imported.
func (in *Incoming) OK() bool { return in.Err == nil && in.Refused == "" && in.Bundle != nil }

// Read reads and verifies the bundle file at path. Errors are kept in the
// returned Incoming, not returned, so that a list of files can show each.
func Read(path string) *Incoming {
	in := &Incoming{Path: path}
	// Opening a named pipe waits for a writer, for ever if none comes:
	// a pipe is not a bundle file.
	if fi, err := os.Stat(path); err == nil && fi.Mode()&(os.ModeNamedPipe|os.ModeSocket) != 0 {
		in.Err = fmt.Errorf("%s: this is a pipe, not a bundle file: give the bundle's file", path)
		return in
	}
	f, err := os.Open(path)
	if err != nil {
		in.Err = fmt.Errorf("%s: %w", path, readable(err))
		return in
	}
	defer f.Close()
	in.Bundle, in.Err = export.DecodeBundle(f, path)
	return in
}

func readable(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, os.ErrNotExist) {
			return errors.New("no such file")
		}
		return pe.Err
	}
	return err
}

// Preview is a set of bundles checked against a plan: what each would
// change, and all of them merged, ready to import in one step.
type Preview struct {
	Files  []*Incoming
	Merged *stratplan.Document // nil unless every file is OK
	Total  stratplan.MergeStats
}

// OK reports whether every file can be imported and there is at least one.
func (p *Preview) OK() bool { return p.Merged != nil && len(p.Files) > 0 }

// Refused returns the files that cannot be imported.
func (p *Preview) Refused() []*Incoming {
	var out []*Incoming
	for _, f := range p.Files {
		if !f.OK() {
			out = append(out, f)
		}
	}
	return out
}

// Check weighs bundles against the plan doc: same plan, signer and the
// plan's rule on signatures, what each would change in turn, and whether
// the plan and the bundles can merge at all. It changes nothing.
func Check(doc *stratplan.Document, trusted []stratplan.TrustedKey, files []*Incoming, requireSigned bool) *Preview {
	p := &Preview{Files: files}
	var docs []*stratplan.Document
	var good []*Incoming
	for _, f := range files {
		f.Refused, f.Warnings, f.Stats = "", nil, stratplan.MergeStats{}
		if f.Bundle == nil {
			if f.Err == nil {
				f.Err = fmt.Errorf("%s: not read", f.Path)
			}
			continue
		}
		b := f.Bundle
		if b.Doc.Plan() != doc.Plan() {
			f.Err = &OtherPlanError{Path: f.Path, Plan: doc.Plan(), PlanTitle: doc.PlanInfo().Title,
				Other: b.Doc.Plan(), OtherTitle: b.Doc.PlanInfo().Title}
			continue
		}
		f.Err = nil
		f.Signer = b.Signer(trusted, doc)
		if requireSigned && f.Signer.Status != stratplan.TrustedSigner {
			f.Refused = "only bundles signed by a trusted key are accepted"
			continue
		}
		if f.Signer.Warning != "" {
			f.Warnings = append(f.Warnings, f.Signer.Warning)
		}
		if w := ClockWarning(b.Doc); w != "" {
			f.Warnings = append(f.Warnings, w)
		}
		docs = append(docs, b.Doc)
		good = append(good, f)
	}
	stats, merged, bad, err := stratplan.Preview(doc, docs...)
	if err != nil {
		good[bad].Err = refusal(err, bad, good, "this plan")
		return p
	}
	for i, f := range good {
		f.Stats = stats[i]
		p.Total.NewEntities += stats[i].NewEntities
		p.Total.NewReplicas += stats[i].NewReplicas
		p.Total.UpdatedFields += stats[i].UpdatedFields
		p.Total.NewConflicts += stats[i].NewConflicts
	}
	if len(p.Refused()) == 0 {
		p.Merged = merged
	}
	return p
}

// ClockWarning says when a bundle carries times further ahead than this
// laptop's clock will follow: its sender's clock looks wrong.
func ClockWarning(d *stratplan.Document) string {
	var c stratplan.Clock
	n, latest := d.Ahead(c.Limit())
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("the sender's clock looks wrong: %d values are dated as late as %s, more than a day ahead of this computer's clock; they are kept, and this plan's clock does not follow them",
		n, latest.Time().Format("2006-01-02 15:04"))
}

// refusal names the files behind a refused merge: the file refused and,
// for a write two files disagree on, the file (or the plan) holding the
// other side.
func refusal(err error, i int, files []*Incoming, base string) error {
	var re *stratplan.RefusedError
	if !errors.As(err, &re) {
		return fmt.Errorf("%s: %w", files[i].Path, err)
	}
	other := base
	for j := 0; j < i; j++ {
		if e := files[j].Bundle.Doc.Get(re.Kind, re.ID); e != nil {
			for _, v := range e.Field(re.Field).Vals {
				if v.Dot == re.Err.Dot {
					other = files[j].Path
				}
			}
		}
	}
	return fmt.Errorf("%s: refused: %w (the other side is in %s)", files[i].Path, err, other)
}

// OtherPlanError is a bundle of another plan than the one it is imported
// into.
type OtherPlanError struct {
	Path              string
	Plan, PlanTitle   string
	Other, OtherTitle string
	// Merging is set when the other plan is that of the bundles merged
	// before it, not that of a plan file.
	Merging bool
}

func (e *OtherPlanError) Error() string {
	if e.Merging {
		return fmt.Sprintf("%s is a bundle of the plan %s, not of the plan %s of the bundles before it: bundles of different plans are never merged",
			e.Path, planName(e.OtherTitle, e.Other), planName(e.PlanTitle, e.Plan))
	}
	return fmt.Sprintf("%s is a bundle of the plan %s, not of this plan %s: bundles of different plans are never merged. To bring its workshops into this plan, import it with --adopt",
		e.Path, planName(e.OtherTitle, e.Other), planName(e.PlanTitle, e.Plan))
}

func planName(title, id string) string {
	if title == "" {
		return stratplan.Printable(id)
	}
	return fmt.Sprintf("“%s” (%s)", stratplan.Printable(title), stratplan.Printable(id))
}

// Apply imports the checked bundles into the plan, in one step, after the
// plan's backup (see store.Store.Merge). A plan that keeps receipts
// records one per bundle, stale ones included.
func Apply(p Plan, pv *Preview) (stratplan.MergeStats, error) {
	if !pv.OK() {
		return stratplan.MergeStats{}, errors.New("nothing was imported: some bundles are refused")
	}
	st, err := p.Merge(pv.Merged)
	if err != nil {
		return st, err
	}
	if k, ok := p.(receiptKeeper); ok {
		if err := k.KeepReceipts(pv.Receipts(time.Now())); err != nil {
			return st, fmt.Errorf("the bundles were imported, but the list of imported bundles could not be updated: %w", err)
		}
	}
	return st, nil
}

// producerRegion is the region a bundle's producer works for: the one its
// laptop names or, when it names none, the region of the workshops it
// wrote, if they are all of one region.
func producerRegion(doc *stratplan.Document, replica string) string {
	if r := doc.ReplicaInfo(replica).Region; r != "" {
		return r
	}
	region := ""
	for _, w := range doc.Workshops() {
		if w.Region == "" || !wroteTo(w.E, replica) {
			continue
		}
		if region != "" && region != w.Region {
			return ""
		}
		region = w.Region
	}
	return region
}

// wroteTo reports whether the replica wrote a value the entity shows.
func wroteTo(e *stratplan.Entity, replica string) bool {
	for _, name := range e.FieldNames() {
		for _, v := range e.Field(name).Vals {
			if v.Dot.Replica == replica {
				return true
			}
		}
	}
	return false
}

// receiptKeeper is a plan that records the bundles imported into it
// (*store.Store).
type receiptKeeper interface {
	KeepReceipts(rs []stratplan.Receipt) error
}

// Receipts describes the bundles of the preview for the plan's record of
// imports, as imported at the time now.
func (p *Preview) Receipts(now time.Time) []stratplan.Receipt {
	var out []stratplan.Receipt
	for _, f := range p.Files {
		if !f.OK() {
			continue
		}
		b := f.Bundle
		r := stratplan.Receipt{File: filepath.Base(f.Path), Producer: b.Producer.Replica, Label: b.Producer.Label,
			Region: producerRegion(b.Doc, b.Producer.Replica), App: b.Producer.App, Seq: b.Producer.Seq,
			ExportedAt: b.ExportedAt.UTC(), ImportedAt: now.UTC(), Digest: b.Digest}
		r.SetSigner(f.Signer)
		r.SetChanges(f.Stats)
		out = append(out, r)
	}
	return out
}

// ReadEach reads the bundle files, two at a time where the machine has two
// cores, and hands each to use in the order of paths. At most two bundles
// are held at once besides what use keeps, so a merge of many large
// bundles holds the merged plan and little more.
func ReadEach(paths []string, use func(f *Incoming)) {
	results := make([]chan *Incoming, len(paths))
	for i := range results {
		results[i] = make(chan *Incoming, 1)
	}
	slots := make(chan struct{}, max(1, min(runtime.GOMAXPROCS(0), 2)))
	go func() {
		for i, p := range paths {
			slots <- struct{}{}
			go func() { results[i] <- Read(p) }()
		}
	}()
	for i := range paths {
		use(<-results[i])
		<-slots
	}
}

// MergeFiles merges bundle files into one document, without a plan file.
// The files are read one at a time and each is let go once merged, so
// memory holds the merged plan and one file. Every unreadable file is
// reported; a refusal names its file and the file holding the other side.
func MergeFiles(paths []string) (*stratplan.Document, error) {
	var merged *stratplan.Document
	var first *Incoming
	var done []string // files merged so far, for naming the other side of a refusal
	var errs []error
	ReadEach(paths, func(f *Incoming) {
		path := f.Path
		if f.Err != nil {
			errs = append(errs, f.Err)
			return
		}
		if len(errs) > 0 {
			return // still read the rest, to report every bad file
		}
		d := f.Bundle.Doc
		if merged == nil {
			merged, first = stratplan.NewDocument(d.Plan()), f
		}
		if d.Plan() != merged.Plan() {
			errs = append(errs, &OtherPlanError{Path: f.Path, Merging: true, Plan: merged.Plan(), PlanTitle: first.Bundle.Doc.PlanInfo().Title,
				Other: d.Plan(), OtherTitle: d.PlanInfo().Title})
			return
		}
		if _, err := merged.Merge(d); err != nil {
			// Rare: read the files merged so far again to name the other side.
			var before []*Incoming
			for _, p := range done {
				before = append(before, Read(p))
			}
			errs = append(errs, refusal(err, len(before), append(before, f), "the files before it"))
			return
		}
		done = append(done, path)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return merged, nil
}
