package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// consolidationView is the Secretariat's view of the whole plan: the
// priorities × regions matrix (common and regional priorities), the
// duplicates suggested across regions, and the bundles imported so far.
// Every part follows the region and workshop chosen in its filters.
type consolidationView struct {
	a     *App
	frame *stepFrame
	tabs  *container.AppTabs

	region, workshop *idSelect
	header           *string // the window's region choice last followed; nil before the first
	minRegions       *choice
	order            *choice
	summary          *widget.Label

	matrix  stratplan.Matrix
	lines   []matrixLine
	table   *keyTable
	regions []stratplan.Region

	dups *duplicatesPanel

	bundles  *textTable
	receipts []stratplan.Receipt
}

// matrixLine is one line of the matrix table: an objective's heading
// (row nil) or a priority, with the priorities linked to it.
type matrixLine struct {
	group *stratplan.MatrixGroup
	row   *stratplan.MatrixRow
}

// The matrix's first columns; the regions' columns follow.
var matrixColumns = []string{"Priority", "Votes", "Regions", "Common or regional"}

var matrixOrders = []string{"Most votes first", "Most regions first"}

var receiptColumns = []column{
	{name: "File", flex: true}, {name: "From", max: 10}, {name: "Region", max: 5}, {name: "Exported", max: 9}, {name: "Export", right: true, max: 4},
	{name: "Digest", max: 8}, {name: "Signed", max: 9}, {name: "New", right: true, max: 5}, {name: "Updated", right: true, max: 5}, {name: "Conflicts", right: true, max: 5},
}

func newConsolidationView(a *App) stepView {
	v := &consolidationView{a: a}
	v.region = newIDSelect(lang.L("All regions"), lang.L("Add the plan's regions first, on the Plan page."), func(string) { v.refresh() })
	v.workshop = newIDSelect(lang.L("All workshops"), lang.L("This plan has no workshop yet: create one with +."), func(string) { v.refresh() })
	v.minRegions = newChoice(nil, func(s string) {
		n, err := strconv.Atoi(s)
		if err != nil || v.a.plan == nil || n == v.a.plan.Doc().CommonRegions() {
			return
		}
		plan := v.a.plan.Doc().Plan()
		v.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(plan, stratplan.KindPlan, stratplan.Set("common_priority_regions", stratplan.Int(n)))
		})
	})
	v.order = newChoice(translated(matrixOrders), nil)
	v.order.SetSelectedIndex(0)
	v.order.OnChanged = func(string) { v.refreshMatrix() }
	v.summary = widget.NewLabel("")
	v.summary.Truncation = fyne.TextTruncateEllipsis

	v.table = newKeyTable(func() (int, int) { return len(v.lines), len(matrixColumns) + len(v.regions) }, newRowLabel, v.cell)
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 {
			return
		}
		if id.Col < len(matrixColumns) {
			o.(*widget.Label).SetText(lang.L(matrixColumns[id.Col]))
		} else if r := id.Col - len(matrixColumns); r < len(v.regions) {
			o.(*widget.Label).SetText(v.regions[r].Code)
		}
	}
	v.table.OnEdit = v.showRow
	for i, w := range []float32{320, 64, 76, 110} {
		head := fyne.MeasureText(lang.L(matrixColumns[i]), theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding() + 2
		v.table.SetColumnWidth(i, max(w, min(head, 160)))
	}

	filters := container.NewHBox(fixedUnits(10, v.region.Select), fixedUnits(12, v.workshop.Select))
	options := container.NewHBox(widget.NewLabel(lang.L("Common when raised in at least")), fixedUnits(4, v.minRegions),
		widget.NewLabel(lang.L("regions")), fixedUnits(10, v.order))
	matrixTab := container.New(newBorder(options, v.summary), options, v.table, v.summary)

	v.dups = newDuplicatesPanel(a, v)

	v.bundles = newTextTable(func() int { return len(v.receipts) }, receiptColumns, v.receiptCell)
	bundlesHint := widget.NewLabelWithStyle(lang.L("Every bundle imported into this plan file, newest first, with what it changed: a stale or repeated copy changes nothing."),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	bundlesHint.Wrapping = fyne.TextWrapWord
	bundlesTab := container.New(newBorder(bundlesHint, nil), bundlesHint, v.bundles.obj)

	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Priorities × regions"), matrixTab),
		container.NewTabItem(lang.L("Duplicates"), v.dups.obj),
		container.NewTabItem(lang.L("Bundles imported"), bundlesTab))
	v.tabs.OnSelected = func(*container.TabItem) { v.refresh() }
	v.frame = newStepFrame(a, stepParts{
		Key:     "consolidation",
		Title:   msg("Consolidation"),
		Help:    msg("The plan as the regions' bundles made it. The matrix: ● a region raised the priority, with its dots; a number alone, dots from a region that did not raise it; Enter on a row shows the priorities it joins and unlinks them. Duplicates: pairs of regions' priorities that look alike, to link or dismiss. Bundles imported: every bundle this file took in."),
		Chooser: filters,
		Body:    v.tabs,
		NoNotes: true,
		Tools: []tool{
			{theme.DownloadIcon(), msg("Import bundles…"), func() { a.importBundles() }},
			{theme.DocumentIcon(), msg("Consolidated report (PDF)…"), a.exportConsolidated},
		},
	})
	return v
}

