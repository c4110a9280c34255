package stratplan

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Monitoring figures: where each indicator stands against its target, and
// how the actions and deliverables of each priority and objective are
// doing. Like every derived figure they are computed from the plan each
// time; the current time is always given, never read from the machine, so
// the same plan and time give the same figures.

// Status says whether an indicator is where the time elapsed in the plan
// period says it should be.
type Status string

// The statuses of an indicator.
const (
	StatusOnTrack  Status = "on_track"
	StatusAtRisk   Status = "at_risk"
	StatusOffTrack Status = "off_track"
	StatusNoData   Status = "no_data" // no figure for the period due, or none that can be read
)

// Statuses lists the statuses from best to worst, no data last.
var Statuses = []Status{StatusOnTrack, StatusAtRisk, StatusOffTrack, StatusNoData}

// StatusThresholds decide an indicator's status from its progress as a
// percentage of the progress expected by the time elapsed: at least OnTrack
// is on track, at least AtRisk is at risk, below is off track. They are
// kept in the plan's on_track_from and at_risk_from fields.
type StatusThresholds struct {
	OnTrack int
	AtRisk  int
}

// DefaultStatusThresholds: on track from 90% of the expected progress, at
// risk from 60%.
var DefaultStatusThresholds = StatusThresholds{OnTrack: 90, AtRisk: 60}

// StatusThresholds returns the plan's thresholds, the defaults where the
// plan sets none. At risk never starts above on track.
func (d *Document) StatusThresholds() StatusThresholds {
	th := DefaultStatusThresholds
	e := d.Get(KindPlan, d.plan)
	if e == nil {
		return th
	}
	if n, ok := e.Value("on_track_from").Int(); ok && n > 0 {
		th.OnTrack = n
	}
	if n, ok := e.Value("at_risk_from").Int(); ok && n >= 0 {
		th.AtRisk = n
	}
	th.AtRisk = min(th.AtRisk, th.OnTrack)
	return th
}

// Classify returns the status of progress against expected progress (both
// as shares: 0 is the baseline, 1 the target). A target met is on track
// whatever the time; before the plan period starts any progress is on
// track.
func (th StatusThresholds) Classify(progress, expected float64) Status {
	if progress >= 1 || expected <= 0 {
		return StatusOnTrack
	}
	ratio := progress / expected * 100
	switch {
	case ratio >= float64(th.OnTrack):
		return StatusOnTrack
	case ratio >= float64(th.AtRisk):
		return StatusAtRisk
	}
	return StatusOffTrack
}

// The milestones a qualitative indicator's measurements report, in order.
// A qualitative indicator has a text target; each measurement's value says
// which milestone toward it was reached by the end of the period (its note
// says what happened). Met counts as the target reached.
const (
	MilestoneNotStarted = "not_started"
	MilestoneInProgress = "in_progress"
	MilestoneMet        = "met"
)

// Milestones lists the milestones in order.
var Milestones = []string{MilestoneNotStarted, MilestoneInProgress, MilestoneMet}

// MilestoneProgress returns the progress a milestone stands for: 0, one
// half, or 1 for met. Letter case and spaces aside.
func MilestoneProgress(v string) (float64, bool) {
	switch strings.ReplaceAll(sameText(v), " ", "_") {
	case MilestoneNotStarted:
		return 0, true
	case MilestoneInProgress:
		return 0.5, true
	case MilestoneMet:
		return 1, true
	}
	return 0, false
}

// ParseFigure reads an indicator's baseline, target or measured value: an
// amount as ParseAmount reads it, which may also be negative (a balance, a
// change). NaN, Infinity and 1e400 are refused.
func ParseFigure(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(t, "-"); ok {
		f, err := ParseAmount(rest)
		return -f, err
	}
	return ParseAmount(t)
}

// Point is one measurement of an indicator.
type Point struct {
	E      *Entity
	Period string
	Text   string    // the value as written
	Value  float64   // the value read as a number, or a milestone's progress
	OK     bool      // Value could be read
	End    time.Time // the last day of the period
	Note   string
}

// IndicatorProgress is where an indicator stands.
type IndicatorProgress struct {
	Indicator
	Priority  string // the priority it rolls up to ("" when attached to nothing)
	Objective string // that priority's objective ("" when none)

	Series []Point // its measurements with a value, oldest period first
	Latest *Point  // the newest of them, nil when there is none

	// BaselineValue and TargetValue are the baseline and target read as
	// numbers (for a qualitative indicator, 0 and 1).
	BaselineValue, TargetValue float64
	HasBaseline                bool
	HasTarget                  bool
	// BaselineFromFirst is set when the indicator has no baseline: the
	// first measurement stands in for it, and progress counts from there.
	BaselineFromFirst bool

	// Progress is how far the latest value has gone from the baseline to
	// the target: 0 at the baseline, 1 at the target, below 0 when it went
	// the wrong way, above 1 past the target. Right for both directions.
	// When the baseline already equals the target (or is past it), the
	// target is to hold the level: 1 while the value is at the target or
	// better, 0 otherwise.
	Progress    float64
	HasProgress bool
	// Expected is the share of the plan period elapsed at the end of the
	// latest figure's period: the progress expected by then.
	Expected float64

	Due    string // the period whose figure is due now, always one of the plan period's
	Status Status
	Reason string // why Status is no data, in plain English
}

