package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"stratplan"
)

// undoKeys presses Ctrl+Z; redoKeys Ctrl+Y (or Ctrl+Shift+Z).
func undoKeys(a *App) { shortcutOn(a, &fyne.ShortcutUndo{}) }
func redoKeys(a *App) { shortcutOn(a, &fyne.ShortcutRedo{}) }

// shortcutOn presses a shortcut as the window gets it: the main menu's
// first, whatever has the keyboard.
func shortcutOn(a *App, s fyne.Shortcut) {
	for _, m := range a.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
				it.Action()
				return
			}
		}
	}
	a.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func menuLabel(a *App, key string) string { return a.menuItems[key].Label }

func TestUndoAndRedoEveryKindOfEditAcrossSteps(t *testing.T) {
	a := newExampleApp(t)
	doc := func() *stratplan.Document { return a.plan.Doc() }

	// Typing in the SWOT, then a move to another quadrant.
	sw := swotOf(t, a)
	typeEnter(sw.quads[0].entry, "Customs academy accredited")
	added := sw.quads[0].items[len(sw.quads[0].items)-1]
	if !strings.Contains(menuLabel(a, "undo"), "Add SWOT item “Customs academy accredited”") {
		t.Fatalf("the Edit menu says %q", menuLabel(a, "undo"))
	}
	a.win.Canvas().Focus(sw.quads[0].list)
	sw.quads[0].list.pick(len(sw.quads[0].items) - 1)
	sw.quads[0].list.TypedRune('3')
	if doc().Get(stratplan.KindSWOT, added.E.ID).Str("quadrant") != "opportunity" || !strings.Contains(menuLabel(a, "undo"), "Move") {
		t.Fatalf("moved: %q, menu %q", doc().Get(stratplan.KindSWOT, added.E.ID).Str("quadrant"), menuLabel(a, "undo"))
	}

	// A delete in the Scan step, and a vote in Priorities.
	sc := stepOf[*scanStep](t, a, 3)
	factor := sc.items[0]
	sc.table.reselect(0)
	a.win.Canvas().Focus(sc.table.keyTable)
	press(sc.table.keyTable, fyne.KeyDelete)
	if e := doc().Get(stratplan.KindScanFactor, factor.E.ID); !e.Deleted() {
		t.Fatal("Delete did not delete the factor")
	}
	pr := stepOf[*prioritiesStep](t, a, 5)
	for _, r := range "fat" {
		pr.voters.sel.Select.TypedRune(r)
	}
	target := pr.ranked[4].E.ID
	before := stratplan.Points(doc().Votes(a.workshop))[target]
	pr.voters.give(target, +1)
	if got := stratplan.Points(doc().Votes(a.workshop))[target]; got != before+1 {
		t.Fatalf("the vote was not counted: %d", got)
	}
	if !strings.Contains(menuLabel(a, "undo"), "Vote") {
		t.Fatalf("the Edit menu says %q after a vote", menuLabel(a, "undo"))
	}

	// Undo, from the Priorities step, walks back across the steps.
	undoKeys(a) // the vote
	if got := stratplan.Points(doc().Votes(a.workshop))[target]; got != before {
		t.Fatalf("undoing the vote left %d points, want %d", got, before)
	}
	if a.current != 5 {
		t.Fatalf("undoing an edit of the step shown moved to step %d", a.current+1)
	}
	undoKeys(a) // the delete
	if e := doc().Get(stratplan.KindScanFactor, factor.E.ID); e.Deleted() {
		t.Fatal("undo did not bring back the deleted factor")
	}
	// Undo shows what it undid: the Scan step, the factor back and chosen.
	if a.current != 3 {
		t.Fatalf("undoing the Scan's delete left the window on step %d", a.current+1)
	}
	if row := sc.table.selected.Row; row < 0 || row >= len(sc.items) || sc.items[row].E.ID != factor.E.ID {
		t.Fatalf("the factor brought back is not the one chosen (row %d)", row)
	}
	undoKeys(a) // the move
	if q := doc().Get(stratplan.KindSWOT, added.E.ID).Str("quadrant"); q != "strength" {
		t.Fatalf("undoing the move left it in %s", q)
	}
	if a.current != 4 {
		t.Fatalf("undoing the SWOT's move left the window on step %d", a.current+1)
	}
	if !strings.Contains(menuLabel(a, "redo"), "Move") || !strings.Contains(menuLabel(a, "undo"), "Add SWOT item") {
		t.Fatalf("menu: %q / %q", menuLabel(a, "undo"), menuLabel(a, "redo"))
	}
	undoKeys(a) // the typing
	if e := doc().Get(stratplan.KindSWOT, added.E.ID); !e.Deleted() {
		t.Fatal("undoing the add did not remove the item")
	}

	// Redo, with Ctrl+Y and Ctrl+Shift+Z, writes the edits again.
	redoKeys(a)
	shortcutOn(a, redoShortcut)
	if e := doc().Get(stratplan.KindSWOT, added.E.ID); e.Deleted() || e.Str("quadrant") != "opportunity" {
		t.Fatal("redo did not add and move the item again")
	}
	redoKeys(a)
	redoKeys(a)
	if !doc().Get(stratplan.KindScanFactor, factor.E.ID).Deleted() || stratplan.Points(doc().Votes(a.workshop))[target] != before+1 {
		t.Fatal("redo did not delete the factor and give the dot again")
	}
	// A new edit ends what can be redone.
	undoKeys(a)
	typeEnter(sw.quads[1].entry, "Few women in senior posts")
	if !a.menuItems["redo"].Disabled {
		t.Fatal("Redo is still offered after a new edit")
	}
}

