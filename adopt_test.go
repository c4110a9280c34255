package stratplan_test

import (
	"strings"
	"testing"
	"time"

	"stratplan"
)

// strayPlan is a plan a facilitator started by mistake: its own id, its own
// region and objectives, and one workshop run in full.
func strayPlan(t *testing.T) *stratplan.Document {
	t.Helper()
	d := stratplan.NewDocument("stray")
	wall := time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)
	ed := d.Begin(&stratplan.Author{Replica: "rstray", Clock: stratplan.Clock{Wall: func() time.Time { return wall }}})
	must(t, ed.Set("stray", stratplan.KindPlan, txt("title", "Nairobi workshop")))
	must(t, ed.Set("r1", stratplan.KindRegion, txt("code", "esa"), txt("name", "East and Southern Africa")))
	must(t, ed.Set("r2", stratplan.KindRegion, txt("code", "IO"), txt("name", "Indian Ocean")))
	must(t, ed.Set("o1", stratplan.KindObjective, txt("code", "SO1"), txt("title", "Trade facilitation and connectivity")))
	must(t, ed.Set("o2", stratplan.KindObjective, txt("code", "SO2"), txt("title", "Green customs")))
	must(t, ed.Set("w1", stratplan.KindWorkshop, txt("title", "ESA regional workshop"), txt("region", "r1")))
	must(t, ed.Set("pa", stratplan.KindParticipant, txt("name", "Wanjiru"), txt("workshop", "w1")))
	must(t, ed.Set(stratplan.SurveyScoreID("w1", "Kenya", "E-commerce"), stratplan.KindSurveyScore, txt("member", "Kenya"), txt("theme", "E-commerce"),
		txt("region", "r2"), txt("score", "4"), txt("workshop", "w1")))
	must(t, ed.Set("f1", stratplan.KindScanFactor, txt("title", "AfCFTA"), txt("category", "economic"), txt("workshop", "w1")))
	must(t, ed.Set("s1", stratplan.KindSWOT, txt("quadrant", "opportunity"), txt("text", "AfCFTA"), txt("factor", "f1"), txt("workshop", "w1")))
	must(t, ed.Set("p1", stratplan.KindPriority, txt("title", "One-stop border posts"), txt("objective", "o1"),
		stratplan.Set("sources", stratplan.Refs("s1")), txt("workshop", "w1")))
	must(t, ed.Set("p2", stratplan.KindPriority, txt("title", "Plastic waste smuggling"), txt("objective", "o2"), txt("workshop", "w1")))
	must(t, ed.SetVote("w1", "pa", "p1", 3))
	must(t, ed.Set("a1", stratplan.KindAction, txt("title", "Pilot at Namanga"), txt("priority", "p1")))
	must(t, ed.Set("d1", stratplan.KindDeliverable, txt("title", "Pilot report"), txt("action", "a1")))
	must(t, ed.Set("i1", stratplan.KindIndicator, txt("name", "Crossing time"), txt("of", "a1"), txt("baseline", "10"), txt("target", "4")))
	must(t, ed.Set(stratplan.MeasurementID("i1", "2027"), stratplan.KindMeasurement, txt("indicator", "i1"), txt("period", "2027"), txt("value", "8")))
	must(t, ed.Set(stratplan.NoteID("w1", "swot"), stratplan.KindNote, txt("step", "swot"), txt("text", "Long debate"), txt("workshop", "w1")))
	must(t, ed.Set("gone", stratplan.KindSWOT, txt("text", "deleted"), txt("workshop", "w1")))
	must(t, ed.Delete(stratplan.KindSWOT, "gone"))
	return d
}

// secretariatPlan is the plan the regions should have started from.
func secretariatPlan(t *testing.T) *stratplan.Document {
	return planDoc(t, func(ed *stratplan.Edit) error {
		must(t, ed.Set("esa", stratplan.KindRegion, txt("code", "ESA"), txt("name", "East & Southern Africa")))
		must(t, ed.Set("so1", stratplan.KindObjective, txt("code", "SO1"), txt("title", "Trade facilitation and connectivity")))
		return ed.Set("so2", stratplan.KindObjective, txt("code", "SO2"), txt("title", "Revenue"))
	})
}

