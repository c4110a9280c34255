package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"stratplan"
)

func monitoringOf(t *testing.T, a *App) *monitoringStep {
	t.Helper()
	return stepOf[*monitoringStep](t, a, 8)
}

// withFigures gives the example's indicators the first figures their
// owners reported.
func withFigures(t *testing.T, a *App) {
	t.Helper()
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		for _, m := range [][3]string{
			{"ind-a", "2027", "35"},
			{"ind-b", "2027-Q3", "70"}, {"ind-b", "2027-Q4", "66"},
			{"ind-c", "2027-S2", "9"},
			{"ind-d", "2027", "in_progress"},
		} {
			if err := ed.Set(stratplan.MeasurementID(m[0], m[1]), stratplan.KindMeasurement, stratplan.Set("indicator", stratplan.Text(m[0])),
				stratplan.Set("period", stratplan.Text(m[1])), stratplan.Set("value", stratplan.Text(m[2]))); err != nil {
				return err
			}
		}
		return nil
	})
}

// indicatorAt returns the position of an indicator on the dashboard.
func indicatorAt(s *monitoringStep, id string) int {
	for i, p := range s.m.Indicators {
		if p.E.ID == id {
			return i
		}
	}
	return -1
}

// rowShows draws the dashboard row of an indicator and returns its status
// and latest figure as shown.
func rowShows(t *testing.T, s *monitoringStep, id string) (status, latest, pct string) {
	t.Helper()
	i := indicatorAt(s, id)
	if i < 0 {
		t.Fatalf("%s is not on the dashboard", id)
	}
	r := newIndicatorRow().(*indicatorRow)
	s.list.UpdateItem(i, r)
	return r.status.Text, r.latest.Text, r.bar.TextFormatter()
}

func TestMonitoringDashboardAndFiguresTypedInARow(t *testing.T) {
	a := newExampleApp(t)
	s := monitoringOf(t, a)
	if st, latest, _ := rowShows(t, s, "ind-b"); st != "No data" || latest != "no figure yet" {
		t.Fatalf("before any figure: %q %q", st, latest)
	}
	withFigures(t, a)
	s = monitoringOf(t, a)
	if len(s.m.Indicators) != 4 {
		t.Fatalf("%d indicators on the dashboard, want the example's 4", len(s.m.Indicators))
	}
	// In March 2028, the 2027 figures are due. Release time went 72 → 66
	// toward 48: a quarter of the way, ahead of the sixth of the period
	// gone by at the end of 2027.
	if st, latest, pct := rowShows(t, s, "ind-b"); st != "On track" || latest != "2027-Q4: 66" || pct != "25%" {
		t.Fatalf("release time: %q %q %q", st, latest, pct)
	}
	if st, _, pct := rowShows(t, s, "ind-c"); st != "Off track" || pct != "7%" {
		t.Fatalf("parcels: %q %q", st, pct)
	}
	if st, latest, _ := rowShows(t, s, "ind-d"); st != "On track" || latest != "2027: in progress" {
		t.Fatalf("career path: %q %q", st, latest)
	}
	if !strings.Contains(s.summary.Text, "4 indicators: 3 on track, 0 at risk, 1 off track; 0 without a figure") {
		t.Fatalf("summary %q", s.summary.Text)
	}
	if !strings.Contains(s.lines[0].title, "SO1") || !strings.Contains(rollupText(s.lines[0].r), "actions 0/3 ·") {
		t.Fatalf("roll-up: %q %q", s.lines[0].title, rollupText(s.lines[0].r))
	}

	if a.win.Canvas().Focused() != s.figure || s.selected != 0 {
		t.Fatal("the step does not open ready to type the first figure")
	}
	// Thresholds: at risk from 40% of the expected progress, the parcels
	// (44%) are at risk rather than off track.
	a.win.Canvas().Focus(s.atRisk)
	s.atRisk.SetText("")
	typeEnter(&s.atRisk.Entry, "40")
	if th := a.plan.Doc().StatusThresholds(); th.AtRisk != 40 {
		t.Fatalf("thresholds: %+v", th)
	}
	if st, _, _ := rowShows(t, s, "ind-c"); st != "At risk" {
		t.Fatalf("with the lower threshold the parcels are %q", st)
	}
	s.list.pick(0)
	s.focus()

	// The keyboard: type, Enter, next.
	s.period.SetText("2028-Q1")
	for _, v := range []string{"60", "1,234.5", "42", "met"} {
		typeEnter(&s.figure.Entry, v) // over the figure shown, selected
	}
	doc := a.plan.Doc()
	for id, want := range map[string]string{"ind-a": "60", "ind-b": "1234.5", "ind-c": "42", "ind-d": "met"} {
		e := doc.Get(stratplan.KindMeasurement, stratplan.MeasurementID(id, "2028-Q1"))
		if e == nil || e.Str("value") != want || e.Str("period") != "2028-Q1" {
			t.Fatalf("%s: measurement %v, want %s", id, e, want)
		}
	}
	// A bad figure is refused and says so; nothing moves on.
	s.list.pick(0)
	s.readyToType()
	typeEnter(&s.figure.Entry, "lots")
	if s.selected != 0 || !strings.Contains(a.status.Text, "Write the figure as a number") {
		t.Fatalf("a bad figure: selected %d, status %q", s.selected, a.status.Text)
	}
}

