package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"stratplan"
)

// newPlanApp starts the window on a new plan, as the Secretariat does.
func newPlanApp(t *testing.T) *App {
	t.Helper()
	test.NewTempApp(t)
	cfg := testConfig(t.TempDir())
	a := New(fyne.CurrentApp(), cfg)
	a.win.Resize(fyne.NewSize(1366, 768))
	a.Start(cfg.DefaultPath)
	test.Tap(a.welcome.newPlan)
	typeEnter(a.win.Canvas().Focused().(*entry), "Plan 2027–2030")
	if a.plan == nil {
		t.Fatal("no plan")
	}
	t.Cleanup(func() {
		a.jobs.Wait()
		a.closePlan()
	})
	return a
}

func setupOf(t *testing.T, a *App) *setupView {
	t.Helper()
	a.showStep(pageIndex("plan"))
	return a.views[pageIndex("plan")].(*setupView)
}

func objectiveCodes(a *App) string {
	var out []string
	for _, o := range a.plan.Doc().Objectives() {
		out = append(out, o.Code+" "+o.Title)
	}
	return strings.Join(out, " | ")
}

// dialogEntries returns the entries of the dialog on top.
func dialogEntries(a *App) []*entry {
	var entries []*entry
	collectEntries(a.win.Canvas().Overlays().Top(), &entries)
	return entries
}

func TestSetupKeyboardOrderAndNoEmptyObjectives(t *testing.T) {
	a := newPlanApp(t)
	v := setupOf(t, a)
	if a.win.Canvas().Focused() != v.org {
		t.Fatal("the Plan page does not start on the organisation")
	}
	// Tab runs down the plan's details, then regions, then objectives.
	want := []fyne.Focusable{v.title, v.start, v.end, v.currency, v.budget, v.staff, v.regionCode, v.regionName, v.regionList, v.objTitle, v.objList}
	for i, w := range want {
		a.win.Canvas().FocusNext()
		if a.win.Canvas().Focused() != w {
			t.Fatalf("Tab %d lands on %T, want %T", i+1, a.win.Canvas().Focused(), w)
		}
	}
	// Objectives are numbered as they come; Enter on nothing adds nothing.
	a.win.Canvas().Focus(v.objTitle)
	if !strings.Contains(v.objTitle.PlaceHolder, "SO2") {
		t.Fatalf("the objective entry says %q", v.objTitle.PlaceHolder)
	}
	typeEnter(v.objTitle, "Trade facilitation")
	typeEnter(v.objTitle, "  ")
	v.objTitle.SetText("")
	v.objTitle.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	typeEnter(v.objTitle, "Revenue")
	if got := objectiveCodes(a); got != "SO1 Strategic objective 1 | SO2 Trade facilitation | SO3 Revenue" {
		t.Fatalf("objectives: %s", got)
	}
	if a.win.Canvas().Focused() != v.objTitle {
		t.Fatal("adding an objective took the keyboard away")
	}
	// Ctrl+↑ moves the objective under the keyboard cursor.
	a.win.Canvas().Focus(v.objList)
	v.objList.pick(2)
	a.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierShortcutDefault})
	if got := objectiveCodes(a); got != "SO1 Strategic objective 1 | SO3 Revenue | SO2 Trade facilitation" {
		t.Fatalf("after Ctrl+↑: %s", got)
	}
	// Editing cannot empty an objective's title.
	press(v.objList, fyne.KeyReturn)
	entries := dialogEntries(a)
	entries[1].SetText("")
	entries[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !overlayShows(a, "An objective needs a code (such as SO1) and a title.") || !strings.Contains(objectiveCodes(a), "SO3 Revenue") {
		t.Fatalf("an objective was emptied: %s", objectiveCodes(a))
	}
	a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())

	// An objective that nothing uses is deleted, with Undo; one that a
	// priority uses says which.
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set("p1", stratplan.KindPriority, stratplan.Set("title", stratplan.Text("Single Window")), stratplan.Set("objective", stratplan.Text(ed.Doc().Objectives()[0].E.ID)))
	})
	v.objList.pick(1)
	press(v.objList, fyne.KeyDelete)
	if strings.Contains(objectiveCodes(a), "Revenue") || !a.undo.Visible() {
		t.Fatalf("SO3 was not deleted with Undo: %s", objectiveCodes(a))
	}
	a.undoLast()
	if !strings.Contains(objectiveCodes(a), "SO3 Revenue") {
		t.Fatal("Undo did not bring SO3 back")
	}
	v.objList.pick(0)
	press(v.objList, fyne.KeyDelete)
	if !overlayShows(a, "SO1 is still used (Priority: 1): “Single Window”") || len(a.plan.Doc().Objectives()) != 3 {
		t.Fatal("an objective in use was deleted, or the message does not say what uses it")
	}
}

