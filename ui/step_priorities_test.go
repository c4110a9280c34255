package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"stratplan"
)

// rowIDs is the priorities in the order the table shows them.
func rowIDs(s *prioritiesStep) []string {
	ids := make([]string, len(s.ranked))
	for i, p := range s.ranked {
		ids[i] = p.E.ID
	}
	return ids
}

func TestVotingInThePrioritiesTableKeepsTheRowsInPlace(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*prioritiesStep](t, a, 5)
	if len(s.ranked) < 4 {
		t.Fatalf("the example has %d priorities", len(s.ranked))
	}
	chooseVoterWithDots(t, s)
	a.openProjectorWindow()
	a.win.Canvas().Focus(s.table.keyTable)
	last := len(s.ranked) - 1
	press(s.table.keyTable, fyne.KeyEnd)
	before := rowIDs(s)
	id := before[last]
	for range s.voters.left[s.voters.voter()] {
		s.table.TypedRune('+')
	}
	s.table.TypedRune('5') // impact, in the # column
	if s.place[id] == last {
		t.Fatal("the votes given should have moved the priority up the ranking")
	}
	after := rowIDs(s)
	for i := range before {
		if before[i] != after[i] {
			t.Fatalf("voting re-sorted the rows under the cursor: row %d was %s, now %s", i, before[i], after[i])
		}
	}
	if s.table.selected.Row != last {
		t.Errorf("the cursor moved to row %d with the votes", s.table.selected.Row)
	}
	if got, want := s.table.cell(last, 0), strconv.Itoa(s.place[id]+1); got != want {
		t.Errorf("the # of the voted row shows %s, its rank is %s", got, want)
	}
	if p := a.plan.Doc().Get(stratplan.KindPriority, id); p.Str("impact") != "5" {
		t.Errorf("the impact landed elsewhere: %q", p.Str("impact"))
	}
	// The projector shows the ranking as it stands.
	if shown, want := shownJoinedIn(a.present.win, a.present.body), fmt.Sprintf("%d. %s", s.place[id]+1, s.a.tagged(s.live[s.place[id]].E, s.live[s.place[id]].Title)); !strings.Contains(shown, want) {
		t.Errorf("the projector does not show %q: %s", want, shown)
	}
	// ↓ and ↑ go to the rows seen below and above.
	press(s.table.keyTable, fyne.KeyUp)
	if got := s.ranked[s.table.selected.Row].E.ID; got != before[last-1] {
		t.Errorf("↑ went to %s, not to the row above %s", got, before[last-1])
	}
	press(s.table.keyTable, fyne.KeyDown)
	// R puts the rows in rank order; the cursor stays on its priority.
	s.table.TypedRune('r')
	if got := rowIDs(s); got[s.place[id]] != id || s.table.selected.Row != s.place[id] {
		t.Fatalf("after R the voted priority is on row %d (cursor %d), its rank is %d", indexOf(got, id), s.table.selected.Row, s.place[id]+1)
	}
	for i, p := range s.ranked {
		if p.E.ID != s.live[i].E.ID {
			t.Fatalf("after R row %d is %q, rank %d is %q", i, p.Title, i+1, s.live[i].Title)
		}
	}
}

func TestLeavingThePrioritiesTableRanksItsRows(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*prioritiesStep](t, a, 5)
	chooseVoterWithDots(t, s)
	a.win.Canvas().Focus(s.table.keyTable)
	press(s.table.keyTable, fyne.KeyEnd)
	last := len(s.ranked) - 1
	id := s.ranked[last].E.ID
	for range s.voters.left[s.voters.voter()] {
		s.table.TypedRune('+')
	}
	if s.ranked[last].E.ID != id {
		t.Fatal("the rows moved while voting")
	}
	a.win.Canvas().Focus(s.title) // Tab away, or a click elsewhere
	if s.ranked[s.place[id]].E.ID != id || s.place[id] == last {
		t.Errorf("leaving the table left the voted priority on row %d, its rank is %d", indexOf(rowIDs(s), id)+1, s.place[id]+1)
	}
	if s.selected != s.place[id] {
		t.Errorf("the selection did not follow the priority: row %d", s.selected)
	}
}

// chooseVoterWithDots chooses the participant with the most dots left.
func chooseVoterWithDots(t *testing.T, s *prioritiesStep) {
	t.Helper()
	best, most := -1, 0
	for i, p := range s.voters.people {
		if s.voters.left[p.E.ID] > most {
			best, most = i, s.voters.left[p.E.ID]
		}
	}
	if best < 0 {
		t.Fatal("nobody has dots left")
	}
	s.voters.sel.Select.SetSelectedIndex(best)
}
