package export_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the seed bundles in testdata/bundles")

// TestWriteSeedBundles rewrites the seed corpus with -update.
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
