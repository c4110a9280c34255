package stratplan_test

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"stratplan"
)

// sixRegions is a plan with six regions, one workshop each, two
// objectives and one participant per workshop.
func sixRegions(t *testing.T, edit func(ed *stratplan.Edit) error) *stratplan.Document {
	return planDoc(t, func(ed *stratplan.Edit) error {
		for i, code := range []string{"AMC", "AP", "ESA", "EUR", "MENA", "WCA"} {
			r, w := "reg-"+code, "ws-"+code
			must(t, ed.Set(r, stratplan.KindRegion, txt("name", code), txt("code", code)))
			must(t, ed.Set(w, stratplan.KindWorkshop, txt("region", r), txt("date", fmt.Sprintf("2026-10-%02d", i+1))))
			must(t, ed.Set("voter-"+code, stratplan.KindParticipant, txt("name", "V"+code), txt("workshop", w)))
		}
		must(t, ed.Set("so1", stratplan.KindObjective, txt("code", "SO1"), txt("title", "Trade")))
		must(t, ed.Set("so2", stratplan.KindObjective, txt("code", "SO2"), txt("title", "Revenue")))
		return edit(ed)
	})
}

func addPriority(ed *stratplan.Edit, id, title, objective, region string, sameAs ...string) error {
	ch := []stratplan.Change{txt("title", title), txt("objective", objective), txt("workshop", "ws-"+region)}
	if len(sameAs) > 0 {
		ch = append(ch, txt("same_as", sameAs[0]))
	}
	return ed.Set(id, stratplan.KindPriority, ch...)
}

func vote(ed *stratplan.Edit, region, target string, points int) error {
	return ed.SetVote("ws-"+region, "voter-"+region, target, points)
}

func TestMatrixCommonAndRegionalWithLinkedPriorities(t *testing.T) {
	d := sixRegions(t, func(ed *stratplan.Edit) error {
		// E-commerce raised in three regions, linked in a chain (EUR → AP → WCA).
		must(t, addPriority(ed, "p-wca-ecom", "Risk management for e-commerce parcels", "so2", "WCA"))
		must(t, addPriority(ed, "p-ap-ecom", "E-commerce risk", "so2", "AP", "p-wca-ecom"))
		must(t, addPriority(ed, "p-eur-ecom", "Low-value parcels", "so2", "EUR", "p-ap-ecom"))
		must(t, addPriority(ed, "p-wca-origin", "Advance rulings on origin", "so1", "WCA"))
		must(t, addPriority(ed, "p-amc-sw", "Single Window", "so1", "AMC"))
		must(t, addPriority(ed, "p-esa-sw", "Single Window interconnection", "so1", "ESA", "p-amc-sw"))
		must(t, vote(ed, "WCA", "p-wca-ecom", 3))
		must(t, vote(ed, "AP", "p-ap-ecom", 2))
		must(t, vote(ed, "EUR", "p-eur-ecom", 4))
		must(t, vote(ed, "WCA", "p-wca-origin", 5))
		must(t, vote(ed, "AMC", "p-amc-sw", 1))
		must(t, vote(ed, "ESA", "p-esa-sw", 1))
		// EUR's participant also gives a dot to the AMC single window.
		return vote(ed, "EUR", "p-amc-sw", 2)
	})
	m := d.PriorityMatrix(3, stratplan.ByVotes)
	if len(m.Regions) != 6 || len(m.Groups) != 2 {
		t.Fatalf("%d columns, %d groups", len(m.Regions), len(m.Groups))
	}
	so1, so2 := m.Groups[0], m.Groups[1]
	if so2.Objective.Code != "SO2" || len(so2.Rows) != 1 {
		t.Fatalf("SO2: %+v", so2)
	}
	ecom := so2.Rows[0]
	if ecom.Priority.E.ID != "p-wca-ecom" || len(ecom.Members) != 3 {
		t.Fatalf("e-commerce row: representative %s, %d members", ecom.Priority.E.ID, len(ecom.Members))
	}
	if ecom.Votes != 9 || ecom.Regions != 3 || !ecom.Common {
		t.Fatalf("e-commerce row: %d votes, %d regions, common %v", ecom.Votes, ecom.Regions, ecom.Common)
	}
	col := map[string]int{}
	for i, r := range m.Regions {
		col[r.Code] = i
	}
	if c := ecom.Cells[col["EUR"]]; !c.Raised || c.Votes != 4 {
		t.Fatalf("EUR cell %+v", c)
	}
	if c := ecom.Cells[col["MENA"]]; c.Raised || c.Votes != 0 {
		t.Fatalf("MENA cell %+v", c)
	}
	// SO1 by votes: origin (5) before single window (4).
	if len(so1.Rows) != 2 || so1.Rows[0].Priority.E.ID != "p-wca-origin" || so1.Rows[1].Votes != 4 {
		t.Fatalf("SO1 rows by votes: %+v", so1.Rows)
	}
	sw := so1.Rows[1]
	if c := sw.Cells[col["EUR"]]; c.Raised || c.Votes != 2 {
		t.Fatalf("EUR voted for the single window without raising it: %+v", c)
	}
	if sw.Common || sw.Regions != 2 {
		t.Fatalf("single window in %d regions, common %v with M=3", sw.Regions, sw.Common)
	}
	if c, r := m.Common(); c != 1 || r != 2 {
		t.Fatalf("common %d, regional %d", c, r)
	}
	// By regions, the single window (two regions) comes first in SO1.
	if rows := d.PriorityMatrix(3, stratplan.ByRegions).Groups[0].Rows; rows[0].Priority.E.ID != "p-amc-sw" {
		t.Fatalf("SO1 by regions starts with %s", rows[0].Priority.Title)
	}
	// M = 2 makes the single window common too.
	if c, _ := d.PriorityMatrix(2, stratplan.ByVotes).Common(); c != 2 {
		t.Fatalf("common with M=2: %d", c)
	}
	// Unlinking restores separate rows, nothing deleted.
	ed := d.Begin(&stratplan.Author{Replica: "r2"})
	must(t, ed.Set("p-ap-ecom", stratplan.KindPriority, txt("same_as", "")))
	if rows := d.PriorityMatrix(3, stratplan.ByVotes).Groups[1].Rows; len(rows) != 2 {
		t.Fatalf("after unlinking AP: %d rows in SO2, want 2 (AP alone; WCA with nothing, EUR linked to AP)", len(rows))
	}
}

