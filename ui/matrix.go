package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// matrixQuadrants name the quadrants: high impact first, low effort left.
var matrixQuadrants = []string{"Quick wins", "Major projects", "Fill-ins", "Thankless tasks"}

// matrixPoint is one priority placed on the impact × effort matrix.
type matrixPoint struct {
	Label          string // its rank
	Impact, Effort int    // 1–5; 0 = not scored, not placed
}

// matrix draws the impact × effort 2×2 matrix with the priorities placed
// in it: quick wins top left, major projects top right.
type matrix struct {
	widget.BaseWidget
	points []matrixPoint
}

func newMatrix() *matrix {
	m := &matrix{}
	m.ExtendBaseWidget(m)
	return m
}

func (m *matrix) set(points []matrixPoint) {
	m.points = points
	m.Refresh()
}

// MinSize leaves room to read the quadrant names.
func (m *matrix) MinSize() fyne.Size { return fyne.NewSize(300, 280) }

// CreateRenderer draws the quadrants, their names and the points.
func (m *matrix) CreateRenderer() fyne.WidgetRenderer {
	r := &matrixRenderer{m: m}
	fills := []color.NRGBA{{0x2e, 0x7d, 0x32, 0x50}, {0x15, 0x65, 0xc0, 0x50}, {0x80, 0x80, 0x80, 0x40}, {0xc6, 0x28, 0x28, 0x40}}
	for i := range 4 {
		r.quads[i] = canvas.NewRectangle(fills[i])
		r.names[i] = canvas.NewText(lang.L(matrixQuadrants[i]), theme.Color(theme.ColorNameForeground))
		r.names[i].TextStyle = fyne.TextStyle{Bold: true}
	}
	r.yAxis = canvas.NewText(lang.L("Impact")+" ↑", theme.Color(theme.ColorNameForeground))
	r.xAxis = canvas.NewText(lang.L("Effort")+" →", theme.Color(theme.ColorNameForeground))
	r.Refresh()
	return r
}

type matrixRenderer struct {
	m            *matrix
	quads        [4]*canvas.Rectangle
	names        [4]*canvas.Text
	xAxis, yAxis *canvas.Text
	dots         []*canvas.Circle
	labels       []*canvas.Text
}

func (r *matrixRenderer) Destroy()           {}
func (r *matrixRenderer) MinSize() fyne.Size { return r.m.MinSize() }
func (r *matrixRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{}
	for i := range 4 {
		objs = append(objs, r.quads[i], r.names[i])
	}
	objs = append(objs, r.xAxis, r.yAxis)
	for i := range r.dots {
		objs = append(objs, r.dots[i], r.labels[i])
	}
	return objs
}

func (r *matrixRenderer) Refresh() {
	for len(r.dots) < len(r.m.points) {
		c := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
		t := canvas.NewText("", color.White)
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.Alignment = fyne.TextAlignCenter
		r.dots, r.labels = append(r.dots, c), append(r.labels, t)
	}
	r.dots, r.labels = r.dots[:len(r.m.points)], r.labels[:len(r.m.points)]
	for i, p := range r.m.points {
		r.labels[i].Text = p.Label
		if p.Impact == 0 || p.Effort == 0 {
			r.dots[i].Hide()
			r.labels[i].Hide()
		} else {
			r.dots[i].Show()
			r.labels[i].Show()
		}
	}
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

func (r *matrixRenderer) Layout(size fyne.Size) {
	pad, top := float32(4), float32(22)
	w, h := size.Width-pad, size.Height-2*top
	half := fyne.NewSize(w/2, h/2)
	origins := []fyne.Position{{X: pad, Y: top}, {X: pad + w/2, Y: top}, {X: pad, Y: top + h/2}, {X: pad + w/2, Y: top + h/2}}
	for i := range 4 {
		r.quads[i].Move(origins[i])
		r.quads[i].Resize(half.Subtract(fyne.NewSize(2, 2)))
		r.names[i].Move(origins[i].Add(fyne.NewPos(6, 4)))
	}
	r.yAxis.Move(fyne.NewPos(pad, 0))
	r.xAxis.Move(fyne.NewPos(pad+w-fyne.MeasureText(r.xAxis.Text, r.xAxis.TextSize, r.xAxis.TextStyle).Width, top+h+2))
	// Points: effort 1–5 left to right, impact 1–5 bottom to top; several
	// in one spot are spread so that each stays readable.
	taken := map[[2]int]int{}
	d := float32(26)
	for i, p := range r.m.points {
		if p.Impact == 0 || p.Effort == 0 {
			continue
		}
		k := [2]int{p.Effort, p.Impact}
		n := taken[k]
		taken[k]++
		x := pad + (float32(p.Effort)-0.5)/5*w - d/2 + float32(n%3)*d*0.8
		y := top + (1-(float32(p.Impact)-0.5)/5)*h - d/2 + float32(n/3)*d*0.8
		r.dots[i].Move(fyne.NewPos(x, y))
		r.dots[i].Resize(fyne.NewSquareSize(d))
		ls := fyne.MeasureText(p.Label, theme.TextSize(), r.labels[i].TextStyle)
		r.labels[i].Move(fyne.NewPos(x+(d-ls.Width)/2, y+(d-ls.Height)/2))
	}
}
