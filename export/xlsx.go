package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"stratplan"
)

// SpreadsheetOptions say how the spreadsheet is made.
type SpreadsheetOptions struct {
	// Now is the date monitoring figures are judged at; zero means the
	// plan's last write.
	Now time.Time
}

// Sheet names of the spreadsheet, in order.
const (
	SheetActions      = "Actions"
	SheetDeliverables = "Deliverables"
	SheetIndicators   = "Indicators"
	SheetMeasurements = "Measurements"
	SheetPriorities   = "Priorities"
	SheetParticipants = "Participants"
)

// WriteSpreadsheet writes the plan as an xlsx workbook the Secretariat can
// track implementation in: one sheet each for actions, deliverables,
// indicators, measurements, priorities with their votes per region, and
// participants. Dates are dates, amounts are numbers, header rows stay in
// view and every sheet has filters. It returns warnings about values it
// wrote as text because they are not what their column holds.
func WriteSpreadsheet(w io.Writer, doc *stratplan.Document, o SpreadsheetOptions) ([]string, error) {
	x := &xlsxWriter{f: excelize.NewFile(), doc: doc}
	defer x.f.Close()
	now := o.Now
	if now.IsZero() {
		now = lastWrite(doc)
	}
	var err error
	if x.header, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"122B4A"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return nil, err
	}
	if x.date, err = x.f.NewStyle(&excelize.Style{NumFmt: 14, CustomNumFmt: ptr("yyyy-mm-dd")}); err != nil {
		return nil, err
	}
	if x.amount, err = x.f.NewStyle(&excelize.Style{CustomNumFmt: ptr("#,##0.##")}); err != nil {
		return nil, err
	}
	if x.percent, err = x.f.NewStyle(&excelize.Style{NumFmt: 9}); err != nil {
		return nil, err
	}
	created := lastWrite(doc).Format(time.RFC3339)
	if err := x.f.SetDocProps(&excelize.DocProperties{Creator: "stratplan", Created: created, Modified: created,
		Title: doc.PlanInfo().Title, LastModifiedBy: "stratplan"}); err != nil {
		return nil, err
	}
	steps := []func(){x.actions, x.deliverables, func() { x.indicators(now) }, x.measurements, x.priorities, x.participants}
	for _, step := range steps {
		step()
		if x.err != nil {
			return nil, fmt.Errorf("write the spreadsheet: %w", x.err)
		}
	}
	x.f.SetActiveSheet(0)
	if err := x.f.Write(w); err != nil {
		return nil, fmt.Errorf("write the spreadsheet: %w", err)
	}
	return x.warnings, nil
}

func ptr[T any](v T) *T { return &v }

type xlsxWriter struct {
	f                             *excelize.File
	doc                           *stratplan.Document
	header, date, amount, percent int
	err                           error
	warnings                      []string
	sheets                        int
	sw                            *excelize.StreamWriter
	name                          string
	row, cols                     int
}

// sheet starts a sheet with its header row frozen and the given column
// widths.
func (x *xlsxWriter) sheet(name string, cols []string, widths []float64) {
	if x.err != nil {
		return
	}
	if x.sheets == 0 {
		x.err = x.f.SetSheetName("Sheet1", name)
	} else {
		_, x.err = x.f.NewSheet(name)
	}
	x.sheets++
	if x.err != nil {
		return
	}
	if x.sw, x.err = x.f.NewStreamWriter(name); x.err != nil {
		return
	}
	x.name, x.row, x.cols = name, 1, len(cols)
	for i, w := range widths {
		if x.err = x.sw.SetColWidth(i+1, i+1, w); x.err != nil {
			return
		}
	}
	if x.err = x.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); x.err != nil {
		return
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: x.header, Value: c}
	}
	x.put(head)
}

// put writes one row.
func (x *xlsxWriter) put(values []any) {
	if x.err != nil {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(1, x.row)
	x.err = x.sw.SetRow(cell, values)
	x.row++
}

// end flushes the sheet and puts filters on its columns.
func (x *xlsxWriter) end() {
	if x.err != nil {
		return
	}
	if x.err = x.sw.Flush(); x.err != nil {
		return
	}
	last, _ := excelize.CoordinatesToCellName(x.cols, max(x.row-1, 1))
	x.err = x.f.AutoFilter(x.name, "A1:"+last, nil)
}

// dateCell is a date as a date, empty when unset, and the text as written
// (with a warning) when it is not a date.
func (x *xlsxWriter) dateCell(e *stratplan.Entity, field string) any {
	s := strings.TrimSpace(e.Str(field))
	if s == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		x.warnings = append(x.warnings, fmt.Sprintf("%s %s, %s: %q is not a date; written as text", e.Kind, e.ID, field, s))
		return s
	}
	return excelize.Cell{StyleID: x.date, Value: t}
}

