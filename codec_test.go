package stratplan_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"stratplan"
)

func TestEntityJSONRoundTripIsCanonical(t *testing.T) {
	ra := &stratplan.Author{Replica: "r7c1e"}
	d := stratplan.NewDocument("p")
	must(t, d.Begin(ra).Set("s1", "swot",
		stratplan.Set("text", stratplan.Text("Côte d'Ivoire \"quoted\"\nline")),
		stratplan.Set("quadrant", stratplan.Text("strength")),
		stratplan.Set("sources", stratplan.Refs("a", "b")),
		stratplan.Set("flag", stratplan.Bool(true)),
		stratplan.Set("none", stratplan.Null())))
	e := d.Entity("s1")
	data := stratplan.AppendEntityJSON(nil, e)
	back, err := stratplan.ParseEntityJSON(data)
	if err != nil {
		t.Fatalf("parse %s: %v", data, err)
	}
	if again := stratplan.AppendEntityJSON(nil, back); string(again) != string(data) {
		t.Fatalf("round trip changed bytes:\n%s\n%s", data, again)
	}
	if !strings.Contains(string(data), `"fields":{"flag"`) {
		t.Fatalf("fields not sorted by name: %s", data)
	}
	if back.Str("text") != "Côte d'Ivoire \"quoted\"\nline" {
		t.Fatalf("text = %q", back.Str("text"))
	}
}

func TestParseEntityRefusesBrokenInvariants(t *testing.T) {
	val := func(dot, v string) string {
		return `{"dot":"` + dot + `","at":"2026-09-14T09:12:03.120Z","v":` + v + `}`
	}
	field := func(ctx, vals string) string {
		return `{"id":"e1","kind":"swot","fields":{"text":{"ctx":` + ctx + `,"vals":[` + vals + `]}}}`
	}
	cases := []struct{ name, in, want string }{
		{"dot not covered", field(`{"r1":3}`, val("r1:4", `"x"`)), "not covered by ctx"},
		{"duplicate dot", field(`{"r1":3}`, val("r1:2", `"x"`)+","+val("r1:2", `"y"`)), "appears twice"},
		{"number value", field(`{"r1":3}`, val("r1:2", `12.5`)), "must be written as a string"},
		{"bad id", `{"id":"a b","kind":"swot","fields":{}}`, "the id must be"},
		{"duplicate member", `{"id":"e1","id":"e2","kind":"swot","fields":{}}`, "duplicate member name"},
		{"bad dot", field(`{"r1":3}`, val("r1:0", `"x"`)), "counter must be"},
		{"number list", field(`{"r1":3}`, val("r1:1", `[1]`)), "only strings"},
		{"ctx string", field(`{"r1":"3"}`, ""), "ctx counter"},
		{"unknown member", `{"id":"e1","kind":"swot","fields":{},"x":1}`, "unknown member"},
		{"invalid utf8", "{\"id\":\"e1\",\"kind\":\"swot\",\"fields\":{\"t\xff\":{}}}", "invalid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := stratplan.ParseEntityJSON([]byte(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
			if c.name == "dot not covered" && !strings.Contains(err.Error(), "entity e1, field text") {
				t.Fatalf("error does not name entity and field: %v", err)
			}
		})
	}
}

func TestValidateWarnsAndKeepsData(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	d := stratplan.NewDocument("p")
	ed := d.Begin(ra)
	must(t, ed.Set("w1", "workshop", stratplan.Set("mode", stratplan.Text("by_pigeon")), stratplan.Set("date", stratplan.Text("14/09/2026"))))
	must(t, ed.Set("s1", "swot", stratplan.Set("quadrant", stratplan.Text("strength")), stratplan.Set("factor", stratplan.Text("f-missing"))))
	must(t, ed.Set("f1", "scan_factor", stratplan.Set("impact", stratplan.Text("9"))))
	must(t, ed.Set("p1", "priority", stratplan.Set("sources", stratplan.Refs("s1", "f1"))))
	must(t, ed.Set("z1", "future_kind", stratplan.Set("anything", stratplan.Text("kept"))))
	got := map[string]bool{}
	for _, w := range d.Validate() {
		got[w.ID+"."+w.Field] = true
	}
	for _, want := range []string{"w1.mode", "w1.date", "s1.factor", "f1.impact", "p1.sources"} {
		if !got[want] {
			t.Errorf("no warning for %s (got %v)", want, got)
		}
	}
	if len(got) != 5 {
		t.Errorf("unexpected warnings: %v", got)
	}
	if d.Entity("w1").Str("mode") != "by_pigeon" || d.Entity("z1") == nil {
		t.Fatal("validation dropped data")
	}
}

func TestNaturalIDsMeetAcrossReplicas(t *testing.T) {
	sum := sha256.Sum256([]byte("p1|t1"))
	if got, want := stratplan.VoteID("p1", "t1"), "vote-"+hex.EncodeToString(sum[:])[:32]; got != want {
		t.Fatalf("vote id %q, want %q (the format's natural key)", got, want)
	}
	if stratplan.VoteID("p1", "t1") == stratplan.VoteID("p1", "t2") {
		t.Fatal("two targets share a vote id")
	}
	id := stratplan.MeasurementID("i1", "2026-Q3")
	if !strings.HasPrefix(id, "meas-") || len(id) != 5+32 || !stratplan.ValidID(id) {
		t.Fatalf("measurement id %q", id)
	}
	if !stratplan.ValidID(stratplan.NewID()) || !stratplan.ValidID(stratplan.NewReplicaID()) {
		t.Fatal("fresh ids are not valid identifiers")
	}
}
