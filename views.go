package stratplan

import (
	"sort"
	"strconv"
	"strings"
)

// Live returns the entities of a kind that are not deleted, in the order
// they were created. With workshop != "", only those produced by that
// workshop.
func (d *Document) Live(kind, workshop string) []*Entity {
	return d.LiveWhere(kind, FieldWorkshop, workshop)
}

// LiveWhere returns the live entities of a kind whose field shows value
// (all of them when value is ""), in the order they were created.
// The list returned is shared: callers must not change it.
func (d *Document) LiveWhere(kind, field, value string) []*Entity {
	key := liveKey{kind, field, value}
	if l, ok := d.lives[key]; ok && l.gen == d.gens[kind] {
		return l.list
	}
	list := d.liveWhere(kind, field, value)
	if d.lives == nil {
		d.lives = map[liveKey]liveList{}
	}
	d.lives[key] = liveList{gen: d.gens[kind], list: list}
	return list
}

func (d *Document) liveWhere(kind, field, value string) []*Entity {
	type item struct {
		e       *Entity
		created Time
	}
	items := make([]item, 0, len(d.kinds[kind]))
	for _, e := range d.kinds[kind] {
		if e.Deleted() {
			continue
		}
		if value != "" && e.Str(field) != value {
			continue
		}
		items = append(items, item{e, e.Created()})
	}
	sort.Slice(items, func(i, j int) bool {
		if items[i].created != items[j].created {
			return items[i].created < items[j].created
		}
		return items[i].e.ID < items[j].e.ID
	})
	out := make([]*Entity, len(items))
	for i, it := range items {
		out[i] = it.e
	}
	return out
}

func score(e *Entity, f string) int {
	n, ok := e.Value(f).Int()
	if !ok || n < 1 || n > 5 {
		return 0
	}
	return n
}

func number(e *Entity, f string) float64 {
	x, _ := e.Value(f).Amount()
	return x
}

// Plan is the typed view of the plan entity.
type Plan struct {
	E                                      *Entity
	Title, Organization, Mission, Currency string
	PeriodStart, PeriodEnd                 string
	BudgetAvailable, StaffMonthsAvailable  float64
}

// PlanInfo returns the plan entity's view (empty fields when unset).
func (d *Document) PlanInfo() Plan {
	e := d.Get(KindPlan, d.plan)
	if e == nil {
		e = &Entity{ID: d.plan, Kind: KindPlan}
	}
	return Plan{E: e, Title: e.Str("title"), Organization: e.Str("organization"), Mission: e.Str("mission"),
		Currency: e.Str("currency"), PeriodStart: e.Str("period_start"), PeriodEnd: e.Str("period_end"),
		BudgetAvailable: number(e, "budget_available"), StaffMonthsAvailable: number(e, "staff_months_available")}
}

// Replica is the typed view of a replica: who wrote with that id.
type Replica struct {
	E             *Entity
	Label, Region string
}

// ReplicaInfo returns the view of the replica with id r.
func (d *Document) ReplicaInfo(r string) Replica {
	e := d.Get(KindReplica, r)
	if e == nil {
		return Replica{E: &Entity{ID: r, Kind: KindReplica}}
	}
	return Replica{E: e, Label: e.Str("label"), Region: e.Str("region")}
}

// Region is the typed view of a region.
type Region struct {
	E          *Entity
	Name, Code string
}

