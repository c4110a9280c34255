package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
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

// TestMatrixLabelsNeverOverlap crowds the matrix (every priority in a few
// cells, some in the corners where the quadrant names are) and asks that
// no bubble covers a name or another bubble.
func TestMatrixLabelsNeverOverlap(t *testing.T) {
	test.NewTempApp(t)
	m := newMatrix(1.5)
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(620, 520))
	var pts []matrixPoint
	for i, c := range [][2]int{{5, 1}, {5, 1}, {5, 1}, {5, 1}, {1, 5}, {1, 5}, {5, 5}, {1, 1}, {3, 3}, {3, 3}, {5, 1}, {1, 1}} {
		pts = append(pts, matrixPoint{Label: fmt.Sprint(i + 1), Impact: c[0], Effort: c[1]})
	}
	m.set(pts)
	var names, dots []fyne.CanvasObject
	for _, o := range test.WidgetRenderer(m).Objects() {
		switch x := o.(type) {
		case *canvas.Circle:
			dots = append(dots, x)
		case *canvas.Text:
			for _, q := range matrixQuadrants {
				if x.Text == q {
					names = append(names, x)
				}
			}
		}
	}
	if len(dots) != len(pts) || len(names) != 4 {
		t.Fatalf("%d bubbles and %d names drawn", len(dots), len(names))
	}
	overlap := func(a, b fyne.CanvasObject, textB bool) bool {
		as, bs := a.Size(), b.Size()
		if textB {
			bs = fyne.MeasureText(b.(*canvas.Text).Text, b.(*canvas.Text).TextSize, b.(*canvas.Text).TextStyle)
		}
		ap, bp := a.Position(), b.Position()
		return ap.X < bp.X+bs.Width && bp.X < ap.X+as.Width && ap.Y < bp.Y+bs.Height && bp.Y < ap.Y+as.Height
	}
	for i, d := range dots {
		for _, n := range names {
			if overlap(d, n, true) {
				t.Errorf("bubble %s covers the name %q", pts[i].Label, n.(*canvas.Text).Text)
			}
		}
		for j := i + 1; j < len(dots); j++ {
			if overlap(d, dots[j], false) {
				t.Errorf("bubbles %s and %s overlap", pts[i].Label, pts[j].Label)
			}
		}
	}
}

// TestPresentedScanGridNamesItsAxesLarge: in presentation mode the scan's
// grid names its axes and marks positions 1 to 5 at the presentation's
// type size, and each factor says which number is which.
func TestPresentedScanGridNamesItsAxesLarge(t *testing.T) {
	a := newExampleApp(t)
	onLaptop(t, a, 1)
	a.showStep(3)
	a.windowKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	if a.present == nil || a.present.title.Text != "Environmental scan" {
		t.Fatal("F11 did not present the environmental scan")
	}
	a.win.Resize(fyne.NewSize(1366, 768))
	a.present.obj.Refresh()
	body := a.present.textSize
	sizes := map[string][]float32{}
	walkObjects(a.present.body, func(o any) {
		if w, ok := o.(*canvas.Text); ok {
			sizes[w.Text] = append(sizes[w.Text], w.TextSize)
		}
	})
	shown := shownTexts(a, a.present.body)
	for _, label := range []string{"Impact ↑", "Likelihood →"} {
		if !contains(shown, label) || sizes[label][0] < body {
			t.Errorf("the axis %q is drawn at %v (shown whole: %v), smaller than the presentation's text, %v", label, sizes[label], contains(shown, label), body)
		}
	}
	for i := 1; i <= 5; i++ {
		tick := fmt.Sprint(i)
		n := 0
		for _, s := range sizes[tick] {
			if s >= body {
				n++
			}
		}
		if n < 2 {
			t.Errorf("position %s is not marked on both axes at the presentation's size: %v", tick, sizes[tick])
		}
	}
	joined := shownJoined(a, a.present.body)
	if strings.Contains(joined, "×") || !strings.Contains(joined, "impact 4, likelihood 4") {
		t.Errorf("the factors' scores are not explained: %q", joined)
	}
}
