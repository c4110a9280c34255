package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// prioritiesStep is step 6: priorities under the strategic objectives,
// dot voting, the ranking and the impact × effort matrix.
type prioritiesStep struct {
	a         *App
	obj       fyne.CanvasObject
	title     *widget.Entry
	objective *widget.Select
	objIDs    []string
	dots      *commitEntry
	voters    *voterBar
	table     *keyTable
	matrix    *matrix
	notes     *notesPanel
	ranked    []stratplan.RankedPriority
	selected  int
}

// maxMatrixPoints is how many of the top priorities the matrix places.
const maxMatrixPoints = 30

var priorityColumns = []string{"Rank", "Votes", "Priority", "Objective", "Impact", "Effort"}

func newPrioritiesStep(a *App) stepView {
	s := &prioritiesStep{a: a, selected: -1}
	s.title = widget.NewEntry()
	s.title.SetPlaceHolder(lang.L("Add a priority…"))
	s.title.OnSubmitted = func(string) { s.add() }
	s.objective = widget.NewSelect(nil, nil)
	s.objective.PlaceHolder = lang.L("Objective")
	s.dots = newCommitEntry("5", func(v string) {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n > 99 {
			a.setStatus(lang.L("Dots per participant: a whole number from 0 to 99."))
			return
		}
		ws := a.workshop
		a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(ws, stratplan.KindWorkshop, stratplan.Set("dots", stratplan.Int(n)))
		})
	})
	s.voters = newVoterBar(a, func(target string) bool {
		e := a.plan.Doc().Entity(target)
		return e != nil && e.Kind == stratplan.KindPriority
	})
	// The objectives are the plan's: they are set up on the Plan page.
	objectives := widget.NewButtonWithIcon(lang.L("Objectives…"), theme.ListIcon(), func() { a.showObjectives() })
	addRow := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewGridWrap(fyne.NewSize(200, s.objective.MinSize().Height), s.objective), objectives), s.title)
	voteRow := container.NewHBox(s.voters.obj, widget.NewLabel(lang.L("Dots each")), container.NewGridWrap(fyne.NewSize(60, s.dots.MinSize().Height), s.dots))

	s.table = newTextTable(func() int { return len(s.ranked) }, priorityColumns, []float32{50, 105, 235, 70, 62, 55}, func(row, col int) string {
		p := s.ranked[row]
		return []string{fmt.Sprint(p.Rank), pointsText(p.Points), p.Title, s.objectiveCode(p.Objective), scoreText(p.Impact), scoreText(p.Effort)}[col]
	})
	s.table.OnSelect = func(row int) { s.selected = row }
	s.table.OnEdit, s.table.OnDelete = s.edit, s.remove
	s.table.OnRune = func(row int, r rune) {
		switch r {
		case '+', '=':
			s.voters.give(s.ranked[row].E.ID, +1)
		case '-':
			s.voters.give(s.ranked[row].E.ID, -1)
		case 't', 'T':
			s.a.showTrace(s.ranked[row].E.ID)
		}
	}
	s.matrix = newMatrix()
	tools := container.NewHBox(
		newFlatAction(theme.ContentAddIcon(), lang.L("Give a dot"), func() { s.vote(+1) }),
		newFlatAction(theme.ContentRemoveIcon(), lang.L("Take a dot back"), func() { s.vote(-1) }),
		newFlatAction(theme.DocumentCreateIcon(), lang.L("Edit"), func() { s.edit(s.selected) }),
		newFlatAction(theme.DeleteIcon(), lang.L("Delete"), func() { s.remove(s.selected) }),
		newFlatAction(theme.SearchIcon(), lang.L("Trace…"), func() {
			if s.selected >= 0 && s.selected < len(s.ranked) {
				a.showTrace(s.ranked[s.selected].E.ID)
			}
		}))
	s.notes = newNotesPanel(a, "priorities")
	hint := widget.NewLabelWithStyle(lang.L("Type a priority and press Enter. To vote, choose the voter, then in the table press + or − on a priority; T shows what it traces back to and leads to; Enter edits."),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(heading(lang.L("Priorities")), hint, addRow, voteRow)
	bottom := container.NewVBox(tools, s.notes.obj)
	body := container.NewBorder(nil, nil, nil, container.NewPadded(s.matrix), s.table)
	s.obj = container.New(newBorder(top, bottom), top, body, bottom)
	return s
}

func (s *prioritiesStep) object() fyne.CanvasObject { return s.obj }
func (s *prioritiesStep) focus()                    { s.a.win.Canvas().Focus(s.title) }

func (s *prioritiesStep) objectiveCode(id string) string {
	if e := s.a.plan.Doc().Entity(id); e != nil {
		return e.Str("code")
	}
	return ""
}

