package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// stepParts are the pieces of a step screen, for newStepFrame. Only Body
// is required; a step file builds its own pieces and leaves the frame to
// place them:
//
//	┌ Title ? · Chooser ·························· Tools · Notes ┐
//	│ Help (shown the first time the step opens, then behind ?)  │
//	│ Add: the quick-add row                                     │
//	├─────────────────────────────────────────┬────────┬─────────┤
//	│ Body: the list, table or quadrants,     │ Detail │ Notes   │
//	│ which gets every row the window has     │        │ drawer  │
//	└─────────────────────────────────────────┴────────┴─────────┘
//
// The notes drawer opens beside the body, never above or below it, so
// opening it takes no row away; the keyboard goes Chooser, Add, Body,
// Detail, Notes with Tab.
type stepParts struct {
	Key     string            // the step's key: its notes and its help are kept under it
	Title   string            // untranslated
	Help    string            // untranslated help: what to type, which keys act
	Chooser fyne.CanvasObject // what the step is about (a priority, the voter…), beside the title
	Add     fyne.CanvasObject // the quick-add row under the title
	Body    fyne.CanvasObject // the list, table or quadrants
	Detail  fyne.CanvasObject // an always-visible pane at the right: the selected item whole, a matrix…
	Wide    bool              // the detail pane needs more width (a matrix, a grid)
	Tools   []tool            // compact actions, at the right of the title row
	NoNotes bool              // the screen keeps no notes
}

// tool is one action of a step's toolbar. The mouse taps it; Tab skips it,
// since the step's keys reach the same action from the list or table.
type tool struct {
	icon  fyne.Resource
	label string // untranslated
	run   func()
}

// msg marks a text that is translated where it is shown (with lang.L),
// so that the translation test finds it.
func msg(s string) string { return s }

// stepFrame is a step screen laid out from its stepParts.
type stepFrame struct {
	a        *App
	parts    stepParts
	obj      fyne.CanvasObject
	help     *fyne.Container
	helpBtn  *flatAction
	notes    *notesPanel
	notesBtn *flatAction
	drawer   fyne.CanvasObject
}

// Preferences the frame keeps.
const (
	prefNotesOpen = "notes-open" // the notes drawer is open (on every step)
	prefHelpSeen  = "help-seen-" // + step key: its help was shown once
	detailUnits   = float32(21)  // the detail pane's width, in text sizes
	wideUnits     = float32(27)  // a wide detail pane
	notesUnits    = float32(20)  // the notes drawer's width
	helpMaxLines  = 3            // help longer than this scrolls
	stepTitleSize = theme.SizeNameSubHeadingText
)

