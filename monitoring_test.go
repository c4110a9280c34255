package stratplan_test

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
	"time"

	"stratplan"
)

// planDoc is a plan written by one replica: edit runs on it.
func planDoc(t *testing.T, edit func(ed *stratplan.Edit) error) *stratplan.Document {
	t.Helper()
	d := stratplan.NewDocument("plan1")
	wall := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	a := &stratplan.Author{Replica: "r1", Clock: stratplan.Clock{Wall: func() time.Time { return wall }}}
	ed := d.Begin(a)
	must(t, ed.Set("plan1", stratplan.KindPlan, txt("period_start", "2027-01-01"), txt("period_end", "2030-12-31")))
	must(t, edit(ed))
	return d
}

func txt(f, v string) stratplan.Change { return stratplan.Set(f, stratplan.Text(v)) }

func measure(ed *stratplan.Edit, indicator, period, value string) error {
	return ed.Set(stratplan.MeasurementID(indicator, period), stratplan.KindMeasurement,
		txt("indicator", indicator), txt("period", period), txt("value", value))
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestProgressTowardTarget(t *testing.T) {
	cases := []struct {
		name                  string
		baseline, target, dir string
		qualitative           bool
		values                []string // 2027, 2028…
		want                  float64
		wantStatus            stratplan.Status
		fromFirst, noProgress bool
	}{
		{name: "higher is better, halfway", baseline: "0", target: "200", dir: "increase", values: []string{"50", "100"}, want: 0.5, wantStatus: stratplan.StatusOnTrack},
		{name: "lower is better, halfway", baseline: "72", target: "24", dir: "decrease", values: []string{"60", "48"}, want: 0.5, wantStatus: stratplan.StatusOnTrack},
		{name: "lower is better, got worse", baseline: "72", target: "24", dir: "decrease", values: []string{"84"}, want: -0.25, wantStatus: stratplan.StatusOffTrack},
		{name: "lower is better, target beaten", baseline: "72", target: "24", dir: "decrease", values: []string{"30", "12"}, want: 1.25, wantStatus: stratplan.StatusOnTrack},
		{name: "higher is better, slipping", baseline: "10", target: "110", dir: "increase", values: []string{"20", "45"}, want: 0.35, wantStatus: stratplan.StatusAtRisk},
		{name: "higher is better, far behind", baseline: "10", target: "110", dir: "increase", values: []string{"20", "25"}, want: 0.15, wantStatus: stratplan.StatusOffTrack},
		{name: "baseline equals target, level held", baseline: "95", target: "95", dir: "increase", values: []string{"94", "96"}, want: 1, wantStatus: stratplan.StatusOnTrack},
		{name: "baseline equals target, level lost", baseline: "95", target: "95", dir: "increase", values: []string{"96", "90"}, want: 0, wantStatus: stratplan.StatusOffTrack},
		{name: "baseline equals target, lower is better, held", baseline: "3", target: "3", dir: "decrease", values: []string{"2"}, want: 1, wantStatus: stratplan.StatusOnTrack},
		{name: "no baseline: the first figure stands in", baseline: "", target: "100", dir: "increase", values: []string{"20", "60"}, want: 0.5, wantStatus: stratplan.StatusOnTrack, fromFirst: true},
		{name: "negative figures", baseline: "-4", target: "2", dir: "increase", values: []string{"-2", "-1"}, want: 0.5, wantStatus: stratplan.StatusOnTrack},
		{name: "qualitative in progress", qualitative: true, values: []string{"not_started", "in progress"}, want: 0.5, wantStatus: stratplan.StatusOnTrack},
		{name: "qualitative met", qualitative: true, values: []string{"in_progress", "Met"}, want: 1, wantStatus: stratplan.StatusOnTrack},
		{name: "qualitative not started", qualitative: true, values: []string{"not_started", "not_started"}, want: 0, wantStatus: stratplan.StatusOffTrack},
		{name: "qualitative, a word that is no milestone", qualitative: true, values: []string{"almost"}, noProgress: true, wantStatus: stratplan.StatusNoData},
		{name: "no target", baseline: "5", target: "", dir: "increase", values: []string{"6", "7"}, noProgress: true, wantStatus: stratplan.StatusNoData},
		{name: "target not a number", baseline: "5", target: "lots", dir: "increase", values: []string{"6", "7"}, noProgress: true, wantStatus: stratplan.StatusNoData},
		{name: "value that is not a finite number", baseline: "5", target: "9", dir: "increase", values: []string{"6", "1e400"}, noProgress: true, wantStatus: stratplan.StatusNoData},
		{name: "NaN", baseline: "5", target: "9", dir: "increase", values: []string{"NaN", "Infinity"}, noProgress: true, wantStatus: stratplan.StatusNoData},
	}
	// Plan 2027–2030; on 2029-02-01 the 2028 figure is due, and half the
	// period had gone by its end.
	now := date("2029-02-01")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := planDoc(t, func(ed *stratplan.Edit) error {
				fields := []stratplan.Change{txt("name", "n"), txt("baseline", c.baseline), txt("target", c.target), txt("direction", c.dir), txt("frequency", "annual")}
				if c.qualitative {
					fields = append(fields, stratplan.Set("qualitative", stratplan.Bool(true)), txt("target_text", "adopted"))
				}
				if err := ed.Set("ind", stratplan.KindIndicator, fields...); err != nil {
					return err
				}
				for i, v := range c.values {
					// The last value is the 2028 figure, the one before it 2027's.
					if err := measure(ed, "ind", strconv.Itoa(2027+i+2-len(c.values)), v); err != nil {
						return err
					}
				}
				return nil
			})
			p := d.Monitor(now).Indicator(d.Indicators("")[0])
			if p.HasProgress == c.noProgress {
				t.Fatalf("has progress = %v (reason %q)", p.HasProgress, p.Reason)
			}
			if !c.noProgress && math.Abs(p.Progress-c.want) > 1e-9 {
				t.Fatalf("progress = %v, want %v", p.Progress, c.want)
			}
			if p.Status != c.wantStatus {
				t.Fatalf("status = %s (reason %q, progress %v, expected %v), want %s", p.Status, p.Reason, p.Progress, p.Expected, c.wantStatus)
			}
			if p.BaselineFromFirst != c.fromFirst {
				t.Fatalf("baseline from first measurement = %v", p.BaselineFromFirst)
			}
			if p.Status == stratplan.StatusNoData && p.Reason == "" {
				t.Fatal("no data without a reason")
			}
		})
	}
}

