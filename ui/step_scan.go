package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

var categoryLabels = []string{"Political", "Economic", "Social", "Technological", "Legal", "Environmental"}

var scoreOptions = []string{"1", "2", "3", "4", "5"}

// scanStep is step 4: PESTLE factors with impact and likelihood, the
// organisation's response, and the impact × likelihood grid.
type scanStep struct {
	a        *App
	obj      fyne.CanvasObject
	title    *widget.Entry
	category *widget.Select
	impact   *widget.Select
	likely   *widget.Select
	filter   *widget.Select
	table    *keyTable
	grid     *heatGrid
	notes    *notesPanel
	items    []stratplan.ScanFactor
	selected int
}

var scanColumns = []string{"Category", "Factor", "Impact", "Likelihood", "Response"}

func newScanStep(a *App) stepView {
	s := &scanStep{a: a, selected: -1}
	s.title = widget.NewEntry()
	s.title.SetPlaceHolder(lang.L("Add a factor, e.g. AfCFTA enters into force…"))
	s.title.OnSubmitted = func(string) { s.add() }
	s.category = widget.NewSelect(translated(categoryLabels), nil)
	s.category.SetSelectedIndex(0)
	s.impact = widget.NewSelect(scoreOptions, nil)
	s.impact.SetSelectedIndex(2)
	s.likely = widget.NewSelect(scoreOptions, nil)
	s.likely.SetSelectedIndex(2)
	s.filter = widget.NewSelect(append([]string{lang.L("All categories")}, translated(categoryLabels)...), nil)
	s.filter.SetSelectedIndex(0)
	s.filter.OnChanged = func(string) { s.refresh() }
	addRow := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.category, widget.NewLabel(lang.L("Impact")), s.impact, widget.NewLabel(lang.L("Likelihood")), s.likely),
		s.title)

	s.table = newTextTable(func() int { return len(s.items) }, scanColumns, []float32{130, 260, 70, 90, 260}, func(row, col int) string {
		f := s.items[row]
		return []string{categoryName(f.Category), f.Title, scoreText(f.Impact), scoreText(f.Likelihood), f.Response}[col]
	})
	s.table.OnSelect = func(row int) { s.selected = row }
	s.table.OnEdit, s.table.OnDelete = s.edit, s.remove
	s.grid = newHeatGrid(5, lang.L("Likelihood"), lang.L("Impact"))
	tools := container.NewHBox(
		newFlatAction(theme.DocumentCreateIcon(), lang.L("Edit"), func() { s.edit(s.selected) }),
		newFlatAction(theme.DeleteIcon(), lang.L("Delete"), func() { s.remove(s.selected) }),
		newFlatAction(theme.ContentAddIcon(), lang.L("Make it an opportunity"), func() { s.toSWOT(s.selected, "opportunity") }),
		newFlatAction(theme.ContentAddIcon(), lang.L("Make it a threat"), func() { s.toSWOT(s.selected, "threat") }))
	s.notes = newNotesPanel(a, "scan")
	hint := widget.NewLabelWithStyle(lang.L("Type a factor and press Enter; its category, impact and likelihood come from the choices beside it. In the table, Enter edits and Delete removes."),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(heading(lang.L("Environmental scan")), hint, addRow,
		container.NewHBox(widget.NewLabel(lang.L("Show")), s.filter))
	bottom := container.NewVBox(tools, s.notes.obj)
	body := container.NewBorder(nil, nil, nil, container.NewPadded(s.grid.obj), s.table)
	s.obj = container.New(newBorder(top, bottom), top, body, bottom)
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

func (s *scanStep) object() fyne.CanvasObject { return s.obj }
func (s *scanStep) focus()                    { s.a.win.Canvas().Focus(s.title) }

func (s *scanStep) refresh() {
	all := s.a.plan.Doc().ScanFactors(s.a.workshop)
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
	s.table.Refresh()
	s.grid.set(func(x, y int) int {
		n := 0
		for _, f := range s.items {
			if f.Likelihood == x && f.Impact == y {
				n++
			}
		}
		return n
	})
	s.notes.refresh()
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

func (s *scanStep) factor(i int) (stratplan.ScanFactor, bool) {
	if i < 0 || i >= len(s.items) {
		s.a.setStatus(lang.L("Choose an item first."))
		return stratplan.ScanFactor{}, false
	}
	return s.items[i], true
}

func (s *scanStep) remove(i int) {
	f, ok := s.factor(i)
	if !ok {
		return
	}
	if s.a.deleteWithUndo(f.E.Key(), deleted(f.Title)) {
		s.table.UnselectAll()
	}
}

// toSWOT makes the factor a SWOT opportunity or threat that stays linked
// to it.
func (s *scanStep) toSWOT(i int, quadrant string) {
	f, ok := s.factor(i)
	if !ok {
		return
	}
	ws := s.a.workshop
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
	title := widget.NewEntry()
	title.SetText(f.Title)
	cat := widget.NewSelect(translated(categoryLabels), nil)
	cat.SetSelectedIndex(max(indexOf(stratplan.PESTLECategories, f.Category), 0))
	impact, likely := widget.NewSelect(scoreOptions, nil), widget.NewSelect(scoreOptions, nil)
	impact.SetSelected(scoreText(f.Impact))
	likely.SetSelected(scoreText(f.Likelihood))
	desc, resp := widget.NewMultiLineEntry(), widget.NewMultiLineEntry()
	desc.Wrapping, resp.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	desc.SetText(f.Description)
	resp.SetText(f.Response)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Factor"), title), widget.NewFormItem(lang.L("Category"), cat),
		widget.NewFormItem(lang.X("field.description", "Description"), desc), widget.NewFormItem(lang.L("Impact"), impact),
		widget.NewFormItem(lang.L("Likelihood"), likely), widget.NewFormItem(lang.L("Response"), resp),
	}
	d := dialog.NewForm(lang.L("Edit factor"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		t := strings.TrimSpace(title.Text)
		if !ok || t == "" {
			return
		}
		s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(f.E.ID, stratplan.KindScanFactor, stratplan.Set("title", stratplan.Text(t)),
				stratplan.Set("category", stratplan.Text(stratplan.PESTLECategories[max(cat.SelectedIndex(), 0)])),
				stratplan.Set("description", stratplan.Text(strings.TrimSpace(desc.Text))), stratplan.Set("impact", stratplan.Text(impact.Selected)),
				stratplan.Set("likelihood", stratplan.Text(likely.Selected)), stratplan.Set("response", stratplan.Text(strings.TrimSpace(resp.Text))))
		})
		s.a.win.Canvas().Focus(s.table)
	}, s.a.win)
	title.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(680, 520))
	d.Show()
	s.a.win.Canvas().Focus(title)
}
