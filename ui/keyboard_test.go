package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// pressEscape presses Escape as a user does: the key goes to what has the
// keyboard, or to the window when nothing has.
func pressEscape(a *App) { pressKey(a, fyne.KeyEscape) }

func pressKey(a *App, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := a.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	a.win.Canvas().OnTypedKey()(ev)
}

func overlays(a *App) int { return len(a.win.Canvas().Overlays().List()) }

func TestEscapeClosesEveryDialog(t *testing.T) {
	a := newExampleApp(t)
	open := map[string]func(){
		"export":         a.exportBundle,
		"import":         func() { a.importBundles() },
		"new plan":       a.newPlanDialog,
		"open plan":      a.openDialog,
		"keys":           a.showKeys,
		"trust a key":    func() { a.trustKeyDialog(func() {}) },
		"timer":          a.timer.dialog,
		"shortcuts":      a.showShortcuts,
		"error":          func() { a.showError(errors.New("p.stratplan: something went wrong")) },
		"trace":          func() { a.showTrace(stepOf[*prioritiesStep](t, a, 5).ranked[0].E.ID) },
		"edit SWOT item": func() { swotOf(t, a).quads[0].editDialog(0) },
		"edit factor":    func() { stepOf[*scanStep](t, a, 3).edit(0) },
		"edit vision":    func() { stepOf[*visionStep](t, a, 2).edit(0) },
		"edit priority":  func() { stepOf[*prioritiesStep](t, a, 5).edit(0) },
		"edit objective": func() { stepOf[*setupView](t, a, pageIndex("plan")).editObjective(0) },
		"rename region":  func() { stepOf[*setupView](t, a, pageIndex("plan")).editRegion(0) },
		"matrix row":     func() { stepOf[*consolidationView](t, a, pageIndex("consolidation")).showRow(1) },
		"edit action":    func() { stepOf[*actionsStep](t, a, 6).editAction(0) },
		"edit deliverable": func() {
			s := stepOf[*actionsStep](t, a, 6)
			s.table.reselect(0)
			s.editDeliverable(0)
		},
		"edit indicator":   func() { stepOf[*indicatorsStep](t, a, 7).edit(0) },
		"why the target":   func() { stepOf[*indicatorsStep](t, a, 7).askReason("200", "150", func(string) {}) },
		"edit participant": func() { stepOf[*workshopStep](t, a, 0).people.edit(0) },
		"bad CSV lines": func() {
			stepOf[*workshopStep](t, a, 0).people.importCSV("x.csv", strings.NewReader("name,member,role\n,Mali,x\nKofi,Ghana,y\n"))
		},
		"vision banner": func() { test.Tap(a.vision) },
		"calendar":      func() { stepOf[*workshopStep](t, a, 0).pickDate() },
	}
	for name, fn := range open {
		a.showStep(0)
		fn()
		if overlays(a) == 0 {
			t.Errorf("%s: no dialog opened", name)
			continue
		}
		for range 3 { // a dialog may have opened another (a file chooser)
			if overlays(a) > 0 {
				pressEscape(a)
			}
		}
		if n := overlays(a); n != 0 {
			t.Errorf("%s: Escape left %d dialogs open (keyboard on %T)", name, n, a.win.Canvas().Focused())
			for overlays(a) > 0 {
				a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())
			}
		}
	}
}

func TestNoWindowShortcutWhileADialogIsOpen(t *testing.T) {
	a := newExampleApp(t)
	sw := swotOf(t, a)
	typeEnter(sw.quads[0].entry, "Something to undo")
	n := len(sw.quads[0].items)
	sw.quads[0].editDialog(0)
	shortcutOn(a, shortcut(fyne.Key7))
	shortcutOn(a, shortcut(fyne.KeyPageDown))
	undoKeys(a)
	a.windowKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	a.windowKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if a.current != 4 || len(sw.quads[0].items) != n || a.present != nil || overlays(a) != 1 {
		t.Fatalf("with a dialog open: step %d, %d items (want %d), presenting %v, %d dialogs", a.current+1, len(sw.quads[0].items), n, a.present != nil, overlays(a))
	}
	// Keys typed in the dialog stay in it: + on the table behind gives no dot.
	pressEscape(a)
	if overlays(a) != 0 {
		t.Fatal("Escape did not close the editor")
	}
	shortcutOn(a, shortcut(fyne.Key7))
	if a.current != 6 {
		t.Fatal("Ctrl+7 does nothing once the dialog is closed")
	}
}

