package export

import (
	"fmt"
	"sort"
	"strings"

	"stratplan"
)

// The sections of a workshop's part of a report. Each takes the workshop
// ("" for the whole plan) and the heading level to start at.

func (b *builder) workshopFacts(w stratplan.Workshop) [][2]string {
	e := w.E
	return [][2]string{
		{b.tr("Workshop"), b.str(e, "title")},
		{b.tr("Region"), b.clean(b.doc.RegionName(w.Region), "the workshop's region")},
		{b.tr("Mode"), b.label("mode", w.Mode)},
		{b.tr("Date"), b.date(w.Date)},
		{b.tr("Venue or platform"), b.str(e, "venue")},
		{b.tr("Facilitator"), b.str(e, "facilitator")},
		{b.tr("Participants"), fmt.Sprint(len(b.doc.Participants(e.ID)))},
	}
}

func (b *builder) visionSection(ws string, level int) {
	visions := b.doc.Visions(ws)
	if len(visions) == 0 && b.skipEmpty {
		return
	}
	b.section(b.tr("Vision and mission"), level)
	var adopted *stratplan.Vision
	for i := range visions {
		if visions[i].Adopted {
			adopted = &visions[i]
		}
	}
	b.subhead(b.tr("Adopted vision"))
	if adopted == nil {
		b.note(b.tr("The workshop has not adopted a vision yet."))
	} else {
		b.quote(b.str(adopted.E, "text"))
	}
	if m := b.str(b.doc.PlanInfo().E, "mission"); m != "" {
		b.subhead(b.tr("Mission"))
		b.paragraph(m, 10, false, ink, 0)
		b.y += 2
	}
	if len(visions) > 1 || adopted == nil && len(visions) > 0 {
		b.subhead(b.tr("Candidate statements"))
		pts := stratplan.Points(b.doc.Votes(ws))
		most := 1
		for _, v := range visions {
			most = max(most, pts[v.E.ID])
		}
		var rows []row
		for _, v := range visions {
			status := ""
			if v.Adopted {
				status = b.tr("adopted")
			}
			rows = append(rows, row{cells: []cell{{text: b.str(v.E, "text"), bold: v.Adopted},
				{text: fmt.Sprint(pts[v.E.ID]), bar: &bar{frac: float64(pts[v.E.ID]) / float64(most), color: teal}},
				{text: status, color: teal, bold: true}}})
		}
		b.table([]column{{b.tr("Statement"), 60, 'l'}, {b.tr("Votes"), 20, 'l'}, {"", 12, 'l'}}, rows, 9)
	}
}

// subhead is an unnumbered heading inside a section.
func (b *builder) subhead(s string) {
	b.space(2)
	b.need(lineHeight(10.5) + 12)
	from, y0 := len(b.cur.ops), b.y
	b.paragraph(s, 10.5, true, navy, 0)
	b.y += 1
	// A section's heading followed at once by a subheading moves with it.
	if h := b.head; h != nil && h.p == b.cur && h.to == from {
		h.to = len(b.cur.ops)
		return
	}
	b.keepWithNext(from, 0, y0, nil)
}

// quote sets a statement apart: larger type beside a coloured rule.
func (b *builder) quote(s string) {
	const size = 12.5
	lines := b.wrap(s, b.bodyWidth()-10, size, false)
	lh := lineHeight(size)
	for i, ln := range lines {
		b.need(lh)
		h := lh
		if i == len(lines)-1 {
			h += 2
		}
		b.rect(b.left, b.y-1, b.bodyWidth(), h+1, paleBlue, true, 0)
		b.rect(b.left, b.y-1, 1.6, h+1, teal, true, 0)
		b.textIn(b.left+6, b.y, b.bodyWidth()-10, ln, size, false, navy, 'l')
		b.y += lh
	}
	b.y += 5
}

