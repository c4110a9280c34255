package ui

import (
	"fmt"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// command is one item of the main menu, with its shortcut.
type command struct {
	key   string        // names it for the shortcuts list and the tests
	label string        // untranslated
	sc    fyne.Shortcut // nil: none
	run   func()
	plan  bool // needs an open plan
}

// shortcut is Ctrl+k (Cmd+k on macOS), plus mods.
func shortcut(k fyne.KeyName, mods ...fyne.KeyModifier) fyne.Shortcut {
	m := fyne.KeyModifierShortcutDefault
	for _, x := range mods {
		m |= x
	}
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

// bare is a key pressed alone, such as F1: Fyne's menus show it, and the
// window's key handler acts on it.
func bare(k fyne.KeyName) fyne.Shortcut { return &desktop.CustomShortcut{KeyName: k} }

// buildMenu is the main menu. Its shortcuts work even while a text field
// has the keyboard: Fyne looks at the menu first. While a dialog is open
// they do nothing: keys then belong to the dialog.
func (a *App) buildMenu() *fyne.MainMenu {
	a.menuItems = map[string]*fyne.MenuItem{}
	menu := func(title string, cmds ...command) *fyne.Menu {
		var items []*fyne.MenuItem
		for _, c := range cmds {
			if c.key == "" {
				items = append(items, fyne.NewMenuItemSeparator())
				continue
			}
			it := fyne.NewMenuItem(lang.L(c.label), a.guard(c))
			it.Shortcut = c.sc
			a.menuItems[c.key] = it
			items = append(items, it)
		}
		return fyne.NewMenu(lang.L(title), items...)
	}
	sep := command{}
	file := menu(msg("File"),
		command{key: "new", label: msg("Empty plan…"), sc: shortcut(fyne.KeyN), run: a.newPlanDialog},
		command{key: "fromBundle", label: msg("From a bundle you were sent…"), run: a.startFromBundle},
		command{key: "open", label: msg("Open plan…"), sc: shortcut(fyne.KeyO), run: a.openDialog},
		command{key: "example", label: msg("Open the example plan"), run: a.openExample},
		sep,
		command{key: "setup", label: msg("Plan set-up: regions, objectives, budget…"), run: func() { a.showStep(pageIndex("plan")) }, plan: true},
		sep,
		command{key: "export", label: msg("Export bundle…"), sc: shortcut(fyne.KeyE), run: a.exportBundle, plan: true},
		command{key: "exportPDF", label: msg("Export PDF report…"), sc: shortcut(fyne.KeyP), run: a.exportReport, plan: true},
		command{key: "exportXLSX", label: msg("Export spreadsheet…"), run: a.exportSpreadsheet, plan: true},
		command{key: "import", label: msg("Import bundles…"), sc: shortcut(fyne.KeyI), run: func() { a.importBundles() }, plan: true},
		command{key: "keys", label: msg("Trusted keys and this laptop…"), run: a.showKeys, plan: true},
		sep,
		command{key: "quit", label: msg("Quit"), sc: shortcut(fyne.KeyQ), run: a.quit},
	)
	file.Items[len(file.Items)-1].IsQuit = true
	// File ▸ New holds the two ways to start a plan: empty, or the plan
	// someone sent.
	newItem := fyne.NewMenuItem(lang.L("New"), nil)
	newItem.ChildMenu = fyne.NewMenu("", file.Items[0], file.Items[1])
	file.Items = append([]*fyne.MenuItem{newItem}, file.Items[2:]...)
	edit := menu(msg("Edit"),
		command{key: "undo", label: msg("Undo"), sc: &fyne.ShortcutUndo{}, run: a.undoOrType, plan: true},
		command{key: "redo", label: msg("Redo"), sc: &fyne.ShortcutRedo{}, run: a.redoOrType, plan: true},
		sep,
		command{key: "nextVoter", label: msg("Next voter"), sc: &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}, run: func() { a.stepVoter(+1) }, plan: true},
		command{key: "prevVoter", label: msg("Previous voter"), sc: &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}, run: func() { a.stepVoter(-1) }, plan: true},
	)
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9, fyne.Key0}
	var stepCmds []command
	for i, st := range steps {
		stepCmds = append(stepCmds, command{key: fmt.Sprintf("step%d", i+1), label: st.name, sc: shortcut(keys[i]), run: func() { a.showStep(i) }, plan: true})
	}
	stepCmds = append(stepCmds, sep,
		command{key: "next", label: msg("Next step"), sc: shortcut(fyne.KeyPageDown), run: func() { a.showNext(+1) }, plan: true},
		command{key: "prev", label: msg("Previous step"), sc: shortcut(fyne.KeyPageUp), run: func() { a.showNext(-1) }, plan: true},
		sep,
		command{key: "consolidation", label: msg("Consolidation"), run: func() { a.showStep(pageIndex("consolidation")) }, plan: true},
		command{key: "conflicts", label: msg("Conflicts"), run: func() { a.showStep(pageIndex("conflicts")) }, plan: true})
	stepsMenu := menu(msg("Steps"), stepCmds...)
	for i := range steps { // numbered, as in the sidebar
		stepsMenu.Items[i].Label = fmt.Sprintf("%d  %s", i+1, steps[i].title())
	}
	view := menu(msg("View"),
		command{key: "present", label: msg("Presentation mode"), sc: bare(fyne.KeyF11), run: a.togglePresentation, plan: true},
		command{key: "projector", label: msg("Projector window"), run: a.openProjectorWindow, plan: true},
		command{key: "timer", label: msg("Timer…"), sc: shortcut(fyne.KeyT), run: a.timer.dialog, plan: true},
		sep,
		command{key: "larger", label: msg("Larger"), sc: shortcut(fyne.KeyEqual), run: func() { a.zoom(+zoomStep) }},
		command{key: "smaller", label: msg("Smaller"), sc: shortcut(fyne.KeyMinus), run: func() { a.zoom(-zoomStep) }},
		command{key: "normal", label: msg("Normal size"), sc: shortcut(fyne.Key0, fyne.KeyModifierShift), run: func() { a.zoom(0) }},
		sep,
		command{key: appearanceSystem, label: msg("Follow the system (light or dark)"), run: func() { a.setAppearance(appearanceSystem) }},
		command{key: appearanceLight, label: msg("Light"), run: func() { a.setAppearance(appearanceLight) }},
		command{key: appearanceDark, label: msg("Dark"), run: func() { a.setAppearance(appearanceDark) }},
		command{key: appearanceContrast, label: msg("High contrast, for projectors"), run: func() { a.setAppearance(appearanceContrast) }},
	)
	help := menu(msg("Help"), command{key: "shortcuts", label: msg("Keyboard shortcuts"), sc: bare(fyne.KeyF1), run: a.showShortcuts},
		command{key: "about", label: msg("About stratplan"), run: a.showAbout})
	a.menu = fyne.NewMainMenu(file, edit, stepsMenu, view, help)
	a.updateMenu()
	return a.menu
}

