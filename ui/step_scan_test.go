package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// framedCells is the text of each table cell drawn with the cursor's frame
// in region.
func framedCells(region fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *fyne.Container:
			if len(w.Objects) == 3 {
				l, isLabel := w.Objects[1].(*widget.Label)
				r, isRect := w.Objects[2].(*canvas.Rectangle)
				if isLabel && isRect && r.Visible() && r.StrokeWidth >= 2 && r.StrokeColor == themeColor(theme.ColorNamePrimary) {
					out = append(out, l.Text)
				}
			}
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

func TestScanTableFramesTheCellTheKeysActOn(t *testing.T) {
	a := newExampleApp(t)
	a.win.Resize(laptop)
	sc := stepOf[*scanStep](t, a, 3)
	a.win.Canvas().Focus(sc.table.keyTable) // the first row, first column
	id := sc.items[0].E.ID
	if got := framedCells(sc.table.obj); len(got) != 1 || got[0] != sc.table.cell(0, 0) {
		t.Fatalf("framed cells %q, want the first row's category alone", got)
	}
	press(sc.table.keyTable, fyne.KeyRight) // to the title
	sc.table.TypedRune('4')
	if f := a.plan.Doc().Get(stratplan.KindScanFactor, id); f.Str("impact") != "4" {
		t.Fatalf("4 on the title set the impact to %q", f.Str("impact"))
	}
	if got := framedCells(sc.table.obj); len(got) != 1 || sc.table.column() != scanColumnImpact || got[0] != "4" {
		t.Fatalf("after 4 on the title the frame is on column %d (%q), not on the impact", sc.table.column(), got)
	}
	press(sc.table.keyTable, fyne.KeyRight) // Impact → Likelihood
	sc.table.TypedRune('2')
	f := a.plan.Doc().Get(stratplan.KindScanFactor, id)
	if f.Str("impact") != "4" || f.Str("likelihood") != "2" {
		t.Fatalf("→ then 2: impact %s, likelihood %s", f.Str("impact"), f.Str("likelihood"))
	}
	if got := framedCells(sc.table.obj); len(got) != 1 || got[0] != "2" || sc.table.column() != scanColumnLikelihood {
		t.Fatalf("the frame is on %q, column %d", got, sc.table.column())
	}
	press(sc.table.keyTable, fyne.KeyDown)
	if got := framedCells(sc.table.obj); len(got) != 1 || got[0] != sc.table.cell(1, scanColumnLikelihood) || sc.table.selected.Row != 1 {
		t.Fatalf("↓ left the frame on %q", got)
	}
}
