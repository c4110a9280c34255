package export

import (
	"fmt"
	"strings"
	"unicode"
)

// The layout engine of the reports: it places text, rules, boxes and bars
// on pages (in millimetres from the top left corner) and keeps what it
// placed as a list of drawing operations per page. The PDF writer and the
// preview image replay those lists, and tests check every box placed
// against the page.

const ptMM = 25.4 / 72 // millimetres per point

type rgb struct{ R, G, B uint8 }

// The report's colours.
var (
	ink       = rgb{0x33, 0x33, 0x33}
	grey      = rgb{0x6B, 0x6B, 0x6B}
	lightGrey = rgb{0xD9, 0xD9, 0xD9}
	paleGrey  = rgb{0xF3, 0xF4, 0xF6}
	white     = rgb{0xFF, 0xFF, 0xFF}
	navy      = rgb{0x12, 0x2B, 0x4A}
	blue      = rgb{0x1F, 0x5A, 0x96}
	paleBlue  = rgb{0xE6, 0xEE, 0xF7}
	teal      = rgb{0x1B, 0x7F, 0x79}
	green     = rgb{0x2E, 0x7D, 0x32}
	amber     = rgb{0xB2, 0x6A, 0x00}
	red       = rgb{0xC6, 0x28, 0x28}
)

type opKind uint8

const (
	opText opKind = iota
	opRect
	opLine
	opCircle
	opLink
)

// op is one drawing operation. For text, (x, y) is the top left of the
// line box of height h and width w, text is in visual order.
type op struct {
	kind       opKind
	x, y, w, h float64
	text       string
	bold       bool
	size       float64 // points
	color      rgb
	fill       bool // rectangles and circles: filled with color
	lineWidth  float64
	target     *page // links
	body       bool  // placed in the body area (not header or footer)
}

type page struct {
	ops   []op
	num   int // 1-based, set when the document is finished
	marks []bookmark
}

type bookmark struct {
	text  string // logical order
	level int
	y     float64
}

// Box is a piece of text or a shape placed on a page, in millimetres from
// the page's top left corner; Body is set for what lies in the body area,
// between the margins.
type Box struct {
	Page       int
	X, Y, W, H float64
	Text       string
	Body       bool
}

// Paper sizes in millimetres.
var papers = map[string][2]float64{"a4": {210, 297}, "letter": {215.9, 279.4}}

// layout places content on pages.
type layout struct {
	pw, ph                 float64 // page size
	left, right, top, foot float64 // margins
	pages                  []*page
	cur                    *page
	y                      float64 // next free line on cur
	faces                  faces
	warned                 map[string]bool
	warnings               []string
	head                   *pendingHead // a heading nothing has followed yet
}

// pendingHead is a heading just placed: if the page ends before anything
// follows it, it moves to the next page with what it heads.
type pendingHead struct {
	p        *page
	from, to int     // its operations on p
	marks    int     // its bookmarks, the last ones of p
	y0       float64 // where it starts
	moved    func(np *page, dy float64)
}

// keepWithNext marks the operations placed on the current page since
// from, starting at y0, as a heading to keep with what follows.
func (l *layout) keepWithNext(from, marks int, y0 float64, moved func(np *page, dy float64)) {
	l.head = &pendingHead{p: l.cur, from: from, to: len(l.cur.ops), marks: marks, y0: y0, moved: moved}
}

func newLayout(paper string) (*layout, error) {
	size, ok := papers[paper]
	if !ok {
		return nil, fmt.Errorf("unknown paper %q: use a4 or letter", paper)
	}
	fs, err := newFaces()
	if err != nil {
		return nil, err
	}
	return &layout{pw: size[0], ph: size[1], left: 20, right: 20, top: 24, foot: 22, faces: fs, warned: map[string]bool{}}, nil
}

func (l *layout) bodyWidth() float64 { return l.pw - l.left - l.right }
func (l *layout) bottom() float64    { return l.ph - l.foot }

// newPage starts a page and puts the cursor at the top of its body. A
// heading that ended the page it leaves comes along.
func (l *layout) newPage() *page {
	old, h := l.cur, l.head
	l.head = nil
	p := &page{}
	l.pages = append(l.pages, p)
	l.cur = p
	y := l.y
	l.y = l.top
	if h == nil || h.p != old || len(old.ops) != h.to || h.y0 <= l.top+0.01 {
		return p
	}
	dy := l.top - h.y0
	for _, o := range old.ops[h.from:h.to] {
		o.y += dy
		p.ops = append(p.ops, o)
	}
	old.ops = old.ops[:h.from]
	n := len(old.marks) - h.marks
	for _, m := range old.marks[n:] {
		m.y += dy
		p.marks = append(p.marks, m)
	}
	old.marks = old.marks[:n]
	l.y = y + dy
	if h.moved != nil {
		h.moved(p, dy)
	}
	return p
}