func TestNoDataWhenTheFigureDueIsMissing(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		must(t, ed.Set("q", stratplan.KindIndicator, txt("name", "release time"), txt("baseline", "72"), txt("target", "24"),
			txt("direction", "decrease"), txt("frequency", "quarterly")))
		return measure(ed, "q", "2028-Q3", "50")
	})
	in := d.Indicators("")[0]
	for _, c := range []struct {
		now    string
		due    string
		status stratplan.Status
	}{
		{"2028-10-01", "2028-Q3", stratplan.StatusOnTrack},
		{"2028-12-31", "2028-Q3", stratplan.StatusOnTrack},
		{"2029-01-01", "2028-Q4", stratplan.StatusNoData}, // the Q4 figure is now due
		// Before the plan starts nothing is due yet, and the period a
		// figure goes to is the plan's first, never one before it.
		{"2026-05-01", "2027-Q1", stratplan.StatusOnTrack},
		{"2026-11-20", "2027-Q1", stratplan.StatusOnTrack},
		// After it ends, the plan's last period stays the one due.
		{"2032-05-01", "2030-Q4", stratplan.StatusNoData},
	} {
		p := d.Monitor(date(c.now)).Indicator(in)
		if p.Due != c.due || p.Status != c.status {
			t.Errorf("on %s: due %s, status %s (%s); want %s, %s", c.now, p.Due, p.Status, p.Reason, c.due, c.status)
		}
	}
	// A figure for a longer period that covers the one due counts.
	must(t, d.Begin(&stratplan.Author{Replica: "r2"}).Set(stratplan.MeasurementID("q", "2028"), stratplan.KindMeasurement,
		txt("indicator", "q"), txt("period", "2028"), txt("value", "40")))
	if p := d.Monitor(date("2029-01-01")).Indicator(in); p.Status == stratplan.StatusNoData || p.Latest.Period != "2028" {
		t.Fatalf("with a 2028 figure: %s (%s), latest %v", p.Status, p.Reason, p.Latest.Period)
	}
}

