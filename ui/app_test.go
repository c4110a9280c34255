package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/assets"
	"stratplan/exchange"
	"stratplan/store"
)

// testConfig opens and creates plan files in dir, as the app does.
func testConfig(dir string) Config {
	opts := &store.Options{MachineID: "test-machine"}
	return Config{
		Open: func(p string) (Plan, error) { return store.Open(p, opts) },
		Create: func(p, title string, example bool) error {
			return store.Create(p, opts, assets.SeedWith(title, example, FirstNames()))
		},
		StartFrom:   func(p string, in *exchange.Incoming) error { return exchange.StartFrom(p, opts, in) },
		DefaultPath: filepath.Join(dir, "plan.stratplan"),
		ExamplePath: filepath.Join(dir, "example.stratplan"),
		WriteFile: func(path string, write func(io.Writer) error) error {
			return store.WriteFileAtomic(path, func(f *os.File) error { return write(f) })
		},
		OwnKey:  store.OwnKey,
		Version: "test",
		Now:     func() time.Time { return testNow },
		Inline:  true,
	}
}

// testNow is the tests' clock: in the example plan's period, with its 2027
// figures due.
var testNow = time.Date(2028, 3, 15, 12, 0, 0, 0, time.UTC)

// newExampleApp starts the window on a fresh copy of the example plan.
func newExampleApp(t testing.TB) *App {
	t.Helper()
	test.NewTempApp(t)
	a := New(fyne.CurrentApp(), testConfig(t.TempDir()))
	a.win.Resize(fyne.NewSize(1200, 800))
	a.Start("")
	test.Tap(a.welcome.example)
	if a.plan == nil {
		t.Fatal("the example plan did not open")
	}
	t.Cleanup(func() {
		a.jobs.Wait()
		a.closePlan()
	})
	return a
}

// reopen closes the plan file and opens it again, as after a restart.
func reopen(t *testing.T, a *App) {
	t.Helper()
	path := a.plan.Path()
	a.closePlan()
	a.openPath(path)
	if a.plan == nil {
		t.Fatal("reopen failed")
	}
}

func TestWelcomeThenExamplePlan(t *testing.T) {
	test.NewTempApp(t)
	a := New(fyne.CurrentApp(), testConfig(t.TempDir()))
	a.Start(filepath.Join(t.TempDir(), "missing.stratplan"))
	if a.plan != nil || a.welcome.example == nil {
		t.Fatal("no welcome screen on first run")
	}
	test.Tap(a.welcome.example)
	defer a.closePlan()
	doc := a.plan.Doc()
	if got := len(doc.Regions()); got != 6 {
		t.Fatalf("example has %d regions, want 6", got)
	}
	if got := len(doc.Objectives()); got != 4 {
		t.Fatalf("example has %d objectives, want 4", got)
	}
	if a.wsSelect.Selected == "" || !strings.Contains(a.wsSelect.Selected, "West & Central Africa") {
		t.Fatalf("selected workshop %q, want the filled-in one", a.wsSelect.Selected)
	}
	if !strings.Contains(a.title.Text, "Strategic Plan 2027–2030") {
		t.Fatalf("header %q does not show the plan", a.title.Text)
	}
	if warnings := doc.Validate(); len(warnings) != 0 {
		t.Fatalf("the example plan has warnings: %v", warnings)
	}
}

