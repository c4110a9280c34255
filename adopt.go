package stratplan

import (
	"fmt"
	"sort"
	"strings"
)

// Bringing workshops in from another plan: a facilitator who started a
// separate plan by mistake (its own plan id, so its bundles never merge)
// copies that plan's workshops into the right one. The copies are new
// writes of this plan, with new ids and every link between them kept;
// the other plan's regions are matched to this plan's by code or name and
// its objectives by title, and added where this plan lacks them.

// adoptedKinds are the kinds of a workshop's content, in the order they
// are written (what is linked to comes before what links to it).
var adoptedKinds = []string{KindWorkshop, KindParticipant, KindSurveyScore, KindVision, KindScanFactor, KindSWOT,
	KindPriority, KindVote, KindAction, KindDeliverable, KindIndicator, KindTargetRevision, KindMeasurement, KindNote}

// Match is how one region or objective of the other plan is taken in:
// the one of this plan it is matched to, or one added.
type Match struct {
	From  *Entity // in the other plan
	To    string  // the id in this plan
	Label string  // what this plan calls it
	New   bool    // this plan lacks it: it is added
}

// Adoption is another plan's workshops, ready to be copied into this one:
// what will come in, and how regions and objectives are matched. It is
// worked out without changing anything; Apply writes it.
type Adoption struct {
	From       string // the other plan's id
	FromTitle  string
	Workshops  []Workshop     // the other plan's workshops brought in
	Counts     map[string]int // entities that will be written, by kind
	Already    int            // entities brought in before, left as they are now
	Regions    []Match
	Objectives []Match

	writes []adoptWrite
}

type adoptWrite struct {
	kind, id string
	changes  []Change
}

// Empty reports whether the adoption would write nothing.
func (ad *Adoption) Empty() bool { return len(ad.writes) == 0 }

// Total counts the entities that will be written.
func (ad *Adoption) Total() int { return len(ad.writes) }

// AdoptedID is the id an entity of the other plan takes in this one. It
// comes from the other plan and the entity, so that bringing the same
// workshops in twice, or on two laptops, gives the same entities.
func AdoptedID(otherPlan, kind, id string) string {
	return naturalID("adopt-", otherPlan+"|"+kind+"|"+id)
}

// Adopt works out how to bring the workshops of the plan other into d.
func (d *Document) Adopt(other *Document) (*Adoption, error) {
	if other.Plan() == d.Plan() {
		return nil, fmt.Errorf("this bundle is of this very plan: import it as it is, without bringing its workshops in")
	}
	ad := &Adoption{From: other.Plan(), FromTitle: other.PlanInfo().Title, Counts: map[string]int{}}
	workshops := map[string]bool{}
	for _, w := range other.Workshops() {
		workshops[w.E.ID] = true
		ad.Workshops = append(ad.Workshops, w)
	}
	if len(workshops) == 0 {
		return nil, fmt.Errorf("the plan “%s” has no workshop to bring in", orID(ad.FromTitle, other.Plan()))
	}
	// What comes in: every live entity of the workshops, in creation order.
	var taken []*Entity
	for _, kind := range append(adoptedKinds, otherKinds(other)...) {
		for _, e := range other.Live(kind, "") {
			if e.Kind == KindWorkshop || workshops[other.WorkshopOf(e)] {
				taken = append(taken, e)
			}
		}
	}
	ids := map[Key]string{}
	for _, e := range taken {
		ids[e.Key()] = AdoptedID(other.Plan(), e.Kind, e.ID)
	}
	ad.matchRegions(d, other, taken, ids)
	ad.matchObjectives(d, other, taken, ids)
	// Entities with natural ids take the natural id of their new links.
	// One whose link leads outside what comes in (to an entity of the
	// other plan left behind, or to none) is left behind too: its id, or
	// the link, would otherwise name an entity of this plan.
	mapped := func(id string, kinds ...string) (string, bool) {
		if t := other.Ref(id, kinds...); t != nil {
			n, ok := ids[t.Key()]
			return n, ok
		}
		return "", false
	}
	left := map[Key]bool{}
	for _, e := range taken {
		var ok1, ok2 bool
		var a, b string
		switch e.Kind {
		case KindVote:
			a, ok1 = mapped(e.Str("voter"), KindParticipant)
			b, ok2 = mapped(e.Str("target"), KindPriority, KindVision)
			ids[e.Key()] = VoteID(a, b)
		case KindMeasurement:
			a, ok1 = mapped(e.Str("indicator"), KindIndicator)
			ok2 = true
			ids[e.Key()] = MeasurementID(a, e.Str("period"))
		case KindTargetRevision:
			_, ok1 = mapped(e.Str("indicator"), KindIndicator)
			ok2 = true
		case KindNote:
			a, ok1 = mapped(e.Str(FieldWorkshop), KindWorkshop)
			ok2 = true
			ids[e.Key()] = NoteID(a, e.Str("step"))
		case KindSurveyScore:
			a, ok1 = mapped(e.Str(FieldWorkshop), KindWorkshop)
			ok2 = true
			ids[e.Key()] = SurveyScoreID(a, e.Str("member"), e.Str("theme"))
		default:
			ok1, ok2 = true, true
		}
		if !ok1 || !ok2 {
			left[e.Key()] = true
		}
	}
	for _, e := range taken {
		if left[e.Key()] {
			continue
		}
		id := ids[e.Key()]
		if d.Get(e.Kind, id) != nil {
			ad.Already++
			continue
		}
		ad.writes = append(ad.writes, adoptWrite{kind: e.Kind, id: id, changes: copyFields(other, e, ids)})
		ad.Counts[e.Kind]++
	}
	return ad, nil
}

