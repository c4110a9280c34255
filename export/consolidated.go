package export

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"stratplan"
)

// WorkshopReport lays out the report of one workshop: what participants
// take home.
func WorkshopReport(doc *stratplan.Document, o ReportOptions) (*Report, error) {
	b, err := newBuilder(doc, o)
	if err != nil {
		return nil, err
	}
	w, err := pickWorkshop(doc, o.Workshop)
	if err != nil {
		return nil, err
	}
	ws := w.E.ID
	subject := b.tr("Workshop report")
	b.cover(subject, b.str(w.E, "title"), b.workshopFacts(w)[1:])
	b.visionSection(ws, 0)
	b.surveySection(ws, 0)
	b.scanSection(ws, 0)
	b.swotSection(ws, 0)
	b.prioritiesSection(ws, 0)
	b.actionsSection(ws, 0, false)
	b.indicatorsSection(ws, 0)
	b.participantsSection(ws, 0)
	b.notesSection(ws, 0)
	return b.finish(subject), nil
}

// pickWorkshop finds the workshop a report is about: the one named, or the
// first with participants or priorities.
func pickWorkshop(doc *stratplan.Document, id string) (stratplan.Workshop, error) {
	ws := doc.Workshops()
	if id != "" {
		for _, w := range ws {
			if w.E.ID == id {
				return w, nil
			}
		}
		var ids []string
		for _, w := range ws {
			ids = append(ids, w.E.ID)
		}
		if len(ids) == 0 {
			return stratplan.Workshop{}, fmt.Errorf("no workshop %q: this plan has no workshop yet", id)
		}
		return stratplan.Workshop{}, fmt.Errorf("no workshop %q in this plan: use one of %s", id, strings.Join(ids, ", "))
	}
	for _, w := range ws {
		if len(doc.Participants(w.E.ID)) > 0 || len(doc.Priorities(w.E.ID)) > 0 {
			return w, nil
		}
	}
	if len(ws) > 0 {
		return ws[0], nil
	}
	return stratplan.Workshop{}, fmt.Errorf("this plan has no workshop to report on: add one in step 1")
}

// Source is one bundle a consolidated plan was merged from.
type Source struct {
	Name       string // the file's name
	Producer   string // who exported it
	Region     string // the region's name, if the producer has one
	ExportedAt time.Time
	Seq        uint64
	Digest     string
	Signer     string
	Entities   int
}

// ConsolidatedReport lays out the report of a merged plan: the whole plan,
// the priorities × regions matrix, the monitoring dashboard, an annex per
// region and the conflicts still open.
func ConsolidatedReport(doc *stratplan.Document, o ReportOptions, sources []Source) (*Report, error) {
	b, err := newBuilder(doc, o)
	if err != nil {
		return nil, err
	}
	subject := b.tr("Consolidated plan")
	info := doc.PlanInfo()
	period := ""
	if info.PeriodStart != "" || info.PeriodEnd != "" {
		period = b.date(info.PeriodStart) + " – " + b.date(info.PeriodEnd)
	}
	b.cover(subject, "", [][2]string{
		{b.tr("Period"), period},
		{b.tr("Regions"), fmt.Sprint(len(doc.Regions()))},
		{b.tr("Workshops"), fmt.Sprint(len(doc.Workshops()))},
		{b.tr("Bundles merged"), countOrEmpty(len(sources))},
		{b.tr("Conflicts to settle"), fmt.Sprint(len(doc.Conflicts()))},
	})
	// Every part below starts on a page of its own and is laid out on its
	// own, on every core; the pages then follow one another in order.
	parts := []func(pb *builder){
		func(pb *builder) { pb.overviewSection(sources) },
		func(pb *builder) { pb.matrixSection() },
		func(pb *builder) { pb.dashboardSection() },
		func(pb *builder) { pb.actionsSection("", 0, true) },
		func(pb *builder) { pb.indicatorsSection("", 0) },
	}
	for i := range parts { // each begins with one numbered section
		body := parts[i]
		parts[i] = func(pb *builder) {
			pb.numbers = []int{i}
			body(pb)
		}
	}
	letter := 'A'
	for _, r := range doc.Regions() {
		var ws []stratplan.Workshop
		for _, w := range doc.Workshops() {
			if w.Region == r.E.ID {
				ws = append(ws, w)
			}
		}
		if len(ws) == 0 {
			continue
		}
		l, title := string(letter), b.trf("Annex %c — %s", letter, b.str(r.E, "name"))
		parts = append(parts, func(pb *builder) {
			pb.annex(l, title)
			for _, w := range ws {
				pb.regionWorkshop(w)
			}
		})
		letter++
	}
	last := string(letter)
	parts = append(parts, func(pb *builder) { pb.conflictsAppendix(last) })
	if err := b.layOutParts(o, parts); err != nil {
		return nil, err
	}
	return b.finish(subject), nil
}

