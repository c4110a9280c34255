package main

import (
	"path/filepath"
	"strings"
	"testing"

	"stratplan"
)

// TestNewFromTheSecretariatsBundle: a plan started from the Secretariat's
// bundle is the same plan, so its bundles import back into the
// Secretariat's file; a plan started on its own is refused there, with
// the way to bring its workshops in.
func TestNewFromTheSecretariatsBundle(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	sec := filepath.Join(dir, "secretariat.stratplan")
	if code, _, errs := runCmd(t, "new", sec, "--title", "Plan 2027–2030"); code != 0 {
		t.Fatal(errs)
	}
	doc := readPlan(t, sec)
	if len(doc.Regions()) != 1 || len(doc.Objectives()) != 1 || doc.Objectives()[0].Code != "SO1" {
		t.Fatalf("a new plan starts with %d regions and %d objectives, want one region and SO1", len(doc.Regions()), len(doc.Objectives()))
	}
	sent := filepath.Join(dir, "plan.json")
	if code, _, errs := runCmd(t, "export", sec, "--bundle", sent); code != 0 {
		t.Fatal(errs)
	}
	eur := filepath.Join(dir, "europe")
	code, out, errs := runCmd(t, "new", eur, "--from", sent)
	if code != 0 || !strings.Contains(out, "from the plan “Plan 2027–2030”") || !strings.Contains(out, "1 regions, 1 objectives") {
		t.Fatalf("new --from: %d\n%s\n%s", code, out, errs)
	}
	eur += ".stratplan"
	if readPlan(t, eur).Plan() != doc.Plan() {
		t.Fatal("the started plan has another id")
	}
	if code, _, errs := runCmd(t, "new", eur, "--from", sent); code != 1 || !strings.Contains(errs, "already exists") {
		t.Fatalf("starting over an existing file: %d %s", code, errs)
	}
	if code, _, _ := runCmd(t, "new", filepath.Join(dir, "x"), "--from", sent, "--example"); code != 2 {
		t.Fatalf("--from with --example: exit %d, want 2", code)
	}
	if code, _, errs := runCmd(t, "new", filepath.Join(dir, "y"), "--from", filepath.Join(dir, "missing.json")); code != 1 || !strings.Contains(errs, "no such file") {
		t.Fatalf("--from a missing file: %d %s", code, errs)
	}

	editPlan(t, eur, setText("swot-eur", "Brussels training hub"))
	back := filepath.Join(dir, "eur.json")
	if code, _, errs := runCmd(t, "export", eur, "--bundle", back); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs = runCmd(t, "import", sec, back)
	if code != 0 || !strings.Contains(out, "imported into") {
		t.Fatalf("the region's bundle does not import into the Secretariat's plan: %d\n%s\n%s", code, out, errs)
	}
	if readPlan(t, sec).Get(stratplan.KindSWOT, "swot-eur") == nil {
		t.Fatal("the region's item is not in the Secretariat's plan")
	}
}

// TestImportAdoptBringsAStrayPlansWorkshopsIn: a facilitator who pressed New
// plan ran the workshop in a plan of its own; its bundle is refused by the
// Secretariat's plan, and --adopt brings the workshop in, once.
func TestImportAdoptBringsAStrayPlansWorkshopsIn(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	sec, stray := filepath.Join(dir, "secretariat.stratplan"), filepath.Join(dir, "stray.stratplan")
	if code, _, errs := runCmd(t, "new", sec, "--example"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCmd(t, "new", stray, "--title", "Lomé workshop"); code != 0 {
		t.Fatal(errs)
	}
	editPlan(t, stray, func(ed *stratplan.Edit) error {
		reg := ed.Doc().Regions()[0].E.ID
		if err := ed.Set(reg, stratplan.KindRegion, stratplan.Set("code", stratplan.Text("WCA")), stratplan.Set("name", stratplan.Text("Afrique de l'Ouest et du Centre"))); err != nil {
			return err
		}
		if err := ed.Set("w", stratplan.KindWorkshop, stratplan.Set("title", stratplan.Text("Atelier de Lomé")), stratplan.Set("region", stratplan.Text(reg))); err != nil {
			return err
		}
		if err := ed.Set("v", stratplan.KindParticipant, stratplan.Set("name", stratplan.Text("Kossi")), stratplan.Set("workshop", stratplan.Text("w"))); err != nil {
			return err
		}
		if err := ed.Set("p", stratplan.KindPriority, stratplan.Set("title", stratplan.Text("Corridor Abidjan–Lagos")), stratplan.Set("workshop", stratplan.Text("w"))); err != nil {
			return err
		}
		return ed.SetVote("w", "v", "p", 4)
	})
	out := filepath.Join(dir, "stray.json")
	if code, _, errs := runCmd(t, "export", stray, "--bundle", out); code != 0 {
		t.Fatal(errs)
	}
	code, _, errs := runCmd(t, "import", sec, out)
	if code != 1 || !strings.Contains(errs, "import it with --adopt") {
		t.Fatalf("a stray plan's bundle: %d %s", code, errs)
	}
	before := readPlan(t, sec)
	code, stdout, errs := runCmd(t, "import", sec, out, "--adopt")
	if code != 0 || !strings.Contains(stdout, "from the plan “Lomé workshop”") || !strings.Contains(stdout, "1 priority") ||
		!strings.Contains(stdout, `region "Afrique de l'Ouest et du Centre" is taken as "West & Central Africa"`) {
		t.Fatalf("import --adopt: %d\n%s\n%s", code, stdout, errs)
	}
	after := readPlan(t, sec)
	if after.Plan() != before.Plan() || len(after.Workshops()) != len(before.Workshops())+1 {
		t.Fatal("the workshop was not brought into the Secretariat's plan")
	}
	var brought *stratplan.Workshop
	for _, w := range after.Workshops() {
		if w.Title == "Atelier de Lomé" {
			brought = &w
		}
	}
	if brought == nil || brought.Region != "region-wca" {
		t.Fatalf("the workshop brought in: %+v", brought)
	}
	ranked := stratplan.RankPriorities(after.Priorities(brought.E.ID), after.Votes(brought.E.ID))
	if len(ranked) != 1 || ranked[0].Points != 4 {
		t.Fatalf("the workshop's priority and its votes: %+v", ranked)
	}
	code, stdout, _ = runCmd(t, "import", sec, out, "--adopt")
	if code != 0 || !strings.Contains(stdout, "the plan is unchanged") {
		t.Fatalf("a second --adopt: %d %s", code, stdout)
	}
	sent := filepath.Join(dir, "sec.json")
	if code, _, errs := runCmd(t, "export", sec, "--bundle", sent); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCmd(t, "import", sec, sent, "--adopt"); code != 1 || !strings.Contains(errs, "import it without --adopt") {
		t.Fatalf("--adopt with the plan's own bundle: %d %s", code, errs)
	}
}
