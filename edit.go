package stratplan

import (
	"errors"
	"fmt"
)

// Author is the replica that makes local writes: its id, the counter of its
// writes and its clock. The counter must be stored with every write.
type Author struct {
	Replica string
	Counter uint64
	Clock   Clock
}

// ErrCounterSpent is returned by an edit when its replica has issued
// MaxCounter writes: the store then writes on under a new replica id.
var ErrCounterSpent = errors.New("this replica has used up its write counter")

func (a *Author) next() (Dot, Time, error) {
	if a.Counter >= MaxCounter {
		return Dot{}, 0, ErrCounterSpent
	}
	a.Counter++
	return Dot{Replica: a.Replica, N: a.Counter}, a.Clock.Now(), nil
}

// Change sets one field to one value.
type Change struct {
	Field string
	V     Value
}

// Set is a shorthand for a Change.
func Set(field string, v Value) Change { return Change{Field: field, V: v} }

// Edit is one user edit in progress: local writes on a document that can be
// rolled back as a whole if they cannot be stored.
type Edit struct {
	doc     *Document
	author  *Author
	counter uint64
	clock   Clock
	before  map[Key]*Entity // nil value: the entity did not exist
	order   []Key
}

// Begin starts an edit of d by a.
func (d *Document) Begin(a *Author) *Edit {
	return &Edit{doc: d, author: a, counter: a.Counter, clock: a.Clock, before: map[Key]*Entity{}}
}

// Replica returns the id of the replica making the edit.
func (ed *Edit) Replica() string { return ed.author.Replica }

// Doc returns the document being edited.
func (ed *Edit) Doc() *Document { return ed.doc }

// ErrNoEntity is returned when an edit names an entity the plan lacks.
var ErrNoEntity = errors.New("no such entity")

// Set writes the changes to the entity id of the given kind, creating it if
// needed; a deleted entity that is edited is restored. A change to the value
// the field already shows, without a conflict, writes nothing.
func (ed *Edit) Set(id, kind string, changes ...Change) error {
	if !ValidID(id) {
		return fmt.Errorf("invalid entity id %q", id)
	}
	if !ValidID(kind) {
		return fmt.Errorf("invalid kind %q", kind)
	}
	e := ed.doc.Get(kind, id)
	var ne *Entity
	for _, c := range changes {
		if e != nil {
			if f, ok := e.Fields.Get(c.Field); ok && !f.Conflicted() && f.Value().Equal(c.V) {
				continue
			}
		}
		if ne == nil {
			if e == nil {
				ne = &Entity{ID: id, Kind: kind}
			} else {
				ne = e.clone()
			}
		}
		dot, at, err := ed.author.next()
		if err != nil {
			return err
		}
		ne.setField(c.Field, ne.Field(c.Field).Write(dot, at, c.V))
	}
	if ne == nil {
		return nil
	}
	ed.replace(e, ne)
	// Editing a deleted entity keeps it: the edit has seen the deletion, so
	// restore it rather than leave an edit that looks concurrent with it.
	if e != nil && e.Value(FieldDeleted).Bool() {
		return ed.setDeleted(kind, id, false)
	}
	return nil
}

// Delete marks the entity deleted. The deletion records every write on the
// entity it has seen, so an edit made elsewhere at the same time shows up as
// a conflict instead of vanishing.
func (ed *Edit) Delete(kind, id string) error { return ed.setDeleted(kind, id, true) }

// Restore undoes a deletion; it also settles a conflict between a deletion
// and concurrent edits in favour of keeping the entity.
func (ed *Edit) Restore(kind, id string) error { return ed.setDeleted(kind, id, false) }

func (ed *Edit) setDeleted(kind, id string, deleted bool) error {
	e := ed.doc.Get(kind, id)
	if e == nil {
		return fmt.Errorf("%w: %s %s", ErrNoEntity, kind, id)
	}
	f := e.Field(FieldDeleted)
	if f.Value().Bool() == deleted && !f.Conflicted() && len(e.EditsUnseenByDeletion()) == 0 {
		return nil
	}
	ne := e.clone()
	dot, at, err := ed.author.next()
	if err != nil {
		return err
	}
	nf := f.Write(dot, at, Bool(deleted))
	nf.Ctx = nf.Ctx.Join(e.seen())
	ne.setField(FieldDeleted, nf)
	ed.replace(e, ne)
	return nil
}

