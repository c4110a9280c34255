package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// zoomTheme is the app's theme made larger or smaller, for a room
// reading a projector or a shared screen.
type zoomTheme struct {
	base  fyne.Theme
	scale float32
}

func (z zoomTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return z.base.Color(n, v)
}

func (z zoomTheme) Font(s fyne.TextStyle) fyne.Resource { return z.base.Font(s) }

func (z zoomTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return z.base.Icon(n) }

func (z zoomTheme) Size(n fyne.ThemeSizeName) float32 { return z.base.Size(n) * z.scale }

// Text zoom steps and bounds.
const (
	zoomStep = 0.1
	zoomMin  = 0.8
	zoomMax  = 2.0
	prefZoom = "zoom"
)

// zoom changes the size of everything in the window by delta (0 resets it)
// and remembers it.
func (a *App) zoom(delta float64) {
	z := a.fy.Preferences().FloatWithFallback(prefZoom, 1)
	if delta == 0 {
		z = 1
	} else {
		z = min(max(z+delta, zoomMin), zoomMax)
	}
	a.fy.Preferences().SetFloat(prefZoom, z)
	a.applyZoom()
	a.refresh()
	a.setStatus(a.zoomText())
}

func (a *App) applyZoom() {
	base := a.fy.Settings().Theme()
	if zt, ok := base.(zoomTheme); ok {
		base = zt.base
	}
	z := a.fy.Preferences().FloatWithFallback(prefZoom, 1)
	if z == 1 {
		if base != a.fy.Settings().Theme() {
			a.fy.Settings().SetTheme(base)
		}
		return
	}
	a.fy.Settings().SetTheme(zoomTheme{base: base, scale: float32(z)})
}

func (a *App) zoomText() string {
	z := a.fy.Preferences().FloatWithFallback(prefZoom, 1)
	return lang.L("Size {{.Percent}}%", map[string]any{"Percent": int(z*100 + 0.5)})
}