func TestNewPlanFromWelcome(t *testing.T) {
	test.NewTempApp(t)
	cfg := testConfig(t.TempDir())
	a := New(fyne.CurrentApp(), cfg)
	a.Start(cfg.DefaultPath)
	test.Tap(a.welcome.newPlan)
	title, ok := a.win.Canvas().Focused().(*entry)
	if !ok {
		t.Fatal("the title field does not have the focus")
	}
	test.Type(title, "Plan 2028")
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.plan == nil || a.plan.Path() != cfg.DefaultPath {
		t.Fatal("the new plan was not created at the default path")
	}
	defer a.closePlan()
	if got := a.plan.Doc().PlanInfo().Title; got != "Plan 2028" {
		t.Fatalf("title %q", got)
	}
	// A new plan opens on its set-up, with one region and SO1 to rename,
	// and says so.
	if a.current != pageIndex("plan") || !strings.Contains(a.status.Text, "one region and SO1") {
		t.Fatalf("a new plan opens on page %d, status %q", a.current, a.status.Text)
	}
	if r, o := a.plan.Doc().Regions(), a.plan.Doc().Objectives(); len(r) != 1 || r[0].Name != "Region 1" || len(o) != 1 || o[0].Code != "SO1" {
		t.Fatalf("a new plan starts with %+v and %+v", r, o)
	}
	// No workshop yet: the Workshop step offers to create one.
	a.showStep(0)
	ws := a.views[0].(*workshopStep)
	if ws.obj.Objects[0] != ws.empty {
		t.Fatal("an empty plan does not offer to create a workshop")
	}
	a.newWorkshop()
	if len(a.plan.Doc().Workshops()) != 1 || ws.obj.Objects[0] != ws.frame.object() || a.win.Canvas().Focused() != ws.title {
		t.Fatal("creating a workshop did not show its details with the title focused")
	}
	// The plan's only region is the workshop's: there is nothing to choose.
	if w := a.plan.Doc().Workshops()[0]; w.Region != a.plan.Doc().Regions()[0].E.ID {
		t.Fatalf("the first workshop of a plan with one region is in region %q", w.Region)
	}
}

func TestStepShortcuts(t *testing.T) {
	a := newExampleApp(t)
	sc, ok := a.win.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("canvas takes no shortcuts")
	}
	a.win.Canvas().Unfocus()
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key5, Modifier: fyne.KeyModifierShortcutDefault})
	if a.current != 4 {
		t.Fatalf("Ctrl+5 went to step %d", a.current+1)
	}
	a.win.Canvas().Unfocus()
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault})
	if a.current != 5 {
		t.Fatalf("Ctrl+PageDown went to step %d", a.current+1)
	}
	a.win.Canvas().Unfocus()
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault})
	if a.current != 9 || !containsText(a.views[9].object(), "things are still missing") {
		t.Fatalf("Ctrl+0 went to step %d, not to the review's checklist", a.current+1)
	}
	// The menu lists every step with its shortcut.
	var steps *fyne.Menu
	for _, m := range a.win.MainMenu().Items {
		if m.Label == "Steps" {
			steps = m
		}
	}
	if steps == nil || len(steps.Items) < 10 || steps.Items[4].Shortcut == nil {
		t.Fatal("no Steps menu with shortcuts")
	}
}

func TestSecondWindowOnOpenPlanGetsClearError(t *testing.T) {
	a := newExampleApp(t)
	_, err := a.cfg.Open(a.plan.Path())
	if err == nil || !strings.Contains(err.Error(), "open in another stratplan window") {
		t.Fatalf("second open: %v", err)
	}
}

// containsText reports whether a label under o shows text containing s.
func containsText(o fyne.CanvasObject, s string) bool {
	switch w := o.(type) {
	case *widget.Label:
		return strings.Contains(w.Text, s)
	case *canvas.Text:
		return strings.Contains(w.Text, s)
	case *fyne.Container:
		for _, c := range w.Objects {
			if containsText(c, s) {
				return true
			}
		}
	case fyne.Widget:
		r := test.WidgetRenderer(w)
		for _, c := range r.Objects() {
			if containsText(c, s) {
				return true
			}
		}
	}
	return false
}

func mustEdit(t *testing.T, a *App, fn func(ed *stratplan.Edit) error) {
	t.Helper()
	if !a.edit(fn) {
		t.Fatal("edit failed")
	}
}

func TestReopensThePlanOpenedLast(t *testing.T) {
	a := newExampleApp(t)
	example := a.plan.Path()
	a.closePlan()
	b := New(fyne.CurrentApp(), testConfig(t.TempDir()))
	b.Start(filepath.Join(t.TempDir(), "no-default-plan.stratplan"))
	defer b.closePlan()
	if b.plan == nil || b.plan.Path() != example {
		t.Fatal("the plan opened last was not reopened")
	}
	os.Remove(example)
	c := New(fyne.CurrentApp(), testConfig(t.TempDir()))
	c.Start("")
	if c.plan != nil {
		t.Fatal("a plan that no longer exists was opened")
	}
}

