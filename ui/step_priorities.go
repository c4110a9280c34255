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

// prioritiesStep is step 6: priorities under the strategic objectives,
// dot voting, the ranking and the impact × effort matrix.
type prioritiesStep struct {
	a         *App
	frame     *stepFrame
	title     *entry
	objective *idSelect
	dots      *commitEntry
	voters    *voterBar
	table     *textTable
	matrix    *matrix
	detail    *detailPane
	who       *widget.Label
	// ranked is the table's rows. While the room is scoring or voting in
	// the table they keep their order (held), so that the row under the
	// cursor stays put and ↓ goes to the row below; live is the ranking
	// as it stands, which the # column, the matrix and presentation show.
	ranked   []stratplan.RankedPriority
	live     []stratplan.RankedPriority
	place    map[string]int // index in live, by priority id
	held     bool
	selected int
}

// maxMatrixPoints is how many of the top priorities the matrix places.
const maxMatrixPoints = 30

var priorityColumns = []column{
	{name: "#", right: true, max: 3}, {name: "Votes", right: true, max: 4}, {name: "Priority", flex: true},
	{name: "Objective", max: 5}, {name: "Impact", right: true, max: 5}, {name: "Effort", right: true, max: 5},
}

// priorityColumnImpact and priorityColumnEffort are the columns whose
// digits set the impact and the effort.
const (
	priorityColumnImpact = 4
	priorityColumnEffort = 5
)

