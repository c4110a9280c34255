package stratplan

import (
	"fmt"
	"slices"
	"strings"
)

// The review: what a workshop still lacks before it closes, each line
// pointing at the step and the entity to fix.

// StepKeys names the ten workshop steps in order: step n is StepKeys[n-1].
var StepKeys = []string{"workshop", "survey", "vision", "scan", "swot", "priorities", "actions", "indicators", "monitoring", "review"}

// StepOf returns the number (1–10) of the step where entities of a kind are
// entered, or 0 for what belongs to the plan as a whole (regions,
// objectives, the plan itself).
func StepOf(kind string) int {
	switch kind {
	case KindWorkshop, KindParticipant:
		return 1
	case KindSurveyScore:
		return 2
	case KindVision:
		return 3
	case KindScanFactor:
		return 4
	case KindSWOT:
		return 5
	case KindPriority, KindVote:
		return 6
	case KindAction, KindDeliverable:
		return 7
	case KindIndicator, KindTargetRevision:
		return 8
	case KindMeasurement:
		return 9
	}
	return 0
}

// Lack names what a review line says is missing.
type Lack string

// The lacks the review looks for.
const (
	LackEmptyStep          Lack = "empty_step"         // a step with nothing in it
	LackAdoptedVision      Lack = "no_adopted_vision"  // the workshop adopted no vision
	LackAction             Lack = "priority_no_action" // a priority without actions
	LackPriorityIndicator  Lack = "priority_no_indicator"
	LackOwner              Lack = "action_no_owner"
	LackDue                Lack = "action_no_due"
	LackDates              Lack = "action_due_before_start"
	LackActionIndicator    Lack = "action_no_indicator" // neither the action nor its priority is measured
	LackBaseline           Lack = "indicator_no_baseline"
	LackTarget             Lack = "indicator_no_target"
	LackConflict           Lack = "conflict" // an unresolved conflict
	LackUnreadableBaseline Lack = "indicator_baseline_not_number"
	LackUnreadableTarget   Lack = "indicator_target_not_number"
)

// ReviewItem is one line of the review checklist.
type ReviewItem struct {
	Lack  Lack
	Step  int    // the step to fix it in (1–10; 0: the plan's set-up)
	At    Key    // the entity to fix; the workshop itself for a step left empty
	Label string // the entity's label, for people
	Field string // for a conflict, the field in dispute
}

// String says what is missing in plain English.
func (it ReviewItem) String() string {
	switch it.Lack {
	case LackEmptyStep:
		return fmt.Sprintf("step %d (%s) is empty", it.Step, StepKeys[it.Step-1])
	case LackAdoptedVision:
		return "no vision is adopted"
	case LackAction:
		return fmt.Sprintf("the priority %q has no action", it.Label)
	case LackPriorityIndicator:
		return fmt.Sprintf("the priority %q has no indicator, nor have its actions", it.Label)
	case LackOwner:
		return fmt.Sprintf("the action %q has no owner", it.Label)
	case LackDue:
		return fmt.Sprintf("the action %q has no due date", it.Label)
	case LackDates:
		return fmt.Sprintf("the action %q is due before it starts", it.Label)
	case LackActionIndicator:
		return fmt.Sprintf("the action %q has no indicator, nor has its priority", it.Label)
	case LackBaseline:
		return fmt.Sprintf("the indicator %q has no baseline", it.Label)
	case LackTarget:
		return fmt.Sprintf("the indicator %q has no target", it.Label)
	case LackUnreadableBaseline:
		return fmt.Sprintf("the baseline of the indicator %q is not a number", it.Label)
	case LackUnreadableTarget:
		return fmt.Sprintf("the target of the indicator %q is not a number", it.Label)
	case LackConflict:
		return fmt.Sprintf("%s %q: two versions of %s to settle", it.At.Kind, it.Label, it.Field)
	}
	return string(it.Lack)
}

