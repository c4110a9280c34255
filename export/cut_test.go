package export

import (
	"strings"
	"testing"
)

// A word longer than a line (a URL, a title typed without spaces, Chinese
// text) is cut into lines that fill the width, losing nothing.
func TestLongWordsAreCutIntoFullLines(t *testing.T) {
	l, err := newLayout("a4")
	if err != nil {
		t.Fatal(err)
	}
	width := l.bodyWidth()
	for _, word := range []string{
		strings.Repeat("Customs", 3000),                     // 21,000 characters
		strings.Repeat("الجمارك", 400),                      // Arabic, joined
		"https://example.org/" + strings.Repeat("a/b", 900), // a long link
	} {
		lines := l.wrap(word, width, 10, false)
		if len(lines) < 2 {
			t.Fatalf("a word of %d characters gives %d line", len([]rune(word)), len(lines))
		}
		if got := strings.Join(lines, ""); got != word {
			t.Fatalf("cutting lost characters: %d of %d", len([]rune(got)), len([]rune(word)))
		}
		for i, ln := range lines {
			w := l.textWidth(visual(ln, baseRTL(ln)), 10, false)
			if w > width+0.01 {
				t.Fatalf("word %.10q: line %d is %.1f mm wide in a %.1f mm column", word, i, w, width)
			}
			if i < len(lines)-1 && w < width*0.9 {
				t.Fatalf("line %d fills %.1f mm of %.1f", i, w, width)
			}
		}
	}
}

func BenchmarkWrapLongWord(b *testing.B) {
	l, err := newLayout("a4")
	if err != nil {
		b.Fatal(err)
	}
	word := strings.Repeat("x", 100_000)
	for b.Loop() {
		l.wrap(word, l.bodyWidth(), 10, false)
	}
}
