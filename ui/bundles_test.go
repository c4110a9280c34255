package ui

import (
	"bytes"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// waitFor waits for the work running off the UI goroutine, then checks
// that it did what was expected.
func waitFor(t *testing.T, a *App, what string, cond func() bool) {
	t.Helper()
	a.jobs.Wait()
	if !cond() {
		t.Fatalf("after waiting: no %s", what)
	}
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch w := o.(type) {
	case *widget.Button:
		if w.Text == text {
			return w
		}
	case *button:
		if w.Text == text {
			return &w.Button
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// exportTo writes the open plan as a signed bundle and waits for it.
func exportTo(t *testing.T, a *App, path string) {
	t.Helper()
	a.writeBundle(path, true)
	waitFor(t, a, "the export", func() bool { return strings.Contains(a.status.Text, "Exported") })
}

func TestExportImportAndSettleAConflictInTheWindow(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := newExampleApp(t)
	dir := t.TempDir()
	region := filepath.Join(dir, "region.stratplan")
	data, _ := os.ReadFile(a.plan.Path())
	os.WriteFile(region, data, 0o600)

	// The Secretariat edits a strength...
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set("swot-aa", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Secretariat wording")))
	})
	// ...and so does the region, on its own copy, and exports.
	sec := a.plan.Path()
	a.openPath(region)
	mustEdit(t, a, func(ed *stratplan.Edit) error {
		return ed.Set("swot-aa", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Regional wording")))
	})
	mustEdit(t, a, func(ed *stratplan.Edit) error { // one item, and the laptop's record, new to the Secretariat
		return ed.Set("swot-regional", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Regional hub")), stratplan.Set("quadrant", stratplan.Text("strength")),
			stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(a.workshop)))
	})
	if name := a.suggestedBundleName(); !strings.HasPrefix(name, "strategic-plan-2027-2030-wca-") || !strings.HasSuffix(name, "-1.json") {
		t.Fatalf("suggested name %q", name)
	}
	bundle := filepath.Join(dir, "wca.json")
	exportTo(t, a, bundle)

	// Back at the Secretariat: import, preview, apply.
	a.openPath(sec)
	a.importBundles(bundle)
	im := a.importing
	waitFor(t, a, "the preview", func() bool { return !im.apply.Disabled() })
	if !strings.Contains(im.describe(im.files[0]), "1 new item, 1 changed field, 1 new conflict") || !strings.Contains(im.summary.Text, "Importing will bring") {
		t.Fatalf("preview: %q / %q", im.describe(im.files[0]), im.summary.Text)
	}
	test.Tap(im.apply)
	waitFor(t, a, "the import", func() bool { return strings.Contains(a.status.Text, "Imported 1 bundle:") })

	if !a.conflictsBtn.Visible() || a.conflictCount != 1 {
		t.Fatal("the window does not show the conflict")
	}
	swot := swotOf(t, a)
	row := swot.quads[0].list.CreateItem()
	swot.quads[0].list.UpdateItem(0, row)
	if !row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[1].Visible() {
		t.Fatal("the conflicted SWOT item has no badge")
	}

	// Settle it in the Conflicts view.
	test.Tap(a.conflictsBtn)
	v := a.views[len(pages)-1].(*conflictsView)
	if len(v.items) != 1 || !containsText(v.detail, "Regional wording") || !containsText(v.detail, "Secretariat wording") {
		t.Fatal("the Conflicts view does not show both versions")
	}
	keep := findButton(v.detail, "Keep this version")
	if keep == nil {
		t.Fatal("no way to keep a version")
	}
	test.Tap(keep)
	if len(a.plan.Doc().Conflicts()) != 0 || a.conflictsBtn.Visible() {
		t.Fatal("keeping a version did not settle the conflict")
	}

	// The same bundle again brings nothing new.
	a.importBundles(bundle)
	im = a.importing
	waitFor(t, a, "the preview", func() bool { return len(im.files) == 1 && !im.checking })
	if !strings.Contains(im.describe(im.files[0]), "Nothing new") {
		t.Fatalf("second import: %q", im.describe(im.files[0]))
	}
}

func TestImportRefusesTamperedAndUntrustedBundles(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := newExampleApp(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	// Exported on another laptop: signed with a key of its own.
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	own := a.cfg.OwnKey
	a.cfg.OwnKey = func() (ed25519.PrivateKey, error) { return other, nil }
	exportTo(t, a, good)
	a.cfg.OwnKey = own
	data, _ := os.ReadFile(good)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(strings.Replace(string(data), "Risk management", "Risk-management", 1)), 0o600)

	a.importBundles(good, bad)
	im := a.importing
	waitFor(t, a, "the preview", func() bool { return len(im.files) == 2 && !im.checking })
	if !im.apply.Disabled() || !strings.Contains(im.summary.Text, "1 of 2 bundles is refused: remove it to import the others") {
		t.Fatalf("a refused bundle did not block the import: %q", im.summary.Text)
	}
	test.Tap(im.clear)
	if len(im.files) != 1 || im.apply.Disabled() {
		t.Fatal("removing the refused bundle did not allow the import")
	}

	// Only signed by a trusted key: the other laptop's key is not trusted
	// yet.
	im.signed.SetChecked(true)
	if !im.apply.Disabled() || !strings.Contains(im.describe(im.files[0]), "refused") {
		t.Fatal("an untrusted signer was accepted")
	}
	if err := a.plan.Trust(stratplan.TrustedKey{Key: other.Public().(ed25519.PublicKey), Label: "Me"}); err != nil {
		t.Fatal(err)
	}
	im.preview()
	if im.apply.Disabled() || !strings.Contains(im.describe(im.files[0]), "Signed by Me (trusted)") {
		t.Fatalf("a trusted signer was refused: %q", im.describe(im.files[0]))
	}
}
