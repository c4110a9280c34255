package stratplan

import (
	"errors"
	"fmt"
	"math"
	"slices"
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

// Amount reads a string value as an amount (see ParseAmount).
func (v Value) Amount() (float64, bool) {
	if v.typ != StringValue {
		return 0, false
	}
	f, err := ParseAmount(v.str)
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

// MaxAmountDigits is how many significant digits an amount may have: what
// a float64 holds exactly.
const MaxAmountDigits = 15

// AmountError says why a text is not an amount.
type AmountError struct {
	Text string
	Msg  string
}

func (e *AmountError) Error() string { return fmt.Sprintf("%q is not an amount: %s", e.Text, e.Msg) }

// ParseAmount reads an amount as plans store it: a finite decimal number of
// 0 or more with at most MaxAmountDigits significant digits, written with
// digits and at most one '.' ("50000", "12.5"). No sign, exponent, NaN or
// Infinity: every JSON tool and every spreadsheet reads such a string the
// same way.
func ParseAmount(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, &AmountError{Text: s, Msg: "it is empty"}
	}
	intPart, frac, dot := strings.Cut(t, ".")
	if intPart == "" || dot && frac == "" {
		return 0, &AmountError{Text: s, Msg: "write it with digits and at most one decimal point, e.g. 50000 or 12.5"}
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			if c == '-' {
				return 0, &AmountError{Text: s, Msg: "it must not be negative"}
			}
			return 0, &AmountError{Text: s, Msg: "write it with digits and at most one decimal point, e.g. 50000 or 12.5"}
		}
	}
	digits := len(strings.TrimLeft(intPart+strings.TrimRight(frac, "0"), "0"))
	if digits > MaxAmountDigits {
		return 0, &AmountError{Text: s, Msg: fmt.Sprintf("it has more than %d significant digits", MaxAmountDigits)}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, &AmountError{Text: s, Msg: "it is not a finite number"}
	}
	return f, nil
}

// FormatAmount writes an amount as plans store it: the shortest decimal
// string that reads back as f.
func FormatAmount(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Separators says how people write numbers in a language: the decimal
// mark and the marks they may put between groups of three digits.
type Separators struct {
	Decimal rune
	Group   []rune
}

// SeparatorsOf returns how numbers are written in a language ("en", "fr",
// "es"…, with or without a region: "fr-FR", "es_ES"; unknown languages
// read as English).
func SeparatorsOf(lang string) Separators {
	spaces := []rune{' ', '\u00a0', '\u202f'}
	base, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	switch strings.ToLower(base) {
	case "fr":
		return Separators{Decimal: ',', Group: append(spaces, '.')}
	case "es", "pt", "it", "de":
		return Separators{Decimal: ',', Group: append(spaces, '.')}
	}
	return Separators{Decimal: '.', Group: append(spaces, ',')}
}

// ParseAmountIn reads an amount as a person types it in the given
// language: "50,000.50" or "50 000.50" in English, "50 000,50" or
// "50.000,50" in French and Spanish. Groups of digits must be of three. A
// plain stored amount ("12.5") is read too where it cannot mean anything
// else.
func ParseAmountIn(s, lang string) (float64, error) {
	t := strings.TrimSpace(s)
	if f, err := ParseAmount(t); err == nil {
		sep := SeparatorsOf(lang)
		// "1.500" means 1500 where '.' groups digits.
		if !(sep.Decimal != '.' && strings.Contains(t, ".") && len(t)-strings.Index(t, ".") == 4) {
			return f, nil
		}
	}
	sep := SeparatorsOf(lang)
	intPart, frac := t, ""
	if i := strings.LastIndex(t, string(sep.Decimal)); i >= 0 {
		intPart, frac = t[:i], t[i+len(string(sep.Decimal)):]
	}
	var b strings.Builder
	group := rune(0)
	run, groups := 0, 0
	for _, c := range intPart {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
			run++
		case slices.Contains(sep.Group, c):
			if group != 0 && c != group || run == 0 || groups > 0 && run != 3 || groups == 0 && run > 3 {
				return 0, &AmountError{Text: s, Msg: amountAdvice(lang)}
			}
			group = c
			run = 0
			groups++
		case c == '-':
			return 0, &AmountError{Text: s, Msg: "it must not be negative"}
		default:
			return 0, &AmountError{Text: s, Msg: amountAdvice(lang)}
		}
	}
	if groups > 0 && run != 3 {
		return 0, &AmountError{Text: s, Msg: amountAdvice(lang)}
	}
	canon := b.String()
	if frac != "" {
		canon += "." + frac
	}
	f, err := ParseAmount(canon)
	if err != nil {
		var ae *AmountError
		if errors.As(err, &ae) && strings.Contains(ae.Msg, "digits and") {
			return 0, &AmountError{Text: s, Msg: amountAdvice(lang)}
		}
		if errors.As(err, &ae) {
			return 0, &AmountError{Text: s, Msg: ae.Msg}
		}
		return 0, err
	}
	return f, nil
}

func amountAdvice(lang string) string {
	if SeparatorsOf(lang).Decimal == ',' {
		return "write it like 50 000,50 or 50.000,50"
	}
	return "write it like 50,000.50 or 50000.5"
}
