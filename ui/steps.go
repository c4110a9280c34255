package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// stepView is one workshop step on screen.
type stepView interface {
	object() fyne.CanvasObject
	refresh() // re-read the plan
	focus()   // put the keyboard focus on the step's first input
}

// step is one entry of the sidebar.
type step struct {
	key   string
	name  string
	about string // what the step holds, shown in presentation mode when the step has no view for the room
	build func(a *App) stepView
}

func (s step) title() string { return lang.L(s.name) }

// steps are the ten workshop steps, in the order a workshop runs.
var steps []step

// pages are the steps, then the plan-wide views; the conflicts come last.
var pages []step

// sidebarOrder lists the pages in the order the sidebar shows them: the
// plan's set-up above the workshop steps, the plan-wide views below.
var sidebarOrder []int

// pageIndex returns the index in pages of the page with the key.
func pageIndex(key string) int {
	for i, p := range pages {
		if p.key == key {
			return i
		}
	}
	panic("no page " + key)
}

// sidebarRow returns the sidebar row that shows page i.
func sidebarRow(i int) int { return indexOfInt(sidebarOrder, i) }

func indexOfInt(list []int, v int) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

func init() {
	steps = []step{
		{key: "workshop", name: "Workshop", build: newWorkshopStep},
		{key: "survey", name: "Survey", build: newSurveyStep, about: "Import the member survey (CSV: member, region, theme, score) and see the themes ranked overall and per region, with those common to several regions set apart from regional ones. One click turns a theme into a candidate priority."},
		{key: "vision", name: "Vision", build: newVisionStep, about: "Candidate vision statements, the room's votes, and the one the workshop adopts — shown at the top of every step once adopted. The plan's mission text."},
		{key: "scan", name: "Environmental scan", build: newScanStep, about: "Political, economic, social, technological, legal and environmental factors, each with impact and likelihood from 1 to 5 and the organisation's response, placed on an impact × likelihood grid. A factor becomes a SWOT opportunity or threat in one step."},
		{key: "swot", name: "SWOT", build: newSWOTStep},
		{key: "priorities", name: "Priorities", build: newPrioritiesStep, about: "Priorities under the strategic objectives, linked to the SWOT items they answer, with impact and effort. Dot voting entered per participant, the ranking computed from the votes, and an impact × effort matrix."},
		{key: "actions", name: "Actions", build: newActionsStep, about: "For each priority: actions with owner, dates, budget, staff months and status, and their deliverables. Totals are checked against the plan's available budget and staff."},
		{key: "indicators", name: "Indicators", build: newIndicatorsStep, about: "How each priority or action will be measured: unit, baseline, target, direction, frequency and data source, or a text target. Every change of target is kept with its reason."},
		{key: "monitoring", name: "Monitoring", build: newMonitoringStep},
		{key: "review", name: "Review & export", build: newReviewStep},
	}
	pages = append(append([]step{}, steps...),
		step{key: "plan", name: "Plan", build: newSetupView},
		step{key: "consolidation", name: "Consolidation", build: newConsolidationView},
		step{key: "conflicts", name: "Conflicts", build: newConflictsView})
	sidebarOrder = []int{pageIndex("plan")}
	for i := range steps {
		sidebarOrder = append(sidebarOrder, i)
	}
	sidebarOrder = append(sidebarOrder, pageIndex("consolidation"), pageIndex("conflicts"))
}
