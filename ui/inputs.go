package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands a key pressed without Ctrl or Alt only to the widget that has
// the keyboard. So that Escape (close the dialog on top, leave
// presentation mode), F1 (shortcuts) and F11 (presentation mode) work
// wherever the keyboard is, the app's own inputs below pass those keys to
// their window first.

// apps finds the App that owns a canvas.
var apps sync.Map // fyne.Canvas → *App

func appOf(o fyne.CanvasObject) *App {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return nil
	}
	if a, ok := apps.Load(c); ok {
		return a.(*App)
	}
	return nil
}

// windowKey gives a key to the window of o; it reports whether the window
// used it.
func windowKey(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	a := appOf(o)
	return a != nil && a.windowKey(ev)
}

// redoShortcut is Ctrl+Shift+Z (Cmd+Shift+Z on macOS); Ctrl+Y is Fyne's
// own redo shortcut.
var redoShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// windowShortcut gives the window the shortcuts an input does not use
// itself; it reports whether the window took it.
func windowShortcut(o fyne.CanvasObject, s fyne.Shortcut) bool {
	a := appOf(o)
	if a == nil || s.ShortcutName() != redoShortcut.ShortcutName() {
		return false
	}
	a.redoOrType()
	return true
}

// entry is a text field of the app: Escape, F1 and F11 go to the window.
type entry struct {
	widget.Entry
	enterSubmits bool // a multi-line entry that Enter submits (Shift+Enter: new line)
	// OnDown, if set, runs on ↓ in a one-line entry (a quick-add row goes
	// down to its list); it reports whether it took the key.
	OnDown func() bool
	// OnEmptyRune, if set, gets the characters typed while the entry is
	// empty first (+ and − vote for the highlighted row); it reports
	// whether it took the character, which is then not typed.
	OnEmptyRune func(r rune) bool
	// outer is the widget the window knows when this entry is part of
	// another (a commitEntry): the window finds its keys' owner by it.
	outer fyne.CanvasObject
}

// self is the entry as the window knows it.
func (e *entry) self() fyne.CanvasObject {
	if e.outer != nil {
		return e.outer
	}
	return e
}

func newEntry(placeholder string) *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrapOff
	e.PlaceHolder = placeholder
	return e
}

func newMultiLineEntry(placeholder string) *entry {
	e := newEntry(placeholder)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey lets the window have its keys first.
func (e *entry) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(e.self(), ev) {
		return
	}
	if ev.Name == fyne.KeyDown && !e.MultiLine && e.OnDown != nil && e.OnDown() {
		return
	}
	if e.enterSubmits && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && e.OnSubmitted != nil && !shiftDown() {
		e.OnSubmitted(e.Text)
		return
	}
	e.Entry.TypedKey(ev)
}

// shiftDown reports whether Shift is held.
func shiftDown() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// submitOnEnter makes Enter in a multi-line entry save the form (Shift+Enter
// starts a new line).
func submitOnEnter(e *entry, f *form) {
	e.enterSubmits = true
	e.OnSubmitted = func(string) { f.submit() }
}

// AcceptsTab is false even for a multi-line entry: Tab moves to the next
// field (Shift+Tab back), as in every other field of a form, so what is
// typed next never lands in a description by mistake.
func (e *entry) AcceptsTab() bool { return false }

// TypedRune offers a character typed in the empty entry to OnEmptyRune.
func (e *entry) TypedRune(r rune) {
	if e.Text == "" && e.OnEmptyRune != nil && e.OnEmptyRune(r) {
		return
	}
	e.Entry.TypedRune(r)
}

// TypedShortcut lets the window redo with Ctrl+Shift+Z.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if windowShortcut(e.self(), s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// commitEntry is an entry that saves when the user presses Enter or leaves
// it, rather than on every keystroke, and only when the text changed.
type commitEntry struct {
	entry
	saved    string
	OnCommit func(string)
}

func newCommitEntry(placeholder string, onCommit func(string)) *commitEntry {
	e := &commitEntry{OnCommit: onCommit}
	e.ExtendBaseWidget(e)
	e.outer = e
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

// typing reports whether the entry holds text not saved yet.
func (e *commitEntry) typing() bool { return e.Text != e.saved }

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

// button is a button of the app: Escape, F1 and F11 go to the window.
type button struct {
	widget.Button
}

func newButton(label string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey lets the window have its keys first; Enter presses the button,
// as Space does.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(b, ev) {
		return
	}
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(&fyne.PointEvent{})
		return
	}
	b.Button.TypedKey(ev)
}