func (v *consolidationView) object() fyne.CanvasObject { return v.frame.object() }

// focus gives the keyboard to the region filter; Tab leads on to the
// matrix (focusing the matrix first would draw it twice).
func (v *consolidationView) focus() { v.a.win.Canvas().Focus(v.region.Select) }

func (v *consolidationView) refresh() {
	doc := v.a.plan.Doc()
	regions := doc.Regions()
	names, ids := []string{lang.L("All regions")}, []string{""}
	for _, r := range regions {
		names, ids = append(names, r.Name), append(ids, r.E.ID)
	}
	// The view's region starts from the window's, and follows it when it
	// changes there; chosen here, it stays until then.
	keep := v.region.id()
	if v.header == nil || *v.header != v.a.region {
		keep = v.a.region
		h := v.a.region
		v.header = &h
	}
	v.region.fill(names, ids, keep, true)
	names, ids = []string{lang.L("All workshops")}, []string{""}
	for _, w := range doc.Workshops() {
		if v.region.id() == "" || w.Region == v.region.id() {
			names, ids = append(names, workshopLabel(w, doc)), append(ids, w.E.ID)
		}
	}
	v.workshop.fill(names, ids, v.workshop.id(), true)
	opts := make([]string, max(len(regions), 1))
	for i := range opts {
		opts[i] = strconv.Itoa(i + 1)
	}
	v.minRegions.Options = opts
	v.minRegions.SetSelected(strconv.Itoa(doc.CommonRegions()))
	switch v.tabs.SelectedIndex() {
	case 1:
		v.dups.refresh()
	case 2:
		v.refreshBundles()
		v.bundles.refresh()
	default:
		v.refreshMatrix()
	}
}

// inScope reports whether a priority is in the region and workshop chosen.
func (v *consolidationView) inScope(doc *stratplan.Document, e *stratplan.Entity) bool {
	if w := v.workshop.id(); w != "" && doc.WorkshopOf(e) != w {
		return false
	}
	if r := v.region.id(); r != "" && doc.RegionOf(e) != r {
		return false
	}
	return true
}

func (v *consolidationView) refreshMatrix() {
	doc := v.a.plan.Doc()
	order := stratplan.ByVotes
	if v.order.SelectedIndex() == 1 {
		order = stratplan.ByRegions
	}
	v.matrix = doc.PriorityMatrix(0, order)
	v.regions = v.matrix.Regions
	col := -1
	for i, r := range v.regions {
		if r.E.ID == v.region.id() {
			col = i
		}
	}
	v.lines = v.lines[:0]
	common, regional := 0, 0
	for g := range v.matrix.Groups {
		grp := &v.matrix.Groups[g]
		first := true
		for r := range grp.Rows {
			row := &grp.Rows[r]
			if !v.rowInScope(doc, row, col) {
				continue
			}
			if first {
				v.lines = append(v.lines, matrixLine{group: grp})
				first = false
			}
			v.lines = append(v.lines, matrixLine{group: grp, row: row})
			if row.Common {
				common++
			} else {
				regional++
			}
		}
	}
	v.summary.SetText(lang.L("Common: {{.Common}} · regional: {{.Regional}} · regions: {{.Regions}}",
		map[string]any{"Common": common, "Regional": regional, "Regions": len(v.regions)}))
	if len(v.lines) == 0 {
		v.summary.SetText(lang.L("No priorities here yet: import the regions' bundles (File ▸ Import bundles), or choose another region or workshop."))
	}
	for i := range v.regions {
		v.table.SetColumnWidth(len(matrixColumns)+i, 64)
	}
	v.table.Refresh()
}

// rowInScope reports whether a matrix row has a part in the region (its
// column col, or -1 for all) and the workshop chosen.
func (v *consolidationView) rowInScope(doc *stratplan.Document, row *stratplan.MatrixRow, col int) bool {
	if col >= 0 && !row.Cells[col].Raised && row.Cells[col].Votes == 0 {
		return false
	}
	if w := v.workshop.id(); w != "" {
		for _, m := range row.Members {
			if doc.WorkshopOf(m.E) == w {
				return true
			}
		}
		return false
	}
	return true
}

