package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"stratplan"
)

var writeBundles = flag.String("write-bundles", "", "write the six benchmark bundles into this directory and stop")

// TestWriteBenchBundles writes the bundles the benchmarks merge into the
// directory given with -write-bundles, so that the real binary can be timed
// on them next to other tools.
func TestWriteBenchBundles(t *testing.T) {
	if *writeBundles == "" {
		t.Skip("run with -write-bundles DIR")
	}
	if err := os.MkdirAll(*writeBundles, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range sixBundles(t, *writeBundles) {
		t.Log(p)
	}
}

// regionWords gives the generated texts the accents and scripts of six
// regions.
var regionWords = [][]string{
	{"douane", "contrôle", "marchandises", "sécurité", "échanges", "procédures"},
	{"aduana", "señal", "mercancías", "régimen", "inspección", "tránsito"},
	{"customs", "risk", "clearance", "revenue", "border", "integrity"},
	{"alfândega", "fiscalização", "exportação", "serviço", "gestão", "ação"},
	{"таможня", "контроль", "товары", "риск", "граница", "доход"},
	{"جمارك", "مخاطر", "تجارة", "حدود", "إيرادات", "تفتيش"},
}

// sixBundles writes into dir the bundles of six regional copies of one
// plan, 5,000 entities each, every region also editing the same 500 shared
// entities (so the merge has real conflicts to keep). The texts come from a
// seeded generator: the same run gives the same words.
func sixBundles(b testing.TB, dir string) []string {
	b.Helper()
	b.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	base := filepath.Join(dir, "base.stratplan")
	if code := run([]string{"new", base}, io.Discard, io.Discard); code != 0 {
		b.Fatal("new failed")
	}
	data, _ := os.ReadFile(base)
	var out []string
	rng := rand.New(rand.NewPCG(2026, 6))
	words := func(r int) string {
		w := regionWords[r]
		n := 10 + rng.IntN(14)
		s := w[rng.IntN(len(w))]
		for range n {
			s += " " + w[rng.IntN(len(w))]
		}
		return s
	}
	for r := 0; r < 6; r++ {
		plan := filepath.Join(dir, fmt.Sprintf("region%d.stratplan", r))
		os.WriteFile(plan, data, 0o600)
		editPlan(b, plan, func(ed *stratplan.Edit) error {
			ws := fmt.Sprintf("ws-r%d", r)
			if err := ed.Set(ws, stratplan.KindWorkshop, stratplan.Set("title", stratplan.Text(fmt.Sprintf("Workshop %d: %s", r, words(r))))); err != nil {
				return err
			}
			for i := 0; i < 5000; i++ {
				id := fmt.Sprintf("r%d-%05d", r, i)
				if i < 500 {
					id = fmt.Sprintf("shared-%05d", i)
				}
				if err := ed.Set(id, stratplan.KindSWOT, stratplan.Set("text", stratplan.Text(fmt.Sprintf("%d: %s", i, words(r)))),
					stratplan.Set("quadrant", stratplan.Text("strength")), stratplan.Set("workshop", stratplan.Text(ws))); err != nil {
					return err
				}
			}
			return nil
		})
		bundle := filepath.Join(dir, fmt.Sprintf("region%d.json", r))
		if code := run([]string{"export", plan, "--bundle", bundle}, io.Discard, io.Discard); code != 0 {
			b.Fatal("export failed")
		}
		out = append(out, bundle)
	}
	return out
}

// BenchmarkMergeSixBundles is `stratplan merge` of six 5,000-entity
// bundles; compare with BenchmarkValidateSixBundles (the bar: at most 2×,
// and under a second).
func BenchmarkMergeSixBundles(b *testing.B) {
	in := sixBundles(b, b.TempDir())
	out := filepath.Join(b.TempDir(), "merged.json")
	args := append([]string{"merge", "-o", out}, in...)
	b.ResetTimer()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != 0 {
			b.Fatal("merge failed")
		}
	}
}

// BenchmarkValidateSixBundles is `stratplan validate` of the same bundles:
// reading and verifying them.
func BenchmarkValidateSixBundles(b *testing.B) {
	args := append([]string{"validate"}, sixBundles(b, b.TempDir())...)
	b.ResetTimer()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != 0 {
			b.Fatal("validate failed")
		}
	}
}
