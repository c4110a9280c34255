package ui

import (
	"strings"
	"testing"

	"stratplan"
	"stratplan/internal/gen"
)

// withTwoRegions merges the work of two regions' workshops (East &
// Southern Africa, West & Central Africa) into the example plan, as the
// Secretariat does with their bundles.
func withTwoRegions(t *testing.T, a *App) {
	t.Helper()
	p := gen.Make(gen.Options{Seed: 7, Regions: 2, PerRegion: 300, Shared: 10, PlanID: a.plan.Doc().Plan()})
	for _, r := range p.Regions {
		if _, err := a.plan.Merge(r); err != nil {
			t.Fatal(err)
		}
	}
	a.refresh()
}

// chooseAll picks "All workshops" in the window's workshop choice.
func chooseAll(t *testing.T, a *App) {
	t.Helper()
	if a.wsSelect.Options[0] != "All workshops" {
		t.Fatalf("the workshop choice starts with %q", a.wsSelect.Options[0])
	}
	a.wsSelect.SetSelectedIndex(0)
}

// chooseWorkshop picks one workshop by its title in the window's choice.
func chooseWorkshop(t *testing.T, a *App, title string) {
	t.Helper()
	for i, o := range a.wsSelect.Options {
		if strings.HasPrefix(o, title) {
			a.wsSelect.SetSelectedIndex(i)
			return
		}
	}
	t.Fatalf("no workshop %q among %q", title, a.wsSelect.Options)
}

// swotRows is what the SWOT quadrants show, every row.
func swotRows(s *swotStep) []string {
	var out []string
	for _, q := range s.quads {
		for _, it := range q.items {
			out = append(out, s.a.tagged(it.E, it.Text))
		}
	}
	return out
}

func countPrefix(rows []string, prefix string) int {
	n := 0
	for _, r := range rows {
		if strings.HasPrefix(r, prefix) {
			n++
		}
	}
	return n
}

func TestAllWorkshopsShowsEveryRegionAndAddingWaitsForOne(t *testing.T) {
	a := newExampleApp(t)
	withTwoRegions(t, a)
	s := swotOf(t, a)
	chooseAll(t, a)

	// Both regions' items, each row saying where it comes from (ESA-1,
	// ESA-2 in the order of their dates when a region has two): the
	// example's Abidjan workshop and the merged one share WCA.
	rows := swotRows(s)
	if countPrefix(rows, "ESA-1 · ") == 0 || countPrefix(rows, "WCA-1 · ") == 0 || countPrefix(rows, "WCA-2 · ") == 0 {
		t.Fatalf("All workshops does not show items of both regions' workshops: %d rows, e.g. %q", len(rows), rows[:min(4, len(rows))])
	}
	if n := s.quads[0].list.Length(); n != len(s.quads[0].items) || n == 0 {
		t.Fatalf("the Strengths list shows %d rows of %d items", n, len(s.quads[0].items))
	}
	for _, q := range s.quads {
		if !q.entry.Disabled() || q.entry.PlaceHolder != "Choose a workshop to add" {
			t.Fatalf("quick-add in All workshops: disabled %v, hint %q", q.entry.Disabled(), q.entry.PlaceHolder)
		}
	}

	// One region: only its workshops, and All workshops stays chosen.
	a.regionSel.Select.SetSelected("East & Southern Africa")
	if a.wsSelect.Selected != "All workshops" {
		t.Fatalf("choosing a region left %q chosen", a.wsSelect.Selected)
	}
	rows = swotRows(s)
	if len(rows) == 0 || countPrefix(rows, "ESA") != len(rows) {
		t.Fatalf("East & Southern Africa shows rows of other regions: %q", rows[:min(4, len(rows))])
	}
	// Moving between steps keeps it.
	p := stepOf[*prioritiesStep](t, a, 5)
	if a.wsSelect.Selected != "All workshops" || len(p.ranked) == 0 {
		t.Fatalf("Priorities: %q chosen, %d priorities", a.wsSelect.Selected, len(p.ranked))
	}
	for _, r := range p.ranked {
		if a.plan.Doc().RegionOf(r.E) != "region-esa" {
			t.Fatalf("priority %q of another region in East & Southern Africa", r.Title)
		}
	}
	if !p.title.Disabled() || !p.dots.Disabled() {
		t.Fatal("adding a priority or setting dots is possible with all workshops")
	}

	// One workshop: adding is back, and lands in that workshop.
	s = swotOf(t, a)
	chooseWorkshop(t, a, "East & Southern Africa regional workshop · 2026-09")
	strengths := s.quads[0]
	if strengths.entry.Disabled() {
		t.Fatal("quick-add stays off after choosing one workshop")
	}
	typeEnter(&strengths.entry.Entry, "Single window live in three members")
	added := strengths.items[len(strengths.items)-1]
	if added.Text != "Single window live in three members" || added.E.Str(stratplan.FieldWorkshop) != "ws-esa" {
		t.Fatalf("added %q to workshop %q, want ws-esa", added.Text, added.E.Str(stratplan.FieldWorkshop))
	}
	if strings.Contains(swotRows(s)[0], " · ") {
		t.Fatal("rows name their workshop when one workshop is shown")
	}
}

