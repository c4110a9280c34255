package stratplan_test

import (
	"testing"

	"stratplan"
)

// scopedPlan has two regions: A with two workshops, B with one.
func scopedPlan(t *testing.T) *stratplan.Document {
	return planDoc(t, func(ed *stratplan.Edit) error {
		for _, e := range []struct {
			id, kind string
			ch       []stratplan.Change
		}{
			{"reg-a", stratplan.KindRegion, []stratplan.Change{txt("name", "A"), txt("code", "A")}},
			{"reg-b", stratplan.KindRegion, []stratplan.Change{txt("name", "B"), txt("code", "B")}},
			{"ws-a1", stratplan.KindWorkshop, []stratplan.Change{txt("region", "reg-a"), txt("date", "2026-01-01")}},
			{"ws-a2", stratplan.KindWorkshop, []stratplan.Change{txt("region", "reg-a"), txt("date", "2026-02-01")}},
			{"ws-b", stratplan.KindWorkshop, []stratplan.Change{txt("region", "reg-b"), txt("date", "2026-03-01")}},
			{"s-a1", stratplan.KindSWOT, []stratplan.Change{txt("text", "a1"), txt("quadrant", "strength"), txt("workshop", "ws-a1")}},
			{"s-a2", stratplan.KindSWOT, []stratplan.Change{txt("text", "a2"), txt("quadrant", "threat"), txt("workshop", "ws-a2")}},
			{"s-b", stratplan.KindSWOT, []stratplan.Change{txt("text", "b"), txt("quadrant", "strength"), txt("workshop", "ws-b")}},
			{"p-a", stratplan.KindPriority, []stratplan.Change{txt("title", "PA"), txt("workshop", "ws-a1")}},
			{"p-b", stratplan.KindPriority, []stratplan.Change{txt("title", "PB"), txt("workshop", "ws-b")}},
			// An action with no workshop of its own belongs to its priority's.
			{"act-b", stratplan.KindAction, []stratplan.Change{txt("title", "AB"), txt("priority", "p-b")}},
			{"v-a1", stratplan.KindParticipant, []stratplan.Change{txt("name", "Ana"), txt("workshop", "ws-a1")}},
			{"v-a2", stratplan.KindParticipant, []stratplan.Change{txt("name", "Abe"), txt("workshop", "ws-a2")}},
			{"v-b", stratplan.KindParticipant, []stratplan.Change{txt("name", "Bo"), txt("workshop", "ws-b")}},
		} {
			if err := ed.Set(e.id, e.kind, e.ch...); err != nil {
				return err
			}
		}
		for _, v := range []struct {
			ws, voter, target string
			n                 int
		}{{"ws-a1", "v-a1", "p-a", 1}, {"ws-a2", "v-a2", "p-a", 1}, {"ws-b", "v-b", "p-b", 3}} {
			if err := ed.SetVote(v.ws, v.voter, v.target, v.n); err != nil {
				return err
			}
		}
		return nil
	})
}

func ids(es []*stratplan.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestInScopeOneWorkshopOneRegionOrAll(t *testing.T) {
	d := scopedPlan(t)
	for _, c := range []struct {
		name  string
		scope stratplan.Scope
		swot  []string
		acts  []string
		wss   int
	}{
		{"whole plan", stratplan.Scope{}, []string{"s-a1", "s-a2", "s-b"}, []string{"act-b"}, 3},
		{"region A", stratplan.Scope{Region: "reg-a"}, []string{"s-a1", "s-a2"}, nil, 2},
		{"region B", stratplan.Scope{Region: "reg-b"}, []string{"s-b"}, []string{"act-b"}, 1},
		{"one workshop", stratplan.Scope{Workshop: "ws-a2"}, []string{"s-a2"}, nil, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ids(d.InScope(stratplan.KindSWOT, c.scope)); !equal(got, c.swot) {
				t.Errorf("SWOT items %v, want %v", got, c.swot)
			}
			var acts []string
			for _, a := range d.ActionsIn(c.scope) {
				acts = append(acts, a.E.ID)
			}
			if !equal(acts, c.acts) {
				t.Errorf("actions %v, want %v", acts, c.acts)
			}
			if n := len(d.WorkshopsIn(c.scope)); n != c.wss {
				t.Errorf("%d workshops, want %d", n, c.wss)
			}
		})
	}
}

func TestRankingInScopeSumsTheVotesOfItsWorkshops(t *testing.T) {
	d := scopedPlan(t)
	rank := func(s stratplan.Scope) map[string]int {
		out := map[string]int{}
		for _, p := range stratplan.RankPriorities(d.PrioritiesIn(s), d.VotesIn(s)) {
			out[p.Title] = p.Points
		}
		return out
	}
	if got := rank(stratplan.Scope{Workshop: "ws-a1"}); got["PA"] != 1 || len(got) != 1 {
		t.Fatalf("one workshop: %v, want PA 1", got)
	}
	if got := rank(stratplan.Scope{Region: "reg-a"}); got["PA"] != 2 || len(got) != 1 {
		t.Fatalf("region A: %v, want PA with the votes of both its workshops (2)", got)
	}
	if got := rank(stratplan.Scope{}); got["PA"] != 2 || got["PB"] != 3 {
		t.Fatalf("whole plan: %v, want PA 2, PB 3", got)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
