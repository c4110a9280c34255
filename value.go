package stratplan

import (
	"strconv"
	"strings"
)

// ValueType is the JSON type of a Value.
type ValueType uint8

// The types a field value may have.
const (
	NullValue ValueType = iota
	StringValue
	BoolValue
	RefsValue
)

// Value is what one write stored in a field: a string (numbers and dates are
// written as strings), a boolean, null, or a list of references.
// Values are immutable.
type Value struct {
	typ  ValueType
	str  string
	b    bool
	refs []string
}

// Null is the null value.
func Null() Value { return Value{} }

// Text returns a string value.
func Text(s string) Value { return Value{typ: StringValue, str: s} }

// Bool returns a boolean value.
func Bool(b bool) Value { return Value{typ: BoolValue, b: b} }

// Int returns an integer written as a decimal string.
func Int(n int) Value { return Text(strconv.Itoa(n)) }

// Decimal returns a number written as the shortest decimal string that reads
// back as f.
func Decimal(f float64) Value { return Text(strconv.FormatFloat(f, 'f', -1, 64)) }

// Refs returns a list of references to other entities.
func Refs(ids ...string) Value {
	return Value{typ: RefsValue, refs: append([]string{}, ids...)}
}

// Type returns the value's JSON type.
func (v Value) Type() ValueType { return v.typ }

// String returns the text of a string value; booleans read "true"/"false",
// references are joined with commas, null is empty.
func (v Value) String() string {
	switch v.typ {
	case StringValue:
		return v.str
	case BoolValue:
		return strconv.FormatBool(v.b)
	case RefsValue:
		return strings.Join(v.refs, ",")
	}
	return ""
}

// Bool reports the value of a boolean; any other value reads false.
func (v Value) Bool() bool { return v.typ == BoolValue && v.b }

// Refs returns the references of a list value, or the single reference held
// in a string value.
func (v Value) Refs() []string {
	switch v.typ {
	case RefsValue:
		return v.refs
	case StringValue:
		if v.str != "" {
			return []string{v.str}
		}
	}
	return nil
}

// Int reads a string value as an integer.
func (v Value) Int() (int, bool) {
	if v.typ != StringValue {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.str))
	return n, err == nil
}

// Float reads a string value as a decimal number.
func (v Value) Float() (float64, bool) {
	if v.typ != StringValue {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v.str), 64)
	return f, err == nil
}

// Equal reports whether two values are the same.
func (v Value) Equal(o Value) bool {
	if v.typ != o.typ || v.str != o.str || v.b != o.b || len(v.refs) != len(o.refs) {
		return false
	}
	for i := range v.refs {
		if v.refs[i] != o.refs[i] {
			return false
		}
	}
	return true
}
