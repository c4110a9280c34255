package stratplan

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"stratplan/internal/jsonread"
)

// EntityDecoder reads entities token by token, straight into Entity values,
// checking the format's limits and rules as it goes: identifiers, value
// types, counters at most MaxCounter, times the app can write back, every
// value's dot covered by its field's context and present once, and a value
// in every field whose context is not empty. The first problem stops it,
// with an EntityError that names the entity, the field and the byte.
type EntityDecoder struct {
	r     *jsonread.Reader
	names map[string]string // kinds, field names and replica ids read so far, one copy each
	// Names read last, checked before the map: entities of a kind have the
	// same fields in the same order, and a field's ctx and dot name the same
	// replica.
	lastKind    string
	lastFields  [8]string
	lastMore    string // the names of fields past the eighth
	lastReplica string

	// The entity being read, for messages and limits.
	id    string
	field string
	text  int // bytes of its strings so far

	// Buffers reused from one entity to the next.
	fields []namedField
	ctx    Context
	vals   []Val
	refs   []string

	// Contexts and value lists are cut from larger arrays: one allocation
	// for many fields. Each piece has no spare capacity, so an append to it
	// copies (fields are immutable anyway).
	ctxSlab Context
	valSlab []Val
	slabs   int // allocated so far, counted up to 5
}

// slabSize is the length of the next slab: small for the first entities,
// so that reading a small file allocates little, then 256.
func (d *EntityDecoder) slabSize() int {
	if d.slabs < 5 {
		d.slabs++
	}
	return 8 << d.slabs
}

type namedField struct {
	name string
	f    Field
}

// maxNames bounds the names a decoder keeps one copy of: an honest plan has
// a few dozen replicas, kinds and field names.
const maxNames = 4096

// NewEntityDecoder returns a decoder of the entities r reads.
func NewEntityDecoder(r *jsonread.Reader) *EntityDecoder {
	return &EntityDecoder{r: r, names: make(map[string]string)}
}

// Decode reads the entity at the reader's position: a JSON object with
// exactly the members id, kind and fields.
func (d *EntityDecoder) Decode() (*Entity, error) {
	d.id, d.field, d.text = "", "", 0
	r := d.r
	start := r.Offset()
	if k := r.Kind(); k != jsonread.Object {
		return nil, d.failKind("an entity must be a JSON object", k)
	}
	if err := r.Token(); err != nil {
		return nil, d.fail("", err)
	}
	e := &Entity{}
	hasFields := false
	for {
		more, err := r.More()
		if err != nil {
			return nil, d.fail("", err)
		}
		if !more {
			break
		}
		name, err := d.str()
		if err != nil {
			return nil, err
		}
		switch string(name) {
		case "id":
			const msg = "the id must be 1–64 characters from A–Z, a–z, 0–9, _ and -"
			s, err := d.strOf(msg)
			if err != nil {
				return nil, err
			}
			if !ValidID(string(s)) {
				return nil, d.failLast(fmt.Sprintf("%s (it is %s)", msg, quote(s)))
			}
			e.ID = string(s)
			d.id = e.ID
		case "kind":
			const msg = "the kind must be a short name such as \"swot\""
			s, err := d.strOf(msg)
			if err != nil {
				return nil, err
			}
			if !ValidID(string(s)) {
				return nil, d.failLast(fmt.Sprintf("%s (it is %s)", msg, quote(s)))
			}
			e.Kind = d.internAt(&d.lastKind, s)
		case "fields":
			if err := d.readFields(e); err != nil {
				return nil, err
			}
			hasFields = true
		default:
			return nil, d.failLast(fmt.Sprintf("unknown member %s: an entity has only id, kind and fields", quote(name)))
		}
	}
	switch {
	case e.ID == "":
		return nil, d.failAt(start, "an entity has no id")
	case e.Kind == "":
		return nil, d.failAt(start, "the entity has no kind")
	case !hasFields:
		return nil, d.failAt(start, "the entity has no fields object")
	}
	return e, nil
}

