package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"stratplan"
)

// laptop is the room the window's content gets on a 1366×768 laptop: the
// window opens screenChrome less high than the screen (a title bar and a
// task bar), and its menu bar takes about 30 pixels of that. The test
// driver draws no menu bar, so the content gets exactly this.
var laptop = fyne.NewSize(1366, 768-screenChrome-30)

// onLaptop shows the window at the laptop's size and the given zoom.
func onLaptop(t *testing.T, a *App, zoom float64) {
	t.Helper()
	a.fy.Preferences().SetFloat(prefZoom, zoom)
	a.applyTheme()
	a.refresh()
	a.win.Resize(laptop.Subtract(fyne.NewSize(1, 1)))
	a.win.Resize(laptop)
	a.win.Content().Refresh()
}

// shownTexts are the texts drawn whole inside region and inside the
// window: what a user sees of it, truncated texts included as drawn.
func shownTexts(a *App, region fyne.CanvasObject) []string { return textsShownIn(a.win, region) }

func textsShownIn(w fyne.Window, region fyne.CanvasObject) []string {
	d := fyne.CurrentApp().Driver()
	rp, rs := d.AbsolutePositionForObject(region), region.Size()
	win := w.Canvas().Size()
	inside := func(o fyne.CanvasObject) bool {
		p, s := d.AbsolutePositionForObject(o), o.Size()
		return p.X >= rp.X-0.5 && p.Y >= rp.Y-0.5 && p.X+s.Width <= rp.X+rs.Width+0.5 && p.Y+s.Height <= rp.Y+rs.Height+0.5 &&
			p.X+s.Width <= win.Width+0.5 && p.Y+s.Height <= win.Height+0.5 && s.Height > 0
	}
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
			if w.Text != "" && inside(w) {
				out = append(out, w.Text)
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
	return out
}

// countShown is how many of want are drawn whole in region.
func countShown(a *App, region fyne.CanvasObject, want []string) int {
	shown := map[string]bool{}
	for _, s := range shownTexts(a, region) {
		shown[s] = true
	}
	n := 0
	for _, w := range want {
		if shown[w] {
			n++
		}
	}
	return n
}

// fillSWOT gives each quadrant of a new workshop n one-line items.
func fillSWOT(t *testing.T, a *App, n int) [4][]string {
	t.Helper()
	var texts [4][]string
	a.newWorkshop()
	ws := a.workshop
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		for q, quad := range stratplan.SWOTQuadrants {
			for i := range n {
				text := fmt.Sprintf("%s item %d", quad, i+1)
				texts[q] = append(texts[q], text)
				if err := ed.Set(fmt.Sprintf("swot-bar-%d-%02d", q, i), stratplan.KindSWOT, stratplan.Set("quadrant", stratplan.Text(quad)),
					stratplan.Set("text", stratplan.Text(text)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws))); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return texts
}

func TestSWOTQuadrantsShowEightItemsOnALaptopAndFourAt130(t *testing.T) {
	for _, c := range []struct {
		zoom float64
		want int
	}{{1, 8}, {1.3, 4}} {
		for _, help := range []bool{false, true} {
			t.Run(fmt.Sprintf("%.0f%% help %v", c.zoom*100, help), func(t *testing.T) {
				a := newExampleApp(t)
				texts := fillSWOT(t, a, 16)
				a.fy.Preferences().SetBool(prefHelpSeen+"swot", !help)
				a.views[4] = nil
				s := swotOf(t, a)
				onLaptop(t, a, c.zoom)
				if got := s.frame.help.Visible(); got != help {
					t.Fatalf("help shown: %v", got)
				}
				for q, quad := range s.quads {
					n := countShown(a, quad.list, texts[q])
					if n < c.want {
						t.Errorf("%s shows %d items whole, want at least %d", quadrantTitles[q], n, c.want)
					}
					t.Logf("%s shows %d items whole", quadrantTitles[q], n)
				}
			})
		}
	}
}

// TestActionsTableShowsEveryColumnOnALaptop keeps every column of the
// actions table in sight, headers and cells whole (wrapped if need be), at
// 100% and at View ▸ Larger 130%; at 100% it shows at least eight rows.
func TestActionsTableShowsEveryColumnOnALaptop(t *testing.T) {
	for _, zoom := range []float64{1, 1.3} {
		t.Run(fmt.Sprintf("%.0f%%", zoom*100), func(t *testing.T) {
			a := newExampleApp(t)
			s := stepOf[*actionsStep](t, a, 6)
			prio := s.currentPriority()
			ws := a.workshop
			var titles []string
			mustEdit(t, a, func(ed *stratplan.Edit) error {
				for i := range 20 {
					title := fmt.Sprintf("Action %d", i+1)
					titles = append(titles, title)
					if err := ed.Set(fmt.Sprintf("act-bar-%02d", i), stratplan.KindAction, stratplan.Set("title", stratplan.Text(title)),
						stratplan.Set("priority", stratplan.Text(prio)), stratplan.Set("owner", stratplan.Text("Ngozi Okafor")),
						stratplan.Set("start", stratplan.Text("2027-01-01")), stratplan.Set("due", stratplan.Text("2027-12-31")),
						stratplan.Set("budget", stratplan.Text("300000000")), stratplan.Set("staff_months", stratplan.Text("12.5")),
						stratplan.Set("status", stratplan.Text("in_progress")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws))); err != nil {
						return err
					}
				}
				return nil
			})
			onLaptop(t, a, zoom)
			shown := shownTexts(a, s.table.obj)
			words := wholeWords(shown)
			for i := range actionColumns {
				if h := s.table.header(i); !words.hasAll(h) {
					t.Errorf("the %q column's header is not shown whole: %q", h, shown)
				}
			}
			for _, want := range []string{"Ngozi Okafor", "2027-01-01 → 2027-12-31", formatAmount(300000000), "12.5", "In progress", "Action 1"} {
				if !words.hasAll(want) {
					t.Errorf("%q is not shown whole in the table: %q", want, shown)
				}
			}
			n := countShown(a, s.table.obj, titles)
			if zoom == 1 && n < 8 {
				t.Errorf("the actions table shows %d rows whole, want at least 8", n)
			}
			t.Logf("the actions table shows %d of its rows whole", n)
		})
	}
}

// words is a set of words drawn whole.
type words map[string]bool

// wholeWords are the words of texts that are not cut.
func wholeWords(texts []string) words {
	w := words{}
	for _, t := range texts {
		if strings.HasSuffix(t, "…") {
			continue
		}
		for _, f := range strings.Fields(t) {
			w[f] = true
		}
	}
	return w
}

// hasAll reports whether every word of text is drawn whole.
func (w words) hasAll(text string) bool {
	for _, f := range strings.Fields(text) {
		if !w[f] {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestTheWindowNeverOpensLargerThanTheScreen(t *testing.T) {
	test.NewTempApp(t)
	for _, screen := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1280, Height: 720}, {Width: 1920, Height: 1080}} {
		cfg := testConfig(t.TempDir())
		cfg.ScreenSize = func() fyne.Size { return screen }
		a := New(fyne.CurrentApp(), cfg)
		a.openExample()
		size := a.win.Canvas().Size()
		if size.Width > screen.Width || size.Height > screen.Height-screenChrome {
			t.Errorf("on a %v screen the window opens at %v", screen, size)
		}
		// Larger and back to Normal: the window keeps its size, whatever
		// the content asks for at 200%.
		a.zoom(zoomMax) // as far as Larger goes
		if got := a.win.Content().MinSize(); got.Width > size.Width || got.Height > size.Height {
			t.Errorf("at %s the content asks for %v in a %v window", a.zoomText(), got, size)
		}
		a.zoom(0)
		if got := a.win.Canvas().Size(); got != size {
			t.Errorf("after Larger then Normal size the window is %v, was %v", got, size)
		}
		a.closePlan()
	}
	if s := theme.TextSize(); s != 14 {
		t.Fatalf("text size %v after Normal size", s)
	}
}

// TestTextsAreNotCutInTables checks that a table's columns are as wide as
// their content and the window allow: short columns are never cut.
func TestTextsAreNotCutInTables(t *testing.T) {
	a := newExampleApp(t)
	onLaptop(t, a, 1.2)
	s := stepOf[*prioritiesStep](t, a, 5)
	a.win.Content().Refresh()
	for _, txt := range shownTexts(a, s.table.obj) {
		if strings.HasSuffix(txt, "…") && !strings.Contains(txt, " ") {
			t.Errorf("a one-word cell is cut at 120%%: %q", txt)
		}
	}
	shown := shownTexts(a, s.table.obj)
	for _, c := range priorityColumns {
		if !contains(shown, c.name) {
			t.Errorf("the %q header is cut at 120%%", c.name)
		}
	}
}

// TestEveryStepFitsTheLaptopAt130 keeps every step within the window at
// 100% and 130%: nothing asks for more room, so nothing scrolls sideways
// or falls off the bottom.
func TestEveryStepFitsTheLaptopAt130(t *testing.T) {
	a := newExampleApp(t)
	for _, z := range []float64{1, 1.3} {
		onLaptop(t, a, z)
		for i := range pages {
			a.showStep(i)
			inner := a.shellObj.(*container.Scroll).Content
			if m := inner.MinSize(); m.Width > laptop.Width || m.Height > laptop.Height {
				t.Errorf("at %.0f%% step %s asks for %.0f×%.0f, more than %v", z*100, pages[i].key, m.Width, m.Height, laptop)
			}
		}
	}
}

// TestThePlanAndItsRegionReadWholeOnALaptop: at 100% the sidebar shows a
// long plan title whole on two lines, and the region chooser a long region
// name whole.
func TestThePlanAndItsRegionReadWholeOnALaptop(t *testing.T) {
	a := newExampleApp(t)
	const region = "West and Central Africa"
	plan := a.plan.Doc().Plan()
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		if err := ed.Set(plan, stratplan.KindPlan, stratplan.Set("organization", stratplan.Text("Réseau des Douanes")),
			stratplan.Set("title", stratplan.Text("Plan 2027–2031"))); err != nil {
			return err
		}
		return ed.Set("region-long", stratplan.KindRegion, stratplan.Set("name", stratplan.Text(region)))
	})
	a.selectRegion("region-long")
	onLaptop(t, a, 1)
	if got := strings.Join(shownTexts(a, a.title), " "); got != "Réseau des Douanes — Plan 2027–2031" {
		t.Errorf("the sidebar shows the plan as %q", got)
	}
	if shown := shownTexts(a, a.regionSel.Select); !contains(shown, region) {
		t.Errorf("the region chooser shows %q", shown)
	}
	// A title too long for two lines is one tap away, whole.
	long := strings.Repeat("Regional customs modernisation ", 4)
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set(plan, stratplan.KindPlan, stratplan.Set("title", stratplan.Text(long)))
	})
	test.Tap(a.title)
	if got := shownJoined(a, a.win.Canvas().Overlays().Top()); !strings.Contains(got, strings.TrimSpace(long)) {
		t.Errorf("tapping the cut title shows %q", got)
	}
}

