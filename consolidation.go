package stratplan

import (
	"sort"
)

// The priorities × regions matrix: which priorities several regions raised
// (common) and which only one or a few did (regional), with the dots each
// region's workshops gave them.

// MatrixSort orders the rows of each objective in the matrix.
type MatrixSort int

// The orders of the matrix's rows.
const (
	ByVotes   MatrixSort = iota // most dots first, then most regions
	ByRegions                   // most regions first, then most dots
)

// MatrixCell is one region's part in one row.
type MatrixCell struct {
	Raised bool // a workshop of the region produced one of the row's priorities
	Votes  int  // dots the region's workshops gave the row's priorities
}

// MatrixRow is one priority, or several linked with same_as shown as one.
type MatrixRow struct {
	// Priority represents the row: of the linked priorities, the one
	// created first (then the smaller id), whatever order plans merged in.
	Priority Priority
	// Members are all the row's priorities, Priority first, then by
	// creation.
	Members []Priority
	Cells   []MatrixCell // one per column of Matrix.Regions
	Regions int          // how many regions raised it
	Votes   int          // all dots, each vote counted once
	Common  bool         // raised in at least Matrix.MinRegions regions
}

// MatrixGroup is the rows under one objective; the group of priorities
// under no objective has a zero Objective (E nil).
type MatrixGroup struct {
	Objective Objective
	Rows      []MatrixRow
}

// Matrix is the priorities × regions matrix.
type Matrix struct {
	Regions    []Region // the columns, as Document.Regions orders them
	Groups     []MatrixGroup
	MinRegions int
}

// Common counts the rows that are common and those that are regional.
func (m Matrix) Common() (common, regional int) {
	for _, g := range m.Groups {
		for _, r := range g.Rows {
			if r.Common {
				common++
			} else {
				regional++
			}
		}
	}
	return common, regional
}

// CommonRegions returns how many regions must raise a priority for it to
// be common: the plan's common_priority_regions, else half its regions
// rounded up, and at least 2.
func (d *Document) CommonRegions() int {
	if e := d.Get(KindPlan, d.plan); e != nil {
		if n, ok := e.Value("common_priority_regions").Int(); ok && n > 0 {
			return n
		}
	}
	return max(2, (len(d.Regions())+1)/2)
}

// SameAsGroups joins priorities linked by same_as into groups (see
// SameAsGroupsOf) and returns each live priority's group representative.
func (d *Document) SameAsGroups() map[string]string { return d.SameAsGroupsOf(KindPriority) }

// PriorityMatrix builds the matrix of the plan's live priorities against
// its regions. A priority belongs to the region of the workshop that
// produced it; a vote counts for the region of the workshop it was cast
// in. minRegions ≤ 0 takes CommonRegions.
func (d *Document) PriorityMatrix(minRegions int, order MatrixSort) Matrix {
	if minRegions <= 0 {
		minRegions = d.CommonRegions()
	}
	m := Matrix{Regions: d.Regions(), MinRegions: minRegions}
	col := make(map[string]int, len(m.Regions))
	for i, r := range m.Regions {
		col[r.E.ID] = i
	}
	regionOfWorkshop := map[string]string{}
	for _, w := range d.Workshops() {
		regionOfWorkshop[w.E.ID] = w.Region
	}
	rep := d.SameAsGroups()
	rows := map[string]*MatrixRow{}
	var roots []string
	for _, p := range d.Priorities("") {
		root := rep[p.E.ID]
		r := rows[root]
		if r == nil {
			r = &MatrixRow{Cells: make([]MatrixCell, len(m.Regions))}
			rows[root] = r
			roots = append(roots, root)
		}
		r.Members = append(r.Members, p)
		if p.E.ID == root {
			r.Priority = p
		}
		if c, ok := col[regionOfWorkshop[p.E.Str(FieldWorkshop)]]; ok {
			r.Cells[c].Raised = true
		}
	}
	for _, v := range d.Votes("") {
		root, ok := rep[v.Target]
		if !ok {
			continue // a vote on a vision
		}
		r := rows[root]
		r.Votes += v.Points
		region := regionOfWorkshop[v.E.Str(FieldWorkshop)]
		if region == "" {
			region = d.RegionOf(v.E)
		}
		if c, ok := col[region]; ok {
			r.Cells[c].Votes += v.Points
		}
	}
	groups := map[string]*MatrixGroup{}
	for _, o := range d.Objectives() {
		groups[o.E.ID] = &MatrixGroup{Objective: o}
	}
	none := &MatrixGroup{}
	for _, root := range roots {
		r := rows[root]
		// The representative first, the others in creation order.
		sort.SliceStable(r.Members, func(i, j int) bool { return r.Members[i].E.ID == root && r.Members[j].E.ID != root })
		for _, c := range r.Cells {
			if c.Raised {
				r.Regions++
			}
		}
		r.Common = r.Regions >= minRegions
		g := groups[r.Priority.Objective]
		if g == nil {
			g = none
		}
		g.Rows = append(g.Rows, *r)
	}
	for _, o := range d.Objectives() {
		m.Groups = append(m.Groups, *groups[o.E.ID])
	}
	if len(none.Rows) > 0 {
		m.Groups = append(m.Groups, *none)
	}
	for _, g := range m.Groups {
		sortRows(g.Rows, order)
	}
	return m
}

func sortRows(rows []MatrixRow, order MatrixSort) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		first, second := a.Votes-b.Votes, a.Regions-b.Regions
		if order == ByRegions {
			first, second = second, first
		}
		if first != 0 {
			return first > 0
		}
		if second != 0 {
			return second > 0
		}
		if a.Priority.Title != b.Priority.Title {
			return a.Priority.Title < b.Priority.Title
		}
		return a.Priority.E.ID < b.Priority.E.ID
	})
}