func (s *prioritiesStep) refresh() {
	doc := s.a.plan.Doc()
	objs := doc.Objectives()
	names := make([]string, len(objs))
	s.objIDs = make([]string, len(objs))
	for i, o := range objs {
		names[i], s.objIDs[i] = o.Code+" "+o.Title, o.E.ID
	}
	keep := s.objective.SelectedIndex()
	s.objective.Options = names
	if keep >= 0 && keep < len(names) {
		s.objective.SetSelectedIndex(keep)
	} else if len(names) > 0 {
		s.objective.SetSelectedIndex(0)
	}
	if e := doc.Entity(s.a.workshop); e != nil {
		s.dots.show(s.a.win.Canvas(), fmt.Sprint(stratplan.WorkshopOf(e).Dots))
	}
	picked := ""
	if s.selected >= 0 && s.selected < len(s.ranked) {
		picked = s.ranked[s.selected].E.ID
	}
	s.ranked = stratplan.RankPriorities(doc.Priorities(s.a.workshop), doc.Votes(s.a.workshop))
	// Votes reorder the table: the selection follows its priority.
	s.selected = -1
	for i, p := range s.ranked {
		if p.E.ID == picked {
			s.selected = i
		}
	}
	if s.selected >= 0 {
		s.table.reselect(s.selected)
	} else {
		s.table.UnselectAll()
	}
	// The matrix shows the leading priorities: beyond a few dozen dots it
	// would no longer be readable on a projector.
	pts := make([]matrixPoint, 0, min(len(s.ranked), maxMatrixPoints))
	for _, p := range s.ranked[:min(len(s.ranked), maxMatrixPoints)] {
		pts = append(pts, matrixPoint{Label: fmt.Sprint(p.Rank), Impact: p.Impact, Effort: p.Effort})
	}
	s.matrix.set(pts)
	s.voters.refresh()
	s.table.Refresh()
	s.notes.refresh()
}

func (s *prioritiesStep) vote(delta int) {
	if s.selected < 0 || s.selected >= len(s.ranked) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	s.voters.give(s.ranked[s.selected].E.ID, delta)
}

func (s *prioritiesStep) add() {
	title := strings.TrimSpace(s.title.Text)
	ws := s.a.workshop
	if title == "" || ws == "" {
		return
	}
	obj := ""
	if i := s.objective.SelectedIndex(); i >= 0 && i < len(s.objIDs) {
		obj = s.objIDs[i]
	}
	if s.a.edit(func(ed *stratplan.Edit) error { return addPriority(ed, ws, title, obj) }) {
		s.title.SetText("")
		s.table.ScrollToBottom()
	}
}

// addPriority creates a priority in a workshop.
func addPriority(ed *stratplan.Edit, ws, title, objective string) error {
	return ed.Set(stratplan.NewID(), stratplan.KindPriority, stratplan.Set("title", stratplan.Text(title)),
		stratplan.Set("objective", stratplan.Text(objective)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
}

func (s *prioritiesStep) remove(i int) {
	if i < 0 || i >= len(s.ranked) {
		return
	}
	p := s.ranked[i]
	if s.a.deleteWithUndo(p.E.Key(), deleted(p.Title)) {
		s.table.UnselectAll()
	}
}

func (s *prioritiesStep) edit(i int) {
	if i < 0 || i >= len(s.ranked) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	p := s.ranked[i]
	doc := s.a.plan.Doc()
	title := widget.NewEntry()
	title.SetText(p.Title)
	desc := widget.NewMultiLineEntry()
	desc.Wrapping = fyne.TextWrapWord
	desc.SetText(p.Description)
	obj := widget.NewSelect(s.objective.Options, nil)
	if k := indexOf(s.objIDs, p.Objective); k >= 0 {
		obj.SetSelectedIndex(k)
	}
	impact, effort := widget.NewSelect(scoreOptions, nil), widget.NewSelect(scoreOptions, nil)
	impact.SetSelected(scoreText(p.Impact))
	effort.SetSelected(scoreText(p.Effort))
	swot := doc.SWOT(s.a.workshop)
	labels := make([]string, len(swot))
	var checked []string
	for k, it := range swot {
		labels[k] = fmt.Sprintf("%s — %s", lang.L(quadrantTitles[max(indexOf(stratplan.SWOTQuadrants, it.Quadrant), 0)]), it.Text)
		if indexOf(p.Sources, it.E.ID) >= 0 {
			checked = append(checked, labels[k])
		}
	}
	sources := widget.NewCheckGroup(labels, nil)
	sources.SetSelected(checked)
	scroll := container.NewVScroll(sources)
	scroll.SetMinSize(fyne.NewSize(0, 160))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Priority"), title), widget.NewFormItem(lang.X("field.description", "Description"), desc),
		widget.NewFormItem(lang.L("Objective"), obj), widget.NewFormItem(lang.L("Impact"), impact),
		widget.NewFormItem(lang.L("Effort"), effort), widget.NewFormItem(lang.L("Answers these SWOT items"), scroll),
	}
	d := dialog.NewForm(lang.L("Edit priority"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		t := strings.TrimSpace(title.Text)
		if !ok || t == "" {
			return
		}
		var refs []string
		for k, l := range labels {
			if indexOf(sources.Selected, l) >= 0 {
				refs = append(refs, swot[k].E.ID)
			}
		}
		o := ""
		if k := obj.SelectedIndex(); k >= 0 && k < len(s.objIDs) {
			o = s.objIDs[k]
		}
		s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(p.E.ID, stratplan.KindPriority, stratplan.Set("title", stratplan.Text(t)),
				stratplan.Set("description", stratplan.Text(strings.TrimSpace(desc.Text))), stratplan.Set("objective", stratplan.Text(o)),
				stratplan.Set("impact", stratplan.Text(impact.Selected)), stratplan.Set("effort", stratplan.Text(effort.Selected)),
				stratplan.Set("sources", stratplan.Refs(refs...)))
		})
		s.a.win.Canvas().Focus(s.table)
	}, s.a.win)
	title.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(720, 600))
	d.Show()
	s.a.win.Canvas().Focus(title)
}