// laidOut is what one part of a report put on its pages.
type laidOut struct {
	pages    []*page
	toc      []tocEntry
	warnings []string
}

// layOutParts lays out parts that each start on a new page, at the same
// time on as many builders as there are cores, and puts their pages,
// contents entries and warnings after the builder's own, in the order of
// parts. Each builder reads a copy of the plan (its lists keep memos that
// are not safe to share) and measures with fonts of its own. A part's
// pages are the same whichever builder lays them out.
func (b *builder) layOutParts(o ReportOptions, parts []func(pb *builder)) error {
	o.Now = b.now
	out := make([]laidOut, len(parts))
	next := make(chan int)
	workers := max(1, min(runtime.GOMAXPROCS(0), len(parts), 4))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		pb, err := newBuilder(b.doc.Clone(), o)
		if err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errs[w] = fmt.Errorf("laying out the report: %v", r)
					for range next { // let the others finish
					}
				}
			}()
			for i := range next {
				pages, toc, warns := len(pb.pages), len(pb.toc), len(pb.warnings)
				pb.annexOf, pb.skipEmpty, pb.head = "", false, nil
				parts[i](pb)
				out[i] = laidOut{pages: pb.pages[pages:], toc: pb.toc[toc:], warnings: pb.warnings[warns:]}
			}
		}()
	}
	for i := range parts {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for _, p := range out {
		b.pages = append(b.pages, p.pages...)
		b.toc = append(b.toc, p.toc...)
		for _, w := range p.warnings {
			if !b.warned[w] {
				b.warned[w] = true
				b.warnings = append(b.warnings, w)
			}
		}
	}
	if len(b.pages) > 0 {
		b.cur = b.pages[len(b.pages)-1]
	}
	return nil
}

func countOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// regionWorkshop is one workshop in its region's annex.
func (b *builder) regionWorkshop(w stratplan.Workshop) {
	ws := w.E.ID
	b.section(b.str(w.E, "title"), 1)
	b.keyValues(b.workshopFacts(w)[1:], 9)
	if len(b.doc.Participants(ws))+len(b.doc.Visions(ws))+len(b.doc.SurveyScores(ws))+len(b.doc.ScanFactors(ws))+
		len(b.doc.SWOT(ws))+len(b.doc.Priorities(ws)) == 0 {
		b.note(b.tr("Nothing was entered for this workshop yet."))
		return
	}
	b.skipEmpty = true
	defer func() { b.skipEmpty = false }()
	b.visionSection(ws, 2)
	b.surveySection(ws, 2)
	b.scanSection(ws, 2)
	b.swotSection(ws, 2)
	b.prioritiesSection(ws, 2)
	b.participantsSection(ws, 2)
	b.notesSection(ws, 2)
}

