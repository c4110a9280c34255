package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// The title and the owner wrap, and the dates go onto two lines, when the
// text is large: every column stays in sight at 130%.
var actionColumns = []column{
	{name: "Action", flex: true, wrap: true}, {name: "Owner", max: 9, wrap: true}, {name: "Dates", max: 14, wrap: true},
	{name: "Budget", right: true, max: 9}, {name: "Staff months", right: true, max: 6}, {name: "Status", max: 7},
}

// Columns of the actions table the code refers to.
const (
	actionColumnBudget = 3
	actionColumnStaff  = 4
	actionColumnStatus = 5
)

// actionsStep is step 7: actions per priority with their deliverables,
// and the plan's resources against what the actions ask for.
type actionsStep struct {
	a          *App
	frame      *stepFrame
	priority   *idSelect
	title      *entry
	table      *textTable
	detail     *detailPane
	delivTitle *entry
	delivList  *keyList
	delivRows  *wrappedRows
	budget     *commitEntry
	staff      *commitEntry
	currency   *commitEntry
	totals     *widget.Label
	warning    *widget.Label
	actions    []stratplan.Action
	delivs     []stratplan.Deliverable
	selected   int
}

func newActionsStep(a *App) stepView {
	s := &actionsStep{a: a, selected: -1}
	s.priority = newIDSelect(lang.L("Choose a priority"), lang.L("Add a priority first, in step 6: actions belong to a priority."), func(string) {
		s.selected = -1
		s.table.UnselectAll()
		s.refresh()
	})
	s.title = newEntry(lang.L("Add an action to this priority…"))
	s.title.OnSubmitted = func(string) { s.add() }
	s.table = newTextTable(func() int { return len(s.actions) }, actionColumns, func(row, col int) string {
		x := s.actions[row]
		budget := ""
		if x.Budget > 0 {
			budget = formatAmount(x.Budget) // the currency is in the header
		}
		return []string{s.a.tagged(x.E, x.Title), x.Owner, actionDates(x), budget, trimFloat(x.StaffMonths), actionStatus(x.Status)}[col]
	})
	s.table.Header = func(col int) string {
		if cur := a.plan.Doc().PlanInfo().Currency; col == actionColumnBudget && cur != "" {
			return lang.L("Budget ({{.Currency}})", map[string]any{"Currency": cur})
		}
		return lang.L(actionColumns[col].name)
	}
	s.table.Style = func(row, col int) widget.Importance {
		if col == actionColumnStatus {
			return statusImportance[s.actions[row].Status]
		}
		return widget.MediumImportance
	}
	s.table.OnSelect = func(row int) {
		s.selected = row
		s.refreshDeliverables()
		s.showDetail()
	}
	s.table.OnEdit = s.editAction
	s.table.OnDelete = func(row int) { s.remove(s.actions[row].E, s.actions[row].Title) }
	s.delivTitle = newEntry(lang.L("Add a deliverable to the chosen action…"))
	s.delivTitle.OnSubmitted = func(string) { s.addDeliverable() }
	s.delivList = newKeyList(func() int { return len(s.delivs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.delivs) {
				return
			}
			d := s.delivs[i]
			l := o.(*widget.Label)
			l.Importance = statusImportance[d.Status]
			l.SetText(s.deliverableText(d))
		})
	s.delivRows = newWrappedRows(&s.delivList.List, s.delivList, 0, func() []string {
		texts := make([]string, len(s.delivs))
		for i, d := range s.delivs {
			texts[i] = s.deliverableText(d)
		}
		return texts
	})
	s.delivList.OnEdit = s.editDeliverable
	s.delivList.OnDelete = func(i widget.ListItemID) { s.remove(s.delivs[i].E, s.delivs[i].Title) }

	setPlan := func(field string) func(string) {
		return func(v string) {
			plan := a.plan.Doc().Plan()
			a.edit(func(ed *stratplan.Edit) error {
				return ed.Set(plan, stratplan.KindPlan, stratplan.Set(field, stratplan.Text(v)))
			})
		}
	}
	s.budget = newAmountField(a, setPlan("budget_available"))
	s.staff = newNumberField(a, setPlan("staff_months_available"))
	s.currency = newCommitEntry("EUR", func(v string) { setPlan("currency")(strings.TrimSpace(v)) })
	s.totals = widget.NewLabel("")
	s.totals.Wrapping = fyne.TextWrapWord
	s.warning = widget.NewLabel("")
	s.warning.Wrapping = fyne.TextWrapWord
	s.warning.Importance = widget.DangerImportance
	bold := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(lang.L(t), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	resources := container.NewVBox(bold(msg("Resources")),
		field(lang.L("Budget available"), s.budget, amountHint()), field(lang.L("Currency"), s.currency, ""),
		field(lang.L("Staff months available"), s.staff, amountHint()),
		s.totals)
	delivs := container.NewVBox(bold(msg("Deliverables")), s.delivTitle, container.New(minUnits{w: 10, h: 8}, s.delivRows.obj))
	s.detail = newDetailPane(lang.L("Choose an action to read it whole and add its deliverables."), widget.NewSeparator(), delivs, widget.NewSeparator(), resources)
	s.frame = newStepFrame(a, stepParts{
		Key:     "actions",
		Title:   msg("Actions"),
		Help:    msg("Choose a priority, type an action and press Enter. In the table, Enter edits (owner, dates, budget, status) and Delete removes; the deliverables at the right belong to the action chosen."),
		Chooser: container.NewBorder(nil, nil, widget.NewLabel(lang.L("Priority")), nil, s.priority.Select),
		Add:     s.title,
		Body:    s.table.obj,
		// What the plan cannot pay for shows above the pane, never below
		// the fold.
		Detail: container.NewBorder(s.warning, nil, nil, nil, s.detail.obj),
		Wide:   true,
		Tools: []tool{
			{theme.DocumentCreateIcon(), msg("Edit"), func() { s.editAction(s.selected) }},
			{theme.DeleteIcon(), msg("Delete"), func() {
				if s.selected >= 0 && s.selected < len(s.actions) {
					s.remove(s.actions[s.selected].E, s.actions[s.selected].Title)
				}
			}},
		},
	})
	return s
}

func (s *actionsStep) object() fyne.CanvasObject { return s.frame.object() }
func (s *actionsStep) focus()                    { s.a.win.Canvas().Focus(s.title) }

// selectKey chooses an action of the priority shown.
func (s *actionsStep) selectKey(k stratplan.Key) bool {
	for i, x := range s.actions {
		if x.E.Key() == k {
			return chooseRow(s.a, s.table.keyTable, i)
		}
	}
	return false
}

func (s *actionsStep) money(f float64) string { return money(s.a.plan.Doc(), f) }

// money writes an amount of the plan's money for reading: "250 000 XOF".
func money(doc *stratplan.Document, f float64) string {
	return strings.TrimSpace(formatAmount(f) + " " + doc.PlanInfo().Currency)
}

// resourceWarnings says how much more the actions ask for than the plan
// has, in money and in staff months; nothing when they fit.
func resourceWarnings(doc *stratplan.Document) []string {
	res := doc.Resources()
	var warn []string
	if res.OverBudget() {
		warn = append(warn, lang.L("The actions ask for {{.Over}} more than the budget available.", map[string]any{"Over": money(doc, res.Plan.Budget-res.Budget)}))
	}
	if res.OverStaff() {
		warn = append(warn, lang.L("The actions ask for {{.Over}} staff months more than the plan has.", map[string]any{"Over": num(res.Plan.StaffMonths - res.StaffMonths)}))
	}
	return warn
}

func (s *actionsStep) currentPriority() string { return s.priority.id() }

func (s *actionsStep) refresh() {
	doc := s.a.plan.Doc()
	s.a.gateAdd(s.title, lang.L("Add an action to this priority…"))
	ranked := stratplan.RankPriorities(doc.PrioritiesIn(s.a.scope()), doc.VotesIn(s.a.scope()))
	keep := s.currentPriority()
	if s.a.focusPriority != "" {
		keep, s.a.focusPriority = s.a.focusPriority, ""
	}
	var names, ids []string
	several := s.a.severalWorkshops()
	if several && len(ranked) > 0 {
		// The whole picture first: every action of every workshop shown.
		names, ids = []string{lang.L("All priorities")}, []string{""}
	}
	for i, p := range ranked {
		names, ids = append(names, fmt.Sprintf("%d. %s", i+1, s.a.tagged(p.E, p.Title))), append(ids, p.E.ID)
	}
	s.priority.fill(names, ids, keep, true)
	prio := s.currentPriority()
	s.actions = nil
	switch {
	case prio != "":
		s.actions = doc.ActionsOf(prio)
	case several:
		s.actions = doc.ActionsIn(s.a.scope())
	}
	if s.selected >= len(s.actions) {
		s.selected = -1
		s.table.UnselectAll()
	}
	s.table.refresh()
	s.refreshDeliverables()
	s.showDetail()

	info := doc.PlanInfo()
	c := s.a.win.Canvas()
	if s.budget.Validate() == nil { // keep a wrong amount on screen, with what is wrong
		s.budget.show(c, amountText(info.BudgetAvailable))
	}
	if s.staff.Validate() == nil {
		s.staff.show(c, amountText(info.StaffMonthsAvailable))
	}
	s.currency.show(c, info.Currency)
	res := doc.Resources()
	var lines []string
	for _, o := range doc.Objectives() {
		if t, ok := res.ByObjective[o.E.ID]; ok {
			lines = append(lines, labelled(o.Code, fmt.Sprintf("%s, %s %s", s.money(t.Budget), num(t.StaffMonths), lang.L("staff months"))))
		}
	}
	if t, ok := res.ByObjective[""]; ok {
		lines = append(lines, labelled(lang.L("No objective"), fmt.Sprintf("%s, %s %s", s.money(t.Budget), num(t.StaffMonths), lang.L("staff months"))))
	}
	lines = append(lines, labelled(lang.L("Plan"), fmt.Sprintf("%s / %s, %s / %s %s", s.money(res.Plan.Budget), s.money(res.Budget),
		num(res.Plan.StaffMonths), num(res.StaffMonths), lang.L("staff months"))))
	s.totals.SetText(strings.Join(lines, "\n"))
	warn := resourceWarnings(doc)
	s.warning.SetText(strings.Join(warn, "\n"))
	showIf(s.warning, len(warn) > 0)
	s.frame.refresh()
}

func (s *actionsStep) showDetail() {
	if s.selected < 0 || s.selected >= len(s.actions) {
		s.detail.show("")
		return
	}
	x := s.actions[s.selected]
	budget := ""
	if x.Budget > 0 {
		budget = s.money(x.Budget)
	}
	s.detail.show(x.Title,
		[2]string{lang.X("field.description", "Description"), x.Description},
		[2]string{lang.L("Owner"), x.Owner},
		[2]string{lang.L("Start") + " → " + lang.L("Due"), strings.Trim(orDash(x.Start)+" → "+orDash(x.Due), " ")},
		[2]string{lang.L("Budget"), budget},
		[2]string{lang.L("Staff months"), trimFloat(x.StaffMonths)},
		[2]string{lang.L("Status"), actionStatus(x.Status)},
		[2]string{"⚠", x.DateProblem()},
		s.a.fromField(x.E))
}

func (s *actionsStep) refreshDeliverables() {
	s.delivs = s.delivs[:0]
	if s.selected >= 0 && s.selected < len(s.actions) {
		s.delivs = s.a.plan.Doc().DeliverablesOf(s.actions[s.selected].E.ID)
		s.delivTitle.Enable()
	} else {
		s.delivTitle.Disable()
	}
	s.delivRows.fit()
	s.delivList.Refresh()
}

func (s *actionsStep) deliverableText(d stratplan.Deliverable) string {
	return fmt.Sprintf("%s  %s — %s %s · %s", d.Code, d.Title, lang.L("due"), orDash(d.Due), deliverableStatus(d.Status))
}

func (s *actionsStep) add() {
	title := strings.TrimSpace(s.title.Text)
	prio, ws := s.currentPriority(), s.a.workshop
	if title == "" || s.a.needOne() {
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
	// A deliverable goes with the action chosen, in that action's workshop.
	x := s.actions[s.selected]
	action, ws, code := x.E.ID, s.a.plan.Doc().WorkshopOf(x.E), s.a.plan.Doc().NextDeliverableCode(x.Priority)
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

// dateHint and amountHint hold the place of validation messages in forms,
// so that a message never moves the fields below it.
func dateHint() string { return lang.L("YYYY-MM-DD, e.g. 2027-03-31") }

func amountHint() string {
	if stratplan.SeparatorsOf(userLang()).Decimal == ',' {
		return lang.L("e.g. 250 000 or 12,5")
	}
	return lang.L("e.g. 250,000 or 12.5")
}

func (s *actionsStep) editAction(i int) {
	if i < 0 || i >= len(s.actions) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	x := s.actions[i]
	title, owner, start, due, budget, staff := newEntry(""), newEntry(""), newEntry("YYYY-MM-DD"), newEntry("YYYY-MM-DD"), newEntry(""), newEntry("")
	desc := newMultiLineEntry("")
	title.SetText(x.Title)
	owner.SetText(x.Owner)
	start.SetText(x.Start)
	due.SetText(x.Due)
	budget.SetText(amountText(x.Budget))
	staff.SetText(amountText(x.StaffMonths))
	desc.SetText(x.Description)
	start.Validator, due.Validator = validDate, func(v string) error {
		if err := validDate(v); err != nil {
			return err
		}
		if v != "" && start.Text != "" && v < start.Text {
			return errors.New(lang.L("the due date is before the start date"))
		}
		return nil
	}
	budget.Validator, staff.Validator = validAmount, validNumber
	status := newChoice(translated(actionStatusLabels), nil)
	status.SetSelectedIndex(max(indexOf(stratplan.ActionStatuses, x.Status), 0))
	cur := s.a.plan.Doc().PlanInfo().Currency
	hinted := func(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
		it := widget.NewFormItem(label, w)
		it.HintText = hint
		return it
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Action"), title), widget.NewFormItem(lang.X("field.description", "Description"), desc),
		widget.NewFormItem(lang.L("Owner"), owner), hinted(lang.L("Start"), start, dateHint()), hinted(lang.L("Due"), due, dateHint()),
		hinted(strings.TrimSpace(lang.L("Budget")+" "+cur), budget, amountHint()), hinted(lang.L("Staff months"), staff, amountHint()),
		widget.NewFormItem(lang.L("Status"), status),
	}
	s.a.showForm(lang.L("Edit action"), lang.L("Save"), items, func() {
		t := strings.TrimSpace(title.Text)
		if t == "" {
			return
		}
		b, _ := readAmount(budget.Text)
		m, _ := readNumber(staff.Text)
		s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(x.E.ID, stratplan.KindAction, stratplan.Set("title", stratplan.Text(t)),
				stratplan.Set("description", stratplan.Text(strings.TrimSpace(desc.Text))), stratplan.Set("owner", stratplan.Text(strings.TrimSpace(owner.Text))),
				stratplan.Set("start", stratplan.Text(strings.TrimSpace(start.Text))), stratplan.Set("due", stratplan.Text(strings.TrimSpace(due.Text))),
				stratplan.Set("budget", stratplan.Text(b)), stratplan.Set("staff_months", stratplan.Text(m)),
				stratplan.Set("status", stratplan.Text(stratplan.ActionStatuses[max(status.SelectedIndex(), 0)])))
		})
		s.a.win.Canvas().Focus(s.table)
	}, fyne.NewSize(640, 640))
	s.a.win.Canvas().Focus(title)
}

func (s *actionsStep) editDeliverable(i int) {
	if i < 0 || i >= len(s.delivs) {
		return
	}
	x := s.delivs[i]
	code, title, due := newEntry(""), newEntry(""), newEntry("YYYY-MM-DD")
	code.SetText(x.Code)
	title.SetText(x.Title)
	due.SetText(x.Due)
	due.Validator = validDate
	status := newChoice(translated(delivStatusLabels), nil)
	status.SetSelectedIndex(max(indexOf(stratplan.DeliverableStatuses, x.Status), 0))
	dueItem := widget.NewFormItem(lang.L("Due"), due)
	dueItem.HintText = dateHint()
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Code"), code), widget.NewFormItem(lang.L("Deliverable"), title),
		dueItem, widget.NewFormItem(lang.L("Status"), status)}
	s.a.showForm(lang.L("Edit deliverable"), lang.L("Save"), items, func() {
		if strings.TrimSpace(title.Text) == "" {
			return
		}
		s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(x.E.ID, stratplan.KindDeliverable, stratplan.Set("code", stratplan.Text(strings.TrimSpace(code.Text))),
				stratplan.Set("title", stratplan.Text(strings.TrimSpace(title.Text))), stratplan.Set("due", stratplan.Text(strings.TrimSpace(due.Text))),
				stratplan.Set("status", stratplan.Text(stratplan.DeliverableStatuses[max(status.SelectedIndex(), 0)])))
		})
	}, fyne.NewSize(560, 0))
	s.a.win.Canvas().Focus(title)
}

