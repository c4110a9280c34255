package ui

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"stratplan"
	"stratplan/export"
)

func reviewOf(t *testing.T, a *App) *reviewStep {
	t.Helper()
	a.showStep(pageIndex("review"))
	return a.views[pageIndex("review")].(*reviewStep)
}

// reviewRowShowing finds the line of the checklist drawn with the text.
func reviewRowShowing(s *reviewStep, text string) *reviewRow {
	var found *reviewRow
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *reviewRow:
			if w.Visible() && w.text.Text == text {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(s.list)
	return found
}

func TestReviewListsWhatANewWorkshopLacksAndDropsWhatIsFixed(t *testing.T) {
	a := newPlanApp(t)
	s := reviewOf(t, a)
	if !strings.Contains(s.summary.Text, "no workshop yet") || len(s.items) != 0 {
		t.Fatalf("a plan without a workshop: %q, %d lines", s.summary.Text, len(s.items))
	}
	a.newWorkshop()
	s = reviewOf(t, a)
	ws := a.workshop
	shown := shownJoined(a, s.rows.obj)
	for _, step := range []string{"1  Workshop", "2  Survey", "3  Vision", "6  Priorities"} {
		if !strings.Contains(shown, step) {
			t.Errorf("the checklist of a new workshop does not name step %q: %s", step, shown)
		}
	}
	if !strings.Contains(shown, "Nothing entered in this step yet") || !strings.Contains(s.summary.Text, fmt.Sprint(len(s.items))) {
		t.Fatalf("a new workshop: %q / %s", s.summary.Text, shown)
	}
	stepOf := func(step int) []stratplan.Lack {
		var out []stratplan.Lack
		for _, it := range s.items {
			if it.Step == step {
				out = append(out, it.Lack)
			}
		}
		return out
	}
	if got := stepOf(3); len(got) != 1 || got[0] != stratplan.LackEmptyStep {
		t.Fatalf("step 3 of a new workshop lacks %v", got)
	}

	// A candidate vision: the step is no longer empty, but none is adopted.
	id := stratplan.NewID()
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set(id, stratplan.KindVision, stratplan.Set("text", stratplan.Text("Borders that trade safely")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	})
	if got := stepOf(3); len(got) != 1 || got[0] != stratplan.LackAdoptedVision {
		t.Fatalf("with a candidate vision, step 3 lacks %v", got)
	}
	if shown := shownJoined(a, s.rows.obj); !strings.Contains(shown, "No vision is adopted yet") {
		t.Fatalf("the checklist does not say no vision is adopted: %s", shown)
	}
	mustEdit(t, a, func(ed *stratplan.Edit) error { return ed.AdoptVision(ws, id) })
	if got := stepOf(3); len(got) != 0 {
		t.Fatalf("after adopting the vision, step 3 still lacks %v", got)
	}
	if shown := shownJoined(a, s.rows.obj); strings.Contains(shown, "3  Vision") || strings.Contains(shown, "No vision is adopted") {
		t.Fatalf("the adopted vision's line is still shown: %s", shown)
	}
}

func TestReviewOfTheExampleLeadsToTheStepAndTheItem(t *testing.T) {
	a := newExampleApp(t)
	s := reviewOf(t, a)
	want := a.plan.Doc().Review(a.workshop)
	if len(want) == 0 || len(s.items) != len(want) {
		t.Fatalf("the checklist has %d lines, the review %d", len(s.items), len(want))
	}
	shown := shownJoined(a, s.rows.obj)
	for _, it := range want {
		if !strings.Contains(shown, reviewText(it)) {
			t.Errorf("the line %q is not shown: %s", reviewText(it), shown)
		}
	}
	if !strings.Contains(s.summary.Text, fmt.Sprintf("%d things are still missing", len(want))) {
		t.Fatalf("summary %q", s.summary.Text)
	}
	// The room sees the same checklist in presentation mode.
	a.togglePresentation()
	if a.present == nil || !containsText(a.present.body, reviewText(want[0])) {
		t.Fatal("presentation mode does not show the checklist")
	}
	pressEscape(a)
	find := func(lack stratplan.Lack) (int, stratplan.ReviewItem) {
		for i, it := range s.items {
			if it.Lack == lack {
				return i, it
			}
		}
		t.Fatalf("the example lacks no %s", lack)
		return -1, stratplan.ReviewItem{}
	}

	// Enter on an action's line opens Actions on its priority, the action
	// chosen and the table ready for Enter to edit it.
	i, it := find(stratplan.LackDates)
	a.win.Canvas().Focus(s.list)
	s.list.pick(i)
	press(s.list, fyne.KeyReturn)
	if a.current != stepActions || a.sidebar.selected != sidebarRow(stepActions) {
		t.Fatalf("Enter on %q shows page %d", reviewText(it), a.current)
	}
	act := a.views[stepActions].(*actionsStep)
	row := act.table.selected.Row
	if row < 0 || act.actions[row].E.Key() != it.At || act.currentPriority() != a.plan.Doc().Entity(it.At.ID).Str("priority") {
		t.Fatalf("the Actions step shows priority %q with row %d chosen, not %v", act.currentPriority(), row, it.At)
	}
	if a.win.Canvas().Focused() != act.table.keyTable {
		t.Fatal("the chosen action does not have the keyboard")
	}

	// A double click on a priority's line opens Indicators on it.
	s = reviewOf(t, a)
	_, it = find(stratplan.LackPriorityIndicator)
	r := reviewRowShowing(s, reviewText(it))
	if r == nil {
		t.Fatalf("no line shows %q", reviewText(it))
	}
	test.DoubleTap(r)
	if a.current != stepIndicators || a.sidebar.selected != sidebarRow(stepIndicators) {
		t.Fatalf("a double click on %q shows page %d", reviewText(it), a.current)
	}
	if got := a.views[stepIndicators].(*indicatorsStep).current(); got != it.At.ID {
		t.Fatalf("Indicators opened on %q, not on the priority %q", got, it.At.ID)
	}

	// Fixing it in its step drops the line: an indicator for the priority.
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindIndicator, stratplan.Set("name", stratplan.Text("Joint seizures")),
			stratplan.Set("of", stratplan.Text(it.At.ID)), stratplan.Set("baseline", stratplan.Text("0")), stratplan.Set("target", stratplan.Text("12")))
	})
	s = reviewOf(t, a)
	for _, left := range s.items {
		if left.At == it.At {
			t.Fatalf("the priority has an indicator, and the checklist still says %q", reviewText(left))
		}
	}
}

