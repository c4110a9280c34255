// Package sjson is a strict JSON reader for files that travel between
// machines: it refuses duplicate member names, invalid UTF-8, nesting deeper
// than a limit and trailing data, and it remembers where each value stands in
// the input so that callers can hash the exact bytes of a member.
package sjson

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the JSON type of a Node.
type Kind uint8

// The JSON types.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// Node is one parsed JSON value.
type Node struct {
	Kind    Kind
	Str     string // String: the decoded text; Number: the literal as written
	Bool    bool
	Elems   []Node   // Array
	Members []Member // Object, in input order
	Start   int      // offset of the value's first byte in the input
	End     int      // offset just past the value's last byte
}

// Member is one name/value pair of an object.
type Member struct {
	Name  string
	Value Node
}

// Get returns the value of the member called name, if the node is an object
// that has it.
func (n *Node) Get(name string) (*Node, bool) {
	for i := range n.Members {
		if n.Members[i].Name == name {
			return &n.Members[i].Value, true
		}
	}
	return nil, false
}

// Limits bounds what Parse accepts.
type Limits struct {
	MaxDepth  int // nesting of arrays and objects; 0 means 32
	MaxString int // characters in one string; 0 means no limit
}

// SyntaxError reports where and why the input is not acceptable JSON.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s (at byte %d)", e.Msg, e.Offset)
}

type parser struct {
	in  []byte
	pos int
	lim Limits
}

// Parse reads exactly one JSON value from in, surrounded only by whitespace.
func Parse(in []byte, lim Limits) (Node, error) {
	if lim.MaxDepth == 0 {
		lim.MaxDepth = 32
	}
	p := &parser{in: in, lim: lim}
	p.space()
	n, err := p.value(0)
	if err != nil {
		return Node{}, err
	}
	p.space()
	if p.pos != len(p.in) {
		return Node{}, p.fail("unexpected data after the JSON value")
	}
	return n, nil
}

func (p *parser) fail(msg string) error { return &SyntaxError{Offset: p.pos, Msg: msg} }

func (p *parser) space() {
	for p.pos < len(p.in) {
		switch p.in[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (Node, error) {
	if p.pos >= len(p.in) {
		return Node{}, p.fail("unexpected end of file")
	}
	start := p.pos
	switch c := p.in[p.pos]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		s, err := p.str()
		return Node{Kind: String, Str: s, Start: start, End: p.pos}, err
	case c == 't':
		return p.literal("true", Node{Kind: Bool, Bool: true})
	case c == 'f':
		return p.literal("false", Node{Kind: Bool})
	case c == 'n':
		return p.literal("null", Node{Kind: Null})
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		return Node{}, p.fail(fmt.Sprintf("unexpected character %q", c))
	}
}

func (p *parser) literal(word string, n Node) (Node, error) {
	if len(p.in)-p.pos < len(word) || string(p.in[p.pos:p.pos+len(word)]) != word {
		return Node{}, p.fail("invalid literal")
	}
	n.Start = p.pos
	p.pos += len(word)
	n.End = p.pos
	return n, nil
}

func (p *parser) number() (Node, error) {
	start := p.pos
	if p.in[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		s := p.pos
		for p.pos < len(p.in) && p.in[p.pos] >= '0' && p.in[p.pos] <= '9' {
			p.pos++
		}
		return p.pos - s
	}
	if p.pos < len(p.in) && p.in[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		return Node{}, p.fail("invalid number")
	}
	if p.pos < len(p.in) && p.in[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return Node{}, p.fail("invalid number")
		}
	}
	if p.pos < len(p.in) && (p.in[p.pos] == 'e' || p.in[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.in) && (p.in[p.pos] == '+' || p.in[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return Node{}, p.fail("invalid number")
		}
	}
	return Node{Kind: Number, Str: string(p.in[start:p.pos]), Start: start, End: p.pos}, nil
}

func (p *parser) array(depth int) (Node, error) {
	if depth > p.lim.MaxDepth {
		return Node{}, p.fail(fmt.Sprintf("nesting deeper than %d levels", p.lim.MaxDepth))
	}
	n := Node{Kind: Array, Start: p.pos}
	p.pos++
	p.space()
	if p.pos < len(p.in) && p.in[p.pos] == ']' {
		p.pos++
		n.End = p.pos
		return n, nil
	}
	n.Elems = make([]Node, 0, 2)
	for {
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return Node{}, err
		}
		n.Elems = append(n.Elems, v)
		p.space()
		if p.pos >= len(p.in) {
			return Node{}, p.fail("unexpected end of file in an array")
		}
		switch p.in[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			n.End = p.pos
			return n, nil
		default:
			return Node{}, p.fail("expected ',' or ']' in an array")
		}
	}
}

func (p *parser) object(depth int) (Node, error) {
	if depth > p.lim.MaxDepth {
		return Node{}, p.fail(fmt.Sprintf("nesting deeper than %d levels", p.lim.MaxDepth))
	}
	n := Node{Kind: Object, Start: p.pos}
	p.pos++
	p.space()
	if p.pos < len(p.in) && p.in[p.pos] == '}' {
		p.pos++
		n.End = p.pos
		return n, nil
	}
	n.Members = make([]Member, 0, 4) // most objects here are small: one allocation
	var seen map[string]struct{}
	for {
		p.space()
		if p.pos >= len(p.in) || p.in[p.pos] != '"' {
			return Node{}, p.fail("expected a member name in an object")
		}
		at := p.pos
		name, err := p.str()
		if err != nil {
			return Node{}, err
		}
		// Small objects are checked by a scan; large ones get a set.
		if len(n.Members) >= 8 && seen == nil {
			seen = make(map[string]struct{}, 16)
			for _, m := range n.Members {
				seen[m.Name] = struct{}{}
			}
		}
		dup := false
		if seen != nil {
			_, dup = seen[name]
			seen[name] = struct{}{}
		} else {
			for _, m := range n.Members {
				if m.Name == name {
					dup = true
					break
				}
			}
		}
		if dup {
			return Node{}, &SyntaxError{Offset: at, Msg: fmt.Sprintf("duplicate member name %q", name)}
		}
		p.space()
		if p.pos >= len(p.in) || p.in[p.pos] != ':' {
			return Node{}, p.fail("expected ':' after a member name")
		}
		p.pos++
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return Node{}, err
		}
		n.Members = append(n.Members, Member{Name: name, Value: v})
		p.space()
		if p.pos >= len(p.in) {
			return Node{}, p.fail("unexpected end of file in an object")
		}
		switch p.in[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			n.End = p.pos
			return n, nil
		default:
			return Node{}, p.fail("expected ',' or '}' in an object")
		}
	}
}