func (b *builder) overviewSection(sources []Source) {
	b.section(b.tr("The plan at a glance"), 0)
	info := b.doc.PlanInfo()
	if m := b.str(info.E, "mission"); m != "" {
		b.subhead(b.tr("Mission"))
		b.quote(m)
	}
	cur := b.str(info.E, "currency")
	b.keyValues([][2]string{
		{b.tr("Period"), strings.Trim(b.date(info.PeriodStart)+" – "+b.date(info.PeriodEnd), " –")},
		{b.tr("Budget available"), strings.TrimSpace(b.amountOf(info.E, "budget_available") + " " + cur)},
		{b.tr("Staff months available"), b.amountOf(info.E, "staff_months_available")},
	}, 9.5)
	b.subhead(b.tr("Strategic objectives"))
	var rows []row
	for _, o := range b.doc.Objectives() {
		rows = append(rows, row{cells: []cell{{text: b.str(o.E, "code"), bold: true}, {text: b.str(o.E, "title")}, {text: b.str(o.E, "description")}}})
	}
	b.table([]column{{b.tr("Code"), 10, 'l'}, {b.tr("Objective"), 40, 'l'}, {b.tr("Description"), 50, 'l'}}, rows, 9)
	b.subhead(b.tr("Workshops"))
	rows = nil
	for _, w := range b.doc.Workshops() {
		adopted := ""
		for _, v := range b.doc.Visions(w.E.ID) {
			if v.Adopted {
				adopted = "✓"
			}
		}
		rows = append(rows, row{cells: []cell{{text: b.regionCode(w.E)}, {text: b.str(w.E, "title"), bold: true}, {text: w.Date},
			{text: b.label("mode", w.Mode)}, {text: fmt.Sprint(len(b.doc.Participants(w.E.ID)))}, {text: fmt.Sprint(len(b.doc.Priorities(w.E.ID)))},
			{text: fmt.Sprint(len(b.doc.Actions(w.E.ID)))}, {text: adopted}}})
	}
	b.table([]column{{b.tr("Region"), 9, 'l'}, {b.tr("Workshop"), 37, 'l'}, {b.tr("Date"), 13, 'l'}, {b.tr("Mode"), 11, 'l'},
		{b.tr("Participants"), 10, 'r'}, {b.tr("Priorities"), 9, 'r'}, {b.tr("Actions"), 8, 'r'}, {b.tr("Vision"), 7, 'c'}}, rows, 8.5)
	if len(sources) == 0 {
		return
	}
	b.subhead(b.tr("Bundles merged"))
	rows = nil
	for _, s := range sources {
		who := b.clean(s.Producer, "a bundle's producer")
		if s.Region != "" {
			who += "\n" + b.clean(s.Region, "a bundle's region")
		}
		digest := s.Digest
		if len(digest) > 23 {
			digest = digest[:23] + "…"
		}
		rows = append(rows, row{cells: []cell{{text: b.clean(s.Name, "a bundle's file name")}, {text: who},
			{text: s.ExportedAt.UTC().Format("2006-01-02 15:04")}, {text: fmt.Sprint(s.Seq)}, {text: fmt.Sprint(s.Entities)},
			{text: digest + "\n" + b.clean(s.Signer, "a bundle's signer")}}})
	}
	b.table([]column{{b.tr("File"), 24, 'l'}, {b.tr("Exported by"), 22, 'l'}, {b.tr("Exported"), 14, 'l'}, {b.tr("Export no."), 8, 'r'},
		{b.tr("Entities"), 9, 'r'}, {b.tr("Digest and signer"), 23, 'l'}}, rows, 8)
}

