package ui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

var update = flag.Bool("update", false, "rewrite the golden markup in testdata")

// assertMarkup compares what a step draws with its golden markup; with
// -update it rewrites the golden file instead.
func assertMarkup(t *testing.T, name string, o fyne.CanvasObject) {
	t.Helper()
	if *update {
		if err := os.WriteFile(filepath.Join("testdata", name), []byte(test.RenderObjectToMarkup(o)), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	test.AssertObjectRendersToMarkup(t, name, o)
}

func stepOf[T stepView](t *testing.T, a *App, i int) T {
	t.Helper()
	a.showStep(i)
	return a.views[i].(T)
}

func typeEnter(e fyne.Focusable, text string) {
	test.Type(e, text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestStepsMatchTheirGoldenLayout(t *testing.T) {
	a := newExampleApp(t)
	for i, st := range steps {
		a.showStep(i)
		a.jobs.Wait() // the review's preview is drawn off the UI goroutine
		a.win.Canvas().Unfocus()
		assertMarkup(t, "step_"+st.key+".xml", a.views[i].object())
	}
}

func TestSurveyImportRankAndMakePriority(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*surveyStep](t, a, 1)
	if len(s.rows) != 8 || s.rows[0].Theme != "E-commerce" || !s.result.Common["E-commerce"] {
		t.Fatalf("overall ranking: %+v", s.rows)
	}
	// One region's ranking.
	s.view.SetSelected("West & Central Africa")
	if s.rows[0].Theme != "Security and illicit trade" {
		t.Fatalf("West & Central Africa's first theme is %q", s.rows[0].Theme)
	}
	// Stricter thresholds make fewer themes common, and are saved.
	s.minReg.SetSelected("6")
	s.topN.SetSelected("2")
	if s.result.Common["Revenue collection"] || stratplan.WorkshopOf(a.plan.Doc().Entity(a.workshop)).Survey.TopN != 2 {
		t.Fatal("changing the thresholds did not change what is common")
	}
	// A new file adds a theme; importing the same answers again does not double them.
	csv := "member;region;theme;score\nGhana;WCA;Green customs;5\nMali;wca;Green customs;5\n"
	s.importCSV("green.csv", strings.NewReader(csv))
	s.importCSV("green.csv", strings.NewReader(csv))
	n := 0
	for _, sc := range a.plan.Doc().SurveyScores(a.workshop) {
		if sc.Theme == "Green customs" {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d Green customs answers after importing twice, want 2", n)
	}
	// Bad lines are listed; nothing is imported until the user chooses.
	s.importCSV("bad.csv", strings.NewReader("member,region,theme,score\nX,Atlantis,Tides,5\nY,WCA,Tides,lots\n"))
	if !overlayShows(a, `Line 2: unknown region "Atlantis": use one of AMC, AP, ESA, EUR, MENA, WCA`) || !overlayShows(a, "Line 3") {
		t.Fatal("the bad lines are not listed")
	}
	a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())

	// Enter on a theme makes it a candidate priority.
	s.view.SetSelectedIndex(0)
	a.win.Canvas().Focus(s.list)
	press(s.list, fyne.KeyReturn)
	found := false
	for _, p := range a.plan.Doc().Priorities(a.workshop) {
		found = found || p.Title == s.rows[0].Theme
	}
	if !found {
		t.Fatalf("%q did not become a priority", s.rows[0].Theme)
	}
}

func TestVisionCaptureVoteAndAdopt(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*visionStep](t, a, 2)
	if !strings.Contains(a.vision.Text, "A connected, trusted customs community") {
		t.Fatalf("the adopted vision is not in the header: %q", a.vision.Text)
	}
	typeEnter(s.add, "Customs at the heart of a prosperous, secure region")
	if len(s.items) != 4 || s.add.Text != "" {
		t.Fatal("type and Enter did not add the candidate")
	}
	// Aminata has used three of her five vision dots; give two more, then a third is refused.
	s.voters.sel.Select.SetSelectedIndex(0)
	if !strings.Contains(s.voters.remaining.Text, "2 dots left") {
		t.Fatalf("remaining: %q", s.voters.remaining.Text)
	}
	a.win.Canvas().Focus(s.list)
	for range 3 {
		press(s.list, fyne.KeyDown)
	}
	s.list.TypedRune('+')
	s.list.TypedRune('+')
	s.list.TypedRune('+')
	newID := s.items[3].E.ID
	if got := s.points[newID]; got != 2 {
		t.Fatalf("the new vision has %d points, want 2 (the third dot is refused)", got)
	}
	if !strings.Contains(a.status.Text, "no dots left") {
		t.Fatalf("status %q", a.status.Text)
	}
	s.list.TypedRune('-')
	if s.points[newID] != 1 {
		t.Fatal("− did not take a dot back")
	}
	// A adopts it: exactly one vision adopted, and the header follows.
	s.list.TypedRune('a')
	adopted := 0
	for _, v := range a.plan.Doc().Visions(a.workshop) {
		if v.Adopted {
			adopted++
		}
	}
	if adopted != 1 || !strings.Contains(a.vision.Text, "prosperous, secure region") {
		t.Fatalf("%d adopted, header %q", adopted, a.vision.Text)
	}
}

func TestScanAddGridFilterAndTurnIntoSWOT(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*scanStep](t, a, 3)
	s.category.SetSelected("Technological")
	s.impact.SetSelected("5")
	s.likely.SetSelected("5")
	typeEnter(s.title, "Blockchain certificates of origin")
	f := s.items[len(s.items)-1]
	if f.Title != "Blockchain certificates of origin" || f.Category != "technological" || f.Impact != 5 || f.Likelihood != 5 {
		t.Fatalf("added %+v", f)
	}
	if got := s.grid.cells[4][4].Text; got != "1" {
		t.Fatalf("the 5×5 cell shows %q", got)
	}
	s.filter.SetSelected("Technological")
	if len(s.items) != 2 {
		t.Fatalf("%d technological factors shown, want 2", len(s.items))
	}
	s.table.Select(widget.TableCellID{Row: 1, Col: 1})
	s.toSWOT(s.selected, "opportunity")
	var linked *stratplan.SWOTItem
	for _, it := range a.plan.Doc().SWOT(a.workshop) {
		if it.Factor == f.E.ID {
			linked = &it
		}
	}
	if linked == nil || linked.Quadrant != "opportunity" || linked.Text != f.Title {
		t.Fatalf("the factor did not become a linked opportunity: %+v", linked)
	}
}

func TestPrioritiesVotingRankingAndTrace(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*prioritiesStep](t, a, 5)
	if s.ranked[0].Title != "Advance rulings on origin for AfCFTA" || s.ranked[0].Points != 11 {
		t.Fatalf("first: %+v", s.ranked[0])
	}
	s.objective.Select.SetSelected("SO3 Protection of society, health and safety")
	s.table.Select(widget.TableCellID{Row: 1, Col: 2}) // a priority picked earlier…
	a.win.Canvas().Focus(s.title)
	typeEnter(s.title, "Container scanning at Tema port")
	if a.win.Canvas().Focused() != s.title || s.ranked[s.selected].Title != "Single Window interconnection between neighbours" {
		t.Fatal("adding a priority took the keyboard away from the entry or lost the pick") // …stays picked, and typing goes on
	}
	var added stratplan.RankedPriority
	for _, p := range s.ranked {
		if p.Title == "Container scanning at Tema port" {
			added = p
		}
	}
	if added.E == nil || added.Objective != "so3" {
		t.Fatal("type and Enter did not add the priority under SO3")
	}
	// Give it 5 dots from someone who has not voted yet: it rises to the
	// top three; the voter then has none left.
	// The voter is chosen by typing the first letters of her name.
	a.win.Canvas().Focus(s.voters.sel.Select)
	s.voters.sel.Select.TypedRune('f')
	s.voters.sel.Select.TypedRune('a')
	if !strings.HasPrefix(s.voters.sel.Select.Selected, "Fatoumata Keïta (Mali)") {
		t.Fatalf("typing fa chose %q", s.voters.sel.Select.Selected)
	}
	row := -1
	for i, p := range s.ranked {
		if p.E.ID == added.E.ID {
			row = i
		}
	}
	for range 6 {
		s.table.OnRune(row, '+')
		for i, p := range s.ranked {
			if p.E.ID == added.E.ID {
				row = i
			}
		}
	}
	if s.ranked[row].Points != 5 || !strings.Contains(s.voters.remaining.Text, "0 dots left") {
		t.Fatalf("points %d, %q", s.ranked[row].Points, s.voters.remaining.Text)
	}
	// Dots per participant is set per workshop.
	a.win.Canvas().Focus(s.dots)
	s.dots.SetText("8")
	press(s.dots, fyne.KeyReturn)
	if !strings.Contains(s.voters.remaining.Text, "3 dots left") {
		t.Fatalf("after 8 dots each: %q", s.voters.remaining.Text)
	}
	// The matrix places every scored priority.
	if len(s.matrix.points) != len(s.ranked) {
		t.Fatal("the matrix does not show the priorities")
	}
	// T shows the chain behind and ahead of the first priority.
	s.table.OnRune(0, 't')
	top := a.win.Canvas().Overlays().Top()
	for _, want := range []string{"AfCFTA enters into force for goods", "AfCFTA rules of origin", "Train 40 origin experts", "SO1-D1", "Advance rulings on origin issued per year"} {
		if !containsTextDeep(top, want) {
			t.Errorf("the trace does not show %q", want)
		}
	}
}

