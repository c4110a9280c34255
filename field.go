package stratplan

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Dot names one write: the N-th write of replica Replica.
type Dot struct {
	Replica string
	N       uint64
}

// String returns the dot as written in bundles, "R:N".
func (d Dot) String() string { return d.Replica + ":" + strconv.FormatUint(d.N, 10) }

// Less orders dots by replica id, then by counter.
func (d Dot) Less(o Dot) bool {
	if d.Replica != o.Replica {
		return d.Replica < o.Replica
	}
	return d.N < o.N
}

// ParseDot reads "R:N" with a valid replica id and N ≥ 1.
func ParseDot(s string) (Dot, error) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return Dot{}, errors.New("a dot must read replica:counter")
	}
	r, num := s[:i], s[i+1:]
	if !ValidID(r) {
		return Dot{}, errors.New("the dot's replica id is not a valid identifier")
	}
	n, err := strconv.ParseUint(num, 10, 64)
	if err != nil || n == 0 || num[0] == '0' {
		return Dot{}, errors.New("the dot's counter must be a whole number from 1")
	}
	if n > MaxCounter {
		return Dot{}, fmt.Errorf("the dot's counter is larger than %d, the most a counter may be", uint64(MaxCounter))
	}
	return Dot{Replica: r, N: n}, nil
}

// Seen is one entry of a Context: the highest counter of Replica's writes
// that a field has seen.
type Seen struct {
	Replica string
	N       uint64
}

// Context is a version vector, sorted by replica id. Contexts are immutable:
// operations return new ones.
type Context []Seen

// Get returns the highest counter of replica r in the context.
func (c Context) Get(r string) uint64 {
	for _, s := range c {
		if s.Replica == r {
			return s.N
		}
	}
	return 0
}

// Covers reports whether the write d is in the context.
func (c Context) Covers(d Dot) bool { return d.N <= c.Get(d.Replica) }

// Join returns the pointwise maximum of two contexts.
func (c Context) Join(o Context) Context {
	if len(o) == 0 {
		return c
	}
	if len(c) == 0 {
		return o
	}
	out := make(Context, 0, len(c)+len(o))
	i, j := 0, 0
	for i < len(c) && j < len(o) {
		switch {
		case c[i].Replica < o[j].Replica:
			out = append(out, c[i])
			i++
		case c[i].Replica > o[j].Replica:
			out = append(out, o[j])
			j++
		default:
			s := c[i]
			if o[j].N > s.N {
				s.N = o[j].N
			}
			out = append(out, s)
			i++
			j++
		}
	}
	out = append(out, c[i:]...)
	return append(out, o[j:]...)
}

// Equal reports whether two contexts are the same.
func (c Context) Equal(o Context) bool {
	if len(c) != len(o) {
		return false
	}
	for i := range c {
		if c[i] != o[i] {
			return false
		}
	}
	return true
}

// Val is one value of a field together with the write that made it.
type Val struct {
	Dot Dot
	At  Time
	V   Value
}

// Time is a wall-clock instant in milliseconds since 1970 UTC, as written
// by a replica's hybrid logical clock.
type Time int64

// TimeOf converts a time.Time.
func TimeOf(t time.Time) Time { return Time(t.UnixMilli()) }

// Time converts to a time.Time in UTC.
func (t Time) Time() time.Time { return time.UnixMilli(int64(t)).UTC() }

// String returns the time in RFC 3339 with milliseconds, as bundles write it.
func (t Time) String() string { return t.Time().Format("2006-01-02T15:04:05.000Z") }

// ParseTime reads an RFC 3339 time.
func ParseTime(s string) (Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return 0, errors.New("a time must be RFC 3339, e.g. 2026-11-27T10:00:00.000Z")
	}
	return TimeOf(t), nil
}

// Field is a multi-value register: the values no write has superseded
// (one normally, several when replicas wrote concurrently) and the context
// of writes it has seen. Fields are immutable: operations return new ones.
type Field struct {
	Ctx  Context
	Vals []Val // sorted by dot
}

// Value returns the displayed value: the latest, ties broken by the larger
// dot. A field that was never written reads as null.
func (f Field) Value() Value {
	if len(f.Vals) == 0 {
		return Null()
	}
	best := f.Vals[0]
	for _, v := range f.Vals[1:] {
		if v.At > best.At || v.At == best.At && best.Dot.Less(v.Dot) {
			best = v
		}
	}
	return best.V
}

// Conflicted reports whether replicas wrote the field concurrently and
// nobody has settled it yet.
func (f Field) Conflicted() bool { return len(f.Vals) > 1 }

