package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// modal is a dialog of the window. The window keeps its open dialogs in a
// stack: Escape closes the one on top as its Cancel or Close button would,
// and the window's shortcuts wait while one is open. While a dialog is
// open, keys go to it, never to the step behind it; when it closes, the
// keyboard returns to where it was.
type modal struct {
	a         *App
	d         *dialog.CustomDialog
	onDismiss func() // closed without confirming: Escape, Cancel or Close
	onClosed  func() // closed, whatever the way
	before    fyne.Focusable
	main      *button // what Enter presses: the confirming button, or the only one
	confirmed bool
	open      bool
}

// newModal prepares a dialog; give it buttons, then show it.
func (a *App) newModal(title string, content fyne.CanvasObject) *modal {
	m := &modal{a: a}
	m.d = dialog.NewCustomWithoutButtons(title, content, a.win)
	m.d.SetOnClosed(func() {
		m.open = false
		a.popModal(m)
		if !m.confirmed && m.onDismiss != nil {
			m.onDismiss()
		}
		if m.onClosed != nil {
			m.onClosed()
		}
		if m.before != nil && len(a.modals) == 0 && a.win.Canvas().Focused() == nil {
			if o, ok := m.before.(fyne.CanvasObject); ok && o.Visible() && fyne.CurrentApp().Driver().CanvasForObject(o) == a.win.Canvas() {
				a.win.Canvas().Focus(m.before)
			}
		}
	})
	return m
}

// setButtons places the dialog's buttons, the confirming one last. Enter
// presses the confirming one (of high importance), or the only button.
func (m *modal) setButtons(bs ...*button) {
	objs := make([]fyne.CanvasObject, len(bs))
	m.main = nil
	for i, b := range bs {
		objs[i] = b
		if b.Importance == widget.HighImportance {
			m.main = b
		}
	}
	if m.main == nil && len(bs) == 1 {
		m.main = bs[0]
	}
	m.d.SetButtons(objs)
}

// enter presses the main button of the dialog on top, unless the keyboard
// is in a field or on a button that takes Enter itself; it reports whether
// it did.
func (a *App) enter() bool {
	n := len(a.modals)
	if n == 0 {
		return false
	}
	m := a.modals[n-1]
	if m.main == nil || m.main.Disabled() || !m.main.Visible() {
		return false
	}
	switch f := a.win.Canvas().Focused().(type) {
	case nil:
	case *entry:
		if f.MultiLine || f.OnSubmitted != nil {
			return false
		}
	case *commitEntry:
		if f.MultiLine || f.OnSubmitted != nil {
			return false
		}
	case *check:
	default:
		return false
	}
	m.main.Tapped(&fyne.PointEvent{})
	return true
}

// show opens the dialog at the given size (its own minimum where zero).
func (m *modal) show(size fyne.Size) {
	c := m.a.win.Canvas()
	m.before = c.Focused()
	c.Unfocus()
	if size.Width > 0 {
		size.Height = max(size.Height, m.d.MinSize().Height)
		m.d.Resize(size)
	}
	m.open = true
	m.a.modals = append(m.a.modals, m)
	m.d.Show()
}

// confirm closes the dialog as done: onDismiss does not run.
func (m *modal) confirm() {
	m.confirmed = true
	m.d.Hide()
}

// dismiss closes the dialog as cancelled.
func (m *modal) dismiss() { m.d.Hide() }

func (a *App) popModal(m *modal) {
	for i, x := range a.modals {
		if x == m {
			a.modals = append(a.modals[:i], a.modals[i+1:]...)
			return
		}
	}
}

// dialogOpen reports whether a dialog or pop-up covers the window.
func (a *App) dialogOpen() bool {
	return len(a.modals) > 0 || len(a.win.Canvas().Overlays().List()) > 0
}

// closeTopDialog closes the dialog on top, as cancelled; it reports
// whether there was one.
func (a *App) closeTopDialog() bool {
	if n := len(a.modals); n > 0 {
		a.modals[n-1].dismiss()
		return true
	}
	// Fyne's own dialogs (choosing a file) and pop-ups; not the progress of
	// work under way.
	if top := a.win.Canvas().Overlays().Top(); top != nil && a.working == 0 {
		top.Hide()
		a.win.Canvas().Overlays().Remove(top)
		return true
	}
	return false
}