func TestActionsDeliverablesAndResources(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*actionsStep](t, a, 6)
	if len(s.actions) != 2 {
		t.Fatalf("%d actions under the first priority", len(s.actions))
	}
	typeEnter(s.title, "Study tour to Kenya's advance-ruling unit")
	if len(s.actions) != 3 {
		t.Fatal("type and Enter did not add the action")
	}
	s.table.Select(widget.TableCellID{Row: 2, Col: 0})
	typeEnter(s.delivTitle, "Study tour report")
	if len(s.delivs) != 1 || s.delivs[0].Code != "SO1-D5" {
		t.Fatalf("deliverable %+v", s.delivs)
	}
	// Edit the action: a due date before the start is refused by the form.
	s.editAction(2)
	var entries []*entry
	collectEntries(a.win.Canvas().Overlays().Top(), &entries)
	start, due, budget := entries[3], entries[4], entries[5]
	start.SetText("2028-05-01")
	due.SetText("2028-04-01")
	if due.Validate() == nil {
		t.Fatal("a due date before the start was accepted")
	}
	due.SetText("2028-06-30")
	budget.SetText("5000000")
	press(a.win.Canvas().Focused(), fyne.KeyReturn)
	x := s.actions[2]
	if x.Budget != 5000000 || x.Due != "2028-06-30" {
		t.Fatalf("saved %+v", x)
	}
	// Now the plan asks for more than it has, and says so.
	if !s.warning.Visible() || !strings.Contains(s.warning.Text, "more than the budget available") {
		t.Fatalf("no over-budget warning: %q", s.warning.Text)
	}
}