// Regions returns the live regions, sorted by name.
func (d *Document) Regions() []Region {
	var out []Region
	for _, e := range d.Live(KindRegion, "") {
		out = append(out, Region{E: e, Name: e.Str("name"), Code: e.Str("code")})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Workshop is the typed view of a workshop.
type Workshop struct {
	E                                             *Entity
	Title, Region, Mode, Date, Venue, Facilitator string
	Dots                                          int              // dots each participant may give
	Survey                                        SurveyThresholds // when a survey theme counts as common
}

// DefaultDots is how many dots each participant has when the workshop
// does not say.
const DefaultDots = 5

// Workshops returns the live workshops, sorted by date, then title.
func (d *Document) Workshops() []Workshop {
	var out []Workshop
	for _, e := range d.Live(KindWorkshop, "") {
		out = append(out, WorkshopOf(e))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Title < out[j].Title
	})
	return out
}

// WorkshopOf returns the view of a workshop entity.
func WorkshopOf(e *Entity) Workshop {
	w := Workshop{E: e, Title: e.Str("title"), Region: e.Str("region"), Mode: e.Str("mode"),
		Date: e.Str("date"), Venue: e.Str("venue"), Facilitator: e.Str("facilitator"), Dots: DefaultDots, Survey: DefaultSurveyThresholds}
	if n, ok := e.Value("dots").Int(); ok && n >= 0 {
		w.Dots = n
	}
	if n, ok := e.Value("common_top").Int(); ok && n > 0 {
		w.Survey.TopN = n
	}
	if n, ok := e.Value("common_regions").Int(); ok && n > 0 {
		w.Survey.MinRegions = n
	}
	return w
}

// Participant is the typed view of a workshop participant.
type Participant struct {
	E                  *Entity
	Name, Member, Role string
}

// Participants returns the live participants of a workshop in the order
// they were added.
func (d *Document) Participants(workshop string) []Participant {
	return participantsOf(d.Live(KindParticipant, workshop))
}

func participantsOf(es []*Entity) []Participant {
	var out []Participant
	for _, e := range es {
		out = append(out, Participant{E: e, Name: e.Str("name"), Member: e.Str("member"), Role: e.Str("role")})
	}
	return out
}

// SurveyScore is one member's score of a theme.
type SurveyScore struct {
	E                     *Entity
	Member, Region, Theme string
	Score                 float64
}

// SurveyScores returns the live survey scores of a workshop.
func (d *Document) SurveyScores(workshop string) []SurveyScore {
	return surveyScoresOf(d.Live(KindSurveyScore, workshop))
}

func surveyScoresOf(es []*Entity) []SurveyScore {
	var out []SurveyScore
	for _, e := range es {
		out = append(out, SurveyScore{E: e, Member: e.Str("member"), Region: e.Str("region"), Theme: e.Str("theme"), Score: number(e, "score")})
	}
	return out
}

// Objective is the typed view of a strategic objective.
type Objective struct {
	E                        *Entity
	Code, Title, Description string
	Order                    int // its place in the plan; 0 when never moved
}

// Objectives returns the live objectives in the plan's order: those given
// a place first, by place, then the others by code, numbers in codes read
// as numbers (SO2 before SO10).
func (d *Document) Objectives() []Objective {
	var out []Objective
	for _, e := range d.Live(KindObjective, "") {
		o := Objective{E: e, Code: e.Str("code"), Title: e.Str("title"), Description: e.Str("description")}
		if n, ok := e.Value("order").Int(); ok && n > 0 {
			o.Order = n
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Order > 0) != (b.Order > 0) {
			return a.Order > 0
		}
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return naturalLess(a.Code, b.Code)
	})
	return out
}

// Vision is a candidate vision statement.
type Vision struct {
	E       *Entity
	Text    string
	Adopted bool
}

// Visions returns a workshop's candidate vision statements.
func (d *Document) Visions(workshop string) []Vision { return visionsOf(d.Live(KindVision, workshop)) }

func visionsOf(es []*Entity) []Vision {
	var out []Vision
	for _, e := range es {
		out = append(out, Vision{E: e, Text: e.Str("text"), Adopted: e.Value("adopted").Bool()})
	}
	return out
}

// ScanFactor is a factor of the environmental scan.
type ScanFactor struct {
	E                                      *Entity
	Category, Title, Description, Response string
	Impact, Likelihood                     int
}

// ScanFactors returns a workshop's scan factors.
func (d *Document) ScanFactors(workshop string) []ScanFactor {
	return scanFactorsOf(d.Live(KindScanFactor, workshop))
}

func scanFactorsOf(es []*Entity) []ScanFactor {
	var out []ScanFactor
	for _, e := range es {
		out = append(out, ScanFactor{E: e, Category: e.Str("category"), Title: e.Str("title"), Description: e.Str("description"),
			Response: e.Str("response"), Impact: score(e, "impact"), Likelihood: score(e, "likelihood")})
	}
	return out
}

// SWOTItem is one strength, weakness, opportunity or threat.
type SWOTItem struct {
	E                      *Entity
	Quadrant, Text, Factor string
}

// SWOT returns a workshop's SWOT items in the order they were captured.
func (d *Document) SWOT(workshop string) []SWOTItem { return swotOf(d.Live(KindSWOT, workshop)) }

func swotOf(es []*Entity) []SWOTItem {
	var out []SWOTItem
	for _, e := range es {
		out = append(out, SWOTItem{E: e, Quadrant: e.Str("quadrant"), Text: e.Str("text"), Factor: e.Str("factor")})
	}
	return out
}

