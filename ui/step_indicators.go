package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

var (
	indicatorColumns = []string{"Indicator", "Unit", "Baseline", "Target", "Better when", "Frequency", "Source"}
	directionLabels  = []string{"Higher", "Lower"}
	frequencyLabels  = []string{"Monthly", "Quarterly", "Half-yearly", "Yearly", "Every two years"}
)

// indicatorsStep is step 8: how each priority or action will be measured,
// and every revision of a target with its reason.
type indicatorsStep struct {
	a        *App
	obj      fyne.CanvasObject
	of       *idSelect
	name     *widget.Entry
	table    *keyTable
	history  *widget.List
	notes    *notesPanel
	items    []stratplan.Indicator
	revs     []stratplan.TargetRevision
	selected int
}

func newIndicatorsStep(a *App) stepView {
	s := &indicatorsStep{a: a, selected: -1}
	s.of = newIDSelect(lang.L("Choose a priority or an action"), func(string) {
		s.selected = -1
		s.table.UnselectAll()
		s.refresh()
	})
	s.name = widget.NewEntry()
	s.name.SetPlaceHolder(lang.L("Add an indicator, e.g. Average clearance time…"))
	s.name.OnSubmitted = func(string) { s.add() }
	s.table = newTextTable(func() int { return len(s.items) }, indicatorColumns, []float32{220, 80, 80, 100, 100, 100, 140}, func(row, col int) string {
		x := s.items[row]
		target := x.Target
		if x.Qualitative {
			target = x.TargetText
		}
		return []string{x.Name, x.Unit, x.Baseline, target, statusName(x.Direction, stratplan.Directions, directionLabels),
			statusName(x.Frequency, stratplan.Frequencies, frequencyLabels), x.Source}[col]
	})
	s.table.OnSelect = func(row int) {
		s.selected = row
		s.refreshHistory()
	}
	s.table.OnEdit, s.table.OnDelete = s.edit, s.remove
	s.history = widget.NewList(func() int { return len(s.revs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := s.revs[i]
			o.(*widget.Label).SetText(lang.L("{{.Date}}: {{.Old}} → {{.New}} — {{.Reason}}", map[string]any{"Date": r.Date, "Old": r.Old, "New": r.New, "Reason": r.Reason}))
		})
	tools := container.NewHBox(
		newFlatAction(theme.DocumentCreateIcon(), lang.L("Edit"), func() { s.edit(s.selected) }),
		newFlatAction(theme.DeleteIcon(), lang.L("Delete"), func() { s.remove(s.selected) }))
	s.notes = newNotesPanel(a, "indicators")
	hint := widget.NewLabelWithStyle(lang.L("Choose what to measure, type an indicator and press Enter. Enter edits it; changing a target asks for the reason and keeps the old one in the history."),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(heading(lang.L("Indicators")), hint, container.NewBorder(nil, nil, widget.NewLabel(lang.L("Measures")), nil, s.of.Select), s.name)
	history := container.NewBorder(widget.NewLabelWithStyle(lang.L("Target history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, s.history)
	body := container.NewBorder(nil, tools, nil, fixedWidth(300, history), s.table)
	s.obj = container.New(newBorder(top, s.notes.obj), top, body, s.notes.obj)
	return s
}

func (s *indicatorsStep) object() fyne.CanvasObject { return s.obj }
func (s *indicatorsStep) focus()                    { s.a.win.Canvas().Focus(s.name) }

func (s *indicatorsStep) current() string { return s.of.id() }

func (s *indicatorsStep) refresh() {
	doc := s.a.plan.Doc()
	keep := s.current()
	if s.a.focusPriority != "" {
		keep, s.a.focusPriority = s.a.focusPriority, ""
	}
	var names, ids []string
	actions := map[string][]*stratplan.Entity{}
	for _, e := range doc.LiveWhere(stratplan.KindAction, "", "") {
		actions[e.Str("priority")] = append(actions[e.Str("priority")], e)
	}
	for _, p := range stratplan.RankPriorities(doc.Priorities(s.a.workshop), doc.Votes(s.a.workshop)) {
		names, ids = append(names, fmt.Sprintf("%d. %s", p.Rank, p.Title)), append(ids, p.E.ID)
		for _, e := range actions[p.E.ID] {
			names, ids = append(names, "      ↳ "+e.Str("title")), append(ids, e.ID)
		}
	}
	s.of.fill(names, ids, keep, true)
	of := s.current()
	s.items = nil
	if of != "" {
		s.items = doc.IndicatorsOf(of)
	}
	if s.selected >= len(s.items) {
		s.selected = -1
		s.table.UnselectAll()
	}
	s.table.Refresh()
	s.refreshHistory()
	s.notes.refresh()
}

func (s *indicatorsStep) refreshHistory() {
	s.revs = nil
	if s.selected >= 0 && s.selected < len(s.items) {
		s.revs = s.a.plan.Doc().TargetRevisions(s.items[s.selected].E.ID)
	}
	s.history.Refresh()
}

func (s *indicatorsStep) add() {
	name := strings.TrimSpace(s.name.Text)
	of, ws := s.current(), s.a.workshop
	if name == "" {
		return
	}
	if of == "" {
		s.a.setStatus(lang.L("Add a priority first, in step 6: indicators measure a priority or an action."))
		return
	}
	if s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindIndicator, stratplan.Set("name", stratplan.Text(name)), stratplan.Set("of", stratplan.Text(of)),
			stratplan.Set("direction", stratplan.Text("increase")), stratplan.Set("frequency", stratplan.Text("annual")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	}) {
		s.name.SetText("")
		s.table.ScrollToBottom()
	}
}

func (s *indicatorsStep) remove(i int) {
	if i < 0 || i >= len(s.items) {
		return
	}
	x := s.items[i]
	if s.a.deleteWithUndo(x.E.Key(), deleted(x.Name)) {
		s.table.UnselectAll()
	}
}

func (s *indicatorsStep) edit(i int) {
	if i < 0 || i >= len(s.items) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	x := s.items[i]
	name, unit, baseline, target, source, targetText := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	name.SetText(x.Name)
	unit.SetText(x.Unit)
	baseline.SetText(x.Baseline)
	target.SetText(x.Target)
	source.SetText(x.Source)
	targetText.SetText(x.TargetText)
	unit.SetPlaceHolder(lang.L("e.g. hours, %, number"))
	direction := widget.NewSelect(translated(directionLabels), nil)
	direction.SetSelectedIndex(max(indexOf(stratplan.Directions, x.Direction), 0))
	freq := widget.NewSelect(translated(frequencyLabels), nil)
	freq.SetSelectedIndex(max(indexOf(stratplan.Frequencies, x.Frequency), 3))
	qual := widget.NewCheck(lang.L("Qualitative: the target is a description"), nil)
	qual.SetChecked(x.Qualitative)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Indicator"), name), widget.NewFormItem(lang.L("Unit"), unit),
		widget.NewFormItem(lang.L("Baseline"), baseline), widget.NewFormItem(lang.L("Target"), target),
		widget.NewFormItem(lang.L("Better when"), direction), widget.NewFormItem(lang.L("Frequency"), freq),
		widget.NewFormItem(lang.L("Source"), source), widget.NewFormItem("", qual), widget.NewFormItem(lang.L("Target (text)"), targetText),
	}
	d := dialog.NewForm(lang.L("Edit indicator"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		n := strings.TrimSpace(name.Text)
		if !ok || n == "" {
			return
		}
		save := func(reason string) {
			s.a.edit(func(ed *stratplan.Edit) error {
				if err := ed.Set(x.E.ID, stratplan.KindIndicator, stratplan.Set("name", stratplan.Text(n)),
					stratplan.Set("unit", stratplan.Text(strings.TrimSpace(unit.Text))), stratplan.Set("baseline", stratplan.Text(strings.TrimSpace(baseline.Text))),
					stratplan.Set("direction", stratplan.Text(stratplan.Directions[max(direction.SelectedIndex(), 0)])),
					stratplan.Set("frequency", stratplan.Text(stratplan.Frequencies[max(freq.SelectedIndex(), 0)])),
					stratplan.Set("source", stratplan.Text(strings.TrimSpace(source.Text))), stratplan.Set("qualitative", stratplan.Bool(qual.Checked))); err != nil {
					return err
				}
				today := time.Now().Format("2006-01-02")
				if err := ed.ReviseTarget(x.E.ID, "target", strings.TrimSpace(target.Text), reason, today); err != nil {
					return err
				}
				return ed.ReviseTarget(x.E.ID, "target_text", strings.TrimSpace(targetText.Text), reason, today)
			})
			s.refreshHistory()
		}
		changed := x.Target != "" && strings.TrimSpace(target.Text) != x.Target || x.TargetText != "" && strings.TrimSpace(targetText.Text) != x.TargetText
		if !changed {
			save("")
			return
		}
		s.askReason(save)
	}, s.a.win)
	for _, e := range []*widget.Entry{name, unit, baseline, target, source, targetText} {
		e.OnSubmitted = func(string) { d.Submit() }
	}
	d.Resize(fyne.NewSize(640, 620))
	d.Show()
	s.a.win.Canvas().Focus(name)
}

// askReason asks why a target changes; the answer is kept with the old and
// new targets.
func (s *indicatorsStep) askReason(then func(reason string)) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder(lang.L("e.g. Donor funding confirmed for a second pilot"))
	reason.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("%s", lang.L("say why the target changes"))
		}
		return nil
	}
	d := dialog.NewForm(lang.L("Why does the target change?"), lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Reason"), reason)}, func(ok bool) {
			if ok {
				then(strings.TrimSpace(reason.Text))
			}
		}, s.a.win)
	reason.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 200))
	d.Show()
	s.a.win.Canvas().Focus(reason)
}
