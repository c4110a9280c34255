package ui

import (
	"fmt"
	"testing"
	"time"

	"stratplan"
)

// fillRegions adds to the example plan six regions' workshops of perRegion
// priorities each, every one voted for once by a participant of its
// workshop; with oneWorkshop, the same priorities and votes are all in the
// example's workshop instead.
func fillRegions(b *testing.B, a *App, perRegion int, oneWorkshop bool) {
	b.Helper()
	regions := []string{"region-esa", "region-wca", "region-mena", "region-eur", "region-ap", "region-amc"}
	objectives := []string{"so1", "so2", "so3", "so4"}
	if !a.edit(func(ed *stratplan.Edit) error {
		for r, region := range regions {
			ws := fmt.Sprintf("bench-ws-%d", r)
			if oneWorkshop {
				ws = a.workshop
			} else if err := ed.Set(ws, stratplan.KindWorkshop, stratplan.Set("title", stratplan.Text(ws)), stratplan.Set("region", stratplan.Text(region))); err != nil {
				return err
			}
			voter := fmt.Sprintf("bench-voter-%d", r)
			if err := ed.Set(voter, stratplan.KindParticipant, stratplan.Set("name", stratplan.Text(voter)), stratplan.Set("workshop", stratplan.Text(ws))); err != nil {
				return err
			}
			for i := range perRegion {
				id := fmt.Sprintf("bench-p-%d-%04d", r, i)
				if err := ed.Set(id, stratplan.KindPriority, stratplan.Set("title", stratplan.Text(fmt.Sprintf("Priority %d of region %d on topic %d", i, r, i%37))),
					stratplan.Set("objective", stratplan.Text(objectives[i%4])), stratplan.Set("workshop", stratplan.Text(ws)),
					stratplan.Set("impact", stratplan.Int(1+i%5)), stratplan.Set("effort", stratplan.Int(1+(i/5)%5))); err != nil {
					return err
				}
				if err := ed.SetVote(ws, voter, id, 1+i%3); err != nil {
					return err
				}
			}
		}
		return nil
	}) {
		b.Fatal("could not fill the plan")
	}
}

// BenchmarkConsolidationVsPriorities builds the consolidation view (the
// priorities × regions matrix) of six regions × 500 priorities and 3,000
// votes, and the Priorities step holding the same 3,000 priorities and
// votes in one workshop. The bar: the consolidation view costs at most
// twice the Priorities step (the ratio metric).
func BenchmarkConsolidationVsPriorities(b *testing.B) {
	const perRegion = 500
	cons := newExampleApp(b)
	fillRegions(b, cons, perRegion, false)
	prio := newExampleApp(b)
	fillRegions(b, prio, perRegion, true)
	if n := len(cons.plan.Doc().Votes("")); n < 6*perRegion {
		b.Fatalf("%d votes", n)
	}
	c, p := pageIndex("consolidation"), 5
	var tc, tp time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		cons.views[c] = nil
		cons.showStep(c)
		tc += time.Since(start)
		start = time.Now()
		prio.views[p] = nil
		prio.showStep(p)
		tp += time.Since(start)
	}
	if v := cons.views[c].(*consolidationView); len(v.lines) < 6*perRegion {
		b.Fatalf("the matrix has %d lines", len(v.lines))
	}
	b.ReportMetric(float64(tc.Microseconds())/float64(b.N)/1000, "ms-consolidation/op")
	b.ReportMetric(float64(tp.Microseconds())/float64(b.N)/1000, "ms-priorities/op")
	b.ReportMetric(float64(tc)/float64(tp), "ratio")
}