// Priority is a strategic priority under an objective.
type Priority struct {
	E                                   *Entity
	Title, Description, Objective, Same string
	Impact, Effort                      int
	Sources                             []string
}

// Priorities returns a workshop's priorities (all of them with workshop "").
func (d *Document) Priorities(workshop string) []Priority {
	return prioritiesOf(d.Live(KindPriority, workshop))
}

func prioritiesOf(es []*Entity) []Priority {
	var out []Priority
	for _, e := range es {
		out = append(out, priorityOf(e))
	}
	return out
}

// Vote is the points one participant gave one priority or vision.
type Vote struct {
	E             *Entity
	Target, Voter string
	Points        int
}

// Votes returns the live votes of a workshop. A vote counts only while its
// voter and its target are there: deleting a participant takes back their
// dots, and undoing the deletion gives them back.
func (d *Document) Votes(workshop string) []Vote { return d.votesOf(d.Live(KindVote, workshop)) }

func (d *Document) votesOf(es []*Entity) []Vote {
	var out []Vote
	for _, e := range es {
		if !d.live(e.Str("voter"), KindParticipant) || !d.live(e.Str("target"), KindPriority, KindVision) {
			continue
		}
		p, _ := e.Value("points").Int()
		out = append(out, Vote{E: e, Target: e.Str("target"), Voter: e.Str("voter"), Points: p})
	}
	return out
}

// Action is a concrete action under a priority.
type Action struct {
	E                                                       *Entity
	Priority, Title, Description, Owner, Start, Due, Status string
	Budget, StaffMonths                                     float64
}

// Actions returns the live actions of a workshop.
func (d *Document) Actions(workshop string) []Action { return actionsOf(d.Live(KindAction, workshop)) }

// ActionsOf returns the live actions under a priority.
func (d *Document) ActionsOf(priority string) []Action {
	return actionsOf(d.LiveWhere(KindAction, "priority", priority))
}

func actionsOf(es []*Entity) []Action {
	out := make([]Action, 0, len(es))
	for _, e := range es {
		out = append(out, Action{E: e, Priority: e.Str("priority"), Title: e.Str("title"), Description: e.Str("description"),
			Owner: e.Str("owner"), Start: e.Str("start"), Due: e.Str("due"), Status: e.Str("status"),
			Budget: number(e, "budget"), StaffMonths: number(e, "staff_months")})
	}
	return out
}

// Deliverable is something an action delivers.
type Deliverable struct {
	E                                *Entity
	Action, Code, Title, Due, Status string
}

// Deliverables returns the live deliverables of a workshop.
func (d *Document) Deliverables(workshop string) []Deliverable {
	return deliverablesOf(d.Live(KindDeliverable, workshop))
}

// DeliverablesOf returns the live deliverables of an action.
func (d *Document) DeliverablesOf(action string) []Deliverable {
	return deliverablesOf(d.LiveWhere(KindDeliverable, "action", action))
}

func deliverablesOf(es []*Entity) []Deliverable {
	out := make([]Deliverable, 0, len(es))
	for _, e := range es {
		out = append(out, Deliverable{E: e, Action: e.Str("action"), Code: e.Str("code"), Title: e.Str("title"), Due: e.Str("due"), Status: e.Str("status")})
	}
	return out
}

// Indicator measures a priority or an action.
type Indicator struct {
	E                                                   *Entity
	Of, Name, Unit, Baseline, Target, Direction, Source string
	Frequency, TargetText                               string
	Qualitative                                         bool
}

// Indicators returns the live indicators of a workshop.
func (d *Document) Indicators(workshop string) []Indicator {
	return indicatorsOf(d.Live(KindIndicator, workshop))
}

// IndicatorsOf returns the live indicators of a priority or an action.
func (d *Document) IndicatorsOf(of string) []Indicator {
	return indicatorsOf(d.LiveWhere(KindIndicator, "of", of))
}

func indicatorsOf(es []*Entity) []Indicator {
	out := make([]Indicator, 0, len(es))
	for _, e := range es {
		out = append(out, Indicator{E: e, Of: e.Str("of"), Name: e.Str("name"), Unit: e.Str("unit"), Baseline: e.Str("baseline"),
			Target: e.Str("target"), Direction: e.Str("direction"), Source: e.Str("source"), Frequency: e.Str("frequency"),
			TargetText: e.Str("target_text"), Qualitative: e.Value("qualitative").Bool()})
	}
	return out
}

