package ui

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

var categoryLabels = []string{"Political", "Economic", "Social", "Technological", "Legal", "Environmental"}

// categoryKeys are the keys that set a factor's category, in the order of
// stratplan.PESTLECategories: P E S T L, and V for enVironmental (E is
// economic).
var categoryKeys = []rune{'p', 'e', 's', 't', 'l', 'v'}

var scoreOptions = []string{"1", "2", "3", "4", "5"}

// scanStep is step 4: PESTLE factors with impact and likelihood, the
// organisation's response, and the impact × likelihood grid.
type scanStep struct {
	a        *App
	frame    *stepFrame
	title    *entry
	category *choice
	impact   *choice
	likely   *choice
	filter   *choice
	table    *textTable
	grid     *heatGrid
	detail   *detailPane
	items    []stratplan.ScanFactor
	selected int
}

var scanColumns = []column{{name: "Category", max: 9}, {name: "Factor", flex: true}, {name: "Impact", right: true, max: 5}, {name: "Likelihood", right: true, max: 6}}

// scanColumnImpact and scanColumnLikelihood are the columns whose digits
// set the impact and the likelihood.
const (
	scanColumnImpact     = 2
	scanColumnLikelihood = 3
)

func newScanStep(a *App) stepView {
	s := &scanStep{a: a, selected: -1}
	s.title = newEntry(lang.L("Add a factor, e.g. AfCFTA enters into force…"))
	s.title.OnSubmitted = func(string) { s.add() }
	s.category = newChoice(translated(categoryLabels), nil)
	s.category.SetSelectedIndex(0)
	s.impact = newChoice(scoreOptions, nil)
	s.impact.SetSelectedIndex(2)
	s.likely = newChoice(scoreOptions, nil)
	s.likely.SetSelectedIndex(2)
	s.filter = newChoice(append([]string{lang.L("All categories")}, translated(categoryLabels)...), nil)
	s.filter.SetSelectedIndex(0)
	s.filter.OnChanged = func(string) { s.refresh() }
	addRow := container.NewBorder(nil, nil, nil,
		container.NewHBox(fixedUnits(9, s.category), widget.NewLabel(lang.L("Impact")), s.impact, widget.NewLabel(lang.L("Likelihood")), s.likely),
		s.title)

	s.table = newTextTable(func() int { return len(s.items) }, scanColumns, func(row, col int) string {
		f := s.items[row]
		return []string{categoryName(f.Category), s.a.tagged(f.E, f.Title), scoreText(f.Impact), scoreText(f.Likelihood)}[col]
	})
	s.table.OnSelect = func(row int) {
		s.selected = row
		s.showDetail()
	}
	s.table.OnEdit, s.table.OnDelete = s.edit, s.remove
	s.table.OnRune = func(row int, r rune) {
		switch {
		case r >= '1' && r <= '5':
			field := "impact"
			if s.table.column() == scanColumnLikelihood {
				field = "likelihood"
			} else {
				// The frame shows where the digit went, and → from
				// there reaches the likelihood.
				s.table.toColumn(scanColumnImpact)
			}
			s.set(row, field, fmt.Sprint(int(r-'0')))
		default:
			for i, k := range categoryKeys {
				if unicode.ToLower(r) == k {
					s.set(row, "category", stratplan.PESTLECategories[i])
				}
			}
		}
	}
	s.grid = newHeatGrid(5, lang.L("Likelihood"), lang.L("Impact"))
	s.detail = newDetailPane(lang.L("Choose a factor to read it whole."), s.grid.obj)
	s.frame = newStepFrame(a, stepParts{
		Key:     "scan",
		Title:   msg("Environmental scan"),
		Help:    msg("Type a factor and press Enter; its category, impact and likelihood come from the choices beside it. In the table: → moves the frame to Impact, then Likelihood; 1–5 set the framed score (elsewhere: the impact); P E S T L V set the category; Enter edits, Delete removes."),
		Chooser: container.NewHBox(widget.NewLabel(lang.L("Show")), fixedUnits(11, s.filter)),
		Add:     addRow,
		Body:    s.table.obj,
		Detail:  s.detail.obj,
		Tools: []tool{
			{theme.DocumentCreateIcon(), msg("Edit"), func() { s.edit(s.selected) }},
			{theme.DeleteIcon(), msg("Delete"), func() { s.remove(s.selected) }},
			{theme.ContentAddIcon(), msg("Make it an opportunity"), func() { s.toSWOT(s.selected, "opportunity") }},
			{theme.WarningIcon(), msg("Make it a threat"), func() { s.toSWOT(s.selected, "threat") }},
		},
	})
	return s
}

