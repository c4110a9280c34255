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
