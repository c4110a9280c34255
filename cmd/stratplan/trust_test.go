package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"stratplan"
	"stratplan/export"
)

// A plan restored by `cp` from an older copy of itself keeps the file's
// identity, so only the replica marks can tell. Its bundles and the ones
// exported before the restore must merge, in either order, to the same
// plan with nothing lost.
func TestRestoredFromACopyBothHistoriesMerge(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	plan := filepath.Join(dir, "wca.stratplan")
	if code, _, errs := runCmd(t, "new", plan, "--example"); code != 0 {
		t.Fatal(errs)
	}
	editPlan(t, plan, setText("swot-aa", "before the copy"))
	old, _ := os.ReadFile(plan)

	editPlan(t, plan, setText("swot-aa", "after the copy"))
	editPlan(t, plan, setText("swot-late", "a new item after the copy"))
	first := filepath.Join(dir, "first.json")
	if code, _, errs := runCmd(t, "export", plan, "--bundle", first); code != 0 {
		t.Fatal(errs)
	}

	// cp old-copy plan: same file, older content.
	f, _ := os.OpenFile(plan, os.O_WRONLY|os.O_TRUNC, 0)
	f.Write(old)
	f.Close()
	editPlan(t, plan, setText("swot-aa", "after the restore"))
	editPlan(t, plan, setText("swot-restored", "a new item after the restore"))
	second := filepath.Join(dir, "second.json")
	if code, _, errs := runCmd(t, "export", plan, "--bundle", second); code != 0 {
		t.Fatal(errs)
	}

	var results []string
	for _, order := range [][]string{{first, second}, {second, first}} {
		out := filepath.Join(t.TempDir(), "m.json")
		code, stdout, errs := runCmd(t, append([]string{"merge", "-o", out}, order...)...)
		if code != 0 {
			t.Fatalf("merge %v: %s %s", order, stdout, errs)
		}
		b := readBundle(t, out)
		for _, id := range []string{"swot-late", "swot-restored"} {
			if b.Doc.Entity(id) == nil {
				t.Fatalf("%s lost", id)
			}
		}
		// The two texts written on either side of the restore are both kept:
		// they are concurrent edits, a conflict for a person to settle.
		vals := b.Doc.Entity("swot-aa").Field("text").Vals
		if len(vals) != 2 {
			t.Fatalf("swot-aa holds %d values, want both histories' texts", len(vals))
		}
		results = append(results, stratplan.Text(canonDoc(b.Doc)).String())
	}
	if results[0] != results[1] {
		t.Fatal("the two orders give different plans")
	}
}

func canonDoc(d *stratplan.Document) string {
	var buf []byte
	for _, e := range d.Entities() {
		buf = stratplan.AppendEntityJSON(buf, e)
	}
	return string(buf)
}