// onlyFile checks that dir holds the one file name: no temporary file is
// left beside it.
func onlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != name {
		t.Fatalf("the folder holds %v, want %s alone", names, name)
	}
}

// topDialogSays checks that the dialog on top shows text.
func topDialogSays(t *testing.T, a *App, texts ...string) fyne.CanvasObject {
	t.Helper()
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	for _, s := range texts {
		if !containsText(top, s) {
			t.Fatalf("the dialog does not say %q", s)
		}
	}
	return top
}

func TestWindowExportsWriteWholeFiles(t *testing.T) {
	a := newExampleApp(t)

	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	a.writeReport(pdf)
	a.jobs.Wait()
	data, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("the report: %v, starts %q", err, data[:min(len(data), 8)])
	}
	onlyFile(t, dir, "report.pdf")
	top := topDialogSays(t, a, "Written to "+pdf)
	for _, b := range []string{"Open", "Show in folder", "Close"} {
		if findButton(top, b) == nil {
			t.Fatalf("the dialog after the export has no %q button", b)
		}
	}
	pressEscape(a)

	dir = t.TempDir()
	xlsx := filepath.Join(dir, "plan.xlsx")
	a.writeSpreadsheet(xlsx)
	a.jobs.Wait()
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatalf("the spreadsheet does not open: %v", err)
	}
	rows, err := f.GetRows(export.SheetActions)
	f.Close()
	if err != nil || len(rows) < 2 {
		t.Fatalf("the spreadsheet's actions: %d rows, %v", len(rows), err)
	}
	onlyFile(t, dir, "plan.xlsx")
	topDialogSays(t, a, "Written to "+xlsx)
	pressEscape(a)

	dir = t.TempDir()
	cons := filepath.Join(dir, "consolidated.pdf")
	a.showStep(pageIndex("consolidation"))
	a.writeConsolidated(cons)
	a.jobs.Wait()
	if data, err := os.ReadFile(cons); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("the consolidated report: %v", err)
	}
	onlyFile(t, dir, "consolidated.pdf")
}

func TestAFailedExportSaysWhyAndLeavesTheFileThere(t *testing.T) {
	a := newExampleApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	os.WriteFile(path, []byte("last week's report"), 0o600)

	// The disk fills up half-way through.
	a.writeExport(path, "Writing…", func(w io.Writer) ([]string, error) {
		io.WriteString(w, "%PDF-1.3 half a report")
		return nil, fmt.Errorf("write: %w", syscall.ENOSPC)
	})
	a.jobs.Wait()
	topDialogSays(t, a, "report.pdf was not written.", "The disk is full", "a file already there is as it was")
	if data, _ := os.ReadFile(path); string(data) != "last week's report" {
		t.Fatalf("the file there became %q", data)
	}
	onlyFile(t, dir, "report.pdf")
	pressEscape(a)

	// A folder that is not there.
	gone := filepath.Join(dir, "report.pdf", "report.pdf")
	a.writeReport(gone)
	a.jobs.Wait()
	topDialogSays(t, a, "report.pdf was not written.", "is not there any more")
	onlyFile(t, dir, "report.pdf")
	pressEscape(a)

	// A folder the user may not write in.
	if os.Geteuid() == 0 {
		t.Log("running as root: permissions do not stop writes")
		return
	}
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	a.writeReport(path)
	a.jobs.Wait()
	topDialogSays(t, a, "report.pdf was not written.", "may not write in "+dir)
	if data, _ := os.ReadFile(path); string(data) != "last week's report" {
		t.Fatalf("the file there became %q", data)
	}
}