func TestThresholdsComeFromThePlan(t *testing.T) {
	// 35 of 100 where half is expected: 70% of the expected progress.
	d := planDoc(t, func(ed *stratplan.Edit) error {
		must(t, ed.Set("i", stratplan.KindIndicator, txt("name", "n"), txt("baseline", "0"), txt("target", "100"), txt("direction", "increase")))
		return measure(ed, "i", "2028", "35")
	})
	now := date("2029-03-01")
	if s := d.Monitor(now).Indicator(d.Indicators("")[0]).Status; s != stratplan.StatusAtRisk {
		t.Fatalf("default thresholds: %s, want at risk", s)
	}
	ed := d.Begin(&stratplan.Author{Replica: "r2"})
	must(t, ed.Set("plan1", stratplan.KindPlan, txt("on_track_from", "50"), txt("at_risk_from", "40")))
	if s := d.Monitor(now).Indicator(d.Indicators("")[0]).Status; s != stratplan.StatusOnTrack {
		t.Fatalf("on track from 50%%: %s", s)
	}
	must(t, ed.Set("plan1", stratplan.KindPlan, txt("on_track_from", "95"), txt("at_risk_from", "75")))
	if s := d.Monitor(now).Indicator(d.Indicators("")[0]).Status; s != stratplan.StatusOffTrack {
		t.Fatalf("at risk from 75%%: %s", s)
	}
	// An at-risk threshold above on track is read as on track's.
	must(t, ed.Set("plan1", stratplan.KindPlan, txt("on_track_from", "50"), txt("at_risk_from", "80")))
	if th := d.StatusThresholds(); th.AtRisk != 50 {
		t.Fatalf("thresholds %+v", th)
	}
}

func TestExpectedProgressFollowsThePlanPeriod(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error { return nil })
	m := d.Monitor(date("2029-01-01"))
	for _, c := range []struct {
		day  string
		want float64
	}{{"2026-06-01", 0}, {"2027-01-01", 0}, {"2031-02-01", 1}, {"2030-12-31", 1}} {
		if got := m.Expected(date(c.day)); got != c.want {
			t.Errorf("expected on %s = %v, want %v", c.day, got, c.want)
		}
	}
	if got := m.Expected(date("2029-01-01")); math.Abs(got-0.5) > 0.001 {
		t.Errorf("halfway: %v", got)
	}
	// Without a period, the whole target is expected at any time.
	if got := stratplan.NewDocument("p").Monitor(date("2029-01-01")).Expected(date("2027-01-01")); got != 1 {
		t.Errorf("no period: %v", got)
	}
}

func TestDuePeriod(t *testing.T) {
	for _, c := range []struct{ freq, now, want, end string }{
		{"monthly", "2028-03-15", "2028-02", "2028-02-29"},
		{"monthly", "2028-01-01", "2027-12", "2027-12-31"},
		{"quarterly", "2028-05-10", "2028-Q1", "2028-03-31"},
		{"quarterly", "2028-02-10", "2027-Q4", "2027-12-31"},
		{"semiannual", "2028-08-01", "2028-S1", "2028-06-30"},
		{"semiannual", "2028-06-30", "2027-S2", "2027-12-31"},
		{"annual", "2028-06-30", "2027", "2027-12-31"},
		{"biennial", "2028-06-30", "2027", "2027-12-31"},
		{"", "2028-06-30", "2027", "2027-12-31"},
	} {
		name, end := stratplan.DuePeriod(c.freq, date(c.now))
		if name != c.want || end.Format("2006-01-02") != c.end {
			t.Errorf("%s on %s: %s ending %s, want %s ending %s", c.freq, c.now, name, end.Format("2006-01-02"), c.want, c.end)
		}
	}
}