func (b *builder) surveySection(ws string, level int) {
	scores := b.doc.SurveyScores(ws)
	if len(scores) == 0 && b.skipEmpty {
		return
	}
	b.section(b.tr("Survey highlights"), level)
	if len(scores) == 0 {
		b.note(b.tr("No survey results were imported."))
		return
	}
	th := stratplan.DefaultSurveyThresholds
	if w := b.doc.Get(stratplan.KindWorkshop, ws); w != nil {
		th = stratplan.WorkshopOf(w).Survey
	}
	res := stratplan.AnalyseSurvey(scores, th)
	members := map[string]bool{}
	for _, s := range scores {
		members[s.Member] = true
	}
	b.note(b.trf("%d members in %d regions scored %d themes from 1 to 5. A theme is common when it is among the top %d of at least %d regions, regional otherwise.",
		len(members), len(res.Regions), len(res.Overall), th.TopN, th.MinRegions))
	var common, regional []string
	for _, t := range res.Overall {
		if res.Common[t.Theme] {
			common = append(common, b.clean(t.Theme, "survey theme"))
		} else if res.InTop[t.Theme] > 0 {
			regional = append(regional, b.clean(t.Theme, "survey theme"))
		}
	}
	if len(common) > 0 {
		b.keyValues([][2]string{{b.tr("Common themes"), strings.Join(common, "; ")}}, 9.5)
	}
	if len(regional) > 0 {
		b.keyValues([][2]string{{b.tr("Regional themes"), strings.Join(regional, "; ")}}, 9.5)
	}
	b.y += 2
	var rows []row
	for _, t := range res.Overall {
		kind, col := b.tr("regional"), grey
		if res.Common[t.Theme] {
			kind, col = b.tr("common"), teal
		}
		rows = append(rows, row{cells: []cell{
			{text: fmt.Sprint(t.Rank)},
			{text: b.clean(t.Theme, "survey theme"), bold: res.Common[t.Theme]},
			{text: b.number(t.Mean, 1), bar: &bar{frac: t.Mean / 5, color: blue}},
			{text: fmt.Sprint(t.Responses)},
			{text: b.trf("%d of %d", res.InTop[t.Theme], len(res.Regions))},
			{text: kind, color: col, bold: res.Common[t.Theme]},
		}})
	}
	b.table([]column{{"#", 5, 'r'}, {b.tr("Theme"), 36, 'l'}, {b.tr("Mean score"), 28, 'l'}, {b.tr("Answers"), 12, 'r'},
		{b.trf("Regions where it is in the top %d", th.TopN), 19, 'r'}, {"", 15, 'l'}}, rows, 9)
}

func (b *builder) scanSection(ws string, level int) {
	factors := b.doc.ScanFactors(ws)
	if len(factors) == 0 && b.skipEmpty {
		return
	}
	b.section(b.tr("Environmental scan"), level)
	if len(factors) == 0 {
		b.note(b.tr("No factors were entered."))
		return
	}
	// By category in PESTLE order, then as entered.
	order := map[string]int{}
	for i, c := range stratplan.PESTLECategories {
		order[c] = i
	}
	sort.SliceStable(factors, func(i, j int) bool {
		return catOrder(order, factors[i].Category) < catOrder(order, factors[j].Category)
	})
	var rows []row
	var marks []gridMark
	for i, f := range factors {
		text := b.str(f.E, "title")
		if d := b.str(f.E, "description"); d != "" {
			text += "\n" + d
		}
		rows = append(rows, row{cells: []cell{{text: fmt.Sprint(i + 1), bold: true}, {text: b.label("category", f.Category)},
			{text: text}, {text: score(f.Impact)}, {text: score(f.Likelihood)}, {text: b.str(f.E, "response")}}})
		if f.Impact > 0 && f.Likelihood > 0 {
			marks = append(marks, gridMark{n: i + 1, x: f.Likelihood, y: f.Impact, label: b.str(f.E, "title")})
		}
	}
	b.table([]column{{"#", 4, 'r'}, {b.tr("Category"), 16, 'l'}, {b.tr("Factor"), 36, 'l'}, {b.tr("Impact"), 9, 'c'},
		{b.tr("Likelihood"), 12, 'c'}, {b.tr("Response"), 29, 'l'}}, rows, 8.5)
	b.subhead(b.tr("Impact × likelihood"))
	b.grid(marks, b.tr("Likelihood"), b.tr("Impact"), nil)
}

func catOrder(order map[string]int, c string) int {
	if n, ok := order[c]; ok {
		return n
	}
	return len(order)
}

func score(n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprint(n)
}

