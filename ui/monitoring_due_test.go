package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// importanceColor is the colour a label of that importance draws its text in.
func importanceColor(imp widget.Importance) fyne.ThemeColorName {
	switch imp {
	case widget.LowImportance:
		return theme.ColorNameDisabled
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.HighImportance:
		return theme.ColorNamePrimary
	}
	return theme.ColorNameForeground
}

func TestMonitoringBeforeThePlanStartsTakesFiguresForItsFirstPeriod(t *testing.T) {
	a := newExampleApp(t)
	a.cfg.Now = func() time.Time { return time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC) }
	start, _, _ := stratplan.PeriodRange(a.plan.Doc().PlanInfo().PeriodStart[:4])
	s := monitoringOf(t, a)
	if len(s.m.Indicators) == 0 {
		t.Fatal("no indicators on the dashboard")
	}
	s.list.pick(0)
	s.readyToType()
	p := s.m.Indicators[0]
	typeEnter(&s.figure.Entry, "110")
	var got []string
	for _, m := range a.plan.Doc().Live(stratplan.KindMeasurement, "") {
		if m.Str("indicator") == p.E.ID {
			got = append(got, m.Str("period"))
		}
	}
	if len(got) != 1 {
		t.Fatalf("110 + Enter stored figures for %q", got)
	}
	first, _, ok := stratplan.PeriodRange(got[0])
	if !ok || first.Before(start) {
		t.Fatalf("before the plan starts (%s), 110 was recorded for %s, a period outside the plan", a.plan.Doc().PlanInfo().PeriodStart, got[0])
	}
	if !strings.Contains(s.figureLabel.Text, got[0]) {
		t.Errorf("the figure's label %q does not name the period it goes to, %s", s.figureLabel.Text, got[0])
	}
}

func TestMonitoringStatusIsReadableOnTheSelectedRow(t *testing.T) {
	a := newExampleApp(t)
	s := monitoringOf(t, a)
	seen := map[stratplan.Status]bool{}
	for k, appearance := range []string{appearanceLight, appearanceDark, appearanceContrast, appearanceLight, appearanceDark, appearanceContrast} {
		if k == 3 { // first with no figure at all, then with the owners' first figures
			withFigures(t, a)
			s = monitoringOf(t, a)
		}
		a.setAppearance(appearance)
		selected := blend(themeColor(theme.ColorNameSelection), themeColor(theme.ColorNameBackground))
		for i, p := range s.m.Indicators {
			seen[p.Status] = true
			s.list.pick(i)
			r := newIndicatorRow().(*indicatorRow)
			s.list.UpdateItem(i, r)
			text := themeColor(importanceColor(r.status.Importance))
			if c := contrast(blend(text, selected), selected); c < 3 {
				t.Errorf("%s: %q on the selected row contrasts %.1f:1", appearance, r.status.Text, c)
			}
		}
	}
	a.setAppearance(appearanceSystem)
	if len(seen) < 3 {
		t.Fatalf("only statuses %v were looked at", seen)
	}
	// One indicator is one, not "1 indicators".
	for _, p := range s.m.Indicators[1:] {
		id := p.E.ID
		mustEdit(t, a, func(ed *stratplan.Edit) error { return ed.Delete(stratplan.KindIndicator, id) })
	}
	if !strings.HasPrefix(s.summary.Text, "1 indicator: ") {
		t.Errorf("summary %q", s.summary.Text)
	}
}
