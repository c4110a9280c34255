package ui

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/assets"
)

// FirstNames are the names a new plan's first region and objective take,
// in the user's language.
func FirstNames() assets.FirstNames {
	return assets.FirstNames{Plan: lang.L("Strategic plan"), Region: lang.L("Region 1"), RegionCode: "R1", Objective: lang.L("Strategic objective 1")}
}

// setupView is the plan's set-up, above the workshop steps: what the
// Secretariat settles before sending the plan to the regions.
type setupView struct {
	a     *App
	frame *stepFrame

	org, title, start, end, currency, budget, staff *commitEntry

	regionCode, regionName *entry
	regionList             *keyList
	regions                []stratplan.Region

	objTitle   *entry
	objList    *keyList
	objectives []stratplan.Objective
}

func newSetupView(a *App) stepView {
	v := &setupView{a: a}
	text := func(field string) func(string) {
		return func(s string) { v.setPlan(field, strings.TrimSpace(s)) }
	}
	v.org = newCommitEntry(lang.L("e.g. Global Customs Network"), text("organization"))
	v.title = newCommitEntry(lang.L("e.g. Strategic Plan 2027–2030"), text("title"))
	v.start = newCommitEntry("YYYY-MM-DD", v.setDate("period_start"))
	v.end = newCommitEntry("YYYY-MM-DD", v.setDate("period_end"))
	v.start.Validator, v.end.Validator = validDate, validDate
	v.currency = newCommitEntry("EUR", text("currency"))
	v.budget = newAmountField(a, func(s string) { v.setPlan("budget_available", s) })
	v.staff = newNumberField(a, func(s string) { v.setPlan("staff_months_available", s) })
	details := widget.NewForm(
		widget.NewFormItem(lang.L("Organisation"), v.org),
		widget.NewFormItem(lang.L("Title"), v.title),
		widget.NewFormItem(lang.L("Period from"), v.start),
		widget.NewFormItem(lang.L("Period to"), v.end),
		widget.NewFormItem(lang.L("Currency"), v.currency),
		widget.NewFormItem(lang.L("Budget available"), v.budget),
		widget.NewFormItem(lang.L("Staff months available"), v.staff),
	)

	v.regionCode = newEntry(lang.L("Code"))
	v.regionName = newEntry(lang.L("Name, then Enter"))
	v.regionCode.OnSubmitted = func(string) { a.win.Canvas().Focus(v.regionName) }
	v.regionName.OnSubmitted = func(string) { v.addRegion() }
	v.regionList = newKeyList(func() int { return len(v.regions) }, newRowLabel, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(v.regions) {
			r := v.regions[i]
			o.(*widget.Label).SetText(r.Code + "  " + r.Name)
		}
	})
	v.regionList.OnEdit = v.editRegion
	v.regionList.OnDelete = v.removeRegion
	codeBox := fixedUnits(5, v.regionCode)
	addRegion := container.New(layout.NewBorderLayout(nil, nil, codeBox, nil), codeBox, v.regionName)
	regionTools := container.NewHBox(
		newFlatAction(theme.DocumentCreateIcon(), lang.L("Rename"), func() { v.editRegion(v.regionList.selected) }),
		newFlatAction(theme.DeleteIcon(), lang.L("Remove"), func() { v.removeRegion(v.regionList.selected) }))
	regionsTop := container.NewVBox(section(lang.L("Regions")), addRegion)
	regions := container.New(newBorder(regionsTop, regionTools), regionsTop, v.regionList, regionTools)

	v.objTitle = newEntry("")
	v.objTitle.OnSubmitted = func(string) { v.addObjective() }
	v.objList = newKeyList(func() int { return len(v.objectives) }, newRowLabel, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(v.objectives) {
			ob := v.objectives[i]
			o.(*widget.Label).SetText(ob.Code + "  " + ob.Title)
		}
	})
	v.objList.OnEdit = v.editObjective
	v.objList.OnDelete = v.removeObjective
	objTools := container.NewHBox(
		newTapIcon(theme.MoveUpIcon(), func() { v.moveObjective(v.objList.selected, -1) }),
		newTapIcon(theme.MoveDownIcon(), func() { v.moveObjective(v.objList.selected, +1) }),
		newFlatAction(theme.DocumentCreateIcon(), lang.L("Edit"), func() { v.editObjective(v.objList.selected) }),
		newFlatAction(theme.DeleteIcon(), lang.L("Delete"), func() { v.removeObjective(v.objList.selected) }))
	objTop := container.NewVBox(section(lang.L("Strategic objectives")), v.objTitle)
	objectives := container.New(newBorder(objTop, objTools), objTop, v.objList, objTools)
	for _, k := range []fyne.KeyName{fyne.KeyUp, fyne.KeyDown} {
		delta := map[fyne.KeyName]int{fyne.KeyUp: -1, fyne.KeyDown: +1}[k]
		a.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
			if a.win.Canvas().Focused() == v.objList {
				v.moveObjective(v.objList.target(), delta)
			}
		})
	}

	left := container.NewVBox(section(lang.L("The plan")), details)
	// The plan's details first in the focus order, then regions, then
	// objectives; the lists share what the form leaves.
	body := container.New(&shareLayout{shares: []float32{0.36, 0.26}}, container.NewVScroll(left), regions, objectives)
	v.frame = newStepFrame(a, stepParts{
		Key:     "plan",
		Title:   msg("Plan"),
		Help:    msg("Set the plan up here before the workshops: its regions (a code such as EUR and a name) and its strategic objectives (numbered SO1, SO2… as you add them). In the lists, Enter edits, Delete removes what nothing uses, Ctrl+↑ / Ctrl+↓ move an objective. Then export the plan (File ▸ Export bundle) and send it to each region's facilitator, who starts from it: everything the regions do merges back into one plan."),
		Body:    body,
		NoNotes: true,
	})
	return v
}

