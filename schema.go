package stratplan

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Names of the fields every kind may have.
const (
	FieldDeleted  = "deleted"
	FieldWorkshop = "workshop"
)

// The kinds of entity of format version 1.
const (
	KindPlan           = "plan"
	KindReplica        = "replica"
	KindRegion         = "region"
	KindWorkshop       = "workshop"
	KindParticipant    = "participant"
	KindSurveyScore    = "survey_score"
	KindObjective      = "objective"
	KindVision         = "vision"
	KindScanFactor     = "scan_factor"
	KindSWOT           = "swot"
	KindPriority       = "priority"
	KindVote           = "vote"
	KindAction         = "action"
	KindDeliverable    = "deliverable"
	KindIndicator      = "indicator"
	KindTargetRevision = "target_revision"
	KindMeasurement    = "measurement"
	KindNote           = "note"
	KindNotSame        = "not_same" // beyond the v1 minimum: two priorities or actions dismissed as duplicates
)

// FieldType says how a field's value is read.
type FieldType uint8

// The field types.
const (
	TextField    FieldType = iota // any text
	EnumField                     // one of Enum
	RefField                      // the id of an entity of one of RefKinds
	RefsField                     // a list of such ids
	ScoreField                    // a whole number from 1 to 5
	NumberField                   // a decimal number ≥ 0
	DateField                     // YYYY-MM-DD
	BoolField                     // true or false
	PeriodField                   // 2026, 2026-S1, 2026-Q3 or 2026-09
	IntegerField                  // a whole number ≥ 0
)

// FieldSpec describes one known field of a kind.
type FieldSpec struct {
	Name     string
	Type     FieldType
	Enum     []string
	RefKinds []string
}

func text(names ...string) []FieldSpec {
	out := make([]FieldSpec, len(names))
	for i, n := range names {
		out[i] = FieldSpec{Name: n}
	}
	return out
}

func typed(t FieldType, names ...string) []FieldSpec {
	out := text(names...)
	for i := range out {
		out[i].Type = t
	}
	return out
}

func enum(name string, values ...string) FieldSpec {
	return FieldSpec{Name: name, Type: EnumField, Enum: values}
}

func ref(name string, kinds ...string) FieldSpec {
	return FieldSpec{Name: name, Type: RefField, RefKinds: kinds}
}

