package stratplan_test

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"stratplan"
)

// canon is the canonical bytes of a whole document, for equality.
func canon(d *stratplan.Document) string {
	var buf []byte
	for _, e := range d.Entities() {
		buf = stratplan.AppendEntityJSON(buf, e)
		buf = append(buf, '\n')
	}
	return string(buf)
}

func merged(a, b *stratplan.Document) *stratplan.Document {
	c := a.Clone()
	if _, err := c.Merge(b); err != nil {
		panic(err)
	}
	return c
}

// scenario plays random edits on a few replicas that exchange states now and
// then, and returns snapshots taken along the way, stale ones included.
func scenario(rng *rand.Rand) []*stratplan.Document {
	nrep := 2 + rng.Intn(3)
	docs := make([]*stratplan.Document, nrep)
	authors := make([]*stratplan.Author, nrep)
	base := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	for i := range docs {
		docs[i] = stratplan.NewDocument("plan1")
		wall := base.Add(time.Duration(rng.Intn(5000)) * time.Millisecond)
		authors[i] = &stratplan.Author{Replica: fmt.Sprintf("r%d", i)}
		authors[i].Clock.Wall = func() time.Time { return wall }
	}
	ids := []string{"a", "b", "c"}
	fields := []string{"text", "quadrant"}
	values := []string{"x", "y", "z"} // few values: concurrent writes of the same value happen
	var snaps []*stratplan.Document
	for step := 0; step < 4+rng.Intn(12); step++ {
		i := rng.Intn(nrep)
		switch op := rng.Intn(10); {
		case op < 5:
			ed := docs[i].Begin(authors[i])
			_ = ed.Set(ids[rng.Intn(len(ids))], "swot", stratplan.Set(fields[rng.Intn(2)], stratplan.Text(values[rng.Intn(3)])))
		case op == 5:
			ed := docs[i].Begin(authors[i])
			if rng.Intn(2) == 0 {
				_ = ed.Delete("swot", ids[rng.Intn(len(ids))])
			} else {
				_ = ed.Restore("swot", ids[rng.Intn(len(ids))])
			}
		case op < 8 && len(snaps) > 0:
			docs[i] = merged(docs[i], snaps[rng.Intn(len(snaps))]) // possibly stale
		default:
			docs[i] = merged(docs[i], docs[rng.Intn(nrep)])
		}
		snaps = append(snaps, docs[i].Clone())
	}
	return append(snaps, docs...)
}

const lawCases = 10000

func pick3(rng *rand.Rand) (a, b, c *stratplan.Document) {
	s := scenario(rng)
	return s[rng.Intn(len(s))], s[rng.Intn(len(s))], s[rng.Intn(len(s))]
}

func TestMergeIsCommutative(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < lawCases; n++ {
		a, b, _ := pick3(rng)
		if x, y := canon(merged(a, b)), canon(merged(b, a)); x != y {
			t.Fatalf("case %d: merge(a,b) != merge(b,a)\n%s\n---\n%s", n, x, y)
		}
	}
}

func TestMergeIsAssociative(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < lawCases; n++ {
		a, b, c := pick3(rng)
		if x, y := canon(merged(merged(a, b), c)), canon(merged(a, merged(b, c))); x != y {
			t.Fatalf("case %d: (a+b)+c != a+(b+c)\n%s\n---\n%s", n, x, y)
		}
	}
}

func TestMergeIsIdempotent(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < lawCases; n++ {
		a, b, _ := pick3(rng)
		ab := merged(a, b)
		if x, y := canon(merged(a, a)), canon(a); x != y {
			t.Fatalf("case %d: a+a != a", n)
		}
		// Merging something already merged in (a duplicate or stale copy)
		// changes nothing.
		st, _ := ab.Clone().Merge(b)
		if st.Changed() || canon(merged(ab, b)) != canon(ab) {
			t.Fatalf("case %d: (a+b)+b != a+b", n)
		}
	}
}

