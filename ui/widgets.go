package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// commitEntry is an entry that saves when the user presses Enter or leaves
// it, rather than on every keystroke, and only when the text changed.
type commitEntry struct {
	widget.Entry
	saved    string
	OnCommit func(string)
}

func newCommitEntry(placeholder string, onCommit func(string)) *commitEntry {
	e := &commitEntry{OnCommit: onCommit}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrapOff
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

// FocusLost saves what was typed.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

func (e *commitEntry) commit() {
	if e.Text == e.saved || e.OnCommit == nil {
		return
	}
	e.saved = e.Text
	e.OnCommit(e.Text)
}

// show displays a stored value unless the user is typing in the entry.
func (e *commitEntry) show(c fyne.Canvas, text string) {
	if c != nil && c.Focused() == e {
		return
	}
	e.saved = text
	if e.Text != text {
		e.SetText(text)
	}
}

// keyList is a list that the keyboard can act on: Enter, Delete and the
// keys below work on the item under the keyboard cursor or, after a
// click, on the item clicked.
type keyList struct {
	widget.List
	selected widget.ListItemID
	moved    bool                       // the keyboard cursor moved since the last selection
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
		focusOnPick(l)
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

// target is the item the keys act on: the one under the keyboard cursor
// if it moved since the last pick, else the one picked.
func (l *keyList) target() widget.ListItemID {
	if l.moved || l.selected < 0 {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		l.moved = false
	}
	return l.selected
}

// TypedKey handles the list's own keys, then ours.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown:
		l.moved = true
		l.List.TypedKey(ev)
		return
	case fyne.KeySpace:
		l.moved = false
		l.List.TypedKey(ev)
		return
	}
	if act := editOrDelete(ev, l.OnEdit, l.OnDelete); act != nil && l.Length() > 0 {
		if id := l.target(); id >= 0 && id < l.Length() {
			act(id)
		}
	}
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

// TypedRune passes typed characters (such as 1–4) to OnRune.
func (l *keyList) TypedRune(r rune) {
	if l.Length() == 0 || l.OnRune == nil {
		return
	}
	if id := l.target(); id >= 0 && id < l.Length() {
		l.OnRune(id, r)
	}
}

// keyTable is a table that the keyboard can act on like keyList.
type keyTable struct {
	widget.Table
	selected widget.TableCellID
	moved    bool          // the keyboard cursor moved since the last selection
	quiet    bool          // selecting from code: keep the keyboard where it is
	OnEdit   func(row int) // Enter, Return or F2
	OnDelete func(row int) // Delete or Backspace
	OnRune   func(row int, r rune)
	OnSelect func(row int) // -1 when nothing is selected
}

// TypedRune passes typed characters (+, −…) to OnRune for the row under
// the keyboard focus.
func (t *keyTable) TypedRune(r rune) {
	if t.OnRune == nil || t.Length == nil {
		return
	}
	if row := t.target(); row >= 0 {
		t.OnRune(row, r)
	}
}

// reselect selects a row from code, leaving the keyboard focus alone.
func (t *keyTable) reselect(row int) {
	t.quiet = true
	defer func() { t.quiet = false }()
	t.Select(widget.TableCellID{Row: row, Col: max(t.selected.Col, 0)})
}

// target is the row the keys act on: under the keyboard cursor if it moved
// since the last pick, else the row picked; -1 for none.
func (t *keyTable) target() int {
	if t.moved || t.selected.Row < 0 {
		t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		t.moved = false
	}
	if rows, _ := t.Length(); t.selected.Row >= 0 && t.selected.Row < rows {
		return t.selected.Row
	}
	return -1
}

func newKeyTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{selected: widget.TableCellID{Row: -1}}
	t.Length = length
	t.CreateCell = create
	t.UpdateCell = update
	t.OnSelected = func(id widget.TableCellID) {
		t.selected = id
		if !t.quiet {
			focusOnPick(t)
		}
		if t.OnSelect != nil {
			t.OnSelect(id.Row)
		}
	}
	t.OnUnselected = func(id widget.TableCellID) {
		if t.selected == id {
			t.selected = widget.TableCellID{Row: -1}
			if t.OnSelect != nil {
				t.OnSelect(-1)
			}
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey handles the table's own keys, then Enter and Delete on the row
// under the keyboard focus.
func (t *keyTable) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEnter, fyne.KeyReturn, fyne.KeyDelete, fyne.KeyBackspace, fyne.KeyF2:
		if act := editOrDelete(ev, t.OnEdit, t.OnDelete); act != nil && t.Length != nil {
			if row := t.target(); row >= 0 {
				act(row)
			}
		}
		return
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
		t.moved = true
	case fyne.KeySpace:
		t.moved = false
	}
	t.Table.TypedKey(ev)
}

// flatAction is a small icon-and-text action that the mouse can tap but
// Tab skips: the keyboard reaches the same action through the list's keys,
// so capture stays a Tab away from the next quadrant.
type flatAction struct {
	widget.BaseWidget
	icon  fyne.Resource
	label string
	OnTap func()
}

func newFlatAction(icon fyne.Resource, label string, onTap func()) *flatAction {
	f := &flatAction{icon: icon, label: label, OnTap: onTap}
	f.ExtendBaseWidget(f)
	return f
}

// Tapped runs the action.
func (f *flatAction) Tapped(*fyne.PointEvent) {
	if f.OnTap != nil {
		f.OnTap()
	}
}

// Cursor shows a pointer, as over a link.
func (f *flatAction) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer draws the icon and the label.
func (f *flatAction) CreateRenderer() fyne.WidgetRenderer {
	l := widget.NewLabel(f.label)
	return widget.NewSimpleRenderer(container.NewHBox(widget.NewIcon(f.icon), l))
}

// tapIcon is an icon the mouse can tap and Tab skips (the keyboard has
// its own keys for the same action).
type tapIcon struct {
	widget.Icon
	OnTap func()
}

func newTapIcon(res fyne.Resource, onTap func()) *tapIcon {
	t := &tapIcon{OnTap: onTap}
	t.Resource = res
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs the action.
func (t *tapIcon) Tapped(*fyne.PointEvent) {
	if t.OnTap != nil {
		t.OnTap()
	}
}

// Cursor shows a pointer.
func (t *tapIcon) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MinSize is a comfortable target.
func (t *tapIcon) MinSize() fyne.Size { return fyne.NewSquareSize(28) }

// newBorder is a border layout whose objects are given in focus order
// (container.NewBorder puts the centre first, so Tab would reach the list
// before the entry above it).
func newBorder(top, bottom fyne.CanvasObject) fyne.Layout {
	return layout.NewBorderLayout(top, bottom, nil, nil)
}

// fitRows gives each list row the height its wrapped text needs: texts[i]
// is shown in a label as wide as the list less reserved. tall remembers
// which rows were given more than one line.
func fitRows(l *widget.List, texts []string, reserved float32, tall map[int]bool) {
	width := l.Size().Width - reserved
	if width < 200 {
		width = 600
	}
	size := theme.TextSize()
	pad := theme.InnerPadding()
	m := fyne.MeasureText("Average text, for width", size, fyne.TextStyle{})
	line, perChar := m.Height, m.Width/23
	for i, t := range texts {
		// An estimate from the length: measuring every row would cost as
		// much as drawing a list that is not virtualised.
		w := float32(utf8.RuneCountInString(t)) * perChar * 1.05
		lines := int(w/(width-2*pad)) + 1
		if lines == 1 && !tall[i] {
			continue // one line: the row's own height is right
		}
		tall[i] = lines > 1
		l.SetItemHeight(i, float32(lines)*line+2*pad+theme.LineSpacing()*float32(lines-1))
	}
}

// widthLayout gives its objects a fixed width and the height they need.
type widthLayout struct{ width float32 }

func (l widthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

func (l widthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fixedWidth shows o at a fixed width.
func fixedWidth(w float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(widthLayout{w}, o)
}

// newTextTable is a keyboard-driven table of plain text cells with a bold
// header row: columns are translated, widths in pixels, cell gives the
// text of a row and column.
func newTextTable(rows func() int, columns []string, widths []float32, cell func(row, col int) string) *keyTable {
	t := newKeyTable(func() (int, int) { return rows(), len(columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < rows() {
				o.(*widget.Label).SetText(cell(id.Row, id.Col))
			}
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis // translations run longer than English
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(columns[id.Col]))
		}
	}
	for i, w := range widths {
		// Wide enough for the header in the user's language.
		head := fyne.MeasureText(lang.L(columns[i]), theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding() + 2
		t.SetColumnWidth(i, max(w, head))
	}
	return t
}

// idSelect is a choice among things the plan holds: it shows their names
// and answers their ids. Filling it again keeps the choice and does not
// call OnPick, which runs only when the user picks.
type idSelect struct {
	Select  *widget.Select // the widget to place in the window
	ids     []string
	filling bool
	OnPick  func(id string)
}

func newIDSelect(placeholder string, onPick func(id string)) *idSelect {
	s := &idSelect{OnPick: onPick}
	s.Select = widget.NewSelect(nil, func(string) {
		if !s.filling && s.OnPick != nil {
			s.OnPick(s.id())
		}
	})
	s.Select.PlaceHolder = placeholder
	return s
}

// fill sets the choices and selects keep, or the first one when keep is
// not among them and first is set.
func (s *idSelect) fill(names, ids []string, keep string, first bool) {
	s.filling = true
	defer func() { s.filling = false }()
	s.Select.Options, s.ids = names, ids
	sel := indexOf(ids, keep)
	if sel < 0 && first && len(ids) > 0 {
		sel = 0
	}
	if sel >= 0 {
		s.Select.SetSelectedIndex(sel)
	} else {
		s.Select.ClearSelected()
	}
	s.Select.Refresh()
}

// id is the id of the thing chosen, or "".
func (s *idSelect) id() string {
	if i := s.Select.SelectedIndex(); i >= 0 && i < len(s.ids) {
		return s.ids[i]
	}
	return ""
}

// focusOnPick gives the keyboard to a list or table the user picked a row
// of with the mouse, so that its keys (Enter, Delete, + …) act at once.
func focusOnPick(o fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o.(fyne.CanvasObject)); c != nil && c.Focused() != o {
		c.Focus(o)
	}
}
