package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// indicatorRow is one indicator on the monitoring dashboard: its name,
// progress bar, status, trend and latest figure.
type indicatorRow struct {
	widget.BaseWidget
	name   *widget.Label
	bar    *widget.ProgressBar
	status *widget.Label
	trend  *trendChart
	latest *widget.Label
	pct    string
}

func newIndicatorRow() fyne.CanvasObject {
	r := &indicatorRow{name: rowLabel(), bar: widget.NewProgressBar(), status: widget.NewLabel(""), trend: newTrendChart(), latest: rowLabel()}
	r.bar.TextFormatter = func() string { return r.pct }
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out: name, bar, status, trend, latest.
func (r *indicatorRow) CreateRenderer() fyne.WidgetRenderer {
	right := container.NewHBox(fixedUnits(8.5, r.bar), fixedUnits(6.5, r.status), r.trend, fixedUnits(10, r.latest))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, right, r.name))
}

// set shows an indicator's standing.
func (r *indicatorRow) set(a *App, p stratplan.IndicatorProgress, selected bool) {
	name := a.tagged(p.E, p.Name)
	if p.Unit != "" {
		name += " (" + p.Unit + ")"
	}
	r.name.SetText(name)
	r.bar.Value = 0
	r.pct = "—"
	if p.HasProgress {
		r.bar.Value = min(max(p.Progress, 0), 1)
		r.pct = fmt.Sprintf("%d%%", p.Percent())
	}
	r.bar.Refresh()
	r.status.SetText(indicatorStatusName(p.Status))
	r.status.Importance = indicatorImportance(p.Status)
	if selected {
		// Status colours and the dimmed grey are hard to read on the
		// selection's fill: the text names the status anyway.
		r.status.Importance = widget.MediumImportance
	}
	r.status.Refresh()
	latest := lang.L("no figure yet")
	if p.Latest != nil {
		latest = labelled(p.Latest.Period, figureText(p.Indicator, p.Latest.Text))
	}
	if p.Status == stratplan.StatusNoData && p.Latest != nil {
		latest += " · " + lang.L("{{.Period}} due", map[string]any{"Period": p.Due})
	}
	r.latest.SetText(latest)
	r.trend.set(p)
}

// indicatorImportance colours an indicator's status as other statuses are
// (see statusImportance); no data is dimmed.
func indicatorImportance(s stratplan.Status) widget.Importance {
	if imp, ok := statusImportance[string(s)]; ok {
		return imp
	}
	return widget.LowImportance
}

// trendChart draws an indicator's figures over time as a small line, with
// the target as a faint line across (Fyne canvas, no chart library).
type trendChart struct {
	widget.BaseWidget
	values      []float64
	target      float64
	hasTarget   bool
	statusColor color.Color
}

func newTrendChart() *trendChart {
	t := &trendChart{}
	t.ExtendBaseWidget(t)
	return t
}

// set shows an indicator's series.
func (t *trendChart) set(p stratplan.IndicatorProgress) {
	t.values = t.values[:0]
	for _, pt := range p.Series {
		if pt.OK {
			t.values = append(t.values, pt.Value)
		}
	}
	t.target, t.hasTarget = p.TargetValue, p.HasTarget
	t.statusColor = theme.Color(theme.ColorNameForeground)
	switch p.Status {
	case stratplan.StatusOnTrack:
		t.statusColor = theme.Color(theme.ColorNameSuccess)
	case stratplan.StatusAtRisk:
		t.statusColor = theme.Color(theme.ColorNameWarning)
	case stratplan.StatusOffTrack:
		t.statusColor = theme.Color(theme.ColorNameError)
	}
	t.Refresh()
}

// MinSize is small: the chart sits in a list row.
func (t *trendChart) MinSize() fyne.Size { return fyne.NewSize(90, 28) }

// CreateRenderer draws the chart.
func (t *trendChart) CreateRenderer() fyne.WidgetRenderer { return &trendRenderer{t: t} }

type trendRenderer struct {
	t       *trendChart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *trendRenderer) Layout(s fyne.Size) {
	r.size = s
	r.build()
}

func (r *trendRenderer) MinSize() fyne.Size { return r.t.MinSize() }
func (r *trendRenderer) Refresh()           { r.build(); canvas.Refresh(r.t) }
func (r *trendRenderer) Destroy()           {}

func (r *trendRenderer) Objects() []fyne.CanvasObject { return r.objects }

// build places the lines for the current size.
func (r *trendRenderer) build() {
	r.objects = r.objects[:0]
	t, w, h := r.t, r.size.Width, r.size.Height
	if w <= 0 || h <= 0 {
		return
	}
	lo, hi := 0.0, 0.0
	first := true
	for _, v := range append(append([]float64{}, t.values...), targetIf(t)...) {
		if first || v < lo {
			lo = v
		}
		if first || v > hi {
			hi = v
		}
		first = false
	}
	if first {
		return
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	pad := float32(4)
	y := func(v float64) float32 { return h - pad - float32((v-lo)/(hi-lo))*(h-2*pad) }
	if t.hasTarget {
		line := canvas.NewLine(theme.Color(theme.ColorNameDisabled))
		line.StrokeWidth = 1
		line.Position1, line.Position2 = fyne.NewPos(0, y(t.target)), fyne.NewPos(w, y(t.target))
		r.objects = append(r.objects, line)
	}
	n := len(t.values)
	x := func(i int) float32 {
		if n == 1 {
			return w / 2
		}
		return pad + float32(i)*(w-2*pad)/float32(n-1)
	}
	for i := 1; i < n; i++ {
		seg := canvas.NewLine(t.statusColor)
		seg.StrokeWidth = 2
		seg.Position1, seg.Position2 = fyne.NewPos(x(i-1), y(t.values[i-1])), fyne.NewPos(x(i), y(t.values[i]))
		r.objects = append(r.objects, seg)
	}
	if n > 0 {
		dot := canvas.NewCircle(t.statusColor)
		dot.Resize(fyne.NewSquareSize(6))
		dot.Move(fyne.NewPos(x(n-1)-3, y(t.values[n-1])-3))
		r.objects = append(r.objects, dot)
	}
}

func targetIf(t *trendChart) []float64 {
	if t.hasTarget {
		return []float64{t.target}
	}
	return nil
}