func TestMergeKeepsConcurrentWritesAndDropsSuperseded(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	rb := &stratplan.Author{Replica: "rb"}
	a := stratplan.NewDocument("p")
	must(t, a.Begin(ra).Set("s1", "swot", stratplan.Set("text", stratplan.Text("Modern risk engine"))))
	b := a.Clone()
	must(t, a.Begin(ra).Set("s1", "swot", stratplan.Set("text", stratplan.Text("Modern risk engine v2"))))
	must(t, b.Begin(rb).Set("s1", "swot", stratplan.Set("text", stratplan.Text("Risk-management engine"))))

	m := merged(a, b)
	f := m.Entity("s1").Field("text")
	if len(f.Vals) != 2 {
		t.Fatalf("concurrent writes: got %d values, want 2 (a conflict)", len(f.Vals))
	}
	cs := m.Conflicts()
	if len(cs) != 1 || cs[0].Field != "text" {
		t.Fatalf("conflicts = %+v, want one on text", cs)
	}
	// A write on the merged state settles it, and the settlement wins
	// against both stale sides.
	must(t, m.Begin(ra).Set("s1", "swot", stratplan.Set("text", stratplan.Text("Modern risk-management engine"))))
	for _, stale := range []*stratplan.Document{a, b} {
		again := merged(m, stale)
		if got := again.Entity("s1").Str("text"); got != "Modern risk-management engine" || len(again.Conflicts()) != 0 {
			t.Fatalf("stale state brought back an old value: %q, conflicts %d", got, len(again.Conflicts()))
		}
	}
}

func TestConcurrentWritesOfTheSameValueStillConflictByDot(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	rb := &stratplan.Author{Replica: "rb"}
	a, b := stratplan.NewDocument("p"), stratplan.NewDocument("p")
	must(t, a.Begin(ra).Set("s1", "swot", stratplan.Set("text", stratplan.Text("same"))))
	must(t, b.Begin(rb).Set("s1", "swot", stratplan.Set("text", stratplan.Text("same"))))
	m := merged(a, b)
	if got := m.Entity("s1").Str("text"); got != "same" {
		t.Fatalf("displayed %q", got)
	}
	if canon(m) != canon(merged(b, a)) {
		t.Fatal("not commutative for equal values")
	}
}

func TestDeletionConcurrentWithEditIsAConflictNotHidden(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	rb := &stratplan.Author{Replica: "rb"}
	a := stratplan.NewDocument("p")
	must(t, a.Begin(ra).Set("s1", "swot", stratplan.Set("text", stratplan.Text("Old IT")), stratplan.Set("quadrant", stratplan.Text("weakness"))))
	b := a.Clone()
	must(t, a.Begin(ra).Delete("swot", "s1"))
	if !a.Entity("s1").Deleted() {
		t.Fatal("deleted entity not deleted")
	}
	must(t, b.Begin(rb).Set("s1", "swot", stratplan.Set("text", stratplan.Text("Old IT systems"))))

	m := merged(a, b)
	e := m.Entity("s1")
	if e.Deleted() {
		t.Fatal("an entity edited concurrently with its deletion was hidden")
	}
	cs := m.Conflicts()
	if len(cs) != 1 || !cs[0].DeletionConflict() || cs[0].Vals[0].Dot.Replica != "ra" || cs[0].Vals[1].Dot.Replica != "rb" {
		t.Fatalf("want one deletion conflict (deleted in ra, edited in rb), got %+v", cs)
	}
	// Confirming the deletion settles it.
	must(t, m.Begin(ra).Delete("swot", "s1"))
	if !m.Entity("s1").Deleted() || len(m.Conflicts()) != 0 {
		t.Fatal("confirming the deletion did not settle the conflict")
	}
	// A deletion that had seen the edit is not a conflict.
	c := merged(a, b)
	must(t, c.Begin(rb).Restore("swot", "s1"))
	if c.Entity("s1").Deleted() || len(c.Conflicts()) != 0 {
		t.Fatal("restoring did not settle the conflict")
	}
}

func TestMergeRefusesOtherPlan(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	a, b := stratplan.NewDocument("p"), stratplan.NewDocument("q")
	must(t, a.Begin(ra).Set("x", "swot", stratplan.Set("text", stratplan.Text("t"))))
	before := canon(a)
	if _, err := a.Merge(b); err == nil {
		t.Fatal("merged two different plans")
	}
	if canon(a) != before {
		t.Fatal("a refused merge changed the document")
	}
}

