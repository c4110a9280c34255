package stratplan_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"stratplan"
	"stratplan/assets"
)

var update = flag.Bool("update", false, "rewrite the seed corpus in testdata/fuzz")

// TestWriteEntitySeeds rewrites testdata/fuzz/FuzzParseEntity with -update:
// every entity of the example plan, entities with every type of value, and
// entities that break one rule each.
func TestWriteEntitySeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/fuzz/FuzzParseEntity")
	}
	d := stratplan.NewDocument("plan2027")
	must(t, assets.Seed("", true)(d.Begin(&stratplan.Author{Replica: "r7c1e"})))
	seeds := map[string]string{}
	for i, e := range d.Entities() {
		if i%4 == 0 { // a quarter of them: every kind is there
			seeds["ok-example-"+e.ID] = string(stratplan.AppendEntityJSON(nil, e))
		}
	}
	ok := valJSON("r1:2", okAt, `"x"`)
	for name, in := range map[string]string{
		"ok-conflict":       entityJSON(`{"r1":2,"r2":7}`, ok+","+valJSON("r2:7", okAt, `"Côte d'Ivoire \"e\"\n"`)),
		"ok-types":          entityJSON(`{"r1":4}`, valJSON("r1:2", okAt, `true`)+","+valJSON("r1:3", okAt, `null`)+","+valJSON("r1:4", okAt, `["a","b"]`)),
		"ok-largest":        entityJSON(`{"r1":9007199254740991}`, valJSON("r1:9007199254740991", "9999-12-31T23:59:59.999Z", `"x"`)),
		"ok-year-0":         entityJSON(`{"r1":2}`, valJSON("r1:2", "0000-01-01T00:00:00.000Z", `"x"`)),
		"bad-counter-2p53":  entityJSON(`{"r1":9007199254740992}`, ok),
		"bad-counter-2p64":  entityJSON(`{"r1":2}`, valJSON("r1:18446744073709551615", okAt, `"x"`)),
		"bad-empty-vals":    entityJSON(`{"r1":2}`, ""),
		"bad-year-10000":    entityJSON(`{"r1":2}`, valJSON("r1:2", "10000-01-01T00:00:00.000Z", `"x"`)),
		"bad-offset-10000":  entityJSON(`{"r1":2}`, valJSON("r1:2", "9999-12-31T23:00:00-05:00", `"x"`)),
		"bad-not-covered":   entityJSON(`{"r1":1}`, ok),
		"bad-duplicate-dot": entityJSON(`{"r1":2}`, ok+","+ok),
		"bad-refs-1001":     entityJSON(`{"r1":2}`, valJSON("r1:2", okAt, refList(1001))),
		"bad-trailing":      entityJSON(`{"r1":2}`, ok) + "{}",
		"bad-deep":          entityJSON(`{"r1":2}`, valJSON("r1:2", okAt, strings.Repeat("[", 40)+strings.Repeat("]", 40))),
	} {
		seeds[name] = in
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzParseEntity")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range seeds {
		body := "go test fuzz v1\n[]byte(" + strconv.Quote(data) + ")\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
