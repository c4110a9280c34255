package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"stratplan"
	"stratplan/store"
)

// now is the time the monitoring commands judge progress at.
var now = time.Now

func runStatus(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "list every indicator and the totals as JSON")
	region := fs.String("region", "", "only what this region's workshops produced (code or name)")
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &usageError{msg: "usage: stratplan status FILE [--json] [--region CODE]"}
	}
	s, err := store.Open(pos[0], &store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	doc := s.Doc()
	var scope stratplan.Scope
	if *region != "" {
		r, ok := doc.FindRegion(*region)
		if !ok {
			return fmt.Errorf("%s: no region %q in this plan: use one of %s", pos[0], *region, doc.RegionCodes())
		}
		scope.Region = r.E.ID
	}
	m := doc.Monitoring(now(), scope)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(statusJSON(doc, m, *region))
	}
	printStatus(stdout, doc, m, *region)
	return nil
}

func printStatus(w io.Writer, doc *stratplan.Document, m stratplan.Monitoring, region string) {
	title := doc.PlanInfo().Title
	if title == "" {
		title = doc.Plan()
	}
	fmt.Fprintf(w, "%s — monitoring on %s", title, m.Now.Format("2006-01-02"))
	if region != "" {
		fmt.Fprintf(w, ", region %s", region)
	}
	fmt.Fprintf(w, "\n(on track from %d%% of the progress the time elapsed calls for, at risk from %d%%)\n\n", m.Thresholds.OnTrack, m.Thresholds.AtRisk)
	line := func(name string, r stratplan.Rollup) {
		done, total := r.ActionsDone()
		dd, dt := r.DeliverablesDone()
		fmt.Fprintf(w, "%s\n  actions done %d/%d, deliverables delivered %d/%d\n  indicators: %d on track, %d at risk, %d off track, %d no data\n",
			name, done, total, dd, dt, r.IndicatorCount(stratplan.StatusOnTrack), r.IndicatorCount(stratplan.StatusAtRisk),
			r.IndicatorCount(stratplan.StatusOffTrack), r.IndicatorCount(stratplan.StatusNoData))
	}
	for _, o := range m.Objectives {
		name := "Under no objective"
		if o.Objective.E != nil {
			name = strings.TrimSpace(o.Objective.Code + " " + o.Objective.Title)
		}
		line(name, o.Rollup)
	}
	line("Whole plan", m.Total)
}

type indicatorJSON struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Of           string   `json:"of"`
	Objective    string   `json:"objective"`
	Qualitative  bool     `json:"qualitative"`
	Direction    string   `json:"direction"`
	Unit         string   `json:"unit"`
	Baseline     string   `json:"baseline"`
	Target       string   `json:"target"`
	LatestPeriod string   `json:"latest_period"`
	LatestValue  string   `json:"latest_value"`
	Progress     *float64 `json:"progress_percent"`
	Status       string   `json:"status"`
	DuePeriod    string   `json:"due_period"`
	Reason       string   `json:"reason,omitempty"`
}

type totalsJSON struct {
	ID                    string `json:"id,omitempty"`
	Code                  string `json:"code,omitempty"`
	Title                 string `json:"title,omitempty"`
	ActionsDone           int    `json:"actions_done"`
	ActionsTotal          int    `json:"actions_total"`
	DeliverablesDelivered int    `json:"deliverables_delivered"`
	DeliverablesTotal     int    `json:"deliverables_total"`
	OnTrack               int    `json:"on_track"`
	AtRisk                int    `json:"at_risk"`
	OffTrack              int    `json:"off_track"`
	NoData                int    `json:"no_data"`
}

type statusDoc struct {
	Plan       string          `json:"plan"`
	Title      string          `json:"title"`
	Date       string          `json:"date"`
	Region     string          `json:"region,omitempty"`
	OnTrack    int             `json:"on_track_from"`
	AtRisk     int             `json:"at_risk_from"`
	Indicators []indicatorJSON `json:"indicators"`
	Objectives []totalsJSON    `json:"objectives"`
	Total      totalsJSON      `json:"total"`
}

func totalsOf(r stratplan.Rollup) totalsJSON {
	var t totalsJSON
	t.ActionsDone, t.ActionsTotal = r.ActionsDone()
	t.DeliverablesDelivered, t.DeliverablesTotal = r.DeliverablesDone()
	t.OnTrack, t.AtRisk = r.IndicatorCount(stratplan.StatusOnTrack), r.IndicatorCount(stratplan.StatusAtRisk)
	t.OffTrack, t.NoData = r.IndicatorCount(stratplan.StatusOffTrack), r.IndicatorCount(stratplan.StatusNoData)
	return t
}

func statusJSON(doc *stratplan.Document, m stratplan.Monitoring, region string) statusDoc {
	out := statusDoc{Plan: doc.Plan(), Title: doc.PlanInfo().Title, Date: m.Now.Format("2006-01-02"), Region: region,
		OnTrack: m.Thresholds.OnTrack, AtRisk: m.Thresholds.AtRisk, Indicators: []indicatorJSON{}, Objectives: []totalsJSON{}, Total: totalsOf(m.Total)}
	for _, p := range m.Indicators {
		ij := indicatorJSON{ID: p.E.ID, Name: p.Name, Of: p.Of, Objective: p.Objective, Qualitative: p.Qualitative, Direction: p.Direction,
			Unit: p.Unit, Baseline: p.Baseline, Target: p.Target, Status: string(p.Status), DuePeriod: p.Due, Reason: p.Reason}
		if p.Qualitative {
			ij.Target = p.TargetText
		}
		if p.Latest != nil {
			ij.LatestPeriod, ij.LatestValue = p.Latest.Period, p.Latest.Text
		}
		if p.HasProgress {
			pct := math.Round(p.Progress*1000) / 10
			ij.Progress = &pct
		}
		out.Indicators = append(out.Indicators, ij)
	}
	for _, o := range m.Objectives {
		t := totalsOf(o.Rollup)
		if o.Objective.E != nil {
			t.ID, t.Code, t.Title = o.Objective.E.ID, o.Objective.Code, o.Objective.Title
		}
		out.Objectives = append(out.Objectives, t)
	}
	return out
}
