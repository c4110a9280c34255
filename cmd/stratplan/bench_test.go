package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"stratplan"
)

// sixBundles writes the bundles of six regional copies of one plan, 5,000
// entities each, every region also editing the same 500 shared entities
// (so the merge has real conflicts to keep).
func sixBundles(b *testing.B) []string {
	b.Helper()
	dir := b.TempDir()
	b.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	base := filepath.Join(dir, "base.stratplan")
	if code := run([]string{"new", base}, io.Discard, io.Discard); code != 0 {
		b.Fatal("new failed")
	}
	data, _ := os.ReadFile(base)
	var out []string
	for r := 0; r < 6; r++ {
		plan := filepath.Join(dir, fmt.Sprintf("region%d.stratplan", r))
		os.WriteFile(plan, data, 0o600)
		editPlan(b, plan, func(ed *stratplan.Edit) error {
			for i := 0; i < 5000; i++ {
				id := fmt.Sprintf("r%d-%05d", r, i)
				if i < 500 {
					id = fmt.Sprintf("shared-%05d", i)
				}
				if err := ed.Set(id, stratplan.KindSWOT, stratplan.Set("text", stratplan.Text(fmt.Sprintf("item %d of region %d", i, r))),
					stratplan.Set("quadrant", stratplan.Text("strength")), stratplan.Set("workshop", stratplan.Text("ws"))); err != nil {
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
	in := sixBundles(b)
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
	args := append([]string{"validate"}, sixBundles(b)...)
	b.ResetTimer()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != 0 {
			b.Fatal("validate failed")
		}
	}
}
