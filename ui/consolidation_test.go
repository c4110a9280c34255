package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// withRegions adds to the example plan the workshops of Europe and East &
// Southern Africa, with priorities like West & Central Africa's.
func withRegions(t *testing.T, a *App) {
	t.Helper()
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		for _, r := range []struct{ ws, region, voter, prio, title, objective string }{
			{"ws-eur-brussels", "region-eur", "v-eur", "p-eur", "Interconnect the national single windows", "so1"},
			{"ws-esa-nairobi", "region-esa", "v-esa", "p-esa", "Single windows interconnected", "so1"},
			{"ws-esa-nairobi", "region-esa", "v-esa", "p-esa2", "One-stop border posts", "so1"},
		} {
			if err := ed.Set(r.voter, stratplan.KindParticipant, stratplan.Set("name", stratplan.Text(r.voter)), stratplan.Set("workshop", stratplan.Text(r.ws))); err != nil {
				return err
			}
			if err := ed.Set(r.prio, stratplan.KindPriority, stratplan.Set("title", stratplan.Text(r.title)), stratplan.Set("objective", stratplan.Text(r.objective)),
				stratplan.Set("workshop", stratplan.Text(r.ws))); err != nil {
				return err
			}
			if err := ed.SetVote(r.ws, r.voter, r.prio, 2); err != nil {
				return err
			}
		}
		return nil
	})
}

func consolidationOf(t *testing.T, a *App) *consolidationView {
	t.Helper()
	a.showStep(pageIndex("consolidation"))
	return a.views[pageIndex("consolidation")].(*consolidationView)
}

// lineOf returns the matrix line of a priority, or -1.
func lineOf(v *consolidationView, id string) int {
	for i, l := range v.lines {
		if l.row == nil {
			continue
		}
		for _, m := range l.row.Members {
			if m.E.ID == id {
				return i
			}
		}
	}
	return -1
}