func (b *builder) matrixSection() {
	b.section(b.tr("Priorities × regions"), 0)
	m := b.doc.PriorityMatrix(0, stratplan.ByVotes)
	common, regional := m.Common()
	b.note(b.trf("A priority belongs to the region of the workshop that raised it; priorities linked as the same across regions make one row, their votes added once. Raised in at least %d regions: common (%d); otherwise regional (%d). ● raised in the region; the number is the dots that region's workshops gave it.",
		m.MinRegions, common, regional))
	cols := []column{{b.tr("Priority"), 40, 'l'}}
	for _, r := range m.Regions {
		code := b.str(r.E, "code")
		if code == "" {
			code = b.str(r.E, "name")
		}
		cols = append(cols, column{code, 7, 'c'})
	}
	cols = append(cols, column{b.tr("Votes"), 8, 'r'}, column{b.tr("Regions"), 8, 'r'}, column{"", 11, 'l'})
	var rows []row
	for _, g := range m.Groups {
		head := b.tr("Under no objective")
		if g.Objective.E != nil {
			head = strings.TrimSpace(b.str(g.Objective.E, "code") + " " + b.str(g.Objective.E, "title"))
		}
		rows = append(rows, row{group: head})
		for _, r := range g.Rows {
			title := b.str(r.Priority.E, "title")
			if len(r.Members) > 1 {
				if n := len(r.Members) - 1; n == 1 {
					title += "\n" + b.tr("with 1 linked priority")
				} else {
					title += "\n" + b.trf("with %d linked priorities", n)
				}
			}
			cells := []cell{{text: title, bold: r.Common}}
			for _, c := range r.Cells {
				t := ""
				switch {
				case c.Raised && c.Votes > 0:
					t = fmt.Sprintf("● %d", c.Votes)
				case c.Raised:
					t = "●"
				case c.Votes > 0:
					t = fmt.Sprint(c.Votes)
				}
				cells = append(cells, cell{text: t, color: navy})
			}
			kind, col := b.tr("regional"), grey
			if r.Common {
				kind, col = b.tr("common"), teal
			}
			cells = append(cells, cell{text: fmt.Sprint(r.Votes), bold: true}, cell{text: fmt.Sprint(r.Regions)}, cell{text: kind, color: col, bold: r.Common})
			rows = append(rows, row{cells: cells})
		}
	}
	b.table(cols, rows, 8)
}

func (b *builder) dashboardSection() {
	b.section(b.tr("Monitoring dashboard"), 0)
	m := b.doc.Monitoring(b.now, stratplan.Scope{})
	b.note(b.trf("Figures on %s. Status: on track from %d%% of the progress the time elapsed in the plan period calls for, at risk from %d%%, off track below; no data when the figure due is missing.",
		b.date(b.now.Format("2006-01-02")), m.Thresholds.OnTrack, m.Thresholds.AtRisk))
	b.subhead(b.tr("Progress per objective"))
	var rows []row
	rollupRow := func(name string, r stratplan.Rollup, bold bool) row {
		done, total := r.ActionsDone()
		dd, dt := r.DeliverablesDone()
		frac := func(a, n int) float64 {
			if n == 0 {
				return 0
			}
			return float64(a) / float64(n)
		}
		cells := []cell{{text: name, bold: bold},
			{text: fmt.Sprintf("%d/%d", done, total), bar: &bar{frac: frac(done, total), color: green}},
			{text: fmt.Sprintf("%d/%d", dd, dt), bar: &bar{frac: frac(dd, dt), color: teal}}}
		for _, s := range stratplan.Statuses {
			cells = append(cells, cell{text: fmt.Sprint(r.IndicatorCount(s)), color: statusColour(s), bold: r.IndicatorCount(s) > 0})
		}
		return row{cells: cells}
	}
	for _, o := range m.Objectives {
		name := b.tr("Under no objective")
		if o.Objective.E != nil {
			name = strings.TrimSpace(b.str(o.Objective.E, "code") + " " + b.str(o.Objective.E, "title"))
		}
		rows = append(rows, rollupRow(name, o.Rollup, false))
	}
	rows = append(rows, rollupRow(b.tr("Whole plan"), m.Total, true))
	cols := []column{{b.tr("Objective"), 30, 'l'}, {b.tr("Actions done"), 19, 'l'}, {b.tr("Deliverables delivered"), 19, 'l'}}
	for _, s := range stratplan.Statuses {
		cols = append(cols, column{b.label("status", string(s)), 8, 'r'})
	}
	b.table(cols, rows, 8.5)
	b.subhead(b.tr("Indicators by status"))
	byStatus := map[stratplan.Status][]stratplan.IndicatorProgress{}
	for _, p := range m.Indicators {
		byStatus[p.Status] = append(byStatus[p.Status], p)
	}
	rows = nil
	for _, s := range stratplan.Statuses {
		list := byStatus[s]
		if len(list) == 0 {
			continue
		}
		// Furthest behind first.
		sort.SliceStable(list, func(i, j int) bool { return list[i].Progress < list[j].Progress })
		rows = append(rows, row{group: fmt.Sprintf("%s (%d)", b.label("status", string(s)), len(list))})
		for _, p := range list {
			prog := cell{text: "–"}
			if p.HasProgress {
				prog = cell{text: fmt.Sprintf("%d%%", p.Percent()), bar: &bar{frac: p.Progress, color: statusColour(s)}}
			}
			latest := "–"
			if p.Latest != nil {
				latest = b.txt(p.Latest.Text, p.Latest.E, "value") + " (" + p.Latest.Period + ")"
			}
			why := ""
			if s == stratplan.StatusNoData {
				why = b.trf("due: %s", p.Due)
			}
			rows = append(rows, row{cells: []cell{{text: b.str(p.E, "name")}, {text: b.regionCode(p.E)}, {text: latest}, prog, {text: why, color: grey}}})
		}
	}
	if len(rows) == 0 {
		b.note(b.tr("No indicators were set."))
		return
	}
	b.table([]column{{b.tr("Indicator"), 44, 'l'}, {b.tr("Region"), 9, 'l'}, {b.tr("Latest"), 16, 'l'}, {b.tr("Progress"), 20, 'l'}, {"", 11, 'l'}}, rows, 8)
}

