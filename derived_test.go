package stratplan_test

import (
	"fmt"
	"testing"

	"stratplan"
)

func TestAnalyseSurveyCommonAndRegional(t *testing.T) {
	var scores []stratplan.SurveyScore
	add := func(region, theme string, score float64) {
		scores = append(scores, stratplan.SurveyScore{Region: region, Theme: theme, Score: score, Member: "m"})
	}
	// "E-commerce" is first in four regions; "Sahel security" only in one.
	for _, r := range []string{"esa", "wca", "eur", "ap"} {
		add(r, "E-commerce", 5)
		add(r, "Data analytics", 4)
	}
	add("wca", "Sahel security", 5)
	add("wca", "sahel  security", 4) // the same theme, spelt differently
	add("amc", "E-commerce", 1)
	for i := 0; i < 6; i++ {
		add("amc", fmt.Sprintf("Theme %d", i), 3)
	}
	res := stratplan.AnalyseSurvey(scores, stratplan.DefaultSurveyThresholds)
	if !res.Common["E-commerce"] || !res.Common["Data analytics"] || res.Common["Sahel security"] {
		t.Fatalf("common = %v", res.Common)
	}
	if res.InTop["E-commerce"] != 4 {
		t.Fatalf("E-commerce in the top five of %d regions, want 4 (not in amc's, where it is last)", res.InTop["E-commerce"])
	}
	wca := res.ByRegion["wca"]
	if wca[0].Theme != "E-commerce" || wca[1].Theme != "Sahel security" || wca[1].Mean != 4.5 || wca[1].Responses != 2 {
		t.Fatalf("wca ranking = %+v", wca)
	}
	if wca[0].Rank != 1 || wca[1].Rank != 2 {
		t.Fatalf("ranks %d %d", wca[0].Rank, wca[1].Rank)
	}
	// amc's six themes all score 3: they share first place.
	amc := res.ByRegion["amc"]
	if amc[0].Rank != 1 || amc[5].Rank != 1 || amc[6].Theme != "E-commerce" || amc[6].Rank != 7 {
		t.Fatalf("ties: %+v", amc)
	}
	// Stricter thresholds: top one in five regions makes nothing common.
	strict := stratplan.AnalyseSurvey(scores, stratplan.SurveyThresholds{TopN: 1, MinRegions: 5})
	if len(strict.Common) != 0 {
		t.Fatalf("common with strict thresholds: %v", strict.Common)
	}
	// Overall, a strongly felt regional theme can lead: the mean decides.
	if res.Overall[0].Theme != "Sahel security" || res.Overall[1].Theme != "E-commerce" || res.Overall[1].Mean != 4.2 {
		t.Fatalf("overall = %+v", res.Overall[:2])
	}
}

func prio(id, title string, impact, effort int) stratplan.Priority {
	return stratplan.Priority{E: &stratplan.Entity{ID: id}, Title: title, Impact: impact, Effort: effort}
}

func TestRankPrioritiesByVotesThenImpactMinusEffort(t *testing.T) {
	ps := []stratplan.Priority{prio("a", "Single Window", 4, 4), prio("b", "Risk management", 5, 2), prio("c", "AEO", 3, 3), prio("d", "Training", 3, 3)}
	votes := []stratplan.Vote{{Target: "a", Voter: "p1", Points: 3}, {Target: "b", Voter: "p2", Points: 3}, {Target: "a", Voter: "p2", Points: 1}, {Target: "c", Voter: "p1", Points: 1}, {Target: "d", Voter: "p3", Points: 1}}
	got := stratplan.RankPriorities(ps, votes)
	order := []string{got[0].Title, got[1].Title, got[2].Title, got[3].Title}
	want := []string{"Single Window", "Risk management", "AEO", "Training"}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	if got[0].Points != 4 || got[1].Points != 3 {
		t.Fatalf("points %d %d", got[0].Points, got[1].Points)
	}
	// AEO and Training: same votes, same impact − effort: same rank.
	if got[2].Rank != 3 || got[3].Rank != 3 {
		t.Fatalf("tied ranks %d %d", got[2].Rank, got[3].Rank)
	}
	// Equal votes: impact − effort decides.
	tie := stratplan.RankPriorities([]stratplan.Priority{prio("x", "Low net", 2, 5), prio("y", "High net", 5, 1)},
		[]stratplan.Vote{{Target: "x", Points: 2}, {Target: "y", Points: 2}})
	if tie[0].Title != "High net" || tie[1].Rank != 2 {
		t.Fatalf("tie break: %+v", tie)
	}
	if r := stratplan.RemainingDots(5, "p1", votes, nil); r != 1 {
		t.Fatalf("remaining dots of p1 = %d, want 1", r)
	}
	if r := stratplan.RemainingDots(5, "p1", votes, func(t string) bool { return t == "a" }); r != 2 {
		t.Fatalf("remaining dots counting only a = %d, want 2", r)
	}
}

