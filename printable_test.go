package stratplan_test

import (
	"testing"

	"stratplan"
)

func TestPrintableEscapesWhatATerminalWouldObey(t *testing.T) {
	for in, want := range map[string]string{
		"Plan 2027–2030 · Côte d'Ivoire · المغرب": "Plan 2027–2030 · Côte d'Ivoire · المغرب",
		"\x1b[2J\x1b]0;owned\x07":                 `\x1b[2J\x1b]0;owned\a`,
		"title\nimported 0 bundles":               `title\nimported 0 bundles`,
		"abc\u202edcba":                           `abc\u202edcba`,
		"\u0085next":                              `\u0085next`,
	} {
		if got := stratplan.Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}
