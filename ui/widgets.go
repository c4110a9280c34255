package ui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// flatAction is a small icon-and-text action that the mouse can tap but
// Tab skips: the keyboard reaches the same action through the list's keys,
// so capture stays a Tab away from the next quadrant.
type flatAction struct {
	widget.BaseWidget
	icon      fyne.Resource
	label     string
	text      *widget.Label
	keepLabel bool // shows its label even when a toolbar is short of room
	iconOnly  bool // the toolbar is short of room
	OnTap     func()

	measured         float32 // the label's width, measured at textSize
	measuredFor      string
	measuredTextSize float32
}

// newFlatAction makes an action; without a label it shows its icon only.
func newFlatAction(icon fyne.Resource, label string, onTap func()) *flatAction {
	f := &flatAction{icon: icon, label: label, OnTap: onTap}
	f.ExtendBaseWidget(f)
	return f
}

// setLabel changes the text shown.
func (f *flatAction) setLabel(label string) {
	f.label = label
	if f.text != nil {
		f.text.SetText(label)
		showIf(f.text, label != "" && !f.iconOnly)
	}
	f.Refresh()
}

// showLabel shows or hides the label (a toolbar short of room hides it).
func (f *flatAction) showLabel(on bool) {
	f.iconOnly = !on && !f.keepLabel
	if f.text != nil && f.text.Visible() != (f.label != "" && !f.iconOnly) {
		showIf(f.text, f.label != "" && !f.iconOnly)
		f.Refresh()
	}
}

// widthWith is the action's width with or without its label.
func (f *flatAction) widthWith(label bool) float32 {
	w := theme.IconInlineSize() + 2*theme.Padding()
	if f.label != "" && (label || f.keepLabel) {
		if size := theme.TextSize(); f.measuredFor != f.label || f.measuredTextSize != size {
			f.measured, f.measuredFor, f.measuredTextSize = fyne.MeasureText(f.label, size, fyne.TextStyle{}).Width, f.label, size
		}
		w += f.measured + 2*theme.InnerPadding() + theme.Padding()
	}
	return w
}

// MinSize is the icon, and the label unless hidden.
func (f *flatAction) MinSize() fyne.Size {
	f.ExtendBaseWidget(f)
	m := f.BaseWidget.MinSize()
	return fyne.NewSize(f.widthWith(!f.iconOnly), m.Height)
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
	f.text = widget.NewLabel(f.label)
	showIf(f.text, f.label != "" && !f.iconOnly)
	return widget.NewSimpleRenderer(container.NewHBox(widget.NewIcon(f.icon), f.text))
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

// fitRows gives each row of a list the height its wrapped text
// needs: texts[i] is shown in a label width wide, less side(i) if set,
// in the style style(i) if set (bold text is wider). tall remembers which
// rows were given more than one line.
func fitRows(l *widget.List, texts []string, width float32, tall map[int]bool, side func(i int) float32, style func(i int) fyne.TextStyle) {
	if width < 50 {
		return // not laid out yet: wrappedRows fits it when it is
	}
	size := theme.TextSize()
	pad := theme.InnerPadding()
	measured := 0
	for i, t := range texts {
		room := width - 2*pad
		if side != nil {
			room -= side(i)
		}
		var st fyne.TextStyle
		if style != nil {
			st = style(i)
		}
		m := fyne.MeasureText("Average text, for width", size, st)
		line, perChar := m.Height, m.Width/23
		// An estimate from the length, measured when it is close to a
		// line's end (for the first rows; further down, the estimate errs
		// on the tall side): measuring every row would cost as much as
		// drawing a list that is not virtualised.
		lines := 0
		for _, part := range strings.Split(t, "\n") {
			w := float32(utf8.RuneCountInString(part)) * perChar
			if f := w / room; f-float32(int(f)) > 0.8 || f-float32(int(f)) < 0.2 && f > 1 {
				if measured < maxMeasured {
					measured++
					w = fyne.MeasureText(part, size, st).Width * 1.02
				} else {
					w *= 1.25
				}
			}
			if w > room {
				w *= 1.08 // wrapping at word ends loses a little of each line
			}
			lines += int(w/room) + 1
		}
		if lines == 1 && !tall[i] {
			continue // one line: the row's own height is right
		}
		tall[i] = lines > 1
		l.SetItemHeight(i, float32(lines)*line+2*pad+theme.LineSpacing()*float32(lines-1))
	}
}

// maxMeasured is how many texts fitRows measures exactly, at most.
const maxMeasured = 60

// wrappedRows keeps the rows of a list as tall as their wrapped texts, on
// every refresh and whenever the list's width changes, so that no row line
// ever crosses a text.
type wrappedRows struct {
	list     *widget.List
	texts    func() []string
	reserved float32 // the width of a row that is not text (icons, buttons), in text sizes
	// Icons, if set, says how many icons row i shows beside its text.
	Icons func(i int) int
	// Side, if set, is the width row i gives to what is not its text,
	// beyond reserved and its icons (a count that grows).
	Side func(i int) float32
	// Style, if set, is the style row i's text is drawn in.
	Style func(i int) fyne.TextStyle
	tall  map[int]bool
	width float32
	obj   fyne.CanvasObject // place this in the window: it holds the list
}

// newWrappedRows wraps l; shown is what to place in the window (l itself,
// or l in a theme).
func newWrappedRows(l *widget.List, shown fyne.CanvasObject, reserved float32, texts func() []string) *wrappedRows {
	w := &wrappedRows{list: l, texts: texts, reserved: reserved, tall: map[int]bool{}}
	w.obj = container.New(&fitLayout{fit: func(width float32) {
		w.width = width
		w.fit()
	}}, shown)
	return w
}

// fit sets the rows' heights for the texts as they are now.
func (w *wrappedRows) fit() {
	side := func(i int) float32 {
		var px float32
		if w.Icons != nil {
			px += float32(w.Icons(i)) * (theme.IconInlineSize() + theme.Padding())
		}
		if w.Side != nil {
			px += w.Side(i)
		}
		return px
	}
	fitRows(w.list, w.texts(), w.width-w.reserved*theme.TextSize()-2*theme.Padding(), w.tall, side, w.Style)
}

// idSelect is a choice among things the plan holds: it shows their names
// and answers their ids. Filling it again keeps the choice and does not
// call OnPick, which runs only when the user picks.
type idSelect struct {
	Select  *choice // the widget to place in the window
	ids     []string
	filling bool
	OnPick  func(id string)
}

// newIDSelect makes a choice that shows placeholder until something is
// chosen; empty says what to do when there is nothing to choose yet.
func newIDSelect(placeholder, empty string, onPick func(id string)) *idSelect {
	s := &idSelect{OnPick: onPick}
	s.Select = newChoice(nil, func(string) {
		if !s.filling && s.OnPick != nil {
			s.OnPick(s.id())
		}
	})
	s.Select.PlaceHolder = placeholder
	s.Select.OnEmpty = func() {
		if a := appOf(s.Select); a != nil {
			a.setStatus(empty)
		}
	}
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