func TestSetupRegionsAddRenameRemove(t *testing.T) {
	a := newPlanApp(t)
	v := setupOf(t, a)
	add := func(code, name string) {
		v.regionCode.SetText(code)
		typeEnter(v.regionName, name)
	}
	add("EUR", "Europe")
	add("ESA", "East & Southern Africa")
	add("eur", "Eurasia")
	if n := len(a.plan.Doc().Regions()); n != 3 || !strings.Contains(a.status.Text, "“eur” is already the region Europe (EUR)") {
		t.Fatalf("%d regions, status %q", n, a.status.Text)
	}
	if v.regionName.Text != "Eurasia" {
		t.Fatal("a refused region lost what was typed")
	}
	// Rename "Region 1" to West & Central Africa.
	i := -1
	for k, r := range v.regions {
		if r.Code == "R1" {
			i = k
		}
	}
	v.regionList.pick(i)
	press(v.regionList, fyne.KeyReturn)
	entries := dialogEntries(a)
	entries[0].SetText("WCA")
	entries[1].SetText("West & Central Africa")
	entries[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	wca, ok := a.plan.Doc().FindRegion("wca")
	if !ok || wca.Name != "West & Central Africa" {
		t.Fatal("the region was not renamed")
	}
	// A region a workshop uses cannot be removed; an unused one can, with Undo.
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set("ws", stratplan.KindWorkshop, stratplan.Set("title", stratplan.Text("Abidjan")), stratplan.Set("region", stratplan.Text(wca.E.ID)))
	})
	for k, r := range v.regions {
		if r.Code == "WCA" {
			v.regionList.pick(k)
		}
	}
	press(v.regionList, fyne.KeyDelete)
	if !overlayShows(a, "West & Central Africa cannot be removed yet: Workshop: 1") || !overlayShows(a, "another region first: “Abidjan”") || len(a.plan.Doc().Regions()) != 3 {
		t.Fatal("a region in use was removed")
	}
	a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())
	for k, r := range v.regions {
		if r.Code == "ESA" {
			v.regionList.pick(k)
		}
	}
	press(v.regionList, fyne.KeyDelete)
	if _, ok := a.plan.Doc().FindRegion("ESA"); ok {
		t.Fatal("an unused region was not removed")
	}
	a.undoLast()
	if _, ok := a.plan.Doc().FindRegion("ESA"); !ok {
		t.Fatal("Undo did not bring the region back")
	}
}