func TestPeriodOf(t *testing.T) {
	for _, c := range []struct{ freq, day, want, end string }{
		{"monthly", "2027-02-10", "2027-02", "2027-02-28"},
		{"quarterly", "2027-01-01", "2027-Q1", "2027-03-31"},
		{"quarterly", "2030-12-31", "2030-Q4", "2030-12-31"},
		{"semiannual", "2027-07-01", "2027-S2", "2027-12-31"},
		{"annual", "2027-06-30", "2027", "2027-12-31"},
		{"biennial", "2027-06-30", "2027", "2027-12-31"},
	} {
		name, end := stratplan.PeriodOf(c.freq, date(c.day))
		if name != c.want || end.Format("2006-01-02") != c.end {
			t.Errorf("%s on %s: %s ending %s, want %s ending %s", c.freq, c.day, name, end.Format("2006-01-02"), c.want, c.end)
		}
	}
}

func TestPeriodRange(t *testing.T) {
	for _, c := range []struct{ p, first, last string }{
		{"2026", "2026-01-01", "2026-12-31"}, {"2026-S2", "2026-07-01", "2026-12-31"},
		{"2026-Q1", "2026-01-01", "2026-03-31"}, {"2028-02", "2028-02-01", "2028-02-29"},
	} {
		f, l, ok := stratplan.PeriodRange(c.p)
		if !ok || f.Format("2006-01-02") != c.first || l.Format("2006-01-02") != c.last {
			t.Errorf("%s: %v %v %v", c.p, f, l, ok)
		}
	}
	for _, bad := range []string{"", "26", "2026-Q5", "2026-13", "2026-S3"} {
		if _, _, ok := stratplan.PeriodRange(bad); ok {
			t.Errorf("%q read as a period", bad)
		}
	}
}

// Lower is better mirrors higher is better: the same figures with their
// signs turned give the same progress, and a better value never shows
// less progress.
func TestProgressPropertiesBothDirections(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	now := date("2029-02-01")
	for i := 0; i < 300; i++ {
		b, tg := float64(rng.Intn(200)), float64(rng.Intn(200))
		v1, v2 := float64(rng.Intn(300)), float64(rng.Intn(300))
		if v2 < v1 {
			v1, v2 = v2, v1
		}
		get := func(dir string, base, target, v float64) stratplan.IndicatorProgress {
			d := planDoc(t, func(ed *stratplan.Edit) error {
				must(t, ed.Set("i", stratplan.KindIndicator, txt("name", "n"), stratplan.Set("baseline", stratplan.Decimal(base)),
					stratplan.Set("target", stratplan.Decimal(target)), txt("direction", dir)))
				return measure(ed, "i", "2028", strconv.FormatFloat(v, 'f', -1, 64))
			})
			return d.Monitor(now).Indicator(d.Indicators("")[0])
		}
		up, down := get("increase", b, tg, v1), get("decrease", -b, -tg, -v1)
		if up.Progress != down.Progress || up.Status != down.Status {
			t.Fatalf("b=%v t=%v v=%v: increase %v %s, mirrored decrease %v %s", b, tg, v1, up.Progress, up.Status, down.Progress, down.Status)
		}
		if hi := get("increase", b, tg, v2); hi.Progress < up.Progress || rankOf(hi.Status) > rankOf(up.Status) {
			t.Fatalf("b=%v t=%v: %v gives %v %s but the better %v gives %v %s", b, tg, v1, up.Progress, up.Status, v2, hi.Progress, hi.Status)
		}
		if lo := get("decrease", b, tg, v1); lo.Progress < get("decrease", b, tg, v2).Progress {
			t.Fatalf("decrease b=%v t=%v: lower value %v shows less progress than %v", b, tg, v1, v2)
		}
	}
}

func rankOf(s stratplan.Status) int {
	for i, x := range stratplan.Statuses {
		if x == s {
			return i
		}
	}
	return -1
}