func categoryName(c string) string {
	if i := indexOf(stratplan.PESTLECategories, c); i >= 0 {
		return lang.L(categoryLabels[i])
	}
	return c
}

func scoreText(n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprint(n)
}

func (s *scanStep) object() fyne.CanvasObject { return s.frame.object() }
func (s *scanStep) focus()                    { s.a.win.Canvas().Focus(s.title) }

// selectKey chooses a factor, if the list shows it.
func (s *scanStep) selectKey(k stratplan.Key) bool {
	for i, f := range s.items {
		if f.E.Key() == k {
			return chooseRow(s.a, s.table.keyTable, i)
		}
	}
	return false
}

func (s *scanStep) refresh() {
	s.a.gateAdd(s.title, lang.L("Add a factor, e.g. AfCFTA enters into force…"))
	all := s.a.plan.Doc().ScanFactorsIn(s.a.scope())
	want := ""
	if i := s.filter.SelectedIndex(); i > 0 {
		want = stratplan.PESTLECategories[i-1]
	}
	s.items = s.items[:0]
	for _, f := range all {
		if want == "" || f.Category == want {
			s.items = append(s.items, f)
		}
	}
	if s.selected >= len(s.items) {
		s.selected = -1
		s.table.UnselectAll()
	}
	s.table.refresh()
	s.grid.set(s.cellCounts())
	s.showDetail()
	s.frame.refresh()
}

func (s *scanStep) showDetail() {
	f, ok := s.factorAt(s.selected)
	if !ok {
		s.detail.show("")
		return
	}
	s.detail.show(f.Title,
		[2]string{lang.L("Category"), categoryName(f.Category)},
		[2]string{lang.L("Impact") + " / " + lang.L("Likelihood"), scoreText(f.Impact) + " / " + scoreText(f.Likelihood)},
		[2]string{lang.X("field.description", "Description"), f.Description},
		[2]string{lang.L("Response"), f.Response},
		s.a.fromField(f.E))
}

func (s *scanStep) add() {
	title := strings.TrimSpace(s.title.Text)
	ws := s.a.workshop
	if title == "" || ws == "" {
		return
	}
	cat := stratplan.PESTLECategories[max(s.category.SelectedIndex(), 0)]
	if s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindScanFactor, stratplan.Set("title", stratplan.Text(title)),
			stratplan.Set("category", stratplan.Text(cat)), stratplan.Set("impact", stratplan.Text(s.impact.Selected)),
			stratplan.Set("likelihood", stratplan.Text(s.likely.Selected)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	}) {
		s.title.SetText("")
		s.table.ScrollToBottom()
	}
}

func (s *scanStep) factorAt(i int) (stratplan.ScanFactor, bool) {
	if i < 0 || i >= len(s.items) {
		return stratplan.ScanFactor{}, false
	}
	return s.items[i], true
}

func (s *scanStep) factor(i int) (stratplan.ScanFactor, bool) {
	f, ok := s.factorAt(i)
	if !ok {
		s.a.setStatus(lang.L("Choose an item first."))
	}
	return f, ok
}

// set changes one field of the factor in a row.
func (s *scanStep) set(row int, field, value string) {
	f, ok := s.factor(row)
	if !ok {
		return
	}
	s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(f.E.ID, stratplan.KindScanFactor, stratplan.Set(field, stratplan.Text(value)))
	})
}

func (s *scanStep) remove(i int) {
	f, ok := s.factor(i)
	if !ok {
		return
	}
	if s.a.deleteWithUndo(f.E.Key(), deleted(f.Title)) {
		s.table.reselect(min(i, len(s.items)-1))
	}
}