// need starts a new page unless h millimetres are left.
func (l *layout) need(h float64) {
	if l.cur == nil || l.y+h > l.bottom()+0.01 {
		l.newPage()
	}
}

func (l *layout) add(o op) {
	o.body = o.y >= l.top-0.01 && o.y+o.h <= l.bottom()+0.01 && o.kind != opLink
	l.cur.ops = append(l.cur.ops, o)
}

// lineHeight is the height of a line of text at size points.
func lineHeight(size float64) float64 { return size * 1.32 * ptMM }

// textWidth is the width in millimetres of visual text.
func (l *layout) textWidth(s string, size float64, bold bool) float64 {
	return l.faces.of(bold).width(s, size) * ptMM
}

// text places one line of logical text with its left edge at x and the top
// of its line box at y, and returns its width.
func (l *layout) text(x, y float64, s string, size float64, bold bool, c rgb) float64 {
	v := visual(s, baseRTL(s))
	w := l.textWidth(v, size, bold)
	if strings.TrimSpace(v) == "" {
		return w
	}
	l.add(op{kind: opText, x: x, y: y, w: w, h: lineHeight(size), text: v, size: size, bold: bold, color: c})
	return w
}

// textIn places one line in a box of width w: aligned left, right or
// centred ('l', 'r', 'c'); right-to-left text aligned left is put on the
// right, as its readers expect.
func (l *layout) textIn(x, y, w float64, s string, size float64, bold bool, c rgb, align byte) {
	v := visual(s, baseRTL(s))
	tw := l.textWidth(v, size, bold)
	if align == 'l' && baseRTL(s) {
		align = 'r'
	}
	switch align {
	case 'r':
		x += w - tw
	case 'c':
		x += (w - tw) / 2
	}
	if strings.TrimSpace(v) == "" {
		return
	}
	l.add(op{kind: opText, x: x, y: y, w: tw, h: lineHeight(size), text: v, size: size, bold: bold, color: c})
}

func (l *layout) rect(x, y, w, h float64, c rgb, fill bool, lw float64) {
	l.add(op{kind: opRect, x: x, y: y, w: w, h: h, color: c, fill: fill, lineWidth: lw})
}

func (l *layout) line(x1, y1, x2, y2 float64, c rgb, lw float64) {
	l.add(op{kind: opLine, x: x1, y: y1, w: x2 - x1, h: y2 - y1, color: c, lineWidth: lw})
}

func (l *layout) circle(cx, cy, r float64, c rgb) {
	l.add(op{kind: opCircle, x: cx - r, y: cy - r, w: 2 * r, h: 2 * r, color: c, fill: true})
}

func (l *layout) link(x, y, w, h float64, target *page) {
	l.cur.ops = append(l.cur.ops, op{kind: opLink, x: x, y: y, w: w, h: h, target: target})
}

// bookmark adds an outline entry pointing at the current position.
func (l *layout) bookmark(text string, level int) {
	l.cur.marks = append(l.cur.marks, bookmark{text: text, level: level, y: l.y})
}

// wrap breaks logical text into lines no wider than width millimetres.
// Paragraph breaks in the text are kept; a word longer than a line is cut.
func (l *layout) wrap(s string, width, size float64, bold bool) []string {
	f := l.faces.of(bold)
	space := f.width(" ", size) * ptMM
	wordWidth := func(w string) float64 {
		if hasArabic(w) {
			return f.width(string(shapeArabic([]rune(w))), size) * ptMM
		}
		return f.width(w, size) * ptMM
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		var cur []string
		curW := 0.0
		flush := func() {
			lines = append(lines, strings.Join(cur, " "))
			cur, curW = nil, 0
		}
		for _, w := range words {
			ww := wordWidth(w)
			if ww > width {
				// A word longer than the line: cut it where it fills each
				// line, measuring every character once (a word of 100,000
				// characters takes as long as 100,000 short ones).
				if len(cur) > 0 {
					flush()
				}
				var rest []string
				rest, w = cutWord(f, w, width, size, wordWidth)
				lines = append(lines, rest...)
				ww = wordWidth(w)
			}
			add := ww
			if len(cur) > 0 {
				add += space
			}
			if len(cur) > 0 && curW+add > width {
				flush()
				add = ww
			}
			cur = append(cur, w)
			curW += add
		}
		if len(cur) > 0 {
			flush()
		}
	}
	return lines
}

