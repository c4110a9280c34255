package gen_test

import (
	"testing"

	"stratplan"
	"stratplan/internal/gen"
)

func TestGeneratedPlansAreRealisticAndRepeatable(t *testing.T) {
	o := gen.Options{Seed: 7, PerRegion: 2000}
	a, b := gen.Make(o), gen.Make(o)
	if len(a.Regions) != 6 {
		t.Fatalf("%d regions", len(a.Regions))
	}
	merged := a.Base.Clone()
	for i, d := range a.Regions {
		if n := d.Len() - a.Base.Len(); n < 1800 || n > 2200 {
			t.Errorf("region %d wrote %d entities, want about 2000", i, n)
		}
		if canon(d) != canon(b.Regions[i]) {
			t.Fatalf("region %d differs between two runs with the same seed", i)
		}
		if _, err := merged.Merge(d); err != nil {
			t.Fatal(err)
		}
	}
	if len(merged.Conflicts()) == 0 {
		t.Error("the regions' edits of shared items left no conflict to keep")
	}
	if ws := merged.Validate(); len(ws) > 0 {
		t.Errorf("generated data has warnings: %v", ws[0])
	}
	if len(merged.Workshops()) != 6 || len(merged.Priorities("")) < 1000 {
		t.Errorf("%d workshops, %d priorities", len(merged.Workshops()), len(merged.Priorities("")))
	}
}

func canon(d *stratplan.Document) string {
	var b []byte
	for _, e := range d.Entities() {
		b = stratplan.AppendEntityJSON(b, e)
	}
	return string(b)
}
