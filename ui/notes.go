package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// notesPanel holds the minutes of one step of the workshop, in the step's
// notes drawer. Its text is saved when the user leaves it, in a note whose
// id comes from the workshop and the step, so notes typed on two laptops
// meet in one place.
type notesPanel struct {
	a     *App
	step  string
	entry *commitEntry
	obj   fyne.CanvasObject
}

func newNotesPanel(a *App, step string) *notesPanel {
	n := &notesPanel{a: a, step: step}
	n.entry = newCommitEntry(lang.L("Minutes of this part of the discussion: what was said, decided, left open…"), n.save)
	n.entry.MultiLine = true
	n.entry.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(lang.L("Notes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	n.obj = container.NewBorder(title, nil, nil, nil, n.entry)
	return n
}

func (n *notesPanel) save(text string) {
	ws := n.a.workshop
	if ws == "" {
		return
	}
	n.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NoteID(ws, n.step), stratplan.KindNote, stratplan.Set("step", stratplan.Text(n.step)),
			stratplan.Set("text", stratplan.Text(text)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	})
}

func (n *notesPanel) refresh() {
	text := ""
	if e := n.a.plan.Doc().Get(stratplan.KindNote, stratplan.NoteID(n.a.workshop, n.step)); e != nil && !e.Deleted() {
		text = e.Str("text")
	}
	n.entry.show(n.a.win.Canvas(), text)
	if n.a.workshop == "" {
		n.entry.PlaceHolder = lang.L("Notes are kept per workshop: choose one at the top to read or write them.")
		n.entry.Disable()
	} else {
		n.entry.PlaceHolder = lang.L("Minutes of this part of the discussion: what was said, decided, left open…")
		n.entry.Enable()
	}
	n.entry.Refresh()
}