// Percent returns Progress as a whole percentage.
func (p IndicatorProgress) Percent() int {
	return int(p.Progress*100 + 0.5*sign(p.Progress))
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// Monitor computes monitoring figures at one moment.
type Monitor struct {
	doc         *Document
	now         time.Time
	thresholds  StatusThresholds
	start, end  time.Time
	hasPeriod   bool
	byIndicator map[string][]*Entity // live measurements, read once
}

// Monitor returns a monitor of the plan at the time now, with the plan's
// thresholds.
func (d *Document) Monitor(now time.Time) *Monitor {
	m := &Monitor{doc: d, now: now.UTC(), thresholds: d.StatusThresholds()}
	info := d.PlanInfo()
	s, ok1 := parseDate(info.PeriodStart)
	e, ok2 := parseDate(info.PeriodEnd)
	if ok1 && ok2 && e.After(s) {
		m.start, m.end, m.hasPeriod = s, e, true
	}
	return m
}

// Thresholds returns the thresholds the monitor applies.
func (m *Monitor) Thresholds() StatusThresholds { return m.thresholds }

// Expected returns the share of the plan period elapsed on day t, from 0
// at the start to 1 at the end. A plan without a period expects the whole
// target at any time.
func (m *Monitor) Expected(t time.Time) float64 {
	if !m.hasPeriod {
		return 1
	}
	if !t.After(m.start) {
		return 0
	}
	if !t.Before(m.end) {
		return 1
	}
	return float64(t.Sub(m.start)) / float64(m.end.Sub(m.start))
}

// Series returns an indicator's measurements that carry a value, oldest
// period first (by the period's last day, then its first).
func (m *Monitor) Series(in Indicator) []Point {
	if m.byIndicator == nil {
		m.byIndicator = m.doc.LiveBy(KindMeasurement, "indicator")
	}
	var out []Point
	for _, e := range m.byIndicator[in.E.ID] {
		p := Point{E: e, Period: strings.TrimSpace(e.Str("period")), Text: strings.TrimSpace(e.Str("value")), Note: e.Str("note")}
		if p.Text == "" {
			continue
		}
		var ok bool
		if _, p.End, ok = PeriodRange(p.Period); !ok {
			continue
		}
		if in.Qualitative {
			p.Value, p.OK = MilestoneProgress(p.Text)
		} else {
			v, err := ParseFigure(p.Text)
			p.Value, p.OK = v, err == nil
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].End.Equal(out[j].End) {
			return out[i].End.Before(out[j].End)
		}
		fi, _, _ := PeriodRange(out[i].Period)
		fj, _, _ := PeriodRange(out[j].Period)
		return fi.Before(fj) // a longer period ending the same day is older news
	})
	return out
}