func TestOneIDUnderTwoKindsIsTwoEntitiesInEitherOrder(t *testing.T) {
	ra, rb := &stratplan.Author{Replica: "ra"}, &stratplan.Author{Replica: "rb"}
	honest, forged := stratplan.NewDocument("p"), stratplan.NewDocument("p")
	must(t, honest.Begin(ra).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Modern risk engine")),
		stratplan.Set("quadrant", stratplan.Text("strength")), stratplan.Set("workshop", stratplan.Text("w"))))
	must(t, forged.Begin(rb).Set("s1", stratplan.KindNote, stratplan.Set("text", stratplan.Text("not a SWOT item"))))
	x, y := merged(honest, forged), merged(forged, honest)
	if canon(x) != canon(y) {
		t.Fatal("laptops that saw the two in different orders disagree")
	}
	if got := x.SWOT("w"); len(got) != 1 || got[0].Text != "Modern risk engine" {
		t.Fatalf("the SWOT item is hidden or overwritten by a note with its id: %+v", got)
	}
	if x.Get(stratplan.KindNote, "s1") == nil || x.Len() != 2 {
		t.Fatal("the note was dropped")
	}
	// Later edits of the honest item still merge everywhere.
	later := honest.Clone()
	must(t, later.Begin(ra).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Risk engine in 12 administrations"))))
	for _, d := range []*stratplan.Document{x, y} {
		if _, err := d.Merge(later); err != nil {
			t.Fatalf("the honest bundle is refused after the clash: %v", err)
		}
		if got := d.Get(stratplan.KindSWOT, "s1").Str("text"); got != "Risk engine in 12 administrations" {
			t.Fatalf("shows %q", got)
		}
	}
}

func TestEditRollbackRestoresDocumentAndCounter(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	d := stratplan.NewDocument("p")
	must(t, d.Begin(ra).Set("x", "swot", stratplan.Set("text", stratplan.Text("kept"))))
	before, counter := canon(d), ra.Counter
	ed := d.Begin(ra)
	must(t, ed.Set("x", "swot", stratplan.Set("text", stratplan.Text("lost"))))
	must(t, ed.Set("y", "swot", stratplan.Set("text", stratplan.Text("new"))))
	if len(ed.Changed()) != 2 {
		t.Fatalf("changed %d entities, want 2", len(ed.Changed()))
	}
	ed.Rollback()
	if canon(d) != before || ra.Counter != counter {
		t.Fatal("rollback left changes behind")
	}
}

func TestWritingTheShownValueWritesNothing(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	d := stratplan.NewDocument("p")
	must(t, d.Begin(ra).Set("x", "swot", stratplan.Set("text", stratplan.Text("same"))))
	ed := d.Begin(ra)
	must(t, ed.Set("x", "swot", stratplan.Set("text", stratplan.Text("same"))))
	if len(ed.Changed()) != 0 || ra.Counter != 1 {
		t.Fatal("an unchanged value cost a write")
	}
}

func TestDisplayedValueIsLatestThenLargerDot(t *testing.T) {
	f := stratplan.Field{
		Ctx: stratplan.Context{{Replica: "a", N: 3}, {Replica: "b", N: 9}},
		Vals: []stratplan.Val{
			{Dot: stratplan.Dot{Replica: "a", N: 3}, At: 200, V: stratplan.Text("late")},
			{Dot: stratplan.Dot{Replica: "b", N: 9}, At: 100, V: stratplan.Text("early")},
		},
	}
	if got := f.Value().String(); got != "late" {
		t.Fatalf("displayed %q, want the latest", got)
	}
	f.Vals[1].At = 200
	if got := f.Value().String(); got != "early" {
		t.Fatalf("tie: displayed %q, want the value of the larger dot", got)
	}
}

func TestClockNeverGoesBehindWhatItSaw(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := stratplan.Clock{Wall: func() time.Time { return now }}
	t1 := c.Now()
	if t2 := c.Now(); t2 <= t1 {
		t.Fatal("clock repeated a time")
	}
	c.Observe(stratplan.TimeOf(now.Add(time.Hour)))
	if t3 := c.Now(); t3 <= stratplan.TimeOf(now.Add(time.Hour)) {
		t.Fatal("clock went behind a time it saw")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestKindIndexFollowsEveryChange(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for n := 0; n < 500; n++ {
		for _, d := range scenario(rng) {
			want := 0
			for _, e := range d.Entities() {
				if e.Kind == "swot" && !e.Deleted() {
					want++
				}
			}
			if got := len(d.Live("swot", "")); got != want {
				t.Fatalf("case %d: Live lists %d SWOT items, the document has %d", n, got, want)
			}
		}
	}
}
