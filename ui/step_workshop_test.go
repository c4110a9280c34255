package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func workshopOf(t *testing.T, a *App) *workshopStep {
	t.Helper()
	a.showStep(0)
	return a.views[0].(*workshopStep)
}

func TestWorkshopDetailsSaveOnEnterAndOnLeaving(t *testing.T) {
	a := newExampleApp(t)
	s := workshopOf(t, a)
	c := a.win.Canvas()
	if c.Focused() != s.title {
		t.Fatal("the Workshop step does not start in the title")
	}
	s.title.SetText("")
	test.Type(s.title, "Atelier régional Afrique de l'Ouest et du Centre")
	if got := a.plan.Doc().Entity(a.workshop).Str("title"); got == s.title.Text {
		t.Fatal("saved on every keystroke: it should save on Enter or when leaving the field")
	}
	press(s.title, fyne.KeyReturn)
	if got := a.plan.Doc().Entity(a.workshop).Str("title"); got != "Atelier régional Afrique de l'Ouest et du Centre" {
		t.Fatalf("title after Enter = %q", got)
	}
	if !strings.Contains(a.wsSelect.Selected, "Atelier régional") {
		t.Fatalf("the workshop selector still shows %q", a.wsSelect.Selected)
	}

	c.Focus(s.venue)
	s.venue.SetText("")
	test.Type(s.venue, "Zoom")
	test.FocusNext(c) // leaving the field saves it
	if got := a.plan.Doc().Entity(a.workshop).Str("venue"); got != "Zoom" {
		t.Fatalf("venue after leaving the field = %q", got)
	}

	s.mode.SetSelected("Virtual")
	s.region.Select.SetSelected("Europe")
	e := a.plan.Doc().Entity(a.workshop)
	if e.Str("mode") != "virtual" || e.Str("region") != "region-eur" {
		t.Fatalf("mode %q, region %q", e.Str("mode"), e.Str("region"))
	}

	// A date that is not YYYY-MM-DD is not saved, and the user is told.
	c.Focus(s.date)
	s.date.SetText("14/09/2026")
	press(s.date, fyne.KeyReturn)
	if got := a.plan.Doc().Entity(a.workshop).Str("date"); got != "2026-09-14" {
		t.Fatalf("a bad date was saved: %q", got)
	}
	if !strings.Contains(a.status.Text, "YYYY-MM-DD") {
		t.Fatalf("status %q does not explain the date format", a.status.Text)
	}
	s.date.SetText("2026-09-15")
	press(s.date, fyne.KeyReturn)
	if got := a.plan.Doc().Entity(a.workshop).Str("date"); got != "2026-09-15" {
		t.Fatalf("date = %q", got)
	}

	reopen(t, a)
	s = workshopOf(t, a)
	if s.title.Text != "Atelier régional Afrique de l'Ouest et du Centre" || s.venue.Text != "Zoom" || s.mode.Selected != "Virtual" || s.region.Select.Selected != "Europe" {
		t.Fatalf("after reopening: %q %q %q %q", s.title.Text, s.venue.Text, s.mode.Selected, s.region.Select.Selected)
	}
}

func TestSwitchingWorkshopShowsItsOwnDetails(t *testing.T) {
	a := newExampleApp(t)
	s := workshopOf(t, a)
	for i, id := range a.wsIDs {
		if id == "ws-eur-brussels" {
			a.wsSelect.SetSelectedIndex(i)
		}
	}
	if a.workshop != "ws-eur-brussels" || s.title.Text != "Europe regional workshop" || len(s.people.rows) != 0 {
		t.Fatalf("after choosing Europe: workshop %s, title %q, %d participants", a.workshop, s.title.Text, len(s.people.rows))
	}
}