// Indicator returns where one indicator stands.
func (m *Monitor) Indicator(in Indicator) IndicatorProgress {
	p := IndicatorProgress{Indicator: in}
	p.Priority, p.Objective = m.doc.rollsUpTo(in.Of)
	p.Series = m.Series(in)
	if n := len(p.Series); n > 0 {
		p.Latest = &p.Series[n-1]
	}
	var dueEnd time.Time
	p.Due, dueEnd = DuePeriod(in.Frequency, m.now)
	// The period due is always one of the plan's: before the plan starts,
	// its first period (figures from before belong in the baseline);
	// after it ends, its last.
	if m.hasPeriod {
		if first, _, _ := PeriodRange(p.Due); dueEnd.Before(m.start) {
			p.Due, _ = PeriodOf(in.Frequency, m.start)
		} else if first.After(m.end) {
			p.Due, dueEnd = PeriodOf(in.Frequency, m.end)
		}
	}
	if in.Qualitative {
		p.TargetValue, p.HasTarget = 1, true
		p.HasBaseline = true
	} else {
		if v, err := ParseFigure(in.Baseline); err == nil {
			p.BaselineValue, p.HasBaseline = v, true
		}
		if v, err := ParseFigure(in.Target); err == nil {
			p.TargetValue, p.HasTarget = v, true
		}
		if !p.HasBaseline {
			for _, pt := range p.Series {
				if pt.OK {
					p.BaselineValue, p.HasBaseline, p.BaselineFromFirst = pt.Value, true, true
					break
				}
			}
		}
	}
	switch {
	case p.Latest == nil:
		p.Reason = "no measurement yet"
	case !p.Latest.OK && in.Qualitative:
		p.Reason = fmt.Sprintf("the %s measurement %q is not a milestone (%s)", p.Latest.Period, p.Latest.Text, strings.Join(Milestones, ", "))
	case !p.Latest.OK:
		p.Reason = fmt.Sprintf("the %s measurement %q is not a number", p.Latest.Period, p.Latest.Text)
	case !p.HasTarget && strings.TrimSpace(in.Target) == "":
		p.Reason = "no target"
	case !p.HasTarget:
		p.Reason = fmt.Sprintf("the target %q is not a number", in.Target)
	case !p.HasBaseline:
		p.Reason = fmt.Sprintf("the baseline %q is not a number", in.Baseline)
	default:
		p.Progress, p.HasProgress = progress(p.BaselineValue, p.TargetValue, p.Latest.Value, in.Direction), true
		p.Expected = m.Expected(p.Latest.End)
	}
	// A figure is current when its period reaches into the period due.
	window := dueEnd.AddDate(0, -frequencyMonths(in.Frequency), 0)
	nothingDue := m.hasPeriod && dueEnd.Before(m.start)
	switch {
	case p.Reason != "":
		p.Status = StatusNoData
	case !nothingDue && !p.Latest.End.After(window):
		p.Status = StatusNoData
		p.Reason = fmt.Sprintf("no figure for %s", p.Due)
	default:
		p.Status = m.thresholds.Classify(p.Progress, p.Expected)
	}
	return p
}

// progress is how far value has gone from baseline toward target, in the
// direction that is better ("decrease": lower is better).
func progress(baseline, target, value float64, direction string) float64 {
	gain, needed := value-baseline, target-baseline
	better := value >= target
	if direction == "decrease" {
		gain, needed = -gain, -needed
		better = value <= target
	}
	if needed <= 0 { // hold the level
		if better {
			return 1
		}
		return 0
	}
	return gain / needed
}

// rollsUpTo returns the priority an indicator's "of" leads to (itself, or
// an action's priority) and that priority's objective.
func (d *Document) rollsUpTo(of string) (priority, objective string) {
	if a := d.Get(KindAction, of); a != nil && !a.Deleted() {
		of = a.Str("priority")
	}
	p := d.Get(KindPriority, of)
	if p == nil || p.Deleted() {
		return "", ""
	}
	return p.ID, p.Str("objective")
}

// WorkshopOf returns the workshop an entity comes from: its own workshop
// field, else that of what it belongs to (an action's priority, an
// indicator's priority or action, a measurement's indicator…); "" when
// none says.
func (d *Document) WorkshopOf(e *Entity) string {
	for range 6 {
		if e == nil {
			return ""
		}
		if e.Kind == KindWorkshop {
			return e.ID
		}
		if w := e.Str(FieldWorkshop); w != "" {
			return w
		}
		switch e.Kind {
		case KindAction:
			e = d.Get(KindPriority, e.Str("priority"))
		case KindDeliverable:
			e = d.Get(KindAction, e.Str("action"))
		case KindIndicator:
			e = d.Ref(e.Str("of"), KindPriority, KindAction)
		case KindMeasurement, KindTargetRevision:
			e = d.Get(KindIndicator, e.Str("indicator"))
		case KindVote:
			e = d.Get(KindParticipant, e.Str("voter"))
		default:
			return ""
		}
	}
	return ""
}

// RegionOf returns the region (id) of the workshop an entity comes from
// (see WorkshopOf), or "".
func (d *Document) RegionOf(e *Entity) string {
	if w := d.Get(KindWorkshop, d.WorkshopOf(e)); w != nil {
		return w.Str("region")
	}
	return ""
}

// Counts counts statuses: of actions, deliverables or indicators.
type Counts map[string]int

// Rollup is how the actions, deliverables and indicators under a priority,
// an objective or the whole plan are doing.
type Rollup struct {
	Actions      Counts // by status; "" = no status set
	Deliverables Counts // by status
	Indicators   Counts // by Status
}

func newRollup() Rollup {
	return Rollup{Actions: Counts{}, Deliverables: Counts{}, Indicators: Counts{}}
}

// ActionsDone returns how many actions are done and how many there are,
// cancelled ones aside.
func (r Rollup) ActionsDone() (done, total int) {
	for s, n := range r.Actions {
		if s != "cancelled" {
			total += n
		}
	}
	return r.Actions["done"], total
}