// newRowLabel is a list row of one line of text.
func newRowLabel() fyne.CanvasObject { return rowLabel() }

// rowLabel is a label of one line that ends in … when it is too long.
func rowLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// section is a bold title over a part of a step.
func section(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// showObjectives opens the Plan page on its strategic objectives.
func (a *App) showObjectives() {
	a.showStep(pageIndex("plan"))
	if v, ok := a.views[pageIndex("plan")].(*setupView); ok {
		a.win.Canvas().Focus(v.objTitle)
	}
}

func (v *setupView) object() fyne.CanvasObject { return v.frame.object() }
func (v *setupView) focus()                    { v.a.win.Canvas().Focus(v.org) }

func (v *setupView) refresh() {
	doc := v.a.plan.Doc()
	info := doc.PlanInfo()
	c := v.a.win.Canvas()
	v.org.show(c, info.Organization)
	v.title.show(c, info.Title)
	v.start.show(c, info.PeriodStart)
	v.end.show(c, info.PeriodEnd)
	v.currency.show(c, info.Currency)
	v.budget.show(c, amountText(info.BudgetAvailable))
	v.staff.show(c, amountText(info.StaffMonthsAvailable))
	v.regions = doc.Regions()
	v.objectives = doc.Objectives()
	v.objTitle.SetPlaceHolder(lang.L("Title of {{.Code}}, then Enter", map[string]any{"Code": doc.NextObjectiveCode()}))
	v.regionList.Refresh()
	v.objList.Refresh()
	v.frame.refresh()
}

func (v *setupView) setPlan(field, value string) {
	plan := v.a.plan.Doc().Plan()
	v.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(plan, stratplan.KindPlan, stratplan.Set(field, stratplan.Text(value)))
	})
}