func TestSetupPlanDetailsAsTyped(t *testing.T) {
	a := newPlanApp(t)
	v := setupOf(t, a)
	for _, c := range []struct {
		e    *commitEntry
		text string
	}{{v.org, "Global Customs Network"}, {v.start, "2027-07-01"}, {v.end, "2030-06-30"}, {v.budget, "4,800,000"}, {v.staff, "540.5"}} {
		a.win.Canvas().Focus(c.e)
		test.Type(c.e, c.text)
		c.e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	info := a.plan.Doc().PlanInfo()
	if info.Organization != "Global Customs Network" || info.PeriodStart != "2027-07-01" || info.PeriodEnd != "2030-06-30" ||
		info.BudgetAvailable != 4800000 || info.StaffMonthsAvailable != 540.5 || !strings.Contains(strings.ReplaceAll(a.title.Text, "\n", " "), "Global Customs Network") {
		t.Fatalf("plan: %+v", info)
	}
	// An end before the start is refused and says so.
	v.end.SetText("")
	a.win.Canvas().Focus(v.end)
	test.Type(v.end, "2026-01-01")
	v.end.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.plan.Doc().PlanInfo().PeriodEnd != "2030-06-30" || !strings.Contains(a.status.Text, "must end after it starts") {
		t.Fatalf("period end %q, status %q", a.plan.Doc().PlanInfo().PeriodEnd, a.status.Text)
	}
}

func TestPrioritiesObjectivesButtonOpensThePlanPage(t *testing.T) {
	a := newExampleApp(t)
	stepOf[*prioritiesStep](t, a, 5)
	a.showObjectives()
	v := a.views[pageIndex("plan")].(*setupView)
	if a.current != pageIndex("plan") || a.win.Canvas().Focused() != v.objTitle || !strings.Contains(v.objTitle.PlaceHolder, "SO5") {
		t.Fatal("Objectives… does not open the plan's objectives, ready to add SO5")
	}
}

func TestHeaderRegionOffersThatRegionsWorkshops(t *testing.T) {
	a := newExampleApp(t)
	a.regionSel.Select.SetSelected("Europe")
	// All workshops, then Europe's one.
	if len(a.wsSelect.Options) != 2 || a.workshop != "ws-eur-brussels" || !strings.Contains(a.wsSelect.Selected, "Europe") {
		t.Fatalf("region Europe offers %v, shows %s", a.wsSelect.Options, a.workshop)
	}
	// A workshop created meanwhile is of the region shown.
	a.newWorkshop()
	if w := a.plan.Doc().Get(stratplan.KindWorkshop, a.workshop); w == nil || w.Str("region") != "region-eur" || len(a.wsSelect.Options) != 3 {
		t.Fatal("a new workshop under the Europe filter is not Europe's")
	}
	a.regionSel.Select.SetSelected("All regions")
	if len(a.wsSelect.Options) != 8 {
		t.Fatalf("all regions offer %d choices, want All workshops and 7 workshops", len(a.wsSelect.Options))
	}
}

// TestRemovingARegionWithSurveyScores: the dialog is as tall as its text,
// names at most eight uses, and for survey scores, which cannot be given
// another region here, offers to delete them (Undo brings them back).
func TestRemovingARegionWithSurveyScores(t *testing.T) {
	a := newPlanApp(t)
	v := setupOf(t, a)
	v.regionCode.SetText("WCA")
	typeEnter(v.regionName, "West & Central Africa")
	wca, ok := a.plan.Doc().FindRegion("WCA")
	if !ok {
		t.Fatal("the region was not added")
	}
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		for i := range 40 {
			if err := ed.Set(stratplan.NewID(), stratplan.KindSurveyScore, stratplan.Set("member", stratplan.Text(fmt.Sprintf("Member %d", i))),
				stratplan.Set("theme", stratplan.Text("Trade")), stratplan.Set("region", stratplan.Text(wca.E.ID)), stratplan.Set("score", stratplan.Text("4"))); err != nil {
				return err
			}
		}
		return nil
	})
	regions := len(a.plan.Doc().Regions())
	pickRegion := func() {
		for k, r := range v.regions {
			if r.Code == "WCA" {
				v.regionList.pick(k)
			}
		}
		press(v.regionList, fyne.KeyDelete)
	}
	pickRegion()
	top := a.win.Canvas().Overlays().Top()
	if top == nil || !overlayShows(a, "Import the survey again") || overlayShows(a, "another region first") {
		t.Fatal("the dialog does not say how to settle survey scores")
	}
	if h, win := top.MinSize().Height, a.win.Canvas().Size().Height; h > win/2 {
		t.Errorf("the dialog needs %v of the window's %v in height", h, win)
	}
	test.Tap(findButton(top, "Delete the 40 survey scores and the region"))
	if len(a.plan.Doc().Regions()) != regions-1 || len(a.plan.Doc().UsesOf(stratplan.KindRegion, wca.E.ID)) != 0 {
		t.Fatal("the survey scores and the region were not deleted")
	}
	a.undoLast()
	if len(a.plan.Doc().UsesOf(stratplan.KindRegion, wca.E.ID)) != 40 {
		t.Fatal("Undo did not bring the survey scores back")
	}

	// With twelve workshops as well: eight named, then how many more.
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		for i := range 12 {
			if err := ed.Set(stratplan.NewID(), stratplan.KindWorkshop, stratplan.Set("title", stratplan.Text(fmt.Sprintf("Workshop %d", i))), stratplan.Set("region", stratplan.Text(wca.E.ID))); err != nil {
				return err
			}
		}
		return nil
	})
	a.closeTopDialog()
	pickRegion()
	if !overlayShows(a, "and 4 more") || !overlayShows(a, "Import the survey again") {
		t.Fatal("the uses are not cut at eight, or the survey's advice is missing")
	}
	test.Tap(findButton(a.win.Canvas().Overlays().Top(), "Delete the 40 survey scores"))
	if len(a.plan.Doc().UsesOf(stratplan.KindRegion, wca.E.ID)) != 12 || len(a.plan.Doc().Regions()) != regions {
		t.Fatal("deleting the survey scores of a region that workshops still use went wrong")
	}
}