// toSWOT makes the factor a SWOT opportunity or threat that stays linked
// to it.
func (s *scanStep) toSWOT(i int, quadrant string) {
	f, ok := s.factor(i)
	if !ok {
		return
	}
	ws := s.a.plan.Doc().WorkshopOf(f.E) // the factor's own workshop
	if s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindSWOT, stratplan.Set("quadrant", stratplan.Text(quadrant)),
			stratplan.Set("text", stratplan.Text(f.Title)), stratplan.Set("factor", stratplan.Text(f.E.ID)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	}) {
		s.a.setStatus(lang.L("“{{.Text}}” is now in the SWOT, linked to this factor.", map[string]any{"Text": f.Title}))
	}
}

func (s *scanStep) edit(i int) {
	f, ok := s.factor(i)
	if !ok {
		return
	}
	title := newEntry("")
	title.SetText(f.Title)
	cat := newChoice(translated(categoryLabels), nil)
	cat.SetSelectedIndex(max(indexOf(stratplan.PESTLECategories, f.Category), 0))
	impact, likely := newChoice(scoreOptions, nil), newChoice(scoreOptions, nil)
	impact.SetSelected(scoreText(f.Impact))
	likely.SetSelected(scoreText(f.Likelihood))
	desc, resp := newMultiLineEntry(""), newMultiLineEntry("")
	desc.SetText(f.Description)
	resp.SetText(f.Response)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Factor"), title), widget.NewFormItem(lang.L("Category"), cat),
		widget.NewFormItem(lang.X("field.description", "Description"), desc), widget.NewFormItem(lang.L("Impact"), impact),
		widget.NewFormItem(lang.L("Likelihood"), likely), widget.NewFormItem(lang.L("Response"), resp),
	}
	s.a.showForm(lang.L("Edit factor"), lang.L("Save"), items, func() {
		t := strings.TrimSpace(title.Text)
		if t == "" {
			return
		}
		s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(f.E.ID, stratplan.KindScanFactor, stratplan.Set("title", stratplan.Text(t)),
				stratplan.Set("category", stratplan.Text(stratplan.PESTLECategories[max(cat.SelectedIndex(), 0)])),
				stratplan.Set("description", stratplan.Text(strings.TrimSpace(desc.Text))), stratplan.Set("impact", stratplan.Text(impact.Selected)),
				stratplan.Set("likelihood", stratplan.Text(likely.Selected)), stratplan.Set("response", stratplan.Text(strings.TrimSpace(resp.Text))))
		})
		s.a.win.Canvas().Focus(s.table)
	}, fyne.NewSize(680, 520))
	s.a.win.Canvas().Focus(title)
}

// cellCounts counts the factors shown in each cell of the grid, by
// likelihood and impact.
func (s *scanStep) cellCounts() func(x, y int) int {
	var counts [6][6]int
	for _, f := range s.items {
		if f.Likelihood >= 1 && f.Likelihood <= 5 && f.Impact >= 1 && f.Impact <= 5 {
			counts[f.Likelihood][f.Impact]++
		}
	}
	return func(x, y int) int { return counts[x][y] }
}

// present shows the impact × likelihood grid and the factors by category.
func (s *scanStep) present() fyne.CanvasObject {
	list := newFitText(1, 2.2, nil)
	var paras []para
	for i, c := range stratplan.PESTLECategories {
		var titles []string
		for _, f := range s.items {
			if f.Category == c {
				titles = append(titles, lang.L("{{.Factor}} — impact {{.Impact}}, likelihood {{.Likelihood}}",
					map[string]any{"Factor": s.a.tagged(f.E, f.Title), "Impact": scoreText(f.Impact), "Likelihood": scoreText(f.Likelihood)}))
			}
		}
		if len(titles) > 0 {
			paras = append(paras, para{text: lang.L(categoryLabels[i]), bold: true})
			for _, t := range titles {
				paras = append(paras, para{text: "• " + t})
			}
		}
	}
	list.set(paras)
	g := newHeatGrid(5, lang.L("Likelihood"), lang.L("Impact"))
	g.TextSize = s.a.presentTextSize
	g.set(s.cellCounts())
	return container.New(&splitLayout{ratio: 0.6}, list, g.obj)
}
