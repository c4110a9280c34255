package stratplan

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"stratplan/internal/jsonread"
)

// Limits on one entity, as the bundle format sets them. Decoders check them
// while they read, so a file that breaks one costs no more memory than the
// part of it read so far.
const (
	MaxFields      = 200     // fields of one entity
	MaxValues      = 64      // values of one field
	MaxStringChars = 100000  // characters of one string
	MaxRefs        = 1000    // references in one list value
	MaxEntityText  = 1 << 20 // bytes of all the strings of one entity, names included
	// MaxDepth bounds the nesting of a file. The format itself nests nine
	// deep (envelope, payload, entities, entity, fields, field, vals,
	// value, list) and the decoders refuse an object or an array wherever
	// the format has none, at its first byte, so nothing deeper is read.
	MaxDepth = 32
	// MaxCounter is the largest dot or ctx counter a writer may use: 2^53−1,
	// the largest whole number every JSON tool reads exactly. A replica
	// makes one write a millisecond for 285,000 years before reaching it;
	// a larger counter is a forged or corrupt file, and a replica that
	// reaches it writes on under a new replica id.
	MaxCounter = 1<<53 - 1
)

// EntityError says what is wrong with an entity read from a file, naming the
// entity and, where it applies, the field, and where in the input it is.
type EntityError struct {
	ID     string // empty when the problem comes before the entity's id
	Field  string
	Msg    string
	Offset int64 // of the offending token in the input; 0 when unknown
}

func (e *EntityError) Error() string {
	var s string
	switch {
	case e.ID == "":
		s = "entity: " + e.Msg
	case e.Field == "":
		s = fmt.Sprintf("entity %s: %s", e.ID, e.Msg)
	default:
		s = fmt.Sprintf("entity %s, field %s: %s", e.ID, e.Field, e.Msg)
	}
	if e.Offset > 0 {
		s += fmt.Sprintf(" (at byte %d)", e.Offset)
	}
	return s
}

// AppendEntityJSON appends the canonical JSON form of e: fields sorted by
// name, contexts by replica, values by dot, numbers as decimal strings,
// strings quoted as RFC 8785 says (the shortest escape of each character).
func AppendEntityJSON(buf []byte, e *Entity) []byte {
	buf = append(buf, `{"id":`...)
	buf = AppendJSONString(buf, e.ID)
	buf = append(buf, `,"kind":`...)
	buf = AppendJSONString(buf, e.Kind)
	buf = append(buf, `,"fields":{`...)
	for i, nf := range e.Fields {
		if i > 0 {
			buf = append(buf, ',')
		}
		name, f := nf.Name, nf.Field
		buf = AppendJSONString(buf, name)
		buf = append(buf, `:{"ctx":{`...)
		for j, s := range f.Ctx {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = AppendJSONString(buf, s.Replica)
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
			buf = appendTime(buf, v.At)
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
		return AppendJSONString(buf, v.str)
	case BoolValue:
		return strconv.AppendBool(buf, v.b)
	case RefsValue:
		buf = append(buf, '[')
		for i, r := range v.refs {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = AppendJSONString(buf, r)
		}
		return append(buf, ']')
	}
	return append(buf, "null"...)
}

// AppendJSONString appends s as a JSON string, quoted as RFC 8785 says:
// only '"', '\\' and control characters are escaped, so text in any script
// stays readable in the file. Invalid UTF-8 is written as U+FFFD.
func AppendJSONString(buf []byte, s string) []byte {
	var class uint8
	for i := 0; i < len(s); i++ {
		class |= charClass[s[i]]
	}
	// Valid UTF-8 with nothing to escape is written as it is, which is
	// what the quoter would write.
	if class&mustEscape != 0 || class&notASCII != 0 && !utf8.ValidString(s) {
		buf, _ = jsontext.AppendQuote(buf, s) // the only error is invalid UTF-8, written as U+FFFD
		return buf
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}

const (
	notASCII   = 1
	mustEscape = 2
)

// charClass says of each byte whether JSON escapes it and whether it is
// part of a multi-byte UTF-8 character.
var charClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c < 0x20 || c == '"' || c == '\\':
			t[c] = mustEscape
		case c >= utf8.RuneSelf:
			t[c] = notASCII
		}
	}
	return t
}()

// appendTime appends t as "YYYY-MM-DDTHH:MM:SS.mmmZ", the form bundles
// use, without the time package for the years 0000 to 9999.
func appendTime(buf []byte, t Time) []byte {
	ms := int64(t)
	days := ms / 86400000
	rem := ms % 86400000
	if rem < 0 {
		rem += 86400000
		days--
	}
	y, m, d := civilFromDays(days)
	if y < 0 || y > 9999 {
		return t.Time().AppendFormat(buf, "2006-01-02T15:04:05.000Z")
	}
	buf = append4(buf, y)
	buf = append(buf, '-')
	buf = append2(buf, m)
	buf = append(buf, '-')
	buf = append2(buf, d)
	buf = append(buf, 'T')
	buf = append2(buf, rem/3600000)
	buf = append(buf, ':')
	buf = append2(buf, rem/60000%60)
	buf = append(buf, ':')
	buf = append2(buf, rem/1000%60)
	buf = append(buf, '.')
	buf = append(buf, byte('0'+rem%1000/100), byte('0'+rem%100/10), byte('0'+rem%10))
	return append(buf, 'Z')
}

func append2(buf []byte, n int64) []byte { return append(buf, byte('0'+n/10), byte('0'+n%10)) }

func append4(buf []byte, n int64) []byte {
	return append(buf, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}

// civilFromDays turns days since 1970-01-01 into a date of the proleptic
// Gregorian calendar (H. Hinnant's algorithm; daysFromCivil is its inverse).
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// entityDecoders keeps a decoder for each goroutine that loads entities:
// the store parses a plan's entities on every core.
var entityDecoders = sync.Pool{New: func() any { return NewEntityDecoder(jsonread.New(MaxStringChars)) }}

// ParseEntityJSON reads one entity written by AppendEntityJSON, checking
// every limit and rule of the format, as bundles are checked.
func ParseEntityJSON(data []byte) (*Entity, error) {
	d := entityDecoders.Get().(*EntityDecoder)
	defer entityDecoders.Put(d)
	d.r.Reset(data)
	e, err := d.Decode()
	if err == nil {
		if err = d.r.Finish("the entity"); err != nil {
			err = d.fail("", err)
		}
	}
	d.r.Reset(nil) // keep no reference to data in the pool
	if err != nil {
		return nil, err
	}
	return e, nil
}

// replicaIDs holds one copy of each replica id, kind and field name read:
// a plan has a few dozen replicas but every field of every entity names
// them. Past a bound (files made up by hand or by a fuzzer) no more names
// are kept.
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
