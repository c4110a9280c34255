package stratplan

import (
	"fmt"
	"sort"
)

// Entity is one object of a plan: a workshop, a SWOT item, a vote… Its
// fields are multi-value registers. Entities are immutable once they are in
// a Document: edits and merges replace them with new ones.
type Entity struct {
	ID     string
	Kind   string
	Fields Fields
}

// NamedField is one field of an entity with its name.
type NamedField struct {
	Name string
	Field
}

// Fields are an entity's fields, sorted by name. An entity has a handful:
// a sorted slice holds them in a third of the memory of a map and is
// searched as fast.
type Fields []NamedField

// Get returns the named field and whether the entity has it.
func (fs Fields) Get(name string) (Field, bool) {
	if len(fs) <= 12 {
		for i := range fs {
			if fs[i].Name == name {
				return fs[i].Field, true
			}
		}
		return Field{}, false
	}
	i := sort.Search(len(fs), func(i int) bool { return fs[i].Name >= name })
	if i < len(fs) && fs[i].Name == name {
		return fs[i].Field, true
	}
	return Field{}, false
}

// With returns a copy of fs with the named field set to f; fs is unchanged.
func (fs Fields) With(name string, f Field) Fields {
	out := make(Fields, len(fs), len(fs)+1)
	copy(out, fs)
	return out.set(name, f)
}

// set sets the named field in place, keeping the order by name.
func (fs Fields) set(name string, f Field) Fields {
	i := sort.Search(len(fs), func(i int) bool { return fs[i].Name >= name })
	if i < len(fs) && fs[i].Name == name {
		fs[i].Field = f
		return fs
	}
	fs = append(fs, NamedField{})
	copy(fs[i+1:], fs[i:])
	fs[i] = NamedField{Name: name, Field: f}
	return fs
}

// FieldsOf returns the fields of a map, sorted by name.
func FieldsOf(m map[string]Field) Fields {
	var fs Fields
	for name, f := range m {
		fs = fs.set(name, f)
	}
	return fs
}

// Field returns the state of the named field (empty when never written).
func (e *Entity) Field(name string) Field {
	f, _ := e.Fields.Get(name)
	return f
}

// Value returns the displayed value of the named field.
func (e *Entity) Value(name string) Value { return e.Field(name).Value() }

// Str returns the displayed value of the named field as text.
func (e *Entity) Str(name string) string { return e.Field(name).Value().String() }

// Deleted reports whether the entity is deleted and nobody edited it
// concurrently with the deletion. An entity edited concurrently with its
// deletion stays visible, as a conflict for a person to settle.
func (e *Entity) Deleted() bool {
	return e.Value(FieldDeleted).Bool() && len(e.EditsUnseenByDeletion()) == 0
}

// EditsUnseenByDeletion returns the values of a deleted entity that were
// written concurrently with its deletion: the deleter had not seen them.
func (e *Entity) EditsUnseenByDeletion() []Val {
	del := e.Field(FieldDeleted)
	if !del.Value().Bool() {
		return nil
	}
	var out []Val
	for _, nf := range e.Fields {
		if nf.Name == FieldDeleted {
			continue
		}
		for _, v := range nf.Vals {
			if !del.Ctx.Covers(v.Dot) {
				out = append(out, v)
			}
		}
	}
	return out
}

// Created returns the time of the oldest value the entity holds: when it
// was created, unless every field has been rewritten since.
func (e *Entity) Created() Time {
	var t Time
	for _, f := range e.Fields {
		for _, v := range f.Vals {
			if t == 0 || v.At < t {
				t = v.At
			}
		}
	}
	return t
}

// FieldNames returns the names of the entity's fields in sorted order.
func (e *Entity) FieldNames() []string {
	names := make([]string, len(e.Fields))
	for i, nf := range e.Fields {
		names[i] = nf.Name
	}
	return names
}

func (e *Entity) clone() *Entity {
	c := &Entity{ID: e.ID, Kind: e.Kind, Fields: make(Fields, len(e.Fields), len(e.Fields)+1)}
	copy(c.Fields, e.Fields)
	return c
}

