package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// heatGrid draws an n×n grid of cells, x growing to the right and y
// upwards, each showing what falls in it, with the axes named and their
// positions 1 to n marked. It is a plain container of canvas objects,
// filled by set; it grows with the room it is given.
type heatGrid struct {
	n     int
	cells [][]*canvas.Text
	bgs   [][]*canvas.Rectangle
	// TextSize, if set, is the size of its labels (presentation mode's
	// large type); the theme's otherwise.
	TextSize func() float32
	xTicks   []*canvas.Text
	yTicks   []*canvas.Text
	xAxis    *canvas.Text
	yAxis    *canvas.Text
	obj      fyne.CanvasObject
}

func newHeatGrid(n int, xName, yName string) *heatGrid {
	g := &heatGrid{n: n}
	rows := container.NewGridWithRows(n)
	g.cells = make([][]*canvas.Text, n)
	g.bgs = make([][]*canvas.Rectangle, n)
	for x := range n {
		g.cells[x] = make([]*canvas.Text, n)
		g.bgs[x] = make([]*canvas.Rectangle, n)
	}
	for y := n; y >= 1; y-- {
		row := container.NewGridWithColumns(n)
		for x := 1; x <= n; x++ {
			fill := heat(x, y, n)
			bg := canvas.NewRectangle(fill)
			bg.StrokeColor = theme.Color(theme.ColorNameBackground)
			bg.StrokeWidth = 2
			t := canvas.NewText("", inkOn(fill))
			t.Alignment = fyne.TextAlignCenter
			t.TextStyle = fyne.TextStyle{Bold: true}
			t.TextSize = theme.TextSubHeadingSize()
			row.Add(container.NewStack(bg, container.NewCenter(t)))
			g.cells[x-1][y-1], g.bgs[x-1][y-1] = t, bg
		}
		rows.Add(row)
	}
	label := func(text string) *canvas.Text {
		t := canvas.NewText(text, themeColor(theme.ColorNameForeground))
		t.TextStyle = fyne.TextStyle{Bold: true}
		return t
	}
	g.yAxis, g.xAxis = label(yName+" ↑"), label(xName+" →")
	objs := []fyne.CanvasObject{rows, g.yAxis, g.xAxis}
	for i := 1; i <= n; i++ {
		g.xTicks = append(g.xTicks, label(fmt.Sprint(i)))
		g.yTicks = append(g.yTicks, label(fmt.Sprint(i)))
		objs = append(objs, g.xTicks[i-1], g.yTicks[i-1])
	}
	g.obj = container.New(&heatGridLayout{g: g}, objs...)
	return g
}

// labelSize is the size of the grid's labels.
func (g *heatGrid) labelSize() float32 {
	if g.TextSize != nil {
		return g.TextSize()
	}
	return theme.TextSize()
}

// heatGridLayout places the cells with the y positions at their left, the
// x positions under them, the y axis's name above and the x axis's name
// below, all at the grid's label size.
type heatGridLayout struct{ g *heatGrid }

func (l *heatGridLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	s := l.g.labelSize()
	return fyne.NewSize(18*theme.TextSize()+2*s, 12*theme.TextSize()+3*s*1.4)
}

func (l *heatGridLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	g := l.g
	s := l.g.labelSize()
	line := s * 1.4
	tickW := fyne.MeasureText(fmt.Sprint(g.n), s, fyne.TextStyle{Bold: true}).Width + s*0.6
	cells := objects[0]
	cells.Move(fyne.NewPos(tickW, line))
	cw, ch := max(size.Width-tickW, 0), max(size.Height-3*line, 0)
	cells.Resize(fyne.NewSize(cw, ch))
	put := func(t *canvas.Text, align fyne.TextAlign, x, y, w float32) {
		t.TextSize, t.Alignment = s, align
		t.Color = themeColor(theme.ColorNameForeground)
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, line))
		t.Refresh()
	}
	put(g.yAxis, fyne.TextAlignLeading, 0, 0, size.Width)
	put(g.xAxis, fyne.TextAlignTrailing, tickW, line+ch+line, cw)
	for i := range g.n {
		put(g.xTicks[i], fyne.TextAlignCenter, tickW+cw*float32(i)/float32(g.n), line+ch, cw/float32(g.n))
		// y grows upwards: position 1 is the bottom row.
		y := line + ch*float32(g.n-1-i)/float32(g.n) + (ch/float32(g.n)-line)/2
		put(g.yTicks[i], fyne.TextAlignTrailing, 0, y, tickW-s*0.4)
	}
	for _, col := range g.cells {
		for _, t := range col {
			if t.TextSize != s*1.3 {
				t.TextSize = s * 1.3
				t.Refresh()
			}
		}
	}
}

// heat colours a cell from pale yellow (low x·y) to deep blue (high): one
// hue ramp that colour-blind readers read as light to dark.
func heat(x, y, n int) color.NRGBA {
	f := float64(x*y-1) / float64(n*n-1)
	lo, hi := [3]float64{0xf6, 0xe8, 0xa8}, [3]float64{0x1f, 0x3a, 0x7a}
	c := func(i int) uint8 { return uint8(lo[i] + (hi[i]-lo[i])*f) }
	return color.NRGBA{R: c(0), G: c(1), B: c(2), A: 0xff}
}

// inkOn is black or white, whichever reads better on c.
func inkOn(c color.NRGBA) color.Color {
	if 299*int(c.R)+587*int(c.G)+114*int(c.B) > 140000 {
		return color.Black
	}
	return color.White
}

// set shows counts[x][y] (1-based positions) in the cells.
func (g *heatGrid) set(count func(x, y int) int) {
	for x := 1; x <= g.n; x++ {
		for y := 1; y <= g.n; y++ {
			t := g.cells[x-1][y-1]
			if c := count(x, y); c > 0 {
				t.Text = fmt.Sprint(c)
			} else {
				t.Text = ""
			}
			t.Refresh()
		}
	}
}

// minUnits asks for at least w × h text sizes and lays its objects out
// over all the room it gets.
type minUnits struct{ w, h float32 }

func (m minUnits) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(m.w*theme.TextSize(), m.h*theme.TextSize())
}

func (m minUnits) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