func TestNewPlanDialogNeverOverwrites(t *testing.T) {
	a := newExampleApp(t)
	existing := a.plan.Path()
	before, _ := os.ReadFile(existing)
	a.newPlanDialog()
	title, ok := a.win.Canvas().Focused().(*entry)
	if !ok {
		t.Fatal("the title does not have the focus")
	}
	test.Type(title, "Plan Amériques 2028")
	var entries []*entry
	collectEntries(a.win.Canvas().Overlays().Top(), &entries)
	if got := entries[1].Text; got != "plan-ameriques-2028.stratplan" {
		t.Fatalf("suggested file name %q", got)
	}
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	created := filepath.Join(filepath.Dir(existing), "plan-ameriques-2028.stratplan")
	if a.plan == nil || a.plan.Path() != created || a.plan.Doc().PlanInfo().Title != "Plan Amériques 2028" {
		t.Fatal("the new plan was not created and opened")
	}
	// Asking for a file that exists is refused and leaves it alone.
	a.newPlanDialog()
	entries = nil
	collectEntries(a.win.Canvas().Overlays().Top(), &entries)
	entries[1].SetText(filepath.Base(existing))
	entries[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !overlayShows(a, "already exists") {
		t.Fatal("no message for an existing file")
	}
	if after, _ := os.ReadFile(existing); string(after) != string(before) {
		t.Fatal("an existing plan was changed")
	}
}

func TestZoomForAProjector(t *testing.T) {
	a := newExampleApp(t)
	normal := theme.TextSize()
	sc := a.win.Canvas().(fyne.Shortcutable)
	a.win.Canvas().Unfocus()
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault})
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault})
	if got := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText); got < normal*1.19 || got > normal*1.21 {
		t.Fatalf("text size %v after two steps larger, want %v", got, normal*1.2)
	}
	if !strings.Contains(a.status.Text, "120%") {
		t.Fatalf("status %q", a.status.Text)
	}
	// A new window on the same app keeps the size; Normal size resets it.
	b := New(fyne.CurrentApp(), testConfig(t.TempDir()))
	if got := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText); got < normal*1.19 {
		t.Fatal("the size was not kept")
	}
	b.zoom(0)
	if got := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText); got != normal {
		t.Fatalf("text size %v after Normal size", got)
	}
}

func TestADamagedPlanOffersItsLatestBackup(t *testing.T) {
	a := newExampleApp(t)
	path := a.plan.Path()
	// An import makes a backup; then the file is damaged.
	in := stratplan.NewDocument(a.plan.Doc().Plan())
	in.Begin(&stratplan.Author{Replica: "rin"}).Set("x", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("imported")))
	if _, err := a.plan.Merge(in); err != nil {
		t.Fatal(err)
	}
	a.closePlan()
	data, _ := os.ReadFile(path)
	copy(data[:8192], make([]byte, 8192))
	os.WriteFile(path, data, 0o600)

	cfg := testConfig(t.TempDir())
	cfg.Restore = func(p string) (string, error) { return store.Restore(p, "") }
	a.cfg = cfg
	a.openPath(path)
	if a.plan != nil {
		t.Fatal("a damaged plan opened")
	}
	d, ok := a.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatal("no dialog about the damaged plan")
	}
	restore := findButton(d.Content, "Restore the backup")
	if restore == nil {
		t.Fatal("the dialog offers no restore")
	}
	test.Tap(restore)
	if a.plan == nil || a.plan.Doc().Entity("x") != nil || len(a.plan.Doc().Regions()) != 6 {
		t.Fatal("the backup was not restored and opened")
	}
	if !strings.Contains(a.status.Text, "damaged file is kept") {
		t.Fatalf("status %q", a.status.Text)
	}
}

func TestAReadOnlyPlanShowsABannerAndTakesNoEdit(t *testing.T) {
	a := newExampleApp(t)
	path := a.plan.Path()
	a.closePlan()
	opts := &store.Options{MachineID: "test-machine", ReadOnly: true}
	a.cfg.Open = func(p string) (Plan, error) { return store.Open(p, opts) }
	a.openPath(path)
	if a.plan == nil || !a.plan.ReadOnly() {
		t.Fatal("the plan is not open read-only")
	}
	if a.readOnly == nil || !a.readOnly.Visible() || !strings.Contains(a.readOnly.Text, "edits are off") {
		t.Fatal("no read-only banner")
	}
	if a.edit(func(ed *stratplan.Edit) error {
		return ed.Set("y", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("typed anyway")))
	}) {
		t.Fatal("an edit of a read-only plan was reported saved")
	}
	if a.plan.Doc().Entity("y") != nil {
		t.Fatal("the edit shows in a read-only plan")
	}
}
