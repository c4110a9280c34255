package ui

import (
	"strconv"
	"testing"

	"stratplan"
)

func TestSurveyCommonThresholdOffersOnlyThePlansRegions(t *testing.T) {
	a := newExampleApp(t)
	regions := a.plan.Doc().Regions()
	if len(regions) < 3 {
		t.Fatalf("the example has %d regions", len(regions))
	}
	for _, r := range regions[2:] {
		id := r.E.ID
		mustEdit(t, a, func(ed *stratplan.Edit) error { return ed.Delete(stratplan.KindRegion, id) })
	}
	s := stepOf[*surveyStep](t, a, 1)
	if got := s.minReg.Options; len(got) != 2 || got[0] != "1" || got[1] != "2" {
		t.Fatalf("a plan of 2 regions offers M = %q", got)
	}
	want := min(a.plan.Doc().CommonRegions(), 2)
	if s.minReg.Selected != strconv.Itoa(want) || s.thresholds().MinRegions != want {
		t.Errorf("M is %q (%d), want %d as Consolidation's", s.minReg.Selected, s.thresholds().MinRegions, want)
	}
	// A choice the workshop made stays, within the regions there are.
	s.minReg.SetSelected("1")
	if s = stepOf[*surveyStep](t, a, 1); s.minReg.Selected != "1" || s.thresholds().MinRegions != 1 {
		t.Errorf("after choosing 1, M is %q", s.minReg.Selected)
	}
}

func TestAPriorityFromTheSurveyGoesUnderAnObjective(t *testing.T) {
	a := newExampleApp(t)
	objs := a.plan.Doc().Objectives()
	if len(objs) < 2 {
		t.Fatalf("the example has %d objectives", len(objs))
	}
	made := func(title string) stratplan.Priority {
		t.Helper()
		stepOf[*surveyStep](t, a, 1).makePriority(title)
		for _, p := range a.plan.Doc().Priorities(a.workshop) {
			if p.Title == title {
				return p
			}
		}
		t.Fatalf("%q was not made a priority (%s)", title, a.status.Text)
		return stratplan.Priority{}
	}
	// Not chosen anywhere yet: no objective, and the table says so.
	p := made("Coordinated border management")
	pr := stepOf[*prioritiesStep](t, a, 5)
	row := indexOf(rowIDs(pr), p.E.ID)
	if p.Objective != "" || pr.table.cell(row, 3) != "?" || pr.table.Style(row, 3) == 0 {
		t.Fatalf("a priority under no objective shows %q (objective %q)", pr.table.cell(row, 3), p.Objective)
	}
	// The objective the Priorities step shows is the one it goes under.
	pr.objective.Select.SetSelectedIndex(1)
	if p := made("Green customs"); p.Objective != objs[1].E.ID {
		t.Errorf("with %s chosen in Priorities the priority went under %q", objs[1].Code, p.Objective)
	}
}
