package exchange

import (
	"fmt"
	"time"

	"stratplan"
	"stratplan/store"
)

// Adoptions works out how to bring into the plan doc the workshops of the
// other plans whose bundles are in files (see stratplan.Document.Adopt):
// bundles of one other plan are merged first, and the plans are taken in
// the order their first bundle comes. It changes nothing. A file that
// cannot be read, or that is of doc's own plan, is an error.
func Adoptions(doc *stratplan.Document, files []*Incoming) ([]*stratplan.Adoption, error) {
	var order []string
	byPlan := map[string]*stratplan.Document{}
	for _, f := range files {
		if f.Bundle == nil {
			if f.Err == nil {
				f.Err = fmt.Errorf("%s: not read", f.Path)
			}
			return nil, f.Err
		}
		d := f.Bundle.Doc
		if d.Plan() == doc.Plan() {
			return nil, fmt.Errorf("%s is a bundle of this very plan: import it without --adopt", f.Path)
		}
		if byPlan[d.Plan()] == nil {
			byPlan[d.Plan()] = stratplan.NewDocument(d.Plan())
			order = append(order, d.Plan())
		}
		if _, err := byPlan[d.Plan()].Merge(d); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
	}
	// Each adoption is worked out on the plan as the ones before it leave
	// it, so that the objectives they add get codes of their own.
	scratch := doc.Clone()
	var out []*stratplan.Adoption
	for _, plan := range order {
		ad, err := scratch.Adopt(byPlan[plan])
		if err != nil {
			return nil, err
		}
		if err := ad.Apply(scratch.Begin(&stratplan.Author{Replica: "preview"})); err != nil {
			return nil, err
		}
		out = append(out, ad)
	}
	return out, nil
}

// Editor is a plan file that takes edits (*store.Store).
type Editor interface {
	Edit(fn func(ed *stratplan.Edit) error) error
}

// ApplyAdoptions writes the adoptions as one edit of the plan: all of them
// or nothing.
func ApplyAdoptions(p Editor, ads []*stratplan.Adoption) error {
	return p.Edit(func(ed *stratplan.Edit) error {
		for _, ad := range ads {
			if err := ad.Apply(ed); err != nil {
				return err
			}
		}
		return nil
	})
}

// StartFrom makes a new plan file at path from a bundle someone sent (see
// store.CreateFrom): the sent plan, under this laptop's own replica id,
// with the bundle as the first entry of its imported bundles. An
// existing file is never overwritten.
func StartFrom(path string, opts *store.Options, in *Incoming) error {
	if in.Err != nil {
		return in.Err
	}
	if in.Bundle == nil {
		return fmt.Errorf("%s: not read", in.Path)
	}
	if err := store.CreateFrom(path, opts, in.Bundle.Doc); err != nil {
		return err
	}
	s, err := store.Open(path, opts)
	if err != nil {
		return err
	}
	in.Signer = in.Bundle.Signer(nil, in.Bundle.Doc)
	in.Stats = stratplan.MergeStats{NewEntities: in.Bundle.Doc.Len()}
	pv := &Preview{Files: []*Incoming{in}}
	err = s.KeepReceipts(pv.Receipts(time.Now()))
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}