func TestAdoptBringsWorkshopsInWithLinksKept(t *testing.T) {
	d, stray := secretariatPlan(t), strayPlan(t)
	before := d.Len()
	ad, err := d.Adopt(stray)
	must(t, err)
	if ad.FromTitle != "Nairobi workshop" || len(ad.Workshops) != 1 || ad.Counts[stratplan.KindPriority] != 2 ||
		ad.Counts[stratplan.KindVote] != 1 || ad.Counts[stratplan.KindMeasurement] != 1 || ad.Counts[stratplan.KindSWOT] != 1 {
		t.Fatalf("preview: %+v", ad.Counts)
	}
	// ESA is matched by code (case aside); the Indian Ocean is new. SO1 is
	// matched by title; "Green customs" is new, numbered after SO2.
	if len(ad.Regions) != 2 || ad.Regions[0].To != "esa" || ad.Regions[0].New || !ad.Regions[1].New {
		t.Fatalf("regions: %+v", ad.Regions)
	}
	if len(ad.Objectives) != 2 || ad.Objectives[0].To != "so1" || !ad.Objectives[1].New || ad.Objectives[1].Label != "SO3 Green customs" {
		t.Fatalf("objectives: %+v", ad.Objectives)
	}
	if d.Len() != before {
		t.Fatal("working out the adoption changed the plan")
	}
	ed := d.Begin(&stratplan.Author{Replica: "rhere"})
	must(t, ad.Apply(ed))
	if d.Plan() != "plan1" {
		t.Fatal("the plan's id changed")
	}
	if ws := d.Validate(); len(ws) != 0 {
		t.Fatalf("links broken after bringing the workshop in: %v", ws)
	}
	// Follow the links through the copies.
	ws := d.Workshops()
	if len(ws) != 1 || ws[0].Region != "esa" || ws[0].E.ID == "w1" {
		t.Fatalf("workshop: %+v", ws)
	}
	w := ws[0].E.ID
	prios := d.Priorities(w)
	if len(prios) != 2 || prios[0].Title != "One-stop border posts" || prios[0].Objective != "so1" {
		t.Fatalf("priorities: %+v", prios)
	}
	src := d.Get(stratplan.KindSWOT, prios[0].Sources[0])
	if src == nil || d.Get(stratplan.KindScanFactor, src.Str("factor")) == nil {
		t.Fatal("the priority's SWOT source or its scan factor is not linked")
	}
	votes := d.Votes(w)
	if len(votes) != 1 || votes[0].Points != 3 || votes[0].Target != prios[0].E.ID || votes[0].E.ID != stratplan.VoteID(votes[0].Voter, votes[0].Target) {
		t.Fatalf("votes: %+v", votes)
	}
	tr := d.TraceOf(prios[0].E.ID)
	if len(tr.Actions) != 1 || len(tr.Deliverables) != 1 || len(tr.Indicators) != 1 {
		t.Fatalf("trace: %d actions, %d deliverables, %d indicators", len(tr.Actions), len(tr.Deliverables), len(tr.Indicators))
	}
	in := tr.Indicators[0].E.ID
	if m := d.Measurements(in); len(m) != 1 || m[0].E.ID != stratplan.MeasurementID(in, "2027") || m[0].Value != "8" {
		t.Fatalf("measurements: %+v", m)
	}
	if n := d.Get(stratplan.KindNote, stratplan.NoteID(w, "swot")); n == nil || n.Str("text") != "Long debate" {
		t.Fatal("the SWOT notes did not come in under the workshop's new id")
	}
	if sc := d.SurveyScores(w); len(sc) != 1 || d.RegionName(sc[0].Region) != "Indian Ocean" {
		t.Fatalf("survey: %+v", sc)
	}
	for _, e := range d.Entities() {
		if e.Str("text") == "deleted" {
			t.Fatal("a deleted item was brought in")
		}
	}
	// Every copy is a write of this laptop's replica.
	for _, p := range prios {
		for _, v := range p.E.Field("title").Vals {
			if v.Dot.Replica != "rhere" {
				t.Fatalf("a copy carries the other plan's write %v", v.Dot)
			}
		}
	}

	// Bringing the same workshops in again writes nothing, even after an edit.
	edit(t, d, "rhere", func(ed *stratplan.Edit) error {
		return ed.Set(prios[0].E.ID, stratplan.KindPriority, txt("title", "One-stop border posts (OSBP)"))
	})
	again, err := d.Adopt(stray)
	must(t, err)
	if !again.Empty() || again.Already != ad.Total()-2 { // the region and the objective added are matched now
		t.Fatalf("second adoption: %d writes, %d already there (first wrote %d)", again.Total(), again.Already, ad.Total())
	}
}