func TestResourcesAgainstWhatThePlanHas(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	d := stratplan.NewDocument("p")
	ed := d.Begin(ra)
	must(t, ed.Set("p", stratplan.KindPlan, stratplan.Set("budget_available", stratplan.Text("100000")), stratplan.Set("staff_months_available", stratplan.Text("12"))))
	must(t, ed.Set("so1", stratplan.KindObjective, stratplan.Set("code", stratplan.Text("SO1"))))
	must(t, ed.Set("pr1", stratplan.KindPriority, stratplan.Set("objective", stratplan.Text("so1"))))
	must(t, ed.Set("pr2", stratplan.KindPriority, stratplan.Set("title", stratplan.Text("no objective"))))
	action := func(id, prio, budget, staff, status string) {
		must(t, ed.Set(id, stratplan.KindAction, stratplan.Set("priority", stratplan.Text(prio)), stratplan.Set("budget", stratplan.Text(budget)),
			stratplan.Set("staff_months", stratplan.Text(staff)), stratplan.Set("status", stratplan.Text(status))))
	}
	action("a1", "pr1", "60000", "4.5", "planned")
	action("a2", "pr1", "50000.50", "3", "in_progress")
	action("a3", "pr2", "1000", "1", "done")
	action("a4", "pr1", "999999", "99", "cancelled")
	must(t, ed.Set("pr3", stratplan.KindPriority, stratplan.Set("objective", stratplan.Text("so1"))))
	action("a5", "pr3", "777777", "77", "planned")
	must(t, ed.Delete(stratplan.KindPriority, "pr3")) // a dropped priority's actions no longer count
	r := d.Resources()
	if got := r.ByObjective["so1"]; got.Budget != 110000.50 || got.StaffMonths != 7.5 || got.Actions != 2 {
		t.Fatalf("SO1 totals %+v", got)
	}
	if r.Plan.Budget != 111000.50 || r.Plan.StaffMonths != 8.5 || !r.OverBudget() || r.OverStaff() {
		t.Fatalf("plan totals %+v, over budget %v, over staff %v", r.Plan, r.OverBudget(), r.OverStaff())
	}
	if (stratplan.Action{Start: "2027-03-01", Due: "2027-02-01"}).DateProblem() == "" || (stratplan.Action{Start: "2027-03-01", Due: "2027-03-01"}).DateProblem() != "" {
		t.Fatal("date check")
	}
}