// numberCell is a number, empty when unset, and the text as written when
// it is not a number (with a warning when warn is set).
func (x *xlsxWriter) numberCell(e *stratplan.Entity, field string, warn bool) any {
	s := strings.TrimSpace(e.Str(field))
	if s == "" {
		return nil
	}
	f, err := stratplan.ParseFigure(s)
	if err != nil {
		if warn {
			x.warnings = append(x.warnings, fmt.Sprintf("%s %s, %s: %s; written as text", e.Kind, e.ID, field, err))
		}
		return s
	}
	return excelize.Cell{StyleID: x.amount, Value: f}
}

func (x *xlsxWriter) objectiveOf(priority string) string {
	if p := x.doc.Get(stratplan.KindPriority, priority); p != nil {
		if o := x.doc.Get(stratplan.KindObjective, p.Str("objective")); o != nil {
			return strings.TrimSpace(o.Str("code") + " " + o.Str("title"))
		}
	}
	return ""
}

func (x *xlsxWriter) regionCode(e *stratplan.Entity) string {
	if r := x.doc.Get(stratplan.KindRegion, x.doc.RegionOf(e)); r != nil {
		if c := r.Str("code"); c != "" {
			return c
		}
		return r.Str("name")
	}
	return ""
}

func titleOf(doc *stratplan.Document, kind, id string) string {
	if e := doc.Get(kind, id); e != nil {
		return e.Str("title")
	}
	return ""
}

func (x *xlsxWriter) actions() {
	x.sheet(SheetActions, []string{"Objective", "Priority", "Region", "Action", "Owner", "Start", "Due", "Budget", "Staff months", "Status", "Deliverables", "Id"},
		[]float64{28, 34, 8, 40, 24, 12, 12, 14, 10, 12, 8, 20})
	deliverables := x.doc.LiveBy(stratplan.KindDeliverable, "action")
	for _, a := range x.doc.Actions("") {
		x.put([]any{x.objectiveOf(a.Priority), titleOf(x.doc, stratplan.KindPriority, a.Priority), x.regionCode(a.E), a.Title, a.Owner,
			x.dateCell(a.E, "start"), x.dateCell(a.E, "due"), x.numberCell(a.E, "budget", true), x.numberCell(a.E, "staff_months", true),
			a.Status, len(deliverables[a.E.ID]), a.E.ID})
	}
	x.end()
}

func (x *xlsxWriter) deliverables() {
	x.sheet(SheetDeliverables, []string{"Objective", "Action", "Region", "Code", "Deliverable", "Due", "Status", "Id"},
		[]float64{28, 40, 8, 10, 40, 12, 12, 20})
	for _, d := range x.doc.Deliverables("") {
		prio := ""
		if a := x.doc.Get(stratplan.KindAction, d.Action); a != nil {
			prio = a.Str("priority")
		}
		x.put([]any{x.objectiveOf(prio), titleOf(x.doc, stratplan.KindAction, d.Action), x.regionCode(d.E), d.Code, d.Title,
			x.dateCell(d.E, "due"), d.Status, d.E.ID})
	}
	x.end()
}

func (x *xlsxWriter) indicators(now time.Time) {
	x.sheet(SheetIndicators, []string{"Objective", "Measures", "Region", "Indicator", "Unit", "Direction", "Frequency", "Baseline", "Target",
		"Latest period", "Latest value", "Progress", "Status", "Due period", "Source", "Id"},
		[]float64{28, 34, 8, 40, 10, 10, 11, 10, 10, 10, 10, 10, 10, 10, 24, 20})
	m := x.doc.Monitor(now)
	for _, in := range x.doc.Indicators("") {
		p := m.Indicator(in)
		of := ""
		if e := x.doc.Ref(in.Of, stratplan.KindPriority, stratplan.KindAction); e != nil {
			of = e.Label()
		}
		target := x.numberCell(in.E, "target", false)
		if in.Qualitative {
			target = in.TargetText
		}
		var period, value, progress any
		if p.Latest != nil {
			period = p.Latest.Period
			value = p.Latest.Text
			if p.Latest.OK && !in.Qualitative {
				value = excelize.Cell{StyleID: x.amount, Value: p.Latest.Value}
			}
		}
		if p.HasProgress {
			progress = excelize.Cell{StyleID: x.percent, Value: p.Progress}
		}
		x.put([]any{x.objectiveOf(p.Priority), of, x.regionCode(in.E), in.Name, in.Unit, in.Direction, in.Frequency,
			x.numberCell(in.E, "baseline", false), target, period, value, progress, string(p.Status), p.Due, in.Source, in.E.ID})
	}
	x.end()
}

