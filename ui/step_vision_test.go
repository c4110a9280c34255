package ui

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// labelShowing is the label drawn with text in region, or nil.
func labelShowing(region fyne.CanvasObject, text string) *widget.Label {
	var found *widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || found != nil {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
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
	walk(region)
	return found
}

func TestTheAdoptedVisionTakesTheHeightItsBoldLinesNeed(t *testing.T) {
	a := newExampleApp(t)
	onLaptop(t, a, 1)
	s := stepOf[*visionStep](t, a, 2)
	ws := a.workshop
	d := fyne.CurrentApp().Driver()
	// Statements around 95 characters: one line in regular type, two in
	// bold for some of them at this width.
	words := strings.Fields("A modern connected customs administration that facilitates legitimate trade protects society and collects revenue fairly across every border of the region")
	for n := 8; n <= len(words); n++ {
		adopted := strings.Join(words[:n], " ")
		id := s.items[0].E.ID
		mustEdit(t, a, func(ed *stratplan.Edit) error {
			if err := ed.Set(id, stratplan.KindVision, stratplan.Set("text", stratplan.Text(adopted))); err != nil {
				return err
			}
			return ed.AdoptVision(ws, id)
		})
		i := -1
		for k, v := range s.items {
			if v.E.ID == id {
				i = k
			}
		}
		if i < 0 || i+1 >= len(s.items) {
			t.Fatalf("%d words: the adopted statement is row %d of %d", n, i, len(s.items))
		}
		s.list.ScrollTo(i)
		s.list.Refresh()
		l := labelShowing(s.list, s.a.tagged(s.items[i].E, adopted))
		next := labelShowing(s.list, s.a.tagged(s.items[i+1].E, s.items[i+1].Text))
		if l == nil || next == nil || !l.TextStyle.Bold {
			t.Fatalf("%d words: the adopted statement or the next one is not drawn (bold %v)", n, l != nil && l.TextStyle.Bold)
		}
		need := l.MinSize().Height
		if l.Size().Height+0.5 < need {
			t.Errorf("%d words (%d characters): the adopted row gives its text %.0f px, its bold lines need %.0f", n, len(adopted), l.Size().Height, need)
		}
		if bottom, top := d.AbsolutePositionForObject(l).Y+need, d.AbsolutePositionForObject(next).Y; top+0.5 < bottom {
			t.Errorf("%d words: the next candidate starts at %.0f, above the adopted statement's end at %.0f", n, top, bottom)
		}
	}
}

func TestTheVisionSlideShowsEveryCandidateWithItsVotes(t *testing.T) {
	a := newExampleApp(t)
	onLaptop(t, a, 1)
	s := stepOf[*visionStep](t, a, 2)
	if len(s.items) < 2 {
		t.Fatalf("the example has %d candidates", len(s.items))
	}
	id := s.items[1].E.ID
	mustEdit(t, a, func(ed *stratplan.Edit) error { return ed.AdoptVision(a.workshop, id) })
	a.windowKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	defer a.windowKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	shown := shownJoined(a, a.present.body)
	for _, v := range s.items {
		want := "• " + s.a.tagged(v.E, v.Text)
		if v.Adopted {
			want = "Adopted: " + s.a.tagged(v.E, v.Text)
		}
		if !strings.Contains(shown, want) {
			t.Errorf("the slide does not show %q: %s", want, shown)
		}
		if n := s.points[v.E.ID]; n > 1 && !strings.Contains(shown, s.a.tagged(v.E, v.Text)+" — "+strconv.Itoa(n)+" votes") {
			t.Errorf("the slide does not show the %d votes of %q", n, v.Text)
		}
	}
}

// TestQuickAddGoesDownAndVotes: after Alt+↓ picks a voter, ↓ in the
// quick-add row goes to the candidates, and + or − typed in the empty row
// gives or takes back a dot for the highlighted one instead of being typed.
func TestQuickAddGoesDownAndVotes(t *testing.T) {
	a := newExampleApp(t)
	onLaptop(t, a, 1)
	s := stepOf[*visionStep](t, a, 2)
	c := a.win.Canvas()
	c.Focus(s.add)
	a.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	c.Focus(s.add)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != s.list || s.list.selected != 0 {
		t.Fatalf("↓ in the quick-add row left the keyboard in %T with row %d chosen", c.Focused(), s.list.selected)
	}
	// The second candidate highlighted, the keyboard back in the row.
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	id := s.items[1].E.ID
	before := s.points[id]
	c.Focus(s.add)
	test.Type(s.add, "+")
	if s.add.Text != "" || s.points[id] != before+1 {
		t.Fatalf("+ in the empty quick-add row: the row reads %q, %q has %d dots (had %d)", s.add.Text, s.items[1].Text, s.points[id], before)
	}
	test.Type(s.add, "-")
	if s.add.Text != "" || s.points[id] != before {
		t.Fatalf("− in the empty quick-add row: the row reads %q, %d dots (had %d)", s.add.Text, s.points[id], before)
	}
	test.Type(s.add, "Trade +")
	if s.add.Text != "Trade +" || s.points[id] != before {
		t.Fatalf("typing a statement: the row reads %q, %d dots", s.add.Text, s.points[id])
	}
}

// TestQuickAddGoesDownInEveryStep: ↓ in a step's quick-add row goes down to
// its list or table, in every step that has one.
func TestQuickAddGoesDownInEveryStep(t *testing.T) {
	a := newExampleApp(t)
	onLaptop(t, a, 1)
	for i := range pages {
		a.showStep(i)
		f := frameOf(a.views[i])
		if f == nil {
			continue
		}
		e := firstEntry(f.parts.Add)
		if e == nil {
			continue
		}
		a.win.Canvas().Focus(e)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		if got := a.win.Canvas().Focused(); got == e || got == nil {
			t.Errorf("step %s: ↓ in the quick-add row leaves the keyboard there", pages[i].key)
		}
	}
}

// frameOf is a step's frame, nil for a screen without one.
func frameOf(view any) *stepFrame {
	v := reflect.ValueOf(view)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("frame")
	if !f.IsValid() {
		return nil
	}
	if f.Type() != reflect.TypeOf((*stepFrame)(nil)) {
		return nil
	}
	return (*stepFrame)(f.UnsafePointer())
}