func readBundle(t *testing.T, path string) *export.Bundle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := export.DecodeBundle(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeForged re-encodes a bundle after fn changed its plan, with a valid
// digest: what a forger with the format in hand can make.
func writeForged(t *testing.T, from, to string, fn func(d *stratplan.Document)) {
	t.Helper()
	b := readBundle(t, from)
	fn(b.Doc)
	f, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := export.EncodeBundle(f, b.Doc, b.Producer, b.ExportedAt); err != nil {
		t.Fatal(err)
	}
}

func TestForgedBundlesAreRefusedInImportAndMergeAlike(t *testing.T) {
	sec, eur := twoCopies(t)
	editPlan(t, eur, setText("swot-aa", "honest"))
	dir := t.TempDir()
	honest := filepath.Join(dir, "honest.json")
	if code, _, errs := runCmd(t, "export", eur, "--bundle", honest); code != 0 {
		t.Fatal(errs)
	}
	forged := filepath.Join(dir, "forged.json")
	writeForged(t, honest, forged, func(d *stratplan.Document) {
		e := d.Entity("swot-aa")
		f := e.Field("text")
		vals := append([]stratplan.Val{}, f.Vals...)
		vals[0].V = stratplan.Text("forged")
		ne := &stratplan.Entity{ID: e.ID, Kind: e.Kind, Fields: e.Fields.With("text", stratplan.Field{Ctx: f.Ctx, Vals: vals})}
		d.Put(ne)
	})
	for _, order := range [][]string{{honest, forged}, {forged, honest}} {
		out := filepath.Join(t.TempDir(), "m.json")
		code, _, errs := runCmd(t, append([]string{"merge", "-o", out}, order...)...)
		if code != 1 || !strings.Contains(errs, "two different values") || !strings.Contains(errs, `"honest"`) || !strings.Contains(errs, `"forged"`) ||
			!strings.Contains(errs, "swot swot-aa") || !strings.Contains(errs, filepath.Base(order[1])) || !strings.Contains(errs, filepath.Base(order[0])) {
			t.Fatalf("merge %v: %d %s", order, code, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatal("a refused merge wrote its output")
		}
	}
	if code, _, errs := runCmd(t, "import", sec, honest); code != 0 {
		t.Fatal(errs)
	}
	before := canonFile(t, sec)
	code, _, errs := runCmd(t, "import", sec, forged)
	if code != 1 || !strings.Contains(errs, "two different values") || !strings.Contains(errs, "nothing was imported") {
		t.Fatalf("import of the forged bundle: %d %s", code, errs)
	}
	if canonFile(t, sec) != before {
		t.Fatal("a refused import changed the plan")
	}
}

func TestABundleFromTheFarFutureIsTakenWithAWarningAndTheClockStaysPut(t *testing.T) {
	sec, eur := twoCopies(t)
	editPlan(t, eur, setText("swot-aa", "from a laptop whose clock says 9999"))
	dir := t.TempDir()
	honest := filepath.Join(dir, "honest.json")
	runCmd(t, "export", eur, "--bundle", honest)
	future := filepath.Join(dir, "future.json")
	writeForged(t, honest, future, func(d *stratplan.Document) {
		e := d.Entity("swot-aa")
		f := e.Field("text")
		vals := append([]stratplan.Val{}, f.Vals...)
		for i := range vals {
			if vals[i].V.String() == "from a laptop whose clock says 9999" {
				vals[i].At = stratplan.MaxTime
			}
		}
		ne := &stratplan.Entity{ID: e.ID, Kind: e.Kind, Fields: e.Fields.With("text", stratplan.Field{Ctx: f.Ctx, Vals: vals})}
		d.Put(ne)
	})
	code, stdout, errs := runCmd(t, "import", sec, future)
	if code != 0 || !strings.Contains(stdout, "clock looks wrong") || !strings.Contains(stdout, "9999-12-31") {
		t.Fatalf("import: %d %s %s", code, stdout, errs)
	}
	editPlan(t, sec, setText("swot-next", "written after the import"))
	out := filepath.Join(dir, "after.json")
	if code, _, errs := runCmd(t, "export", sec, "--bundle", out); code != 0 {
		t.Fatal(errs)
	}
	// Everything the plan writes it can read back; its own write is not
	// dragged into the future.
	if code, stdout, _ := runCmd(t, "validate", out); code != 0 {
		t.Fatalf("the plan's own bundle is refused: %s", stdout)
	}
	at := readBundle(t, out).Doc.Entity("swot-next").Field("text").Vals[0].At
	if at.Time().Year() > 3000 {
		t.Fatalf("the next write is stamped %s", at)
	}

	// A plan started from that bundle is told the same.
	started := filepath.Join(dir, "region.stratplan")
	code, stdout, errs = runCmd(t, "new", started, "--from", future)
	if code != 0 || !strings.Contains(stdout, "clock looks wrong") || !strings.Contains(stdout, "9999-12-31") {
		t.Fatalf("new --from a bundle from the far future: %d %s %s", code, stdout, errs)
	}
	editPlan(t, started, setText("swot-new", "written in the new plan"))
	runCmd(t, "export", started, "--bundle", filepath.Join(dir, "started.json"))
	if at := readBundle(t, filepath.Join(dir, "started.json")).Doc.Entity("swot-new").Field("text").Vals[0].At; at.Time().Year() > 3000 {
		t.Fatalf("the started plan's first write is stamped %s", at)
	}
}

func TestMergeNeverOverwritesWithoutForce(t *testing.T) {
	_, eur := twoCopies(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	runCmd(t, "export", eur, "--bundle", in)
	out := filepath.Join(dir, "precious.json")
	os.WriteFile(out, []byte("someone else's bundle"), 0o600)
	code, _, errs := runCmd(t, "merge", "-o", out, in)
	if code != 1 || !strings.Contains(errs, "already exists") {
		t.Fatalf("merge over an existing file: %d %s", code, errs)
	}
	if b, _ := os.ReadFile(out); string(b) != "someone else's bundle" {
		t.Fatal("the existing file was overwritten")
	}
	if code, _, errs := runCmd(t, "merge", "-o", out, in, "--force"); code != 0 {
		t.Fatalf("--force: %s", errs)
	}
}

func TestABundleOfAnotherPlanIsNamedByTitle(t *testing.T) {
	sec, _ := twoCopies(t)
	dir := t.TempDir()
	other := filepath.Join(dir, "other.stratplan")
	runCmd(t, "new", other, "--title", "Plan de modernisation 2028")
	out := filepath.Join(dir, "other.json")
	runCmd(t, "export", other, "--bundle", out)
	code, _, errs := runCmd(t, "import", sec, out)
	if code != 1 || !strings.Contains(errs, "“Plan de modernisation 2028”") || !strings.Contains(errs, "never merged") {
		t.Fatalf("import of another plan: %d %s", code, errs)
	}
}

func TestRestoreBringsBackTheLatestBackupOfADamagedPlan(t *testing.T) {
	sec, eur := twoCopies(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	editPlan(t, eur, setText("swot-aa", "imported before the damage"))
	runCmd(t, "export", eur, "--bundle", in)
	if code, _, errs := runCmd(t, "import", sec, in); code != 0 { // backs up first
		t.Fatal(errs)
	}
	if code, _, errs := runCmd(t, "restore", sec); code != 1 || !strings.Contains(errs, "opens without trouble") {
		t.Fatalf("restore of a healthy plan: %d %s", code, errs)
	}
	data, _ := os.ReadFile(sec)
	copy(data[:8192], make([]byte, 8192)) // both of bbolt's meta pages
	os.WriteFile(sec, data, 0o600)
	code, _, errs := runCmd(t, "export", sec, "--bundle", filepath.Join(dir, "x.json"))
	if code != 1 || !strings.Contains(errs, "damaged") || !strings.Contains(errs, "stratplan restore") {
		t.Fatalf("opening the damaged plan: %d %s", code, errs)
	}
	code, stdout, errs := runCmd(t, "restore", sec)
	if code != 0 || !strings.Contains(stdout, "kept as") {
		t.Fatalf("restore: %d %s %s", code, stdout, errs)
	}
	if doc := readPlan(t, sec); doc.Entity("swot-aa") == nil {
		t.Fatal("the restored plan is empty")
	}
}

func TestAMistypedCommandIsNotTakenForAFile(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	code, _, errs := runCmd(t, "exprot")
	if code != 2 || !strings.Contains(errs, `unknown command or option "exprot"`) {
		t.Fatalf("exit %d, %q", code, errs)
	}
}

func TestAReadOnlyPlanExportsButTakesNoImport(t *testing.T) {
	_, eur := twoCopies(t)
	dir := t.TempDir()
	plan := filepath.Join(dir, "ro.stratplan")
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir).CombinedOutput(); err != nil {
			t.Skipf("cannot mount a tmpfs: %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
		copyPlan(t, eur, plan)
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remount: %v %s", err, out)
		}
	} else {
		copyPlan(t, eur, plan)
		os.Chmod(plan, 0o444)
	}
	out := filepath.Join(t.TempDir(), "out.json")
	if code, _, errs := runCmd(t, "export", plan, "--bundle", out); code != 0 {
		t.Fatalf("export of a read-only plan: %s", errs)
	}
	if code, stdout, _ := runCmd(t, "validate", out); code != 0 {
		t.Fatal(stdout)
	}
	code, _, errs := runCmd(t, "import", plan, out)
	if code != 1 || !strings.Contains(errs, "read-only") {
		t.Fatalf("import into a read-only plan: %d %s", code, errs)
	}
}