// TargetRevision records a change of an indicator's target.
type TargetRevision struct {
	E                                 *Entity
	Indicator, Old, New, Reason, Date string
}

// TargetRevisions returns the revisions of an indicator's target, oldest first.
func (d *Document) TargetRevisions(indicator string) []TargetRevision {
	var out []TargetRevision
	for _, e := range d.Live(KindTargetRevision, "") {
		if e.Str("indicator") == indicator {
			out = append(out, TargetRevision{E: e, Indicator: indicator, Old: e.Str("old"), New: e.Str("new"), Reason: e.Str("reason"), Date: e.Str("date")})
		}
	}
	return out
}

// Measurement is an indicator's value for one period.
type Measurement struct {
	E                              *Entity
	Indicator, Period, Value, Note string
}

// Measurements returns the measurements of an indicator sorted by period.
func (d *Document) Measurements(indicator string) []Measurement {
	var out []Measurement
	for _, e := range d.Live(KindMeasurement, "") {
		if e.Str("indicator") == indicator {
			out = append(out, Measurement{E: e, Indicator: indicator, Period: e.Str("period"), Value: e.Str("value"), Note: e.Str("note")})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}

// Note holds the minutes of one step of a workshop.
type Note struct {
	E          *Entity
	Step, Text string
}

// Notes returns a workshop's notes.
func (d *Document) Notes(workshop string) []Note {
	var out []Note
	for _, e := range d.Live(KindNote, workshop) {
		out = append(out, Note{E: e, Step: e.Str("step"), Text: e.Str("text")})
	}
	return out
}

// QuadrantCounts counts a workshop's SWOT items per quadrant.
func (d *Document) QuadrantCounts(workshop string) map[string]int {
	out := map[string]int{}
	for _, it := range d.SWOT(workshop) {
		out[it.Quadrant]++
	}
	return out
}

// HasParticipant reports whether the list already has a participant of that
// name from that member administration (letter case and spacing aside).
func HasParticipant(list []Participant, name, member string) bool {
	for _, p := range list {
		if sameText(p.Name) == sameText(name) && sameText(p.Member) == sameText(member) {
			return true
		}
	}
	return false
}

// RegionName returns the name of the region with that id, or the id.
func (d *Document) RegionName(id string) string {
	if e := d.Get(KindRegion, id); e != nil && e.Str("name") != "" {
		return e.Str("name")
	}
	return id
}

// Label names an entity for people: its title, text or name, else its kind
// and id.
func (e *Entity) Label() string {
	for _, f := range []string{"title", "text", "name", "label", "code", "theme"} {
		if s := e.Str(f); s != "" {
			return s
		}
	}
	return e.Kind + " " + e.ID
}

// FindRegion finds a region by its id, code or name (letter case, accents
// and spacing aside, see Fold).
func (d *Document) FindRegion(s string) (Region, bool) {
	s = strings.TrimSpace(s)
	f := Fold(s)
	for _, r := range d.Regions() {
		if r.E.ID == s || Fold(r.Code) == f || Fold(r.Name) == f {
			return r, true
		}
	}
	return Region{}, false
}

// RegionCodes lists the regions' codes, sorted, for messages.
func (d *Document) RegionCodes() string {
	var codes []string
	for _, r := range d.Regions() {
		codes = append(codes, r.Code)
	}
	sort.Strings(codes)
	return strings.Join(codes, ", ")
}

// NextDeliverableCode numbers deliverables per objective: the next free
// code after the highest SO1-Dn of the priority's objective (Dn when the
// priority has no objective).
func (d *Document) NextDeliverableCode(priority string) string {
	prefix := "D"
	if p := d.Get(KindPriority, priority); p != nil {
		if o := d.Get(KindObjective, p.Str("objective")); o != nil && o.Str("code") != "" {
			prefix = o.Str("code") + "-D"
		}
	}
	n := 0
	for _, dl := range d.Deliverables("") {
		if rest, ok := strings.CutPrefix(dl.Code, prefix); ok {
			if k, err := strconv.Atoi(rest); err == nil && k > n {
				n = k
			}
		}
	}
	return prefix + strconv.Itoa(n+1)
}

// live reports whether the entity of one of the kinds with the given id is
// there and not deleted.
func (d *Document) live(id string, kinds ...string) bool {
	e := d.Ref(id, kinds...)
	return e != nil && !e.Deleted()
}
