package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestPresentationModeShowsTheStepLargeAndEscapeLeaves(t *testing.T) {
	a := newExampleApp(t)
	onLaptop(t, a, 1)
	sw := swotOf(t, a)
	a.windowKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	if a.present == nil || a.win.Content() != a.present.obj || !a.win.FullScreen() {
		t.Fatal("F11 did not start presentation mode, full screen")
	}
	if a.win.MainMenu() != nil || a.win.Canvas().Focused() != nil {
		t.Fatal("presentation mode keeps the menu or an input with the keyboard")
	}
	// The whole SWOT, every item, in large type.
	shown := shownJoined(a, a.present.body)
	for _, q := range sw.quads {
		for _, it := range q.items {
			if !strings.Contains(shown, "• "+it.Text) {
				t.Errorf("presentation mode does not show %q whole", it.Text)
			}
		}
	}
	if s := a.present.body.Objects[0]; s.Size().Height > laptop.Height {
		t.Fatal("the SWOT does not fit the screen")
	}
	if a.present.title.Text != "SWOT" {
		t.Fatalf("presentation title %q", a.present.title.Text)
	}
	// Page Down (a presenter's remote) goes to the next step: the ranked
	// priorities with their votes, numbered as on the matrix.
	a.windowKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if a.current != 5 || a.present.title.Text != "Priorities" {
		t.Fatalf("Page Down went to %s", a.present.title.Text)
	}
	if !strings.Contains(shownJoined(a, a.present.body), "1. Advance rulings on origin for AfCFTA — 11 votes") {
		t.Fatal("the ranked priorities are not shown with their votes")
	}
	// Escape leaves: the editing view is back, with the keyboard in it.
	a.windowKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if a.present != nil || a.win.Content() != a.shellObj || a.win.FullScreen() || a.win.MainMenu() == nil {
		t.Fatal("Escape did not leave presentation mode")
	}
	if a.win.Canvas().Focused() == nil {
		t.Fatal("after presentation mode the keyboard is nowhere")
	}
}

// shownJoined is the text drawn whole in region, its lines joined by
// spaces: a paragraph wrapped over several lines reads as it was written.
func shownJoined(a *App, region fyne.CanvasObject) string { return shownJoinedIn(a.win, region) }

func shownJoinedIn(w fyne.Window, region fyne.CanvasObject) string {
	return strings.Join(textsShownIn(w, region), " ")
}

func TestAProjectorWindowFollowsWhileTheLaptopEdits(t *testing.T) {
	a := newExampleApp(t)
	sw := swotOf(t, a)
	a.openProjectorWindow()
	p := a.present
	if p == nil || !p.separate || p.win == a.win {
		t.Fatal("no projector window")
	}
	if a.win.Content() != a.shellObj {
		t.Fatal("the laptop's window left the editing view")
	}
	typeEnter(sw.quads[2].entry, "Regional cloud for customs data")
	if !strings.Contains(shownJoinedIn(p.win, p.body), "• Regional cloud for customs data") {
		t.Fatal("the projector does not show what was just typed")
	}
	a.showStep(5)
	if p.title.Text != "Priorities" {
		t.Fatalf("the projector shows %q", p.title.Text)
	}
	p.win.Close()
	if a.present != nil {
		t.Fatal("closing the projector window left presentation mode on")
	}
}
