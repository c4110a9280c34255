package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

func swotOf(t *testing.T, a *App) *swotStep {
	t.Helper()
	a.showStep(4)
	return a.views[4].(*swotStep)
}

func press(o fyne.Focusable, k fyne.KeyName) { o.TypedKey(&fyne.KeyEvent{Name: k}) }

func quadrantTexts(a *App, quadrant string) []string {
	var out []string
	for _, it := range a.plan.Doc().SWOT(a.workshop) {
		if it.Quadrant == quadrant {
			out = append(out, it.Text)
		}
	}
	return out
}

func TestSWOTTypeAndEnterCapturesAndSurvivesRestart(t *testing.T) {
	a := newExampleApp(t)
	s := swotOf(t, a)
	c := a.win.Canvas()
	strengths := s.quads[0]
	if c.Focused() != strengths.entry {
		t.Fatal("the SWOT step does not start in the Strengths entry")
	}
	before := len(strengths.items)
	for _, text := range []string{"Modern risk-management engine", "Trusted trader programme in São Tomé e Príncipe"} {
		test.Type(strengths.entry, text)
		press(strengths.entry, fyne.KeyReturn)
	}
	if strengths.entry.Text != "" || c.Focused() != strengths.entry {
		t.Fatal("after Enter the entry is not cleared and ready for the next item")
	}
	if got := strengths.list.Length(); got != before+2 {
		t.Fatalf("the Strengths list shows %d items, want %d", got, before+2)
	}
	if got := strengths.title.Text; got != "Strengths (5)" {
		t.Fatalf("quadrant title %q", got)
	}
	press(strengths.entry, fyne.KeyReturn) // an empty line adds nothing
	if strengths.list.Length() != before+2 {
		t.Fatal("Enter on an empty entry added an item")
	}
	if a.status.Text == "" || a.plan.SavedAt().IsZero() {
		t.Fatal("the status line does not say the change was saved")
	}

	reopen(t, a)
	got := quadrantTexts(a, "strength")
	if len(got) != 5 || got[3] != "Modern risk-management engine" || got[4] != "Trusted trader programme in São Tomé e Príncipe" {
		t.Fatalf("after reopening, strengths are %q", got)
	}
}

func TestSWOTIsUsableWithTheKeyboardOnly(t *testing.T) {
	a := newExampleApp(t)
	s := swotOf(t, a)
	c := a.win.Canvas()
	strengths, weaknesses, opportunities := s.quads[0], s.quads[1], s.quads[2]

	// Tab goes from an entry to its list, then to the next quadrant's entry.
	test.FocusNext(c)
	if c.Focused() != strengths.list {
		t.Fatalf("Tab from the Strengths entry went to %T", c.Focused())
	}
	test.FocusNext(c)
	if c.Focused() != weaknesses.entry {
		t.Fatalf("Tab from the Strengths list went to %T, want the Weaknesses entry", c.Focused())
	}

	// ↓ then 3 moves the second strength to Opportunities.
	c.Focus(strengths.list)
	second := strengths.items[1].Text
	press(strengths.list, fyne.KeyDown)
	strengths.list.TypedRune('3')
	if got := quadrantTexts(a, "opportunity"); got[len(got)-1] != second && got[0] != second {
		t.Fatalf("opportunities are %q, want %q among them", got, second)
	}
	found := false
	for _, it := range opportunities.items {
		found = found || it.Text == second
	}
	if !found {
		t.Fatal("the moved item is not shown under Opportunities")
	}

	// Delete removes the focused item; Undo brings it back.
	c.Focus(strengths.list)
	first := strengths.items[0].Text
	press(strengths.list, fyne.KeyUp) // the keyboard focus stayed on the second row
	press(strengths.list, fyne.KeyDelete)
	for _, txt := range quadrantTexts(a, "strength") {
		if txt == first {
			t.Fatal("Delete did not remove the item")
		}
	}
	if !a.undo.Visible() {
		t.Fatal("no Undo after a deletion")
	}
	test.Tap(a.undo)
	if got := quadrantTexts(a, "strength"); len(got) == 0 || got[0] != first {
		t.Fatalf("Undo did not restore the item: %q", got)
	}

	// Enter opens the editor with the text focused; Enter saves.
	c.Focus(strengths.list)
	press(strengths.list, fyne.KeyReturn)
	e, ok := c.Focused().(*entry)
	if !ok || e.Text != first {
		t.Fatalf("Enter on an item did not open its editor (focus %T)", c.Focused())
	}
	e.SetText("")
	test.Type(e, "Risk engines in every administration")
	press(e, fyne.KeyReturn)
	if got := quadrantTexts(a, "strength"); got[0] != "Risk engines in every administration" {
		t.Fatalf("the edit was not saved: %q", got)
	}
	if c.Focused() != strengths.list {
		t.Fatal("after editing, the focus did not return to the list")
	}
}

func TestSWOTEditLinksAScanFactorAndMovesQuadrant(t *testing.T) {
	a := newExampleApp(t)
	factor := stratplan.NewID()
	ws := a.workshop
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set(factor, stratplan.KindScanFactor, stratplan.Set("title", stratplan.Text("AfCFTA entry into force")),
			stratplan.Set("category", stratplan.Text("political")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	})
	s := swotOf(t, a)
	opp := s.quads[2]
	opp.editDialog(0)
	d, ok := a.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok || d == nil {
		t.Fatal("no editor dialog")
	}
	// The form's selects: quadrant, then scan factor.
	var selects []*choice
	collectSelects(d.Content, &selects)
	if len(selects) != 2 {
		t.Fatalf("editor has %d choice fields, want 2", len(selects))
	}
	selects[0].SetSelectedIndex(3) // Threats
	selects[1].SetSelected("AfCFTA entry into force")
	press(a.win.Canvas().Focused(), fyne.KeyReturn)

	var moved *stratplan.SWOTItem
	for _, it := range s.quads[3].items {
		if it.Text == "AfCFTA rules of origin create demand for advance rulings" {
			moved = &it
		}
	}
	if moved == nil || moved.Factor != factor {
		t.Fatalf("the item is not a threat linked to the factor: %+v", moved)
	}
}

func collectSelects(o fyne.CanvasObject, out *[]*choice) {
	switch w := o.(type) {
	case *choice:
		*out = append(*out, w)
	case *fyne.Container:
		for _, c := range w.Objects {
			collectSelects(c, out)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			collectSelects(c, out)
		}
	}
}
