package stratplan_test

import (
	"testing"

	"stratplan"
)

func TestTargetBehindBaselineFollowsTheDirection(t *testing.T) {
	cases := []struct {
		baseline, target, direction string
		qualitative                 bool
		want                        bool
	}{
		{"200", "150", "increase", false, true},  // higher is better, target below
		{"200", "250", "increase", false, false}, // as it should be
		{"200", "200", "increase", false, false}, // keeping the level
		{"48", "24", "decrease", false, false},   // clearance hours: lower is better
		{"48", "60", "decrease", false, true},
		{"", "150", "increase", false, false}, // no baseline: nothing to compare
		{"about 200", "150", "increase", false, false},
		{"200", "150", "increase", true, false}, // qualitative: text targets
	}
	for _, c := range cases {
		x := stratplan.Indicator{Baseline: c.baseline, Target: c.target, Direction: c.direction, Qualitative: c.qualitative}
		if got := x.TargetBehindBaseline(); got != c.want {
			t.Errorf("baseline %q, target %q, %s: %v, want %v", c.baseline, c.target, c.direction, got, c.want)
		}
	}
}

func TestIndicatorsHaveATargetYear(t *testing.T) {
	spec, ok := stratplan.Spec(stratplan.KindIndicator, "target_year")
	if !ok {
		t.Fatal("indicators have no target year")
	}
	if msg := spec.CheckValue(stratplan.Text("2030")); msg != "" {
		t.Fatalf("2030 refused: %s", msg)
	}
	if msg := spec.CheckValue(stratplan.Text("soon")); msg == "" {
		t.Fatal("a target year of \"soon\" was accepted")
	}
}