func (d *EntityDecoder) readFields(e *Entity) error {
	r := d.r
	if k := r.Kind(); k != jsonread.Object {
		return d.failKind("fields must be an object of named fields", k)
	}
	if err := r.Token(); err != nil {
		return d.fail("", err)
	}
	d.fields = d.fields[:0]
	for {
		more, err := r.More()
		if err != nil {
			return d.fail("", err)
		}
		if !more {
			break
		}
		d.field = ""
		if len(d.fields) == MaxFields {
			return d.fail("", r.Fail("more than %d fields", MaxFields))
		}
		name, err := d.str()
		if err != nil {
			return err
		}
		if len(name) == 0 || len(name) > 64 {
			return d.failLast(fmt.Sprintf("a field name must be 1–64 characters, not %s", quote(name)))
		}
		slot := &d.lastMore
		if len(d.fields) < len(d.lastFields) {
			slot = &d.lastFields[len(d.fields)]
		}
		d.field = d.internAt(slot, name)
		f, err := d.readField(r.Last())
		if err != nil {
			return err
		}
		d.fields = append(d.fields, namedField{d.field, f})
	}
	d.field = ""
	e.Fields = make(Fields, len(d.fields))
	for i, nf := range d.fields {
		e.Fields[i] = NamedField{Name: nf.name, Field: nf.f}
	}
	// Writers sort fields by name; sort what others wrote.
	if !slices.IsSortedFunc(e.Fields, func(a, b NamedField) int { return strings.Compare(a.Name, b.Name) }) {
		slices.SortFunc(e.Fields, func(a, b NamedField) int { return strings.Compare(a.Name, b.Name) })
	}
	clear(d.fields) // keep no values alive in the buffer
	return nil
}

// readField reads the field whose name starts at offset start.
func (d *EntityDecoder) readField(start int64) (Field, error) {
	r := d.r
	var f Field
	if k := r.Kind(); k != jsonread.Object {
		return f, d.failKind("a field must be an object with ctx and vals", k)
	}
	if err := r.Token(); err != nil {
		return f, d.fail("", err)
	}
	hasCtx, hasVals := false, false
	for {
		more, err := r.More()
		if err != nil {
			return f, d.fail("", err)
		}
		if !more {
			break
		}
		name, err := d.str()
		if err != nil {
			return f, err
		}
		switch string(name) {
		case "ctx":
			if f.Ctx, err = d.readContext(); err != nil {
				return f, err
			}
			hasCtx = true
		case "vals":
			if f.Vals, err = d.readVals(); err != nil {
				return f, err
			}
			hasVals = true
		default:
			return f, d.failLast(fmt.Sprintf("a field must have exactly the members ctx and vals, not %s", quote(name)))
		}
	}
	if !hasCtx || !hasVals {
		return f, d.failAt(start, "a field must have exactly the members ctx and vals")
	}
	for _, v := range f.Vals {
		if !covers(f.Ctx, v.Dot) {
			return f, d.failAt(start, fmt.Sprintf("the dot %s is not covered by ctx %s", v.Dot, ctxString(f.Ctx)))
		}
	}
	if !slices.IsSortedFunc(f.Vals, compareVals) {
		slices.SortFunc(f.Vals, compareVals)
	}
	for i := 1; i < len(f.Vals); i++ {
		if f.Vals[i].Dot == f.Vals[i-1].Dot {
			return f, d.failAt(start, fmt.Sprintf("the dot %s appears twice", f.Vals[i].Dot))
		}
	}
	if len(f.Vals) == 0 && len(f.Ctx) > 0 {
		return f, d.failAt(start, fmt.Sprintf("ctx %s but no value: a field that has seen writes keeps at least one of them", ctxString(f.Ctx)))
	}
	return f, nil
}

func compareVals(a, b Val) int {
	if a.Dot.Less(b.Dot) {
		return -1
	}
	if b.Dot.Less(a.Dot) {
		return 1
	}
	return 0
}

// covers reports whether ctx, sorted by replica, covers the write dot.
func covers(ctx Context, dot Dot) bool {
	i, ok := slices.BinarySearchFunc(ctx, dot.Replica, func(s Seen, r string) int {
		switch {
		case s.Replica < r:
			return -1
		case s.Replica > r:
			return 1
		}
		return 0
	})
	return ok && dot.N <= ctx[i].N
}