// TestDetailPaneKeepsClearOfItsScrollBar: what a detail pane shows ends
// before its scroll bar, so the bar hides no text (the matrix's "Effort →"
// at its right edge).
func TestDetailPaneKeepsClearOfItsScrollBar(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*prioritiesStep](t, a, 5)
	onLaptop(t, a, 1)
	chooseRow(a, s.table.keyTable, 0)
	a.win.Content().Refresh()
	pane := s.detail.obj
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(pane).X + pane.Size().Width - theme.ScrollBarSize()
	var found bool
	walkObjects(pane, func(o any) {
		if w, ok := o.(*canvas.Text); ok && w.Text == "Effort →" {
			found = true
			end := d.AbsolutePositionForObject(w).X + fyne.MeasureText(w.Text, w.TextSize, w.TextStyle).Width
			if end > right+0.5 {
				t.Errorf("%q ends at %.0f, under the scroll bar that starts at %.0f", w.Text, end, right)
			}
		}
	})
	if !found {
		t.Fatal("the matrix's Effort axis is not in the detail pane")
	}
}

// TestPrioritiesTitleRowReadsWhole: at 100% on a laptop the voter's hint
// and the toolbar's labels are whole, none ending with "…".
func TestPrioritiesTitleRowReadsWhole(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*prioritiesStep](t, a, 5)
	onLaptop(t, a, 1)
	shown := shownTexts(a, s.frame.obj)
	for _, want := range []string{"Choose a voter", "Trace", "Edit", "Delete"} {
		if !contains(shown, want) {
			t.Errorf("%q is not shown whole: %q", want, shown)
		}
	}
	for _, txt := range shownTexts(a, s.voters.obj) {
		if strings.HasSuffix(txt, "…") {
			t.Errorf("the voter bar cuts %q", txt)
		}
	}
}

// TestShortcutsKeepClearOfTheScrollBar: the F1 list wraps its lines before
// its scroll bar, so no line loses its end under it.
func TestShortcutsKeepClearOfTheScrollBar(t *testing.T) {
	a := newExampleApp(t)
	onLaptop(t, a, 1)
	a.showShortcuts()
	var scroll *container.Scroll
	walkObjects(a.win.Canvas().Overlays().Top(), func(o any) {
		if w, ok := o.(*container.Scroll); ok {
			scroll = w
		}
	})
	if scroll == nil {
		t.Fatal("the shortcuts list does not scroll")
	}
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(scroll).X + scroll.Size().Width - theme.ScrollBarSize()
	walkObjects(scroll.Content, func(o any) {
		if w, ok := o.(*canvas.Text); ok {
			if end := d.AbsolutePositionForObject(w).X + fyne.MeasureText(w.Text, w.TextSize, w.TextStyle).Width; end > right+0.5 {
				t.Errorf("%q ends at %.0f, under the scroll bar at %.0f", w.Text, end, right)
			}
		}
	})
}