// setField sets a field of an entity not yet in a Document.
func (e *Entity) setField(name string, f Field) { e.Fields = e.Fields.set(name, f) }

// seen is the join of the contexts of all the entity's fields: every write
// on the entity that this replica has seen.
func (e *Entity) seen() Context {
	var c Context
	for _, f := range e.Fields {
		c = c.Join(f.Ctx)
	}
	return c
}

// Key identifies an entity: its kind and its id together. Two entities may
// share an id if their kinds differ (a file written elsewhere may reuse an
// id for another kind); neither then hides or blocks the other.
type Key struct{ Kind, ID string }

// Key returns the entity's key.
func (e *Entity) Key() Key { return Key{Kind: e.Kind, ID: e.ID} }

// Document is a whole plan: its id and its entities by kind and id. Merging
// two documents of the same plan is commutative, associative and idempotent.
type Document struct {
	plan  string
	kinds map[string]map[string]*Entity // by kind, then id
	ids   map[string]*Entity            // by id: for an id under several kinds, the kind that sorts first
	n     int

	// Views ask for the same lists again and again while nothing changes:
	// LiveWhere keeps its answers until an entity of that kind changes.
	gens      map[string]uint64 // per kind, counts changes
	version   uint64            // counts every change
	lives     map[liveKey]liveList
	res       *resourcesMemo
	conflicts *conflictsMemo
}

type conflictsMemo struct {
	version uint64
	list    []Conflict
}

type liveKey struct{ kind, field, value string }

type liveList struct {
	gen  uint64
	list []*Entity
}

// NewDocument returns an empty document of the plan with the given id.
func NewDocument(plan string) *Document {
	return &Document{plan: plan, kinds: make(map[string]map[string]*Entity), ids: make(map[string]*Entity)}
}

// Plan returns the plan's id.
func (d *Document) Plan() string { return d.plan }

// Len returns the number of entities, deleted ones included.
func (d *Document) Len() int { return d.n }

// Get returns the entity of the given kind and id, or nil.
func (d *Document) Get(kind, id string) *Entity { return d.kinds[kind][id] }

// Entity returns the entity with the given id, or nil. Where a file reused
// the id for several kinds it returns the one whose kind sorts first: use
// Get or Ref when the kind is known.
func (d *Document) Entity(id string) *Entity { return d.ids[id] }

// Ref returns the entity a reference names: the one with that id among the
// given kinds (in the order given), or nil.
func (d *Document) Ref(id string, kinds ...string) *Entity {
	for _, k := range kinds {
		if e := d.kinds[k][id]; e != nil {
			return e
		}
	}
	return nil
}

