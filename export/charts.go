package export

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// maxGridMarks is how many numbered marks a grid shows; with more, it
// counts the items in each cell.
const maxGridMarks = 45

// gridMark is one numbered item on a 5 × 5 grid.
type gridMark struct {
	n     int
	x, y  int // 1–5
	label string
}

// grid draws a 5 × 5 grid (x to the right, y upwards) with numbered marks
// and, beside it, the legend of the numbers. quadrants, when given, name
// the four corners: top left, top right, bottom left, bottom right.
func (b *builder) grid(marks []gridMark, xName, yName string, quadrants []string) {
	const cellSize = 17.0
	side := 5 * cellSize
	axis := 9.0
	h := side + axis + 8
	b.need(min(h+4, b.bottom()-b.top))
	x0 := b.left + axis
	y0 := b.y + 2
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			// Warmer toward high x and high y.
			heat := float64(i+(4-j)) / 8
			c := rgb{uint8(236 + 14*heat), uint8(243 - 40*heat), uint8(250 - 70*heat)}
			if quadrants != nil {
				c = paleGrey
				if (i >= 2) != (j >= 3) {
					c = paleBlue
				}
			}
			b.rect(x0+float64(i)*cellSize, y0+float64(j)*cellSize, cellSize, cellSize, c, true, 0)
			b.rect(x0+float64(i)*cellSize, y0+float64(j)*cellSize, cellSize, cellSize, white, false, 0.4)
		}
	}
	if quadrants != nil {
		// The quadrants' names, pale behind the marks.
		half := side / 2
		lh := lineHeight(9)
		for i, q := range quadrants {
			qx, qy := x0+float64(i%2)*half, y0+float64(i/2)*half
			lines := b.wrap(q, half-4, 9, true)
			y := qy + (half-float64(len(lines))*lh)/2
			for _, ln := range lines {
				b.textIn(qx+2, y, half-4, ln, 9, true, rgb{0xB4, 0xC3, 0xD4}, 'c')
				y += lh
			}
		}
	}
	for k := 1; k <= 5; k++ {
		b.textIn(x0+float64(k-1)*cellSize, y0+side+0.8, cellSize, fmt.Sprint(k), 7.5, false, grey, 'c')
		b.textIn(b.left, y0+float64(5-k)*cellSize+cellSize/2-1.6, axis-2, fmt.Sprint(k), 7.5, false, grey, 'r')
	}
	b.textIn(x0, y0+side+4.2, side, xName+" →", 8, true, ink, 'c')
	b.text(b.left, y0-lineHeight(8)-0.5, yName+" ↑", 8, true, ink)
	// Marks: up to nine per cell in a 3 × 3 arrangement, then "+n".
	perCell := map[[2]int][]gridMark{}
	for _, m := range marks {
		k := [2]int{m.x, m.y}
		perCell[k] = append(perCell[k], m)
	}
	if len(marks) > maxGridMarks {
		// Too many to number: how many items each cell holds.
		// Cells in a fixed order: the same plan, the same bytes.
		cells := slices.SortedFunc(maps.Keys(perCell), func(a, b [2]int) int { return cmp.Or(a[1]-b[1], a[0]-b[0]) })
		for _, k := range cells {
			list := perCell[k]
			cx0 := x0 + float64(k[0]-1)*cellSize
			cy0 := y0 + float64(5-k[1])*cellSize
			b.textIn(cx0, cy0+cellSize/2-lineHeight(11)/2, cellSize, fmt.Sprint(len(list)), 11, true, navy, 'c')
		}
		b.textIn(x0+side+6, y0, b.left+b.bodyWidth()-x0-side-6, b.trf("%d items: each cell shows how many are in it.", len(marks)), 8, false, grey, 'l')
		b.y = y0 + side + axis + 2
		return
	}
	for _, m := range marks {
		k := [2]int{m.x, m.y}
		list := perCell[k]
		idx := 0
		for idx < len(list) && list[idx].n != m.n {
			idx++
		}
		cx0 := x0 + float64(m.x-1)*cellSize
		cy0 := y0 + float64(5-m.y)*cellSize
		if idx >= 9 {
			if idx == 9 {
				b.textIn(cx0, cy0+cellSize-4, cellSize-1, fmt.Sprintf("+%d", len(list)-8), 6, true, ink, 'r')
			}
			continue
		}
		if len(list) > 9 && idx == 8 {
			continue // its place shows "+n"
		}
		r := 2.3
		cx := cx0 + cellSize/6 + float64(idx%3)*cellSize/3
		cy := cy0 + cellSize/6 + float64(idx/3)*cellSize/3
		b.circle(cx, cy, r, navy)
		size := 6.5
		if m.n >= 100 {
			size = 4.8
		}
		b.textIn(cx-r, cy-lineHeight(size)/2, 2*r, fmt.Sprint(m.n), size, true, white, 'c')
	}
	// The legend beside the grid.
	lx := x0 + side + 6
	lw := b.left + b.bodyWidth() - lx
	y := y0
	lh := lineHeight(7.5)
	for i, m := range marks {
		lines := b.wrap(m.label, lw-7, 7.5, false)
		if y+float64(len(lines))*lh > y0+side+axis {
			b.textIn(lx, y, lw, b.trf("… and %d more (see the table)", len(marks)-i), 7.5, false, grey, 'l')
			break
		}
		b.textIn(lx, y, 6, fmt.Sprint(m.n), 7.5, true, navy, 'r')
		for j, ln := range lines {
			b.textIn(lx+7, y+float64(j)*lh, lw-7, ln, 7.5, false, ink, 'l')
		}
		y += float64(len(lines))*lh + 0.6
	}
	b.y = y0 + side + axis + 2
}

