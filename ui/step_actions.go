package ui

import (
	"errors"
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

var (
	actionColumns      = []string{"Action", "Owner", "Start", "Due", "Budget", "Staff months", "Status"}
	actionStatusLabels = []string{"Planned", "In progress", "Done", "Blocked", "Cancelled"}
	delivStatusLabels  = []string{"Planned", "In progress", "Delivered", "Late", "Cancelled"}
)

// actionsStep is step 7: actions per priority with their deliverables,
// and the plan's resources against what the actions ask for.
type actionsStep struct {
	a          *App
	obj        fyne.CanvasObject
	priority   *idSelect
	title      *widget.Entry
	table      *keyTable
	delivTitle *widget.Entry
	delivList  *keyList
	budget     *commitEntry
	staff      *commitEntry
	currency   *commitEntry
	totals     *widget.Label
	warning    *widget.Label
	notes      *notesPanel
	actions    []stratplan.Action
	delivs     []stratplan.Deliverable
	selected   int
}

func newActionsStep(a *App) stepView {
	s := &actionsStep{a: a, selected: -1}
	s.priority = newIDSelect(lang.L("Choose a priority"), func(string) {
		s.selected = -1
		s.table.UnselectAll()
		s.refresh()
	})
	s.title = widget.NewEntry()
	s.title.SetPlaceHolder(lang.L("Add an action to this priority…"))
	s.title.OnSubmitted = func(string) { s.add() }
	s.table = newTextTable(func() int { return len(s.actions) }, actionColumns, []float32{200, 120, 95, 105, 110, 70, 95}, func(row, col int) string {
		x := s.actions[row]
		due, budget := x.Due, ""
		if x.DateProblem() != "" {
			due = "⚠ " + due
		}
		if x.Budget > 0 {
			budget = s.money(x.Budget)
		}
		return []string{x.Title, x.Owner, x.Start, due, budget, trimFloat(x.StaffMonths), statusName(x.Status, stratplan.ActionStatuses, actionStatusLabels)}[col]
	})
	s.table.OnSelect = func(row int) {
		s.selected = row
		s.refreshDeliverables()
	}
	s.table.OnEdit = s.editAction
	s.table.OnDelete = func(row int) { s.remove(s.actions[row].E, s.actions[row].Title) }
	s.delivTitle = widget.NewEntry()
	s.delivTitle.SetPlaceHolder(lang.L("Add a deliverable to the chosen action…"))
	s.delivTitle.OnSubmitted = func(string) { s.addDeliverable() }
	s.delivList = newKeyList(func() int { return len(s.delivs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.delivs) {
				return
			}
			d := s.delivs[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s — %s %s · %s", d.Code, d.Title, lang.L("due"), orDash(d.Due), statusName(d.Status, stratplan.DeliverableStatuses, delivStatusLabels)))
		})
	s.delivList.OnEdit = s.editDeliverable
	s.delivList.OnDelete = func(i widget.ListItemID) { s.remove(s.delivs[i].E, s.delivs[i].Title) }

	setPlan := func(field string, number bool) func(string) {
		return func(v string) {
			v = strings.TrimSpace(v)
			if number && v != "" {
				if f, err := strconv.ParseFloat(v, 64); err != nil || f < 0 {
					a.setStatus(lang.L("Write an amount as a plain number, e.g. 250000 or 12.5: it was not saved."))
					return
				}
			}
			plan := a.plan.Doc().Plan()
			a.edit(func(ed *stratplan.Edit) error {
				return ed.Set(plan, stratplan.KindPlan, stratplan.Set(field, stratplan.Text(v)))
			})
		}
	}
	s.budget = newCommitEntry("0", setPlan("budget_available", true))
	s.staff = newCommitEntry("0", setPlan("staff_months_available", true))
	s.currency = newCommitEntry("EUR", setPlan("currency", false))
	s.totals = widget.NewLabel("")
	s.totals.Wrapping = fyne.TextWrapWord
	s.warning = widget.NewLabel("")
	s.warning.Wrapping = fyne.TextWrapWord
	s.warning.Importance = widget.DangerImportance
	about := widget.NewLabel(lang.L("What the actions ask for, against what the plan has"))
	about.Wrapping = fyne.TextWrapWord
	resources := container.NewVBox(widget.NewLabelWithStyle(lang.L("Resources"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), about,
		widget.NewForm(widget.NewFormItem(lang.L("Budget available"), s.budget), widget.NewFormItem(lang.L("Currency"), s.currency),
			widget.NewFormItem(lang.L("Staff months available"), s.staff)),
		s.totals, s.warning)

	tools := container.NewHBox(
		newFlatAction(theme.DocumentCreateIcon(), lang.L("Edit"), func() { s.editAction(s.selected) }),
		newFlatAction(theme.DeleteIcon(), lang.L("Delete"), func() {
			if s.selected >= 0 && s.selected < len(s.actions) {
				s.remove(s.actions[s.selected].E, s.actions[s.selected].Title)
			}
		}))
	s.notes = newNotesPanel(a, "actions")
	hint := widget.NewLabelWithStyle(lang.L("Choose a priority, type an action and press Enter. In the table, Enter edits (owner, dates, budget, status) and Delete removes; deliverables belong to the action chosen."),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(heading(lang.L("Actions")), hint, container.NewBorder(nil, nil, widget.NewLabel(lang.L("Priority")), nil, s.priority.Select), s.title)
	delivBox := container.New(newBorder(s.delivTitle, nil), s.delivTitle, s.delivList)
	center := container.NewVSplit(container.NewBorder(nil, tools, nil, nil, s.table),
		container.NewBorder(widget.NewLabelWithStyle(lang.L("Deliverables"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, delivBox))
	center.Offset = 0.6
	body := container.NewBorder(nil, nil, nil, fixedWidth(300, container.NewVScroll(resources)), center)
	s.obj = container.New(newBorder(top, s.notes.obj), top, body, s.notes.obj)
	return s
}

func (s *actionsStep) object() fyne.CanvasObject { return s.obj }
func (s *actionsStep) focus()                    { s.a.win.Canvas().Focus(s.title) }

func (s *actionsStep) money(f float64) string {
	cur := s.a.plan.Doc().PlanInfo().Currency
	return strings.TrimSpace(formatAmount(f) + " " + cur)
}

func (s *actionsStep) currentPriority() string { return s.priority.id() }

func (s *actionsStep) refresh() {
	doc := s.a.plan.Doc()
	ranked := stratplan.RankPriorities(doc.Priorities(s.a.workshop), doc.Votes(s.a.workshop))
	keep := s.currentPriority()
	if s.a.focusPriority != "" {
		keep, s.a.focusPriority = s.a.focusPriority, ""
	}
	names, ids := make([]string, len(ranked)), make([]string, len(ranked))
	for i, p := range ranked {
		names[i], ids[i] = fmt.Sprintf("%d. %s", p.Rank, p.Title), p.E.ID
	}
	s.priority.fill(names, ids, keep, true)
	prio := s.currentPriority()
	s.actions = nil
	if prio != "" {
		s.actions = doc.ActionsOf(prio)
	}
	if s.selected >= len(s.actions) {
		s.selected = -1
		s.table.UnselectAll()
	}
	s.table.Refresh()
	s.refreshDeliverables()

	info := doc.PlanInfo()
	c := s.a.win.Canvas()
	s.budget.show(c, trimFloat(info.BudgetAvailable))
	s.staff.show(c, trimFloat(info.StaffMonthsAvailable))
	s.currency.show(c, info.Currency)
	res := doc.Resources()
	var lines []string
	for _, o := range doc.Objectives() {
		if t, ok := res.ByObjective[o.E.ID]; ok {
			lines = append(lines, fmt.Sprintf("%s: %s, %s %s", o.Code, s.money(t.Budget), num(t.StaffMonths), lang.L("staff months")))
		}
	}
	if t, ok := res.ByObjective[""]; ok {
		lines = append(lines, fmt.Sprintf("%s: %s, %s %s", lang.L("No objective"), s.money(t.Budget), num(t.StaffMonths), lang.L("staff months")))
	}
	lines = append(lines, fmt.Sprintf("%s: %s / %s, %s / %s %s", lang.L("Plan"), s.money(res.Plan.Budget), s.money(res.Budget),
		num(res.Plan.StaffMonths), num(res.StaffMonths), lang.L("staff months")))
	s.totals.SetText(strings.Join(lines, "\n"))
	var warn []string
	if res.OverBudget() {
		warn = append(warn, lang.L("The actions ask for {{.Over}} more than the budget available.", map[string]any{"Over": s.money(res.Plan.Budget - res.Budget)}))
	}
	if res.OverStaff() {
		warn = append(warn, lang.L("The actions ask for {{.Over}} staff months more than the plan has.", map[string]any{"Over": num(res.Plan.StaffMonths - res.StaffMonths)}))
	}
	s.warning.SetText(strings.Join(warn, "\n"))
	showIf(s.warning, len(warn) > 0)
	s.notes.refresh()
}

func (s *actionsStep) refreshDeliverables() {
	s.delivs = s.delivs[:0]
	if s.selected >= 0 && s.selected < len(s.actions) {
		s.delivs = s.a.plan.Doc().DeliverablesOf(s.actions[s.selected].E.ID)
		s.delivTitle.Enable()
	} else {
		s.delivTitle.Disable()
	}
	s.delivList.Refresh()
}

func (s *actionsStep) add() {
	title := strings.TrimSpace(s.title.Text)
	prio, ws := s.currentPriority(), s.a.workshop
	if title == "" {
		return
	}
	if prio == "" {
		s.a.setStatus(lang.L("Add a priority first, in step 6: actions belong to a priority."))
		return
	}
	if s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindAction, stratplan.Set("title", stratplan.Text(title)), stratplan.Set("priority", stratplan.Text(prio)),
			stratplan.Set("status", stratplan.Text("planned")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	}) {
		s.title.SetText("")
		s.table.ScrollToBottom()
	}
}

func (s *actionsStep) addDeliverable() {
	title := strings.TrimSpace(s.delivTitle.Text)
	if title == "" || s.selected < 0 || s.selected >= len(s.actions) {
		return
	}
	action, ws, code := s.actions[s.selected].E.ID, s.a.workshop, s.a.plan.Doc().NextDeliverableCode(s.currentPriority())
	if s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindDeliverable, stratplan.Set("action", stratplan.Text(action)), stratplan.Set("code", stratplan.Text(code)),
			stratplan.Set("title", stratplan.Text(title)), stratplan.Set("status", stratplan.Text("planned")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	}) {
		s.delivTitle.SetText("")
	}
}

func (s *actionsStep) remove(e *stratplan.Entity, label string) {
	s.a.deleteWithUndo(e.Key(), deleted(label))
}

func (s *actionsStep) editAction(i int) {
	if i < 0 || i >= len(s.actions) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	x := s.actions[i]
	title, owner, start, due, budget, staff := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	desc := widget.NewMultiLineEntry()
	desc.Wrapping = fyne.TextWrapWord
	title.SetText(x.Title)
	owner.SetText(x.Owner)
	start.SetText(x.Start)
	due.SetText(x.Due)
	budget.SetText(trimFloat(x.Budget))
	staff.SetText(trimFloat(x.StaffMonths))
	desc.SetText(x.Description)
	start.SetPlaceHolder("YYYY-MM-DD")
	due.SetPlaceHolder("YYYY-MM-DD")
	start.Validator, due.Validator = validDate, func(v string) error {
		if err := validDate(v); err != nil {
			return err
		}
		if v != "" && start.Text != "" && v < start.Text {
			return errors.New(lang.L("the due date is before the start date"))
		}
		return nil
	}
	budget.Validator, staff.Validator = validAmount, validAmount
	status := widget.NewSelect(translated(actionStatusLabels), nil)
	status.SetSelectedIndex(max(indexOf(stratplan.ActionStatuses, x.Status), 0))
	cur := s.a.plan.Doc().PlanInfo().Currency
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Action"), title), widget.NewFormItem(lang.X("field.description", "Description"), desc),
		widget.NewFormItem(lang.L("Owner"), owner), widget.NewFormItem(lang.L("Start"), start), widget.NewFormItem(lang.L("Due"), due),
		widget.NewFormItem(strings.TrimSpace(lang.L("Budget")+" "+cur), budget), widget.NewFormItem(lang.L("Staff months"), staff),
		widget.NewFormItem(lang.L("Status"), status),
	}
	d := dialog.NewForm(lang.L("Edit action"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		t := strings.TrimSpace(title.Text)
		if !ok || t == "" {
			return
		}
		s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(x.E.ID, stratplan.KindAction, stratplan.Set("title", stratplan.Text(t)),
				stratplan.Set("description", stratplan.Text(strings.TrimSpace(desc.Text))), stratplan.Set("owner", stratplan.Text(strings.TrimSpace(owner.Text))),
				stratplan.Set("start", stratplan.Text(strings.TrimSpace(start.Text))), stratplan.Set("due", stratplan.Text(strings.TrimSpace(due.Text))),
				stratplan.Set("budget", stratplan.Text(strings.TrimSpace(budget.Text))), stratplan.Set("staff_months", stratplan.Text(strings.TrimSpace(staff.Text))),
				stratplan.Set("status", stratplan.Text(stratplan.ActionStatuses[max(status.SelectedIndex(), 0)])))
		})
		s.a.win.Canvas().Focus(s.table)
	}, s.a.win)
	for _, e := range []*widget.Entry{title, owner, start, due, budget, staff} {
		e.OnSubmitted = func(string) { d.Submit() }
	}
	d.Resize(fyne.NewSize(640, 600))
	d.Show()
	s.a.win.Canvas().Focus(title)
}

func (s *actionsStep) editDeliverable(i int) {
	if i < 0 || i >= len(s.delivs) {
		return
	}
	x := s.delivs[i]
	code, title, due := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	code.SetText(x.Code)
	title.SetText(x.Title)
	due.SetText(x.Due)
	due.SetPlaceHolder("YYYY-MM-DD")
	due.Validator = validDate
	status := widget.NewSelect(translated(delivStatusLabels), nil)
	status.SetSelectedIndex(max(indexOf(stratplan.DeliverableStatuses, x.Status), 0))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Code"), code), widget.NewFormItem(lang.L("Deliverable"), title),
		widget.NewFormItem(lang.L("Due"), due), widget.NewFormItem(lang.L("Status"), status)}
	d := dialog.NewForm(lang.L("Edit deliverable"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok || strings.TrimSpace(title.Text) == "" {
			return
		}
		s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(x.E.ID, stratplan.KindDeliverable, stratplan.Set("code", stratplan.Text(strings.TrimSpace(code.Text))),
				stratplan.Set("title", stratplan.Text(strings.TrimSpace(title.Text))), stratplan.Set("due", stratplan.Text(strings.TrimSpace(due.Text))),
				stratplan.Set("status", stratplan.Text(stratplan.DeliverableStatuses[max(status.SelectedIndex(), 0)])))
		})
	}, s.a.win)
	for _, e := range []*widget.Entry{code, title, due} {
		e.OnSubmitted = func(string) { d.Submit() }
	}
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
	s.a.win.Canvas().Focus(title)
}

func validAmount(v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	if f, err := strconv.ParseFloat(v, 64); err != nil || f < 0 {
		return errors.New(lang.L("a plain number, e.g. 250000 or 12.5"))
	}
	return nil
}

func statusName(s string, values, labels []string) string {
	if i := indexOf(values, s); i >= 0 {
		return lang.L(labels[i])
	}
	return s
}

func trimFloat(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// formatAmount groups thousands with a thin space, readable in any language.
func formatAmount(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimSuffix(s, ".00")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteRune(' ')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// num writes a number for reading, 0 included.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