func (b *builder) swotSection(ws string, level int) {
	items := b.doc.SWOT(ws)
	if len(items) == 0 && b.skipEmpty {
		return
	}
	b.section(b.tr("SWOT analysis"), level)
	if len(items) == 0 {
		b.note(b.tr("No SWOT items were entered."))
		return
	}
	byQ := map[string][]string{}
	for _, it := range items {
		t := b.str(it.E, "text")
		if f := b.doc.Get(stratplan.KindScanFactor, it.Factor); f != nil && !f.Deleted() {
			t += " (" + b.trf("from the scan: %s", b.str(f, "title")) + ")"
		}
		byQ[it.Quadrant] = append(byQ[it.Quadrant], t)
	}
	b.swot(byQ)
}

func (b *builder) prioritiesSection(ws string, level int) {
	ps := b.doc.Priorities(ws)
	if len(ps) == 0 && b.skipEmpty {
		return
	}
	b.section(b.tr("Priorities"), level)
	if len(ps) == 0 {
		b.note(b.tr("No priorities were set."))
		return
	}
	ranked := stratplan.RankPriorities(ps, b.doc.Votes(ws))
	most := 1
	for _, p := range ranked {
		most = max(most, p.Points)
	}
	b.note(b.tr("Ranked by the participants' dots; equal dots are ranked by impact minus effort. The numbers place each priority on the matrix below."))
	var rows []row
	var marks []gridMark
	for i, p := range ranked {
		title := b.str(p.E, "title")
		if o := b.doc.Get(stratplan.KindObjective, p.Objective); o != nil {
			title += "\n" + strings.TrimSpace(b.str(o, "code")+" "+b.str(o, "title"))
		}
		if d := b.str(p.E, "description"); d != "" {
			title += "\n" + d
		}
		rows = append(rows, row{cells: []cell{{text: fmt.Sprint(p.Rank)}, {text: fmt.Sprint(i + 1), bold: true}, {text: title},
			{text: score(p.Impact)}, {text: score(p.Effort)},
			{text: fmt.Sprint(p.Points), bar: &bar{frac: float64(p.Points) / float64(most), color: teal}}}})
		if p.Impact > 0 && p.Effort > 0 {
			marks = append(marks, gridMark{n: i + 1, x: p.Effort, y: p.Impact, label: b.str(p.E, "title")})
		}
	}
	b.table([]column{{b.tr("Rank"), 8, 'r'}, {"#", 5, 'r'}, {b.tr("Priority"), 50, 'l'}, {b.tr("Impact"), 10, 'c'},
		{b.tr("Effort"), 10, 'c'}, {b.tr("Votes"), 24, 'l'}}, rows, 9)
	b.subhead(b.tr("Impact × effort"))
	b.grid(marks, b.tr("Effort"), b.tr("Impact"), []string{b.tr("Quick wins"), b.tr("Major projects"), b.tr("Fill-ins"), b.tr("Thankless tasks")})
}