func TestAdoptingTheSamePlanOnTwoLaptopsConverges(t *testing.T) {
	base, stray := secretariatPlan(t), strayPlan(t)
	x, y := base.Clone(), base.Clone()
	for _, c := range []struct {
		d *stratplan.Document
		r string
	}{{x, "rx"}, {y, "ry"}} {
		ad, err := c.d.Adopt(stray)
		must(t, err)
		edit(t, c.d, c.r, ad.Apply)
	}
	if _, err := x.Merge(y); err != nil {
		t.Fatal(err)
	}
	if n := len(x.Priorities("")); n != 2 {
		t.Fatalf("two laptops bringing the same workshop in give %d priorities, want 2", n)
	}
}

func TestAdoptRefusesTheSamePlanAndAnEmptyOne(t *testing.T) {
	d := secretariatPlan(t)
	if _, err := d.Adopt(d.Clone()); err == nil || !strings.Contains(err.Error(), "import it as it is") {
		t.Fatalf("adopting the plan itself: %v", err)
	}
	if _, err := d.Adopt(stratplan.NewDocument("other")); err == nil || !strings.Contains(err.Error(), "no workshop") {
		t.Fatalf("adopting an empty plan: %v", err)
	}
}

// A hostile (or simply odd) plan whose workshop links to ids that this
// plan has — an indicator, a priority — and not to entities of its own:
// bringing it in never attaches anything to this plan's entities.
func TestAdoptNeverLinksToThisPlansOwnEntities(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		must(t, ed.Set("so1", stratplan.KindObjective, txt("code", "SO1"), txt("title", "Trade")))
		must(t, ed.Set("ws-here", stratplan.KindWorkshop, txt("title", "Here")))
		must(t, ed.Set("pa-here", stratplan.KindParticipant, txt("name", "Ama"), txt("workshop", "ws-here")))
		must(t, ed.Set("prio-here", stratplan.KindPriority, txt("title", "Ours"), txt("objective", "so1"), txt("workshop", "ws-here")))
		must(t, ed.Set("act-here", stratplan.KindAction, txt("title", "Our action"), txt("priority", "prio-here")))
		return ed.Set("ind-here", stratplan.KindIndicator, txt("name", "Ours"), txt("of", "prio-here"), txt("baseline", "1"), txt("target", "2"))
	})
	other := stratplan.NewDocument("hostile")
	wall := time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)
	ed := other.Begin(&stratplan.Author{Replica: "rhostile", Clock: stratplan.Clock{Wall: func() time.Time { return wall }}})
	must(t, ed.Set("wx", stratplan.KindWorkshop, txt("title", "Elsewhere")))
	must(t, ed.Set(stratplan.MeasurementID("ind-here", "2027"), stratplan.KindMeasurement, txt("indicator", "ind-here"), txt("period", "2027"),
		txt("value", "99"), txt("workshop", "wx")))
	must(t, ed.Set("ax", stratplan.KindAction, txt("title", "Slipped in"), txt("priority", "prio-here"), txt("workshop", "wx")))
	must(t, ed.Set(stratplan.VoteID("pa-here", "prio-here"), stratplan.KindVote, txt("voter", "pa-here"), txt("target", "prio-here"),
		txt("dots", "5"), txt("workshop", "wx")))
	must(t, ed.Set("px", stratplan.KindPriority, txt("title", "Theirs"), txt("objective", "so1"), txt("workshop", "wx")))

	ad, err := d.Adopt(other)
	if err != nil {
		t.Fatal(err)
	}
	must(t, ad.Apply(d.Begin(&stratplan.Author{Replica: "rhere"})))
	if ms := d.Measurements("ind-here"); len(ms) != 0 {
		t.Fatalf("our indicator gained %d measurements from the other plan", len(ms))
	}
	if as := d.ActionsOf("prio-here"); len(as) != 1 {
		t.Fatalf("our priority has %d actions, want its own one", len(as))
	}
	for _, e := range d.Live(stratplan.KindVote, "") {
		if e.Str("target") == "prio-here" {
			t.Fatalf("a vote of the other plan counts for our priority: %v", e)
		}
	}
	// What is the other plan's own comes in, unlinked from ours.
	a := d.Get(stratplan.KindAction, stratplan.AdoptedID("hostile", stratplan.KindAction, "ax"))
	if a == nil || a.Str("title") != "Slipped in" || a.Str("priority") != "" {
		t.Fatalf("the other plan's action: %v", a)
	}
	p := d.Get(stratplan.KindPriority, stratplan.AdoptedID("hostile", stratplan.KindPriority, "px"))
	if p == nil || p.Str("objective") != "" {
		t.Fatalf("the other plan's priority, under an objective it does not have: %v", p)
	}
}
