package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"stratplan"
	"stratplan/export"
	"stratplan/store"
)

// TestStartFromThePlanYouWereSent: the Secretariat's bundle opened from the
// welcome screen makes a plan file of the same plan, which opens.
func TestStartFromThePlanYouWereSent(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	sec := newExampleApp(t)
	bundle := filepath.Join(t.TempDir(), "plan.json")
	exportTo(t, sec, bundle)
	plan := sec.plan.Doc().Plan()

	test.NewTempApp(t) // a laptop of its own: no plan opened before
	cfg := testConfig(t.TempDir())
	a := New(fyne.CurrentApp(), cfg)
	a.Start(cfg.DefaultPath)
	if a.plan != nil || a.win.Canvas().Focused() != a.welcome.fromBundle {
		t.Fatal("the welcome screen does not offer to start from a plan you were sent, first")
	}
	a.startFromFile(bundle)
	a.jobs.Wait()
	if !overlayShows(a, "This bundle holds the plan “Strategic Plan 2027–2030”: 6 regions, 4 objectives, 6 workshops") {
		t.Fatal("the dialog does not say which plan the bundle holds")
	}
	name := a.win.Canvas().Focused()
	if name == nil {
		t.Fatal("the file name does not have the focus")
	}
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.plan == nil {
		t.Fatal("the plan was not made and opened")
	}
	defer a.closePlan()
	want := filepath.Join(filepath.Dir(cfg.DefaultPath), "strategic-plan-2027-2030.stratplan")
	if a.plan.Path() != want || a.plan.Doc().Plan() != plan || !strings.Contains(a.status.Text, "Started from") {
		t.Fatalf("opened %s (plan %s), status %q", a.plan.Path(), a.plan.Doc().Plan(), a.status.Text)
	}
	if r := a.plan.Replica(); r == "" || r == sec.plan.Replica() {
		t.Fatalf("the new plan file writes as %q: it needs a replica of its own", r)
	}
	if rs, _ := a.plan.Receipts(); len(rs) != 1 || rs[0].File != "plan.json" {
		t.Fatalf("receipts: %+v", rs)
	}
}

// TestBringAnotherPlansWorkshopsIn: a bundle of a plan started by mistake
// is refused by the import, which offers to bring its workshops in.
func TestBringAnotherPlansWorkshopsIn(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := newExampleApp(t)
	sec := a.plan.Path()
	stray := filepath.Join(t.TempDir(), "stray.stratplan")
	if err := a.cfg.Create(stray, "Lomé", false); err != nil {
		t.Fatal(err)
	}
	a.openPath(stray)
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		if err := ed.Set("w", stratplan.KindWorkshop, stratplan.Set("title", stratplan.Text("Atelier de Lomé")),
			stratplan.Set("region", stratplan.Text(ed.Doc().Regions()[0].E.ID))); err != nil {
			return err
		}
		return ed.Set("p", stratplan.KindPriority, stratplan.Set("title", stratplan.Text("Corridor Abidjan–Lagos")), stratplan.Set("workshop", stratplan.Text("w")))
	})
	bundle := filepath.Join(t.TempDir(), "lome.json")
	exportTo(t, a, bundle)

	a.openPath(sec)
	before := len(a.plan.Doc().Workshops())
	a.importBundles(bundle)
	im := a.importing
	a.jobs.Wait()
	if !im.apply.Disabled() || !im.adopt.Visible() || !strings.Contains(im.describe(im.files[0]), "another plan") {
		t.Fatal("a bundle of another plan is not refused with an offer to bring its workshops in")
	}
	test.Tap(im.adopt)
	if !overlayShows(a, "From the plan “Lomé”: 1 workshop, ") || !overlayShows(a, "“Region 1” is added to this plan") {
		t.Fatal("the preview does not say what comes in")
	}
	test.Tap(findButton(a.win.Canvas().Overlays().Top(), "Bring them in"))
	doc := a.plan.Doc()
	if len(doc.Workshops()) != before+1 || !strings.Contains(a.status.Text, "Brought in") {
		t.Fatalf("%d workshops after bringing one in (had %d); status %q", len(doc.Workshops()), before, a.status.Text)
	}
	found := false
	for _, p := range doc.Priorities("") {
		found = found || p.Title == "Corridor Abidjan–Lagos" && p.E.ID != "p"
	}
	if !found || doc.Plan() == "" {
		t.Fatal("the other plan's priority did not come in as a new item")
	}
	s, err := store.Open(stray, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(s.Doc().Workshops()) != 1 {
		t.Fatal("the other plan was changed")
	}
}

// TestStartFromABundleFromTheFarFuture: the dialog says the sender's clock
// looks wrong before a plan is made from it.
func TestStartFromABundleFromTheFarFuture(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	d := stratplan.NewDocument("plan-future")
	if err := d.Begin(&stratplan.Author{Replica: "rsender"}).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("written on a laptop set to 9999"))); err != nil {
		t.Fatal(err)
	}
	e := d.Entity("s1")
	f := e.Field("text")
	vals := append([]stratplan.Val{}, f.Vals...)
	vals[0].At = stratplan.MaxTime
	d.Put(&stratplan.Entity{ID: e.ID, Kind: e.Kind, Fields: e.Fields.With("text", stratplan.Field{Ctx: f.Ctx, Vals: vals})})
	bundle := filepath.Join(t.TempDir(), "future.json")
	out, err := os.Create(bundle)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.EncodeBundle(out, d, export.Producer{Replica: "rsender", App: "test"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	out.Close()

	test.NewTempApp(t)
	cfg := testConfig(t.TempDir())
	a := New(fyne.CurrentApp(), cfg)
	a.Start(cfg.DefaultPath)
	a.startFromFile(bundle)
	a.jobs.Wait()
	if !overlayShows(a, "the sender's clock looks wrong") || !overlayShows(a, "9999-12-31") {
		t.Fatal("the dialog does not say the bundle's times are far ahead of this laptop's clock")
	}
}
