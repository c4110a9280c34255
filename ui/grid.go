package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heatGrid draws an n×n grid of cells, x growing to the right and y
// upwards, each showing what falls in it. It is a plain container of
// canvas objects, rebuilt by set.
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
			bg := canvas.NewRectangle(heat(x, y, n))
			bg.StrokeColor = theme.Color(theme.ColorNameBackground)
			bg.StrokeWidth = 2
			t := canvas.NewText("", color.White)
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
	g.obj = container.NewBorder(yAxis, xAxis, nil, nil, container.New(layout.NewGridWrapLayout(fyne.NewSize(280, 200)), rows))
	return g
}

// heat colours a cell from green (low x·y) to red (high).
func heat(x, y, n int) color.Color {
	f := float64(x*y-1) / float64(n*n-1)
	return color.NRGBA{R: uint8(60 + 150*f), G: uint8(140 - 90*f), B: uint8(70 - 30*f), A: 255}
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