func TestEditsWithAllWorkshopsStayInTheirWorkshop(t *testing.T) {
	a := newExampleApp(t)
	withTwoRegions(t, a)
	s := swotOf(t, a)
	chooseAll(t, a)
	// Move an East & Southern Africa strength to the threats with the key 4.
	q := s.quads[0]
	row := -1
	for i, it := range q.items {
		if a.plan.Doc().WorkshopOf(it.E) == "ws-esa" {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatal("no East & Southern Africa strength shown")
	}
	id := q.items[row].E.ID
	q.list.pick(row)
	q.list.OnRune(row, '4')
	e := a.plan.Doc().Get(stratplan.KindSWOT, id)
	if e.Str("quadrant") != "threat" || e.Str(stratplan.FieldWorkshop) != "ws-esa" {
		t.Fatalf("after the move: quadrant %q, workshop %q", e.Str("quadrant"), e.Str(stratplan.FieldWorkshop))
	}
	found := false
	for _, it := range s.quads[3].items {
		found = found || it.E.ID == id
	}
	if !found {
		t.Fatal("the moved item is not shown among the threats")
	}

	// Impact typed on a West & Central Africa priority in the Priorities table.
	p := stepOf[*prioritiesStep](t, a, 5)
	row = -1
	for i, r := range p.ranked {
		if a.plan.Doc().WorkshopOf(r.E) == "ws-wca" {
			row = i
			break
		}
	}
	id = p.ranked[row].E.ID
	want := p.ranked[row].Impact%5 + 1
	p.table.OnRune(row, rune('0'+want))
	e = a.plan.Doc().Get(stratplan.KindPriority, id)
	if n, _ := e.Value("impact").Int(); n != want || e.Str(stratplan.FieldWorkshop) != "ws-wca" {
		t.Fatalf("after typing the impact: %d (want %d), workshop %q", n, want, e.Str(stratplan.FieldWorkshop))
	}
	// Voting is per workshop: with all of them it says to choose one.
	before := len(a.plan.Doc().Votes(""))
	p.voters.give(id, +1)
	if len(a.plan.Doc().Votes("")) != before || !strings.Contains(a.status.Text, "choose it at the top") {
		t.Fatalf("a vote with all workshops: status %q", a.status.Text)
	}
}

func TestRankingWithAllWorkshopsSumsTheirVotes(t *testing.T) {
	a := newExampleApp(t)
	withTwoRegions(t, a)
	// A priority of the Nairobi workshop that people of both East & Southern
	// Africa workshops voted for.
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		if err := ed.Set("prio-shared", stratplan.KindPriority, stratplan.Set("title", stratplan.Text("Shared risk engine")),
			stratplan.Set(stratplan.FieldWorkshop, stratplan.Text("ws-esa-nairobi"))); err != nil {
			return err
		}
		if err := ed.Set("part-nairobi", stratplan.KindParticipant, stratplan.Set("name", stratplan.Text("Amani")),
			stratplan.Set(stratplan.FieldWorkshop, stratplan.Text("ws-esa-nairobi"))); err != nil {
			return err
		}
		if err := ed.SetVote("ws-esa-nairobi", "part-nairobi", "prio-shared", 2); err != nil {
			return err
		}
		return ed.SetVote("ws-esa", "part-esa-00000", "prio-shared", 3)
	})
	p := stepOf[*prioritiesStep](t, a, 5)
	votes := func() string {
		for row, r := range p.ranked {
			if r.E.ID == "prio-shared" {
				return p.table.cell(row, 1)
			}
		}
		t.Fatal("the priority is not shown")
		return ""
	}
	a.regionSel.Select.SetSelected("East & Southern Africa")
	chooseWorkshop(t, a, "East & Southern Africa regional workshop · 2026-10")
	if got := votes(); got != "2" {
		t.Fatalf("the Nairobi workshop alone shows %q votes, want its own 2", got)
	}
	chooseAll(t, a)
	if got := votes(); got != "5" {
		t.Fatalf("all East & Southern Africa workshops show %q votes, want 2 + 3", got)
	}
}