func TestRollupPerPriorityAndObjective(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		for _, e := range []struct {
			id, kind string
			ch       []stratplan.Change
		}{
			{"reg-a", stratplan.KindRegion, []stratplan.Change{txt("name", "A"), txt("code", "A")}},
			{"reg-b", stratplan.KindRegion, []stratplan.Change{txt("name", "B"), txt("code", "B")}},
			{"ws-a", stratplan.KindWorkshop, []stratplan.Change{txt("region", "reg-a")}},
			{"ws-b", stratplan.KindWorkshop, []stratplan.Change{txt("region", "reg-b")}},
			{"so1", stratplan.KindObjective, []stratplan.Change{txt("code", "SO1")}},
			{"so2", stratplan.KindObjective, []stratplan.Change{txt("code", "SO2")}},
			{"p1", stratplan.KindPriority, []stratplan.Change{txt("title", "P1"), txt("objective", "so1"), txt("workshop", "ws-a")}},
			{"p2", stratplan.KindPriority, []stratplan.Change{txt("title", "P2"), txt("objective", "so1"), txt("workshop", "ws-b")}},
			{"p3", stratplan.KindPriority, []stratplan.Change{txt("title", "P3"), txt("workshop", "ws-b")}},
			{"a1", stratplan.KindAction, []stratplan.Change{txt("priority", "p1"), txt("status", "done")}},
			{"a2", stratplan.KindAction, []stratplan.Change{txt("priority", "p1"), txt("status", "in_progress")}},
			{"a3", stratplan.KindAction, []stratplan.Change{txt("priority", "p1"), txt("status", "cancelled")}},
			{"a4", stratplan.KindAction, []stratplan.Change{txt("priority", "p2"), txt("status", "done")}},
			{"a5", stratplan.KindAction, []stratplan.Change{txt("priority", "p3"), txt("status", "blocked")}},
			{"d1", stratplan.KindDeliverable, []stratplan.Change{txt("action", "a1"), txt("status", "delivered")}},
			{"d2", stratplan.KindDeliverable, []stratplan.Change{txt("action", "a2"), txt("status", "late")}},
			{"i1", stratplan.KindIndicator, []stratplan.Change{txt("of", "a1"), txt("baseline", "0"), txt("target", "10"), txt("direction", "increase")}},
			{"i2", stratplan.KindIndicator, []stratplan.Change{txt("of", "p2"), txt("baseline", "0"), txt("target", "10"), txt("direction", "increase")}},
			{"i3", stratplan.KindIndicator, []stratplan.Change{txt("name", "attached to nothing")}},
		} {
			if err := ed.Set(e.id, e.kind, e.ch...); err != nil {
				return err
			}
		}
		return measure(ed, "i1", "2028", "9")
	})
	m := d.Monitoring(date("2029-02-01"), stratplan.Scope{})
	if len(m.Indicators) != 3 {
		t.Fatalf("%d indicators, want all 3 (one attached to nothing)", len(m.Indicators))
	}
	if len(m.Objectives) != 3 || m.Objectives[0].Objective.Code != "SO1" || m.Objectives[2].Objective.E != nil {
		t.Fatalf("objectives: %+v", m.Objectives)
	}
	so1 := m.Objectives[0]
	if done, total := so1.ActionsDone(); done != 2 || total != 3 {
		t.Fatalf("SO1 actions %d/%d, want 2/3 (cancelled aside)", done, total)
	}
	if done, total := so1.DeliverablesDone(); done != 1 || total != 2 {
		t.Fatalf("SO1 deliverables %d/%d", done, total)
	}
	if so1.IndicatorCount(stratplan.StatusOnTrack) != 1 || so1.IndicatorCount(stratplan.StatusNoData) != 1 {
		t.Fatalf("SO1 indicators %v", so1.Indicators)
	}
	if len(so1.Priorities) != 2 || so1.Priorities[0].Priority.Title != "P1" {
		t.Fatalf("SO1 priorities %+v", so1.Priorities)
	}
	if done, total := so1.Priorities[0].ActionsDone(); done != 1 || total != 2 {
		t.Fatalf("P1 actions %d/%d", done, total)
	}
	none := m.Objectives[2]
	if none.Actions["blocked"] != 1 || none.IndicatorCount(stratplan.StatusNoData) != 1 {
		t.Fatalf("under no objective: %+v", none.Rollup)
	}
	if done, total := m.Total.ActionsDone(); done != 2 || total != 4 {
		t.Fatalf("plan actions %d/%d", done, total)
	}
	// One region: only what its workshop produced, down the chain.
	a := d.Monitoring(date("2029-02-01"), stratplan.Scope{Region: "reg-a"})
	if len(a.Indicators) != 1 || a.Indicators[0].E.ID != "i1" {
		t.Fatalf("region A indicators: %d", len(a.Indicators))
	}
	if done, total := a.Total.ActionsDone(); done != 1 || total != 2 {
		t.Fatalf("region A actions %d/%d", done, total)
	}
}