// showInfo shows content with a Close button.
func (a *App) showInfo(title string, content fyne.CanvasObject, size fyne.Size) *modal {
	m := a.newModal(title, content)
	m.setButtons(newButton(lang.L("Close"), nil, m.dismiss))
	m.show(size)
	return m
}

// showConfirm shows content with a dismiss button and a confirming one that
// runs onConfirm.
func (a *App) showConfirm(title, confirm, dismiss string, content fyne.CanvasObject, onConfirm func(), size fyne.Size) *modal {
	m := a.newModal(title, content)
	ok := newButton(confirm, theme.ConfirmIcon(), func() {
		m.confirm()
		onConfirm()
	})
	ok.Importance = widget.HighImportance
	m.setButtons(newButton(dismiss, theme.CancelIcon(), m.dismiss), ok)
	m.show(size)
	return m
}

// form is a dialog of form fields with Save and Cancel. Save is offered only
// while every field is valid; Enter in a one-line field saves.
type form struct {
	*modal
	f    *widget.Form
	save *button
	onOK func()
}

// showForm shows the fields; onSave runs when the user saves with every
// field valid. Give the validated fields a hint text: the form shows
// validation messages in its place, so nothing moves under the mouse.
func (a *App) showForm(title, confirm string, items []*widget.FormItem, onSave func(), size fyne.Size) *form {
	f := &form{f: widget.NewForm(items...), onOK: onSave}
	f.modal = a.newModal(title, f.f)
	f.save = newButton(confirm, theme.ConfirmIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.f.SetOnValidationChanged(func(err error) {
		if err != nil {
			f.save.Disable()
		} else {
			f.save.Enable()
		}
	})
	f.setButtons(newButton(lang.L("Cancel"), theme.CancelIcon(), f.dismiss), f.save)
	for _, it := range items {
		if e, ok := it.Widget.(*entry); ok && !e.MultiLine {
			e.OnSubmitted = func(string) { f.submit() }
		}
	}
	f.show(size)
	return f
}

// submit saves when every field is valid.
func (f *form) submit() {
	if err := f.f.Validate(); err != nil {
		return
	}
	f.confirm()
	f.onOK()
}

// showError shows an error as it is written: messages that start with a
// file name keep its letter case.
func (a *App) showError(err error) {
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	// Wrapped at the dialog's width, the message makes the dialog as tall
	// as its text and no taller.
	msg.Resize(fyne.NewSize(440, 0))
	msg.Resize(fyne.NewSize(440, msg.MinSize().Height))
	content := container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, msg)
	a.showInfo(lang.L("Error"), content, fyne.NewSize(520, 0))
}

// showFileDialog opens one of Fyne's file dialogs with the keyboard taken
// from the step behind it, so that Escape closes it.
func (a *App) showFileDialog(d interface{ Show() }) {
	a.win.Canvas().Unfocus()
	d.Show()
}

// showAbout names the app, its version, the licence of the fonts its PDF
// reports embed, and the folder where it keeps plans, keys and settings.
func (a *App) showAbout() {
	version := a.cfg.Version
	if version == "" {
		version = "?"
	}
	folder := filepath.Dir(a.cfg.DefaultPath)
	lines := []string{
		lang.L("stratplan {{.Version}}: strategic planning workshops, offline.", map[string]any{"Version": version}),
		lang.L("PDF reports use the DejaVu fonts (Bitstream Vera licence, free to use and share)."),
		labelled(lang.L("Plans, keys and settings are kept in"), folder),
	}
	text := widget.NewLabel(strings.Join(lines, "\n\n"))
	text.Wrapping = fyne.TextWrapWord
	text.Resize(fyne.NewSize(480, 0))
	text.Resize(fyne.NewSize(480, text.MinSize().Height))
	a.showInfo(lang.L("About stratplan"), text, fyne.NewSize(540, 0))
}