// TestEveryShortcutDoesWhatItsMenuSays presses every shortcut of the menu.
func TestEveryShortcutDoesWhatItsMenuSays(t *testing.T) {
	a := newExampleApp(t)
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9, fyne.Key0}
	for i, k := range keys {
		shortcutOn(a, shortcut(k))
		if a.current != i {
			t.Errorf("Ctrl+%s went to step %d", k, a.current+1)
		}
	}
	shortcutOn(a, shortcut(fyne.KeyPageUp))
	shortcutOn(a, shortcut(fyne.KeyPageUp))
	shortcutOn(a, shortcut(fyne.KeyPageDown))
	if a.current != 8 {
		t.Errorf("Ctrl+PageUp twice and Ctrl+PageDown went to step %d", a.current+1)
	}
	dialogs := map[fyne.KeyName]string{fyne.KeyE: "Export bundle", fyne.KeyP: "Export the workshop report", fyne.KeyI: "Import bundles", fyne.KeyN: "New plan", fyne.KeyT: "Timer", fyne.KeyO: ""}
	for k, title := range dialogs {
		shortcutOn(a, shortcut(k))
		if overlays(a) == 0 || title != "" && !overlayShows(a, title) {
			t.Errorf("Ctrl+%s opened no %q dialog", k, title)
		}
		for overlays(a) > 0 {
			pressEscape(a)
		}
	}
	shortcutOn(a, shortcut(fyne.KeyEqual))
	shortcutOn(a, shortcut(fyne.KeyEqual))
	if !strings.Contains(a.status.Text, "120%") {
		t.Errorf("Ctrl+= twice: %q", a.status.Text)
	}
	shortcutOn(a, shortcut(fyne.KeyMinus))
	if !strings.Contains(a.status.Text, "110%") {
		t.Errorf("Ctrl+−: %q", a.status.Text)
	}
	shortcutOn(a, shortcut(fyne.Key0, fyne.KeyModifierShift))
	if !strings.Contains(a.status.Text, "100%") {
		t.Errorf("Ctrl+Shift+0: %q", a.status.Text)
	}
	// Alt+↓ and Alt+↑ choose the voter, from the table.
	pr := stepOf[*prioritiesStep](t, a, 5)
	a.win.Canvas().Focus(pr.table.keyTable)
	shortcutOn(a, &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	shortcutOn(a, &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	shortcutOn(a, &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt})
	if pr.voters.sel.Select.SelectedIndex() != 0 || !strings.Contains(a.status.Text, "Voting: Aminata Traoré") {
		t.Errorf("Alt+↓ ↓ ↑ chose voter %d (%q)", pr.voters.sel.Select.SelectedIndex(), a.status.Text)
	}
	// F1 and F11, wherever the keyboard is.
	pr.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if !overlayShows(a, "Keyboard shortcuts") {
		t.Error("F1 did not list the shortcuts")
	}
	pressEscape(a)
	pr.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	if a.present == nil {
		t.Error("F11 did not start presentation mode")
	}
	pressEscape(a)
	if a.present != nil {
		t.Error("Escape did not end presentation mode")
	}
	// Every item with a shortcut was pressed above, or by the undo tests.
	for key, it := range a.menuItems {
		if it.Shortcut != nil && !strings.Contains("step1 step2 step3 step4 step5 step6 step7 step8 step9 step10 next prev export exportPDF import new open timer larger smaller normal nextVoter prevVoter shortcuts present undo redo quit", key) {
			t.Errorf("the %s shortcut is not tested", key)
		}
	}
}

func TestF1ListsEveryShortcut(t *testing.T) {
	a := newExampleApp(t)
	a.windowKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	top := a.win.Canvas().Overlays().Top()
	for _, m := range a.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && !containsTextDeep(top, shortcutText(it.Shortcut)) {
				t.Errorf("F1 does not list %s (%s)", shortcutText(it.Shortcut), it.Label)
			}
		}
	}
	for _, k := range stepKeys {
		if !containsTextDeep(top, k[1]) {
			t.Errorf("F1 does not list %q", k[1])
		}
	}
	// Keys by the names printed on them, not the system's.
	if !containsTextDeep(top, "Ctrl+Page Down") || containsTextDeep(top, "Ctrl+Next") || containsTextDeep(top, "Ctrl+Prior") {
		t.Error("F1 names Page Down and Page Up by their X11 names")
	}
}

func TestDigitsAndLettersSetScoresAndCategoriesOnTheSelectedRow(t *testing.T) {
	a := newExampleApp(t)
	sc := stepOf[*scanStep](t, a, 3)
	a.win.Canvas().Focus(sc.table.keyTable) // the first row is selected
	id := sc.items[0].E.ID
	sc.table.TypedRune('2')
	for range 3 {
		press(sc.table.keyTable, fyne.KeyRight) // to the Likelihood column
	}
	sc.table.TypedRune('1')
	sc.table.TypedRune('v')
	f := a.plan.Doc().Get(stratplan.KindScanFactor, id)
	if f.Str("impact") != "2" || f.Str("likelihood") != "1" || f.Str("category") != "environmental" {
		t.Fatalf("after 2, → → →, 1, V: impact %s, likelihood %s, category %s", f.Str("impact"), f.Str("likelihood"), f.Str("category"))
	}
	pr := stepOf[*prioritiesStep](t, a, 5)
	a.win.Canvas().Focus(pr.table.keyTable)
	pid := pr.ranked[0].E.ID
	pr.table.TypedRune('3')
	for range 5 {
		press(pr.table.keyTable, fyne.KeyRight) // to the Effort column
	}
	pr.table.TypedRune('4')
	p := a.plan.Doc().Get(stratplan.KindPriority, pid)
	if p.Str("impact") != "3" || p.Str("effort") != "4" {
		t.Fatalf("impact %s, effort %s", p.Str("impact"), p.Str("effort"))
	}
}

