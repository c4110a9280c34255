package export

import "strings"

// Tables: a header row repeated on every page the table runs onto, cells
// whose text wraps, rows that break across pages when they are taller
// than what is left, group rows across the whole width, and cells that
// draw a bar or a coloured status mark.

type column struct {
	title string
	width float64 // share of the table's width
	align byte    // 'l', 'r' or 'c'
}

type cell struct {
	text  string
	bold  bool
	color rgb  // zero: the body ink
	bar   *bar // a bar before the text
	mark  *rgb // a coloured square before the text
	lines []string
}

// bar is a horizontal bar for a share from 0 to 1 (more is drawn full).
type bar struct {
	frac  float64
	color rgb
}

type row struct {
	cells []cell
	group string // set: a row across the whole width that heads a group
}

const (
	cellPadX = 1.6
	cellPadY = 1.1
	barWidth = 22.0 // millimetres, in cells that show a bar
)

// table places a table across the body width at the cursor.
func (l *layout) table(cols []column, rows []row, size float64) {
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.width / total * l.bodyWidth()
	}
	lh := lineHeight(size)
	hsize := size - 0.5
	hlh := lineHeight(hsize)
	// Header cells wrap too: long titles in narrow columns.
	// Header titles wrap between words; a word too long for its column
	// is set smaller rather than cut.
	headLines := make([][]string, len(cols))
	headSize := make([]float64, len(cols))
	headH := 0.0
	for i, c := range cols {
		headSize[i] = hsize
		for _, w := range strings.Fields(c.title) {
			if ww := l.textWidth(w, hsize, true); ww > widths[i]-2*cellPadX {
				headSize[i] = min(headSize[i], hsize*(widths[i]-2*cellPadX)/ww)
			}
		}
		headLines[i] = l.wrap(c.title, widths[i]-2*cellPadX, headSize[i], true)
		headH = max(headH, float64(len(headLines[i]))*hlh+2*cellPadY)
	}
	header := func() {
		x := l.left
		l.rect(l.left, l.y, l.bodyWidth(), headH, navy, true, 0)
		for i, c := range cols {
			for j, ln := range headLines[i] {
				l.textIn(x+cellPadX, l.y+cellPadY+float64(j)*hlh, widths[i]-2*cellPadX, ln, headSize[i], true, white, c.align)
			}
			x += widths[i]
		}
		l.y += headH
	}
	l.need(headH + lh + 2*cellPadY)
	header()
	shade := false
	for _, r := range rows {
		if r.group != "" {
			lines := l.wrap(r.group, l.bodyWidth()-2*cellPadX, size, true)
			h := float64(len(lines))*lh + 2*cellPadY
			// A group heading never ends a page: keep it with a row.
			if l.y+h+lh+2*cellPadY > l.bottom() {
				l.newPage()
				header()
			}
			l.rect(l.left, l.y, l.bodyWidth(), h, paleBlue, true, 0)
			for j, ln := range lines {
				l.textIn(l.left+cellPadX, l.y+cellPadY+float64(j)*lh, l.bodyWidth()-2*cellPadX, ln, size, true, navy, 'l')
			}
			l.y += h
			shade = false
			continue
		}
		n := 1
		for i := range r.cells {
			c := &r.cells[i]
			w := widths[i] - 2*cellPadX
			if c.bar != nil {
				w -= l.barWidthIn(*c, w) + 1.5
			}
			if c.mark != nil {
				w -= 3.5
			}
			c.lines = l.wrap(c.text, max(w, 5), size, c.bold)
			n = max(n, len(c.lines))
		}
		from := 0
		for from < n {
			fit := int((l.bottom() - l.y - 2*cellPadY) / lh)
			if fit < min(n-from, 2) && l.y > l.top+headH+0.01 {
				// Not even two lines of this row fit: carry on over the page.
				l.newPage()
				header()
				continue
			}
			if fit >= n-from {
				fit = n - from
			} else if float64(n-from)*lh+2*cellPadY <= l.bottom()-l.top-headH && from == 0 {
				// The whole row fits on a page of its own: do not split it.
				l.newPage()
				header()
				continue
			}
			h := float64(fit)*lh + 2*cellPadY
			if shade {
				l.rect(l.left, l.y, l.bodyWidth(), h, paleGrey, true, 0)
			}
			x := l.left
			for i, c := range r.cells {
				cx, cw := x+cellPadX, widths[i]-2*cellPadX
				if from == 0 && c.bar != nil {
					bw := l.barWidthIn(c, cw)
					l.rect(cx, l.y+cellPadY+lh*0.2, bw, lh*0.6, lightGrey, true, 0)
					if f := min(max(c.bar.frac, 0), 1); f > 0 {
						l.rect(cx, l.y+cellPadY+lh*0.2, bw*f, lh*0.6, c.bar.color, true, 0)
					}
					cx += bw + 1.5
					cw -= bw + 1.5
				}
				if from == 0 && c.mark != nil {
					l.rect(cx, l.y+cellPadY+lh*0.25, 2.2, 2.2, *c.mark, true, 0)
					cx += 3.5
					cw -= 3.5
				}
				col := c.color
				if col == (rgb{}) {
					col = ink
				}
				for j := from; j < from+fit && j < len(c.lines); j++ {
					l.textIn(cx, l.y+cellPadY+float64(j-from)*lh, cw, c.lines[j], size, c.bold, col, cols[i].align)
				}
				x += widths[i]
			}
			l.y += h
			l.line(l.left, l.y, l.left+l.bodyWidth(), l.y, lightGrey, 0.2)
			from += fit
			if from < n {
				l.newPage()
				header()
			}
		}
		shade = !shade
	}
	l.y += 2
}

// barWidthIn is the width of a cell's bar: what the cell's text leaves,
// between 6 and barWidth millimetres.
func (l *layout) barWidthIn(c cell, cw float64) float64 {
	if c.text == "" {
		return cw
	}
	return min(max(cw-l.textWidth(c.text, 8, c.bold)-2.5, 6), barWidth)
}

// keyValues places a two-column list of labels and values.
func (l *layout) keyValues(pairs [][2]string, size float64) {
	lw := 0.0
	for _, p := range pairs {
		lw = max(lw, l.textWidth(p[0], size, true))
	}
	lw = min(lw+4, l.bodyWidth()*0.4)
	lh := lineHeight(size)
	for _, p := range pairs {
		if strings.TrimSpace(p[1]) == "" {
			continue
		}
		lines := l.wrap(p[1], l.bodyWidth()-lw, size, false)
		l.need(lh)
		l.textIn(l.left, l.y, lw, p[0], size, true, grey, 'l')
		for _, ln := range lines {
			l.need(lh)
			l.textIn(l.left+lw, l.y, l.bodyWidth()-lw, ln, size, false, ink, 'l')
			l.y += lh
		}
		l.y += 0.8
	}
}
