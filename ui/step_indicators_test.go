package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"stratplan"
)

// TestANewIndicatorAimsAtThePlansEndYear: a new indicator's target year is
// the year the plan ends; without a plan period, the field is empty and
// its placeholder reads as a hint, not as a year.
func TestANewIndicatorAimsAtThePlansEndYear(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*indicatorsStep](t, a, 7)
	end := a.plan.Doc().PlanInfo().PeriodEnd
	if end == "" {
		t.Fatal("the example plan has no end date")
	}
	addIndicator := func(name string) stratplan.Indicator {
		t.Helper()
		s.name.SetText(name)
		s.add()
		for _, x := range s.items {
			if x.Name == name {
				return x
			}
		}
		t.Fatalf("%q was not added", name)
		return stratplan.Indicator{}
	}
	if got := addIndicator("Clearance time").TargetYear(); got != end[:4] {
		t.Errorf("a new indicator aims at %q, the plan ends in %s", got, end)
	}

	plan := a.plan.Doc().Plan()
	a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(plan, stratplan.KindPlan, stratplan.Set("period_end", stratplan.Text("")))
	})
	x := addIndicator("Revenue collected")
	if got := x.TargetYear(); got != "" {
		t.Errorf("without a plan period, a new indicator aims at %q", got)
	}
	for i := range s.items {
		if s.items[i].E.ID == x.E.ID {
			s.edit(i)
		}
	}
	var entries []*entry
	collectEntries(a.win.Canvas().Overlays().Top(), &entries)
	var year *entry
	for _, e := range entries {
		if e.PlaceHolder == lang.L("year") {
			year = e
		}
		if yearRE.MatchString(strings.TrimSpace(e.PlaceHolder)) {
			t.Errorf("a field's placeholder %q looks like a year typed in", e.PlaceHolder)
		}
	}
	if year == nil || year.Text != "" {
		t.Fatalf("the target year field is missing or not empty: %v", year)
	}
}
