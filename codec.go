package stratplan

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"stratplan/internal/sjson"
)

// Limits on one entity, as the bundle format sets them.
const (
	MaxFields      = 200
	MaxValues      = 64
	MaxStringChars = 100000
	MaxDepth       = 32
)

// EntityError says what is wrong with an entity read from a file, naming the
// entity and, where it applies, the field.
type EntityError struct {
	ID    string
	Field string
	Msg   string
}

func (e *EntityError) Error() string {
	switch {
	case e.ID == "":
		return "entity: " + e.Msg
	case e.Field == "":
		return fmt.Sprintf("entity %s: %s", e.ID, e.Msg)
	}
	return fmt.Sprintf("entity %s, field %s: %s", e.ID, e.Field, e.Msg)
}

// AppendEntityJSON appends the canonical JSON form of e: fields sorted by
// name, contexts by replica, values by dot, numbers as decimal strings.
func AppendEntityJSON(buf []byte, e *Entity) []byte {
	buf = append(buf, `{"id":`...)
	buf = sjson.AppendString(buf, e.ID)
	buf = append(buf, `,"kind":`...)
	buf = sjson.AppendString(buf, e.Kind)
	buf = append(buf, `,"fields":{`...)
	for i, name := range e.FieldNames() {
		if i > 0 {
			buf = append(buf, ',')
		}
		f := e.Fields[name]
		buf = sjson.AppendString(buf, name)
		buf = append(buf, `:{"ctx":{`...)
		for j, s := range f.Ctx {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = sjson.AppendString(buf, s.Replica)
			buf = append(buf, ':')
			buf = strconv.AppendUint(buf, s.N, 10)
		}
		buf = append(buf, `},"vals":[`...)
		for j, v := range f.Vals {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, `{"dot":"`...)
			buf = append(buf, v.Dot.Replica...)
			buf = append(buf, ':')
			buf = strconv.AppendUint(buf, v.Dot.N, 10)
			buf = append(buf, `","at":"`...)
			buf = v.At.Time().AppendFormat(buf, "2006-01-02T15:04:05.000Z")
			buf = append(buf, `","v":`...)
			buf = appendValue(buf, v.V)
			buf = append(buf, '}')
		}
		buf = append(buf, "]}"...)
	}
	return append(buf, "}}"...)
}

func appendValue(buf []byte, v Value) []byte {
	switch v.typ {
	case StringValue:
		return sjson.AppendString(buf, v.str)
	case BoolValue:
		return strconv.AppendBool(buf, v.b)
	case RefsValue:
		buf = append(buf, '[')
		for i, r := range v.refs {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = sjson.AppendString(buf, r)
		}
		return append(buf, ']')
	}
	return append(buf, "null"...)
}

// ParseEntityJSON reads one entity written by AppendEntityJSON, checking
// every invariant of the format.
func ParseEntityJSON(data []byte) (*Entity, error) {
	n, err := sjson.Parse(data, sjson.Limits{MaxDepth: MaxDepth, MaxString: MaxStringChars})
	if err != nil {
		return nil, &EntityError{Msg: err.Error()}
	}
	return DecodeEntity(&n)
}

// DecodeEntity builds an entity from parsed JSON, checking identifiers,
// value types, limits and that every value's dot is covered by its field's
// context and appears once.
func DecodeEntity(n *sjson.Node) (*Entity, error) {
	if n.Kind != sjson.Object {
		return nil, &EntityError{Msg: "an entity must be a JSON object"}
	}
	e := &Entity{}
	var fields *sjson.Node
	for i := range n.Members {
		m := &n.Members[i]
		switch m.Name {
		case "id":
			e.ID = m.Value.Str
			if m.Value.Kind != sjson.String || !ValidID(e.ID) {
				return nil, &EntityError{ID: e.ID, Msg: "the id must be 1–64 characters from A–Z, a–z, 0–9, _ and -"}
			}
		case "kind":
			if m.Value.Kind != sjson.String || !ValidID(m.Value.Str) {
				return nil, &EntityError{ID: e.ID, Msg: "the kind must be a short name such as \"swot\""}
			}
			e.Kind = m.Value.Str
		case "fields":
			fields = &m.Value
		default:
			return nil, &EntityError{ID: e.ID, Msg: fmt.Sprintf("unknown member %q", m.Name)}
		}
	}
	switch {
	case e.ID == "":
		return nil, &EntityError{Msg: "an entity has no id"}
	case e.Kind == "":
		return nil, &EntityError{ID: e.ID, Msg: "the entity has no kind"}
	case fields == nil || fields.Kind != sjson.Object:
		return nil, &EntityError{ID: e.ID, Msg: "the entity has no fields object"}
	case len(fields.Members) > MaxFields:
		return nil, &EntityError{ID: e.ID, Msg: fmt.Sprintf("more than %d fields", MaxFields)}
	}
	e.Fields = make(map[string]Field, len(fields.Members))
	for i := range fields.Members {
		m := &fields.Members[i]
		if m.Name == "" || len(m.Name) > 64 {
			return nil, &EntityError{ID: e.ID, Msg: "a field name must be 1–64 characters"}
		}
		f, msg := decodeField(&m.Value)
		if msg != "" {
			return nil, &EntityError{ID: e.ID, Field: m.Name, Msg: msg}
		}
		e.Fields[m.Name] = f
	}
	return e, nil
}