// guard runs a menu command unless a dialog is open: keys then belong to
// the dialog (Ctrl+Z and Ctrl+Y still undo typing in its field).
func (a *App) guard(c command) func() {
	return func() {
		if a.dialogOpen() {
			if f, ok := a.win.Canvas().Focused().(fyne.Shortcutable); ok && (c.key == "undo" || c.key == "redo") {
				if c.key == "undo" {
					f.TypedShortcut(&fyne.ShortcutUndo{})
				} else {
					f.TypedShortcut(&fyne.ShortcutRedo{})
				}
			}
			return
		}
		if c.plan && a.plan == nil {
			return
		}
		c.run()
	}
}

// updateMenu names in the Edit menu what Undo and Redo will do, and checks
// the appearance in use.
func (a *App) updateMenu() {
	if a.menuItems == nil {
		return
	}
	undo, redo := a.menuItems["undo"], a.menuItems["redo"]
	undo.Label, redo.Label = lang.L("Undo"), lang.L("Redo")
	undo.Disabled, redo.Disabled = len(a.hist.undo) == 0, len(a.hist.redo) == 0
	if n := len(a.hist.undo); n > 0 {
		undo.Label = lang.L("Undo: {{.What}}", map[string]any{"What": a.hist.undo[n-1].label})
	}
	if n := len(a.hist.redo); n > 0 {
		redo.Label = lang.L("Redo: {{.What}}", map[string]any{"What": a.hist.redo[n-1].label})
	}
	for _, k := range []string{appearanceSystem, appearanceLight, appearanceDark, appearanceContrast} {
		a.menuItems[k].Checked = a.appearance() == k
	}
	if a.menu != nil {
		a.menu.Refresh()
	}
	if a.undo != nil {
		showIf(a.undo, len(a.hist.undo) > 0)
	}
}

// addShortcuts registers the menu's shortcuts on the canvas as well, for
// drivers without a main menu, and Ctrl+Shift+Z for redo.
func (a *App) addShortcuts() {
	for _, it := range a.menuItems {
		if it.Shortcut == nil {
			continue
		}
		if cs, ok := it.Shortcut.(*desktop.CustomShortcut); ok && cs.Modifier == 0 {
			continue // a key alone: windowKey has it
		}
		fn := it.Action
		a.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { fn() })
	}
	redo := a.menuItems["redo"].Action
	a.win.Canvas().AddShortcut(redoShortcut, func(fyne.Shortcut) { redo() })
}

// windowKey acts on the keys that work wherever the keyboard is: Escape
// closes the dialog on top or leaves presentation mode, F1 lists the
// shortcuts, F11 starts or ends presentation mode. In presentation mode,
// Page Down and Page Up (what a presenter's remote sends) and the arrows
// change the step. It reports whether it used the key.
func (a *App) windowKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyEscape:
		if a.closeTopDialog() {
			return true
		}
		if a.present != nil && !a.present.separate {
			a.stopPresenting()
			return true
		}
		return false
	case fyne.KeyReturn, fyne.KeyEnter:
		if a.enter() {
			return true
		}
	}
	if a.dialogOpen() {
		return false
	}
	switch ev.Name {
	case fyne.KeyF1:
		a.showShortcuts()
		return true
	case fyne.KeyF11:
		if a.plan != nil {
			a.togglePresentation()
		}
		return true
	}
	if a.present != nil && !a.present.separate && a.win.Canvas().Focused() == nil {
		switch ev.Name {
		case fyne.KeyPageDown, fyne.KeyRight, fyne.KeyDown, fyne.KeySpace:
			a.showStep(min(a.current+1, len(steps)-1))
			return true
		case fyne.KeyPageUp, fyne.KeyLeft, fyne.KeyUp:
			a.showStep(max(a.current-1, 0))
			return true
		}
	}
	return false
}