func (p *parser) str() (string, error) {
	p.pos++ // opening quote
	start := p.pos
	// Fast path: no escapes.
	for p.pos < len(p.in) {
		c := p.in[p.pos]
		if c == '"' {
			s := p.in[start:p.pos]
			if !utf8.Valid(s) {
				return "", &SyntaxError{Offset: start, Msg: "invalid UTF-8 in a string"}
			}
			if err := p.checkLen(s); err != nil {
				return "", err
			}
			p.pos++
			return string(s), nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", p.fail("control character in a string")
		}
		p.pos++
	}
	buf := append([]byte(nil), p.in[start:p.pos]...)
	for p.pos < len(p.in) {
		c := p.in[p.pos]
		switch {
		case c == '"':
			if !utf8.Valid(buf) {
				return "", &SyntaxError{Offset: start, Msg: "invalid UTF-8 in a string"}
			}
			if err := p.checkLen(buf); err != nil {
				return "", err
			}
			p.pos++
			return string(buf), nil
		case c < 0x20:
			return "", p.fail("control character in a string")
		case c != '\\':
			buf = append(buf, c)
			p.pos++
			continue
		}
		p.pos++
		if p.pos >= len(p.in) {
			break
		}
		e := p.in[p.pos]
		p.pos++
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", p.fail("invalid \\u escape")
			}
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if p.pos+1 < len(p.in) && p.in[p.pos] == '\\' && p.in[p.pos+1] == 'u' {
					p.pos += 2
					r2, ok = p.hex4()
					if !ok {
						return "", p.fail("invalid \\u escape")
					}
				}
				r = utf16.DecodeRune(r, r2)
				if r == utf8.RuneError {
					return "", p.fail("invalid UTF-16 surrogate pair in a string")
				}
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", p.fail("invalid escape in a string")
		}
	}
	return "", p.fail("unexpected end of file in a string")
}

func (p *parser) checkLen(s []byte) error {
	if p.lim.MaxString > 0 && len(s) > p.lim.MaxString && utf8.RuneCount(s) > p.lim.MaxString {
		return p.fail(fmt.Sprintf("string longer than %d characters", p.lim.MaxString))
	}
	return nil
}

func (p *parser) hex4() (rune, bool) {
	if len(p.in)-p.pos < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.in[p.pos:p.pos+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.pos += 4
	return rune(v), true
}

// AppendString appends s to buf as a JSON string literal. It escapes only
// what JSON requires (and U+2028/U+2029), so text in any script stays
// readable in the file.
func AppendString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch c {
			case '"', '\\':
				buf = append(buf, '\\', c)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, `\u00`...)
				buf = append(buf, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\u202`...)
			buf = append(buf, "0123456789abcdef"[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}