func (b *builder) actionsSection(ws string, level int, regionColumn bool) {
	b.section(b.tr("Action plan"), level)
	actions := b.doc.Actions(ws)
	if len(actions) == 0 {
		b.note(b.tr("No actions were planned."))
		return
	}
	cur := b.str(b.doc.PlanInfo().E, "currency")
	type group struct {
		objective string
		priority  string
		actions   []stratplan.Action
	}
	// Actions under their objective (by code), then priority (in order).
	objOrder := map[string]int{}
	for i, o := range b.doc.Objectives() {
		objOrder[o.E.ID] = i
	}
	groups := map[string]*group{}
	var keys []string
	for _, a := range actions {
		g := groups[a.Priority]
		if g == nil {
			obj := ""
			if p := b.doc.Get(stratplan.KindPriority, a.Priority); p != nil {
				obj = p.Str("objective")
			}
			g = &group{objective: obj, priority: a.Priority}
			groups[a.Priority] = g
			keys = append(keys, a.Priority)
		}
		g.actions = append(g.actions, a)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		return orderOf(objOrder, groups[keys[i]].objective) < orderOf(objOrder, groups[keys[j]].objective)
	})
	cols := []column{{b.tr("Action and deliverables"), 40, 'l'}, {b.tr("Owner"), 20, 'l'}, {b.tr("Start"), 15, 'l'}, {b.tr("Due"), 15, 'l'},
		{b.trf("Budget (%s)", cur), 15, 'r'}, {b.tr("Staff months"), 11, 'r'}, {b.tr("Status"), 14, 'l'}}
	if cur == "" {
		cols[4].title = b.tr("Budget")
	}
	if regionColumn {
		cols[0].width, cols[1].width = 34, 16
		cols = append(cols[:1], append([]column{{b.tr("Region"), 10, 'l'}}, cols[1:]...)...)
	}
	deliverables := b.doc.LiveBy(stratplan.KindDeliverable, "action")
	var rows []row
	for _, k := range keys {
		g := groups[k]
		head := b.tr("Under no priority")
		if p := b.doc.Get(stratplan.KindPriority, k); p != nil {
			head = b.str(p, "title")
			if o := b.doc.Get(stratplan.KindObjective, g.objective); o != nil {
				head = b.str(o, "code") + " · " + head
			}
		}
		rows = append(rows, row{group: head})
		for _, a := range g.actions {
			status := cell{text: b.label("action", a.Status), color: actionColour(a.Status)}
			if a.DateProblem() != "" {
				status = cell{text: status.text + "\n" + b.tr("due before it starts"), color: red}
			}
			cells := []cell{{text: b.str(a.E, "title"), bold: true}, {text: b.str(a.E, "owner")}, {text: a.Start}, {text: a.Due},
				{text: b.amountOf(a.E, "budget")}, {text: b.amountOf(a.E, "staff_months")}, status}
			if regionColumn {
				cells = append(cells[:1], append([]cell{{text: b.regionCode(a.E)}}, cells[1:]...)...)
			}
			rows = append(rows, row{cells: cells})
			for _, d := range deliverables[a.E.ID] {
				t := strings.TrimSpace(b.str(d, "code") + "  " + b.str(d, "title"))
				dc := []cell{{text: "   " + t, color: grey}, {}, {}, {text: b.str(d, "due"), color: grey}, {}, {}, {text: b.label("deliverable", d.Str("status")), color: grey}}
				if regionColumn {
					dc = append(dc[:1], append([]cell{{}}, dc[1:]...)...)
				}
				rows = append(rows, row{cells: dc})
			}
		}
	}
	b.table(cols, rows, 8)
	b.resources(ws)
}

func orderOf(m map[string]int, k string) int {
	if n, ok := m[k]; ok {
		return n
	}
	return len(m)
}

func actionColour(s string) rgb {
	switch s {
	case "done":
		return green
	case "blocked":
		return red
	case "in_progress":
		return blue
	}
	return ink
}

// amountOf formats an amount field, or shows it as written when it is not
// one.
func (b *builder) amountOf(e *stratplan.Entity, field string) string {
	s := strings.TrimSpace(e.Str(field))
	if s == "" {
		return ""
	}
	f, err := stratplan.ParseAmount(s)
	if err != nil {
		return b.clean(s, b.who(e, field))
	}
	if field == "budget" {
		return b.money(f)
	}
	return b.number(f, -1)
}