// Review lists what the workshop still lacks, in step order. Conflicts are
// those of the workshop's entities and of the plan's set-up (plan,
// regions, objectives).
func (d *Document) Review(workshop string) []ReviewItem {
	var out []ReviewItem
	ws := d.Get(KindWorkshop, workshop)
	wsKey := Key{Kind: KindWorkshop, ID: workshop}
	wsLabel := workshop
	if ws != nil {
		wsLabel = ws.Label()
	}
	item := func(l Lack, step int, e *Entity) {
		out = append(out, ReviewItem{Lack: l, Step: step, At: e.Key(), Label: e.Label()})
	}
	empty := func(step int) {
		out = append(out, ReviewItem{Lack: LackEmptyStep, Step: step, At: wsKey, Label: wsLabel})
	}
	if len(d.Participants(workshop)) == 0 {
		empty(1)
	}
	if len(d.SurveyScores(workshop)) == 0 {
		empty(2)
	}
	visions := d.Visions(workshop)
	if len(visions) == 0 {
		empty(3)
	} else if !adopted(visions) {
		out = append(out, ReviewItem{Lack: LackAdoptedVision, Step: 3, At: wsKey, Label: wsLabel})
	}
	if len(d.ScanFactors(workshop)) == 0 {
		empty(4)
	}
	if len(d.SWOT(workshop)) == 0 {
		empty(5)
	}
	priorities := d.Priorities(workshop)
	if len(priorities) == 0 {
		empty(6)
	}
	measured := map[string]bool{} // priorities and actions with an indicator
	for _, in := range d.Indicators("") {
		measured[in.Of] = true
	}
	actionsOf := d.LiveBy(KindAction, "priority")
	for _, p := range priorities {
		acts := actionsOf[p.E.ID]
		if len(acts) == 0 {
			item(LackAction, 7, p.E)
		}
		hasOne := measured[p.E.ID]
		for _, a := range acts {
			hasOne = hasOne || measured[a.ID]
		}
		if !hasOne {
			item(LackPriorityIndicator, 8, p.E)
		}
	}
	actions := d.Actions(workshop)
	if len(actions) == 0 {
		empty(7)
	}
	for _, a := range actions {
		if a.Status == "cancelled" {
			continue
		}
		if strings.TrimSpace(a.Owner) == "" {
			item(LackOwner, 7, a.E)
		}
		if a.Due == "" {
			item(LackDue, 7, a.E)
		} else if a.DateProblem() != "" {
			item(LackDates, 7, a.E)
		}
		if !measured[a.E.ID] && !measured[a.Priority] {
			item(LackActionIndicator, 8, a.E)
		}
	}
	indicators := d.Indicators(workshop)
	if len(indicators) == 0 {
		empty(8)
	}
	for _, in := range indicators {
		if in.Qualitative {
			if strings.TrimSpace(in.TargetText) == "" {
				item(LackTarget, 8, in.E)
			}
			continue
		}
		switch _, err := ParseFigure(in.Baseline); {
		case strings.TrimSpace(in.Baseline) == "":
			item(LackBaseline, 8, in.E)
		case err != nil:
			item(LackUnreadableBaseline, 8, in.E)
		}
		switch _, err := ParseFigure(in.Target); {
		case strings.TrimSpace(in.Target) == "":
			item(LackTarget, 8, in.E)
		case err != nil:
			item(LackUnreadableTarget, 8, in.E)
		}
	}
	for _, c := range d.Conflicts() {
		e := c.Entity
		if e.ID != workshop && d.WorkshopOf(e) != workshop && StepOf(e.Kind) != 0 {
			continue
		}
		if StepOf(e.Kind) == 0 && e.Kind != KindPlan && e.Kind != KindRegion && e.Kind != KindObjective {
			continue // replicas and kinds this version does not know
		}
		out = append(out, ReviewItem{Lack: LackConflict, Step: StepOf(e.Kind), At: e.Key(), Label: e.Label(), Field: c.Field})
	}
	// Step order; within a step, the order found.
	slices.SortStableFunc(out, func(a, b ReviewItem) int { return a.Step - b.Step })
	return out
}

func adopted(vs []Vision) bool {
	for _, v := range vs {
		if v.Adopted {
			return true
		}
	}
	return false
}
