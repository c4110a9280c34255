package main

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// terminal writes a command's output with every control character but
// newline and tab escaped (\u001b, \u000d, \u202e…): titles and labels read from
// a bundle reach the terminal as text, never as commands that move its
// cursor, clear it, set its title or reorder a line.
type terminal struct{ w io.Writer }

func (t terminal) Write(p []byte) (int, error) {
	clean := true
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRune(p[i:])
		if obeyed(r, n) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return t.w.Write(p)
	}
	out := make([]byte, 0, len(p)+16)
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRune(p[i:])
		if obeyed(r, n) {
			// \u001b rather than \x1b: valid inside a JSON string too, so
			// status --json stays JSON whatever a title holds.
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, p[i:i+n]...)
		}
		i += n
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// obeyed reports whether a terminal would act on the character rather
// than show it.
func obeyed(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return false // a byte of text in another encoding: shown as it is
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// brief cuts a name read from a file to what a line of the terminal shows:
// a title may be as long as a page.
func brief(s string) string {
	const most = 100
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most-1]) + "…"
}
