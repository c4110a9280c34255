package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

var (
	indicatorColumns = []column{
		{name: "Indicator", flex: true}, {name: "Unit", max: 6}, {name: "Baseline", right: true, max: 7},
		{name: "Target", right: true, max: 8}, {name: "By", max: 4}, {name: "Better when", max: 6}, {name: "Frequency", max: 8},
	}
	directionLabels = []string{"Higher", "Lower"}
	frequencyLabels = []string{"Monthly", "Quarterly", "Half-yearly", "Yearly", "Every two years"}
)

// indicatorColumnTarget is the column that warns of a target behind its
// baseline.
const indicatorColumnTarget = 3

// indicatorsStep is step 8: how each priority or action will be measured,
// and every revision of a target with its reason.
type indicatorsStep struct {
	a        *App
	frame    *stepFrame
	of       *idSelect
	name     *entry
	table    *textTable
	detail   *detailPane
	history  *widget.Label
	items    []stratplan.Indicator
	revs     []stratplan.TargetRevision
	selected int
}

func newIndicatorsStep(a *App) stepView {
	s := &indicatorsStep{a: a, selected: -1}
	s.of = newIDSelect(lang.L("Choose a priority or an action"), lang.L("Add a priority first, in step 6: indicators measure a priority or an action."), func(string) {
		s.selected = -1
		s.table.UnselectAll()
		s.refresh()
	})
	s.name = newEntry(lang.L("Add an indicator, e.g. Average clearance time…"))
	s.name.OnSubmitted = func(string) { s.add() }
	s.table = newTextTable(func() int { return len(s.items) }, indicatorColumns, func(row, col int) string {
		x := s.items[row]
		target := numberText(x.Target)
		if x.Qualitative {
			target = x.TargetText
		} else if x.TargetBehindBaseline() {
			target = "⚠ " + target
		}
		return []string{s.a.tagged(x.E, x.Name), x.Unit, numberText(x.Baseline), target, x.TargetYear(), statusName(x.Direction, stratplan.Directions, directionLabels),
			statusName(x.Frequency, stratplan.Frequencies, frequencyLabels)}[col]
	})
	s.table.Style = func(row, col int) widget.Importance {
		if col == indicatorColumnTarget && s.items[row].TargetBehindBaseline() {
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	s.table.OnSelect = func(row int) {
		s.selected = row
		s.showDetail()
	}
	s.table.OnEdit, s.table.OnDelete = s.edit, s.remove
	s.history = widget.NewLabel("")
	s.history.Wrapping = fyne.TextWrapWord
	historyTitle := widget.NewLabelWithStyle(lang.L("Target history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.detail = newDetailPane(lang.L("Choose an indicator to read it whole, with the history of its target."), widget.NewSeparator(), historyTitle, s.history)
	s.frame = newStepFrame(a, stepParts{
		Key:     "indicators",
		Title:   msg("Indicators"),
		Help:    msg("Choose what to measure, type an indicator and press Enter. Enter edits it; changing a target asks for the reason and keeps the old one in the history."),
		Chooser: container.NewBorder(nil, nil, widget.NewLabel(lang.L("Measures")), nil, s.of.Select),
		Add:     s.name,
		Body:    s.table.obj,
		Detail:  s.detail.obj,
		Wide:    true,
		Tools: []tool{
			{theme.DocumentCreateIcon(), msg("Edit"), func() { s.edit(s.selected) }},
			{theme.DeleteIcon(), msg("Delete"), func() { s.remove(s.selected) }},
		},
	})
	return s
}

func (s *indicatorsStep) object() fyne.CanvasObject { return s.frame.object() }
func (s *indicatorsStep) focus()                    { s.a.win.Canvas().Focus(s.name) }

// selectKey chooses an indicator of what is shown as measured.
func (s *indicatorsStep) selectKey(k stratplan.Key) bool {
	for i, x := range s.items {
		if x.E.Key() == k {
			return chooseRow(s.a, s.table.keyTable, i)
		}
	}
	return false
}

func (s *indicatorsStep) current() string { return s.of.id() }

func (s *indicatorsStep) refresh() {
	doc := s.a.plan.Doc()
	keep := s.current()
	if s.a.focusPriority != "" {
		keep, s.a.focusPriority = s.a.focusPriority, ""
	}
	s.a.gateAdd(s.name, lang.L("Add an indicator, e.g. Average clearance time…"))
	var names, ids []string
	several := s.a.severalWorkshops()
	actions := map[string][]*stratplan.Entity{}
	for _, e := range doc.LiveWhere(stratplan.KindAction, "", "") {
		actions[e.Str("priority")] = append(actions[e.Str("priority")], e)
	}
	ranked := stratplan.RankPriorities(doc.PrioritiesIn(s.a.scope()), doc.VotesIn(s.a.scope()))
	if several && len(ranked) > 0 {
		names, ids = []string{lang.L("All priorities and actions")}, []string{""}
	}
	for i, p := range ranked {
		names, ids = append(names, fmt.Sprintf("%d. %s", i+1, s.a.tagged(p.E, p.Title))), append(ids, p.E.ID)
		for _, e := range actions[p.E.ID] {
			names, ids = append(names, "      ↳ "+e.Str("title")), append(ids, e.ID)
		}
	}
	s.of.fill(names, ids, keep, true)
	of := s.current()
	s.items = nil
	switch {
	case of != "":
		s.items = doc.IndicatorsOf(of)
	case several:
		s.items = doc.IndicatorsIn(s.a.scope())
	}
	if s.selected >= len(s.items) {
		s.selected = -1
		s.table.UnselectAll()
	}
	s.table.refresh()
	s.showDetail()
	s.frame.refresh()
}

// targetWarning says what is wrong with an indicator's target, or "".
func targetWarning(x stratplan.Indicator) string {
	if !x.TargetBehindBaseline() {
		return ""
	}
	if x.Direction == "decrease" {
		return lang.L("Lower is better, but the target is above the baseline: check which way this indicator should go.")
	}
	return lang.L("Higher is better, but the target is below the baseline: check which way this indicator should go.")
}

func (s *indicatorsStep) showDetail() {
	s.revs = nil
	if s.selected < 0 || s.selected >= len(s.items) {
		s.detail.show("")
		s.history.SetText("")
		return
	}
	x := s.items[s.selected]
	s.revs = s.a.plan.Doc().TargetRevisions(x.E.ID)
	target := strings.TrimSpace(numberText(x.Target) + " " + x.Unit)
	if x.Qualitative {
		target = x.TargetText
	}
	if y := x.TargetYear(); y != "" && target != "" {
		target = lang.L("{{.Target}} by {{.Year}}", map[string]any{"Target": target, "Year": y})
	}
	s.detail.show(x.Name,
		[2]string{"⚠", targetWarning(x)},
		[2]string{lang.L("Baseline"), strings.TrimSpace(numberText(x.Baseline) + " " + x.Unit)},
		[2]string{lang.L("Target"), target},
		[2]string{lang.L("Better when"), statusName(x.Direction, stratplan.Directions, directionLabels)},
		[2]string{lang.L("Frequency"), statusName(x.Frequency, stratplan.Frequencies, frequencyLabels)},
		[2]string{lang.L("Source"), x.Source},
		s.a.fromField(x.E))
	lines := make([]string, len(s.revs))
	for i, r := range s.revs {
		lines[i] = lang.L("{{.Date}}: {{.Old}} → {{.New}} — {{.Reason}}", map[string]any{"Date": r.Date, "Old": numberText(r.Old), "New": numberText(r.New), "Reason": r.Reason})
	}
	if len(lines) == 0 {
		lines = []string{lang.L("The target has not changed.")}
	}
	s.history.SetText(strings.Join(lines, "\n"))
}

func (s *indicatorsStep) add() {
	name := strings.TrimSpace(s.name.Text)
	of, ws := s.current(), s.a.workshop
	if name == "" || s.a.needOne() {
		return
	}
	if of == "" {
		s.a.setStatus(lang.L("Add a priority first, in step 6: indicators measure a priority or an action."))
		return
	}
	// A target is for the end of the plan unless the room says otherwise.
	year := planEndYear(s.a.plan.Doc().PlanInfo())
	if s.a.edit(func(ed *stratplan.Edit) error {
		sets := []stratplan.Change{stratplan.Set("name", stratplan.Text(name)), stratplan.Set("of", stratplan.Text(of)),
			stratplan.Set("direction", stratplan.Text("increase")), stratplan.Set("frequency", stratplan.Text("annual")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws))}
		if year != "" {
			sets = append(sets, stratplan.Set("target_year", stratplan.Text(year)))
		}
		return ed.Set(stratplan.NewID(), stratplan.KindIndicator, sets...)
	}) {
		s.name.SetText("")
		s.table.ScrollToBottom()
	}
}

func (s *indicatorsStep) remove(i int) {
	if i < 0 || i >= len(s.items) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	x := s.items[i]
	if s.a.deleteWithUndo(x.E.Key(), deleted(x.Name)) {
		s.table.reselect(min(i, len(s.items)-1))
	}
}

var yearRE = regexp.MustCompile(`^\d{4}$`)

// planEndYear is the year the plan's period ends, or "" when the plan has
// no end date yet.
func planEndYear(info stratplan.Plan) string {
	if y, _, _ := strings.Cut(info.PeriodEnd, "-"); yearRE.MatchString(y) {
		return y
	}
	return ""
}

// validYear accepts a year such as 2030, or nothing.
func validYear(v string) error {
	if v = strings.TrimSpace(v); v != "" && !yearRE.MatchString(v) {
		return errors.New(lang.L("a year, e.g. 2030"))
	}
	return nil
}

// storedNumber is a number as the indicator stores it: an amount typed in
// the user's language is stored in the plan's way, anything else as typed.
func storedNumber(text string) string {
	text = strings.TrimSpace(text)
	if v, err := readNumber(text); err == nil {
		return v
	}
	return text
}

func (s *indicatorsStep) edit(i int) {
	if i < 0 || i >= len(s.items) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	x := s.items[i]
	name, unit, baseline, target, year, source, targetText := newEntry(""), newEntry(lang.L("e.g. hours, %, number")), newEntry(""), newEntry(""), newEntry(lang.L("year")), newEntry(""), newEntry("")
	name.SetText(x.Name)
	unit.SetText(x.Unit)
	baseline.SetText(numberText(x.Baseline))
	target.SetText(numberText(x.Target))
	year.SetText(x.TargetYear())
	year.Validator = validYear
	source.SetText(x.Source)
	targetText.SetText(x.TargetText)
	direction := newChoice(translated(directionLabels), nil)
	direction.SetSelectedIndex(max(indexOf(stratplan.Directions, x.Direction), 0))
	freq := newChoice(translated(frequencyLabels), nil)
	freq.SetSelectedIndex(max(indexOf(stratplan.Frequencies, x.Frequency), 3))
	warning := widget.NewLabel("")
	warning.Importance = widget.WarningImportance
	warning.Wrapping = fyne.TextWrapWord
	check := func() {
		y := x
		y.Baseline, y.Target = storedNumber(baseline.Text), storedNumber(target.Text)
		y.Direction = stratplan.Directions[max(direction.SelectedIndex(), 0)]
		text := targetWarning(y)
		if text == "" {
			text = " " // keeps its line: nothing moves when a warning appears
		}
		warning.SetText(text)
	}
	// A numeric indicator has a target number; a qualitative one a target
	// described in words: one row shows whichever applies.
	targets := container.NewStack(target, targetText)
	qual := newCheck(lang.L("Qualitative: the target is a description"), nil)
	qual.OnChanged = func(on bool) {
		showIf(target, !on)
		showIf(targetText, on)
		check()
	}
	qual.SetChecked(x.Qualitative)
	qual.OnChanged(x.Qualitative)
	baseline.OnChanged = func(string) { check() }
	target.OnChanged = func(string) { check() }
	direction.OnChanged = func(string) { check() }
	yearItem := widget.NewFormItem(lang.L("Target year"), year)
	yearItem.HintText = lang.L("The year the target is for, e.g. 2030")
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Indicator"), name), widget.NewFormItem(lang.L("Unit"), unit),
		widget.NewFormItem("", qual),
		widget.NewFormItem(lang.L("Baseline"), baseline), widget.NewFormItem(lang.L("Target"), targets), yearItem,
		widget.NewFormItem(lang.L("Better when"), direction), widget.NewFormItem("", warning), widget.NewFormItem(lang.L("Frequency"), freq),
		widget.NewFormItem(lang.L("Source"), source),
	}
	check()
	s.a.showForm(lang.L("Edit indicator"), lang.L("Save"), items, func() {
		n := strings.TrimSpace(name.Text)
		if n == "" {
			return
		}
		newTarget, newText := storedNumber(target.Text), strings.TrimSpace(targetText.Text)
		save := func(reason string) {
			s.a.edit(func(ed *stratplan.Edit) error {
				if err := ed.Set(x.E.ID, stratplan.KindIndicator, stratplan.Set("name", stratplan.Text(n)),
					stratplan.Set("unit", stratplan.Text(strings.TrimSpace(unit.Text))), stratplan.Set("baseline", stratplan.Text(storedNumber(baseline.Text))),
					stratplan.Set("direction", stratplan.Text(stratplan.Directions[max(direction.SelectedIndex(), 0)])),
					stratplan.Set("frequency", stratplan.Text(stratplan.Frequencies[max(freq.SelectedIndex(), 0)])),
					stratplan.Set("target_year", stratplan.Text(strings.TrimSpace(year.Text))),
					stratplan.Set("source", stratplan.Text(strings.TrimSpace(source.Text))), stratplan.Set("qualitative", stratplan.Bool(qual.Checked))); err != nil {
					return err
				}
				today := s.a.now().Format("2006-01-02")
				if err := ed.ReviseTarget(x.E.ID, "target", newTarget, reason, today); err != nil {
					return err
				}
				return ed.ReviseTarget(x.E.ID, "target_text", newText, reason, today)
			})
			s.showDetail()
		}
		switch {
		case x.Target != "" && newTarget != x.Target:
			s.askReason(x.Target, newTarget, save)
		case x.TargetText != "" && newText != x.TargetText:
			s.askReason(x.TargetText, newText, save)
		default:
			save("")
		}
	}, fyne.NewSize(640, 0))
	s.a.win.Canvas().Focus(name)
}

// askReason asks why a target changes, showing the old and new targets;
// the answer is kept with them.
func (s *indicatorsStep) askReason(old, new string, then func(reason string)) {
	reason := newEntry(lang.L("e.g. Donor funding confirmed for a second pilot"))
	reason.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New(lang.L("say why the target changes"))
		}
		return nil
	}
	change := widget.NewLabelWithStyle(lang.L("Target: {{.Old}} → {{.New}}", map[string]any{"Old": orDash(numberText(old)), "New": orDash(numberText(new))}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	change.Wrapping = fyne.TextWrapWord
	item := widget.NewFormItem(lang.L("Reason"), reason)
	item.HintText = lang.L("Kept in the target's history, with the date")
	s.a.showForm(lang.L("Why does the target change?"), lang.L("Save"), []*widget.FormItem{widget.NewFormItem("", change), item}, func() {
		then(strings.TrimSpace(reason.Text))
	}, fyne.NewSize(560, 0))
	s.a.win.Canvas().Focus(reason)
}

// present shows the indicators of what is measured: baseline, target, year.
func (s *indicatorsStep) present() fyne.CanvasObject {
	t := newFitText(1, 2.2, nil)
	paras := []para{{text: s.of.Select.Selected, bold: true}}
	for _, x := range s.items {
		target := strings.TrimSpace(numberText(x.Target) + " " + x.Unit)
		if x.Qualitative {
			target = x.TargetText
		}
		line := "• " + s.a.tagged(x.E, x.Name)
		if x.Baseline != "" || target != "" {
			line = labelled(line, strings.TrimSpace(orDash(numberText(x.Baseline))+" → "+target))
		}
		if y := x.TargetYear(); y != "" {
			line += " (" + y + ")"
		}
		paras = append(paras, para{text: line})
	}
	t.set(paras)
	return t
}