func TestEnterAlwaysOpensTheSelectedRow(t *testing.T) {
	a := newExampleApp(t)
	c := a.win.Canvas()
	for _, tc := range []struct {
		name string
		open func() fyne.Focusable // selects a row, returns the list or table
	}{
		{"a SWOT item picked with the mouse", func() fyne.Focusable {
			l := swotOf(t, a).quads[1].list
			l.Select(2)
			return l
		}},
		{"a scan factor reached with the keyboard", func() fyne.Focusable {
			tb := stepOf[*scanStep](t, a, 3).table.keyTable
			c.Focus(tb)
			press(tb, fyne.KeyDown)
			press(tb, fyne.KeyDown)
			return tb
		}},
		{"a priority picked, then voted on", func() fyne.Focusable {
			s := stepOf[*prioritiesStep](t, a, 5)
			for _, r := range "fat" {
				s.voters.sel.Select.TypedRune(r)
			}
			s.table.Select(widget.TableCellID{Row: 3, Col: 2})
			s.table.TypedRune('+')
			return s.table.keyTable
		}},
		{"an action after an edit", func() fyne.Focusable {
			s := stepOf[*actionsStep](t, a, 6)
			s.table.Select(widget.TableCellID{Row: 1, Col: 0})
			s.editAction(1)
			pressKey(a, fyne.KeyReturn) // saves: the keyboard is back in the table
			return s.table.keyTable
		}},
	} {
		target := tc.open()
		if c.Focused() != target {
			t.Errorf("%s: the keyboard is not in the list (%T)", tc.name, c.Focused())
			continue
		}
		press(target, fyne.KeyReturn)
		if overlays(a) != 1 {
			t.Errorf("%s: Enter opened nothing", tc.name)
		}
		for overlays(a) > 0 {
			pressEscape(a)
		}
	}
}

func TestNoDropDownOpensEmpty(t *testing.T) {
	a := newExampleApp(t)
	a.newWorkshop() // no participants yet: nobody to choose as voter
	pr := stepOf[*prioritiesStep](t, a, 5)
	test.Tap(pr.voters.sel.Select)
	if overlays(a) != 0 {
		t.Fatal("an empty drop-down opened")
	}
	if !strings.Contains(a.status.Text, "Add the participants first") {
		t.Fatalf("status %q does not say what to do", a.status.Text)
	}
	a.win.Canvas().Focus(pr.voters.sel.Select)
	press(pr.voters.sel.Select, fyne.KeySpace)
	if overlays(a) != 0 {
		t.Fatal("Space opened an empty drop-down")
	}
}

func TestWhoHasVotedShowsAtAGlance(t *testing.T) {
	a := newExampleApp(t)
	pr := stepOf[*prioritiesStep](t, a, 5)
	if !strings.Contains(pr.who.Text, "7 of 9 participants have given all their dots") || !strings.Contains(pr.who.Text, "Not yet: Fatoumata Keïta, Elif Yıldız") {
		t.Fatalf("summary %q", pr.who.Text)
	}
	for _, o := range pr.voters.sel.Select.Options {
		if !strings.Contains(o, " left") {
			t.Fatalf("the voter list does not show dots left: %q", o)
		}
	}
	for _, r := range "eli" {
		pr.voters.sel.Select.TypedRune(r)
	}
	for range 5 {
		pr.table.OnRune(0, '+')
	}
	if !strings.Contains(pr.who.Text, "8 of 9") || strings.Contains(pr.who.Text, "Elif") {
		t.Fatalf("after Elif voted: %q", pr.who.Text)
	}
	if got := pr.voters.sel.Select.Selected; !strings.HasSuffix(got, "0 of 5 left") {
		t.Fatalf("Elif shows %q", got)
	}
}

func TestTypeAheadFindsANameByAnyWord(t *testing.T) {
	opts := []string{"Aminata Traoré (Côte d'Ivoire)", "Fatoumata Keïta (Mali)", "Kouadio Yao Serge", "Elif Yıldız"}
	for _, c := range []struct {
		typed string
		want  int
	}{{"f", 1}, {"fa", 1}, {"ko", 2}, {"kei", 1}, {"k", 2}, {"am", 0}, {"tra", 0}, {"yao", 2}} {
		typed, got := "", -1
		for _, r := range c.typed {
			got = typeAhead(opts, got, &typed, r)
		}
		if got != c.want {
			t.Errorf("typing %q chose %d, want %d", c.typed, got, c.want)
		}
	}
	// The same letter again goes on to the next name with that initial.
	typed := ""
	first := typeAhead(opts, -1, &typed, 'k')
	second := typeAhead(opts, first, &typed, 'k')
	if first != 2 || second != 1 {
		t.Errorf("k then k chose %d then %d", first, second)
	}
	_ = fmt.Sprint
}
