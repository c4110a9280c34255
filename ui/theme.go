package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// Appearances the View menu offers. The system's light or dark setting is
// followed unless the user picks one.
const (
	appearanceSystem   = "system"
	appearanceLight    = "light"
	appearanceDark     = "dark"
	appearanceContrast = "contrast" // high contrast, for projectors
)

// appTheme is the window's theme: Fyne's own look in the system's light or
// dark variant (or the one chosen), or a high-contrast look for
// projectors; compact; every size scaled by View ▸ Larger / Smaller. The keyboard
// cursor and the selection are drawn stronger than Fyne's defaults, so a
// room can follow them on a projector.
type appTheme struct {
	base       fyne.Theme
	scale      float32
	appearance string
}

// Color returns the named colour in the appearance chosen.
func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.appearance {
	case appearanceLight:
		v = theme.VariantLight
	case appearanceDark:
		v = theme.VariantDark
	case appearanceContrast:
		if c, ok := contrastColors[n]; ok {
			return c
		}
		v = theme.VariantDark
	}
	if c, ok := statusColors[n]; ok && v <= theme.VariantLight {
		return c[v]
	}
	switch n {
	case theme.ColorNameSelection:
		return withAlpha(t.base.Color(theme.ColorNamePrimary, v), 0x66)
	case theme.ColorNameHover:
		return withAlpha(t.base.Color(theme.ColorNamePrimary, v), 0x33)
	case theme.ColorNameFocus:
		return withAlpha(t.base.Color(theme.ColorNamePrimary, v), 0x99)
	}
	return t.base.Color(n, v)
}

// Font returns the base theme's font.
func (t appTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon returns the base theme's icon.
func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the base theme's size, scaled. Paddings are about half of
// Fyne's: rows of lists and tables take little more than their text, so
// that a projector at 1366×768 shows many of them; text keeps its size.
func (t appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n) * t.scale
	switch n {
	case theme.SizeNameInnerPadding:
		s *= 0.45
	case theme.SizeNamePadding:
		s *= 0.5
	}
	if t.appearance == appearanceContrast && n == theme.SizeNameSeparatorThickness {
		s *= 2
	}
	return s
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// statusColors are the colours of status texts (done, at risk, blocked…)
// in the dark and the light variant (indexed by fyne.ThemeVariant):
// chosen so that readers with the common colour blindnesses tell them apart
// (which, on a light background, takes a purple rather than a red for
// what is blocked or late), and light or dark enough to read as text. A
// status always shows its name too.
var statusColors = map[fyne.ThemeColorName][2]color.Color{
	theme.ColorNameSuccess: {color.NRGBA{0x3c, 0xd0, 0xa4, 0xff}, color.NRGBA{0x00, 0x7a, 0x5a, 0xff}},
	theme.ColorNameWarning: {color.NRGBA{0xf0, 0xe4, 0x42, 0xff}, color.NRGBA{0x8a, 0x5a, 0x00, 0xff}},
	theme.ColorNameError:   {color.NRGBA{0xff, 0x70, 0x43, 0xff}, color.NRGBA{0x8e, 0x24, 0xaa, 0xff}},
}

// contrastColors is the high-contrast palette: white on black, with a
// yellow that stays visible on any projector.
var contrastColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:          color.Black,
	theme.ColorNameForeground:          color.White,
	theme.ColorNameForegroundOnPrimary: color.Black,
	theme.ColorNamePrimary:             color.NRGBA{0xff, 0xd4, 0x00, 0xff},
	theme.ColorNameButton:              color.NRGBA{0x26, 0x26, 0x26, 0xff},
	theme.ColorNameDisabledButton:      color.NRGBA{0x1a, 0x1a, 0x1a, 0xff},
	theme.ColorNameDisabled:            color.NRGBA{0xb0, 0xb0, 0xb0, 0xff},
	theme.ColorNameInputBackground:     color.Black,
	theme.ColorNameInputBorder:         color.White,
	theme.ColorNamePlaceHolder:         color.NRGBA{0xc8, 0xc8, 0xc8, 0xff},
	theme.ColorNameSeparator:           color.NRGBA{0xd0, 0xd0, 0xd0, 0xff},
	theme.ColorNameFocus:               color.NRGBA{0xff, 0xd4, 0x00, 0xff},
	theme.ColorNameSelection:           color.NRGBA{0xff, 0xd4, 0x00, 0x80},
	theme.ColorNameHover:               color.NRGBA{0xff, 0xff, 0xff, 0x40},
	theme.ColorNamePressed:             color.NRGBA{0xff, 0xff, 0xff, 0x60},
	theme.ColorNameHeaderBackground:    color.NRGBA{0x1a, 0x1a, 0x1a, 0xff},
	theme.ColorNameMenuBackground:      color.Black,
	theme.ColorNameOverlayBackground:   color.Black,
	theme.ColorNameShadow:              color.NRGBA{0xff, 0xff, 0xff, 0x30},
	theme.ColorNameScrollBar:           color.NRGBA{0xff, 0xff, 0xff, 0xa0},
	theme.ColorNameHyperlink:           color.NRGBA{0x7f, 0xd4, 0xff, 0xff},
	theme.ColorNameError:               color.NRGBA{0xff, 0x70, 0x70, 0xff},
	theme.ColorNameWarning:             color.NRGBA{0xff, 0xb0, 0x00, 0xff},
	theme.ColorNameSuccess:             color.NRGBA{0x50, 0xe0, 0x70, 0xff},
}

// Text zoom steps and bounds.
const (
	zoomStep       = 0.1
	zoomMin        = 0.8
	zoomMax        = 2.0
	prefZoom       = "zoom"
	prefAppearance = "appearance"
)

// zoom changes the size of everything in the window by delta (0 resets it)
// and remembers it. The window keeps its size: the content fits it.
func (a *App) zoom(delta float64) {
	z := a.fy.Preferences().FloatWithFallback(prefZoom, 1)
	if delta == 0 {
		z = 1
	} else {
		z = min(max(z+delta, zoomMin), zoomMax)
	}
	a.fy.Preferences().SetFloat(prefZoom, z)
	a.applyTheme()
	a.refresh()
	a.setStatus(a.zoomText())
}

// setAppearance follows the system (appearanceSystem) or forces a look,
// and remembers it.
func (a *App) setAppearance(name string) {
	a.fy.Preferences().SetString(prefAppearance, name)
	a.applyTheme()
	a.updateMenu()
	a.refresh()
}

func (a *App) appearance() string {
	return a.fy.Preferences().StringWithFallback(prefAppearance, appearanceSystem)
}

// applyTheme sets the app's theme from the size and appearance chosen.
func (a *App) applyTheme() {
	base := a.fy.Settings().Theme()
	if at, ok := base.(appTheme); ok {
		base = at.base
	}
	z := a.fy.Preferences().FloatWithFallback(prefZoom, 1)
	a.fy.Settings().SetTheme(appTheme{base: base, scale: float32(z), appearance: a.appearance()})
}

func (a *App) zoomText() string {
	z := a.fy.Preferences().FloatWithFallback(prefZoom, 1)
	return lang.L("Size {{.Percent}}%", map[string]any{"Percent": int(z*100 + 0.5)})
}

// themeColor is a colour of the app's theme in the variant shown.
func themeColor(n fyne.ThemeColorName) color.Color {
	return fyne.CurrentApp().Settings().Theme().Color(n, fyne.CurrentApp().Settings().ThemeVariant())
}