// swot draws the four quadrants as a 2 × 2 grid when they fit on a page,
// else one after the other, each with its heading repeated on every page.
func (b *builder) swot(items map[string][]string) {
	quads := []struct {
		key    string
		colour rgb
	}{{"strength", green}, {"weakness", amber}, {"opportunity", blue}, {"threat", red}}
	const size = 8.5
	lh := lineHeight(size)
	half := (b.bodyWidth() - 4) / 2
	heights := make([]float64, 4)
	wrapped := make([][][]string, 4)
	for i, q := range quads {
		h := lineHeight(10) + 3
		for _, it := range items[q.key] {
			ls := b.wrap(it, half-8, size, false)
			wrapped[i] = append(wrapped[i], ls)
			h += float64(len(ls))*lh + 0.8
		}
		heights[i] = h + 2
	}
	rowH := []float64{max(heights[0], heights[1]), max(heights[2], heights[3])}
	if rowH[0]+rowH[1]+4 > b.bottom()-b.top {
		// Too long for a grid: the quadrants one after the other.
		for _, q := range quads {
			var rows []row
			for _, it := range items[q.key] {
				rows = append(rows, row{cells: []cell{{text: it}}})
			}
			if len(rows) == 0 {
				rows = append(rows, row{cells: []cell{{text: "–", color: grey}}})
			}
			b.table([]column{{b.label("quadrant", q.key) + fmt.Sprintf(" (%d)", len(items[q.key])), 1, 'l'}}, rows, size)
		}
		return
	}
	for r := 0; r < 2; r++ {
		b.need(rowH[r])
		for c := 0; c < 2; c++ {
			i := r*2 + c
			q := quads[i]
			x := b.left + float64(c)*(half+4)
			y := b.y
			b.rect(x, y, half, rowH[r], paleGrey, true, 0)
			b.rect(x, y, half, lineHeight(10)+2, q.colour, true, 0)
			b.textIn(x+3, y+1, half-6, b.label("quadrant", q.key)+fmt.Sprintf(" (%d)", len(items[q.key])), 10, true, white, 'l')
			y += lineHeight(10) + 4
			for _, ls := range wrapped[i] {
				b.circle(x+4, y+lh/2, 0.7, q.colour)
				for _, ln := range ls {
					b.textIn(x+6.5, y, half-8, ln, size, false, ink, 'l')
					y += lh
				}
				y += 0.8
			}
		}
		b.y += rowH[r] + 4
	}
}