// otherKinds are the kinds of other beyond those known to carry a
// workshop's content (a newer app's kinds, kept when they name a workshop).
func otherKinds(other *Document) []string {
	var out []string
	for kind := range other.kinds {
		if indexOf(adoptedKinds, kind) < 0 && Kinds[kind] == nil {
			out = append(out, kind)
		}
	}
	sort.Strings(out)
	return out
}

// copyFields returns the displayed values of e's fields with every
// reference rewritten to the entity's new id. A reference to an entity
// that does not come in is dropped: kept as it is, it would name an entity
// of this plan that happens to have the same id.
func copyFields(other *Document, e *Entity, ids map[Key]string) []Change {
	var out []Change
	for _, name := range e.FieldNames() {
		if name == FieldDeleted {
			continue
		}
		v := e.Value(name)
		spec, known := Spec(e.Kind, name)
		if known && (spec.Type == RefField || spec.Type == RefsField) {
			var moved []string
			for _, r := range v.Refs() {
				if t := other.Ref(r, spec.RefKinds...); t != nil {
					if n, ok := ids[t.Key()]; ok {
						moved = append(moved, n)
					}
				}
			}
			switch {
			case v.Type() == RefsValue:
				v = Refs(moved...)
			case len(moved) == 1:
				v = Text(moved[0])
			default:
				continue
			}
		}
		out = append(out, Set(name, v))
	}
	return out
}

// matchRegions matches the regions the taken entities refer to with this
// plan's, by code, then name (see FindRegion); those this plan lacks are
// added.
func (ad *Adoption) matchRegions(d, other *Document, taken []*Entity, ids map[Key]string) {
	seen := map[string]bool{}
	for _, e := range taken {
		for _, r := range e.Value("region").Refs() {
			re := other.Get(KindRegion, r)
			if re == nil || seen[r] {
				continue
			}
			seen[r] = true
			m := Match{From: re, To: AdoptedID(other.Plan(), KindRegion, r), Label: re.Str("name")}
			code, name := strings.TrimSpace(re.Str("code")), strings.TrimSpace(re.Str("name"))
			var here Region
			ok := false
			if e := d.Get(KindRegion, m.To); e != nil && !e.Deleted() {
				here, ok = Region{E: e, Name: e.Str("name")}, true // brought in before
			}
			if !ok && code != "" {
				here, ok = d.FindRegion(code)
			}
			if !ok && name != "" {
				here, ok = d.FindRegion(name)
			}
			if ok {
				m.To, m.Label = here.E.ID, here.Name
			} else {
				m.New = true
				ad.writes = append(ad.writes, adoptWrite{kind: KindRegion, id: m.To, changes: []Change{
					Set("name", Text(name)), Set("code", Text(code))}})
				ad.Counts[KindRegion]++
			}
			ids[re.Key()] = m.To
			ad.Regions = append(ad.Regions, m)
		}
	}
}

// matchObjectives matches the objectives the taken priorities are under
// with this plan's by title; those this plan lacks are added with the next
// free code.
func (ad *Adoption) matchObjectives(d, other *Document, taken []*Entity, ids map[Key]string) {
	seen := map[string]bool{}
	next := d.NextObjectiveCode()
	added := 0
	for _, e := range taken {
		o := e.Str("objective")
		oe := other.Get(KindObjective, o)
		if e.Kind != KindPriority || oe == nil || seen[o] {
			continue
		}
		seen[o] = true
		m := Match{From: oe}
		if x := d.Get(KindObjective, AdoptedID(other.Plan(), KindObjective, o)); x != nil && !x.Deleted() {
			m.To, m.Label = x.ID, strings.TrimSpace(x.Str("code")+" "+x.Str("title")) // brought in before
		}
		// By title only: the same code may name another objective there.
		for _, x := range d.Objectives() {
			if m.To == "" && x.Title != "" && Fold(x.Title) == Fold(oe.Str("title")) {
				m.To, m.Label = x.E.ID, strings.TrimSpace(x.Code+" "+x.Title)
			}
		}
		if m.To == "" {
			code := next
			if added > 0 {
				prefix, n := splitNumber(next)
				code = fmt.Sprintf("%s%d", prefix, n+added)
			}
			added++
			m.To, m.New = AdoptedID(other.Plan(), KindObjective, o), true
			m.Label = strings.TrimSpace(code + " " + oe.Str("title"))
			ad.writes = append(ad.writes, adoptWrite{kind: KindObjective, id: m.To, changes: []Change{
				Set("code", Text(code)), Set("title", Text(oe.Str("title"))), Set("description", Text(oe.Str("description")))}})
			ad.Counts[KindObjective]++
		}
		ids[oe.Key()] = m.To
		ad.Objectives = append(ad.Objectives, m)
	}
}

// Apply writes the adoption as one edit: the regions and objectives this
// plan lacks, then every entity of the workshops under its new id.
// Entities brought in before are left as they are now.
func (ad *Adoption) Apply(ed *Edit) error {
	for _, w := range ad.writes {
		if ed.doc.Get(w.kind, w.id) != nil {
			continue
		}
		if err := ed.Set(w.id, w.kind, w.changes...); err != nil {
			return fmt.Errorf("bring in %s %s: %w", w.kind, w.id, err)
		}
	}
	return nil
}

func orID(title, id string) string {
	if title == "" {
		return id
	}
	return title
}
