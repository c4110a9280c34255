package stratplan

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// The plan's set-up: what the Secretariat settles before the regions start
// (regions with their codes, strategic objectives SO1, SO2…), and the
// checks that keep it usable: names that CSV files and people can find,
// and nothing removed that something else still uses.

// NextObjectiveCode returns the code for a new objective: SO and one more
// than the highest number of the plan's objectives coded SOn.
func (d *Document) NextObjectiveCode() string {
	n := 0
	for _, o := range d.Objectives() {
		if rest, ok := strings.CutPrefix(strings.ToUpper(strings.TrimSpace(o.Code)), "SO"); ok {
			if k, err := strconv.Atoi(rest); err == nil && k > n {
				n = k
			}
		}
	}
	return "SO" + strconv.Itoa(n+1)
}

// The problems CheckRegion and CheckObjective find.
const (
	SetupMissing = "missing" // a code or a name is empty
	SetupSpace   = "space"   // a region code holds a space, comma or semicolon
	SetupTaken   = "taken"   // another region or objective already has it
)

// SetupError is a set-up value the plan cannot take: what is wrong, the
// text at fault and, when it is taken, the region or objective that has it.
type SetupError struct {
	Problem string
	Text    string
	Other   *Entity
}

func (e *SetupError) Error() string {
	switch {
	case e.Problem == SetupSpace:
		return fmt.Sprintf("the code %q has a space, comma or semicolon: write it as one short word, such as EUR", e.Text)
	case e.Problem == SetupTaken && e.Other.Kind == KindRegion:
		return fmt.Sprintf("%q is already the region %s (%s): choose another", e.Text, e.Other.Str("name"), e.Other.Str("code"))
	case e.Problem == SetupTaken:
		return fmt.Sprintf("%s is already the code of “%s”: choose another", e.Other.Str("code"), e.Other.Str("title"))
	case e.Text == KindRegion:
		return "a region needs a code (such as EUR) and a name (such as Europe)"
	}
	return "an objective needs a code (such as SO1) and a title"
}

// CheckRegion says what is wrong with giving the region id (or a new
// region, id "") this code and name: both are needed, and neither may be
// another region's code or name, since files and people name regions by
// either (letter case and accents aside).
func (d *Document) CheckRegion(id, code, name string) error {
	code, name = strings.TrimSpace(code), strings.TrimSpace(name)
	if code == "" || name == "" {
		return &SetupError{Problem: SetupMissing, Text: KindRegion}
	}
	if strings.ContainsAny(code, " ,;") {
		return &SetupError{Problem: SetupSpace, Text: code}
	}
	for _, r := range d.Regions() {
		if r.E.ID == id {
			continue
		}
		for _, mine := range []string{code, name} {
			if Fold(mine) == Fold(r.Code) || Fold(mine) == Fold(r.Name) {
				return &SetupError{Problem: SetupTaken, Text: mine, Other: r.E}
			}
		}
	}
	return nil
}

// CheckObjective says what is wrong with giving the objective id (or a new
// one, id "") this code and title: both are needed, and the code must be
// the plan's only one of its kind.
func (d *Document) CheckObjective(id, code, title string) error {
	code, title = strings.TrimSpace(code), strings.TrimSpace(title)
	if code == "" || title == "" {
		return &SetupError{Problem: SetupMissing, Text: KindObjective}
	}
	for _, o := range d.Objectives() {
		if o.E.ID != id && Fold(o.Code) == Fold(code) {
			return &SetupError{Problem: SetupTaken, Text: code, Other: o.E}
		}
	}
	return nil
}

// Use is a live entity that refers to another, and the field it does it by.
type Use struct {
	E     *Entity
	Field string
}

// UsesOf returns the live entities that refer to the entity of the given
// kind and id in a known reference field (a workshop's region, a
// priority's objective…), by kind, then in the order they were created.
// Something with uses should not be deleted without settling them.
func (d *Document) UsesOf(kind, id string) []Use {
	target := d.Get(kind, id)
	if target == nil {
		return nil
	}
	var out []Use
	kinds := make([]string, 0, len(d.kinds))
	for k := range d.kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		var specs []FieldSpec
		for _, s := range append(append([]FieldSpec{}, Kinds[k]...), commonFields...) {
			if (s.Type == RefField || s.Type == RefsField) && indexOf(s.RefKinds, kind) >= 0 {
				specs = append(specs, s)
			}
		}
		if len(specs) == 0 {
			continue
		}
		for _, e := range d.Live(k, "") {
			for _, s := range specs {
				if d.refersTo(e, s, target) {
					out = append(out, Use{E: e, Field: s.Name})
					break
				}
			}
		}
	}
	return out
}

// refersTo reports whether the field of e shows a reference to target.
func (d *Document) refersTo(e *Entity, s FieldSpec, target *Entity) bool {
	for _, r := range e.Value(s.Name).Refs() {
		if r == target.ID && d.Ref(r, s.RefKinds...) == target {
			return true
		}
	}
	return false
}

// CountUses counts uses by kind, for messages such as "2 workshops, 40
// survey answers".
func CountUses(uses []Use) map[string]int {
	out := map[string]int{}
	for _, u := range uses {
		out[u.E.Kind]++
	}
	return out
}

// ReorderObjectives gives the objectives the places 1, 2, 3… in the order
// of ids; objectives already in their place are not written.
func (ed *Edit) ReorderObjectives(ids []string) error {
	for i, id := range ids {
		e := ed.doc.Get(KindObjective, id)
		if e == nil {
			return fmt.Errorf("%w: objective %s", ErrNoEntity, id)
		}
		if n, ok := e.Value("order").Int(); ok && n == i+1 {
			continue
		}
		if err := ed.Set(id, KindObjective, Set("order", Int(i+1))); err != nil {
			return err
		}
	}
	return nil
}

// naturalLess orders codes with their numbers read as numbers: SO2 before
// SO10, then by the text itself.
func naturalLess(a, b string) bool {
	pa, na := splitNumber(a)
	pb, nb := splitNumber(b)
	if !strings.EqualFold(pa, pb) {
		return strings.ToUpper(a) < strings.ToUpper(b)
	}
	if na != nb {
		return na < nb
	}
	return a < b
}

// splitNumber splits "SO12" into "SO" and 12; a code that does not end in
// a number gives -1.
func splitNumber(s string) (string, int) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil {
		return s, -1
	}
	return s[:i], n
}

func indexOf(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}