func (d *EntityDecoder) readContext() (Context, error) {
	r := d.r
	if k := r.Kind(); k != jsonread.Object {
		return nil, d.failKind("ctx must be an object of replica ids and counters", k)
	}
	if err := r.Token(); err != nil {
		return nil, d.fail("", err)
	}
	d.ctx = d.ctx[:0]
	for {
		more, err := r.More()
		if err != nil {
			return nil, d.fail("", err)
		}
		if !more {
			break
		}
		name, err := d.str()
		if err != nil {
			return nil, err
		}
		if !ValidID(string(name)) {
			return nil, d.failLast(fmt.Sprintf("ctx names an invalid replica id %s", quote(name)))
		}
		replica := d.internAt(&d.lastReplica, name)
		if k := r.Kind(); k != jsonread.Number {
			return nil, d.failKind(fmt.Sprintf("the ctx counter of %s must be a whole number from 1 to %d", replica, MaxCounter), k)
		}
		num, err := r.Number()
		if err != nil {
			return nil, d.fail("", err)
		}
		n, ok := parseCounter(num)
		if !ok {
			return nil, d.failLast(fmt.Sprintf("the ctx counter of %s is %s; it must be a whole number from 1 to %d (2^53−1)", replica, quoteNumber(num), MaxCounter))
		}
		d.ctx = append(d.ctx, Seen{Replica: replica, N: n})
	}
	if len(d.ctx) == 0 {
		return nil, nil
	}
	if len(d.ctxSlab) < len(d.ctx) {
		d.ctxSlab = make(Context, max(d.slabSize(), len(d.ctx)))
	}
	ctx := d.ctxSlab[:len(d.ctx):len(d.ctx)]
	d.ctxSlab = d.ctxSlab[len(d.ctx):]
	copy(ctx, d.ctx)
	if !slices.IsSortedFunc(ctx, compareSeen) {
		slices.SortFunc(ctx, compareSeen)
	}
	return ctx, nil
}

func compareSeen(a, b Seen) int {
	switch {
	case a.Replica < b.Replica:
		return -1
	case a.Replica > b.Replica:
		return 1
	}
	return 0
}