func newPrioritiesStep(a *App) stepView {
	s := &prioritiesStep{a: a, selected: -1}
	s.title = newEntry(lang.L("Add a priority…"))
	s.title.OnSubmitted = func(string) { s.add() }
	s.objective = newIDSelect(lang.L("Objective"), lang.L("Add the plan's strategic objectives first, with Objectives…"), nil)
	s.dots = newCommitEntry("5", func(v string) {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n > 99 {
			a.setStatus(lang.L("Dots per participant: a whole number from 0 to 99."))
			return
		}
		if a.needOne() {
			return
		}
		ws := a.workshop
		a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(ws, stratplan.KindWorkshop, stratplan.Set("dots", stratplan.Int(n)))
		})
	})
	s.voters = newVoterBar(a, func(target string) bool {
		return a.plan.Doc().Get(stratplan.KindPriority, target) != nil
	})
	// The objectives are the plan's: they are set up on the Plan page.
	objectives := newButton(lang.L("Objectives…"), theme.ListIcon(), a.showObjectives)
	addRow := container.NewBorder(nil, nil, nil, container.NewHBox(fixedUnits(15, s.objective.Select), objectives), s.title)
	voteRow := container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel(lang.L("Dots each")), fixedUnits(3.5, s.dots)), s.voters.obj)

	s.table = newTextTable(func() int { return len(s.ranked) }, priorityColumns, func(row, col int) string {
		p := s.ranked[row]
		return []string{strconv.Itoa(s.place[p.E.ID] + 1), votesText(p.Points), s.a.tagged(p.E, p.Title), s.objectiveCell(p.Objective), scoreText(p.Impact), scoreText(p.Effort)}[col]
	})
	// A priority under no objective is flagged, in the warning colour.
	s.table.Style = func(row, col int) widget.Importance {
		if col == 3 && row < len(s.ranked) && s.objectiveCode(s.ranked[row].Objective) == "" {
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	s.table.OnSelect = func(row int) {
		s.selected = row
		s.showDetail()
		s.placeMatrix()
	}
	s.table.OnEdit, s.table.OnDelete = s.edit, s.remove
	s.table.OnFocusLost = s.rerank
	s.voters.OnChanged = s.rerank
	s.table.OnRune = func(row int, r rune) {
		id := s.ranked[row].E.ID
		switch {
		case r == '+' || r == '=':
			s.held = true
			s.voters.give(id, +1)
		case r == '-':
			s.held = true
			s.voters.give(id, -1)
		case r == 't' || r == 'T':
			s.a.showTrace(id)
		case r == 'r' || r == 'R':
			s.rerank()
		case r >= '1' && r <= '5':
			field := "impact"
			if s.table.column() == priorityColumnEffort {
				field = "effort"
			} else {
				s.table.toColumn(priorityColumnImpact) // shows where the digit went
			}
			s.held = true
			s.setScore(row, field, int(r-'0'))
		}
	}
	s.matrix = newMatrix(0.9)
	s.who = widget.NewLabel("")
	s.who.Wrapping = fyne.TextWrapWord
	s.detail = newDetailPane(lang.L("Choose a priority to read it whole."), s.matrix, s.who)
	s.frame = newStepFrame(a, stepParts{
		Key:     "priorities",
		Title:   msg("Priorities"),
		Help:    msg("Type a priority and press Enter. To vote: choose the voter (type the first letters of the name, or Alt+↓ for the next one), then in the table press + or − on a priority. 1–5 set the impact (in the Effort column: the effort); T traces the priority; Enter edits. Rows stay put while you vote; R re-ranks."),
		Chooser: voteRow,
		Add:     addRow,
		Body:    s.table.obj,
		Detail:  s.detail.obj,
		Wide:    true,
		Tools: []tool{
			{theme.ContentAddIcon(), msg("Give a dot"), func() { s.vote(+1) }},
			{theme.ContentRemoveIcon(), msg("Take a dot back"), func() { s.vote(-1) }},
			{theme.DocumentCreateIcon(), msg("Edit"), func() { s.edit(s.selected) }},
			{theme.DeleteIcon(), msg("Delete"), func() { s.remove(s.selected) }},
			{theme.SearchIcon(), msg("Trace"), func() {
				if s.selected >= 0 && s.selected < len(s.ranked) {
					a.showTrace(s.ranked[s.selected].E.ID)
				}
			}},
		},
	})
	return s
}

func (s *prioritiesStep) object() fyne.CanvasObject { return s.frame.object() }
func (s *prioritiesStep) voterBar() *voterBar       { return s.voters }

// selectKey chooses a priority.
func (s *prioritiesStep) selectKey(k stratplan.Key) bool {
	for i, p := range s.ranked {
		if p.E.Key() == k {
			return chooseRow(s.a, s.table.keyTable, i)
		}
	}
	return false
}

// focus puts the keyboard in the add field; coming back to the step shows
// the rows in rank order.
func (s *prioritiesStep) focus() {
	s.rerank()
	s.a.win.Canvas().Focus(s.title)
}

// rerank puts the rows in rank order again after votes or scores given in
// the table; the selection follows its priority.
func (s *prioritiesStep) rerank() {
	if !s.held {
		return
	}
	s.held = false
	s.refresh()
}

// votesText is the votes of a priority in the table: the number alone,
// which the column always has room for.
func votesText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func (s *prioritiesStep) objectiveCode(id string) string {
	if e := s.a.plan.Doc().Get(stratplan.KindObjective, id); e != nil {
		return e.Str("code")
	}
	return ""
}

// objectiveCell is the Objective column: the code, or "?" for a priority
// under no objective yet (Enter on it chooses one).
func (s *prioritiesStep) objectiveCell(id string) string {
	if c := s.objectiveCode(id); c != "" {
		return c
	}
	return "?"
}

func (s *prioritiesStep) refresh() {
	doc := s.a.plan.Doc()
	objs := doc.Objectives()
	names, ids := make([]string, len(objs)), make([]string, len(objs))
	for i, o := range objs {
		names[i], ids[i] = o.Code+" "+o.Title, o.E.ID
	}
	s.objective.fill(names, ids, s.objective.id(), true)
	s.a.gateAdd(s.title, lang.L("Add a priority…"))
	if e := doc.Get(stratplan.KindWorkshop, s.a.workshop); e != nil {
		s.dots.show(s.a.win.Canvas(), fmt.Sprint(stratplan.WorkshopOf(e).Dots))
		s.dots.PlaceHolder = "5"
		s.dots.Enable()
	} else {
		// Each workshop gives its own dots: no number stands for all.
		s.dots.show(s.a.win.Canvas(), "")
		s.dots.PlaceHolder = "–"
		s.dots.Disable()
	}
	picked := ""
	if s.selected >= 0 && s.selected < len(s.ranked) {
		picked = s.ranked[s.selected].E.ID
	}
	// With several workshops, the votes of all of them add up.
	s.live = stratplan.RankPriorities(doc.PrioritiesIn(s.a.scope()), doc.VotesIn(s.a.scope()))
	s.place = make(map[string]int, len(s.live))
	for i, p := range s.live {
		s.place[p.E.ID] = i
	}
	s.ranked = s.rows()
	// The selection follows its priority when the rows are reordered.
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
	s.voters.refresh()
	s.table.refresh()
	s.showDetail()
	s.placeMatrix()
	s.frame.refresh()
}

// rows is the table's rows: the live ranking, or while held the rows as
// they were (with their new votes and scores), priorities added since at
// the end.
func (s *prioritiesStep) rows() []stratplan.RankedPriority {
	if !s.held || len(s.ranked) == 0 {
		return s.live
	}
	out := make([]stratplan.RankedPriority, 0, len(s.live))
	seen := make(map[string]bool, len(s.live))
	for _, p := range s.ranked {
		if i, ok := s.place[p.E.ID]; ok {
			out = append(out, s.live[i])
			seen[p.E.ID] = true
		}
	}
	for _, p := range s.live {
		if !seen[p.E.ID] {
			out = append(out, p)
		}
	}
	return out
}

// placeMatrix places the leading priorities on the matrix, numbered by
// rank: beyond a few dozen it would no longer be readable on a projector.
func (s *prioritiesStep) placeMatrix() {
	picked := -1
	if s.selected >= 0 && s.selected < len(s.ranked) {
		picked = s.place[s.ranked[s.selected].E.ID]
	}
	s.matrix.set(rankedPoints(s.live, picked))
}

func rankedPoints(ranked []stratplan.RankedPriority, picked int) []matrixPoint {
	impact, effort := make([]int, len(ranked)), make([]int, len(ranked))
	for i, p := range ranked {
		impact[i], effort[i] = p.Impact, p.Effort
	}
	return matrixPoints(impact, effort, picked, maxMatrixPoints)
}

func (s *prioritiesStep) showDetail() {
	s.who.SetText(s.voters.summary())
	if s.selected < 0 || s.selected >= len(s.ranked) {
		s.detail.show("")
		return
	}
	p := s.ranked[s.selected]
	doc := s.a.plan.Doc()
	obj := ""
	if e := doc.Get(stratplan.KindObjective, p.Objective); e != nil {
		obj = e.Str("code") + " " + e.Str("title")
	}
	var sources []string
	for _, id := range p.Sources {
		if e := doc.Get(stratplan.KindSWOT, id); e != nil && !e.Deleted() {
			sources = append(sources, "• "+e.Str("text"))
		}
	}
	var voters []string
	for _, v := range doc.VotesIn(s.a.scope()) {
		if v.Target == p.E.ID && v.Points > 0 {
			voters = append(voters, fmt.Sprintf("%s %d", voterName(doc, v.Voter), v.Points))
		}
	}
	s.detail.show(fmt.Sprintf("%d. %s", s.place[p.E.ID]+1, p.Title),
		[2]string{lang.X("field.description", "Description"), p.Description},
		[2]string{lang.L("Objective"), obj},
		[2]string{lang.L("Votes"), strings.Join(voters, ", ")},
		[2]string{lang.L("Impact") + " / " + lang.L("Effort"), scoreText(p.Impact) + " / " + scoreText(p.Effort)},
		[2]string{lang.L("Answers these SWOT items"), strings.Join(sources, "\n")},
		s.a.fromField(p.E))
}

func (s *prioritiesStep) vote(delta int) {
	if s.selected < 0 || s.selected >= len(s.ranked) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	s.held = true
	s.voters.give(s.ranked[s.selected].E.ID, delta)
}

// setScore sets the impact or effort of the priority in a row.
func (s *prioritiesStep) setScore(row int, field string, n int) {
	id := s.ranked[row].E.ID
	s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(id, stratplan.KindPriority, stratplan.Set(field, stratplan.Int(n)))
	})
}

