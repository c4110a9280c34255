package ui

import (
	"fmt"
	"testing"

	"stratplan"
)

// items are what each step lists, made n at a time.
var items = map[string]func(ws string, i int) (id, kind string, ch []stratplan.Change){
	"workshop": func(ws string, i int) (string, string, []stratplan.Change) {
		return fmt.Sprintf("part-%05d", i), stratplan.KindParticipant, []stratplan.Change{stratplan.Set("name", stratplan.Text(fmt.Sprintf("Participant %d", i))), stratplan.Set("member", stratplan.Text("Ghana"))}
	},
	"survey": func(ws string, i int) (string, string, []stratplan.Change) {
		// One theme per answer: the list then holds as many rows as there
		// are items, as the other steps' lists do.
		m, th := fmt.Sprintf("m%d", i%200), fmt.Sprintf("Theme %d", i)
		return stratplan.SurveyScoreID(ws, m, th), stratplan.KindSurveyScore, []stratplan.Change{stratplan.Set("member", stratplan.Text(m)),
			stratplan.Set("region", stratplan.Text("region-wca")), stratplan.Set("theme", stratplan.Text(th)), stratplan.Set("score", stratplan.Int(i%5))}
	},
	"vision": func(ws string, i int) (string, string, []stratplan.Change) {
		return fmt.Sprintf("vis-%05d", i), stratplan.KindVision, []stratplan.Change{stratplan.Set("text", stratplan.Text(fmt.Sprintf("Vision %d", i)))}
	},
	"scan": func(ws string, i int) (string, string, []stratplan.Change) {
		return fmt.Sprintf("fac-%05d", i), stratplan.KindScanFactor, []stratplan.Change{stratplan.Set("title", stratplan.Text(fmt.Sprintf("Factor %d", i))),
			stratplan.Set("category", stratplan.Text("legal")), stratplan.Set("impact", stratplan.Int(1+i%5)), stratplan.Set("likelihood", stratplan.Int(1+i%5))}
	},
	"swot": func(ws string, i int) (string, string, []stratplan.Change) {
		return fmt.Sprintf("swot-%05d", i), stratplan.KindSWOT, []stratplan.Change{stratplan.Set("quadrant", stratplan.Text(stratplan.SWOTQuadrants[i%4])), stratplan.Set("text", stratplan.Text(fmt.Sprintf("Item %d", i)))}
	},
	"priorities": func(ws string, i int) (string, string, []stratplan.Change) {
		return fmt.Sprintf("prio-%05d", i), stratplan.KindPriority, []stratplan.Change{stratplan.Set("title", stratplan.Text(fmt.Sprintf("Priority %d", i))),
			stratplan.Set("impact", stratplan.Int(1+i%5)), stratplan.Set("effort", stratplan.Int(1+i%5))}
	},
	"actions": func(ws string, i int) (string, string, []stratplan.Change) {
		return fmt.Sprintf("act-%05d", i), stratplan.KindAction, []stratplan.Change{stratplan.Set("title", stratplan.Text(fmt.Sprintf("Action %d", i))),
			stratplan.Set("priority", stratplan.Text("prio-a")), stratplan.Set("budget", stratplan.Int(1000))}
	},
	"indicators": func(ws string, i int) (string, string, []stratplan.Change) {
		return fmt.Sprintf("ind-%05d", i), stratplan.KindIndicator, []stratplan.Change{stratplan.Set("name", stratplan.Text(fmt.Sprintf("Indicator %d", i))), stratplan.Set("of", stratplan.Text("prio-a"))}
	},
}

// BenchmarkBuildStep builds each step's view, drawn in the window, with 50
// and with 5,000 of the items it lists added to the example workshop.
// Lists and tables are virtualised, so the second should cost at most
// twice the first. It reports processor time per build as well
// (cpu-ns/op), which other work on the machine does not inflate.
func BenchmarkBuildStep(b *testing.B) {
	for i, st := range steps {
		make, ok := items[st.key]
		if !ok {
			continue // steps not built yet
		}
		for _, n := range []int{50, 5000} {
			b.Run(fmt.Sprintf("%s/%d", st.key, n), func(b *testing.B) {
				a := newExampleApp(b)
				ws := a.workshop
				if !a.edit(func(ed *stratplan.Edit) error {
					for k := range n {
						id, kind, ch := make(ws, k)
						if err := ed.Set(id, kind, append(ch, stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))...); err != nil {
							return err
						}
					}
					return nil
				}) {
					b.Fatal("could not add the items")
				}
				b.ResetTimer()
				cpu := cpuTime()
				for b.Loop() {
					a.views[i] = nil
					a.showStep(i)
				}
				// The processor time too: on a machine shared with other
				// work, the clock's ratios say more about the others.
				b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// BenchmarkOpenLargePlan opens a plan of the example plus 30,000 entities
// and shows its first step (the bar: under a second).
func BenchmarkOpenLargePlan(b *testing.B) {
	a := newExampleApp(b)
	ws := a.workshop
	kinds := []string{stratplan.KindSWOT, stratplan.KindParticipant, stratplan.KindPriority, stratplan.KindAction, stratplan.KindIndicator, stratplan.KindScanFactor}
	if !a.edit(func(ed *stratplan.Edit) error {
		for i := range 30000 {
			if err := ed.Set(fmt.Sprintf("big%05d", i), kinds[i%len(kinds)], stratplan.Set("text", stratplan.Text(fmt.Sprintf("Item %d", i))),
				stratplan.Set("title", stratplan.Text(fmt.Sprintf("Title %d", i))), stratplan.Set("name", stratplan.Text(fmt.Sprintf("Name %d", i))),
				stratplan.Set("quadrant", stratplan.Text("threat")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws))); err != nil {
				return err
			}
		}
		return nil
	}) {
		b.Fatal("could not fill the plan")
	}
	path := a.plan.Path()
	for b.Loop() {
		a.closePlan()
		a.openPath(path)
	}
}