// resources compares what the actions ask for with what the plan has. In
// a workshop's report, the rows are that workshop's actions, then the
// whole plan's, since what is available is the plan's.
func (b *builder) resources(ws string) {
	res := b.doc.Resources()
	mine := res
	if ws != "" {
		mine = b.doc.ResourcesIn(stratplan.Scope{Workshop: ws})
	}
	info := b.doc.PlanInfo()
	b.subhead(b.tr("Resources asked for and available"))
	cur := b.clean(info.Currency, "the plan's currency")
	var rows []row
	for _, o := range b.doc.Objectives() {
		t, ok := mine.ByObjective[o.E.ID]
		if !ok {
			continue
		}
		rows = append(rows, row{cells: []cell{{text: strings.TrimSpace(b.str(o.E, "code") + " " + b.str(o.E, "title"))},
			{text: fmt.Sprint(t.Actions)}, {text: b.money(t.Budget)}, {text: b.number(t.StaffMonths, 1)}}})
	}
	if t, ok := mine.ByObjective[""]; ok {
		rows = append(rows, row{cells: []cell{{text: b.tr("Under no objective")}, {text: fmt.Sprint(t.Actions)}, {text: b.money(t.Budget)}, {text: b.number(t.StaffMonths, 1)}}})
	}
	if ws != "" {
		rows = append(rows, row{cells: []cell{{text: b.tr("This workshop"), bold: true}, {text: fmt.Sprint(mine.Plan.Actions), bold: true},
			{text: b.money(mine.Plan.Budget), bold: true}, {text: b.number(mine.Plan.StaffMonths, 1), bold: true}}})
	}
	whole := b.tr("Whole plan")
	if ws != "" {
		whole = b.tr("Whole plan, every workshop")
	}
	rows = append(rows, row{cells: []cell{{text: whole, bold: true}, {text: fmt.Sprint(res.Plan.Actions), bold: true},
		{text: b.money(res.Plan.Budget), bold: true}, {text: b.number(res.Plan.StaffMonths, 1), bold: true}}})
	over := func(asked, has float64, bad bool) cell {
		if has <= 0 {
			return cell{text: "–"}
		}
		c := cell{text: b.money(has)}
		if bad {
			c.color, c.bold = red, true
		}
		return c
	}
	rows = append(rows, row{cells: []cell{{text: b.tr("Available"), bold: true}, {}, over(res.Plan.Budget, res.Budget, res.OverBudget()),
		over(res.Plan.StaffMonths, res.StaffMonths, res.OverStaff())}})
	b.table([]column{{b.tr("Objective"), 50, 'l'}, {b.tr("Actions"), 12, 'r'}, {b.trf("Budget (%s)", cur), 20, 'r'}, {b.tr("Staff months"), 18, 'r'}}, rows, 8.5)
	if res.OverBudget() {
		b.paragraph(b.trf("The actions ask for %s %s, more than the %s %s available.", b.money(res.Plan.Budget), cur, b.money(res.Budget), cur), 9, true, red, 0)
	}
	if res.OverStaff() {
		b.paragraph(b.trf("The actions ask for %s staff months, more than the %s available.", b.number(res.Plan.StaffMonths, 1), b.number(res.StaffMonths, 1)), 9, true, red, 0)
	}
	b.note(b.tr("Cancelled actions and actions of deleted priorities are not counted."))
}

func statusColour(s stratplan.Status) rgb {
	switch s {
	case stratplan.StatusOnTrack:
		return green
	case stratplan.StatusAtRisk:
		return amber
	case stratplan.StatusOffTrack:
		return red
	}
	return grey
}

func (b *builder) indicatorsSection(ws string, level int) {
	b.section(b.tr("Indicators"), level)
	ins := b.doc.Indicators(ws)
	if len(ins) == 0 {
		b.note(b.tr("No indicators were set."))
		return
	}
	th := b.mon.Thresholds()
	b.note(b.trf("Progress runs from the baseline (0%%) to the target (100%%), whichever way is better. Status on %s: on track from %d%% of the progress the time elapsed in the plan period calls for, at risk from %d%%, off track below; no data when the figure due is missing.",
		b.date(b.now.Format("2006-01-02")), th.OnTrack, th.AtRisk))
	var rows []row
	var revised []stratplan.Indicator
	revisions := b.doc.LiveBy(stratplan.KindTargetRevision, "indicator")
	for _, in := range ins {
		p := b.mon.Indicator(in)
		name := b.str(in.E, "name")
		if of := b.doc.Ref(in.Of, stratplan.KindPriority, stratplan.KindAction); of != nil {
			name += "\n" + b.trf("Measures: %s", b.clean(of.Label(), b.who(of, "title")))
		}
		unit := b.str(in.E, "unit")
		target := ""
		if in.Qualitative {
			target = b.str(in.E, "target_text")
		} else {
			target = strings.TrimSpace(fmt.Sprintf("%s → %s %s", dash(b.str(in.E, "baseline")), dash(b.str(in.E, "target")), unit))
			if p.BaselineFromFirst {
				target += "\n" + b.tr("(no baseline: from the first figure)")
			}
		}
		how := strings.TrimSpace(b.label("direction", in.Direction) + "\n" + b.label("frequency", in.Frequency))
		if in.Qualitative {
			how = b.tr("qualitative, by milestone") + "\n" + b.label("frequency", in.Frequency)
		}
		if src := b.str(in.E, "source"); src != "" {
			how += "\n" + src
		}
		latest := "–"
		if p.Latest != nil {
			v := b.txt(p.Latest.Text, p.Latest.E, "value")
			if in.Qualitative {
				v = b.label("milestone", v)
			}
			latest = v + "\n" + p.Latest.Period
		}
		prog := cell{text: "–"}
		if p.HasProgress {
			prog = cell{text: fmt.Sprintf("%d%%", p.Percent()), bar: &bar{frac: p.Progress, color: statusColour(p.Status)}}
			if p.Status == stratplan.StatusNoData {
				prog.bar.color = grey
			}
		}
		st := statusColour(p.Status)
		rows = append(rows, row{cells: []cell{{text: name}, {text: target}, {text: how}, {text: latest}, prog,
			{text: b.label("status", string(p.Status)), mark: &st, bold: true, color: st}}})
		if len(revisions[in.E.ID]) > 0 {
			revised = append(revised, in)
		}
	}
	b.table([]column{{b.tr("Indicator"), 34, 'l'}, {b.tr("Baseline → target"), 20, 'l'}, {b.tr("Direction, frequency, source"), 20, 'l'},
		{b.tr("Latest"), 12, 'l'}, {b.tr("Progress"), 26, 'l'}, {b.tr("Status"), 16, 'l'}}, rows, 8)
	if len(revised) == 0 {
		return
	}
	b.subhead(b.tr("Target revisions"))
	var rrows []row
	for _, in := range revised {
		for _, r := range revisions[in.E.ID] {
			rrows = append(rrows, row{cells: []cell{{text: b.str(in.E, "name")}, {text: b.str(r, "old") + " → " + b.str(r, "new")},
				{text: b.str(r, "reason")}, {text: b.str(r, "date")}}})
		}
	}
	b.table([]column{{b.tr("Indicator"), 34, 'l'}, {b.tr("Old → new target"), 20, 'l'}, {b.tr("Reason"), 32, 'l'}, {b.tr("Date"), 14, 'l'}}, rrows, 8.5)
}