func (s *prioritiesStep) add() {
	title := strings.TrimSpace(s.title.Text)
	ws := s.a.workshop
	if title == "" || ws == "" {
		return
	}
	obj := s.objective.id()
	if s.a.edit(func(ed *stratplan.Edit) error { return addPriority(ed, ws, title, obj) }) {
		s.title.SetText("")
	}
}

// priorityObjective is the objective a priority made elsewhere (from the
// survey) goes under: the plan's only objective, else the one the
// Priorities step's chooser shows, as for a priority typed there; "" when
// neither says (the table then flags the priority with "?").
func (a *App) priorityObjective() string {
	if objs := a.plan.Doc().Objectives(); len(objs) == 1 {
		return objs[0].E.ID
	}
	for _, v := range a.views {
		if p, ok := v.(*prioritiesStep); ok {
			return p.objective.id()
		}
	}
	return ""
}

// addPriority creates a priority in a workshop.
func addPriority(ed *stratplan.Edit, ws, title, objective string) error {
	return ed.Set(stratplan.NewID(), stratplan.KindPriority, stratplan.Set("title", stratplan.Text(title)),
		stratplan.Set("objective", stratplan.Text(objective)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
}

func (s *prioritiesStep) remove(i int) {
	if i < 0 || i >= len(s.ranked) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	p := s.ranked[i]
	if s.a.deleteWithUndo(p.E.Key(), deleted(p.Title)) {
		s.table.reselect(min(i, len(s.ranked)-1))
	}
}

func (s *prioritiesStep) edit(i int) {
	if i < 0 || i >= len(s.ranked) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	p := s.ranked[i]
	doc := s.a.plan.Doc()
	title := newEntry("")
	title.SetText(p.Title)
	desc := newMultiLineEntry("")
	desc.SetText(p.Description)
	obj := newChoice(s.objective.Select.Options, nil)
	obj.OnEmpty = s.objective.Select.OnEmpty
	if k := indexOf(s.objective.ids, p.Objective); k >= 0 {
		obj.SetSelectedIndex(k)
	}
	impact, effort := newChoice(scoreOptions, nil), newChoice(scoreOptions, nil)
	impact.SetSelected(scoreText(p.Impact))
	effort.SetSelected(scoreText(p.Effort))
	swot := doc.SWOT(doc.WorkshopOf(p.E)) // the priority's own workshop's
	checks := container.NewVBox()
	boxes := make([]*check, len(swot))
	for k, it := range swot {
		boxes[k] = newCheck(fmt.Sprintf("%s — %s", lang.L(quadrantTitles[max(indexOf(stratplan.SWOTQuadrants, it.Quadrant), 0)]), it.Text), nil)
		boxes[k].SetChecked(indexOf(p.Sources, it.E.ID) >= 0)
		checks.Add(boxes[k])
	}
	scroll := container.NewVScroll(checks)
	scroll.SetMinSize(fyne.NewSize(0, 160))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Priority"), title), widget.NewFormItem(lang.X("field.description", "Description"), desc),
		widget.NewFormItem(lang.L("Objective"), obj), widget.NewFormItem(lang.L("Impact"), impact),
		widget.NewFormItem(lang.L("Effort"), effort), widget.NewFormItem(lang.L("Answers these SWOT items"), scroll),
	}
	s.a.showForm(lang.L("Edit priority"), lang.L("Save"), items, func() {
		t := strings.TrimSpace(title.Text)
		if t == "" {
			return
		}
		var refs []string
		for k, b := range boxes {
			if b.Checked {
				refs = append(refs, swot[k].E.ID)
			}
		}
		o := ""
		if k := obj.SelectedIndex(); k >= 0 && k < len(s.objective.ids) {
			o = s.objective.ids[k]
		}
		s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(p.E.ID, stratplan.KindPriority, stratplan.Set("title", stratplan.Text(t)),
				stratplan.Set("description", stratplan.Text(strings.TrimSpace(desc.Text))), stratplan.Set("objective", stratplan.Text(o)),
				stratplan.Set("impact", stratplan.Text(impact.Selected)), stratplan.Set("effort", stratplan.Text(effort.Selected)),
				stratplan.Set("sources", stratplan.Refs(refs...)))
		})
		s.a.win.Canvas().Focus(s.table)
	}, fyne.NewSize(720, 600))
	s.a.win.Canvas().Focus(title)
}

// present shows the ranking with names and votes, numbered as the matrix
// beside it numbers its bubbles.
func (s *prioritiesStep) present() fyne.CanvasObject {
	list := newFitText(1, 2.4, nil)
	paras := make([]para, 0, len(s.live))
	for i, p := range s.live {
		text := fmt.Sprintf("%d. %s", i+1, s.a.tagged(p.E, p.Title))
		if p.Points > 0 {
			text += " — " + lang.N("{{.Count}} votes", p.Points, map[string]any{"Count": p.Points})
		}
		paras = append(paras, para{text: text, bold: i < 3})
	}
	list.set(paras)
	m := newMatrix(1.5)
	m.set(rankedPoints(s.live, -1))
	return container.New(&splitLayout{ratio: 0.55}, list, m)
}

// splitLayout puts two objects side by side, the first ratio of the width.
type splitLayout struct{ ratio float32 }

func (l *splitLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(a.Width+b.Width+theme.Padding()*4, max(a.Height, b.Height))
}

func (l *splitLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding() * 4
	w := (size.Width - gap) * l.ratio
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(w, size.Height))
	objects[1].Move(fyne.NewPos(w+gap, 0))
	objects[1].Resize(fyne.NewSize(size.Width-w-gap, size.Height))
}