// cellText is what the matrix table shows in a cell.
func cellText(v *consolidationView, row, col int) string {
	l := rowLabel()
	v.cell(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text
}

func TestConsolidationMatrixDuplicatesAndFilters(t *testing.T) {
	a := newExampleApp(t)
	withRegions(t, a)
	v := consolidationOf(t, a)
	if len(v.regions) != 6 || v.lines[0].row != nil || cellText(v, 0, 0) != "SO1  Trade facilitation and connectivity" {
		t.Fatalf("the matrix does not open on SO1's heading: %q", cellText(v, 0, 0))
	}
	col := map[string]int{}
	for i, r := range v.regions {
		col[r.Code] = len(matrixColumns) + i
	}
	eur := lineOf(v, "p-eur")
	if got := cellText(v, eur, col["EUR"]); got != "● 2" || cellText(v, eur, col["WCA"]) != "" || cellText(v, eur, 3) != "regional" {
		t.Fatalf("Europe's row: EUR %q, WCA %q, %q", got, cellText(v, eur, col["WCA"]), cellText(v, eur, 3))
	}

	// The duplicates tab suggests the single windows of three regions.
	v.tabs.SelectIndex(1)
	p := v.dups
	if len(p.pairs) != 3 {
		t.Fatalf("%d pairs suggested, want the three single-window pairs: %v", len(p.pairs), p.pairs)
	}
	for _, d := range p.pairs {
		if d.Score < stratplan.DefaultDuplicateScore || d.A.Str("title") == "One-stop border posts" || d.B.Str("title") == "One-stop border posts" {
			t.Fatalf("suggested %q ~ %q (%.2f)", d.A.Str("title"), d.B.Str("title"), d.Score)
		}
	}
	// Enter links the first pair, N dismisses the next; Undo takes the
	// dismissal back.
	a.win.Canvas().Focus(p.list)
	linked := p.pairs[0].A.ID
	press(p.list, fyne.KeyReturn)
	if len(p.pairs) != 1 {
		t.Fatalf("after linking, %d pairs left, want 1 (the third single window, now one pair with the group)", len(p.pairs))
	}
	p.list.TypedRune('n')
	if len(p.pairs) != 0 || !a.undo.Visible() || !strings.Contains(a.status.Text, "Ctrl+Z") {
		t.Fatalf("after dismissing, %d pairs left", len(p.pairs))
	}
	a.undoLast()
	v.refresh()
	if len(p.pairs) != 1 {
		t.Fatal("Undo did not bring the dismissed pair back")
	}

	// The matrix shows the linked priorities as one row, votes added up.
	v.tabs.SelectIndex(0)
	line := lineOf(v, linked)
	row := v.lines[line].row
	if len(row.Members) != 2 || !strings.Contains(cellText(v, line, 0), "(+1 linked)") || cellText(v, line, 1) != "4" || cellText(v, line, 2) != "2" {
		t.Fatalf("linked row: %q, votes %q, regions %q", cellText(v, line, 0), cellText(v, line, 1), cellText(v, line, 2))
	}
	// Six regions: common from three by default; from two, it is common.
	if cellText(v, line, 3) != "regional" {
		t.Fatal("a priority of two regions out of six is common by default")
	}
	v.minRegions.SetSelected("2")
	line = lineOf(v, linked)
	if cellText(v, line, 3) != "common" || a.plan.Doc().CommonRegions() != 2 {
		t.Fatal("from two regions, the linked priority is not common")
	}
	// Enter on the row shows its priorities; Unlink makes two rows again.
	v.showRow(line)
	unlink := findButton(a.win.Canvas().Overlays().Top(), "Unlink")
	if unlink == nil || !overlayShows(a, "dots") {
		t.Fatal("the row's priorities are not listed with a way to unlink them")
	}
	test.Tap(unlink)
	if lineOf(v, row.Members[0].E.ID) == lineOf(v, row.Members[1].E.ID) {
		t.Fatal("unlinking left the row whole")
	}

	// Common from one region: everything is common, and the plan keeps it.
	v.minRegions.SetSelected("1")
	if a.plan.Doc().CommonRegions() != 1 || cellText(v, lineOf(v, "p-esa2"), 3) != "common" {
		t.Fatal("the common threshold did not change")
	}
	// Filtering by region keeps that region's rows.
	v.region.Select.SetSelected("Europe")
	for _, l := range v.lines {
		if l.row != nil && !l.row.Cells[col["EUR"]-len(matrixColumns)].Raised {
			t.Fatalf("filtered to Europe, the matrix shows %q", l.row.Priority.Title)
		}
	}
	if lineOf(v, "p-eur") < 0 || lineOf(v, "p-esa2") >= 0 {
		t.Fatal("the Europe filter shows the wrong rows")
	}
	v.region.Select.SetSelected("All regions")
	v.workshop.Select.SetSelectedIndex(1 + indexOf(workshopIDs(a), "ws-esa-nairobi"))
	if lineOf(v, "p-esa2") < 0 || lineOf(v, "p-eur") >= 0 {
		t.Fatal("the workshop filter shows the wrong rows")
	}
}

func workshopIDs(a *App) []string {
	var out []string
	for _, w := range a.plan.Doc().Workshops() {
		out = append(out, w.E.ID)
	}
	return out
}

func TestConsolidationListsTheBundlesImported(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := newExampleApp(t)
	dir := t.TempDir()
	region := filepath.Join(dir, "region.stratplan")
	data, _ := os.ReadFile(a.plan.Path())
	os.WriteFile(region, data, 0o600)
	sec := a.plan.Path()
	a.openPath(region)
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set("swot-new", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Brussels hub")), stratplan.Set("quadrant", stratplan.Text("strength")))
	})
	bundle := filepath.Join(dir, "eur.json")
	exportTo(t, a, bundle)
	a.openPath(sec)
	for range 2 { // the second time, a repeated copy
		a.importBundles(bundle)
		im := a.importing
		waitFor(t, a, "the preview", func() bool { return !im.apply.Disabled() })
		test.Tap(im.apply)
		waitFor(t, a, "the import", func() bool { return strings.Contains(a.status.Text, "Imported 1 bundle") })
	}
	v := consolidationOf(t, a)
	v.tabs.SelectIndex(2)
	if len(v.receipts) != 2 || v.receiptCell(0, 0) != "eur.json" || v.receiptCell(1, 7) == "0" || v.receiptCell(0, 7) != "0" {
		t.Fatalf("receipts: %d; newest %q new %q, oldest new %q", len(v.receipts), v.receiptCell(0, 0), v.receiptCell(0, 7), v.receiptCell(1, 7))
	}
	// Exported and imported on this laptop: signed by its own key.
	if !strings.Contains(v.receiptCell(0, 6), "this laptop") || len(v.receiptCell(0, 5)) != 12 {
		t.Fatalf("signer %q, digest %q", v.receiptCell(0, 6), v.receiptCell(0, 5))
	}
}

// The Consolidation view's region starts from the window's region choice
// and follows it; chosen in the view, it stays until the window's changes.
func TestConsolidationFollowsTheWindowsRegion(t *testing.T) {
	a := newExampleApp(t)
	withTwoRegions(t, a)
	a.regionSel.Select.SetSelected("East & Southern Africa")
	v := stepOf[*consolidationView](t, a, pageIndex("consolidation"))
	if v.region.Select.Selected != "East & Southern Africa" {
		t.Fatalf("the view shows %q while the window shows East & Southern Africa", v.region.Select.Selected)
	}
	v.region.Select.SetSelectedIndex(0) // All regions, in the view
	v.refresh()
	if v.region.Select.SelectedIndex() != 0 {
		t.Fatal("a region chosen in the view did not stay")
	}
	a.regionSel.Select.SetSelected("West & Central Africa")
	v.refresh()
	if v.region.Select.Selected != "West & Central Africa" {
		t.Fatalf("the view shows %q after the window's region changed", v.region.Select.Selected)
	}
}