func TestUndoIsANewWriteThatMergesLikeAnyOther(t *testing.T) {
	a := newExampleApp(t)
	sw := swotOf(t, a)
	it := sw.quads[0].items[0]
	sw.quads[0].move(0, 3)
	moved := a.plan.Doc().Get(stratplan.KindSWOT, it.E.ID).Field("quadrant")
	undoKeys(a)
	back := a.plan.Doc().Get(stratplan.KindSWOT, it.E.ID).Field("quadrant")
	if back.Value().String() != "strength" {
		t.Fatalf("quadrant after undo: %s", back.Value())
	}
	// The undo is a write of its own, later than the move: a laptop that
	// has the move and receives the undo ends on the undo.
	if len(back.Vals) != 1 || !back.Ctx.Covers(moved.Vals[0].Dot) || back.Vals[0].Dot == moved.Vals[0].Dot {
		t.Fatalf("the undo is not a new write superseding the move: %+v after %+v", back, moved)
	}
	other := stratplan.NewDocument(a.plan.Doc().Plan())
	other.Put(&stratplan.Entity{ID: it.E.ID, Kind: stratplan.KindSWOT, Fields: stratplan.FieldsOf(map[string]stratplan.Field{"quadrant": moved})})
	if _, err := other.Merge(a.plan.Doc()); err != nil {
		t.Fatal(err)
	}
	if got := other.Get(stratplan.KindSWOT, it.E.ID).Str("quadrant"); got != "strength" {
		t.Fatalf("another laptop that merged the undo shows %q", got)
	}
}

func TestCtrlZInAFieldUndoesTheTypingFirst(t *testing.T) {
	a := newExampleApp(t)
	sw := swotOf(t, a)
	typeEnter(sw.quads[0].entry, "First item")
	a.win.Canvas().Focus(sw.quads[0].entry)
	test.Type(sw.quads[0].entry, "Half typ")
	undoKeys(a)
	if n := len(sw.quads[0].items); sw.quads[0].items[n-1].Text != "First item" {
		t.Fatal("Ctrl+Z in a field with text in it undid the last saved edit")
	}
	sw.quads[0].entry.SetText("")
	undoKeys(a) // the field is empty: the last edit is undone
	if n := len(sw.quads[0].items); n > 0 && sw.quads[0].items[n-1].Text == "First item" {
		t.Fatal("Ctrl+Z in an empty field did not undo the last edit")
	}
}

// TestUndoShowsTheWorkshopItWasMadeIn: an edit undone after another
// workshop was chosen shows its own workshop again, or the undo would
// change what nobody sees.
func TestUndoShowsTheWorkshopItWasMadeIn(t *testing.T) {
	a := newExampleApp(t)
	first := a.workshop
	sw := swotOf(t, a)
	typeEnter(sw.quads[0].entry, "Written in the first workshop")
	var other string
	for _, w := range a.plan.Doc().Workshops() {
		if w.E.ID != first {
			other = w.E.ID
			break
		}
	}
	a.selectWorkshop(other)
	if a.workshop != other {
		t.Fatalf("the window shows workshop %q, not %q", a.workshop, other)
	}
	undoKeys(a)
	if a.workshop != first {
		t.Fatalf("after the undo the window shows workshop %q, not %q where the item was written", a.workshop, first)
	}
	if title := a.plan.Doc().Get(stratplan.KindWorkshop, first).Label(); !strings.Contains(a.status.Text, title) {
		t.Fatalf("the status line does not say the window switched to %q: %q", title, a.status.Text)
	}
	for _, it := range sw.quads[0].items {
		if it.E.Str("text") == "Written in the first workshop" {
			t.Fatal("the undone item is still listed")
		}
	}
}