func TestVisionVotesAndTargetRevisions(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	d := stratplan.NewDocument("p")
	ed := d.Begin(ra)
	must(t, ed.Set("v1", stratplan.KindVision, stratplan.Set("text", stratplan.Text("A")), stratplan.Set("workshop", stratplan.Text("w"))))
	must(t, ed.Set("v2", stratplan.KindVision, stratplan.Set("text", stratplan.Text("B")), stratplan.Set("workshop", stratplan.Text("w"))))
	must(t, ed.AdoptVision("w", "v1"))
	must(t, ed.AdoptVision("w", "v2"))
	adopted := 0
	for _, v := range d.Visions("w") {
		if v.Adopted {
			adopted++
		}
	}
	if adopted != 1 || !d.Entity("v2").Value("adopted").Bool() {
		t.Fatalf("%d visions adopted", adopted)
	}
	must(t, ed.Set("p1", stratplan.KindParticipant, stratplan.Set("name", stratplan.Text("Awa")), stratplan.Set("workshop", stratplan.Text("w"))))
	must(t, ed.SetVote("w", "p1", "v1", 2))
	must(t, ed.SetVote("w", "p1", "v1", 3))
	if vs := d.Votes("w"); len(vs) != 1 || vs[0].Points != 3 {
		t.Fatalf("votes %+v: the same voter and target must be one vote", vs)
	}

	must(t, ed.Set("i1", stratplan.KindIndicator, stratplan.Set("workshop", stratplan.Text("w"))))
	must(t, ed.ReviseTarget("i1", "target", "48", "", "2026-09-14"))
	must(t, ed.ReviseTarget("i1", "target", "24", "Donor funding confirmed", "2026-10-01"))
	must(t, ed.ReviseTarget("i1", "target", "12", "Pilot first", "2026-11-01"))
	revs := d.TargetRevisions("i1")
	if len(revs) != 2 || revs[0].Old != "48" || revs[0].New != "24" || revs[1].Reason != "Pilot first" || d.Entity("i1").Str("target") != "12" {
		t.Fatalf("revisions %+v, target %q", revs, d.Entity("i1").Str("target"))
	}
}

func TestTraceFollowsTheChain(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	d := stratplan.NewDocument("p")
	ed := d.Begin(ra)
	must(t, ed.Set("f1", stratplan.KindScanFactor, stratplan.Set("title", stratplan.Text("AfCFTA"))))
	must(t, ed.Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Rules of origin")), stratplan.Set("factor", stratplan.Text("f1"))))
	must(t, ed.Set("pr", stratplan.KindPriority, stratplan.Set("title", stratplan.Text("Advance rulings")), stratplan.Set("sources", stratplan.Refs("s1"))))
	must(t, ed.Set("a1", stratplan.KindAction, stratplan.Set("priority", stratplan.Text("pr"))))
	must(t, ed.Set("d1", stratplan.KindDeliverable, stratplan.Set("action", stratplan.Text("a1"))))
	must(t, ed.Set("i1", stratplan.KindIndicator, stratplan.Set("of", stratplan.Text("pr"))))
	must(t, ed.Set("i2", stratplan.KindIndicator, stratplan.Set("of", stratplan.Text("a1"))))
	must(t, ed.Set("x", stratplan.KindAction, stratplan.Set("priority", stratplan.Text("other"))))
	tr := d.TraceOf("pr")
	if len(tr.Factors) != 1 || len(tr.SWOT) != 1 || len(tr.Actions) != 1 || len(tr.Deliverables) != 1 || len(tr.Indicators) != 2 {
		t.Fatalf("trace %+v", tr)
	}
}

func TestVotesOfDeletedParticipantsDoNotCount(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	d := stratplan.NewDocument("p")
	ed := d.Begin(ra)
	must(t, ed.Set("p1", stratplan.KindParticipant, stratplan.Set("name", stratplan.Text("A")), stratplan.Set("workshop", stratplan.Text("w"))))
	must(t, ed.Set("pr", stratplan.KindPriority, stratplan.Set("title", stratplan.Text("X")), stratplan.Set("workshop", stratplan.Text("w"))))
	must(t, ed.SetVote("w", "p1", "pr", 3))
	if stratplan.Points(d.Votes("w"))["pr"] != 3 {
		t.Fatal("the vote does not count")
	}
	must(t, ed.Delete(stratplan.KindParticipant, "p1"))
	if stratplan.Points(d.Votes("w"))["pr"] != 0 {
		t.Fatal("a deleted participant's dots still count")
	}
	must(t, ed.Restore(stratplan.KindParticipant, "p1"))
	if stratplan.Points(d.Votes("w"))["pr"] != 3 {
		t.Fatal("restoring the participant did not give the dots back")
	}
}
