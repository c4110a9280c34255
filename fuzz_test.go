package stratplan_test

import (
	"bytes"
	"testing"

	"stratplan"
)

// FuzzParseEntity feeds the entity decoder, the one that reads plan files
// and the entities of bundles, arbitrary bytes: it must refuse or accept
// without panicking, and what it accepts must be written in a form that
// reads back to the same bytes. The seed corpus is
// testdata/fuzz/FuzzParseEntity.
func FuzzParseEntity(f *testing.F) {
	f.Add([]byte(entityJSON(`{"r1":2,"r2":7}`, valJSON("r1:2", okAt, `"Côte d'Ivoire"`)+","+valJSON("r2:7", okAt, `["a","b"]`))))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := stratplan.ParseEntityJSON(data)
		if err != nil {
			if len(err.Error()) < 12 {
				t.Fatalf("a refusal that says little: %q", err)
			}
			return
		}
		out := stratplan.AppendEntityJSON(nil, e)
		back, err := stratplan.ParseEntityJSON(out)
		if err != nil {
			t.Fatalf("%s was accepted but its written form\n%s\nis refused: %v", data, out, err)
		}
		if again := stratplan.AppendEntityJSON(nil, back); !bytes.Equal(again, out) {
			t.Fatalf("written twice differently:\n%s\n%s", out, again)
		}
	})
}
