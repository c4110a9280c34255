package ui

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// para is one paragraph of a fitText: wrapped to the width, never cut.
type para struct {
	text  string
	bold  bool
	color color.Color // nil: the theme's text colour
}

// fitText shows paragraphs at the largest text size that lets all of them
// fit its area, from max down to min (in text sizes of the theme), wrapping
// words: what a room reads on a projector. At the smallest size, what does
// not fit is left out and the last line says how many paragraphs are not
// shown. Members of one fitGroup share one size, so that four quadrants
// read alike.
type fitText struct {
	widget.BaseWidget
	paras    []para
	min, max float32
	group    *fitGroup
	best     float32 // the size this one would take on its own
}

// fitGroup makes its fitTexts take the size of the smallest of them.
type fitGroup struct{ members []*fitText }

func newFitText(min, max float32, g *fitGroup) *fitText {
	t := &fitText{min: min, max: max, group: g}
	t.ExtendBaseWidget(t)
	if g != nil {
		g.members = append(g.members, t)
	}
	return t
}

// set shows paragraphs.
func (t *fitText) set(paras []para) {
	t.paras = paras
	t.Refresh()
}

// size is the text size to draw at: its own best, or the group's.
func (t *fitText) size() float32 {
	s := t.best
	if t.group != nil {
		for _, m := range t.group.members {
			if m.best > 0 && m.best < s {
				s = m.best
			}
		}
	}
	return s
}

// MinSize lets the area be as small as a few words.
func (t *fitText) MinSize() fyne.Size {
	s := t.min * theme.TextSize()
	return fyne.NewSize(s*6, s*1.5)
}

// CreateRenderer lays out the lines.
func (t *fitText) CreateRenderer() fyne.WidgetRenderer {
	return &fitTextRenderer{t: t}
}

type fitTextRenderer struct {
	t     *fitText
	texts []*canvas.Text
	size  fyne.Size
}

func (r *fitTextRenderer) Destroy()                     {}
func (r *fitTextRenderer) MinSize() fyne.Size           { return r.t.MinSize() }
func (r *fitTextRenderer) Objects() []fyne.CanvasObject { return textObjects(r.texts) }

func textObjects(ts []*canvas.Text) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(ts))
	for i, t := range ts {
		out[i] = t
	}
	return out
}

func (r *fitTextRenderer) Refresh() { r.Layout(r.t.Size()) }

// line is one wrapped line of a paragraph.
type line struct {
	text  string
	bold  bool
	color color.Color
	first bool // first line of its paragraph
}

// wrapParas wraps the paragraphs to width at text size s.
func wrapParas(paras []para, width, s float32) []line {
	var out []line
	for _, p := range paras {
		style := fyne.TextStyle{Bold: p.bold}
		for i, l := range wrapWords(p.text, width, s, style) {
			out = append(out, line{text: l, bold: p.bold, color: p.color, first: i == 0})
		}
	}
	return out
}

// wrapWords breaks text into lines no wider than width at size s; a word
// longer than a line is cut. No-break spaces hold.
func wrapWords(text string, width, s float32, style fyne.TextStyle) []string {
	var lines []string
	cur := ""
	for _, w := range strings.FieldsFunc(text, breaksLine) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if fyne.MeasureText(try, s, style).Width <= width || cur == "" && fyne.MeasureText(w, s, style).Width <= width {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		for fyne.MeasureText(w, s, style).Width > width && len([]rune(w)) > 1 {
			r := []rune(w)
			n := len(r) - 1
			for n > 1 && fyne.MeasureText(string(r[:n]), s, style).Width > width {
				n--
			}
			lines = append(lines, string(r[:n]))
			w = string(r[n:])
		}
		cur = w
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// breaksLine reports whether a line may break at r: any space but a
// no-break one.
func breaksLine(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

// linesHeight is the height of lines at size s, with a gap between
// paragraphs.
func linesHeight(lines []line, s float32) float32 {
	h := float32(0)
	for i, l := range lines {
		if l.first && i > 0 {
			h += s * 0.45
		}
		h += s * 1.3
	}
	return h
}

func (r *fitTextRenderer) Layout(size fyne.Size) {
	t := r.t
	base := theme.TextSize()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	// The largest size that fits, by steps of a tenth.
	prev := t.best
	t.best = t.min * base
	for s := t.max * base; s >= t.min*base; s -= base / 20 * 2 {
		if linesHeight(wrapParas(t.paras, size.Width, s), s) <= size.Height {
			t.best = s
			break
		}
	}
	s := t.size()
	lines := wrapParas(t.paras, size.Width, s)
	// At the smallest size, leave out what does not fit and say so.
	if linesHeight(lines, s) > size.Height {
		shown := 0
		for shown < len(lines) && linesHeight(lines[:shown+1], s)+s*1.3 <= size.Height {
			shown++
		}
		hidden := 0
		for _, l := range lines[shown:] {
			if l.first {
				hidden++
			}
		}
		lines = append(lines[:shown], line{text: moreText(hidden), first: true, color: themeColor(theme.ColorNamePlaceHolder)})
	}
	for len(r.texts) < len(lines) {
		r.texts = append(r.texts, canvas.NewText("", color.Black))
	}
	r.texts = r.texts[:len(lines)]
	y := float32(0)
	for i, l := range lines {
		tx := r.texts[i]
		if l.first && i > 0 {
			y += s * 0.45
		}
		tx.Text, tx.TextSize, tx.TextStyle = l.text, s, fyne.TextStyle{Bold: l.bold}
		tx.Color = l.color
		if tx.Color == nil {
			tx.Color = themeColor(theme.ColorNameForeground)
		}
		tx.Move(fyne.NewPos(0, y))
		tx.Resize(fyne.NewSize(size.Width, s*1.3))
		tx.Refresh()
		y += s * 1.3
	}
	if (r.size != size || prev != t.best) && t.group != nil {
		r.size = size
		for _, m := range t.group.members {
			if m != t {
				m.Refresh()
			}
		}
	}
}