func TestTheExportDialogAsksOnceBeforeReplacing(t *testing.T) {
	a := newExampleApp(t)
	dir := t.TempDir()
	a.fy.Preferences().SetString(prefExportDir, dir)
	a.win.Canvas().(fyne.Shortcutable).TypedShortcut(a.menuItems["exportPDF"].Shortcut)
	top := topDialogSays(t, a, dir, "Paper", "Language")
	name := a.suggestedName(a.workshopTitle(), "pdf")
	if !strings.HasPrefix(name, "strategic-plan-2027-2030-") || !strings.HasSuffix(name, testNow.Format("2006-01-02")+".pdf") {
		t.Fatalf("suggested name %q", name)
	}
	test.Tap(findButton(top, "Export"))
	a.jobs.Wait()
	path := filepath.Join(dir, name)
	first, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(first, []byte("%PDF")) {
		t.Fatalf("the report was not written where the dialog said: %v", err)
	}
	pressEscape(a)

	// Again, in Letter: the file is there, so the window asks, once.
	a.setReportOpts(reportOptions{paper: "letter", lang: "fr"})
	a.exportReport()
	test.Tap(findButton(a.win.Canvas().Overlays().Top(), "Export"))
	top = topDialogSays(t, a, "Replace it with the new one?")
	if data, _ := os.ReadFile(path); !bytes.Equal(data, first) {
		t.Fatal("the file changed before the user said to replace it")
	}
	test.Tap(findButton(top, "Replace"))
	a.jobs.Wait()
	topDialogSays(t, a, "Written to "+path)
	if data, _ := os.ReadFile(path); bytes.Equal(data, first) || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatal("the report was not replaced")
	}
	onlyFile(t, dir, name)
}

func TestTheReviewShowsTheReportsFirstPage(t *testing.T) {
	a := newExampleApp(t)
	s := reviewOf(t, a)
	a.jobs.Wait()
	if s.preview.Image == nil || !strings.Contains(s.previewNote.Text, "first page") {
		t.Fatalf("no preview: %q", s.previewNote.Text)
	}
	if w, h := s.preview.Image.Bounds().Dx(), s.preview.Image.Bounds().Dy(); h*10 < w*14 || h*10 > w*15 {
		t.Fatalf("the A4 preview is %d × %d", w, h)
	}
	// Letter paper: the preview follows.
	s.paper.SetSelectedIndex(indexOf(paperCodes, "letter"))
	a.jobs.Wait()
	if w, h := s.preview.Image.Bounds().Dx(), s.preview.Image.Bounds().Dy(); h*10 < w*12 || h*10 > w*13 {
		t.Fatalf("the Letter preview is %d × %d", w, h)
	}
}

func TestReviewWithAllWorkshopsNamesEachLinesWorkshop(t *testing.T) {
	a := newExampleApp(t)
	withTwoRegions(t, a)
	s := reviewOf(t, a)
	chooseAll(t, a)
	doc := a.plan.Doc()
	want, planWide := 0, map[string]bool{}
	for _, w := range doc.WorkshopsIn(a.scope()) {
		for _, it := range doc.Review(w.E.ID) {
			if it.Step == 0 { // the plan's set-up: once, not once per workshop
				k := fmt.Sprint(it.Lack, it.At, it.Field)
				if planWide[k] {
					continue
				}
				planWide[k] = true
			}
			want++
		}
	}
	if want == 0 || len(s.items) != want {
		t.Fatalf("All workshops: %d lines, the workshops' reviews have %d", len(s.items), want)
	}
	if strings.Contains(s.summary.Text, "no workshop yet") {
		t.Fatalf("All workshops says %q", s.summary.Text)
	}
	var texts []string
	for i := range s.items {
		texts = append(texts, s.text(i))
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "ESA-1 · ") || !strings.Contains(all, "WCA-1 · ") {
		t.Fatalf("the lines do not say which workshop they are about: %s", all)
	}
	for i := range s.items {
		if s.items[i].Step == 0 && strings.Contains(s.text(i), " · ") {
			t.Fatalf("a line of the plan's set-up names a workshop: %q", s.text(i))
		}
		if i > 0 && s.items[i].Step < s.items[i-1].Step {
			t.Fatalf("line %d is of step %d after step %d", i, s.items[i].Step, s.items[i-1].Step)
		}
	}
	// A step left empty is filled in one workshop: opening its line
	// chooses that workshop.
	for i, it := range s.items {
		if it.Lack == stratplan.LackEmptyStep {
			from := s.from[i]
			s.open(i)
			if a.workshop != from || a.current != it.Step-1 {
				t.Fatalf("the empty step's line opened step %d of workshop %q, want step %d of %q", a.current+1, a.workshop, it.Step, from)
			}
			return
		}
	}
	t.Fatal("no workshop of the merged plan has an empty step")
}
