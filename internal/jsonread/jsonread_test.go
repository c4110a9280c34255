package jsonread_test

import (
	"errors"
	"strings"
	"testing"

	"stratplan/internal/jsonread"
)

// readAll reads a document of any shape, strings as text, and returns the
// first refusal.
func readAll(r *jsonread.Reader) error {
	var value func() error
	value = func() error {
		switch r.Kind() {
		case jsonread.String:
			_, err := r.Str()
			return err
		case jsonread.Number:
			_, err := r.Number()
			return err
		case jsonread.Object, jsonread.Array:
			obj := r.Kind() == jsonread.Object
			if err := r.Token(); err != nil {
				return err
			}
			for {
				more, err := r.More()
				if err != nil || !more {
					return err
				}
				if obj {
					if _, err := r.Str(); err != nil {
						return err
					}
				}
				if err := value(); err != nil {
					return err
				}
			}
		default:
			return r.Token()
		}
	}
	if err := value(); err != nil {
		return err
	}
	return r.Finish("the document")
}

func TestReaderRefusesWithWhereAndWhy(t *testing.T) {
	cases := []struct {
		in, want string
		at       int64
	}{
		{`{"a":1,"a":2}`, `duplicate member name "a"`, 7},
		{`{"a":1,"\u0061":2}`, `duplicate member name "a"`, 7},
		{`{"a":1} {}`, "unexpected data after the end of the document", 8},
		{`{"a":1}x`, "unexpected data after the end of the document", 7},
		{`[01]`, "invalid JSON", 2},
		{`["\ud800"]`, "invalid JSON: invalid surrogate pair", 2},
		{"[\"a\x01\"]", `invalid JSON: invalid character '\x01' in string`, 3},
		{`{"a" 1}`, "invalid JSON", 5},
		{`[1,]`, "invalid JSON: invalid character ','", 2},
		{`["\q"]`, "invalid JSON: invalid escape sequence `\\q`", 2},
		{"[\"k\xff\"]", "invalid UTF-8 in a string", 3},
		{`[tru]`, "invalid JSON: invalid character ']' in literal true", 4},
		{`["` + strings.Repeat("é", 11) + `"]`, "a string longer than 10 characters", 1},
		{`["` + strings.Repeat(`\u00e9`, 11) + `"]`, "a string longer than 10 characters", 1},
		{`{"a":[1,2`, "cut short", 9},
	}
	r := jsonread.New(10)
	for _, c := range cases {
		r.Reset([]byte(c.in))
		err := readAll(r)
		var je *jsonread.Error
		if !errors.As(err, &je) || !strings.Contains(je.Msg, c.want) || je.Offset != c.at {
			t.Errorf("%q: %v, want %q at byte %d", c.in, err, c.want, c.at)
		}
	}
}

func TestReaderReadsStringsAndNumbers(t *testing.T) {
	in := ` {"a":[1,-2.5e3,true,false,null,"x\u00e9\ud83d\ude00\n\"\\/","` + strings.Repeat("é", 10) + `"],"b":{}} `
	r := jsonread.New(10)
	r.Reset([]byte(in))
	var got []string
	if err := r.Token(); err != nil {
		t.Fatal(err)
	}
	name, _ := r.Str()
	got = append(got, string(name))
	if err := r.Token(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		n, err := r.Number()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(n))
	}
	for range 3 {
		if err := r.Token(); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 {
		s, err := r.Str()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(s))
	}
	if want := []string{"a", "1", "-2.5e3", "xé😀\n\"\\/", strings.Repeat("é", 10)}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("read %q, want %q", got, want)
	}
	if r.Last() != int64(strings.Index(in, `"éé`)) {
		t.Fatalf("the last string starts at byte %d, not %d", r.Last(), strings.Index(in, `"éé`))
	}
	if r.Offset() != int64(strings.Index(in, "]")) {
		t.Fatalf("the next token is at byte %d, not %d", r.Offset(), strings.Index(in, "]"))
	}
}

func TestReaderReadsStreams(t *testing.T) {
	r := jsonread.New(0)
	r.ResetReader(strings.NewReader(`{"a":"` + strings.Repeat("x", 100000) + `"} `))
	if err := readAll(r); err != nil {
		t.Fatal(err)
	}
	r.ResetReader(strings.NewReader(`{"a":"b"}]`))
	if err := readAll(r); err == nil || !strings.Contains(err.Error(), "unexpected data after the end of the document (at byte 9)") {
		t.Fatalf("trailing data in a stream: %v", err)
	}
}