// parseCounter reads a dot or ctx counter: digits only, no leading zero,
// from 1 to MaxCounter.
func parseCounter(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 16 || b[0] == '0' {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, n <= MaxCounter
}

func (d *EntityDecoder) readVals() ([]Val, error) {
	r := d.r
	if k := r.Kind(); k != jsonread.Array {
		return nil, d.failKind("vals must be an array", k)
	}
	if err := r.Token(); err != nil {
		return nil, d.fail("", err)
	}
	d.vals = d.vals[:0]
	for {
		more, err := r.More()
		if err != nil {
			return nil, d.fail("", err)
		}
		if !more {
			break
		}
		if len(d.vals) == MaxValues {
			return nil, d.fail("", r.Fail("more than %d values", MaxValues))
		}
		v, err := d.readVal()
		if err != nil {
			return nil, err
		}
		d.vals = append(d.vals, v)
	}
	if len(d.vals) == 0 {
		return nil, nil
	}
	if len(d.valSlab) < len(d.vals) {
		d.valSlab = make([]Val, max(d.slabSize(), len(d.vals)))
	}
	vals := d.valSlab[:len(d.vals):len(d.vals)]
	d.valSlab = d.valSlab[len(d.vals):]
	copy(vals, d.vals)
	clear(d.vals)
	return vals, nil
}

const valMembers = "a value must be an object with exactly dot, at and v"

func (d *EntityDecoder) readVal() (Val, error) {
	r := d.r
	var v Val
	if k := r.Kind(); k != jsonread.Object {
		return v, d.failKind(valMembers, k)
	}
	if err := r.Token(); err != nil {
		return v, d.fail("", err)
	}
	var has [3]bool
	for {
		more, err := r.More()
		if err != nil {
			return v, d.fail("", err)
		}
		if !more {
			break
		}
		name, err := d.str()
		if err != nil {
			return v, err
		}
		switch string(name) {
		case "dot":
			s, err := d.strOf("dot must be a string \"replica:counter\"")
			if err != nil {
				return v, err
			}
			if v.Dot, err = d.parseDot(s); err != nil {
				return v, d.failLast(fmt.Sprintf("dot %s: %v", quote(s), err))
			}
			has[0] = true
		case "at":
			s, err := d.strOf("at must be an RFC 3339 time string")
			if err != nil {
				return v, err
			}
			if v.At, err = parseTime(s); err != nil {
				return v, d.failLast(fmt.Sprintf("at %s: %v", quote(s), err))
			}
			has[1] = true
		case "v":
			if v.V, err = d.readValue(); err != nil {
				return v, err
			}
			has[2] = true
		default:
			return v, d.failLast(fmt.Sprintf("%s, not %s", valMembers, quote(name)))
		}
	}
	if !has[0] || !has[1] || !has[2] {
		return v, d.failAt(r.End()-1, valMembers) // at the value's closing brace
	}
	return v, nil
}

// parseDot reads "R:N" with a valid replica id and 1 ≤ N ≤ MaxCounter.
func (d *EntityDecoder) parseDot(s []byte) (Dot, error) {
	i := len(s) - 1
	for i >= 0 && s[i] != ':' {
		i--
	}
	if i < 0 {
		return Dot{}, errors.New("a dot must read replica:counter")
	}
	if !ValidID(string(s[:i])) {
		return Dot{}, errors.New("the dot's replica id is not a valid identifier")
	}
	n, ok := parseCounter(s[i+1:])
	if !ok {
		return Dot{}, fmt.Errorf("the dot's counter must be a whole number from 1 to %d (2^53−1)", MaxCounter)
	}
	return Dot{Replica: d.internAt(&d.lastReplica, s[:i]), N: n}, nil
}

func (d *EntityDecoder) readValue() (Value, error) {
	r := d.r
	switch k := r.Kind(); k {
	case jsonread.String:
		s, err := d.str()
		if err != nil {
			return Value{}, err
		}
		return Text(string(s)), nil
	case jsonread.True, jsonread.False:
		if err := r.Token(); err != nil {
			return Value{}, d.fail("", err)
		}
		return Bool(k == jsonread.True), nil
	case jsonread.Null:
		if err := r.Token(); err != nil {
			return Value{}, d.fail("", err)
		}
		return Null(), nil
	case jsonread.Number:
		num, err := r.Number()
		if err != nil {
			return Value{}, d.fail("", err)
		}
		return Value{}, d.failLast(fmt.Sprintf("the number %s must be written as a string (\"%s\")", quoteNumber(num), quoteNumber(num)))
	case jsonread.Array:
		return d.readRefs()
	default:
		return Value{}, d.failKind("a value must be a string, true, false, null or a list of strings", k)
	}
}

func (d *EntityDecoder) readRefs() (Value, error) {
	r := d.r
	if err := r.Token(); err != nil {
		return Value{}, d.fail("", err)
	}
	d.refs = d.refs[:0]
	for {
		more, err := r.More()
		if err != nil {
			return Value{}, d.fail("", err)
		}
		if !more {
			break
		}
		if k := r.Kind(); k != jsonread.String {
			return Value{}, d.failKind("a list value may hold only strings (references)", k)
		}
		if len(d.refs) == MaxRefs {
			return Value{}, d.fail("", r.Fail("a list value holds more than %d references", MaxRefs))
		}
		s, err := d.str()
		if err != nil {
			return Value{}, err
		}
		d.refs = append(d.refs, string(s))
	}
	refs := slices.Clone(d.refs)
	if refs == nil {
		refs = []string{}
	}
	clear(d.refs)
	return Value{typ: RefsValue, refs: refs}, nil
}

// str reads a string, counting it against the entity's bound on text.
func (d *EntityDecoder) str() ([]byte, error) {
	s, err := d.r.Str()
	if err != nil {
		return nil, d.fail("", err)
	}
	d.text += len(s)
	if d.text > MaxEntityText {
		return nil, d.failLast(fmt.Sprintf("the entity holds more than %d MiB of text", MaxEntityText>>20))
	}
	return s, nil
}

// internAt returns one shared copy of a name that many entities repeat;
// last holds the name read last at the same place.
func (d *EntityDecoder) internAt(last *string, b []byte) string {
	if string(b) == *last {
		return *last
	}
	s, ok := d.names[string(b)]
	if !ok {
		s = intern(string(b))
		if len(d.names) < maxNames {
			d.names[s] = s
		}
	}
	*last = s
	return s
}

// fail wraps an error of the reader with the entity and field being read.
func (d *EntityDecoder) fail(field string, err error) error {
	if field == "" {
		field = d.field
	}
	var je *jsonread.Error
	if errors.As(err, &je) {
		return &EntityError{ID: d.id, Field: field, Msg: je.Msg, Offset: je.Offset}
	}
	return err // already an EntityError, or the input's own error, such as a failed read
}

// failAt refuses the entity at the byte at offset off.
func (d *EntityDecoder) failAt(off int64, msg string) error {
	return &EntityError{ID: d.id, Field: d.field, Msg: msg, Offset: off}
}

func (d *EntityDecoder) failLast(msg string) error { return d.failAt(d.r.Last(), msg) }

// failKind refuses the next token, which is of kind k where the format
// wants something else; a broken token is reported as it is.
func (d *EntityDecoder) failKind(msg string, k jsontext.Kind) error {
	if k == 0 {
		return d.fail("", d.r.Token())
	}
	return d.failAt(d.r.Offset(), fmt.Sprintf("%s, not %s", msg, jsonread.KindName(k)))
}

// strOf reads a string member; msg says what it must be when it is not a
// string.
func (d *EntityDecoder) strOf(msg string) ([]byte, error) {
	if k := d.r.Kind(); k != jsonread.String {
		return nil, d.failKind(msg, k)
	}
	return d.str()
}

// quote writes a string read from a file for a message, shortened.
func quote(b []byte) string {
	const max = 60
	if len(b) > max {
		i := max
		for i > 0 && !utf8.RuneStart(b[i]) {
			i--
		}
		return strconv.Quote(string(b[:i])) + "…"
	}
	return strconv.Quote(string(b))
}

func quoteNumber(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}

func ctxString(c Context) string {
	b := []byte{'{'}
	for i, s := range c {
		if i == 8 {
			b = append(b, ",…"...)
			break
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, s.Replica...)
		b = append(b, ':')
		b = strconv.AppendUint(b, s.N, 10)
	}
	return string(append(b, '}'))
}

var (
	errTimeSyntax = errors.New("a time must be RFC 3339, e.g. 2026-11-27T10:00:00.000Z")
	errTimeRange  = errors.New("a time must fall in the years 0000 to 9999 (UTC), the times the app can write back")
)

// parseTime reads an RFC 3339 time that the app can write back: its year,
// in UTC, from 0000 to 9999. The form writers use is read without the
// time package.
func parseTime(b []byte) (Time, error) {
	if t, ok := parseCanonicalTime(b); ok {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, string(b))
	if err != nil {
		return 0, errTimeSyntax
	}
	if y := t.UTC().Year(); y < 0 || y > 9999 {
		return 0, errTimeRange
	}
	return TimeOf(t), nil
}

// parseCanonicalTime reads "YYYY-MM-DDTHH:MM:SS.mmmZ", the form every
// writer of the format uses.
func parseCanonicalTime(b []byte) (Time, bool) {
	if len(b) != 24 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' || b[19] != '.' || b[23] != 'Z' {
		return 0, false
	}
	num := func(i, n int) (int64, bool) {
		var v int64
		for _, c := range b[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int64(c-'0')
		}
		return v, true
	}
	year, ok1 := num(0, 4)
	month, ok2 := num(5, 2)
	day, ok3 := num(8, 2)
	hour, ok4 := num(11, 2)
	minute, ok5 := num(14, 2)
	sec, ok6 := num(17, 2)
	ms, ok7 := num(20, 3)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) || month < 1 || month > 12 || day < 1 ||
		day > daysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return 0, false
	}
	days := daysFromCivil(year, month, day)
	return Time(((days*24+hour)*60+minute)*60000 + sec*1000 + ms), true
}

func daysIn(month, year int64) int64 {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil counts the days from 1970-01-01 to a date of the proleptic
// Gregorian calendar (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