func (b *builder) conflictsAppendix(letter string) {
	conflicts := b.doc.Conflicts()
	b.annex(letter, b.trf("Appendix %s — Where the regions disagree", letter))
	if len(conflicts) == 0 {
		b.note(b.tr("No conflicts: every field has one value."))
		return
	}
	b.note(b.tr("Each field below was changed on two laptops that had not seen each other's change; every competing value is shown with who wrote it and when. The plan shows the latest until someone settles it."))
	var rows []row
	for _, c := range conflicts {
		e := c.Entity
		head := fmt.Sprintf("%s “%s” — %s", b.label("kind", e.Kind), b.clean(e.Label(), b.who(e, "title")), b.label("field", c.Field))
		if c.DeletionConflict() {
			head = fmt.Sprintf("%s “%s” — %s", b.label("kind", e.Kind), b.clean(e.Label(), b.who(e, "title")), b.tr("deleted on one laptop, edited on another"))
		}
		rows = append(rows, row{group: head})
		for i, v := range c.Vals {
			val := b.clean(v.V.String(), b.who(e, c.Field))
			if c.DeletionConflict() && i == 0 {
				val = b.tr("(deleted)")
			} else if c.DeletionConflict() {
				val = b.trf("(edited) %s", val)
			}
			rep := b.doc.ReplicaInfo(v.Dot.Replica)
			who := b.clean(rep.Label, "a replica's label")
			if who == "" {
				who = v.Dot.Replica
			}
			if rep.Region != "" {
				who += "\n" + b.clean(b.doc.RegionName(rep.Region), "a region's name")
			}
			rows = append(rows, row{cells: []cell{{text: val}, {text: who}, {text: v.At.Time().Format("2006-01-02 15:04")}}})
		}
	}
	b.table([]column{{b.tr("Value"), 55, 'l'}, {b.tr("Written by"), 30, 'l'}, {b.tr("When (UTC)"), 15, 'l'}}, rows, 8.5)
}