func (v *setupView) setDate(field string) func(string) {
	return func(s string) {
		s = strings.TrimSpace(s)
		if validDate(s) != nil {
			v.a.setStatus(lang.L("Write dates as YYYY-MM-DD, e.g. 2026-09-14: the date was not saved."))
			return
		}
		info := v.a.plan.Doc().PlanInfo()
		start, end := info.PeriodStart, info.PeriodEnd
		if field == "period_start" {
			start = s
		} else {
			end = s
		}
		if start != "" && end != "" && end <= start {
			v.a.setStatus(lang.L("The plan period must end after it starts: the date was not saved."))
			return
		}
		v.setPlan(field, s)
	}
}

// setupProblem says in the user's language what is wrong with a region or
// an objective.
func setupProblem(err error) string {
	var se *stratplan.SetupError
	if !errors.As(err, &se) {
		return err.Error()
	}
	switch {
	case se.Problem == stratplan.SetupSpace:
		return lang.L("The code “{{.Code}}” has a space, comma or semicolon: write it as one short word, such as EUR.", map[string]any{"Code": se.Text})
	case se.Problem == stratplan.SetupTaken && se.Other.Kind == stratplan.KindRegion:
		return lang.L("“{{.Text}}” is already the region {{.Name}} ({{.Code}}): choose another.",
			map[string]any{"Text": se.Text, "Name": se.Other.Str("name"), "Code": se.Other.Str("code")})
	case se.Problem == stratplan.SetupTaken:
		return lang.L("{{.Code}} is already the code of “{{.Title}}”: choose another.", map[string]any{"Code": se.Other.Str("code"), "Title": se.Other.Str("title")})
	case se.Text == stratplan.KindRegion:
		return lang.L("A region needs a code (such as EUR) and a name (such as Europe).")
	}
	return lang.L("An objective needs a code (such as SO1) and a title.")
}

func (v *setupView) addRegion() {
	code, name := strings.TrimSpace(v.regionCode.Text), strings.TrimSpace(v.regionName.Text)
	if code == "" && name == "" {
		return
	}
	if err := v.a.plan.Doc().CheckRegion("", code, name); err != nil {
		v.a.setStatus(setupProblem(err))
		return
	}
	if v.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindRegion, stratplan.Set("code", stratplan.Text(code)), stratplan.Set("name", stratplan.Text(name)))
	}) {
		v.regionCode.SetText("")
		v.regionName.SetText("")
		v.a.win.Canvas().Focus(v.regionCode)
	}
}

func (v *setupView) editRegion(i int) {
	if i < 0 || i >= len(v.regions) {
		v.a.setStatus(lang.L("Choose an item first."))
		return
	}
	r := v.regions[i]
	code, name := newEntry(""), newEntry("")
	code.SetText(r.Code)
	name.SetText(r.Name)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Code"), code), widget.NewFormItem(lang.L("Name"), name)}
	v.a.showForm(lang.L("Rename the region"), lang.L("Save"), items, func() {
		c, n := strings.TrimSpace(code.Text), strings.TrimSpace(name.Text)
		if err := v.a.plan.Doc().CheckRegion(r.E.ID, c, n); err != nil {
			v.a.showError(errors.New(setupProblem(err)))
			return
		}
		v.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(r.E.ID, stratplan.KindRegion, stratplan.Set("code", stratplan.Text(c)), stratplan.Set("name", stratplan.Text(n)))
		})
		v.a.win.Canvas().Focus(v.regionList)
	}, fyne.NewSize(480, 0))
	v.a.win.Canvas().Focus(name)
}

// usesText lists what uses something, by kind: "Workshop: 2 · Survey
// score: 40".
func usesText(uses []stratplan.Use) string {
	counts := stratplan.CountUses(uses)
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, labelled(kindName(k), strconv.Itoa(counts[k])))
	}
	return strings.Join(parts, " · ")
}

