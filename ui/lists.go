package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyList is a list that the keyboard drives: ↑ ↓ move the selection (the
// row the keys act on is always the one highlighted), Enter or F2 opens the
// selected row, Delete removes it, and typed characters go to OnRune.
// Escape, F1 and F11 go to the window.
type keyList struct {
	widget.List
	selected widget.ListItemID
	cursor   widget.ListItemID // where widget.List's own keyboard cursor is
	fromCode bool
	passing  bool                       // the first row was selected only because the keyboard came by
	OnEdit   func(id widget.ListItemID) // Enter, Return or F2
	OnDelete func(id widget.ListItemID) // Delete or Backspace
	OnRune   func(id widget.ListItemID, r rune) bool
	OnSelect func(id widget.ListItemID) // -1 when nothing is selected
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{selected: -1}
	l.Length = length
	l.CreateItem = create
	l.UpdateItem = update
	l.OnSelected = func(id widget.ListItemID) {
		l.selected = id
		if !l.fromCode {
			l.cursor = id // picked with the mouse: widget.List moved its cursor there
			l.passing = false
			focusOnPick(l)
		}
		if l.OnSelect != nil {
			l.OnSelect(id)
		}
	}
	l.OnUnselected = func(id widget.ListItemID) {
		if l.selected == id {
			l.selected = -1
			if l.OnSelect != nil {
				l.OnSelect(-1)
			}
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained selects the first row when nothing is selected: the row the
// keys act on is always the one highlighted.
func (l *keyList) FocusGained() {
	l.List.FocusGained()
	if l.selected < 0 && l.Length() > 0 {
		l.pick(min(max(l.cursor, 0), l.Length()-1))
		l.passing = true
	}
}

// FocusLost forgets a selection the keyboard made only by passing through,
// so that Tab from quadrant to quadrant leaves no highlights behind.
func (l *keyList) FocusLost() {
	l.List.FocusLost()
	if l.passing {
		l.passing = false
		l.UnselectAll()
	}
}

// pick selects a row from code, moving the keyboard cursor with it but
// leaving the keyboard focus where it is.
func (l *keyList) pick(id widget.ListItemID) {
	if id < 0 || id >= l.Length() {
		l.UnselectAll()
		return
	}
	l.fromCode = true
	defer func() { l.fromCode = false }()
	for l.cursor < id && l.cursor < l.Length()-1 {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		l.cursor++
	}
	for l.cursor > id && l.cursor > 0 {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
		l.cursor--
	}
	l.Select(id)
}

// UnselectAll clears the selection.
func (l *keyList) UnselectAll() {
	l.List.UnselectAll()
	l.selected = -1
}

// target is the row the keys act on: the selected one, else the one under
// the keyboard cursor (which it then selects); -1 for none.
func (l *keyList) target() widget.ListItemID {
	if n := l.Length(); l.selected < 0 || l.selected >= n {
		if n == 0 {
			return -1
		}
		l.pick(min(max(l.cursor, 0), n-1))
	}
	return l.selected
}

// TypedKey moves the selection with ↑ ↓ and acts on the selected row.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(l, ev) {
		return
	}
	l.passing = false
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyHome, fyne.KeyEnd:
		if n := l.Length(); n > 0 {
			l.pick(min(max(moveRow(ev.Name, l.target(), n, l.pageRows()), 0), n-1))
		}
		return
	case fyne.KeySpace:
		l.target()
		return
	}
	if act := editOrDelete(ev, l.OnEdit, l.OnDelete); act != nil {
		if id := l.target(); id >= 0 {
			act(id)
		}
	}
}

// pageRows is about how many rows Page Up and Page Down move.
func (l *keyList) pageRows() int {
	return max(int(l.Size().Height/(listRowHeight()+1))-1, 1)
}

// moveRow is the row a navigation key leads to from row, among n rows.
func moveRow(k fyne.KeyName, row, n, page int) int {
	switch k {
	case fyne.KeyUp:
		return row - 1
	case fyne.KeyDown:
		return row + 1
	case fyne.KeyPageUp:
		return row - page
	case fyne.KeyPageDown:
		return row + page
	case fyne.KeyHome:
		return 0
	case fyne.KeyEnd:
		return n - 1
	}
	return row
}

// editOrDelete picks the action a key asks for: edit on Enter, Return or
// F2, delete on Delete or Backspace; nil for other keys or no action.
func editOrDelete(ev *fyne.KeyEvent, edit, del func(int)) func(int) {
	switch ev.Name {
	case fyne.KeyEnter, fyne.KeyReturn, fyne.KeyF2:
		return edit
	case fyne.KeyDelete, fyne.KeyBackspace:
		return del
	}
	return nil
}

// TypedRune passes typed characters (such as 1–4) to OnRune for the
// selected row.
func (l *keyList) TypedRune(r rune) {
	l.passing = false
	if l.OnRune == nil {
		return
	}
	if id := l.target(); id >= 0 {
		l.OnRune(id, r)
	}
}

// keyTable is a table that the keyboard drives like keyList: ↑ ↓ move the
// selected row, ← → the column (digits then act on the column chosen).
type keyTable struct {
	widget.Table
	selected widget.TableCellID
	quiet    bool          // selecting from code: keep the keyboard where it is
	OnEdit   func(row int) // Enter, Return or F2
	OnDelete func(row int) // Delete or Backspace
	OnRune   func(row int, r rune)
	OnSelect func(row int) // -1 when nothing is selected
	// OnFocusLost, if set, runs when the keyboard leaves the table.
	OnFocusLost func()
}

func newKeyTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{selected: widget.TableCellID{Row: -1}}
	t.Length = length
	t.CreateCell = create
	t.UpdateCell = update
	t.OnSelected = func(id widget.TableCellID) {
		row := t.selected.Row
		t.selected = id
		if !t.quiet {
			focusOnPick(t)
		}
		if t.OnSelect != nil && row != id.Row {
			t.OnSelect(id.Row)
		}
		t.Refresh() // the whole row shows selected
	}
	t.OnUnselected = func(id widget.TableCellID) {
		if t.selected == id {
			t.selected = widget.TableCellID{Row: -1}
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// FocusGained selects the first row when nothing is selected.
func (t *keyTable) FocusGained() {
	t.Table.FocusGained()
	if t.selected.Row < 0 && t.rows() > 0 {
		t.reselect(0)
	}
}

// FocusLost tells OnFocusLost that the keyboard left the table.
func (t *keyTable) FocusLost() {
	t.Table.FocusLost()
	if t.OnFocusLost != nil {
		t.OnFocusLost()
	}
}

// rows is how many rows the table has.
func (t *keyTable) rows() int {
	if t.Length == nil {
		return 0
	}
	n, _ := t.Length()
	return n
}

// reselect selects a row from code, leaving the keyboard focus alone.
func (t *keyTable) reselect(row int) {
	if row < 0 || row >= t.rows() {
		t.UnselectAll()
		return
	}
	t.quiet = true
	defer func() { t.quiet = false }()
	t.Select(widget.TableCellID{Row: row, Col: max(t.selected.Col, 0)})
}

// UnselectAll clears the selection.
func (t *keyTable) UnselectAll() {
	had := t.selected.Row >= 0
	t.Table.UnselectAll()
	t.selected = widget.TableCellID{Row: -1}
	if had && t.OnSelect != nil {
		t.OnSelect(-1)
	}
	t.Refresh()
}

// target is the row the keys act on: the selected one, else the first;
// -1 for none.
func (t *keyTable) target() int {
	n := t.rows()
	if n == 0 {
		return -1
	}
	if t.selected.Row < 0 || t.selected.Row >= n {
		t.reselect(0)
	}
	return t.selected.Row
}

// column is the column the keyboard cursor is in.
func (t *keyTable) column() int { return max(t.selected.Col, 0) }

// toColumn moves the keyboard cursor to a column of its row.
func (t *keyTable) toColumn(col int) {
	if t.selected.Row < 0 || col == t.selected.Col {
		return
	}
	t.quiet = true
	defer func() { t.quiet = false }()
	t.Select(widget.TableCellID{Row: t.selected.Row, Col: col})
}

// TypedKey moves the selection with the arrows and acts on the selected row.
func (t *keyTable) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(t, ev) {
		return
	}
	n := t.rows()
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyHome, fyne.KeyEnd:
		if n > 0 {
			row := min(max(moveRow(ev.Name, t.target(), n, max(int(t.Size().Height/(listRowHeight()+1))-2, 1)), 0), n-1)
			t.reselect(row)
		}
		return
	case fyne.KeyLeft, fyne.KeyRight:
		if n > 0 {
			_, cols := t.Length()
			col := t.column() - 1
			if ev.Name == fyne.KeyRight {
				col = t.column() + 1
			}
			row := t.target()
			t.quiet = true
			t.Select(widget.TableCellID{Row: row, Col: min(max(col, 0), cols-1)})
			t.quiet = false
		}
		return
	case fyne.KeySpace:
		t.target()
		return
	}
	if act := editOrDelete(ev, t.OnEdit, t.OnDelete); act != nil {
		if row := t.target(); row >= 0 {
			act(row)
		}
	}
}

// TypedRune passes typed characters (+, −, digits…) to OnRune for the
// selected row.
func (t *keyTable) TypedRune(r rune) {
	if t.OnRune == nil {
		return
	}
	if row := t.target(); row >= 0 {
		t.OnRune(row, r)
	}
}

// focusOnPick gives the keyboard to a list or table the user picked a row
// of with the mouse, so that its keys (Enter, Delete, + …) act at once.
func focusOnPick(o fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o.(fyne.CanvasObject)); c != nil && c.Focused() != o {
		c.Focus(o)
	}
}
