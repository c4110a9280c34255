package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heatGrid draws an n×n grid of cells, x growing to the right and y
// upwards, each showing what falls in it. It is a plain container of
// canvas objects, filled by set; it grows with the room it is given.
type heatGrid struct {
	n            int
	xName, yName string
	cells        [][]*canvas.Text
	bgs          [][]*canvas.Rectangle
	obj          fyne.CanvasObject
}

func newHeatGrid(n int, xName, yName string) *heatGrid {
	g := &heatGrid{n: n, xName: xName, yName: yName}
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
	yAxis := widget.NewLabelWithStyle(yName+" ↑", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	xAxis := widget.NewLabelWithStyle(xName+" →", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	g.obj = container.NewBorder(yAxis, xAxis, nil, nil, container.New(minUnits{w: 18, h: 12}, rows))
	return g
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
			t.TextSize = theme.TextSubHeadingSize()
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