func (x *xlsxWriter) measurements() {
	x.sheet(SheetMeasurements, []string{"Indicator", "Region", "Period", "Period start", "Period end", "Value", "Note", "Id"},
		[]float64{40, 8, 10, 12, 12, 12, 40, 20})
	measurements := x.doc.LiveBy(stratplan.KindMeasurement, "indicator")
	for _, in := range x.doc.Indicators("") {
		for _, e := range measurements[in.E.ID] {
			period := strings.TrimSpace(e.Str("period"))
			var first, last any
			if f, l, ok := stratplan.PeriodRange(period); ok {
				first, last = excelize.Cell{StyleID: x.date, Value: f}, excelize.Cell{StyleID: x.date, Value: l}
			}
			value := x.numberCell(e, "value", false)
			x.put([]any{in.Name, x.regionCode(e), period, first, last, value, e.Str("note"), e.ID})
		}
	}
	x.end()
}

func (x *xlsxWriter) priorities() {
	regions := x.doc.Regions()
	cols := []string{"Objective", "Priority", "Region", "Impact", "Effort", "Votes"}
	widths := []float64{28, 44, 8, 8, 8, 8}
	col := map[string]int{}
	for i, r := range regions {
		code := r.Code
		if code == "" {
			code = r.Name
		}
		cols = append(cols, "Votes "+code)
		widths = append(widths, 10)
		col[r.E.ID] = i
	}
	cols = append(cols, "Same as", "Common to regions", "Id")
	widths = append(widths, 34, 10, 20)
	x.sheet(SheetPriorities, cols, widths)
	// Votes per priority and per region of the workshop they were cast in.
	perRegion := map[string][]int{}
	total := map[string]int{}
	for _, v := range x.doc.Votes("") {
		total[v.Target] += v.Points
		if perRegion[v.Target] == nil {
			perRegion[v.Target] = make([]int, len(regions))
		}
		if c, ok := col[x.doc.RegionOf(v.E)]; ok {
			perRegion[v.Target][c] += v.Points
		}
	}
	groups := x.doc.SameAsGroups()
	regionsOf := map[string]map[string]bool{}
	for _, p := range x.doc.Priorities("") {
		g := groups[p.E.ID]
		if regionsOf[g] == nil {
			regionsOf[g] = map[string]bool{}
		}
		if r := x.doc.RegionOf(p.E); r != "" {
			regionsOf[g][r] = true
		}
	}
	for _, p := range x.doc.Priorities("") {
		row := []any{x.objectiveOf(p.E.ID), p.Title, x.regionCode(p.E), intOrNil(p.Impact), intOrNil(p.Effort), total[p.E.ID]}
		for i := range regions {
			n := 0
			if perRegion[p.E.ID] != nil {
				n = perRegion[p.E.ID][i]
			}
			row = append(row, n)
		}
		same := ""
		if g := groups[p.E.ID]; g != p.E.ID {
			same = titleOf(x.doc, stratplan.KindPriority, g)
		}
		row = append(row, same, len(regionsOf[groups[p.E.ID]]), p.E.ID)
		x.put(row)
	}
	x.end()
}

func intOrNil(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func (x *xlsxWriter) participants() {
	x.sheet(SheetParticipants, []string{"Workshop", "Region", "Name", "Member administration", "Role", "Id"}, []float64{40, 8, 30, 28, 40, 20})
	for _, p := range x.doc.Participants("") {
		x.put([]any{titleOf(x.doc, stratplan.KindWorkshop, p.E.Str(stratplan.FieldWorkshop)), x.regionCode(p.E), p.Name, p.Member, p.Role, p.E.ID})
	}
	x.end()
}
