package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// appButton finds the app's button with the given text under o.
func appButton(o fyne.CanvasObject, text string) *button {
	switch w := o.(type) {
	case *button:
		if w.Text == text {
			return w
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			if b := appButton(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			if b := appButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// TestEnterConfirmsADialogAndEscapeCancelsIt: Enter answers a dialog with
// its main button, Escape with Cancel, and Enter in a multi-line field
// starts a new line.
func TestEnterConfirmsADialogAndEscapeCancelsIt(t *testing.T) {
	a := newExampleApp(t)
	confirmed := 0
	a.showConfirm("Question", "Go on", lang.L("Cancel"), widget.NewLabel("Go on?"), func() { confirmed++ }, fyne.NewSize(400, 0))
	pressKey(a, fyne.KeyReturn)
	if confirmed != 1 || a.dialogOpen() {
		t.Fatalf("Enter did not confirm the dialog (confirmed %d times, open: %v)", confirmed, a.dialogOpen())
	}
	a.showConfirm("Question", "Go on", lang.L("Cancel"), widget.NewLabel("Go on?"), func() { confirmed++ }, fyne.NewSize(400, 0))
	pressKey(a, fyne.KeyEscape)
	if confirmed != 1 || a.dialogOpen() {
		t.Fatalf("Escape did not cancel the dialog (confirmed %d times, open: %v)", confirmed, a.dialogOpen())
	}

	// Export bundle: Enter writes the bundle under the name suggested, in
	// the folder shown.
	dir := t.TempDir()
	a.fy.Preferences().SetString(prefExportDir, dir)
	name := a.suggestedBundleName()
	a.exportBundle()
	pressKey(a, fyne.KeyEnter)
	a.jobs.Wait()
	if entries, _ := os.ReadDir(dir); len(entries) != 1 || entries[0].Name() != name {
		t.Fatalf("Enter in Export bundle wrote %v, want %s", entries, name)
	}
	for a.dialogOpen() {
		a.closeTopDialog()
	}

	// A multi-line field keeps Enter for a new line.
	notes := newMultiLineEntry("")
	a.showConfirm("Notes", "Save", lang.L("Cancel"), notes, func() { confirmed++ }, fyne.NewSize(400, 0))
	a.win.Canvas().Focus(notes)
	notes.SetText("one")
	notes.CursorColumn = 3
	pressKey(a, fyne.KeyReturn)
	if confirmed != 1 || !a.dialogOpen() || notes.Text != "one\n" {
		t.Fatalf("Enter in a multi-line field: confirmed %d, text %q", confirmed, notes.Text)
	}
	// A focused button takes Enter for itself.
	a.win.Canvas().Focus(appButton(a.win.Canvas().Overlays().Top(), lang.L("Cancel")))
	pressKey(a, fyne.KeyReturn)
	if confirmed != 1 || a.dialogOpen() {
		t.Fatalf("Enter on Cancel: confirmed %d, open %v", confirmed, a.dialogOpen())
	}
}