func (v *consolidationView) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(v.lines) {
		return
	}
	line := v.lines[id.Row]
	// Only titles can be too long; shorter cells skip the costly fitting.
	l.Truncation = fyne.TextTruncateOff
	if id.Col == 0 {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	l.TextStyle = fyne.TextStyle{}
	l.Importance = widget.MediumImportance
	if line.row == nil {
		text := ""
		if id.Col == 0 {
			text = lang.L("Under no objective")
			if o := line.group.Objective; o.E != nil {
				text = o.Code + "  " + o.Title
			}
			l.TextStyle = fyne.TextStyle{Bold: true}
		}
		l.SetText(text)
		return
	}
	r := line.row
	switch {
	case id.Col == 0:
		text := r.Priority.Title
		if n := len(r.Members) - 1; n > 0 {
			text = lang.N("{{.Title}} (+{{.Count}} linked)", n, map[string]any{"Title": text, "Count": n})
		}
		l.SetText(text)
	case id.Col == 1:
		l.SetText(strconv.Itoa(r.Votes))
	case id.Col == 2:
		l.SetText(strconv.Itoa(r.Regions))
	case id.Col == 3:
		if r.Common {
			l.Importance = widget.SuccessImportance
			l.TextStyle = fyne.TextStyle{Bold: true}
			l.SetText(lang.L("common"))
		} else {
			l.SetText(lang.L("regional"))
		}
	default:
		c := r.Cells[id.Col-len(matrixColumns)]
		switch {
		case c.Raised && c.Votes > 0:
			l.SetText(fmt.Sprintf("● %d", c.Votes))
		case c.Raised:
			l.SetText("●")
		case c.Votes > 0:
			l.SetText(strconv.Itoa(c.Votes))
		default:
			l.SetText("")
		}
	}
}

// showRow shows the priorities a matrix row joins, where each comes from,
// and offers to unlink them.
func (v *consolidationView) showRow(i int) {
	if i < 0 || i >= len(v.lines) || v.lines[i].row == nil {
		return
	}
	doc := v.a.plan.Doc()
	r := v.lines[i].row
	pts := stratplan.Points(doc.Votes(""))
	box := container.NewVBox()
	var d *modal
	for _, m := range r.Members {
		where := doc.RegionName(doc.RegionOf(m.E))
		if w := doc.Get(stratplan.KindWorkshop, doc.WorkshopOf(m.E)); w != nil {
			where += " · " + workshopLabel(stratplan.WorkshopOf(w), doc)
		}
		text := widget.NewLabel(lang.N("“{{.Title}}” — {{.Where}}, {{.Votes}} dots", pts[m.E.ID], map[string]any{"Title": m.Title, "Where": where, "Votes": pts[m.E.ID]}))
		text.Wrapping = fyne.TextWrapWord
		var act fyne.CanvasObject = widget.NewLabel("")
		if len(r.Members) > 1 {
			id := m.E.ID
			act = newButton(lang.L("Unlink"), theme.ContentCutIcon(), func() {
				if v.a.edit(func(ed *stratplan.Edit) error { return ed.Unlink(stratplan.KindPriority, id) }) {
					v.a.setStatus(lang.L("Unlinked: it counts on its own again."))
					d.dismiss()
				}
			})
		}
		box.Add(container.NewBorder(nil, nil, nil, act, text))
	}
	about := widget.NewLabel(lang.L("These priorities are linked as the same: the matrix shows them as one row and adds up their votes. Unlinking one makes it a row of its own again; nothing is deleted."))
	about.Wrapping = fyne.TextWrapWord
	d = v.a.showInfo(r.Priority.Title, container.NewVBox(about, widget.NewSeparator(), box), fyne.NewSize(640, 0))
}

func (v *consolidationView) refreshBundles() {
	all, err := v.a.plan.Receipts()
	if err != nil {
		v.a.setStatus(err.Error())
	}
	v.receipts = v.receipts[:0]
	for i := len(all) - 1; i >= 0; i-- {
		if r := v.region.id(); r == "" || all[i].Region == r {
			v.receipts = append(v.receipts, all[i])
		}
	}
	v.bundles.refresh()
}

func (v *consolidationView) receiptCell(row, col int) string {
	r := v.receipts[row]
	switch col {
	case 0:
		return r.File
	case 1:
		if r.Label != "" {
			return r.Label
		}
		return r.Producer
	case 2:
		if e := v.a.plan.Doc().Get(stratplan.KindRegion, r.Region); e != nil {
			return e.Str("code")
		}
		return ""
	case 3:
		return r.ExportedAt.Local().Format("2006-01-02 15:04")
	case 4:
		return strconv.FormatUint(r.Seq, 10)
	case 5:
		return shortDigest(r.Digest)
	case 6:
		switch {
		case r.Trusted:
			return "✔ " + r.SignerName
		case r.SignerKey != "":
			return lang.L("unknown key") + " " + r.SignerKey
		}
		return lang.L("unsigned")
	case 7:
		return strconv.Itoa(r.Stats.NewEntities)
	case 8:
		return strconv.Itoa(r.Stats.UpdatedFields)
	}
	return strconv.Itoa(r.Stats.NewConflicts)
}

// shortDigest is the start of a digest, enough for people to compare.
func shortDigest(d string) string {
	d = strings.TrimPrefix(d, "sha256:")
	if len(d) > 12 {
		d = d[:12]
	}
	return d
}