func dash(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

func (b *builder) participantsSection(ws string, level int) {
	ps := b.doc.Participants(ws)
	if len(ps) == 0 && b.skipEmpty {
		return
	}
	b.section(b.tr("Participants"), level)
	if len(ps) == 0 {
		b.note(b.tr("No participants were entered."))
		return
	}
	var rows []row
	for i, p := range ps {
		rows = append(rows, row{cells: []cell{{text: fmt.Sprint(i + 1)}, {text: b.str(p.E, "name"), bold: true},
			{text: b.str(p.E, "member")}, {text: b.str(p.E, "role")}}})
	}
	b.table([]column{{"#", 5, 'r'}, {b.tr("Name"), 32, 'l'}, {b.tr("Member administration"), 28, 'l'}, {b.tr("Role"), 35, 'l'}}, rows, 9)
}

func (b *builder) notesSection(ws string, level int) {
	notes := b.doc.Notes(ws)
	var any []stratplan.Note
	for _, n := range notes {
		if strings.TrimSpace(n.Text) != "" {
			any = append(any, n)
		}
	}
	if len(any) == 0 {
		return
	}
	b.section(b.tr("Notes of the steps"), level)
	sort.SliceStable(any, func(i, j int) bool { return stepIndex(any[i].Step) < stepIndex(any[j].Step) })
	for _, n := range any {
		b.subhead(b.stepName(n.Step))
		b.paragraph(b.str(n.E, "text"), 9.5, false, ink, 0)
		b.y += 1
	}
}

// stepIndex returns a step's number from its key or number, 99 if unknown.
func stepIndex(s string) int {
	for i, k := range stratplan.StepKeys {
		if k == s || fmt.Sprint(i+1) == s {
			return i + 1
		}
	}
	return 99
}

func (b *builder) stepName(s string) string {
	n := stepIndex(s)
	if n == 99 {
		return b.clean(s, "a note's step")
	}
	return fmt.Sprintf("%d. %s", n, b.label("step", stratplan.StepKeys[n-1]))
}

// regionCode returns the code of the region an entity comes from.
func (b *builder) regionCode(e *stratplan.Entity) string {
	if r := b.doc.Get(stratplan.KindRegion, b.doc.RegionOf(e)); r != nil {
		if c := b.str(r, "code"); c != "" {
			return c
		}
		return b.str(r, "name")
	}
	return ""
}
