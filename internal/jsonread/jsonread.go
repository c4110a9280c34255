// Package jsonread reads a JSON document token by token, from memory or
// from a stream, for files that travel between machines. It stands on the jsontext decoder of
// github.com/go-json-experiment/json, which refuses duplicate member names,
// invalid UTF-8, lone surrogates and malformed JSON at the first bad byte;
// this package adds a bound on the length of strings, the check that nothing
// follows the document, and messages that a person can act on, each with the
// byte offset where the problem is.
//
// Callers decode the structure they expect as they go (an object here, a
// string there) and refuse anything else at its first token, so that no
// tree of the whole input is ever built and a hostile file costs no more
// than the bytes it has already shown.
package jsonread

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// The kinds of token a Reader can be at, as jsontext names them.
const (
	Null   = jsontext.Kind('n')
	False  = jsontext.Kind('f')
	True   = jsontext.Kind('t')
	String = jsontext.Kind('"')
	Number = jsontext.Kind('0')
	Object = jsontext.Kind('{')
	Array  = jsontext.Kind('[')
)

// Error says where and why the input is not what the reader accepts.
type Error struct {
	Offset int64 // of the first byte of the offending token
	Msg    string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s (at byte %d)", e.Msg, e.Offset)
}

// Reader reads one JSON document, from bytes in memory or from a stream.
// Its zero value is not usable: make one with New and point it at the input
// with Reset or ResetReader.
type Reader struct {
	dec       *jsontext.Decoder
	scratch   []byte
	maxString int
	last      int64 // offset of the last string or number read
}

// New returns a reader that refuses strings longer than maxString
// characters (0: no bound).
func New(maxString int) *Reader {
	return &Reader{dec: jsontext.NewDecoder(bytes.NewBuffer(nil)), maxString: maxString}
}

// Reset makes the reader read data, which it reads in place: the caller
// must not change it while reading.
func (r *Reader) Reset(data []byte) {
	r.last = 0
	r.dec.Reset(bytes.NewBuffer(data)) // a bytes.Buffer is read without a copy
}

// ResetReader makes the reader read from rd, holding no more of it than the
// token being read and a few kilobytes ahead.
func (r *Reader) ResetReader(rd io.Reader) {
	r.last = 0
	r.dec.Reset(rd)
}

// Kind returns the kind of the next token without reading it, or 0 when the
// input is broken there (the next read then says how).
func (r *Reader) Kind() jsontext.Kind { return r.dec.PeekKind() }

// Offset returns the offset of the next token's first byte.
func (r *Reader) Offset() int64 {
	r.dec.PeekKind() // so that the next token is in the buffer
	i := r.dec.InputOffset()
	b := r.dec.UnreadBuffer()
	j := skipSpace(b, 0)
	if j < len(b) && (b[j] == ',' || b[j] == ':') {
		j = skipSpace(b, j+1)
	}
	return i + int64(j)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// End returns the offset just past the last token read.
func (r *Reader) End() int64 { return r.dec.InputOffset() }

// Last returns the offset of the first byte of the last string or number
// read, for messages about its value.
func (r *Reader) Last() int64 { return r.last }

// Fail returns an error at the next token.
func (r *Reader) Fail(format string, args ...any) error {
	return &Error{Offset: r.Offset(), Msg: fmt.Sprintf(format, args...)}
}

// FailLast returns an error at the last string or number read.
func (r *Reader) FailLast(format string, args ...any) error {
	return &Error{Offset: r.last, Msg: fmt.Sprintf(format, args...)}
}

// Token reads the next token when it is a delimiter or a literal (null,
// true, false, '{', '[', '}', ']').
func (r *Reader) Token() error {
	_, err := r.dec.ReadToken()
	return r.wrap(err)
}

// More reports whether the object or array being read has another member
// or element; at its end it reads the closing '}' or ']' and returns false.
func (r *Reader) More() (bool, error) {
	switch r.dec.PeekKind() {
	case '}', ']', 0:
		_, err := r.dec.ReadToken()
		return false, r.wrap(err)
	}
	return true, nil
}

// Str reads a string, a member name or a value, and returns its text. The
// text aliases the reader's buffers: it is valid until the next read, and
// callers copy what they keep.
func (r *Reader) Str() ([]byte, error) {
	if k := r.dec.PeekKind(); k != String {
		if k == 0 {
			return nil, r.Token()
		}
		return nil, r.Fail("expected a string, found %s", KindName(k))
	}
	v, err := r.dec.ReadValue()
	if err != nil {
		return nil, r.wrap(err)
	}
	r.last = r.dec.InputOffset() - int64(len(v))
	raw := v[1 : len(v)-1]
	if bytes.IndexByte(raw, '\\') >= 0 {
		r.scratch, err = jsontext.AppendUnquote(r.scratch[:0], v)
		if err != nil {
			return nil, &Error{Offset: r.last, Msg: "invalid string: " + strings.TrimPrefix(err.Error(), "jsontext: ")}
		}
		raw = r.scratch
	}
	if r.maxString > 0 && len(raw) > r.maxString && utf8.RuneCount(raw) > r.maxString {
		return nil, &Error{Offset: r.last, Msg: fmt.Sprintf("a string longer than %d characters", r.maxString)}
	}
	return raw, nil
}

// Number reads a number and returns it as written, valid until the next
// read.
func (r *Reader) Number() ([]byte, error) {
	if k := r.dec.PeekKind(); k != Number {
		if k == 0 {
			return nil, r.Token()
		}
		return nil, r.Fail("expected a number, found %s", KindName(k))
	}
	v, err := r.dec.ReadValue()
	if err != nil {
		return nil, r.wrap(err)
	}
	r.last = r.dec.InputOffset() - int64(len(v))
	return v, nil
}

// Finish checks that nothing but white space follows the document; what
// names the document in the message.
func (r *Reader) Finish(what string) error {
	off := r.Offset()
	_, err := r.dec.ReadToken()
	if err == io.EOF {
		return nil
	}
	return &Error{Offset: off, Msg: "unexpected data after the end of " + what}
}

// wrap turns the decoder's errors into messages a person can act on.
func (r *Reader) wrap(err error) error {
	if err == nil {
		return nil
	}
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return &Error{Offset: r.End(), Msg: "the file ends too early: it was cut short"}
		}
		return err // the stream's own error, such as a failed read
	}
	var msg string
	switch {
	case errors.Is(se.Err, jsontext.ErrDuplicateName):
		msg = fmt.Sprintf("duplicate member name %q", se.JSONPointer.LastToken())
	case errors.Is(se.Err, io.ErrUnexpectedEOF):
		msg = "the file ends too early: it was cut short"
	case strings.Contains(se.Err.Error(), "invalid UTF-8"):
		msg = "invalid UTF-8 in a string"
	default:
		msg = "invalid JSON: " + strings.TrimPrefix(se.Err.Error(), "jsontext: ")
	}
	return &Error{Offset: se.ByteOffset, Msg: msg}
}

// KindName names a kind of token in messages: "an object", "a number"…
func KindName(k jsontext.Kind) string {
	switch k {
	case Null:
		return "null"
	case False, True:
		return "a boolean"
	case String:
		return "a string"
	case Number:
		return "a number"
	case Object:
		return "an object"
	case Array:
		return "an array"
	case '}', ']':
		return "the end of the list"
	}
	return "invalid JSON"
}
