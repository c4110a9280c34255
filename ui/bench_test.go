package ui

import (
	"fmt"
	"testing"

	"stratplan"
)

// fill adds n items of the kind each step lists to the open workshop.
func fill(b *testing.B, a *App, n int) {
	b.Helper()
	ws := a.workshop
	w := stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws))
	if !a.edit(func(ed *stratplan.Edit) error {
		for i := range n {
			id := func(k string) string { return fmt.Sprintf("%s-%05d", k, i) }
			sets := []struct {
				id, kind string
				ch       []stratplan.Change
			}{
				{id("part"), stratplan.KindParticipant, []stratplan.Change{stratplan.Set("name", stratplan.Text(id("Participant"))), stratplan.Set("member", stratplan.Text("Ghana"))}},
				{id("swot"), stratplan.KindSWOT, []stratplan.Change{stratplan.Set("quadrant", stratplan.Text(stratplan.SWOTQuadrants[i%4])), stratplan.Set("text", stratplan.Text(id("Item")))}},
				{id("vis"), stratplan.KindVision, []stratplan.Change{stratplan.Set("text", stratplan.Text(id("Vision")))}},
				{id("fac"), stratplan.KindScanFactor, []stratplan.Change{stratplan.Set("title", stratplan.Text(id("Factor"))), stratplan.Set("category", stratplan.Text("legal")), stratplan.Set("impact", stratplan.Int(1+i%5)), stratplan.Set("likelihood", stratplan.Int(1+i%5))}},
				{id("prio"), stratplan.KindPriority, []stratplan.Change{stratplan.Set("title", stratplan.Text(id("Priority"))), stratplan.Set("impact", stratplan.Int(1+i%5)), stratplan.Set("effort", stratplan.Int(1+i%5))}},
				{id("act"), stratplan.KindAction, []stratplan.Change{stratplan.Set("title", stratplan.Text(id("Action"))), stratplan.Set("priority", stratplan.Text("prio-a")), stratplan.Set("budget", stratplan.Int(1000))}},
				{id("ind"), stratplan.KindIndicator, []stratplan.Change{stratplan.Set("name", stratplan.Text(id("Indicator"))), stratplan.Set("of", stratplan.Text("prio-a"))}},
				{stratplan.SurveyScoreID(ws, id("m"), id("theme")), stratplan.KindSurveyScore, []stratplan.Change{stratplan.Set("member", stratplan.Text(id("m"))), stratplan.Set("region", stratplan.Text("region-wca")), stratplan.Set("theme", stratplan.Text(id("theme"))), stratplan.Set("score", stratplan.Int(i%5))}},
			}
			for _, s := range sets {
				if err := ed.Set(s.id, s.kind, append(s.ch, w)...); err != nil {
					return err
				}
			}
		}
		return nil
	}) {
		b.Fatal("fill failed")
	}
}

// BenchmarkBuildStep builds each step's view, drawn in the window, on a
// workshop with 50 and with 5,000 more items of every kind. Lists and
// tables are virtualised, so the second should cost at most twice the first.
func BenchmarkBuildStep(b *testing.B) {
	for _, n := range []int{50, 5000} {
		a := newExampleApp(b)
		fill(b, a, n)
		for i, st := range steps {
			if i >= 8 {
				break // monitoring and review are not built yet
			}
			b.Run(fmt.Sprintf("%s/%d", st.key, n), func(b *testing.B) {
				for b.Loop() {
					a.views[i] = nil
					a.showStep(i)
				}
			})
		}
		a.jobs.Wait()
		a.closePlan()
	}
}