// TestMonitoringBundlesFromOwnersUpdateTheDashboard: an owner reports a
// figure on their own copy of the plan; importing their bundle updates
// the dashboard, and the region filter keeps the region's indicators.
func TestMonitoringBundlesFromOwnersUpdateTheDashboard(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := newExampleApp(t)
	withFigures(t, a)
	s := monitoringOf(t, a)
	if _, latest, _ := rowShows(t, s, "ind-a"); latest != "2027: 35" {
		t.Fatalf("before: %q", latest)
	}
	dir := t.TempDir()
	sec := a.plan.Path()
	owner := filepath.Join(dir, "owner.stratplan")
	data, _ := os.ReadFile(sec)
	os.WriteFile(owner, data, 0o600)
	a.openPath(owner)
	s = monitoringOf(t, a)
	s.list.pick(indicatorAt(s, "ind-a"))
	s.period.SetText("2027")
	s.readyToType()
	typeEnter(&s.figure.Entry, "120")
	bundle := filepath.Join(dir, "owner.json")
	exportTo(t, a, bundle)

	a.openPath(sec)
	a.importBundles(bundle)
	im := a.importing
	waitFor(t, a, "the preview", func() bool { return !im.apply.Disabled() })
	test.Tap(im.apply)
	waitFor(t, a, "the import", func() bool { return strings.Contains(a.status.Text, "Imported 1 bundle") })
	s = monitoringOf(t, a)
	if _, latest, pct := rowShows(t, s, "ind-a"); latest != "2027: 120" || pct != "60%" {
		t.Fatalf("after importing the owner's bundle: %q %q", latest, pct)
	}
	// All the example's indicators come from West & Central Africa.
	// The window's choices set what the figures cover.
	a.wsSelect.SetSelectedIndex(0) // All workshops
	a.regionSel.Select.SetSelected("Europe")
	if len(s.m.Indicators) != 0 || s.shown.Text != "All workshops · Europe" {
		t.Fatalf("Europe shows %d indicators, under %q", len(s.m.Indicators), s.shown.Text)
	}
	a.regionSel.Select.SetSelected("West & Central Africa")
	if len(s.m.Indicators) != 4 {
		t.Fatalf("West & Central Africa shows %d indicators", len(s.m.Indicators))
	}
}

func TestMonitoringFiguresInFrench(t *testing.T) {
	in := stratplan.Indicator{}
	inLocale(t, "fr_FR.UTF-8")
	for typed, want := range map[string]string{"12,5": "12.5", "1 234,5": "1234.5", "-3": "-3", "−0,5": "-0.5", "": ""} {
		if got, ok := parseFigure(in, typed); !ok || got != want {
			t.Errorf("%q reads %q (%v), want %q", typed, got, ok, want)
		}
	}
	if _, ok := parseFigure(in, "douze"); ok {
		t.Error("a word is read as a figure")
	}
	if got, ok := parseFigure(stratplan.Indicator{Qualitative: true}, "In progress"); !ok || got != stratplan.MilestoneInProgress {
		t.Errorf("a milestone reads %q", got)
	}
}
