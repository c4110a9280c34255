package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// monitoringStep is step 9: where each indicator stands against its
// target, with a progress bar and a small trend chart, the figures due
// typed in one after another, and how the actions and deliverables of
// each objective and priority are doing.
type monitoringStep struct {
	a     *App
	frame *stepFrame

	shown           *widget.Label // what the window's workshop choice shows
	onTrack, atRisk *commitEntry
	period          *entry // the period figures are entered for; "" = each indicator's period due

	figureLabel *widget.Label
	figure      *entry
	list        *keyList
	rollups     *widget.List
	summary     *widget.Label

	m        stratplan.Monitoring
	lines    []rollupLine
	selected int
}

// rollupLine is one line of the roll-up: an objective, or one of its
// priorities (indented).
type rollupLine struct {
	title    string
	priority bool
	r        stratplan.Rollup
}

// statusLabels name the statuses, in the order of stratplan.Statuses.
var statusLabels = []string{"On track", "At risk", "Off track", "No data"}

// milestoneLabels name the milestones of a qualitative indicator, in the
// order of stratplan.Milestones.
var milestoneLabels = []string{"not started", "in progress", "met"}

func newMonitoringStep(a *App) stepView {
	s := &monitoringStep{a: a, selected: -1}
	// The figures cover what the window's region and workshop choices show,
	// as every step does: All workshops for the whole picture.
	s.shown = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.shown.Truncation = fyne.TextTruncateEllipsis
	threshold := func(field string) func(string) {
		return func(v string) {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "%")))
			if err != nil || n < 0 || n > 100 {
				a.setStatus(lang.L("A threshold is a whole percentage from 0 to 100: it was not saved."))
				return
			}
			plan := a.plan.Doc().Plan()
			a.edit(func(ed *stratplan.Edit) error {
				return ed.Set(plan, stratplan.KindPlan, stratplan.Set(field, stratplan.Int(n)))
			})
		}
	}
	s.onTrack = newCommitEntry("90", threshold("on_track_from"))
	s.atRisk = newCommitEntry("60", threshold("at_risk_from"))
	s.period = newEntry(lang.L("period due"))
	s.period.OnChanged = func(string) { s.showFigure() }
	s.period.Validator = func(p string) error {
		if p = strings.TrimSpace(p); p == "" {
			return nil
		}
		if _, _, ok := stratplan.PeriodRange(p); !ok {
			return fmt.Errorf("%s", lang.L("a period such as 2027, 2027-S1, 2027-Q3 or 2027-09"))
		}
		return nil
	}

	s.figureLabel = widget.NewLabel("")
	s.figureLabel.Truncation = fyne.TextTruncateEllipsis
	s.figure = newEntry("")
	s.figure.OnSubmitted = func(string) { s.saveFigure() }

	s.list = newKeyList(func() int { return len(s.m.Indicators) }, newIndicatorRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(s.m.Indicators) {
			o.(*indicatorRow).set(a, s.m.Indicators[i], i == s.selected)
		}
	})
	s.list.OnSelect = func(i widget.ListItemID) {
		s.selected = i
		s.showFigure()
		s.list.Refresh() // the selected row's status is drawn in the text colour
	}
	s.list.OnEdit = func(i widget.ListItemID) {
		s.list.pick(i)
		s.readyToType()
	}

	s.rollups = widget.NewList(func() int { return len(s.lines) }, func() fyne.CanvasObject {
		title := newRowLabel()
		figures := widget.NewLabel("")
		figures.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(title, figures)
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(s.lines) {
			return
		}
		l := s.lines[i]
		box := o.(*fyne.Container)
		title, figures := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
		title.TextStyle = fyne.TextStyle{Bold: !l.priority}
		prefix := ""
		if l.priority {
			prefix = "    "
		}
		title.SetText(prefix + l.title)
		title.Refresh()
		figures.SetText(prefix + rollupText(l.r))
	})
	s.rollups.OnSelected = func(widget.ListItemID) { s.rollups.UnselectAll() }

	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord

	thresholds := widget.NewForm(
		widget.NewFormItem(lang.L("On track from"), container.NewHBox(fixedUnits(3.5, s.onTrack), widget.NewLabel(lang.L("% of the expected progress")))),
		widget.NewFormItem(lang.L("At risk from"), container.NewHBox(fixedUnits(3.5, s.atRisk), widget.NewLabel("%"))))
	filters := fixedUnits(22, s.shown)
	entryRow := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Period")), fixedUnits(8, s.period)), nil,
		container.NewBorder(nil, nil, fixedUnits(20, s.figureLabel), nil, s.figure))
	legend := widget.NewLabelWithStyle(lang.L("▲ on track ● at risk ▼ off track ? no data"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	side := container.NewBorder(container.NewVBox(thresholds, widget.NewSeparator(), section(lang.L("Per objective and priority")), legend), nil, nil, nil, s.rollups)
	s.frame = newStepFrame(a, stepParts{
		Key:     "monitoring",
		Title:   msg("Monitoring"),
		Help:    msg("Pick an indicator, type its figure for the period and press Enter: the next one is ready. Progress counts from the baseline to the target, whichever way is better; the status compares it with the share of the plan period gone by."),
		Chooser: filters,
		Add:     entryRow,
		Body:    container.NewBorder(nil, s.summary, nil, nil, s.list),
		Detail:  side,
		Wide:    true,
	})
	return s
}

func (s *monitoringStep) object() fyne.CanvasObject { return s.frame.object() }

func (s *monitoringStep) focus() {
	if len(s.m.Indicators) > 0 && s.selected < 0 {
		s.list.pick(0)
	}
	s.readyToType()
}

// readyToType gives the figure entry the keyboard with its text selected,
// so that what is typed replaces the figure shown.
func (s *monitoringStep) readyToType() {
	s.a.win.Canvas().Focus(s.figure)
	// → ends a selection left from a figure shown before; selecting an
	// empty text would make each key typed replace the one before.
	s.figure.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s.figure.Text != "" {
		s.figure.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

func (s *monitoringStep) refresh() {
	doc := s.a.plan.Doc()
	s.shown.SetText(s.a.scopeLabel())
	th := doc.StatusThresholds()
	c := s.a.win.Canvas()
	s.onTrack.show(c, strconv.Itoa(th.OnTrack))
	s.atRisk.show(c, strconv.Itoa(th.AtRisk))

	picked := ""
	if s.selected >= 0 && s.selected < len(s.m.Indicators) {
		picked = s.m.Indicators[s.selected].E.ID
	}
	s.m = doc.Monitoring(s.a.now(), s.a.scope())
	s.selected = -1
	for i, p := range s.m.Indicators {
		if p.E.ID == picked {
			s.selected = i
		}
	}
	s.lines = s.lines[:0]
	for _, o := range s.m.Objectives {
		title := lang.L("Under no objective")
		if o.Objective.E != nil {
			title = strings.TrimSpace(o.Objective.Code + " " + o.Objective.Title)
		}
		s.lines = append(s.lines, rollupLine{title: title, r: o.Rollup})
		for _, p := range o.Priorities {
			s.lines = append(s.lines, rollupLine{title: s.a.tagged(p.Priority.E, p.Priority.Title), priority: true, r: p.Rollup})
		}
	}
	s.lines = append(s.lines, rollupLine{title: lang.L("Whole plan"), r: s.m.Total})
	missing := s.m.Total.IndicatorCount(stratplan.StatusNoData)
	n := len(s.m.Indicators)
	s.summary.SetText(lang.N("{{.Count}} indicators", n, map[string]any{"Count": n}) + ": " + lang.L("{{.OnTrack}} on track, {{.AtRisk}} at risk, {{.OffTrack}} off track; {{.Missing}} without a figure for the period due.",
		map[string]any{"OnTrack": s.m.Total.IndicatorCount(stratplan.StatusOnTrack), "AtRisk": s.m.Total.IndicatorCount(stratplan.StatusAtRisk),
			"OffTrack": s.m.Total.IndicatorCount(stratplan.StatusOffTrack), "Missing": missing}))
	if s.selected >= 0 {
		s.list.pick(s.selected)
	} else {
		s.list.UnselectAll()
	}
	s.list.Refresh()
	s.rollups.Refresh()
	s.showFigure()
	s.frame.refresh()
}

// duePeriod is the period a figure is entered for: the one typed, else
// the indicator's period due.
func (s *monitoringStep) duePeriod(p stratplan.IndicatorProgress) string {
	if t := strings.TrimSpace(s.period.Text); t != "" {
		return t
	}
	return p.Due
}

// showFigure puts the chosen indicator's figure for the period in the
// entry, ready to be typed over.
func (s *monitoringStep) showFigure() {
	if s.selected < 0 || s.selected >= len(s.m.Indicators) {
		s.figureLabel.SetText(lang.L("Choose an indicator below"))
		s.figure.SetText("")
		s.figure.SetPlaceHolder("")
		return
	}
	p := s.m.Indicators[s.selected]
	period := s.duePeriod(p)
	s.figureLabel.SetText(lang.L("{{.Name}}, {{.Period}}:", map[string]any{"Name": p.Name, "Period": period}))
	value := ""
	if e := s.a.plan.Doc().Get(stratplan.KindMeasurement, stratplan.MeasurementID(p.E.ID, period)); e != nil && !e.Deleted() {
		value = figureText(p.Indicator, e.Str("value"))
	}
	s.figure.SetText(value)
	if s.a.win.Canvas().Focused() == s.figure {
		s.readyToType()
	}
	if p.Qualitative {
		s.figure.SetPlaceHolder(strings.Join(translated(milestoneLabels), " / "))
	} else {
		s.figure.SetPlaceHolder(lang.L("the figure, e.g. 12.5") + unitSuffix(p.Unit))
	}
}

func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " (" + unit + ")"
}

// saveFigure stores the figure typed for the chosen indicator and period,
// then moves to the next indicator.
func (s *monitoringStep) saveFigure() {
	if s.selected < 0 || s.selected >= len(s.m.Indicators) {
		return
	}
	p := s.m.Indicators[s.selected]
	period := s.duePeriod(p)
	if _, _, ok := stratplan.PeriodRange(period); !ok {
		s.a.setStatus(lang.L("Write the period as 2027, 2027-S1, 2027-Q3 or 2027-09: nothing was saved."))
		return
	}
	value, ok := parseFigure(p.Indicator, s.figure.Text)
	if !ok {
		if p.Qualitative {
			s.a.setStatus(lang.L("Type not started, in progress or met: nothing was saved."))
		} else {
			s.a.setStatus(lang.L("Write the figure as a number, e.g. 12.5 or -3: nothing was saved."))
		}
		return
	}
	id, ind, next := stratplan.MeasurementID(p.E.ID, period), p.E.ID, s.selected+1
	saved := true
	if value != "" || s.a.plan.Doc().Get(stratplan.KindMeasurement, id) != nil {
		ws := s.a.plan.Doc().WorkshopOf(p.E)
		saved = s.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(id, stratplan.KindMeasurement, stratplan.Set("indicator", stratplan.Text(ind)),
				stratplan.Set("period", stratplan.Text(period)), stratplan.Set("value", stratplan.Text(value)),
				stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
		})
	}
	if saved && next < len(s.m.Indicators) {
		s.list.pick(next)
		s.list.ScrollTo(next)
		s.readyToType()
	}
}

// parseFigure reads a figure as typed in the user's language: a number
// (negative ones too) or, for a qualitative indicator, a milestone. It
// returns the value as stored; "" clears the figure.
func parseFigure(in stratplan.Indicator, typed string) (string, bool) {
	t := strings.TrimSpace(typed)
	if t == "" {
		return "", true
	}
	if in.Qualitative {
		for i, m := range stratplan.Milestones {
			if stratplan.Fold(t) == stratplan.Fold(lang.L(milestoneLabels[i])) || stratplan.Fold(t) == stratplan.Fold(milestoneLabels[i]) ||
				strings.ReplaceAll(stratplan.Fold(t), " ", "_") == m || t == strconv.Itoa(i) {
				return m, true
			}
		}
		return "", false
	}
	neg := strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−")
	t = strings.TrimLeft(t, "-−")
	f, err := stratplan.ParseAmountIn(t, userLang())
	if err != nil {
		return "", false
	}
	out := stratplan.FormatAmount(f)
	if neg && f != 0 {
		out = "-" + out
	}
	return out, true
}

// figureText shows a stored figure as the user reads it: a milestone in
// their language, a number with their decimal mark.
func figureText(in stratplan.Indicator, stored string) string {
	if in.Qualitative {
		if i := indexOf(stratplan.Milestones, stored); i >= 0 {
			return lang.L(milestoneLabels[i])
		}
		return stored
	}
	return numberText(stored)
}

// rollupText is one line of figures: actions and deliverables done, and
// the indicators by status.
func rollupText(r stratplan.Rollup) string {
	done, total := r.ActionsDone()
	dd, dt := r.DeliverablesDone()
	return lang.L("actions {{.Done}}/{{.Total}} · deliverables {{.DDone}}/{{.DTotal}} · ▲{{.On}} ●{{.Risk}} ▼{{.Off}} ?{{.None}}",
		map[string]any{"Done": done, "Total": total, "DDone": dd, "DTotal": dt, "On": r.IndicatorCount(stratplan.StatusOnTrack),
			"Risk": r.IndicatorCount(stratplan.StatusAtRisk), "Off": r.IndicatorCount(stratplan.StatusOffTrack), "None": r.IndicatorCount(stratplan.StatusNoData)})
}

// indicatorStatusName names an indicator status in the user's language.
func indicatorStatusName(s stratplan.Status) string {
	for i, x := range stratplan.Statuses {
		if x == s {
			return lang.L(statusLabels[i])
		}
	}
	return string(s)
}
