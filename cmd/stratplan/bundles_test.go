package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stratplan"
	"stratplan/store"
)

// twoCopies makes the example plan and a copy of it, as on two laptops.
func twoCopies(t *testing.T) (a, b string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	a, b = filepath.Join(dir, "secretariat.stratplan"), filepath.Join(dir, "europe.stratplan")
	if code, _, errs := runCmd(t, "new", a, "--example"); code != 0 {
		t.Fatal(errs)
	}
	data, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return a, b
}

func editPlan(t testing.TB, path string, fn func(ed *stratplan.Edit) error) {
	t.Helper()
	s, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Edit(fn); err != nil {
		t.Fatal(err)
	}
}

func readPlan(t *testing.T, path string) *stratplan.Document {
	t.Helper()
	s, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.Doc()
}

func setText(id, text string) func(ed *stratplan.Edit) error {
	return func(ed *stratplan.Edit) error {
		return ed.Set(id, stratplan.KindSWOT, stratplan.Set("text", stratplan.Text(text)))
	}
}

func TestExportImportConflictAndDuplicate(t *testing.T) {
	sec, eur := twoCopies(t)
	editPlan(t, sec, setText("swot-aa", "Risk engines in every administration"))
	editPlan(t, eur, setText("swot-aa", "Risk management engines, most administrations"))
	editPlan(t, eur, func(ed *stratplan.Edit) error {
		return ed.Set("swot-new", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Brussels training hub")), stratplan.Set("quadrant", stratplan.Text("strength")))
	})
	out := filepath.Join(filepath.Dir(eur), "eur.json")
	var code int
	var stdout, errs string
	onLaptop(t.TempDir(), func() { code, stdout, errs = runCmd(t, "export", eur, "--bundle", out, "--sign") })
	if code != 0 || !strings.Contains(stdout, "signed with key") {
		t.Fatalf("export: %d %s %s", code, stdout, errs)
	}
	code, stdout, _ = runCmd(t, "validate", out)
	if code != 0 || !strings.Contains(stdout, "ok: plan") || !strings.Contains(stdout, "signed by an unknown key") {
		t.Fatalf("validate: %d %s", code, stdout)
	}

	code, stdout, errs = runCmd(t, "import", sec, out)
	if code != 0 || !strings.Contains(stdout, "1 new conflicts") || !strings.Contains(stdout, "conflicts to settle") {
		t.Fatalf("import: %d\n%s\n%s", code, stdout, errs)
	}
	doc := readPlan(t, sec)
	if doc.Entity("swot-new") == nil || len(doc.Conflicts()) != 1 || len(doc.Entity("swot-aa").Field("text").Vals) != 2 {
		t.Fatal("the import did not bring the new item and the conflict")
	}
	backups, _ := store.Backups(sec)
	if len(backups) != 1 {
		t.Fatalf("%d backups before the import, want 1", len(backups))
	}

	// The same bundle again changes nothing.
	code, stdout, _ = runCmd(t, "import", sec, out)
	if code != 0 || !strings.Contains(stdout, "nothing new: this bundle is older than or equal to what you have") {
		t.Fatalf("second import: %d %s", code, stdout)
	}

	// Settling on the Secretariat's side, then sending back, clears it on
	// the region's side too.
	editPlan(t, sec, setText("swot-aa", "Risk-management engines in most administrations"))
	back := filepath.Join(filepath.Dir(sec), "sec.json")
	if code, _, errs := runCmd(t, "export", sec, "--bundle", back); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCmd(t, "import", eur, back); code != 0 {
		t.Fatal(errs)
	}
	if d := readPlan(t, eur); len(d.Conflicts()) != 0 || d.Entity("swot-aa").Str("text") != "Risk-management engines in most administrations" {
		t.Fatal("the settled value did not clear the conflict on the other laptop")
	}
}

func TestImportRefusesBadBundlesAndAppliesNothing(t *testing.T) {
	sec, eur := twoCopies(t)
	editPlan(t, eur, setText("swot-aa", "changed in Europe"))
	good := filepath.Join(filepath.Dir(eur), "good.json")
	if code, _, errs := runCmd(t, "export", eur, "--bundle", good); code != 0 {
		t.Fatal(errs)
	}
	data, _ := os.ReadFile(good)
	bad := filepath.Join(filepath.Dir(eur), "tampered.json")
	os.WriteFile(bad, []byte(strings.Replace(string(data), "changed in Europe", "changed in Europa", 1)), 0o600)

	code, _, errs := runCmd(t, "import", sec, good, bad)
	if code != 1 || !strings.Contains(errs, "tampered.json: was changed after it was exported") || !strings.Contains(errs, "nothing was imported") {
		t.Fatalf("import with a tampered bundle: %d %s", code, errs)
	}
	if readPlan(t, sec).Entity("swot-aa").Str("text") == "changed in Europe" {
		t.Fatal("the good bundle was applied although another was refused")
	}
	if code, stdout, _ := runCmd(t, "validate", good, bad); code != 1 || !strings.Contains(stdout, "good.json: ok") || !strings.Contains(stdout, "tampered.json: REFUSED") {
		t.Fatalf("validate: %d %s", code, stdout)
	}

	// A bundle of another plan.
	other := filepath.Join(t.TempDir(), "other.stratplan")
	runCmd(t, "new", other)
	ob := filepath.Join(t.TempDir(), "other.json")
	runCmd(t, "export", other, "--bundle", ob)
	if code, _, errs := runCmd(t, "import", sec, ob); code != 1 || !strings.Contains(errs, "never merged") {
		t.Fatalf("other plan: %d %s", code, errs)
	}
}

// onLaptop runs fn as the laptop whose config folder (and so signing key)
// is config would.
func onLaptop(config string, fn func()) {
	prev := os.Getenv("XDG_CONFIG_HOME")
	os.Setenv("XDG_CONFIG_HOME", config)
	defer os.Setenv("XDG_CONFIG_HOME", prev)
	fn()
}

func TestRequireSignedAndTrustedKeys(t *testing.T) {
	sec, eur := twoCopies(t)
	editPlan(t, eur, setText("swot-aa", "signed change"))
	dir := filepath.Dir(eur)
	unsigned, signed := filepath.Join(dir, "u.json"), filepath.Join(dir, "s.json")
	runCmd(t, "export", eur, "--bundle", unsigned)
	// A bundle this laptop signed is its own: taken as signed by a trusted
	// key, and said so.
	own := filepath.Join(dir, "own.json")
	runCmd(t, "export", eur, "--bundle", own, "--sign")
	if code, stdout, _ := runCmd(t, "validate", own); code != 0 || !strings.Contains(stdout, "signed by this laptop (trusted)") {
		t.Fatalf("validate of a bundle this laptop signed: %d %s", code, stdout)
	}
	if code, _, errs := runCmd(t, "import", sec, own, "--require-signed"); code != 0 {
		t.Fatalf("a bundle this laptop signed is refused as unsigned by a trusted key: %s", errs)
	}
	var pub string
	europe := t.TempDir() // the Europe facilitator's laptop
	onLaptop(europe, func() {
		runCmd(t, "export", eur, "--bundle", signed, "--sign")
		_, pub, _ = runCmd(t, "keys")
	})

	code, _, errs := runCmd(t, "import", sec, signed, "--require-signed")
	if code != 1 || !strings.Contains(errs, "unknown key") {
		t.Fatalf("unknown signer accepted: %d %s", code, errs)
	}
	keyFile := filepath.Join(dir, "europe.pub")
	os.WriteFile(keyFile, []byte(pub), 0o600)
	if code, _, errs := runCmd(t, "keys", "trust", sec, keyFile, "--label", "Europe facilitator", "--region", "AP"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCmd(t, "keys", "trust", sec, keyFile, "--label", "x", "--region", "Atlantis"); code != 1 || !strings.Contains(errs, "no region") {
		t.Fatalf("unknown region: %d %s", code, errs)
	}
	if code, _, errs := runCmd(t, "import", sec, unsigned, "--require-signed"); code != 1 || !strings.Contains(errs, "unsigned") {
		t.Fatalf("unsigned accepted: %d %s", code, errs)
	}
	// The producer claims Europe; the key is trusted for Asia/Pacific.
	onLaptop(europe, func() {
		editPlan(t, eur, func(ed *stratplan.Edit) error {
			return ed.Set(ed.Replica(), stratplan.KindReplica, stratplan.Set("region", stratplan.Text("region-eur")))
		})
	})
	if code, _, errs := runCmd(t, "export", eur, "--bundle", signed, "--sign"); code != 1 || !strings.Contains(errs, "already exists") || !strings.Contains(errs, "--force") {
		t.Fatalf("export over an existing file: %d %s", code, errs)
	}
	onLaptop(europe, func() { runCmd(t, "export", eur, "--bundle", signed, "--sign", "--force") })
	code, stdout, errs := runCmd(t, "import", sec, signed, "--require-signed")
	if code != 0 || !strings.Contains(stdout, "signed by Europe facilitator (trusted)") {
		t.Fatalf("trusted import: %d %s %s", code, stdout, errs)
	}
	if !strings.Contains(stdout, "trusted for Asia/Pacific, but the bundle says it comes from Europe") {
		t.Fatalf("no warning about the region: %s", stdout)
	}
	if _, list, _ := runCmd(t, "keys", "list", sec); !strings.Contains(list, "Europe facilitator") {
		t.Fatalf("keys list: %s", list)
	}
	if code, _, _ := runCmd(t, "keys", "untrust", sec, keyFile); code != 0 {
		t.Fatal("untrust failed")
	}
}

func TestMergeBundlesWithoutAPlanFile(t *testing.T) {
	sec, eur := twoCopies(t)
	editPlan(t, sec, setText("swot-aa", "from the Secretariat"))
	editPlan(t, eur, setText("swot-ab", "from Europe"))
	dir := filepath.Dir(sec)
	a, b, m := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json"), filepath.Join(dir, "m.json")
	runCmd(t, "export", sec, "--bundle", a)
	runCmd(t, "export", eur, "--bundle", b)
	code, stdout, errs := runCmd(t, "merge", "-o", m, a, b, a)
	if code != 0 || !strings.Contains(stdout, "from 3 bundles") {
		t.Fatalf("merge: %d %s %s", code, stdout, errs)
	}
	if code, stdout, _ := runCmd(t, "validate", m); code != 0 || !strings.Contains(stdout, "ok") {
		t.Fatalf("the merged bundle is not valid: %s", stdout)
	}
	runCmd(t, "import", eur, m)
	d := readPlan(t, eur)
	if d.Entity("swot-aa").Str("text") != "from the Secretariat" || d.Entity("swot-ab").Str("text") != "from Europe" {
		t.Fatal("the merged bundle lost an edit")
	}
}

// TestMergeRefusesBadBundlesAndWritesNothing merges a good bundle with a
// tampered one, then with one of another plan: the file at fault is named,
// and no output is written.
func TestMergeRefusesBadBundlesAndWritesNothing(t *testing.T) {
	sec, eur := twoCopies(t)
	dir := filepath.Dir(sec)
	good, bad, m := filepath.Join(dir, "good.json"), filepath.Join(dir, "tampered.json"), filepath.Join(dir, "merged.json")
	editPlan(t, eur, setText("swot-aa", "changed in Europe"))
	runCmd(t, "export", eur, "--bundle", good)
	data, _ := os.ReadFile(good)
	os.WriteFile(bad, []byte(strings.Replace(string(data), "changed in Europe", "changed in Europa", 1)), 0o600)
	other := filepath.Join(dir, "other.stratplan")
	runCmd(t, "new", other)
	ob := filepath.Join(dir, "other.json")
	runCmd(t, "export", other, "--bundle", ob)

	code, _, errs := runCmd(t, "merge", "-o", m, good, bad, ob)
	if code != 1 || !strings.Contains(errs, "tampered.json: was changed after it was exported") || !strings.Contains(errs, "nothing was written") {
		t.Fatalf("merge with a tampered bundle: %d %s", code, errs)
	}
	code, _, errs = runCmd(t, "merge", "-o", m, good, ob)
	if code != 1 || !strings.Contains(errs, "other.json is a bundle of the plan “Strategic plan”") || !strings.Contains(errs, "never merged") || strings.Contains(errs, "--adopt") {
		t.Fatalf("merge with another plan's bundle: %d %s", code, errs)
	}
	if _, err := os.Stat(m); err == nil {
		t.Fatal("a refused merge wrote its output")
	}
}