// examples names a few of the things that use something.
func examples(uses []stratplan.Use, n int) string {
	var out []string
	for _, u := range uses[:min(n, len(uses))] {
		out = append(out, "“"+u.E.Label()+"”")
	}
	if len(uses) > n {
		out = append(out, lang.L("and {{.Count}} more", map[string]any{"Count": len(uses) - n}))
	}
	return strings.Join(out, ", ")
}

func (v *setupView) removeRegion(i int) {
	if i < 0 || i >= len(v.regions) {
		v.a.setStatus(lang.L("Choose an item first."))
		return
	}
	r := v.regions[i]
	if uses := v.a.plan.Doc().UsesOf(stratplan.KindRegion, r.E.ID); len(uses) > 0 {
		v.regionInUse(r, uses)
		return
	}
	if v.a.deleteWithUndo(r.E.Key(), deleted(r.Name)) {
		v.regionList.UnselectAll()
	}
}

// regionInUse says what still uses a region and how to settle each: the
// workshops and the rest can be given another region; survey scores
// cannot be moved here, so it offers to delete them (Ctrl+Z brings them
// back), or to import the survey again.
func (v *setupView) regionInUse(r stratplan.Region, uses []stratplan.Use) {
	var scores, others []stratplan.Use
	for _, u := range uses {
		if u.E.Kind == stratplan.KindSurveyScore {
			scores = append(scores, u)
		} else {
			others = append(others, u)
		}
	}
	lines := []string{lang.L("{{.Name}} cannot be removed yet: {{.Uses}}.", map[string]any{"Name": r.Name, "Uses": usesText(uses)})}
	if len(others) > 0 {
		lines = append(lines, lang.L("Give these another region first: {{.Examples}}.", map[string]any{"Examples": examples(others, 8)}))
	}
	if len(scores) > 0 {
		lines = append(lines, lang.N("{{.Count}} survey scores are of this region: a score cannot be given another region here. Import the survey again with the right region (step 2), or delete them.",
			len(scores), map[string]any{"Count": len(scores)}))
	}
	text := widget.NewLabel(strings.Join(lines, "\n\n"))
	text.Wrapping = fyne.TextWrapWord
	// The label wraps at the dialog's width, so the dialog is as tall as
	// its text and no taller.
	const width = 520
	text.Resize(fyne.NewSize(width, 0))
	text.Resize(fyne.NewSize(width, text.MinSize().Height))
	content := container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, text)
	title := lang.L("Region in use")
	if len(scores) == 0 {
		v.a.showInfo(title, content, fyne.NewSize(width+80, 0))
		return
	}
	confirm := lang.N("Delete the {{.Count}} survey scores", len(scores), map[string]any{"Count": len(scores)})
	if len(others) == 0 {
		confirm = lang.N("Delete the {{.Count}} survey scores and the region", len(scores), map[string]any{"Count": len(scores)})
	}
	v.a.showConfirm(title, confirm, lang.L("Cancel"), content, func() {
		if !v.a.edit(func(ed *stratplan.Edit) error {
			for _, u := range scores {
				if err := ed.Delete(u.E.Kind, u.E.ID); err != nil {
					return err
				}
			}
			if len(others) == 0 {
				return ed.Delete(r.E.Kind, r.E.ID)
			}
			return nil
		}) {
			return
		}
		v.a.setStatus(lang.N("{{.Count}} survey scores deleted.", len(scores), map[string]any{"Count": len(scores)}) + " " + lang.L("Ctrl+Z brings it back."))
	}, fyne.NewSize(width+80, 0))
}

