package stratplan_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"stratplan"
)

// entityJSON is one SWOT item e1 with a field text; ctx and vals are
// written as given.
func entityJSON(ctx, vals string) string {
	return `{"id":"e1","kind":"swot","fields":{"text":{"ctx":` + ctx + `,"vals":[` + vals + `]}}}`
}

func valJSON(dot, at, v string) string {
	return `{"dot":"` + dot + `","at":"` + at + `","v":` + v + `}`
}

const okAt = "2026-09-14T09:12:03.120Z"

// TestRulesNoHonestWriterBreaks checks the rules of the format that the
// entity decoder enforces for bundles and plan files alike: each refusal
// names the entity, the field and the value, and says where it is.
func TestRulesNoHonestWriterBreaks(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string // all in the message; empty: accepted
	}{
		{"largest counter", entityJSON(`{"r1":9007199254740991}`, valJSON("r1:9007199254740991", okAt, `"x"`)), nil},
		{"ctx counter 2^53", entityJSON(`{"r1":9007199254740992}`, valJSON("r1:1", okAt, `"x"`)),
			[]string{"entity e1, field text", "ctx counter of r1 is 9007199254740992", "2^53", fmt.Sprintf("(at byte %d)", len(`{"id":"e1","kind":"swot","fields":{"text":{"ctx":{"r1":`))}},
		{"ctx counter 2^64-1", entityJSON(`{"r1":18446744073709551615}`, valJSON("r1:1", okAt, `"x"`)),
			[]string{"entity e1, field text", "18446744073709551615"}},
		{"ctx counter past 2^64", entityJSON(`{"r1":184467440737095516150}`, valJSON("r1:1", okAt, `"x"`)),
			[]string{"entity e1, field text", "184467440737095516150"}},
		{"ctx counter 0", entityJSON(`{"r1":0}`, ""), []string{"ctx counter of r1 is 0"}},
		{"ctx counter 1.0", entityJSON(`{"r1":1.0}`, valJSON("r1:1", okAt, `"x"`)), []string{"ctx counter of r1 is 1.0"}},
		{"dot 2^53", entityJSON(`{"r1":5}`, valJSON("r1:9007199254740992", okAt, `"x"`)),
			[]string{"entity e1, field text", `dot "r1:9007199254740992"`, "2^53"}},
		{"dot 2^64-1", entityJSON(`{"r1":5}`, valJSON("r1:18446744073709551615", okAt, `"x"`)),
			[]string{"entity e1, field text", `dot "r1:18446744073709551615"`}},
		{"dot with a leading zero", entityJSON(`{"r1":5}`, valJSON("r1:05", okAt, `"x"`)), []string{`dot "r1:05"`}},
		{"empty vals with a ctx", entityJSON(`{"r1":3,"r2":1}`, ""),
			[]string{"entity e1, field text", "ctx {r1:3,r2:1} but no value"}},
		{"no ctx, no value", entityJSON(`{}`, ""), nil},
		{"far-future time", entityJSON(`{"r1":1}`, valJSON("r1:1", "9999-12-31T23:59:59.999Z", `"x"`)), nil},
		{"year 0000", entityJSON(`{"r1":1}`, valJSON("r1:1", "0000-01-01T00:00:00.000Z", `"x"`)), nil},
		{"year 10000", entityJSON(`{"r1":1}`, valJSON("r1:1", "10000-01-01T00:00:00.000Z", `"x"`)),
			[]string{"entity e1, field text", `at "10000-01-01T00:00:00.000Z"`, "RFC 3339"}},
		{"year 10000 in UTC", entityJSON(`{"r1":1}`, valJSON("r1:1", "9999-12-31T23:00:00-05:00", `"x"`)),
			[]string{`at "9999-12-31T23:00:00-05:00"`, "years 0000 to 9999"}},
		{"year -1 in UTC", entityJSON(`{"r1":1}`, valJSON("r1:1", "0000-01-01T00:00:00+01:00", `"x"`)),
			[]string{"years 0000 to 9999"}},
		{"13th month", entityJSON(`{"r1":1}`, valJSON("r1:1", "2026-13-01T00:00:00.000Z", `"x"`)), []string{"RFC 3339"}},
		{"February 30", entityJSON(`{"r1":1}`, valJSON("r1:1", "2026-02-30T00:00:00.000Z", `"x"`)), []string{"RFC 3339"}},
		{"offset time", entityJSON(`{"r1":1}`, valJSON("r1:1", "2026-09-14T11:12:03+02:00", `"x"`)), nil},
		{"1,000 references", entityJSON(`{"r1":1}`, valJSON("r1:1", okAt, refList(1000))), nil},
		{"1,001 references", entityJSON(`{"r1":1}`, valJSON("r1:1", okAt, refList(1001))),
			[]string{"entity e1, field text", "more than 1000 references"}},
		{"1 MiB of text", `{"id":"e1","kind":"note","fields":{` + bigFields(11, 99000) + `}}`,
			[]string{"entity e1, field f10", "more than 1 MiB of text"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := stratplan.ParseEntityJSON([]byte(c.in))
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if back := string(stratplan.AppendEntityJSON(nil, e)); c.name != "offset time" && back != c.in {
					t.Fatalf("written back as\n%s\nnot\n%s", back, c.in)
				}
				return
			}
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Fatalf("err = %v\nwant %q", err, w)
				}
			}
		})
	}
}

