package export

import (
	"golang.org/x/text/unicode/bidi"
)

// Right-to-left text for PDF pages, which only place glyphs left to right:
// Arabic letters are shaped to the presentation forms that join them, and
// each line is put in visual order by the Unicode bidirectional algorithm
// (without explicit embeddings, which people do not type).

// arabicForms holds, for an Arabic letter, its isolated, final, initial
// and medial presentation forms; a letter with no initial form joins only
// to the letter before it.
var arabicForms = map[rune][4]rune{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0},
	0x0623: {0xFE83, 0xFE84, 0, 0},
	0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0},
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {0xFE93, 0xFE94, 0, 0},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {0xFEA9, 0xFEAA, 0, 0},
	0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0},
	0x0632: {0xFEAF, 0xFEB0, 0, 0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0, 0},
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
	0x0671: {0xFB50, 0xFB51, 0, 0},
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59},
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D},
	0x0698: {0xFB8A, 0xFB8B, 0, 0},
	0x06A4: {0xFB6A, 0xFB6B, 0xFB6C, 0xFB6D},
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91},
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95},
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF},
}

// lamAlef holds the ligatures of lam with a following alef: isolated and
// final forms.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6},
	0x0623: {0xFEF7, 0xFEF8},
	0x0625: {0xFEF9, 0xFEFA},
	0x0627: {0xFEFB, 0xFEFC},
}

const tatweel = 0x0640

// transparent reports whether r is a mark that neither joins nor breaks
// the joining of the letters around it (harakat and Quranic marks).
func transparent(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x0610 && r <= 0x061A ||
		r >= 0x06D6 && r <= 0x06DC || r >= 0x06DF && r <= 0x06E4 || r == 0x06E7 || r == 0x06E8 || r >= 0x06EA && r <= 0x06ED
}

// joinsBoth reports whether r joins to the letters on both sides.
func joinsBoth(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[2] != 0
}

// joinsBefore reports whether r joins to the letter before it.
func joinsBefore(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[1] != 0
}

// hasArabic reports whether s holds any Arabic letter to shape.
func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}

