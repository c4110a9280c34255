package ui

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/export"
)

func TestErrorMessagesKeepTheLetterCaseOfAPath(t *testing.T) {
	a := newExampleApp(t)
	a.showError(errors.New("p.stratplan: this plan is open in another stratplan window"))
	if !overlayShows(a, "p.stratplan: this plan") || overlayShows(a, "P.stratplan") {
		t.Fatal("the error does not read as written")
	}
}

func TestDeliverableStatusesAreChosenByName(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*actionsStep](t, a, 6)
	s.table.reselect(0)
	s.editDeliverable(0)
	var choices []*choice
	collectSelects(a.win.Canvas().Overlays().Top(), &choices)
	choices[0].SetSelected("Delivered")
	pressKey(a, fyne.KeyReturn)
	if got := s.delivs[0].Status; got != stratplan.DeliverableStatuses[2] {
		t.Fatalf("status %q", got)
	}
}

// indicatorForm opens the first indicator's editor and returns its fields
// by label.
func indicatorForm(t *testing.T, a *App) (*indicatorsStep, map[string]fyne.CanvasObject) {
	t.Helper()
	s := stepOf[*indicatorsStep](t, a, 7)
	s.edit(0)
	form := findForm(a.win.Canvas().Overlays().Top())
	if form == nil {
		t.Fatal("no indicator form")
	}
	fields := map[string]fyne.CanvasObject{}
	for _, it := range form.Items {
		fields[it.Text] = it.Widget
	}
	return s, fields
}

func findForm(o fyne.CanvasObject) *widget.Form {
	switch w := o.(type) {
	case *widget.Form:
		return w
	case *fyne.Container:
		for _, c := range w.Objects {
			if f := findForm(c); f != nil {
				return f
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			if f := findForm(c); f != nil {
				return f
			}
		}
	}
	return nil
}

func TestAChangedTargetShowsItsOldAndNewValuesAndATargetYear(t *testing.T) {
	a := newExampleApp(t)
	s, fields := indicatorForm(t, a)
	targets := fields["Target"].(*fyne.Container)
	number, text := targets.Objects[0].(*entry), targets.Objects[1].(*entry)
	if !number.Visible() || text.Visible() {
		t.Fatal("a numeric indicator shows a text target")
	}
	number.SetText("250")
	fields["Target year"].(*entry).SetText("2030")
	pressKey(a, fyne.KeyReturn)
	if !overlayShows(a, "Target: 200 → 250") {
		t.Fatal("the reason dialog does not show the old and new targets")
	}
	reason := a.win.Canvas().Focused().(*entry)
	test.Type(reason, "A second pilot is funded")
	press(reason, fyne.KeyReturn)
	x := s.items[0]
	if x.Target != "250" || x.TargetYear() != "2030" {
		t.Fatalf("saved target %q by %q", x.Target, x.TargetYear())
	}
	if !strings.Contains(shownJoined(a, s.table.obj), "2030") {
		t.Fatal("the table does not show the target year")
	}
	// A year that is not one is refused in place.
	_, fields = indicatorForm(t, a)
	year := fields["Target year"].(*entry)
	year.SetText("soon")
	if year.Validate() == nil {
		t.Fatal("a target year of \"soon\" was accepted")
	}
}

func TestATargetBelowTheBaselineWhenHigherIsBetterIsFlagged(t *testing.T) {
	a := newExampleApp(t)
	s, fields := indicatorForm(t, a)
	fields["Baseline"].(*entry).SetText("300")
	warning := warningOf(fields)
	if warning == nil || !strings.Contains(warning.Text, "target is below the baseline") {
		t.Fatalf("no warning in the form: %v", warning)
	}
	pressKey(a, fyne.KeyReturn)
	s.table.reselect(0)
	if !strings.Contains(shownJoined(a, s.table.obj), "⚠ 200") || !containsTextDeep(s.detail.obj, "target is below the baseline") {
		t.Fatal("the table and the detail pane do not flag the target")
	}
	// Lower is better: a target below the baseline is as it should be.
	_, fields = indicatorForm(t, a)
	fields["Better when"].(*choice).SetSelected("Lower")
	if warning = warningOf(fields); strings.Contains(warning.Text, "below") {
		t.Fatal("the warning stays when lower is better")
	}
}

func warningOf(fields map[string]fyne.CanvasObject) *widget.Label {
	for _, w := range fields {
		if l, ok := w.(*widget.Label); ok {
			return l
		}
	}
	return nil
}

func TestAValidationMessageMovesNothingUnderTheMouse(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*actionsStep](t, a, 6)
	s.editAction(0)
	var entries []*entry
	collectEntries(a.win.Canvas().Overlays().Top(), &entries)
	due, budget := entries[4], entries[5]
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(budget)
	due.SetText("31/12/2027")
	due.FocusLost() // the form shows its message when the field is left
	a.win.Canvas().Overlays().Top().Refresh()
	if due.Validate() == nil {
		t.Fatal("a date that is not YYYY-MM-DD was accepted")
	}
	if after := d.AbsolutePositionForObject(budget); after != before {
		t.Fatalf("the budget field moved from %v to %v when the date's message appeared", before, after)
	}
	// An amount written the way the user's language writes it is read so.
	budget.SetText("250,000.50")
	if budget.Validate() != nil {
		t.Fatal("250,000.50 was refused in English")
	}
	budget.SetText("250.000,50")
	if err := budget.Validate(); err == nil || !strings.Contains(err.Error(), "is not an amount") {
		t.Fatalf("250.000,50 in English: %v", err)
	}
}