// Entities returns every entity, deleted ones included, sorted by id, then
// kind.
func (d *Document) Entities() []*Entity {
	out := make([]*Entity, 0, d.n)
	for _, m := range d.kinds {
		for _, e := range m {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ID != out[j].ID {
			return out[i].ID < out[j].ID
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

// Put adds or replaces an entity as it is, without merging. Loaders use it
// to rebuild a document from storage.
func (d *Document) Put(e *Entity) { d.set(e) }

// set stores e in place of the entity with its kind and id.
func (d *Document) set(e *Entity) {
	d.changed(e.Kind)
	k := d.kinds[e.Kind]
	if k == nil {
		k = make(map[string]*Entity)
		d.kinds[e.Kind] = k
	}
	if k[e.ID] == nil {
		d.n++
	}
	k[e.ID] = e
	if cur := d.ids[e.ID]; cur == nil || cur.Kind >= e.Kind {
		d.ids[e.ID] = e
	}
}

// remove forgets an entity (only an edit's rollback does this: entities
// are otherwise never removed).
func (d *Document) remove(key Key) {
	if d.kinds[key.Kind][key.ID] == nil {
		return
	}
	delete(d.kinds[key.Kind], key.ID)
	d.n--
	d.changed(key.Kind)
	if cur := d.ids[key.ID]; cur != nil && cur.Kind == key.Kind {
		delete(d.ids, key.ID)
		for kind, m := range d.kinds {
			if e := m[key.ID]; e != nil {
				if cur := d.ids[key.ID]; cur == nil || kind < cur.Kind {
					d.ids[key.ID] = e
				}
			}
		}
	}
}

func (d *Document) changed(kind string) {
	if d.gens == nil {
		d.gens = map[string]uint64{}
	}
	d.gens[kind]++
	d.version++
}

// Clone returns a copy of the document that can be changed without
// changing d. It is cheap: entities are shared until they change.
func (d *Document) Clone() *Document {
	c := &Document{plan: d.plan, n: d.n, ids: make(map[string]*Entity, len(d.ids)), kinds: make(map[string]map[string]*Entity, len(d.kinds))}
	for k, v := range d.ids {
		c.ids[k] = v
	}
	for kind, m := range d.kinds {
		cm := make(map[string]*Entity, len(m))
		for k, v := range m {
			cm[k] = v
		}
		c.kinds[kind] = cm
	}
	return c
}

// each calls fn for every entity, in no particular order.
func (d *Document) each(fn func(e *Entity)) {
	for _, m := range d.kinds {
		for _, e := range m {
			fn(e)
		}
	}
}

// MaxCounter returns the highest counter of replica r that the document
// has seen.
func (d *Document) MaxCounter(r string) uint64 {
	var n uint64
	d.each(func(e *Entity) {
		for _, f := range e.Fields {
			if m := f.Ctx.Get(r); m > n {
				n = m
			}
		}
	})
	return n
}

// Latest returns the latest write time in the document.
func (d *Document) Latest() Time {
	var t Time
	d.each(func(e *Entity) {
		for _, f := range e.Fields {
			for _, v := range f.Vals {
				if v.At > t {
					t = v.At
				}
			}
		}
	})
	return t
}

// Ahead counts the values written later than limit, and returns the latest
// of them: a sender whose clock runs far ahead shows up here.
func (d *Document) Ahead(limit Time) (n int, latest Time) {
	d.each(func(e *Entity) {
		for _, f := range e.Fields {
			for _, v := range f.Vals {
				if v.At > limit {
					n++
					latest = max(latest, v.At)
				}
			}
		}
	})
	return n, latest
}

// PlanMismatchError reports an attempt to merge two different plans.
type PlanMismatchError struct{ Plan, Other string }

func (e *PlanMismatchError) Error() string {
	return fmt.Sprintf("this is plan %s, not plan %s: bundles of different plans are never merged", e.Plan, e.Other)
}

// RefusedError reports an entity whose two states no honest history
// produces (see FieldError); a merge that meets one changes nothing.
type RefusedError struct {
	Kind, ID, Field string
	Err             *FieldError
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("%s %s, field %s: %s", e.Kind, e.ID, e.Field, e.Err)
}

func (e *RefusedError) Unwrap() error { return e.Err }

func (e *RefusedError) before(o *RefusedError) bool {
	if e.Kind != o.Kind {
		return e.Kind < o.Kind
	}
	if e.ID != o.ID {
		return e.ID < o.ID
	}
	return e.Field < o.Field
}

// MergeStats counts what a merge changed.
type MergeStats struct {
	NewEntities   int // entities the document did not have
	NewReplicas   int // of those, the records of laptops (replicas) new to it
	UpdatedFields int // fields whose state changed
	NewConflicts  int // fields that became conflicted
}

// Changed reports whether the merge changed anything.
func (s MergeStats) Changed() bool { return s.NewEntities > 0 || s.UpdatedFields > 0 }

// Merge merges o into d. It changes nothing and returns an error when o is
// another plan, or when a field's two states could not both come from
// honest writers (a *RefusedError).
func (d *Document) Merge(o *Document) (MergeStats, error) {
	var st MergeStats
	if d.plan != o.plan {
		return st, &PlanMismatchError{Plan: d.plan, Other: o.plan}
	}
	type change struct {
		e     *Entity
		isNew bool
	}
	var changes []change
	var refused *RefusedError // the first in (kind, id, field) order, whatever the map order
	for kind, om := range o.kinds {
		dm := d.kinds[kind]
		for id, oe := range om {
			e := dm[id]
			if e == nil {
				changes = append(changes, change{oe, true})
				continue
			}
			if e == oe {
				continue
			}
			var merged *Entity
			for _, onf := range oe.Fields {
				name, of := onf.Name, onf.Field
				f, had := e.Fields.Get(name)
				nf := of
				if had {
					var err error
					if nf, err = MergeFields(f, of); err != nil {
						r := &RefusedError{Kind: kind, ID: id, Field: name, Err: err.(*FieldError)}
						if refused == nil || r.before(refused) {
							refused = r
						}
						continue
					}
					if nf.Equal(f) {
						continue
					}
				}
				if refused != nil {
					continue
				}
				if merged == nil {
					merged = e.clone()
				}
				merged.setField(name, nf)
				st.UpdatedFields++
				if nf.Conflicted() && !f.Conflicted() {
					st.NewConflicts++
				}
			}
			if merged != nil {
				changes = append(changes, change{merged, false})
			}
		}
	}
	if refused != nil {
		return MergeStats{}, refused
	}
	for _, c := range changes {
		d.set(c.e)
		if c.isNew {
			st.NewEntities++
			if c.e.Kind == KindReplica {
				st.NewReplicas++
			}
		}
	}
	return st, nil
}

// Conflict is a disagreement that a person must settle: a field with
// several values, or an entity deleted on one replica and edited on another.
type Conflict struct {
	Entity *Entity
	Field  string // for a deletion conflict, FieldDeleted
	Vals   []Val  // the competing values; for a deletion, the deletion first, then the edits
}

// DeletionConflict reports whether the conflict is between a deletion and
// concurrent edits.
func (c Conflict) DeletionConflict() bool {
	return c.Field == FieldDeleted && !c.Entity.Field(FieldDeleted).Conflicted()
}

// Conflicts returns every unsettled conflict, sorted by entity and field.
// Conflicting values in the fields of a deleted entity are not listed.
// The list is kept until the document changes: callers must not change it.
func (d *Document) Conflicts() []Conflict {
	if d.conflicts != nil && d.conflicts.version == d.version {
		return d.conflicts.list
	}
	list := d.findConflicts()
	d.conflicts = &conflictsMemo{version: d.version, list: list}
	return list
}

func (d *Document) findConflicts() []Conflict {
	var out []Conflict
	for _, e := range d.Entities() {
		deleted := e.Deleted()
		for _, name := range e.FieldNames() {
			// The fields of a deleted entity no longer matter; its deletion does.
			if deleted && name != FieldDeleted {
				continue
			}
			if f := e.Field(name); f.Conflicted() {
				out = append(out, Conflict{Entity: e, Field: name, Vals: f.Vals})
			}
		}
		if edits := e.EditsUnseenByDeletion(); len(edits) > 0 && !e.Field(FieldDeleted).Conflicted() {
			vals := append([]Val{e.Field(FieldDeleted).Vals[0]}, edits...)
			out = append(out, Conflict{Entity: e, Field: FieldDeleted, Vals: vals})
		}
	}
	return out
}

// HasConflict reports whether the entity has a conflict to settle.
func (e *Entity) HasConflict() bool {
	if len(e.EditsUnseenByDeletion()) > 0 {
		return true
	}
	if e.Deleted() {
		return false
	}
	for _, f := range e.Fields {
		if f.Conflicted() {
			return true
		}
	}
	return false
}

// ConflictOf returns the conflict of one field of an entity, if it has one.
func (d *Document) ConflictOf(k Key, field string) (Conflict, bool) {
	e := d.Get(k.Kind, k.ID)
	if e == nil {
		return Conflict{}, false
	}
	if f := e.Field(field); f.Conflicted() && (!e.Deleted() || field == FieldDeleted) {
		return Conflict{Entity: e, Field: field, Vals: f.Vals}, true
	}
	return Conflict{}, false
}