// shapeArabic replaces Arabic letters (in logical order) by the
// presentation forms that show them joined.
func shapeArabic(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	prevJoins := false // the letter before (marks aside) joins toward this one
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if transparent(r) {
			out = append(out, r)
			continue
		}
		forms, isLetter := arabicForms[r]
		if !isLetter {
			out = append(out, r)
			prevJoins = r == tatweel
			continue
		}
		// The next letter, marks skipped.
		j := i + 1
		for j < len(rs) && transparent(rs[j]) {
			j++
		}
		next := rune(0)
		if j < len(rs) {
			next = rs[j]
		}
		before := prevJoins && joinsBefore(r)
		if r == 0x0644 { // lam + alef is one ligature
			if lig, ok := lamAlef[next]; ok {
				out = append(out, lig[btoi(before)])
				out = append(out, rs[i+1:j]...) // the lam's marks
				i = j
				prevJoins = false
				continue
			}
		}
		after := joinsBoth(r) && next != 0 && joinsBefore(next)
		form := forms[0]
		switch {
		case before && after:
			form = forms[3]
		case before:
			form = forms[1]
		case after:
			form = forms[2]
		}
		if form == 0 {
			form = forms[0]
		}
		out = append(out, form)
		prevJoins = joinsBoth(r)
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// baseRTL reports whether a paragraph reads right to left: its first
// strong character is right to left.
func baseRTL(s string) bool {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

var mirrors = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹'}

// visual returns one line of text in the order its glyphs are drawn left
// to right, Arabic shaped: the paragraph direction is rtl, and levels and
// reordering follow the bidirectional algorithm's rules W1–W7, N1–N2,
// I1–I2 and L1–L4 for text without explicit embeddings.
func visual(line string, rtl bool) string {
	if !rtl && !needsBidi(line) {
		return line
	}
	rs := []rune(line)
	if hasArabic(line) {
		rs = shapeArabic(rs)
	}
	n := len(rs)
	if n == 0 {
		return ""
	}
	types := make([]bidi.Class, n)
	for i, r := range rs {
		p, _ := bidi.LookupRune(r)
		types[i] = p.Class()
	}
	base := bidi.L
	if rtl {
		base = bidi.R
	}
	// W1: marks take the type of what they mark.
	prev := base
	for i, t := range types {
		if t == bidi.NSM {
			types[i] = prev
		} else {
			prev = t
		}
	}
	// W2, W3: numbers after Arabic letters are Arabic numbers; AL is R.
	strong := base
	for i, t := range types {
		switch t {
		case bidi.L, bidi.R:
			strong = t
		case bidi.AL:
			strong = bidi.AL
			types[i] = bidi.R
		case bidi.EN:
			if strong == bidi.AL {
				types[i] = bidi.AN
			}
		}
	}
	// W4: one separator between two numbers of a kind joins them.
	for i := 1; i+1 < n; i++ {
		if types[i] == bidi.ES && types[i-1] == bidi.EN && types[i+1] == bidi.EN {
			types[i] = bidi.EN
		}
		if types[i] == bidi.CS && types[i-1] == types[i+1] && (types[i-1] == bidi.EN || types[i-1] == bidi.AN) {
			types[i] = types[i-1]
		}
	}
	// W5: terminators (%, currency) next to European numbers are numbers.
	for i := 0; i < n; i++ {
		if types[i] != bidi.ET {
			continue
		}
		j := i
		for j < n && types[j] == bidi.ET {
			j++
		}
		if i > 0 && types[i-1] == bidi.EN || j < n && types[j] == bidi.EN {
			for k := i; k < j; k++ {
				types[k] = bidi.EN
			}
		}
		i = j - 1
	}
	// W6: other separators and terminators are neutral.
	for i, t := range types {
		if t == bidi.ES || t == bidi.ET || t == bidi.CS {
			types[i] = bidi.ON
		}
	}
	// W7: European numbers after left-to-right text are left to right.
	strong = base
	for i, t := range types {
		switch t {
		case bidi.L, bidi.R:
			strong = t
		case bidi.EN:
			if strong == bidi.L {
				types[i] = bidi.L
			}
		}
	}
	// N1, N2: neutrals between two of one direction take it; others take
	// the paragraph's.
	dirOf := func(t bidi.Class) bidi.Class {
		switch t {
		case bidi.L:
			return bidi.L
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R
		}
		return bidi.ON
	}
	for i := 0; i < n; i++ {
		if dirOf(types[i]) != bidi.ON {
			continue
		}
		j := i
		for j < n && dirOf(types[j]) == bidi.ON {
			j++
		}
		before, after := base, base
		if i > 0 {
			before = dirOf(types[i-1])
		}
		if j < n {
			after = dirOf(types[j])
		}
		d := base
		if before == after {
			d = before
		}
		for k := i; k < j; k++ {
			types[k] = d
		}
		i = j - 1
	}
	// I1, I2: levels.
	baseLevel := 0
	if rtl {
		baseLevel = 1
	}
	levels := make([]int, n)
	for i, t := range types {
		switch {
		case baseLevel == 0 && t == bidi.R:
			levels[i] = 1
		case baseLevel == 0 && (t == bidi.AN || t == bidi.EN):
			levels[i] = 2
		case baseLevel == 1 && (t == bidi.L || t == bidi.EN || t == bidi.AN):
			levels[i] = 2
		default:
			levels[i] = baseLevel
		}
	}
	// L1: trailing white space goes back to the paragraph level.
	for i := n - 1; i >= 0 && (rs[i] == ' ' || rs[i] == '\t'); i-- {
		levels[i] = baseLevel
	}
	// L4: mirrored characters in right-to-left text.
	for i, r := range rs {
		if levels[i]%2 == 1 {
			if m, ok := mirrors[r]; ok {
				rs[i] = m
			}
		}
	}
	// L2: reverse every run at each level from the highest to the lowest
	// odd one, keeping each mark after the letter it sits on.
	type cluster struct {
		start, end int
		level      int
	}
	var cl []cluster
	for i := 0; i < n; i++ {
		j := i + 1
		for j < n && isMark(rs[j]) {
			j++
		}
		cl = append(cl, cluster{i, j, levels[i]})
		i = j - 1
	}
	high := 0
	for _, c := range cl {
		high = max(high, c.level)
	}
	for lv := high; lv >= 1; lv-- {
		for i := 0; i < len(cl); i++ {
			if cl[i].level < lv {
				continue
			}
			j := i
			for j < len(cl) && cl[j].level >= lv {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				cl[a], cl[b] = cl[b], cl[a]
			}
			i = j
		}
	}
	out := make([]rune, 0, n)
	for _, c := range cl {
		out = append(out, rs[c.start:c.end]...)
	}
	return string(out)
}

// isMark reports whether r is a combining mark drawn over the letter
// before it.
func isMark(r rune) bool {
	if r < 0x0300 {
		return false
	}
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.NSM
}

// needsBidi reports whether a line holds right-to-left characters.
func needsBidi(s string) bool {
	for _, r := range s {
		if r < 0x0590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.R || c == bidi.AL || c == bidi.AN {
			return true
		}
	}
	return false
}
