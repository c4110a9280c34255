package ui

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"stratplan"
)

// The window's undo and redo. Every edit made through App.edit is
// recorded as the values it replaced and the values it wrote, field by
// field. Undo writes the values replaced again, as a new edit: it is saved,
// exported and merged like any other, and another laptop sees an ordinary
// change. Redo writes the values of the edit again. Imports, and edits
// that were undone and then changed otherwise, clear what can be redone.

// undoStep is one edit as undo and redo see it.
type undoStep struct {
	label   string // what the edit did, for the Edit menu
	changes []entityChange
	// Where it was made: undo and redo show it there again.
	page     int
	workshop string // "" with All workshops
}

// entityChange is what one edit did to one entity.
type entityChange struct {
	key           stratplan.Key
	created       bool                       // the edit created the entity
	before, after map[string]stratplan.Value // the values of the fields it changed
}

// history is the window's undo and redo stacks.
type history struct {
	undo, redo []undoStep
}

// maxUndo is how many edits can be undone.
const maxUndo = 200

// record works out what an edit changed: old is the document as it was,
// changed the entities the edit wrote, as they now are.
func record(old *stratplan.Document, changed []*stratplan.Entity) []entityChange {
	var out []entityChange
	for _, e := range changed {
		if e.Kind == stratplan.KindReplica {
			continue // the laptop's own name in bundles: not the user's edit
		}
		prev := old.Get(e.Kind, e.ID)
		c := entityChange{key: e.Key(), created: prev == nil, before: map[string]stratplan.Value{}, after: map[string]stratplan.Value{}}
		for _, f := range e.FieldNames() {
			if prev != nil && sameField(prev.Field(f), e.Field(f)) {
				continue
			}
			if prev != nil {
				c.before[f] = prev.Value(f)
			}
			c.after[f] = e.Value(f)
		}
		if len(c.after) > 0 {
			out = append(out, c)
		}
	}
	return out
}

func sameField(a, b stratplan.Field) bool {
	if len(a.Vals) != len(b.Vals) {
		return false
	}
	for i := range a.Vals {
		if a.Vals[i].Dot != b.Vals[i].Dot {
			return false
		}
	}
	return true
}

// describe names an edit for the Edit menu: "Delete SWOT item “…”".
func describe(doc *stratplan.Document, changes []entityChange) string {
	if len(changes) == 0 {
		return ""
	}
	c := changes[0]
	for _, x := range changes { // an entity created or deleted says most
		if x.created || x.after[stratplan.FieldDeleted].Bool() != x.before[stratplan.FieldDeleted].Bool() {
			c = x
			break
		}
	}
	e := doc.Get(c.key.Kind, c.key.ID)
	what := kindName(c.key.Kind)
	if e != nil {
		label := e.Label()
		if c.key.Kind == stratplan.KindVote {
			if t := doc.Ref(e.Str("target"), stratplan.KindPriority, stratplan.KindVision); t != nil {
				label = t.Label()
			}
			what = lang.L("Vote")
		}
		if label != e.Kind+" "+e.ID {
			what = lang.L("{{.Kind}} “{{.Label}}”", map[string]any{"Kind": what, "Label": shorten(label, 40)})
		}
	}
	_, deletedNow := c.after[stratplan.FieldDeleted]
	switch {
	case c.created:
		return lang.L("Add {{.What}}", map[string]any{"What": what})
	case deletedNow && c.after[stratplan.FieldDeleted].Bool():
		return lang.L("Delete {{.What}}", map[string]any{"What": what})
	case deletedNow:
		return lang.L("Restore {{.What}}", map[string]any{"What": what})
	}
	if _, ok := c.after["quadrant"]; ok && len(c.after) == 1 {
		return lang.L("Move {{.What}}", map[string]any{"What": what})
	}
	return lang.L("Change {{.What}}", map[string]any{"What": what})
}

// shorten cuts s to n characters, with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// push records an edit the user just made: it can be undone, and what was
// undone before can no longer be redone.
func (h *history) push(s undoStep) {
	h.undo = append(h.undo, s)
	if len(h.undo) > maxUndo {
		h.undo = h.undo[len(h.undo)-maxUndo:]
	}
	h.redo = nil
}

// clear forgets everything: after an import, or in another plan.
func (h *history) clear() { h.undo, h.redo = nil, nil }