// cutWord cuts a word wider than width millimetres into lines that fill
// it, and returns them and the last piece (which fits). Arabic letters are
// measured in the form the whole word gives them.
func cutWord(f *face, w string, width, size float64, measure func(string) float64) ([]string, string) {
	rs := []rune(w)
	shaped := rs
	if hasArabic(w) {
		if s := shapeArabic(rs); len(s) == len(rs) {
			shaped = s
		}
	}
	var lines []string
	start, lineW := 0, 0.0
	for i := 0; i < len(shaped); i++ {
		adv := f.advance(shaped[i])
		cw := 0.0
		if adv > 0 {
			cw = adv * size / 1000 * ptMM
		}
		if lineW+cw > width && i > start {
			// A piece is shaped on its own: its letters at the cut may
			// take other forms, so it is measured whole, once.
			for i > start+1 && measure(string(rs[start:i])) > width {
				i--
			}
			lines = append(lines, string(rs[start:i]))
			start, lineW = i, 0
			i--
			continue
		}
		lineW += cw
	}
	return lines, string(rs[start:])
}

// paragraph places wrapped text across the body width (less indent),
// breaking pages between lines, and leaves the cursor below it.
func (l *layout) paragraph(s string, size float64, bold bool, c rgb, indent float64) {
	lh := lineHeight(size)
	for _, ln := range l.wrap(s, l.bodyWidth()-indent, size, bold) {
		l.need(lh)
		l.textIn(l.left+indent, l.y, l.bodyWidth()-indent, ln, size, bold, c, 'l')
		l.y += lh
	}
}

// space moves the cursor down, unless that is the top of a page.
func (l *layout) space(h float64) {
	if l.y > l.top+0.01 {
		l.y += h
	}
}

// clean makes text printable with the report's fonts: control characters
// become spaces, and characters no font covers become a visible marker
// (□), with a warning naming what holds them.
func (l *layout) clean(s, who string) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	missing := 0
	var sample []rune
	breaks, marks := 0, 0 // line breaks and combining marks in a row
	for _, r := range s {
		if r == '\n' {
			breaks++
		} else if !unicode.IsSpace(r) {
			breaks = 0
		}
		if unicode.Is(unicode.Mn, r) {
			marks++
		} else {
			marks = 0
		}
		switch {
		case r == '\n' && breaks > 2:
			// One empty line at most: a text of line breaks would
			// otherwise fill pages with nothing.
		case unicode.Is(unicode.Mn, r) && marks > maxMarks:
			// Marks stacked past any script's need draw as one blot.
		case r == '\n':
			b.WriteRune(r)
		case r == '\t' || r == '\r' || unicode.IsControl(r):
			b.WriteRune(' ')
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) || r == ' ':
			if l.faces.regular.covers(r) {
				b.WriteRune(r)
			}
		case !l.faces.regular.covers(r) || !l.faces.bold.covers(r):
			missing++
			if len(sample) < 8 {
				sample = append(sample, r)
			}
			b.WriteRune(missingMark)
		default:
			b.WriteRune(r)
		}
	}
	if missing > 0 {
		what := fmt.Sprintf("%d characters (%q) are", missing, string(sample))
		if missing == 1 {
			what = fmt.Sprintf("1 character (%q) is", string(sample))
		}
		msg := fmt.Sprintf("%s: %s in a script the report's fonts do not cover (an emoji, Chinese…); printed as %c", who, what, missingMark)
		if !l.warned[msg] {
			l.warned[msg] = true
			l.warnings = append(l.warnings, msg)
		}
	}
	return b.String()
}

// plainASCII tells a text of printable ASCII and line breaks, never more
// than two in a row, which clean leaves as it is (the fonts cover all of
// it): most texts are.
func plainASCII(s string) bool {
	breaks := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c >= 0x7F {
			return false
		}
		if c == '\n' {
			if breaks++; breaks > 2 {
				return false
			}
		} else if c != ' ' {
			breaks = 0
		}
	}
	return true
}

// maxMarks is how many combining marks in a row a character keeps: enough
// for any script (Vietnamese stacks two, some African tone marks three).
const maxMarks = 4

// missingMark stands for a character no embedded font can draw.
const missingMark = '□'

// boxes lists everything placed, for checks.
func (l *layout) boxes() []Box {
	var out []Box
	for i, p := range l.pages {
		for _, o := range p.ops {
			if o.kind == opLink {
				continue
			}
			x, y, w, h := o.x, o.y, o.w, o.h
			if w < 0 {
				x, w = x+w, -w
			}
			if h < 0 {
				y, h = y+h, -h
			}
			out = append(out, Box{Page: i + 1, X: x, Y: y, W: w, H: h, Text: o.text, Body: o.body})
		}
	}
	return out
}