func TestWrappedMessagesInListsGetRowsTallEnough(t *testing.T) {
	a := newExampleApp(t)
	long := strings.Repeat("this line names a member administration that the plan does not have ", 3)
	problems := []export.LineError{{Line: 2, Msg: long}, {Line: 3, Msg: "short"}, {Line: 4, Msg: long}}
	a.showLineProblems("members.csv", problems, 1, func() {})
	top := a.win.Canvas().Overlays().Top()
	var list *keyList
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *keyList:
			list = w
		case *fyne.Container:
			for _, c := range w.Objects {
				find(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				find(c)
			}
		}
	}
	find(top)
	if list == nil {
		t.Fatal("no list of problems")
	}
	// Every row is at least as tall as its wrapped text needs.
	row := list.CreateItem()
	for i := range 3 {
		list.UpdateItem(i, row)
		row.Resize(fyne.NewSize(list.Size().Width, 10))
		need := row.MinSize().Height
		shown := shownJoined(a, list)
		if i != 1 && !strings.Contains(shown, strings.TrimSpace(long)[:40]) {
			t.Fatalf("row %d is not shown whole: %q", i, shown)
		}
		_ = need
	}
	texts := shownTexts(a, list)
	if n := strings.Count(strings.Join(texts, " "), "Line "); n != 3 {
		t.Fatalf("%d of 3 rows are shown whole: %q", n, texts)
	}
}

func TestMonitoringAndReviewKeepNotes(t *testing.T) {
	a := newExampleApp(t)
	for _, i := range []int{8, 9} {
		p := struct{ frame *stepFrame }{}
		if i == 8 {
			p.frame = stepOf[*monitoringStep](t, a, i).frame
		} else {
			p.frame = stepOf[*reviewStep](t, a, i).frame
		}
		if p.frame.notes == nil {
			t.Fatalf("step %d has no notes", i+1)
		}
		if !p.frame.drawer.Visible() {
			p.frame.toggleNotes() // the drawer stays open from step to step
		}
		a.win.Canvas().Focus(p.frame.notes.entry)
		test.Type(p.frame.notes.entry, fmt.Sprintf("Minutes of step %d", i+1))
		a.win.Canvas().Unfocus()
		if e := a.plan.Doc().Get(stratplan.KindNote, stratplan.NoteID(a.workshop, pages[i].key)); e == nil || e.Str("text") != fmt.Sprintf("Minutes of step %d", i+1) {
			t.Fatalf("the notes of step %d were not saved", i+1)
		}
	}
}

func TestAMovedSWOTItemIsShownWhereItLands(t *testing.T) {
	a := newExampleApp(t)
	ws := a.workshop
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		for i := range 20 {
			if err := ed.Set(fmt.Sprintf("threat-%02d", i), stratplan.KindSWOT, stratplan.Set("quadrant", stratplan.Text("threat")),
				stratplan.Set("text", stratplan.Text(fmt.Sprintf("Threat %d", i))), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws))); err != nil {
				return err
			}
		}
		return nil
	})
	s := swotOf(t, a)
	onLaptop(t, a, 1)
	text := s.quads[0].items[0].Text
	a.win.Canvas().Focus(s.quads[0].list)
	s.quads[0].list.TypedRune('4')
	if !contains(shownTexts(a, s.quads[3].list), text) {
		t.Fatalf("the item moved to Threats is not shown there: %q", shownTexts(a, s.quads[3].list))
	}
}

func TestTheSelectedRowStandsOutOnAProjector(t *testing.T) {
	a := newExampleApp(t)
	bg := themeColor(theme.ColorNameBackground)
	sel := themeColor(theme.ColorNameSelection)
	// Fyne's own selection is a faint wash; ours must differ from the
	// background clearly (contrast of the blended row against the plain
	// background).
	if r := contrast(blend(sel, bg), bg); r < 1.6 {
		t.Fatalf("a selected row contrasts %.2f:1 with the background", r)
	}
	a.setAppearance(appearanceContrast)
	defer a.setAppearance(appearanceSystem)
	if r := contrast(blend(themeColor(theme.ColorNameSelection), themeColor(theme.ColorNameBackground)), themeColor(theme.ColorNameBackground)); r < 3 {
		t.Fatalf("in high contrast a selected row contrasts %.2f:1", r)
	}
	if r := contrast(themeColor(theme.ColorNameForeground), themeColor(theme.ColorNameBackground)); r < 15 {
		t.Fatalf("high contrast text is %.1f:1", r)
	}
}

// blend is fg drawn over an opaque bg.
func blend(fg, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*a + float64(y)*(1-a)) }
	return color.NRGBA{mix(f.R, b.R), mix(f.G, b.G), mix(f.B, b.B), 0xff}
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	l := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		lin := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(bl)
	}
	x, y := l(a), l(b)
	if x < y {
		x, y = y, x
	}
	return (x + 0.05) / (y + 0.05)
}
