package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

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