// newStepFrame lays out a step screen.
func newStepFrame(a *App, p stepParts) *stepFrame {
	f := &stepFrame{a: a, parts: p}
	title := widget.NewLabelWithStyle(lang.L(p.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = stepTitleSize
	left := container.NewHBox(title)
	if p.Help != "" {
		text := widget.NewLabel(lang.L(p.Help))
		text.Wrapping = fyne.TextWrapWord
		text.TextStyle = fyne.TextStyle{Italic: true}
		hide := newTapIcon(theme.CancelIcon(), func() { f.showHelp(false) })
		f.help = container.NewBorder(nil, nil, nil, container.NewVBox(hide), text)
		f.helpBtn = newFlatAction(theme.QuestionIcon(), "", func() { f.showHelp(!f.help.Visible()) })
		left.Add(f.helpBtn)
		seen := a.fy.Preferences().Bool(prefHelpSeen + p.Key)
		a.fy.Preferences().SetBool(prefHelpSeen+p.Key, true)
		showIf(f.help, !seen)
	}
	var tools []fyne.CanvasObject
	for _, t := range p.Tools {
		tools = append(tools, newFlatAction(t.icon, lang.L(t.label), t.run))
	}
	if !p.NoNotes {
		f.notes = newNotesPanel(a, p.Key)
		f.notesBtn = newFlatAction(theme.DocumentIcon(), lang.L("Notes"), f.toggleNotes)
		f.notesBtn.keepLabel = true
		tools = append(tools, f.notesBtn)
		f.drawer = f.notes.obj
		showIf(f.drawer, a.fy.Preferences().Bool(prefNotesOpen))
	}
	var chooser fyne.CanvasObject = layout.NewSpacer()
	if p.Chooser != nil {
		chooser = p.Chooser
	}
	toolbar := container.New(&toolbarLayout{}, tools...)
	row := container.New(&titleRowLayout{toolbar: toolbar}, left, chooser, toolbar)
	top := container.NewVBox(row)
	if f.help != nil {
		top.Add(f.help)
	}
	if p.Add != nil {
		top.Add(p.Add)
	}
	// The body, then the detail pane and the notes drawer at its right.
	objs, widths := []fyne.CanvasObject{p.Body}, []float32{0}
	if p.Detail != nil {
		units := detailUnits
		if p.Wide {
			units = wideUnits
		}
		objs, widths = append(objs, p.Detail), append(widths, units)
	}
	if f.drawer != nil {
		objs, widths = append(objs, f.drawer), append(widths, notesUnits)
	}
	// ↓ in the quick-add row goes down to the list or table, in every step.
	if e := firstEntry(p.Add); e != nil && e.OnDown == nil {
		e.OnDown = func() bool {
			if to := firstFocusable(p.Body); to != nil {
				a.win.Canvas().Focus(to)
				return true
			}
			return false
		}
	}
	body := container.New(&bodyLayout{units: widths}, objs...)
	f.obj = container.New(newBorder(top, nil), top, body)
	return f
}

// firstEntry is the first one-line entry in o, nil if none.
func firstEntry(o fyne.CanvasObject) *entry {
	switch w := o.(type) {
	case *entry:
		if !w.MultiLine {
			return w
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			if e := firstEntry(c); e != nil {
				return e
			}
		}
	}
	return nil
}

// firstFocusable is the first visible object in o that takes the
// keyboard, looking through containers.
func firstFocusable(o fyne.CanvasObject) fyne.Focusable {
	if o == nil || !o.Visible() {
		return nil
	}
	if f, ok := o.(fyne.Focusable); ok {
		return f
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			if f := firstFocusable(x); f != nil {
				return f
			}
		}
	}
	return nil
}

// object is the step screen.
func (f *stepFrame) object() fyne.CanvasObject { return f.obj }

// refresh re-reads the step's notes.
func (f *stepFrame) refresh() {
	if f.notes == nil {
		return
	}
	f.syncDrawer()
	f.notes.refresh()
	label := lang.L("Notes")
	if f.notes.entry.Text != "" {
		label += " •" // there are notes: worth opening
	}
	if f.notesBtn.label != label {
		f.notesBtn.setLabel(label)
	}
}

func (f *stepFrame) showHelp(on bool) {
	if f.help == nil {
		return
	}
	showIf(f.help, on)
	f.obj.Refresh()
}

// toggleNotes opens or closes the notes drawer, on every step.
func (f *stepFrame) toggleNotes() {
	open := !f.drawer.Visible()
	f.a.fy.Preferences().SetBool(prefNotesOpen, open)
	showIf(f.drawer, open)
	f.obj.Refresh()
	if open {
		f.a.win.Canvas().Focus(f.notes.entry)
	}
}

// syncDrawer shows the drawer as the preference says: another step may
// have opened or closed it.
func (f *stepFrame) syncDrawer() {
	if f.drawer != nil && f.drawer.Visible() != f.a.fy.Preferences().Bool(prefNotesOpen) {
		showIf(f.drawer, !f.drawer.Visible())
		f.obj.Refresh()
	}
}

// titleRowLayout lays out a step's title row: the title at the left, the
// chooser in the middle with the room it needs, and the toolbar at the
// right with its labels if what is left has room for them, else with its
// icons alone; the chooser takes what remains.
type titleRowLayout struct{ toolbar *fyne.Container }

func (l *titleRowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for _, o := range objects {
		m := o.MinSize()
		w += m.Width + theme.Padding()
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (l *titleRowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	left, chooser, tools := objects[0], objects[1], objects[2]
	pad := theme.Padding()
	lw := left.MinSize().Width
	tw := toolbarLayout{}.width(l.toolbar.Objects, true)
	if size.Width-lw-chooser.MinSize().Width-2*pad < tw {
		tw = tools.MinSize().Width
	}
	place := func(o fyne.CanvasObject, x, w float32) {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
	place(left, 0, lw)
	place(tools, size.Width-tw, tw)
	place(chooser, lw+pad, max(size.Width-tw-lw-2*pad, 0))
}

// toolbarLayout places flatActions side by side with their labels when the
// row has room for them, with their icons alone when it has not: the
// toolbar never makes the window wider.
type toolbarLayout struct{}

func (toolbarLayout) width(objects []fyne.CanvasObject, labels bool) float32 {
	w := float32(0)
	for _, o := range objects {
		if f, ok := o.(*flatAction); ok {
			w += f.widthWith(labels)
		} else {
			w += o.MinSize().Width
		}
	}
	return w
}

func (l toolbarLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width(objects, false), h)
}

func (l toolbarLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	labels := l.width(objects, true) <= size.Width
	x := size.Width - l.width(objects, labels)
	for _, o := range objects {
		w := o.MinSize().Width
		if f, ok := o.(*flatAction); ok {
			f.showLabel(labels)
			w = f.widthWith(labels)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// bodyLayout places a step's body and, at its right, its side panes (the
// detail pane, the notes drawer), each as wide as its units of text size
// but never more than a third of the width: the body keeps most of it at
// any size of text.
type bodyLayout struct{ units []float32 } // units[0] is the body's: unused

func (l *bodyLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := objects[0].MinSize()
	for _, o := range objects[1:] {
		if o.Visible() {
			m := o.MinSize()
			s = fyne.NewSize(s.Width+theme.Padding()+min(m.Width, 8*theme.TextSize()), max(s.Height, m.Height))
		}
	}
	return s
}

func (l *bodyLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := size.Width
	for i := len(objects) - 1; i >= 1; i-- {
		o := objects[i]
		if !o.Visible() {
			continue
		}
		w := min(l.units[i]*theme.TextSize(), size.Width/3)
		x -= w
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x -= theme.Padding()
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(max(x, 0), size.Height))
}

// unitsLayout gives its objects a width in text sizes (so that it follows
// View ▸ Larger / Smaller) and the height they need.
type unitsLayout struct{ units float32 }

func (l unitsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.units*theme.TextSize(), h)
}

func (l unitsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fixedUnits shows o as wide as units text sizes.
func fixedUnits(units float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(unitsLayout{units}, o)
}

// detailPane shows the item selected in a step whole: its title, then its
// fields, each wrapped to the pane's width. It scrolls when it is longer
// than the window.
type detailPane struct {
	box   *fyne.Container
	obj   fyne.CanvasObject
	extra []fyne.CanvasObject
	empty string
}

// newDetailPane makes a detail pane that says empty when nothing is
// selected; extra objects stay at its end (a matrix, a summary…).
func newDetailPane(empty string, extra ...fyne.CanvasObject) *detailPane {
	d := &detailPane{box: container.NewVBox(), empty: empty, extra: extra}
	d.obj = container.NewVScroll(container.New(scrollRoom{}, d.box))
	d.show("")
	return d
}

// scrollRoom keeps its content clear of a vertical scroll bar: the bar is
// drawn over the content's right edge, where it would hide the end of a
// right-aligned text ("Effort →").
type scrollRoom struct{}

func (scrollRoom) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize().AddWidthHeight(theme.ScrollBarSize(), 0)
}

func (scrollRoom) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(max(size.Width-theme.ScrollBarSize(), 0), size.Height))
}

// show shows a title and fields (name, value pairs; a field without a value
// is left out).
func (d *detailPane) show(title string, fields ...[2]string) {
	objs := []fyne.CanvasObject{}
	if title == "" {
		l := widget.NewLabelWithStyle(d.empty, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	} else {
		l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
		for _, f := range fields {
			if f[1] == "" {
				continue
			}
			v := widget.NewLabel(f[1])
			v.Wrapping = fyne.TextWrapWord
			name := widget.NewLabelWithStyle(f[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.SizeName = theme.SizeNameCaptionText
			objs = append(objs, container.NewVBox(name, v))
		}
	}
	d.box.Objects = append(objs, d.extra...)
	d.box.Refresh()
}

// field is one labelled input of a narrow pane: its label above it and,
// under it, a line that holds its hint, or what is wrong with what was
// typed (so that a message never moves what is below it). The input
// validated is w, or check when w holds it with other things.
func field(label string, w fyne.CanvasObject, hint string, check ...fyne.Validatable) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs := []fyne.CanvasObject{name, w}
	v, ok := w.(fyne.Validatable)
	if len(check) > 0 {
		v, ok = check[0], true
	}
	if ok || hint != "" {
		note := widget.NewLabel(hint)
		note.Wrapping = fyne.TextWrapWord
		note.SizeName = theme.SizeNameCaptionText
		if ok {
			v.SetOnValidationChanged(func(err error) {
				if err != nil {
					note.Importance = widget.DangerImportance
					note.SetText(err.Error())
					return
				}
				note.Importance = widget.MediumImportance
				note.SetText(hint)
			})
		}
		objs = append(objs, note)
	}
	return container.NewVBox(objs...)
}
