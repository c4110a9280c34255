package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"stratplan"
	"stratplan/export"
)

func TestSpreadsheetReadsBackWithEveryRowAndTheRightTypes(t *testing.T) {
	d := examplePlan(t, scripts, func(ed *stratplan.Edit) error {
		for _, m := range [][3]string{{"ind-b", "2027-Q4", "66"}, {"ind-b", "2028-Q1", "60"}, {"ind-d", "2028", "in_progress"}} {
			if err := ed.Set(stratplan.MeasurementID(m[0], m[1]), stratplan.KindMeasurement, set("indicator", m[0]), set("period", m[1]), set("value", m[2])); err != nil {
				return err
			}
		}
		// A budget that is not an amount is kept as text, with a warning.
		return ed.Set("act-e", stratplan.KindAction, set("budget", "about 90k"))
	})
	var buf bytes.Buffer
	warnings, err := export.WriteSpreadsheet(&buf, d, export.SpreadsheetOptions{Now: time.Date(2028, 5, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "action act-e, budget") {
		t.Fatalf("warnings %q", warnings)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{export.SheetActions, export.SheetDeliverables, export.SheetIndicators, export.SheetMeasurements, export.SheetPriorities, export.SheetParticipants}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %v", got)
	}
	counts := map[string]int{
		export.SheetActions: len(d.Actions("")), export.SheetDeliverables: len(d.Deliverables("")), export.SheetIndicators: len(d.Indicators("")),
		export.SheetMeasurements: 3, export.SheetPriorities: len(d.Priorities("")), export.SheetParticipants: len(d.Participants("")),
	}
	for sheet, n := range counts {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n+1 {
			t.Errorf("%s: %d rows, want a header and %d", sheet, len(rows), n)
		}
		// Frozen header and filters.
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v %v", sheet, panes, err)
		}
	}
	// Find a row by its id (last column) and read a cell of it.
	cellOf := func(sheet, id, header string) (string, excelize.CellType) {
		rows, _ := f.GetRows(sheet)
		col := -1
		for i, h := range rows[0] {
			if h == header {
				col = i
			}
		}
		for r, row := range rows {
			if row[len(row)-1] == id {
				name, _ := excelize.CoordinatesToCellName(col+1, r+1)
				v, _ := f.GetCellValue(sheet, name)
				typ, _ := f.GetCellType(sheet, name)
				return v, typ
			}
		}
		t.Fatalf("%s: no row %s", sheet, id)
		return "", 0
	}
	if v, typ := cellOf(export.SheetActions, "act-a", "Budget"); v != "180,000" || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("budget of act-a: %q (%v)", v, typ)
	}
	if v, typ := cellOf(export.SheetActions, "act-e", "Budget"); v != "about 90k" || typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("unreadable budget: %q (%v)", v, typ)
	}
	// A date is a date: a number underneath, shown as the date.
	v, _ := cellOf(export.SheetActions, "act-a", "Due")
	if v != "2027-12-15" {
		t.Errorf("due date shown as %q", v)
	}
	rows, _ := f.GetRows(export.SheetActions, excelize.Options{RawCellValue: true})
	for _, row := range rows[1:] {
		if row[len(row)-1] == "act-a" && (row[6] == "2027-12-15" || row[6] == "") {
			t.Errorf("due date stored as %q, not as a date serial", row[6])
		}
	}
	if v, _ := cellOf(export.SheetIndicators, "ind-b", "Latest value"); v != "60" {
		t.Errorf("latest value of ind-b: %q", v)
	}
	if v, _ := cellOf(export.SheetIndicators, "ind-b", "Progress"); v != "50%" {
		t.Errorf("progress of ind-b: %q", v)
	}
	if v, _ := cellOf(export.SheetIndicators, "ind-d", "Latest value"); v != "in_progress" {
		t.Errorf("milestone of ind-d: %q", v)
	}
	if v, _ := cellOf(export.SheetParticipants, "p-ar", "Name"); v != "محمد بن علي" {
		t.Errorf("Arabic name: %q", v)
	}
	// Votes per region: the example's votes were all cast in West Africa.
	if v, _ := cellOf(export.SheetPriorities, "prio-a", "Votes WCA"); v != "11" {
		t.Errorf("prio-a's WCA votes: %q", v)
	}
	if v, _ := cellOf(export.SheetPriorities, "prio-a", "Votes EUR"); v != "0" {
		t.Errorf("prio-a's EUR votes: %q", v)
	}
}
