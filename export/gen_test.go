package export_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"stratplan"
	"stratplan/assets"
	"stratplan/export"
)

var update = flag.Bool("update", false, "rewrite the seed bundles in testdata/bundles and testdata/fuzz")

// TestWriteSeedBundles rewrites the seed corpora with -update.
func TestWriteSeedBundles(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/bundles")
	}
	signed := string(fixture(t, testKey(1)))
	unsigned := string(fixture(t))
	ok := `{"id":"e1","kind":"swot","fields":{"text":{"ctx":{"r1":2},"vals":[{"dot":"r1:2","at":"2026-11-27T10:00:00.000Z","v":"x"}]}}}`
	seeds := map[string]string{
		"ok-signed.json":            signed,
		"ok-unsigned.json":          unsigned,
		"ok-empty-plan.json":        rebundle(payloadWith("")),
		"ok-unknown-kind.json":      rebundle(payloadWith(strings.Replace(ok, `"swot"`, `"future_kind"`, 1))),
		"bad-digest.json":           strings.Replace(signed, "Modern risk engine", "Modern risk engines", 1),
		"bad-version.json":          strings.Replace(unsigned, `"version":1`, `"version":2`, 1),
		"bad-duplicate-member.json": `{"format":"stratplan-bundle","format":"stratplan-bundle"}`,
		"bad-unknown-member.json":   strings.Replace(unsigned, `{"format"`, `{"extra":true,"format"`, 1),
		"bad-number-value.json":     rebundle(payloadWith(strings.Replace(ok, `"v":"x"`, `"v":7`, 1))),
		"bad-dot-not-covered.json":  rebundle(payloadWith(strings.Replace(ok, `"r1":2`, `"r1":1`, 1))),
		"bad-truncated.json":        signed[:len(signed)/2],
		"bad-deep.json":             strings.Repeat("[", 64) + strings.Repeat("]", 64),
	}
	dir := filepath.Join("testdata", "bundles")
	for name, data := range seeds {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWritePayloadSeeds rewrites testdata/fuzz/FuzzBundlePayload with
// -update: payloads that are accepted (the example plan, the test fixture,
// conflicts, every type of value) and payloads that break one rule each.
func TestWritePayloadSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/fuzz/FuzzBundlePayload")
	}
	full := stratplan.NewDocument("plan2027")
	must(t, assets.Seed("", true)(full.Begin(&stratplan.Author{Replica: "r7c1e"})))
	example := stratplan.NewDocument("plan2027") // a tenth of it, every kind: small enough to fuzz fast
	for i, e := range full.Entities() {
		if i%10 == 0 {
			example.Put(e)
		}
	}
	p := export.Producer{Replica: "r7c1e", Label: "Europe workshop", App: "stratplan", Seq: 2}
	ok := `{"id":"e1","kind":"swot","fields":{"text":{"ctx":{"r1":2},"vals":[{"dot":"r1:2","at":"2026-11-27T10:00:00.000Z","v":"x"}]}}}`
	seeds := map[string]string{
		"ok-example":          string(export.AppendPayload(nil, example, p, fixedTime)),
		"ok-fixture":          string(export.AppendPayload(nil, fixtureDoc(t), p, fixedTime)),
		"ok-values":           payloadWith(seedEntity),
		"ok-two-kinds":        payloadWith(ok + "," + strings.Replace(ok, "swot", "note", 1)),
		"ok-far-future":       payloadWith(strings.Replace(ok, "2026-11-27T10:00:00.000Z", "9999-12-31T23:59:59.999Z", 1)),
		"bad-counter-2p53":    payloadWith(strings.Replace(ok, `"r1":2`, `"r1":9007199254740992`, 1)),
		"bad-dot-2p64":        payloadWith(strings.Replace(ok, `"r1:2"`, `"r1:18446744073709551615"`, 1)),
		"bad-empty-vals":      payloadWith(`{"id":"e1","kind":"swot","fields":{"text":{"ctx":{"r1":2},"vals":[]}}}`),
		"bad-year-10000":      payloadWith(strings.Replace(ok, "2026-11-27T10:00:00.000Z", "10000-01-01T00:00:00.000Z", 1)),
		"bad-same-kind-id":    payloadWith(ok + "," + ok),
		"bad-number-value":    payloadWith(strings.Replace(ok, `"v":"x"`, `"v":7`, 1)),
		"bad-dot-not-covered": payloadWith(strings.Replace(ok, `"r1":2`, `"r1":1`, 1)),
	}
	writeCorpus(t, filepath.Join("testdata", "fuzz", "FuzzBundlePayload"), seeds)
}

// writeCorpus writes seeds in the format of Go's fuzzing corpus.
func writeCorpus(t *testing.T, dir string, seeds map[string]string) {
	t.Helper()
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