// present shows the chosen priority's actions: who, when, how much, where
// they stand.
func (s *actionsStep) present() fyne.CanvasObject {
	t := newFitText(1, 2.2, nil)
	paras := []para{{text: s.priority.Select.Selected, bold: true}}
	for _, x := range s.actions {
		var bits []string
		for _, b := range []string{x.Owner, strings.Trim(x.Start+" → "+x.Due, " →")} {
			if b != "" {
				bits = append(bits, b)
			}
		}
		if x.Budget > 0 {
			bits = append(bits, s.money(x.Budget))
		}
		bits = append(bits, actionStatus(x.Status))
		paras = append(paras, para{text: "• " + s.a.tagged(x.E, x.Title) + " — " + strings.Join(bits, " · ")})
		for _, d := range s.a.plan.Doc().DeliverablesOf(x.E.ID) {
			paras = append(paras, para{text: "    " + d.Code + " " + d.Title + " · " + deliverableStatus(d.Status)})
		}
	}
	t.set(paras)
	return t
}

// actionDates is an action's dates for the table: "2027-03-01 → 2028-06-30",
// which breaks only after the arrow, and a warning sign first when they
// are wrong.
func actionDates(x stratplan.Action) string {
	d := strings.TrimSpace(x.Start + "\u00a0→ " + x.Due)
	if x.Start == "" {
		d = strings.TrimSpace("→\u00a0" + x.Due)
	}
	if x.Start == "" && x.Due == "" {
		d = ""
	}
	if x.DateProblem() != "" {
		d = strings.TrimSpace("⚠\u00a0" + d)
	}
	return d
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