// check is a check box of the app: Escape, F1 and F11 go to the window.
type check struct {
	widget.Check
}

func newCheck(label string, changed func(bool)) *check {
	c := &check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey lets the window have its keys first.
func (c *check) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(c, ev) {
		return
	}
	c.Check.TypedKey(ev)
}

// choice is a drop-down of the app. Typing the first letters of an option
// (of any of its words) picks it; ← → step through the options; it never
// opens empty, and says why instead; Escape, F1 and F11 go to the window.
type choice struct {
	widget.Select
	typed   string // the letters typed so far
	OnEmpty func() // tapped or opened with no option: say what to do
}

func newChoice(options []string, changed func(string)) *choice {
	c := &choice{}
	c.Options, c.OnChanged = options, changed
	c.PlaceHolder = lang.L("(Select one)")
	c.ExtendBaseWidget(c)
	return c
}

// Tapped opens the options, unless there are none.
func (c *choice) Tapped(ev *fyne.PointEvent) {
	if len(c.Options) == 0 {
		if c.OnEmpty != nil && !c.Disabled() {
			c.OnEmpty()
		}
		return
	}
	c.Select.Tapped(ev)
}

// TypedKey lets the window have its keys first, and opens the options only
// when there are some.
func (c *choice) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(c, ev) {
		return
	}
	if len(c.Options) == 0 {
		if c.OnEmpty != nil && (ev.Name == fyne.KeySpace || ev.Name == fyne.KeyDown || ev.Name == fyne.KeyUp) {
			c.OnEmpty()
		}
		return
	}
	c.typed = ""
	c.Select.TypedKey(ev)
}

// TypedRune picks the option whose name, or one of whose words, starts
// with the letters typed; typing the same letter again goes on to the next
// such option.
func (c *choice) TypedRune(r rune) {
	if i := typeAhead(c.Options, c.SelectedIndex(), &c.typed, r); i >= 0 && i != c.SelectedIndex() {
		c.SetSelectedIndex(i)
	}
}

// step moves the choice by delta options, wrapping around.
func (c *choice) step(delta int) {
	if n := len(c.Options); n > 0 {
		c.SetSelectedIndex(((c.SelectedIndex()+delta)%n + n) % n)
	}
}

// typeAhead finds the option that the letters typed (typed, then r) name:
// first one that starts with them, then one with a word that does. The
// same letter typed again moves on to the next option with that initial.
// It returns -1 when none matches; typed holds the letters that matched.
func typeAhead(options []string, current int, typed *string, r rune) int {
	next := *typed + string(r)
	if *typed == string(r) { // the same letter again: the next one
		if i := findPrefix(options, string(r), current+1, true); i >= 0 {
			return i
		}
	}
	if i := findPrefix(options, next, 0, false); i >= 0 {
		*typed = next
		return i
	}
	*typed = string(r)
	return findPrefix(options, string(r), current+1, true)
}

// findPrefix finds the first option, from start on and wrapping around,
// that starts with p, or failing that has a word that starts with p; with
// anyWord, the first that does either.
func findPrefix(options []string, p string, start int, anyWord bool) int {
	p = fold(p)
	n := len(options)
	matches := func(o string, words bool) bool {
		if strings.HasPrefix(o, p) {
			return true
		}
		if words {
			for _, w := range strings.FieldsFunc(o, func(r rune) bool { return r == ' ' || r == '-' || r == '(' || r == '\'' }) {
				if strings.HasPrefix(w, p) {
					return true
				}
			}
		}
		return false
	}
	passes := []bool{false, true}
	if anyWord {
		passes = []bool{true}
	}
	for _, words := range passes {
		for k := range n {
			if i := (start + k) % n; matches(fold(options[i]), words) {
				return i
			}
		}
	}
	return -1
}

// fold is s in lower case without accents, for matching what is typed.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		b.WriteRune(unaccent(r))
	}
	return b.String()
}
