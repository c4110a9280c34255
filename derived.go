package stratplan

import (
	"sort"
	"strings"
)

// Figures derived from the plan. None is stored: each is computed from the
// entities whenever it is shown, so it is right after any merge.

// ThemeRank is one survey theme's standing, overall or in one region.
type ThemeRank struct {
	Theme     string
	Mean      float64 // mean score of the members who scored it
	Responses int
	Rank      int // 1 = highest mean; equal means share a rank
}

// SurveyResult is the member survey analysed: themes ranked overall and
// per region, and which themes are common to several regions.
type SurveyResult struct {
	Overall  []ThemeRank
	ByRegion map[string][]ThemeRank // region id → ranking
	Regions  []string               // region ids, sorted
	InTop    map[string]int         // theme → in how many regions' top N
	Common   map[string]bool        // theme → in the top N of at least M regions
}

// SurveyThresholds decide when a theme is common rather than regional: it
// must be in the top TopN themes of at least MinRegions regions.
type SurveyThresholds struct {
	TopN       int
	MinRegions int
}

// DefaultSurveyThresholds: top five in at least four regions.
var DefaultSurveyThresholds = SurveyThresholds{TopN: 5, MinRegions: 4}

// AnalyseSurvey ranks the survey's themes by mean score, overall and per
// region. Themes are compared without regard to letter case or spacing;
// the first spelling seen names them.
func AnalyseSurvey(scores []SurveyScore, th SurveyThresholds) SurveyResult {
	type acc struct {
		sum float64
		n   int
	}
	names := map[string]string{}
	key := func(t string) string {
		k := sameText(t)
		if _, ok := names[k]; !ok {
			names[k] = strings.TrimSpace(t)
		}
		return k
	}
	overall := map[string]*acc{}
	byRegion := map[string]map[string]*acc{}
	for _, s := range scores {
		if strings.TrimSpace(s.Theme) == "" {
			continue
		}
		k := key(s.Theme)
		if overall[k] == nil {
			overall[k] = &acc{}
		}
		overall[k].sum += s.Score
		overall[k].n++
		if byRegion[s.Region] == nil {
			byRegion[s.Region] = map[string]*acc{}
		}
		r := byRegion[s.Region]
		if r[k] == nil {
			r[k] = &acc{}
		}
		r[k].sum += s.Score
		r[k].n++
	}
	rank := func(m map[string]*acc) []ThemeRank {
		out := make([]ThemeRank, 0, len(m))
		for k, a := range m {
			out = append(out, ThemeRank{Theme: names[k], Mean: a.sum / float64(a.n), Responses: a.n})
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Mean != out[j].Mean {
				return out[i].Mean > out[j].Mean
			}
			return out[i].Theme < out[j].Theme
		})
		for i := range out {
			out[i].Rank = i + 1
			if i > 0 && out[i].Mean == out[i-1].Mean {
				out[i].Rank = out[i-1].Rank
			}
		}
		return out
	}
	res := SurveyResult{Overall: rank(overall), ByRegion: map[string][]ThemeRank{}, InTop: map[string]int{}, Common: map[string]bool{}}
	for r, m := range byRegion {
		res.ByRegion[r] = rank(m)
		res.Regions = append(res.Regions, r)
		for _, t := range res.ByRegion[r] {
			if t.Rank <= th.TopN {
				res.InTop[t.Theme]++
			}
		}
	}
	sort.Strings(res.Regions)
	for t, n := range res.InTop {
		if n >= th.MinRegions {
			res.Common[t] = true
		}
	}
	return res
}

// Points adds up the votes per target.
func Points(votes []Vote) map[string]int {
	out := map[string]int{}
	for _, v := range votes {
		out[v.Target] += v.Points
	}
	return out
}

// RemainingDots is how many of their dots a participant has not yet given
// among the targets counted (votes on other targets are ignored).
func RemainingDots(dots int, voter string, votes []Vote, counted func(target string) bool) int {
	used := 0
	for _, v := range votes {
		if v.Voter == voter && (counted == nil || counted(v.Target)) {
			used += v.Points
		}
	}
	return dots - used
}

// RankedPriority is a priority with its votes and its place.
type RankedPriority struct {
	Priority
	Points int
	Rank   int // equal points and equal impact − effort share a rank
}

// Net is impact minus effort: what breaks ties between equal votes.
func (p Priority) Net() int { return p.Impact - p.Effort }

// RankPriorities orders priorities by votes, ties broken by impact minus
// effort, then by title.
func RankPriorities(ps []Priority, votes []Vote) []RankedPriority {
	pts := Points(votes)
	out := make([]RankedPriority, len(ps))
	for i, p := range ps {
		out[i] = RankedPriority{Priority: p, Points: pts[p.E.ID]}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Points != b.Points {
			return a.Points > b.Points
		}
		if a.Net() != b.Net() {
			return a.Net() > b.Net()
		}
		return a.Title < b.Title
	})
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Points == out[i-1].Points && out[i].Net() == out[i-1].Net() {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out
}

// Totals is what actions ask for.
type Totals struct {
	Budget      float64
	StaffMonths float64
	Actions     int
}

