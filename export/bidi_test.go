package export

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestArabicIsShapedToJoinedForms(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// meem initial, hah medial, meem medial, dal final
		{"محمد", "\uFEE3\uFEA4\uFEE4\uFEAA"},
		// lam-alef is one ligature; alef does not join forward
		{"لا", "\uFEFB"},
		{"سلام", "\uFEB3\uFEFC\uFEE1"},
		// a mark between letters does not break the joining
		{"بَب", "\uFE91\u064E\uFE90"},
		// a letter alone, and one after a letter that never joins forward
		{"ب", "\uFE8F"}, {"دب", "\uFEA9\uFE8F"},
	} {
		if got := string(shapeArabic([]rune(c.in))); got != c.want {
			t.Errorf("%s: %U, want %U", c.in, []rune(got), []rune(c.want))
		}
		if norm.NFKC.String(string(shapeArabic([]rune(c.in)))) != norm.NFKC.String(c.in) {
			t.Errorf("%s: shaping changed the letters", c.in)
		}
	}
}

// readBack reads a visual line back for comparison: each Arabic word's
// glyphs reversed (they are drawn right to left), then the presentation
// forms read as letters.
var arabicWord = regexp.MustCompile(`[\x{0600}-\x{06FF}\x{FB50}-\x{FDFF}\x{FE70}-\x{FEFF}]+`)

func readBack(v string) string {
	return norm.NFKC.String(arabicWord.ReplaceAllStringFunc(v, func(w string) string {
		rs := []rune(w)
		for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
			rs[i], rs[j] = rs[j], rs[i]
		}
		return string(rs)
	}))
}

func TestLinesMixingArabicLatinAndDigitsAreInVisualOrder(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // the visual order, left to right, with each Arabic word read back
	}{
		// Right to left: words in reverse order, numbers and Latin kept left to right.
		{"محمد بن علي", "علي بن محمد"},
		{"مدير إدارة المخاطر منذ 2019 في WCO", "WCO في 2019 منذ المخاطر إدارة مدير"},
		{"عدد الأعضاء 183", "183 الأعضاء عدد"},
		{"نسبة 25%", "%25 نسبة"},
		{"المرحلة (الأولى)", "(الأولى) المرحلة"},
		// Left to right with an Arabic phrase and a number inside it.
		{"Head of لجنة التجارة 12 members", "Head of 12 التجارة لجنة members"},
		{"Name: محمد علي (MENA) 2026", "Name: علي محمد (MENA) 2026"},
		{"Plain Latin, 12.5%", "Plain Latin, 12.5%"},
	} {
		got := readBack(visual(c.in, baseRTL(c.in)))
		if got != c.want {
			t.Errorf("%q\n drawn as %q\n     want %q", c.in, got, c.want)
		}
	}
}

func TestBaseDirectionFollowsTheFirstStrongLetter(t *testing.T) {
	for s, rtl := range map[string]bool{"محمد Ali": true, "Ali محمد": false, "2026 محمد": true, "2026": false, "": false} {
		if baseRTL(s) != rtl {
			t.Errorf("%q: rtl = %v", s, !rtl)
		}
	}
}

func TestEveryReportTextHasItsThreeLanguages(t *testing.T) {
	verbs := regexp.MustCompile(`%[a-z%]`)
	for en, tr := range texts {
		for i, s := range tr {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%q has no %s", en, reportLangs[i+1])
			}
			if fmt.Sprint(verbs.FindAllString(s, -1)) != fmt.Sprint(verbs.FindAllString(en, -1)) {
				t.Errorf("%q in %s fills in %v, not %v", en, reportLangs[i+1], verbs.FindAllString(s, -1), verbs.FindAllString(en, -1))
			}
		}
	}
	for k, l := range labels {
		for i, s := range l {
			if strings.TrimSpace(s) == "" {
				t.Errorf("label %s has no %s", k, reportLangs[i])
			}
		}
	}
}

func TestNumbersAndDatesInEachLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, num, date string
	}{
		{"en", "4,800,000.5", "14 September 2026"},
		{"fr", "4\u00a0800\u00a0000,5", "14 septembre 2026"},
		{"es", "4.800.000,5", "14 de septiembre de 2026"},
	} {
		b := &builder{lang: c.lang}
		if got := b.number(4800000.5, -1); got != c.num {
			t.Errorf("%s: %q", c.lang, got)
		}
		if got := b.date("2026-09-14"); got != c.date {
			t.Errorf("%s: %q", c.lang, got)
		}
	}
}