func (v *setupView) addObjective() {
	title := strings.TrimSpace(v.objTitle.Text)
	if title == "" {
		return // Enter on an empty line adds nothing
	}
	doc := v.a.plan.Doc()
	code := doc.NextObjectiveCode()
	if err := doc.CheckObjective("", code, title); err != nil {
		v.a.setStatus(setupProblem(err))
		return
	}
	ids := make([]string, 0, len(v.objectives)+1)
	for _, o := range v.objectives {
		ids = append(ids, o.E.ID)
	}
	id := stratplan.NewID()
	if v.a.edit(func(ed *stratplan.Edit) error {
		if err := ed.Set(id, stratplan.KindObjective, stratplan.Set("code", stratplan.Text(code)), stratplan.Set("title", stratplan.Text(title))); err != nil {
			return err
		}
		if len(v.objectives) > 0 && v.objectives[0].Order > 0 {
			return ed.ReorderObjectives(append(ids, id)) // the plan has an order of its own: the new one goes last
		}
		return nil
	}) {
		v.objTitle.SetText("")
		v.objList.ScrollToBottom()
	}
}

func (v *setupView) editObjective(i int) {
	if i < 0 || i >= len(v.objectives) {
		v.a.setStatus(lang.L("Choose an item first."))
		return
	}
	o := v.objectives[i]
	code, title, desc := newEntry(""), newEntry(""), newMultiLineEntry("")
	code.SetText(o.Code)
	title.SetText(o.Title)
	desc.SetText(o.Description)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Code"), code), widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.X("field.description", "Description"), desc)}
	v.a.showForm(lang.L("Edit the objective"), lang.L("Save"), items, func() {
		c, t := strings.TrimSpace(code.Text), strings.TrimSpace(title.Text)
		if err := v.a.plan.Doc().CheckObjective(o.E.ID, c, t); err != nil {
			v.a.showError(errors.New(setupProblem(err)))
			return
		}
		v.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(o.E.ID, stratplan.KindObjective, stratplan.Set("code", stratplan.Text(c)), stratplan.Set("title", stratplan.Text(t)),
				stratplan.Set("description", stratplan.Text(strings.TrimSpace(desc.Text))))
		})
		v.a.win.Canvas().Focus(v.objList)
	}, fyne.NewSize(560, 360))
	v.a.win.Canvas().Focus(title)
}

func (v *setupView) removeObjective(i int) {
	if i < 0 || i >= len(v.objectives) {
		v.a.setStatus(lang.L("Choose an item first."))
		return
	}
	o := v.objectives[i]
	if uses := v.a.plan.Doc().UsesOf(stratplan.KindObjective, o.E.ID); len(uses) > 0 {
		v.a.showError(errors.New(lang.L("{{.Code}} is still used ({{.Uses}}): {{.Examples}}. Put them under another objective first (Priorities, Enter on a priority); then it can be deleted.",
			map[string]any{"Code": o.Code, "Uses": usesText(uses), "Examples": examples(uses, 3)})))
		return
	}
	if v.a.deleteWithUndo(o.E.Key(), deleted(o.Code+" "+o.Title)) {
		v.objList.UnselectAll()
	}
}

// moveObjective moves objective i up (−1) or down (+1); the plan keeps
// the order.
func (v *setupView) moveObjective(i, delta int) {
	j := i + delta
	if i < 0 || i >= len(v.objectives) || j < 0 || j >= len(v.objectives) {
		return
	}
	ids := make([]string, len(v.objectives))
	for k, o := range v.objectives {
		ids[k] = o.E.ID
	}
	ids[i], ids[j] = ids[j], ids[i]
	if v.a.edit(func(ed *stratplan.Edit) error { return ed.ReorderObjectives(ids) }) {
		v.objList.pick(j)
		v.a.win.Canvas().Focus(v.objList)
	}
}

// shareLayout places its objects side by side, each given its share of the
// width (the last one the rest) and never less than it needs.
type shareLayout struct{ shares []float32 }

func (l *shareLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for _, o := range objects {
		m := o.MinSize()
		w += m.Width + theme.Padding()
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (l *shareLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	avail := size.Width - pad*float32(len(objects)-1)
	x := float32(0)
	for i, o := range objects {
		w := size.Width - x
		if i < len(l.shares) {
			w = max(avail*l.shares[i], o.MinSize().Width)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(max(w, 0), size.Height))
		x += w + pad
	}
}