// Resources compares what the plan's actions ask for with what it has.
type Resources struct {
	ByObjective map[string]Totals // objective id ("" for actions under no objective)
	Plan        Totals
	Budget      float64 // available
	StaffMonths float64 // available
}

// OverBudget reports whether the actions ask for more money than the plan has.
func (r Resources) OverBudget() bool { return r.Budget > 0 && r.Plan.Budget > r.Budget }

// OverStaff reports whether the actions ask for more staff time than the plan has.
func (r Resources) OverStaff() bool { return r.StaffMonths > 0 && r.Plan.StaffMonths > r.StaffMonths }

type resourcesMemo struct {
	gens [3]uint64
	r    Resources
}

// Resources totals the budget and staff months of every live action of the
// plan (cancelled ones aside), per objective and overall. The answer is kept
// until an action, a priority or the plan changes.
func (d *Document) Resources() Resources {
	gens := [3]uint64{d.gens[KindAction], d.gens[KindPriority], d.gens[KindPlan]}
	if d.res != nil && d.res.gens == gens {
		return d.res.r
	}
	r := d.resources()
	d.res = &resourcesMemo{gens: gens, r: r}
	return r
}

// ResourcesIn is Resources counting only the actions in scope (one
// workshop, one region); what the plan has available stays the plan's.
func (d *Document) ResourcesIn(s Scope) Resources {
	if s == (Scope{}) {
		return d.Resources()
	}
	return d.resourcesWhere(func(e *Entity) bool { return s.covers(d, e) })
}

func (d *Document) resources() Resources { return d.resourcesWhere(nil) }

func (d *Document) resourcesWhere(in func(e *Entity) bool) Resources {
	info := d.PlanInfo()
	r := Resources{ByObjective: map[string]Totals{}, Budget: info.BudgetAvailable, StaffMonths: info.StaffMonthsAvailable}
	for _, e := range d.kinds[KindAction] { // order does not matter for sums
		if e.Deleted() || e.Str("status") == "cancelled" || in != nil && !in(e) {
			continue
		}
		obj := ""
		if p := d.Get(KindPriority, e.Str("priority")); p != nil {
			if p.Deleted() {
				continue // the priority was dropped, and its actions with it
			}
			obj = p.Str("objective")
		}
		budget, staff := number(e, "budget"), number(e, "staff_months")
		t := r.ByObjective[obj]
		t.Budget += budget
		t.StaffMonths += staff
		t.Actions++
		r.ByObjective[obj] = t
		r.Plan.Budget += budget
		r.Plan.StaffMonths += staff
		r.Plan.Actions++
	}
	return r
}

// DateProblem says what is wrong with an action's dates, or "".
func (a Action) DateProblem() string {
	if a.Start != "" && a.Due != "" && a.Due < a.Start {
		return "the due date is before the start date"
	}
	return ""
}

// NoteID is the natural id of the notes of one step of a workshop, so that
// two laptops taking notes for the same step meet in one entity.
func NoteID(workshop, step string) string { return naturalID("note-", workshop+"|"+step) }

// Trace is the chain behind and ahead of a priority: the scan factors and
// SWOT items it answers, its actions, their deliverables, and the
// indicators of the priority and of its actions.
type Trace struct {
	Priority     Priority
	Factors      []ScanFactor
	SWOT         []SWOTItem
	Actions      []Action
	Deliverables []Deliverable
	Indicators   []Indicator
}

// TraceOf follows the links of the priority with the given id.
func (d *Document) TraceOf(id string) Trace {
	var t Trace
	for _, p := range d.Priorities("") {
		if p.E.ID == id {
			t.Priority = p
		}
	}
	factors := map[string]bool{}
	for _, s := range t.Priority.Sources {
		if e := d.Get(KindSWOT, s); e != nil && !e.Deleted() {
			it := SWOTItem{E: e, Quadrant: e.Str("quadrant"), Text: e.Str("text"), Factor: e.Str("factor")}
			t.SWOT = append(t.SWOT, it)
			if it.Factor != "" && !factors[it.Factor] {
				factors[it.Factor] = true
				if f := d.Get(KindScanFactor, it.Factor); f != nil && !f.Deleted() {
					t.Factors = append(t.Factors, ScanFactor{E: f, Category: f.Str("category"), Title: f.Str("title"),
						Impact: score(f, "impact"), Likelihood: score(f, "likelihood")})
				}
			}
		}
	}
	owners := map[string]bool{id: true}
	for _, a := range d.Actions("") {
		if a.Priority == id {
			t.Actions = append(t.Actions, a)
			owners[a.E.ID] = true
		}
	}
	for _, dl := range d.Deliverables("") {
		if owners[dl.Action] && dl.Action != id {
			t.Deliverables = append(t.Deliverables, dl)
		}
	}
	for _, in := range d.Indicators("") {
		if owners[in.Of] {
			t.Indicators = append(t.Indicators, in)
		}
	}
	return t
}

// SurveyScoreID is the natural id of one member's score of one theme in a
// workshop's survey, so that importing the survey again updates the scores
// instead of adding them twice.
func SurveyScoreID(workshop, member, theme string) string {
	return naturalID("score-", workshop+"|"+sameText(member)+"|"+sameText(theme))
}

// sameText is how names compare when people type them: letter case and
// spacing aside.
func sameText(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
