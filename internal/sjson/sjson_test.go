package sjson_test

import (
	"strings"
	"testing"

	"stratplan/internal/sjson"
)

func TestParseAcceptsJSON(t *testing.T) {
	in := ` {"a":[1,-2.5e3,true,false,null,"x\u00e9\ud83d\ude00\n\"\\/"],"b":{}} `
	n, err := sjson.Parse([]byte(in), sjson.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := n.Get("a")
	if len(a.Elems) != 6 || a.Elems[1].Str != "-2.5e3" || !a.Elems[2].Bool || a.Elems[4].Kind != sjson.Null {
		t.Fatalf("parsed %+v", a.Elems)
	}
	if got := a.Elems[5].Str; got != "xé😀\n\"\\/" {
		t.Fatalf("string %q", got)
	}
	if a.Start != strings.Index(in, "[") || a.End != strings.Index(in, "]")+1 {
		t.Fatalf("offsets %d–%d", a.Start, a.End)
	}
}

func TestParseRefuses(t *testing.T) {
	cases := map[string]string{
		`{"a":1,"a":2}`:                     "duplicate member name",
		`{"a":1}x`:                          "unexpected data after",
		`[01]`:                              "expected ',' or ']'",
		`"\ud800"`:                          "surrogate",
		"\"a\x01\"":                         "control character",
		`{"a" 1}`:                           "expected ':'",
		`[1,]`:                              "unexpected character",
		`"\q"`:                              "invalid escape",
		strings.Repeat("[", 33):             "nesting deeper than 32",
		`{"k":"` + "\xff" + `"}`:            "invalid UTF-8",
		`[tru]`:                             "invalid literal",
		`"` + strings.Repeat("é", 11) + `"`: "longer than 10 characters",
	}
	for in, want := range cases {
		_, err := sjson.Parse([]byte(in), sjson.Limits{MaxString: 10})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want %q", in, err, want)
		}
	}
	// Large objects check duplicates with a set.
	var b strings.Builder
	b.WriteString("{")
	for i := range 20 {
		b.WriteString(`"k` + string(rune('a'+i)) + `":1,`)
	}
	b.WriteString(`"kc":2}`)
	if _, err := sjson.Parse([]byte(b.String()), sjson.Limits{}); err == nil || !strings.Contains(err.Error(), `duplicate member name "kc"`) {
		t.Fatalf("duplicate in a large object: %v", err)
	}
}

func TestAppendStringRoundTrips(t *testing.T) {
	for _, s := range []string{"", "plain", "Côte d'Ivoire", "quote \" back \\ slash", "tab\tnew\nline\r", "\x00\x1f", "\u2028\u2029", "Türkiye 😀"} {
		out := sjson.AppendString(nil, s)
		n, err := sjson.Parse(out, sjson.Limits{})
		if err != nil || n.Str != s {
			t.Errorf("%q → %s → %q (%v)", s, out, n.Str, err)
		}
	}
	if got := string(sjson.AppendString(nil, "a\xffb")); got != `"a\ufffdb"` {
		t.Fatalf("invalid UTF-8 written as %s", got)
	}
}