func refList(n int) string {
	refs := make([]string, n)
	for i := range refs {
		refs[i] = fmt.Sprintf(`"p%d"`, i)
	}
	return "[" + strings.Join(refs, ",") + "]"
}

// bigFields writes n fields f0… holding a string of size characters each.
func bigFields(n, size int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"f%d":{"ctx":{"r1":%d},"vals":[{"dot":"r1:%d","at":"%s","v":"%s"}]}`, i, i+1, i+1, okAt, strings.Repeat("a", size))
	}
	return b.String()
}

func TestLimitsPerEntity(t *testing.T) {
	var fields []string
	for i := range 201 {
		fields = append(fields, fmt.Sprintf(`"f%d":{"ctx":{},"vals":[]}`, i))
	}
	_, err := stratplan.ParseEntityJSON([]byte(`{"id":"e1","kind":"note","fields":{` + strings.Join(fields, ",") + `}}`))
	if err == nil || !strings.Contains(err.Error(), "entity e1: more than 200 fields") {
		t.Fatalf("201 fields: %v", err)
	}
	var vals []string
	for i := range 65 {
		vals = append(vals, valJSON(fmt.Sprintf("r1:%d", i+1), okAt, `"x"`))
	}
	_, err = stratplan.ParseEntityJSON([]byte(entityJSON(`{"r1":65}`, strings.Join(vals, ","))))
	if err == nil || !strings.Contains(err.Error(), "entity e1, field text: more than 64 values") {
		t.Fatalf("65 values: %v", err)
	}
	_, err = stratplan.ParseEntityJSON([]byte(entityJSON(`{"r1":1}`, valJSON("r1:1", okAt, `"`+strings.Repeat("é", 100001)+`"`))))
	if err == nil || !strings.Contains(err.Error(), "entity e1, field text: a string longer than 100000 characters") {
		t.Fatalf("long string: %v", err)
	}
	_, err = stratplan.ParseEntityJSON([]byte(entityJSON(`{"r1":1}`, valJSON("r1:1", okAt, `"`+strings.Repeat("é", 100000)+`"`))))
	if err != nil {
		t.Fatalf("100,000 characters: %v", err)
	}
}

func TestParseEntityRefusesWhatFollowsIt(t *testing.T) {
	in := entityJSON(`{"r1":1}`, valJSON("r1:1", okAt, `"x"`))
	if _, err := stratplan.ParseEntityJSON([]byte(in + " \n")); err != nil {
		t.Fatalf("white space after the entity: %v", err)
	}
	for _, extra := range []string{"{}", "x", ",", "]"} {
		_, err := stratplan.ParseEntityJSON([]byte(in + extra))
		if err == nil || !strings.Contains(err.Error(), "unexpected data after the end of the entity") {
			t.Errorf("%q after the entity: %v", extra, err)
		}
	}
	_, err := stratplan.ParseEntityJSON([]byte(in[:len(in)-3]))
	if err == nil || !strings.Contains(err.Error(), "cut short") {
		t.Errorf("truncated: %v", err)
	}
}

// TestTimesAreWrittenAsTheyRead writes values at random times of the years
// 0000 to 9999 and reads them back: the text is RFC 3339 with milliseconds,
// as the time package would write it, and the time is the same.
func TestTimesAreWrittenAsTheyRead(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	lo := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	hi := time.Date(9999, 12, 31, 23, 59, 59, 999e6, time.UTC).UnixMilli()
	times := []int64{lo, hi, 0, -1, 1, 951782400000 /* 2000-02-29 */}
	for range 20000 {
		times = append(times, lo+rng.Int64N(hi-lo+1))
	}
	for _, ms := range times {
		at := stratplan.Time(ms)
		want := time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000Z")
		e := &stratplan.Entity{ID: "e1", Kind: "note", Fields: stratplan.FieldsOf(map[string]stratplan.Field{
			"text": stratplan.Field{}.Write(stratplan.Dot{Replica: "r1", N: 1}, at, stratplan.Text("x")),
		})}
		data := stratplan.AppendEntityJSON(nil, e)
		if !strings.Contains(string(data), `"at":"`+want+`"`) {
			t.Fatalf("%d written as %s, want %s", ms, data, want)
		}
		back, err := stratplan.ParseEntityJSON(data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if got := back.Field("text").Vals[0].At; got != at {
			t.Fatalf("%s read back as %d, want %d", want, got, ms)
		}
	}
}

// TestStringsAreQuotedAsRFC8785Says compares the writer's quoting with
// jsontext's on text in many scripts, control characters, quotes, line
// separators and invalid UTF-8.
func TestStringsAreQuotedAsRFC8785Says(t *testing.T) {
	cases := []string{"", "plain", "Côte d'Ivoire", "quote \" back \\ slash", "tab\tnew\nline\r", "\x00\x1f\x7f",
		"\b\f", "\u2028\u2029", "Türkiye 😀", "таможня", "جمارك", "a\xffb", "\xed\xa0\x80", "<&>"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		want, _ := jsontext.AppendQuote(nil, s)
		if got := stratplan.AppendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("%q written as %s, want %s", s, got, want)
		}
	}
}
