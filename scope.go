package stratplan

// Views of every workshop in a Scope: one workshop, one region's workshops,
// or the whole plan. Each XIn(s) lists what X(workshop) lists, for all the
// workshops s covers, in the order the entities were created.

// InScope returns the live entities of a kind that belong to the scope: to
// its workshop when it names one, else to a workshop of its region, else
// all of them. An entity without a workshop of its own belongs to the
// workshop of what it hangs under (see WorkshopOf). The list returned may
// be shared: callers must not change it.
func (d *Document) InScope(kind string, s Scope) []*Entity {
	if s.Workshop != "" {
		return d.Live(kind, s.Workshop)
	}
	all := d.Live(kind, "")
	if s.Region == "" {
		return all
	}
	inRegion := map[string]bool{}
	for _, w := range d.Live(KindWorkshop, "") {
		if w.Str("region") == s.Region {
			inRegion[w.ID] = true
		}
	}
	out := make([]*Entity, 0, len(all))
	for _, e := range all {
		if inRegion[d.WorkshopOf(e)] {
			out = append(out, e)
		}
	}
	return out
}

// WorkshopsIn returns the live workshops the scope covers, sorted as
// Workshops sorts them.
func (d *Document) WorkshopsIn(s Scope) []Workshop {
	var out []Workshop
	for _, w := range d.Workshops() {
		if (s.Workshop == "" || w.E.ID == s.Workshop) && (s.Region == "" || w.Region == s.Region) {
			out = append(out, w)
		}
	}
	return out
}

// ParticipantsIn returns the participants of the scope's workshops.
func (d *Document) ParticipantsIn(s Scope) []Participant {
	return participantsOf(d.InScope(KindParticipant, s))
}

// SurveyScoresIn returns the survey scores of the scope's workshops.
func (d *Document) SurveyScoresIn(s Scope) []SurveyScore {
	return surveyScoresOf(d.InScope(KindSurveyScore, s))
}

// VisionsIn returns the candidate visions of the scope's workshops.
func (d *Document) VisionsIn(s Scope) []Vision { return visionsOf(d.InScope(KindVision, s)) }

// ScanFactorsIn returns the scan factors of the scope's workshops.
func (d *Document) ScanFactorsIn(s Scope) []ScanFactor {
	return scanFactorsOf(d.InScope(KindScanFactor, s))
}

// SWOTIn returns the SWOT items of the scope's workshops.
func (d *Document) SWOTIn(s Scope) []SWOTItem { return swotOf(d.InScope(KindSWOT, s)) }

// PrioritiesIn returns the priorities of the scope's workshops.
func (d *Document) PrioritiesIn(s Scope) []Priority {
	return prioritiesOf(d.InScope(KindPriority, s))
}

// VotesIn returns the counted votes of the scope's workshops: ranking
// PrioritiesIn with them sums the votes of all those workshops.
func (d *Document) VotesIn(s Scope) []Vote { return d.votesOf(d.InScope(KindVote, s)) }

// ActionsIn returns the actions of the scope's workshops.
func (d *Document) ActionsIn(s Scope) []Action { return actionsOf(d.InScope(KindAction, s)) }

// IndicatorsIn returns the indicators of the scope's workshops.
func (d *Document) IndicatorsIn(s Scope) []Indicator {
	return indicatorsOf(d.InScope(KindIndicator, s))
}
