package ui

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"stratplan/assets"
)

// inLocale runs the rest of the test as a user whose system is set to the
// given POSIX locale (LANG and LC_ALL, no LANGUAGE), as on a French or
// Spanish desktop, and goes back to English afterwards.
func inLocale(t *testing.T, locale string) {
	t.Helper()
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", locale)
	t.Setenv("LANG", locale)
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		lang.AddTranslationsFS(assets.Translations, "translations")
	})
}

// TestNumbersAreReadAndWrittenInTheWindowsLanguage: whatever set the
// language (here LC_ALL and LANG, no LANGUAGE), the numbers the window
// reads and writes follow the language its texts are in.
func TestNumbersAreReadAndWrittenInTheWindowsLanguage(t *testing.T) {
	for _, c := range []struct {
		locale, cancel, typed, refused, staff, budget, hint, notNumber string
	}{
		{"en_GB.UTF-8", "Cancel", "6.5", "6,5", "6.5", "4\u00a0800\u00a0000", "e.g. 250,000 or 12.5", "is not a number"},
		{"fr_FR.UTF-8", "Annuler", "6,5", "6.5.1", "6,5", "4\u00a0800\u00a0000", "p. ex. 250 000 ou 12,5", "n'est pas un nombre"},
		{"es_ES.UTF-8", "Cancelar", "6,5", "6.5.1", "6,5", "4\u00a0800\u00a0000", "p. ej. 250 000 o 12,5", "no es un número"},
	} {
		t.Run(c.locale, func(t *testing.T) {
			inLocale(t, c.locale)
			a := newExampleApp(t)
			if got := lang.L("Cancel"); got != c.cancel {
				t.Fatalf("the window speaks %q, not the language of %s", got, c.locale)
			}
			s := stepOf[*actionsStep](t, a, 6)
			if got := amountHint(); got != c.hint {
				t.Errorf("the amount hint reads %q, want %q", got, c.hint)
			}
			if got := s.budget.Text; got != c.budget {
				t.Errorf("the budget available shows %q, want %q", got, c.budget)
			}
			s.editAction(0)
			var entries []*entry
			collectEntries(a.win.Canvas().Overlays().Top(), &entries)
			staff := entries[6]
			staff.SetText(c.refused)
			err := staff.Validate()
			if err == nil {
				t.Fatalf("%q was accepted as staff months", c.refused)
			}
			if !strings.Contains(err.Error(), c.notNumber) || strings.Contains(err.Error(), lang.L("“{{.Text}}” is not an amount: {{.Why}}", map[string]any{"Text": "", "Why": ""})) {
				t.Errorf("staff months are refused with %q: it should say it is not a number", err)
			}
			staff.SetText(c.typed)
			if err := staff.Validate(); err != nil {
				t.Fatalf("%q is refused as staff months: %v", c.typed, err)
			}
			test.Tap(findButton(a.win.Canvas().Overlays().Top(), lang.L("Save")))
			if got := s.table.cell(0, actionColumnStaff); got != c.staff {
				t.Errorf("the table shows %q staff months, want %q", got, c.staff)
			}
			mark := c.staff[1:2]
			for _, m := range regexp.MustCompile(`\d([.,])\d+ `).FindAllStringSubmatch(s.totals.Text, -1) {
				if m[1] != mark {
					t.Errorf("the totals write %q, not with the decimal mark %q: %q", m[0], mark, s.totals.Text)
				}
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	inLocale(t, "fr_FR.UTF-8")
	for f, want := range map[float64]string{250000.5: "250\u00a0000,5", 16.5: "16,5", 0: "0", -1234: "-1\u00a0234", 1e9: "1\u00a0000\u00a0000\u00a0000"} {
		if got := num(f); got != want {
			t.Errorf("%v reads %q in French, want %q", f, got, want)
		}
	}
	if got := formatAmount(12.5); got != "12,50" {
		t.Errorf("12.5 of money reads %q in French", got)
	}
	if got := labelled("SO1", "x"); got != "SO1\u00a0: x" {
		t.Errorf("a French label reads %q", got)
	}
}

// A target's change and its history show numbers the way the window's
// language writes them.
func TestATargetChangeShowsNumbersInTheWindowsLanguage(t *testing.T) {
	inLocale(t, "fr_FR.UTF-8")
	a := newExampleApp(t)
	s := stepOf[*indicatorsStep](t, a, 7)
	s.askReason("20", "12.5", func(string) {})
	if !containsText(a.win.Canvas().Overlays().Top(), "20 → 12,5") {
		t.Fatal("the reason dialog does not show 20 → 12,5")
	}
}