// Resolve settles a field conflict by writing v, which supersedes every
// value the field showed, here and, once it travels, everywhere.
func (ed *Edit) Resolve(k Key, field string, v Value) error {
	e := ed.doc.Get(k.Kind, k.ID)
	if e == nil {
		return fmt.Errorf("%w: %s %s", ErrNoEntity, k.Kind, k.ID)
	}
	if field == FieldDeleted {
		return ed.setDeleted(k.Kind, k.ID, v.Bool())
	}
	ne := e.clone()
	dot, at, err := ed.author.next()
	if err != nil {
		return err
	}
	ne.setField(field, e.Field(field).Write(dot, at, v))
	ed.replace(e, ne)
	if e.Value(FieldDeleted).Bool() {
		return ed.setDeleted(k.Kind, k.ID, false) // as for Set: an edit keeps the entity
	}
	return nil
}

func (ed *Edit) replace(old, ne *Entity) {
	k := ne.Key()
	if _, ok := ed.before[k]; !ok {
		ed.before[k] = old
		ed.order = append(ed.order, k)
	}
	ed.doc.set(ne)
}

// Changed returns the entities the edit wrote, in the order first written.
func (ed *Edit) Changed() []*Entity {
	out := make([]*Entity, len(ed.order))
	for i, k := range ed.order {
		out[i] = ed.doc.Get(k.Kind, k.ID)
	}
	return out
}

// Rollback undoes every write of the edit, in the document and in the
// author's counter and clock.
func (ed *Edit) Rollback() {
	for k, e := range ed.before {
		if e == nil {
			ed.doc.remove(k)
		} else {
			ed.doc.set(e)
		}
	}
	ed.author.Counter = ed.counter
	ed.author.Clock = ed.clock
	ed.before = map[Key]*Entity{}
	ed.order = nil
}

// AdoptVision makes the vision with the given id the one its workshop
// adopts: exactly one adopted vision per workshop.
func (ed *Edit) AdoptVision(workshop, id string) error {
	for _, v := range ed.doc.Visions(workshop) {
		if v.E.ID != id && v.Adopted {
			if err := ed.Set(v.E.ID, KindVision, Set("adopted", Bool(false))); err != nil {
				return err
			}
		}
	}
	return ed.Set(id, KindVision, Set("adopted", Bool(true)), Set(FieldWorkshop, Text(workshop)))
}

// SetVote records the points a participant gives a priority or a vision.
// The vote's id comes from voter and target, so the same vote entered on
// two laptops is one entity.
func (ed *Edit) SetVote(workshop, voter, target string, points int) error {
	if points < 0 {
		return fmt.Errorf("a vote cannot be negative")
	}
	return ed.Set(VoteID(voter, target), KindVote, Set("voter", Text(voter)), Set("target", Text(target)),
		Set("points", Int(points)), Set(FieldWorkshop, Text(workshop)))
}

// ReviseTarget changes an indicator's target (field "target", or
// "target_text" for a qualitative one) and records the revision with its
// reason and date; revisions are never overwritten.
func (ed *Edit) ReviseTarget(indicator, field, newTarget, reason, date string) error {
	e := ed.doc.Get(KindIndicator, indicator)
	if e == nil {
		return fmt.Errorf("%w %s", ErrNoEntity, indicator)
	}
	old := e.Str(field)
	if old == newTarget {
		return nil
	}
	if err := ed.Set(indicator, KindIndicator, Set(field, Text(newTarget))); err != nil {
		return err
	}
	if old == "" {
		return nil // setting a first target is not a revision
	}
	return ed.Set(NewID(), KindTargetRevision, Set("indicator", Text(indicator)), Set("old", Text(old)),
		Set("new", Text(newTarget)), Set("reason", Text(reason)), Set("date", Text(date)),
		Set(FieldWorkshop, Text(e.Str(FieldWorkshop))))
}