func TestParticipantsQuickAddEditRemove(t *testing.T) {
	a := newExampleApp(t)
	p := workshopOf(t, a).people
	c := a.win.Canvas()
	n := len(p.rows)

	c.Focus(p.name)
	test.Type(p.name, "Nilüfer Şahin")
	test.Type(p.member, "Türkiye")
	test.Type(p.role, "Observer")
	press(p.role, fyne.KeyReturn)
	if len(p.rows) != n+1 || p.rows[n].Name != "Nilüfer Şahin" || p.rows[n].Member != "Türkiye" {
		t.Fatalf("rows after adding: %d, last %+v", len(p.rows), p.rows[len(p.rows)-1])
	}
	if p.name.Text != "" || c.Focused() != p.name {
		t.Fatal("the quick-add row is not ready for the next participant")
	}
	if !strings.Contains(p.title.Text, "(10)") {
		t.Fatalf("card title %q does not count participants", p.title.Text)
	}

	// The same person twice is refused with a message.
	test.Type(p.name, "nilüfer şahin")
	test.Type(p.member, "Türkiye")
	press(p.name, fyne.KeyReturn)
	if len(p.rows) != n+1 || !strings.Contains(a.status.Text, "already a participant") {
		t.Fatalf("duplicate: %d rows, status %q", len(p.rows), a.status.Text)
	}
	p.name.SetText("")
	p.member.SetText("")

	// Keyboard: focus the table, select the new row, Enter edits.
	p.table.Select(widget.TableCellID{Row: n, Col: 0})
	p.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e, ok := c.Focused().(*entry)
	if !ok || e.Text != "Nilüfer Şahin" {
		t.Fatalf("Enter did not open the participant's editor (%T)", c.Focused())
	}
	e.SetText("Nilüfer Şahin Kaya")
	press(e, fyne.KeyReturn)
	if p.rows[n].Name != "Nilüfer Şahin Kaya" {
		t.Fatalf("edited name = %q", p.rows[n].Name)
	}

	p.remove(p.selected)
	if len(p.rows) != n {
		t.Fatal("Remove did not remove the participant")
	}
	test.Tap(a.undo)
	if len(p.rows) != n+1 {
		t.Fatal("Undo did not bring the participant back")
	}
}

func TestParticipantsCSVImport(t *testing.T) {
	a := newExampleApp(t)
	p := workshopOf(t, a).people
	n := len(p.rows)

	// A good file imports at once.
	p.importCSV("ok.csv", strings.NewReader("name;member;role\nOusmane Sow;Sénégal;Analyst\nAna Pérez;Panamá;Observer\n"))
	if len(p.rows) != n+2 || p.rows[n].Member != "Sénégal" {
		t.Fatalf("good file: %d rows", len(p.rows))
	}

	// A wrong column is refused as a whole, with the columns it expects.
	p.importCSV("bad.csv", strings.NewReader("name,email\nX,x@example.org\n"))
	if len(p.rows) != n+2 {
		t.Fatal("a file with a wrong column imported something")
	}
	if !overlayShows(a, "unknown column \"email\"") {
		t.Fatal("no clear error for a wrong column")
	}
	a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())

	// Bad lines are listed by number; nothing is imported until the user
	// chooses to skip them.
	p.importCSV("mixed.csv", strings.NewReader("name,member,role\nKofi Boateng,Ghana,Adviser\n,Mali,No name\nOusmane Sow,Sénégal,Analyst\n\"broken,Togo\n"))
	if len(p.rows) != n+2 {
		t.Fatal("a file with bad lines imported before the user chose")
	}
	if !overlayShows(a, "Line 3: no name") || !overlayShows(a, "Line 4: Ousmane Sow (Sénégal) is already a participant") {
		t.Fatal("the bad lines are not listed with their numbers and reasons")
	}
	tapOverlayButton(t, a, "Import the 1 good line")
	if len(p.rows) != n+3 || p.rows[n+2].Name != "Kofi Boateng" {
		t.Fatalf("after skipping bad lines: %d rows", len(p.rows))
	}
}

func overlayShows(a *App, s string) bool {
	top := a.win.Canvas().Overlays().Top()
	return top != nil && containsTextDeep(top, s)
}

// containsTextDeep also looks into list rows, which are built lazily.
func containsTextDeep(o fyne.CanvasObject, s string) bool {
	if containsText(o, s) {
		return true
	}
	switch w := o.(type) {
	case *widget.List:
		for i := 0; i < w.Length(); i++ {
			row := w.CreateItem()
			w.UpdateItem(i, row)
			if containsText(row, s) {
				return true
			}
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			if containsTextDeep(c, s) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			if containsTextDeep(c, s) {
				return true
			}
		}
	}
	return false
}

func tapOverlayButton(t *testing.T, a *App, text string) {
	t.Helper()
	var found *button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *button:
			if w.Text == text {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(a.win.Canvas().Overlays().Top())
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	test.Tap(found)
}
