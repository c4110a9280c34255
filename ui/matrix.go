package ui

import (
	"fmt"
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
	Label          string // its number in the ranking: one number per priority
	Impact, Effort int    // 1–5; 0 = not scored, not placed
	Picked         bool   // the priority selected in the table
}

// matrix draws the impact × effort 2×2 matrix with the priorities placed
// in it, quick wins top left and major projects top right. The quadrant
// names sit in bands above and below the area where priorities go, so
// that no priority hides a name; priorities that share a cell are set side
// by side, each with its own number, the one of its row in the ranking.
type matrix struct {
	widget.BaseWidget
	points []matrixPoint
	scale  float32 // text size, in the theme's text sizes
}

func newMatrix(scale float32) *matrix {
	m := &matrix{scale: scale}
	m.ExtendBaseWidget(m)
	return m
}

func (m *matrix) set(points []matrixPoint) {
	m.points = points
	m.Refresh()
}

// MinSize leaves room to read the quadrant names.
func (m *matrix) MinSize() fyne.Size {
	s := theme.TextSize() * m.scale
	return fyne.NewSize(s*18, s*16)
}

// CreateRenderer draws the quadrants, their names and the points.
func (m *matrix) CreateRenderer() fyne.WidgetRenderer {
	r := &matrixRenderer{m: m}
	for i := range 4 {
		r.quads[i] = canvas.NewRectangle(color.Transparent)
		r.names[i] = canvas.NewText(lang.L(matrixQuadrants[i]), color.Black)
		r.names[i].TextStyle = fyne.TextStyle{Bold: true}
	}
	r.yAxis = canvas.NewText(lang.L("Impact")+" ↑", color.Black)
	r.xAxis = canvas.NewText(lang.L("Effort")+" →", color.Black)
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

// matrixFills are the quadrants' colours, pale enough for black numbers
// and names, told apart by their names rather than by colour.
var matrixFills = []color.NRGBA{{0x00, 0x9e, 0x73, 0x40}, {0x00, 0x72, 0xb2, 0x40}, {0x99, 0x99, 0x99, 0x38}, {0xd5, 0x5e, 0x00, 0x40}}

func (r *matrixRenderer) Refresh() {
	fg := themeColor(theme.ColorNameForeground)
	for i := range 4 {
		r.quads[i].FillColor = matrixFills[i]
		r.names[i].Color = fg
		r.names[i].Text = lang.L(matrixQuadrants[i])
	}
	r.xAxis.Color, r.yAxis.Color = fg, fg
	for len(r.dots) < len(r.m.points) {
		c := canvas.NewCircle(color.Black)
		t := canvas.NewText("", color.White)
		t.TextStyle = fyne.TextStyle{Bold: true}
		r.dots, r.labels = append(r.dots, c), append(r.labels, t)
	}
	r.dots, r.labels = r.dots[:len(r.m.points)], r.labels[:len(r.m.points)]
	for i, p := range r.m.points {
		r.labels[i].Text = p.Label
		r.dots[i].FillColor = themeColor(theme.ColorNamePrimary)
		r.labels[i].Color = themeColor(theme.ColorNameForegroundOnPrimary)
		r.dots[i].StrokeWidth = 0
		if p.Picked {
			r.dots[i].StrokeColor, r.dots[i].StrokeWidth = fg, 3
		}
		showIf(r.dots[i], p.Impact > 0 && p.Effort > 0)
		showIf(r.labels[i], p.Impact > 0 && p.Effort > 0)
	}
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

func (r *matrixRenderer) Layout(size fyne.Size) {
	s := theme.TextSize() * r.m.scale
	for i := range 4 {
		r.names[i].TextSize = s
	}
	r.xAxis.TextSize, r.yAxis.TextSize = s, s
	band := s * 1.6 // the names' bands, above and below the points
	axis := s * 1.5 // the axis names, above and below everything
	top := axis
	w, h := size.Width, size.Height-2*axis
	if w <= 0 || h <= 4*band {
		return
	}
	half := fyne.NewSize(w/2, h/2)
	origins := []fyne.Position{{X: 0, Y: top}, {X: w / 2, Y: top}, {X: 0, Y: top + h/2}, {X: w / 2, Y: top + h/2}}
	for i := range 4 {
		r.quads[i].Move(origins[i])
		r.quads[i].Resize(half.Subtract(fyne.NewSize(2, 2)))
		name := fyne.MeasureText(r.names[i].Text, s, r.names[i].TextStyle)
		x := origins[i].X + s*0.4
		if i%2 == 1 { // right-hand quadrants: names against the right edge
			x = origins[i].X + half.Width - name.Width - s*0.6
		}
		y := top + s*0.2 // top quadrants: in the top band
		if i >= 2 {
			y = top + h - band + s*0.1 // bottom quadrants: in the bottom band
		}
		r.names[i].Move(fyne.NewPos(x, y))
	}
	r.yAxis.Move(fyne.NewPos(0, 0))
	xw := fyne.MeasureText(r.xAxis.Text, s, r.xAxis.TextStyle).Width
	r.xAxis.Move(fyne.NewPos(w-xw, top+h+s*0.1))
	// Points: effort 1–5 left to right, impact 1–5 bottom to top, between
	// the bands; the priorities of one cell side by side, three a row.
	px, py, pw, ph := float32(0), top+band, w, h-2*band
	cw, ch := pw/5, ph/5
	d := min(cw*0.8, ch*0.9, s*1.9)
	count := map[[2]int]int{}
	for _, p := range r.m.points {
		if p.Impact > 0 && p.Effort > 0 {
			count[[2]int{p.Effort, p.Impact}]++
		}
	}
	taken := map[[2]int]int{}
	for i, p := range r.m.points {
		if p.Impact == 0 || p.Effort == 0 {
			continue
		}
		k := [2]int{p.Effort, p.Impact}
		n, all := taken[k], count[k]
		taken[k]++
		perRow := min(all, 3)
		rowsN := (all + 2) / 3
		dd := min(d, ch/float32(rowsN)*0.9, cw/float32(perRow)*0.9)
		cx := px + float32(p.Effort-1)*cw + cw/2 + (float32(n%3)-float32(perRow-1)/2)*dd*1.05
		cy := py + float32(5-p.Impact)*ch + ch/2 + (float32(n/3)-float32(rowsN-1)/2)*dd*1.05
		r.dots[i].Move(fyne.NewPos(cx-dd/2, cy-dd/2))
		r.dots[i].Resize(fyne.NewSquareSize(dd))
		ts := min(s, dd*0.6)
		r.labels[i].TextSize = ts
		ls := fyne.MeasureText(r.labels[i].Text, ts, r.labels[i].TextStyle)
		r.labels[i].Move(fyne.NewPos(cx-ls.Width/2, cy-ls.Height/2))
	}
}

// matrixPoints places the first max priorities of a ranking, numbered as
// the ranking lists them.
func matrixPoints(impact, effort []int, picked int, max int) []matrixPoint {
	n := min(len(impact), max)
	pts := make([]matrixPoint, n)
	for i := range n {
		pts[i] = matrixPoint{Label: fmt.Sprint(i + 1), Impact: impact[i], Effort: effort[i], Picked: i == picked}
	}
	return pts
}