func join(parts ...[]FieldSpec) []FieldSpec {
	var out []FieldSpec
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// Enumerations of format version 1.
var (
	WorkshopModes       = []string{"virtual", "in_person", "hybrid"}
	SWOTQuadrants       = []string{"strength", "weakness", "opportunity", "threat"}
	PESTLECategories    = []string{"political", "economic", "social", "technological", "legal", "environmental"}
	ActionStatuses      = []string{"planned", "in_progress", "done", "blocked", "cancelled"}
	DeliverableStatuses = []string{"planned", "in_progress", "delivered", "late", "cancelled"}
	Directions          = []string{"increase", "decrease"}
	Frequencies         = []string{"monthly", "quarterly", "semiannual", "annual", "biennial"}
)

// Kinds lists the known kinds and their fields. Every kind may also have
// deleted and workshop.
var Kinds = map[string][]FieldSpec{
	KindPlan: join(text("title", "organization", "mission", "currency"),
		typed(DateField, "period_start", "period_end"),
		typed(NumberField, "budget_available", "staff_months_available"),
		// beyond the v1 minimum: monitoring thresholds (percent of the expected
		// progress) and how many regions make a priority common
		typed(IntegerField, "on_track_from", "at_risk_from", "common_priority_regions")),
	KindReplica: {{Name: "label"}, ref("region", KindRegion)},
	KindRegion:  text("name", "code"),
	KindWorkshop: join(text("title", "venue", "facilitator"), []FieldSpec{ref("region", KindRegion), enum("mode", WorkshopModes...), {Name: "date", Type: DateField}},
		typed(IntegerField, "dots", "common_top", "common_regions")), // beyond the v1 minimum: voting and survey settings
	KindParticipant: text("name", "member", "role"),
	KindSurveyScore: join(text("member", "theme"), []FieldSpec{ref("region", KindRegion), {Name: "score", Type: NumberField}}),
	KindObjective:   join(text("code", "title", "description"), typed(IntegerField, "order")), // order: beyond the v1 minimum
	KindVision:      {{Name: "text"}, {Name: "adopted", Type: BoolField}},
	KindScanFactor: join(text("title", "description", "response"), typed(ScoreField, "impact", "likelihood"),
		[]FieldSpec{enum("category", PESTLECategories...)}),
	KindSWOT: {enum("quadrant", SWOTQuadrants...), {Name: "text"}, ref("factor", KindScanFactor)},
	KindPriority: join(text("title", "description"), typed(ScoreField, "impact", "effort"),
		[]FieldSpec{ref("objective", KindObjective), ref("same_as", KindPriority),
			{Name: "sources", Type: RefsField, RefKinds: []string{KindSWOT}}}),
	KindVote: {ref("target", KindPriority, KindVision), ref("voter", KindParticipant), {Name: "points", Type: IntegerField}},
	KindAction: join(text("title", "description", "owner"), typed(DateField, "start", "due"),
		typed(NumberField, "budget", "staff_months"),
		[]FieldSpec{ref("priority", KindPriority), enum("status", ActionStatuses...), ref("same_as", KindAction)}), // same_as: beyond the v1 minimum
	KindDeliverable: join(text("code", "title"), []FieldSpec{ref("action", KindAction), {Name: "due", Type: DateField}, enum("status", DeliverableStatuses...)}),
	KindIndicator: join(text("name", "unit", "source", "target_text", "baseline", "target"),
		[]FieldSpec{ref("of", KindPriority, KindAction), enum("direction", Directions...), enum("frequency", Frequencies...),
			{Name: "qualitative", Type: BoolField}, {Name: "target_year", Type: PeriodField}}),
	KindTargetRevision: join(text("old", "new", "reason"), []FieldSpec{ref("indicator", KindIndicator), {Name: "date", Type: DateField}}),
	KindMeasurement:    join(text("value", "note"), []FieldSpec{ref("indicator", KindIndicator), {Name: "period", Type: PeriodField}}),
	KindNote:           text("step", "text"),
	KindNotSame:        {ref("a", KindPriority, KindAction), ref("b", KindPriority, KindAction)},
}

var commonFields = []FieldSpec{{Name: FieldDeleted, Type: BoolField}, ref(FieldWorkshop, KindWorkshop)}

// Spec returns the spec of a known field of a kind.
func Spec(kind, field string) (FieldSpec, bool) {
	for _, s := range Kinds[kind] {
		if s.Name == field {
			return s, true
		}
	}
	for _, s := range commonFields {
		if s.Name == field {
			return s, true
		}
	}
	return FieldSpec{}, false
}

// Warning is something in a plan the app cannot use as it stands: the data
// is kept, and the warning says what to look at.
type Warning struct {
	ID    string
	Kind  string
	Field string
	Msg   string
}

func (w Warning) String() string {
	if w.Field == "" {
		return fmt.Sprintf("%s %s: %s", w.Kind, w.ID, w.Msg)
	}
	return fmt.Sprintf("%s %s, %s: %s", w.Kind, w.ID, w.Field, w.Msg)
}

var periodRE = regexp.MustCompile(`^\d{4}(-S[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$`)

// CheckValue says what is wrong with v as a value of the field, or "".
// Empty text and null always pass: they mean "not filled in".
func (s FieldSpec) CheckValue(v Value) string {
	if v.Type() == NullValue || v.Type() == StringValue && v.String() == "" {
		return ""
	}
	switch s.Type {
	case BoolField:
		if v.Type() != BoolValue {
			return "expected true or false"
		}
		return ""
	case RefsField:
		if v.Type() != RefsValue {
			return "expected a list of references"
		}
		return ""
	}
	if v.Type() != StringValue {
		return "expected text"
	}
	str := strings.TrimSpace(v.String())
	switch s.Type {
	case EnumField:
		for _, e := range s.Enum {
			if str == e {
				return ""
			}
		}
		return fmt.Sprintf("%q is not one of %s", str, strings.Join(s.Enum, ", "))
	case ScoreField:
		if n, ok := v.Int(); !ok || n < 1 || n > 5 {
			return fmt.Sprintf("%q is not a score from 1 to 5", str)
		}
	case NumberField:
		if _, err := ParseAmount(str); err != nil {
			return err.Error()
		}
	case IntegerField:
		if n, ok := v.Int(); !ok || n < 0 {
			return fmt.Sprintf("%q is not a whole number of 0 or more", str)
		}
	case DateField:
		if _, err := time.Parse("2006-01-02", str); err != nil {
			return fmt.Sprintf("%q is not a date YYYY-MM-DD", str)
		}
	case PeriodField:
		if !periodRE.MatchString(str) {
			return fmt.Sprintf("%q is not a period such as 2026, 2026-S1, 2026-Q3 or 2026-09", str)
		}
	}
	return ""
}

// Validate checks every live entity of a known kind: values of known fields
// that cannot be interpreted, and references to entities that are missing,
// deleted or of the wrong kind. Unknown kinds and fields are kept silently:
// a newer version of the app wrote them.
func (d *Document) Validate() []Warning {
	var out []Warning
	for _, e := range d.Entities() {
		if _, known := Kinds[e.Kind]; !known || e.Deleted() {
			continue
		}
		for _, name := range e.FieldNames() {
			spec, ok := Spec(e.Kind, name)
			if !ok {
				continue
			}
			for _, val := range e.Field(name).Vals {
				if msg := spec.CheckValue(val.V); msg != "" {
					out = append(out, Warning{ID: e.ID, Kind: e.Kind, Field: name, Msg: msg})
					continue
				}
				if spec.Type != RefField && spec.Type != RefsField {
					continue
				}
				for _, r := range val.V.Refs() {
					if msg := d.checkRef(r, spec.RefKinds); msg != "" {
						out = append(out, Warning{ID: e.ID, Kind: e.Kind, Field: name, Msg: msg})
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (d *Document) checkRef(id string, kinds []string) string {
	if t := d.Ref(id, kinds...); t != nil {
		if t.Deleted() {
			return fmt.Sprintf("points at the %s %s, which was deleted", t.Kind, id)
		}
		return ""
	}
	if t := d.Entity(id); t != nil {
		return fmt.Sprintf("points at %s, a %s, where a %s is expected", id, t.Kind, strings.Join(kinds, " or "))
	}
	return fmt.Sprintf("points at %s, which this plan does not have", id)
}