func TestMatrixLinksThatConflictOrLoopCountVotesOnce(t *testing.T) {
	d := sixRegions(t, func(ed *stratplan.Edit) error {
		must(t, addPriority(ed, "pa", "A", "so1", "AMC", "pb"))
		must(t, addPriority(ed, "pb", "B", "so1", "AP", "pa")) // a loop
		must(t, addPriority(ed, "pc", "C", "so1", "ESA"))
		must(t, addPriority(ed, "pd", "D", "so1", "EUR", "gone")) // a link to nothing
		must(t, vote(ed, "AMC", "pa", 2))
		must(t, vote(ed, "AP", "pb", 3))
		must(t, vote(ed, "ESA", "pc", 1))
		return vote(ed, "EUR", "pd", 1)
	})
	// Two laptops link C differently at the same time: a conflict on same_as.
	other := d.Clone()
	must(t, d.Begin(&stratplan.Author{Replica: "rx"}).Set("pc", stratplan.KindPriority, txt("same_as", "pa")))
	must(t, other.Begin(&stratplan.Author{Replica: "ry"}).Set("pc", stratplan.KindPriority, txt("same_as", "pd")))
	if _, err := d.Merge(other); err != nil {
		t.Fatal(err)
	}
	if !d.Get(stratplan.KindPriority, "pc").Field("same_as").Conflicted() {
		t.Fatal("same_as should be in conflict")
	}
	rows := d.PriorityMatrix(3, stratplan.ByVotes).Groups[0].Rows
	if len(rows) != 1 {
		t.Fatalf("%d rows: both values of a conflicting link join their priorities", len(rows))
	}
	if rows[0].Votes != 7 || rows[0].Regions != 4 || len(rows[0].Members) != 4 {
		t.Fatalf("row: %d votes, %d regions, %d members; want 7, 4, 4", rows[0].Votes, rows[0].Regions, len(rows[0].Members))
	}
	if rows[0].Priority.E.ID != "pa" {
		t.Fatalf("representative %s, want pa (created first)", rows[0].Priority.E.ID)
	}
}

// The matrix does not depend on the order bundles merged in: six regions'
// documents merged in any order give the same rows, representatives and
// sums.
func TestMatrixIsTheSameWhateverTheMergeOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	base := sixRegions(t, func(ed *stratplan.Edit) error { return nil })
	codes := []string{"AMC", "AP", "ESA", "EUR", "MENA", "WCA"}
	var regional []*stratplan.Document
	for i, code := range codes {
		d := base.Clone()
		wall := time.Date(2026, 10, 1+i, 9, 0, 0, 0, time.UTC)
		ed := d.Begin(&stratplan.Author{Replica: "r-" + code, Clock: stratplan.Clock{Wall: func() time.Time { return wall }}})
		for j := 0; j < 5; j++ {
			id := fmt.Sprintf("p-%s-%d", code, j)
			var link []string
			if j < 2 {
				link = []string{fmt.Sprintf("p-%s-%d", codes[(i+1)%6], j)}
			}
			must(t, addPriority(ed, id, fmt.Sprintf("Priority %d", j), []string{"so1", "so2"}[j%2], code, link...))
			must(t, vote(ed, code, id, 1+rng.Intn(4)))
		}
		regional = append(regional, d)
	}
	var want string
	for round := 0; round < 20; round++ {
		d := base.Clone()
		for _, k := range rng.Perm(6) {
			if _, err := d.Merge(regional[k]); err != nil {
				t.Fatal(err)
			}
		}
		got := fmt.Sprint(describeMatrix(d.PriorityMatrix(0, stratplan.ByVotes)))
		if round == 0 {
			want = got
		} else if got != want {
			t.Fatalf("merge order changed the matrix:\n%s\nvs\n%s", got, want)
		}
	}
}

func describeMatrix(m stratplan.Matrix) []string {
	var out []string
	for _, g := range m.Groups {
		for _, r := range g.Rows {
			out = append(out, fmt.Sprintf("%s %s votes=%d regions=%d common=%v %v", g.Objective.Code, r.Priority.E.ID, r.Votes, r.Regions, r.Common, r.Cells))
		}
	}
	return out
}

func TestCommonRegionsDefaultsToHalfTheRegions(t *testing.T) {
	d := sixRegions(t, func(ed *stratplan.Edit) error { return nil })
	if n := d.CommonRegions(); n != 3 {
		t.Fatalf("six regions: %d", n)
	}
	must(t, d.Begin(&stratplan.Author{Replica: "r2"}).Set("plan1", stratplan.KindPlan, txt("common_priority_regions", "4")))
	if n := d.CommonRegions(); n != 4 {
		t.Fatalf("set to 4: %d", n)
	}
}
