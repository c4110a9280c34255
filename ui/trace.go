package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// Step indexes the trace jumps to.
const (
	stepScan       = 3
	stepSWOT       = 4
	stepPriorities = 5
	stepActions    = 6
	stepIndicators = 7
)

// showTrace shows the chain of a priority — scan factor → SWOT item →
// priority → actions → deliverables → indicators — with a way to jump to
// each step.
func (a *App) showTrace(priority string) {
	t := a.plan.Doc().TraceOf(priority)
	if t.Priority.E == nil {
		return
	}
	var m *modal
	jump := func(step int) func() {
		return func() {
			m.confirm()
			a.focusPriority = priority
			a.showStep(step)
		}
	}
	box := container.NewVBox()
	section := func(title string, step int, lines []string) {
		head := container.NewBorder(nil, nil, nil, newFlatAction(theme.NavigateNextIcon(), lang.L("Go to the step"), jump(step)),
			widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(head)
		if len(lines) == 0 {
			l := widget.NewLabelWithStyle(lang.L("None yet"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
			box.Add(l)
		}
		for _, s := range lines {
			l := widget.NewLabel("• " + s)
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
		}
		box.Add(widget.NewSeparator())
	}
	var factors, swot, actions, dels, inds []string
	for _, f := range t.Factors {
		factors = append(factors, categoryName(f.Category)+": "+f.Title)
	}
	for _, s := range t.SWOT {
		swot = append(swot, lang.L(quadrantTitles[max(indexOf(stratplan.SWOTQuadrants, s.Quadrant), 0)])+": "+s.Text)
	}
	for _, x := range t.Actions {
		actions = append(actions, x.Title)
	}
	for _, x := range t.Deliverables {
		dels = append(dels, x.Code+" "+x.Title)
	}
	for _, x := range t.Indicators {
		inds = append(inds, x.Name)
	}
	section(lang.L("Environmental scan"), stepScan, factors)
	section(lang.L("SWOT"), stepSWOT, swot)
	section(lang.L("Priority"), stepPriorities, []string{t.Priority.Title})
	section(lang.L("Actions"), stepActions, actions)
	section(lang.L("Deliverables"), stepActions, dels)
	section(lang.L("Indicators"), stepIndicators, inds)
	m = a.showInfo(lang.L("Trace: {{.Title}}", map[string]any{"Title": t.Priority.Title}), container.NewVScroll(box), fyne.NewSize(640, 560))
}
