package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stratplan"
	"stratplan/export"
)

// FuzzDecodeBundle feeds the decoder arbitrary bytes: it must refuse or
// accept without panicking, and whatever it accepts must encode and decode
// again to the same plan. The seed corpus is testdata/bundles; `make fuzz`
// runs it for a while.
func FuzzDecodeBundle(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "bundles", "*.json"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(fixture(f, testKey(1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := export.DecodeBundle(bytes.NewReader(data), "fuzz.json")
		if err != nil {
			if err.Error() == "" {
				t.Fatal("a refusal without a message")
			}
			return
		}
		var buf bytes.Buffer
		if err := export.EncodeBundle(&buf, b.Doc, b.Producer, b.ExportedAt); err != nil {
			t.Fatal(err)
		}
		again, err := export.DecodeBundle(&buf, "again.json")
		if err != nil {
			t.Fatalf("a bundle that was accepted does not read back after re-encoding: %v", err)
		}
		if canonDoc(again.Doc) != canonDoc(b.Doc) {
			t.Fatal("re-encoding changed the plan")
		}
	})
}

// TestSeedBundles checks what each seed bundle is meant to be: those named
// ok-* are accepted, the others refused.
func TestSeedBundles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "bundles", "*.json"))
	if len(files) < 5 {
		t.Fatalf("only %d seed bundles", len(files))
	}
	for _, p := range files {
		data, _ := os.ReadFile(p)
		_, err := export.DecodeBundle(bytes.NewReader(data), p)
		ok := bytes.HasPrefix([]byte(filepath.Base(p)), []byte("ok-"))
		if ok && err != nil {
			t.Errorf("%s: %v", p, err)
		}
		if !ok && err == nil {
			t.Errorf("%s was accepted", p)
		}
	}
}

// FuzzBundlePayload fuzzes the payload and wraps it in an envelope with its
// right digest, so that the fuzzer gets past the digest to the payload's
// own checks. Whatever is accepted must keep the format's invariants and
// encode and decode again to the same plan. The seed corpus is
// testdata/fuzz/FuzzBundlePayload.
func FuzzBundlePayload(f *testing.F) {
	f.Add([]byte(payloadWith(seedEntity)))
	f.Fuzz(func(t *testing.T, payload []byte) {
		b, err := export.DecodeBundle(strings.NewReader(rebundle(string(payload))), "fuzz.json")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.json: ") || len(err.Error()) < len("fuzz.json: ")+10 {
				t.Fatalf("a refusal that says little: %q", err)
			}
			return
		}
		checkInvariants(t, b.Doc)
		var buf bytes.Buffer
		if err := export.EncodeBundle(&buf, b.Doc, b.Producer, b.ExportedAt); err != nil {
			t.Fatal(err)
		}
		again, err := export.DecodeBundle(&buf, "again.json")
		if err != nil {
			t.Fatalf("a bundle that was accepted does not read back after re-encoding: %v", err)
		}
		if canonDoc(again.Doc) != canonDoc(b.Doc) {
			t.Fatal("re-encoding changed the plan")
		}
	})
}

// seedEntity is a SWOT item with a conflict, references, a boolean and a
// null.
const seedEntity = `{"id":"e1","kind":"swot","fields":{"flag":{"ctx":{"r1":3},"vals":[{"dot":"r1:3","at":"2026-11-27T10:00:00.000Z","v":true}]},` +
	`"none":{"ctx":{"r1":4},"vals":[{"dot":"r1:4","at":"2026-11-27T10:00:00.000Z","v":null}]},` +
	`"sources":{"ctx":{"r1":5},"vals":[{"dot":"r1:5","at":"2026-11-27T10:00:00.000Z","v":["s1","s2"]}]},` +
	`"text":{"ctx":{"r1":2,"r2":7},"vals":[{"dot":"r1:2","at":"2026-11-27T10:00:00.000Z","v":"Côte d'Ivoire"},{"dot":"r2:7","at":"2026-11-27T10:00:01.500Z","v":"São Tomé \"e\" Príncipe\n"}]}}}`

// checkInvariants fails when an accepted plan breaks a rule of the format.
func checkInvariants(t *testing.T, d *stratplan.Document) {
	t.Helper()
	for _, e := range d.Entities() {
		if !stratplan.ValidID(e.ID) || !stratplan.ValidID(e.Kind) || len(e.Fields) > stratplan.MaxFields {
			t.Fatalf("entity %q of kind %q with %d fields accepted", e.ID, e.Kind, len(e.Fields))
		}
		for _, nf := range e.Fields {
			name, f := nf.Name, nf.Field
			if len(f.Ctx) > 0 && len(f.Vals) == 0 {
				t.Fatalf("%s.%s: a ctx without values accepted", e.ID, name)
			}
			if len(f.Vals) > stratplan.MaxValues {
				t.Fatalf("%s.%s: %d values accepted", e.ID, name, len(f.Vals))
			}
			for i, s := range f.Ctx {
				if s.N == 0 || s.N > stratplan.MaxCounter || i > 0 && f.Ctx[i-1].Replica >= s.Replica {
					t.Fatalf("%s.%s: ctx %v accepted", e.ID, name, f.Ctx)
				}
			}
			for i, v := range f.Vals {
				if !f.Ctx.Covers(v.Dot) || v.Dot.N == 0 || i > 0 && !f.Vals[i-1].Dot.Less(v.Dot) {
					t.Fatalf("%s.%s: values %v accepted with ctx %v", e.ID, name, f.Vals, f.Ctx)
				}
				if y := v.At.Time().Year(); y < 0 || y > 9999 {
					t.Fatalf("%s.%s: a time in the year %d accepted", e.ID, name, y)
				}
				if len(v.V.Refs()) > stratplan.MaxRefs {
					t.Fatalf("%s.%s: %d references accepted", e.ID, name, len(v.V.Refs()))
				}
			}
		}
	}
}
