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
	c := compactTheme{}
	w := c.Size(theme.SizeNameInlineIcon) + 2*c.Size(theme.SizeNamePadding)
	if f.label != "" && (label || f.keepLabel) {
		w += fyne.MeasureText(f.label, c.Size(theme.SizeNameText), fyne.TextStyle{}).Width + 2*c.Size(theme.SizeNameInnerPadding) + c.Size(theme.SizeNamePadding)
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
	return widget.NewSimpleRenderer(compact(container.NewHBox(widget.NewIcon(f.icon), f.text)))
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

// fitRows gives each row of a compact list the height its wrapped text
// needs: texts[i] is shown in a label as wide as the list less reserved.
// tall remembers which rows were given more than one line.
func fitRows(l *widget.List, texts []string, reserved float32, tall map[int]bool) {
	width := l.Size().Width - reserved
	if width < 100 {
		width = 600
	}
	c := compactTheme{}
	size := c.Size(theme.SizeNameText)
	pad := c.Size(theme.SizeNameInnerPadding)
	m := fyne.MeasureText("Average text, for width", size, fyne.TextStyle{})
	line, perChar := m.Height, m.Width/23
	for i, t := range texts {
		// An estimate from the length: measuring every row would cost as
		// much as drawing a list that is not virtualised.
		lines := 0
		for _, part := range strings.Split(t, "\n") {
			w := float32(utf8.RuneCountInString(part)) * perChar * 1.05
			lines += int(w/(width-2*pad)) + 1
		}
		if lines == 1 && !tall[i] {
			continue // one line: the row's own height is right
		}
		tall[i] = lines > 1
		l.SetItemHeight(i, float32(lines)*line+2*pad+c.Size(theme.SizeNameLineSpacing)*float32(lines-1))
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
