package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// pressTab does what the window does with Tab (Shift+Tab when back): an
// input that accepts Tab gets it, otherwise the focus moves on.
func pressTab(c fyne.Canvas, back bool) {
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	if back {
		c.FocusPrevious()
		return
	}
	c.FocusNext()
}

// TestTabLeavesAMultiLineField: in the action form, Tab in Description
// moves to Owner, and what is typed next lands there; Shift+Tab comes back.
func TestTabLeavesAMultiLineField(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*actionsStep](t, a, 6)
	s.editAction(0)
	var entries []*entry
	collectEntries(a.win.Canvas().Overlays().Top(), &entries)
	desc, owner := entries[1], entries[2]
	if !desc.MultiLine {
		t.Fatal("the second field of the action form is not the description")
	}
	c := a.win.Canvas()
	c.Focus(desc)
	before := desc.Text
	pressTab(c, false)
	test.Type(c.Focused(), "Typed after Tab")
	if strings.Contains(desc.Text, "\t") || desc.Text != before {
		t.Errorf("Tab in Description changed it to %q", desc.Text)
	}
	if !strings.Contains(owner.Text, "Typed after Tab") {
		t.Errorf("what was typed after Tab is not in Owner: %q", owner.Text)
	}
	pressTab(c, true)
	if c.Focused() != desc {
		t.Error("Shift+Tab from Owner does not go back to Description")
	}
}

// TestNoMultiLineFieldTrapsTab: the notes, the mission and every form's
// multi-line fields pass Tab on.
func TestNoMultiLineFieldTrapsTab(t *testing.T) {
	a := newExampleApp(t)
	var fields []fyne.Tabbable
	notes := newNotesPanel(a, "swot")
	fields = append(fields, notes.entry, newMultiLineEntry(""))
	for _, open := range []func(){
		func() { stepOf[*actionsStep](t, a, 6).editAction(0) },
		func() { stepOf[*swotStep](t, a, 4).quads[0].editDialog(0) },
	} {
		open()
		var entries []*entry
		collectEntries(a.win.Canvas().Overlays().Top(), &entries)
		for _, e := range entries {
			if e.MultiLine {
				fields = append(fields, e)
			}
		}
		a.win.Canvas().Overlays().Top().Hide()
		a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())
	}
	if len(fields) < 3 {
		t.Fatalf("only %d multi-line fields found", len(fields))
	}
	for i, f := range fields {
		if f.AcceptsTab() {
			t.Errorf("multi-line field %d keeps Tab", i)
		}
	}
}
