package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"stratplan"
)

// TestShortcutsNameTheMenuAsItIs: F1 names each command by its path in
// the menu, "File ▸ New ▸ Empty plan…", as the menu shows it.
func TestShortcutsNameTheMenuAsItIs(t *testing.T) {
	a := newExampleApp(t)
	a.showShortcuts()
	want := lang.L("File") + " ▸ " + lang.L("New") + " ▸ " + lang.L("Empty plan…")
	if !overlayShows(a, want) {
		t.Fatalf("the shortcuts do not name %q", want)
	}
	if overlayShows(a, lang.L("File")+" ▸ "+lang.L("Empty plan…")) {
		t.Error("the shortcuts name a menu path that does not exist")
	}
}

// TestOpeningSaysWhichPlan: after opening, the status line names the plan
// and its file, not a path.
func TestOpeningSaysWhichPlan(t *testing.T) {
	a := newExampleApp(t)
	reopen(t, a)
	title := a.plan.Doc().PlanInfo().Title
	file := filepath.Base(a.plan.Path())
	if s := a.status.Text; !strings.Contains(s, title) || !strings.Contains(s, "("+file+")") || strings.Contains(s, filepath.Dir(a.plan.Path())) {
		t.Fatalf("the status line reads %q", s)
	}
}

// TestAboutNamesVersionFontsAndFolder: Help ▸ About says which version
// runs, the fonts' licence, and where the plans are kept.
func TestAboutNamesVersionFontsAndFolder(t *testing.T) {
	a := newExampleApp(t)
	a.cfg.Version = "9.8.7"
	a.menuItems["about"].Action()
	for _, s := range []string{"9.8.7", "DejaVu", filepath.Dir(a.cfg.DefaultPath)} {
		if !overlayShows(a, s) {
			t.Errorf("About does not say %q", s)
		}
	}
}

// TestBundleNameNamesTheRegionOnce: a plan whose title already names the
// region gets a file name that names it once.
func TestBundleNameNamesTheRegionOnce(t *testing.T) {
	a := newExampleApp(t)
	r := a.plan.Doc().Regions()[0]
	a.region = r.E.ID
	a.workshop = ""
	code := strings.ToLower(r.Code)
	if name := a.suggestedBundleName(); !strings.Contains(name, "-"+code+"-") {
		t.Fatalf("the bundle's name %q does not name the region %s", name, code)
	}
	plan := a.plan.Doc().Plan()
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set(plan, stratplan.KindPlan, stratplan.Set("title", stratplan.Text("Strategic plan 2027-2030 "+r.Code)))
	})
	a.workshop = ""
	name := a.suggestedBundleName()
	if n := strings.Count(name, "-"+code+"-"); n != 1 || strings.Contains(name, code+"-"+code) {
		t.Fatalf("the bundle's name %q names %s %d times", name, code, n)
	}
}