func TestIndicatorTargetChangeKeepsItsHistory(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*indicatorsStep](t, a, 7)
	typeEnter(s.name, "Share of rulings issued within 30 days")
	if len(s.items) != 2 {
		t.Fatal("type and Enter did not add the indicator")
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.edit(0)
	var entries []*entry
	collectEntries(a.win.Canvas().Overlays().Top(), &entries)
	entries[3].SetText("150") // target, was 200
	press(a.win.Canvas().Focused(), fyne.KeyReturn)
	reason, ok := a.win.Canvas().Focused().(*entry)
	if !ok {
		t.Fatal("changing the target did not ask why")
	}
	test.Type(reason, "Fewer experts trained in the first year")
	press(reason, fyne.KeyReturn)
	revs := a.plan.Doc().TargetRevisions(s.items[0].E.ID)
	if len(revs) != 1 || revs[0].Old != "200" || revs[0].New != "150" || revs[0].Reason != "Fewer experts trained in the first year" {
		t.Fatalf("revisions %+v", revs)
	}
	if len(s.revs) != 1 {
		t.Fatal("the history is not shown")
	}
}

func TestNotesAreKeptPerStep(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*scanStep](t, a, 3)
	s.frame.toggleNotes() // opens the drawer, with the keyboard in it
	test.Type(s.frame.notes.entry, "Ghana flagged the floods on the Abidjan–Lagos corridor.")
	a.win.Canvas().Unfocus()
	e := a.plan.Doc().Entity(stratplan.NoteID(a.workshop, "scan"))
	if e == nil || !strings.Contains(e.Str("text"), "floods") {
		t.Fatal("the notes were not saved when leaving them")
	}
	if sw := stepOf[*swotStep](t, a, 4); !strings.Contains(sw.frame.notes.entry.Text, "IT outages") {
		t.Fatal("the SWOT step does not show its own notes")
	}
}

func collectEntries(o fyne.CanvasObject, out *[]*entry) {
	switch w := o.(type) {
	case *entry:
		*out = append(*out, w)
	case *fyne.Container:
		for _, c := range w.Objects {
			collectEntries(c, out)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			collectEntries(c, out)
		}
	}
}

// TestEveryStepFitsALaptopScreen keeps the window usable on a 1366×768
// laptop (with a taskbar): no step may ask for more height than that.
func TestEveryStepFitsALaptopScreen(t *testing.T) {
	a := newExampleApp(t)
	for i := range pages {
		a.showStep(i)
		if h := a.win.Content().MinSize().Height; h > 720 {
			t.Errorf("step %s needs %.0f pixels of height", pages[i].key, h)
		}
	}
}

func TestPickedPriorityKeepsItsDotsWhenTheRankingMoves(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*prioritiesStep](t, a, 5)
	for _, r := range "fat" {
		s.voters.sel.Select.TypedRune(r)
	}
	last := s.ranked[len(s.ranked)-1]
	s.table.Select(widget.TableCellID{Row: len(s.ranked) - 1, Col: 2}) // clicked with the mouse
	if a.win.Canvas().Focused() != s.table.keyTable {
		t.Fatal("picking a row does not give the table the keyboard")
	}
	for range 3 {
		s.table.TypedRune('+') // the priority climbs the ranking as it gets dots
	}
	pts := stratplan.Points(a.plan.Doc().Votes(a.workshop))
	if pts[last.E.ID] != last.Points+3 {
		t.Fatalf("%q has %d points, want %d: the dots went elsewhere", last.Title, pts[last.E.ID], last.Points+3)
	}
}