// write writes the values of one side of the changes (before for undo,
// after for redo) as a new edit.
func write(ed *stratplan.Edit, changes []entityChange, undo bool) error {
	// Last change first when undoing, so that an entity created and then
	// changed in one edit is deleted last.
	for i := range changes {
		c := changes[i]
		if undo {
			c = changes[len(changes)-1-i]
		}
		vals := c.after
		if undo {
			vals = c.before
		}
		var sets []stratplan.Change
		for f := range c.after {
			if f == stratplan.FieldDeleted {
				continue
			}
			v, ok := vals[f]
			if !ok {
				v = stratplan.Null()
			}
			sets = append(sets, stratplan.Set(f, v))
		}
		if len(sets) > 0 && !(undo && c.created) {
			if err := ed.Set(c.key.ID, c.key.Kind, sets...); err != nil {
				return fmt.Errorf("%s %s: %w", c.key.Kind, c.key.ID, err)
			}
		}
		deleted, has := vals[stratplan.FieldDeleted]
		_, touched := c.after[stratplan.FieldDeleted]
		var err error
		switch {
		case undo && c.created:
			err = ed.Delete(c.key.Kind, c.key.ID)
		case !undo && c.created:
			err = ed.Restore(c.key.Kind, c.key.ID)
		case touched && has && deleted.Bool():
			err = ed.Delete(c.key.Kind, c.key.ID)
		case touched:
			err = ed.Restore(c.key.Kind, c.key.ID)
		}
		if err != nil {
			return fmt.Errorf("%s %s: %w", c.key.Kind, c.key.ID, err)
		}
	}
	return nil
}

// undoLast undoes the last edit, as a new edit.
func (a *App) undoLast() {
	a.replay(true)
}

// redoLast writes again the edit undone last.
func (a *App) redoLast() {
	a.replay(false)
}

func (a *App) replay(undo bool) {
	if a.plan == nil {
		return
	}
	from, to := &a.hist.undo, &a.hist.redo
	if !undo {
		from, to = to, from
	}
	if len(*from) == 0 {
		if undo {
			a.setStatus(lang.L("Nothing to undo."))
		} else {
			a.setStatus(lang.L("Nothing to redo."))
		}
		return
	}
	a.commitTyping()
	s := (*from)[len(*from)-1]
	if err := a.plan.Edit(func(ed *stratplan.Edit) error { return write(ed, s.changes, undo) }); err != nil {
		a.showError(err)
		a.refresh()
		return
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, s)
	switched := a.showWhere(s)
	a.updateMenu()
	msg := lang.L("Redone: {{.What}}.", map[string]any{"What": s.label})
	if undo {
		msg = lang.L("Undone: {{.What}}.", map[string]any{"What": s.label})
	}
	if switched != "" {
		// The workshop chooser changed too: say so where the eye is.
		msg += " " + lang.L("The window now shows the workshop it was made in: {{.Title}}.", map[string]any{"Title": switched})
	}
	a.setStatus(msg)
}

// showWhere shows the step and workshop an edit was made in, with what it
// changed chosen, so that an undone or redone edit is seen, whatever step
// the window is on. It returns the title of the workshop it switched to,
// if it did.
func (a *App) showWhere(s undoStep) (switched string) {
	doc := a.plan.Doc()
	if w := doc.Get(stratplan.KindWorkshop, s.workshop); s.workshop != a.workshop && !a.allWorkshops && w != nil && !w.Deleted() {
		switched = w.Label()
		a.commitTyping()
		a.win.Canvas().Unfocus()
		if a.region != "" && w.Str("region") != a.region {
			a.region = w.Str("region")
		}
		a.workshop = s.workshop
	}
	a.refresh()
	if s.page != a.current {
		a.showStep(s.page)
	}
	if ks, ok := a.views[a.current].(keySelector); ok {
		for _, c := range s.changes {
			if e := doc.Get(c.key.Kind, c.key.ID); e != nil && !e.Deleted() && ks.selectKey(c.key) {
				break
			}
		}
	}
	return switched
}

// undoOrType undoes the typing in the focused entry if it holds text not
// saved yet, else the last edit.
func (a *App) undoOrType() {
	switch e := a.win.Canvas().Focused().(type) {
	case *commitEntry:
		if e.typing() {
			e.Undo()
			return
		}
	case *entry:
		if e.Text != "" {
			e.Undo()
			return
		}
	}
	a.undoLast()
}

// redoOrType redoes typing in the focused entry if it holds text not saved
// yet, else the edit undone last.
func (a *App) redoOrType() {
	switch e := a.win.Canvas().Focused().(type) {
	case *commitEntry:
		if e.typing() {
			e.Redo()
			return
		}
	case *entry:
		if e.Text != "" {
			e.Redo()
			return
		}
	}
	a.redoLast()
}