func decodeField(n *sjson.Node) (Field, string) {
	var f Field
	if n.Kind != sjson.Object {
		return f, "a field must be an object with ctx and vals"
	}
	ctx, ok1 := n.Get("ctx")
	vals, ok2 := n.Get("vals")
	if !ok1 || !ok2 || len(n.Members) != 2 {
		return f, "a field must have exactly the members ctx and vals"
	}
	if ctx.Kind != sjson.Object {
		return f, "ctx must be an object of replica ids and counters"
	}
	f.Ctx = make(Context, 0, len(ctx.Members))
	for _, m := range ctx.Members {
		if !ValidID(m.Name) {
			return f, fmt.Sprintf("ctx names an invalid replica id %q", m.Name)
		}
		c, err := strconv.ParseUint(m.Value.Str, 10, 64)
		if m.Value.Kind != sjson.Number || err != nil || c == 0 {
			return f, fmt.Sprintf("ctx counter of %s must be a whole number from 1", m.Name)
		}
		f.Ctx = append(f.Ctx, Seen{Replica: intern(m.Name), N: c})
	}
	sort.Slice(f.Ctx, func(i, j int) bool { return f.Ctx[i].Replica < f.Ctx[j].Replica })
	if vals.Kind != sjson.Array {
		return f, "vals must be an array"
	}
	if len(vals.Elems) > MaxValues {
		return f, fmt.Sprintf("more than %d values", MaxValues)
	}
	f.Vals = make([]Val, 0, len(vals.Elems))
	for i := range vals.Elems {
		v, msg := decodeVal(&vals.Elems[i])
		if msg != "" {
			return f, msg
		}
		if !f.Ctx.Covers(v.Dot) {
			return f, fmt.Sprintf("the dot %s is not covered by ctx", v.Dot)
		}
		f.Vals = append(f.Vals, v)
	}
	sort.Slice(f.Vals, func(i, j int) bool { return f.Vals[i].Dot.Less(f.Vals[j].Dot) })
	for i := 1; i < len(f.Vals); i++ {
		if f.Vals[i].Dot == f.Vals[i-1].Dot {
			return f, fmt.Sprintf("the dot %s appears twice", f.Vals[i].Dot)
		}
	}
	return f, ""
}

func decodeVal(n *sjson.Node) (Val, string) {
	var v Val
	if n.Kind != sjson.Object || len(n.Members) != 3 {
		return v, "a value must be an object with exactly dot, at and v"
	}
	dot, ok1 := n.Get("dot")
	at, ok2 := n.Get("at")
	val, ok3 := n.Get("v")
	if !ok1 || !ok2 || !ok3 {
		return v, "a value must be an object with exactly dot, at and v"
	}
	if dot.Kind != sjson.String {
		return v, "dot must be a string \"replica:counter\""
	}
	d, err := ParseDot(dot.Str)
	if err != nil {
		return v, fmt.Sprintf("dot %q: %v", dot.Str, err)
	}
	d.Replica = intern(d.Replica)
	v.Dot = d
	if at.Kind != sjson.String {
		return v, "at must be an RFC 3339 time string"
	}
	if v.At, err = ParseTime(at.Str); err != nil {
		return v, fmt.Sprintf("at %q: %v", at.Str, err)
	}
	switch val.Kind {
	case sjson.String:
		v.V = Text(val.Str)
	case sjson.Bool:
		v.V = Bool(val.Bool)
	case sjson.Null:
		v.V = Null()
	case sjson.Array:
		refs := make([]string, len(val.Elems))
		for i, el := range val.Elems {
			if el.Kind != sjson.String {
				return v, "a list value may hold only strings (references)"
			}
			refs[i] = el.Str
		}
		v.V = Value{typ: RefsValue, refs: refs}
	case sjson.Number:
		return v, fmt.Sprintf("the number %s must be written as a string (\"%s\")", val.Str, val.Str)
	default:
		return v, "a value must be a string, true, false, null or a list of strings"
	}
	return v, ""
}

// replicaIDs holds one copy of each replica id read: a plan has a few
// dozen replicas but every field of every entity names them. Past a bound
// (files made up by hand or by a fuzzer) ids are no longer kept.
var (
	replicaIDs   sync.Map
	replicaCount atomic.Int64
)

const maxInterned = 10000

func intern(s string) string {
	if v, ok := replicaIDs.Load(s); ok {
		return v.(string)
	}
	if replicaCount.Load() >= maxInterned {
		return s
	}
	s = strings.Clone(s)
	v, loaded := replicaIDs.LoadOrStore(s, s)
	if !loaded {
		replicaCount.Add(1)
	}
	return v.(string)
}