// Write returns the field after a local write of v with dot d: the new value
// supersedes every value the field showed.
func (f Field) Write(d Dot, at Time, v Value) Field {
	return Field{
		Ctx:  f.Ctx.Join(Context{{Replica: d.Replica, N: d.N}}),
		Vals: []Val{{Dot: d, At: at, V: v}},
	}
}

// FieldError says why two states of one field cannot both come from honest
// writers, so that merging them would let laptops disagree for good or
// erase data without replacing it.
type FieldError struct {
	// Dot is the write at stake.
	Dot Dot
	// A and B are the two different writes that carry the same dot; for an
	// erasure, A is the value erased and B is zero.
	A, B  Val
	Erase bool
}

func (e *FieldError) Error() string {
	if e.Erase {
		return fmt.Sprintf("one side says it has seen the write %s (%s) but holds no newer value that replaces it: merging would erase it", e.Dot, describeVal(e.A))
	}
	return fmt.Sprintf("the write %s carries two different values (%s and %s): one write always has one value, so one of the files was forged or damaged, or a plan file was restored from an old copy and wrote again under the same replica", e.Dot, describeVal(e.A), describeVal(e.B))
}

func describeVal(v Val) string {
	s := v.V.String()
	if len([]rune(s)) > 60 {
		s = string([]rune(s)[:59]) + "…"
	}
	return fmt.Sprintf("%q at %s", s, v.At)
}

// MergeFields merges two states of one field: a value survives when both
// sides have it or the other side has not seen its write.
//
// It refuses two states that no honest history produces: the same dot with
// two different writes (values or times), and a side that has seen a value
// the other holds yet offers no newer value of its own (an honest writer
// only leaves a value behind by writing a newer one, which the other side
// cannot have seen, or it would not hold the old value any more). Both
// checks look only at the two states, so a refusal does not depend on which
// side is which.
func MergeFields(a, b Field) (Field, error) {
	vals := make([]Val, 0, len(a.Vals)+len(b.Vals))
	var droppedA, droppedB *Val // a value one side drops
	newA, newB := false, false  // a value the other side has not seen
	i, j := 0, 0
	for i < len(a.Vals) || j < len(b.Vals) {
		switch {
		case j == len(b.Vals) || i < len(a.Vals) && a.Vals[i].Dot.Less(b.Vals[j].Dot):
			if !b.Ctx.Covers(a.Vals[i].Dot) {
				vals = append(vals, a.Vals[i])
				newA = true
			} else if droppedA == nil {
				droppedA = &a.Vals[i]
			}
			i++
		case i == len(a.Vals) || b.Vals[j].Dot.Less(a.Vals[i].Dot):
			if !a.Ctx.Covers(b.Vals[j].Dot) {
				vals = append(vals, b.Vals[j])
				newB = true
			} else if droppedB == nil {
				droppedB = &b.Vals[j]
			}
			j++
		default: // the same write on both sides
			if a.Vals[i].At != b.Vals[j].At || !a.Vals[i].V.Equal(b.Vals[j].V) {
				x, y := a.Vals[i], b.Vals[j]
				if valLess(y, x) {
					x, y = y, x
				}
				return Field{}, &FieldError{Dot: x.Dot, A: x, B: y}
			}
			vals = append(vals, a.Vals[i])
			i++
			j++
		}
	}
	// Report the erased value with the smaller dot, whichever side it is on.
	var erased *Val
	if droppedA != nil && !newB {
		erased = droppedA
	}
	if droppedB != nil && !newA && (erased == nil || droppedB.Dot.Less(erased.Dot)) {
		erased = droppedB
	}
	if erased != nil {
		return Field{}, &FieldError{Dot: erased.Dot, A: *erased, Erase: true}
	}
	return Field{Ctx: a.Ctx.Join(b.Ctx), Vals: vals}, nil
}

// valLess orders two writes of the same dot, so that an error names them in
// the same order whichever side each came from.
func valLess(x, y Val) bool {
	if x.At != y.At {
		return x.At < y.At
	}
	return x.V.Type() < y.V.Type() || x.V.Type() == y.V.Type() && x.V.String() < y.V.String()
}

// Equal reports whether two field states are the same.
func (f Field) Equal(o Field) bool {
	if !f.Ctx.Equal(o.Ctx) || len(f.Vals) != len(o.Vals) {
		return false
	}
	for i := range f.Vals {
		if f.Vals[i].Dot != o.Vals[i].Dot || f.Vals[i].At != o.Vals[i].At || !f.Vals[i].V.Equal(o.Vals[i].V) {
			return false
		}
	}
	return true
}
