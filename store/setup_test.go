package store_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stratplan"
	"stratplan/store"
)

// TestStartFromASentPlanMergesBack: a facilitator's plan file made from the
// Secretariat's plan has its id and content and a replica of its own, so
// that what the facilitator writes merges back into the Secretariat's file.
func TestStartFromASentPlanMergesBack(t *testing.T) {
	sec := MustCreate(t, "secretariat")
	if err := sec.Edit(func(ed *stratplan.Edit) error {
		return ed.Set("eur", stratplan.KindRegion, stratplan.Set("code", stratplan.Text("EUR")), stratplan.Set("name", stratplan.Text("Europe")))
	}); err != nil {
		t.Fatal(err)
	}
	sent := sec.Doc().Clone()

	path := filepath.Join(t.TempDir(), "europe"+store.Ext)
	if err := store.CreateFrom(path, &store.Options{MachineID: "brussels"}, sent); err != nil {
		t.Fatal(err)
	}
	if err := store.CreateFrom(path, &store.Options{MachineID: "brussels"}, sent); err == nil || !strings.Contains(err.Error(), "never overwrites") {
		t.Fatalf("a second start over the same file: %v", err)
	}
	reg := MustOpen(t, path, "brussels")
	if reg.Doc().Plan() != sec.Doc().Plan() || reg.Doc().RegionName("eur") != "Europe" {
		t.Fatal("the new file is not the sent plan")
	}
	mine := reg.Replica()
	if mine == "" || mine == sec.Replica() {
		t.Fatalf("the new file writes as %q (the Secretariat writes as %q): it needs a replica of its own", mine, sec.Replica())
	}
	if err := setText(reg, "s1", "Customs laboratories shared across the region"); err != nil {
		t.Fatal(err)
	}
	st, err := sec.Merge(reg.Doc().Clone())
	if err != nil {
		t.Fatal(err)
	}
	if st.NewEntities < 1 || sec.Doc().Get(stratplan.KindSWOT, "s1") == nil {
		t.Fatal("the region's edit did not merge back into the Secretariat's plan")
	}
}

func TestReceiptsOfImportedBundlesAreKept(t *testing.T) {
	s := MustCreate(t, "m1")
	if rs, err := s.Receipts(); err != nil || len(rs) != 0 {
		t.Fatalf("a new plan has receipts %v (%v)", rs, err)
	}
	r := stratplan.Receipt{File: "eur-3.json", Producer: "r1", Label: "Brussels", Seq: 3, Digest: "sha256:ab",
		ExportedAt: time.Date(2026, 11, 9, 17, 0, 0, 0, time.UTC), ImportedAt: time.Date(2026, 11, 10, 8, 0, 0, 0, time.UTC)}
	r.SetChanges(stratplan.MergeStats{NewEntities: 40, UpdatedFields: 2, NewConflicts: 1})
	stale := r
	stale.File, stale.Seq = "eur-2.json", 2
	stale.SetChanges(stratplan.MergeStats{})
	if err := s.KeepReceipts([]stratplan.Receipt{r, stale}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s = MustOpen(t, path, "m1")
	rs, err := s.Receipts()
	if err != nil || len(rs) != 2 || rs[0].File != "eur-3.json" || rs[0].Changes().NewEntities != 40 || rs[1].Changes().Changed() {
		t.Fatalf("receipts after reopening: %+v (%v)", rs, err)
	}
}