// DeliverablesDone returns how many deliverables are delivered and how many
// there are, cancelled ones aside.
func (r Rollup) DeliverablesDone() (delivered, total int) {
	for s, n := range r.Deliverables {
		if s != "cancelled" {
			total += n
		}
	}
	return r.Deliverables["delivered"], total
}

// IndicatorCount returns how many indicators have the status.
func (r Rollup) IndicatorCount(s Status) int { return r.Indicators[string(s)] }

func (r Rollup) add(o Rollup) {
	for k, n := range o.Actions {
		r.Actions[k] += n
	}
	for k, n := range o.Deliverables {
		r.Deliverables[k] += n
	}
	for k, n := range o.Indicators {
		r.Indicators[k] += n
	}
}

// PriorityRollup is one priority's roll-up.
type PriorityRollup struct {
	Priority Priority
	Rollup
}

// ObjectiveRollup is one objective's roll-up and its priorities'. The
// entry for what is under no objective has a zero Objective (E nil).
type ObjectiveRollup struct {
	Objective  Objective
	Priorities []PriorityRollup
	Rollup
}

// Scope limits monitoring figures to one region or one workshop (ids;
// empty means all).
type Scope struct {
	Region   string
	Workshop string
}

func (s Scope) covers(d *Document, e *Entity) bool {
	if s.Workshop != "" && d.WorkshopOf(e) != s.Workshop {
		return false
	}
	return s.Region == "" || d.RegionOf(e) == s.Region
}

// Monitoring is the progress picture of a plan at one moment.
type Monitoring struct {
	Now        time.Time
	Thresholds StatusThresholds
	// Indicators lists every live indicator in scope, those attached to
	// nothing included, in the order they were created.
	Indicators []IndicatorProgress
	// Objectives lists the objectives by code, then, when anything is
	// under no objective, an entry with a zero Objective.
	Objectives []ObjectiveRollup
	Total      Rollup
}

// Monitoring computes the progress picture at the time now for the scope.
func (d *Document) Monitoring(now time.Time, scope Scope) Monitoring {
	m := d.Monitor(now)
	out := Monitoring{Now: m.now, Thresholds: m.thresholds, Total: newRollup()}
	byPriority := map[string]*PriorityRollup{}
	var order []string
	rollupOf := func(pid string) *PriorityRollup {
		if r := byPriority[pid]; r != nil {
			return r
		}
		r := &PriorityRollup{Rollup: newRollup()}
		if e := d.Get(KindPriority, pid); e != nil {
			r.Priority = priorityOf(e)
		}
		byPriority[pid] = r
		order = append(order, pid)
		return r
	}
	for _, p := range d.Priorities("") {
		if scope.covers(d, p.E) {
			rollupOf(p.E.ID)
		}
	}
	deliverables := d.LiveBy(KindDeliverable, "action")
	for _, a := range d.Actions("") {
		if !scope.covers(d, a.E) {
			continue
		}
		pid, _ := d.rollsUpTo(a.E.ID)
		r := rollupOf(pid)
		r.Actions[a.Status]++
		for _, dl := range deliverables[a.E.ID] {
			r.Deliverables[dl.Str("status")]++
		}
	}
	for _, in := range d.Indicators("") {
		if !scope.covers(d, in.E) {
			continue
		}
		ip := m.Indicator(in)
		out.Indicators = append(out.Indicators, ip)
		rollupOf(ip.Priority).Indicators[string(ip.Status)]++
	}
	byObjective := map[string]*ObjectiveRollup{}
	for _, o := range d.Objectives() {
		byObjective[o.E.ID] = &ObjectiveRollup{Objective: o, Rollup: newRollup()}
	}
	none := &ObjectiveRollup{Rollup: newRollup()}
	for _, pid := range order {
		r := byPriority[pid]
		o := none
		if r.Priority.E != nil {
			if x := byObjective[r.Priority.Objective]; x != nil {
				o = x
			}
		}
		if r.Priority.E != nil {
			o.Priorities = append(o.Priorities, *r)
		}
		o.add(r.Rollup)
		out.Total.add(r.Rollup)
	}
	for _, o := range d.Objectives() {
		out.Objectives = append(out.Objectives, *byObjective[o.E.ID])
	}
	if len(none.Priorities) > 0 || len(none.Actions)+len(none.Indicators) > 0 {
		out.Objectives = append(out.Objectives, *none)
	}
	return out
}

func priorityOf(e *Entity) Priority {
	return Priority{E: e, Title: e.Str("title"), Description: e.Str("description"), Objective: e.Str("objective"),
		Same: e.Str("same_as"), Impact: score(e, "impact"), Effort: score(e, "effort"), Sources: e.Value("sources").Refs()}
}