// shortcutText writes a shortcut as the keyboard shows it.
func shortcutText(s fyne.Shortcut) string {
	ctrl := "Ctrl"
	if runtime.GOOS == "darwin" {
		ctrl = "Cmd"
	}
	switch s.(type) {
	case *fyne.ShortcutUndo:
		return ctrl + "+Z"
	case *fyne.ShortcutRedo:
		return ctrl + "+Y, " + ctrl + "+Shift+Z"
	}
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	if cs.Modifier&fyne.KeyModifierShortcutDefault != 0 {
		parts = append(parts, ctrl)
	}
	if cs.Modifier&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if cs.Modifier&fyne.KeyModifierShift != 0 {
		parts = append(parts, lang.L("Shift"))
	}
	return strings.Join(append(parts, keyText(cs.KeyName)), "+")
}

func keyText(k fyne.KeyName) string {
	switch k {
	case fyne.KeyEqual:
		return "="
	case fyne.KeyMinus:
		return "−"
	case fyne.KeyUp:
		return "↑"
	case fyne.KeyDown:
		return "↓"
	case fyne.KeyPageDown:
		return lang.L("Page Down")
	case fyne.KeyPageUp:
		return lang.L("Page Up")
	}
	return string(k)
}

// stepKeys are the keys each step understands, for the shortcuts list:
// the keys, then what they do (untranslated).
var stepKeys = [][2]string{
	{msg("Tab, Shift+Tab"), msg("Move between fields, lists and tables")},
	{msg("Enter"), msg("Add what you typed; in a list or table, open the selected row")},
	{msg("↑ ↓, Page Up, Page Down"), msg("Choose a row: the keys below act on the row highlighted")},
	{"↓", msg("In a row that adds items: go down to the list or table below it")},
	{"← →", msg("In a table: choose the column that digits set")},
	{msg("Delete, Backspace"), msg("Remove the selected row (Ctrl+Z brings it back)")},
	{msg("Escape"), msg("Close the dialog; leave presentation mode")},
	{"1 2 3 4", msg("SWOT: move the item to Strengths, Weaknesses, Opportunities, Threats")},
	{"1 … 5", msg("Scan: impact, or likelihood in its column; Priorities: impact, or effort in its column")},
	{"P E S T L V", msg("Scan: category political, economic, social, technological, legal, environmental")},
	{"+ −", msg("Vision, Priorities: give or take back a dot for the voter")},
	{"A", msg("Vision: adopt the statement")},
	{"T", msg("Priorities: trace the priority back to the scan and on to its indicators")},
	{"R", msg("Priorities: put the rows in rank order (while you vote or score in the table they stay in place; leaving the table also re-ranks)")},
	{"a b c…", msg("In a drop-down: choose by the first letters of a name")},
	{msg("Page Down, Page Up"), msg("Presentation mode: next or previous step (a presenter's remote)")},
}

// showShortcuts lists every shortcut: the menu's, then the steps' keys.
func (a *App) showShortcuts() {
	form := widget.NewForm()
	for _, m := range a.menu.Items {
		// Each item named by its path in the menu, as the menu shows it:
		// "File ▸ New ▸ Empty plan…".
		var items []*fyne.MenuItem
		paths := map[*fyne.MenuItem]string{}
		for _, it := range m.Items {
			items = append(items, it)
			paths[it] = m.Label
			if it.ChildMenu != nil {
				for _, sub := range it.ChildMenu.Items {
					items = append(items, sub)
					paths[sub] = m.Label + " ▸ " + it.Label
				}
			}
		}
		for _, it := range items {
			if it.Shortcut == nil {
				continue
			}
			label := strings.TrimSpace(strings.TrimLeft(it.Label, "0123456789"))
			if strings.HasPrefix(label, lang.L("Undo")) {
				label = lang.L("Undo")
			} else if strings.HasPrefix(label, lang.L("Redo")) {
				label = lang.L("Redo")
			}
			form.Append(shortcutText(it.Shortcut), widget.NewLabel(paths[it]+" ▸ "+label))
		}
	}
	for _, k := range stepKeys {
		l := widget.NewLabel(lang.L(k[1]))
		l.Wrapping = fyne.TextWrapWord
		form.Append(lang.L(k[0]), l)
	}
	scroll := container.NewVScroll(container.New(scrollRoom{}, form))
	scroll.SetMinSize(fyne.NewSize(0, 420))
	a.showInfo(lang.L("Keyboard shortcuts"), scroll, fyne.NewSize(760, 540))
}
