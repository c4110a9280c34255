package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// TestLabelsFitInFrenchAndSpanish: at 1366×768 the steps' names in the
// sidebar and "All regions" in its chooser show whole, and the timer's
// button says start as a verb.
func TestLabelsFitInFrenchAndSpanish(t *testing.T) {
	for _, c := range []struct{ locale, start string }{{"fr_FR.UTF-8", "Démarrer"}, {"es_ES.UTF-8", "Iniciar"}} {
		t.Run(c.locale, func(t *testing.T) {
			inLocale(t, c.locale)
			a := newExampleApp(t)
			a.win.Resize(fyne.NewSize(1366, 768))
			if got := lang.X("timer.start", "Start"); got != c.start {
				t.Errorf("the timer's button reads %q, want %q", got, c.start)
			}
			pad := theme.InnerPadding()
			size := theme.TextSize()
			numWidth := fyne.MeasureText("10", size, fyne.TextStyle{Monospace: true}).Width + 2*pad
			room := a.sidebar.Size().Width - numWidth - 2*pad
			for _, s := range steps {
				if w := fyne.MeasureText(s.title(), size, fyne.TextStyle{}).Width; w > room {
					t.Errorf("the sidebar cuts %q: %v wide, %v of room", s.title(), w, room)
				}
			}
			sel := a.regionSel.Select
			room = sel.Size().Width - 4*pad - theme.IconInlineSize()
			if w := fyne.MeasureText(lang.L("All regions"), size, fyne.TextStyle{}).Width; w > room {
				t.Errorf("the region chooser cuts %q: %v wide, %v of room", lang.L("All regions"), w, room)
			}
		})
	}
}
