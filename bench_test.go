package stratplan_test

import (
	"fmt"
	"testing"

	"stratplan"
)

// docOf builds a plan of n SWOT items written by one replica, with every
// k-th item also edited by a second replica.
func docOf(n int, replica string) *stratplan.Document {
	d := stratplan.NewDocument("plan")
	a := &stratplan.Author{Replica: replica}
	ed := d.Begin(a)
	for i := 0; i < n; i++ {
		_ = ed.Set(fmt.Sprintf("e%05d", i), stratplan.KindSWOT,
			stratplan.Set("quadrant", stratplan.Text("strength")),
			stratplan.Set("text", stratplan.Text(fmt.Sprintf("item %d written by %s", i, replica))),
			stratplan.Set(stratplan.FieldWorkshop, stratplan.Text("ws1")))
	}
	return d
}

// BenchmarkMerge5000 merges two 5,000-entity documents that edited the same
// entities concurrently (every field becomes a conflict: the worst case).
func BenchmarkMerge5000(b *testing.B) {
	x, y := docOf(5000, "ra"), docOf(5000, "rb")
	for b.Loop() {
		c := x.Clone()
		if _, err := c.Merge(y); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMerge5000Disjoint merges two 5,000-entity documents with no
// entity in common.
func BenchmarkMerge5000Disjoint(b *testing.B) {
	x := docOf(5000, "ra")
	y := stratplan.NewDocument("plan")
	a := &stratplan.Author{Replica: "rb"}
	ed := y.Begin(a)
	for i := 0; i < 5000; i++ {
		_ = ed.Set(fmt.Sprintf("f%05d", i), stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("x")))
	}
	for b.Loop() {
		c := x.Clone()
		if _, err := c.Merge(y); err != nil {
			b.Fatal(err)
		}
	}
}
