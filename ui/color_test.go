package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func pow(x, y float64) float64 { return math.Pow(x, y) }

// TestStatusColoursAreToldApartByColourBlindReaders simulates the common
// colour blindnesses on the status colours and asks that done, at risk and
// blocked stay apart, and readable as text, in both variants.
func TestStatusColoursAreToldApartByColourBlindReaders(t *testing.T) {
	for v, name := range []string{"light", "dark"} {
		bg := theme.DefaultTheme().Color(theme.ColorNameBackground, fyne.ThemeVariant(v))
		var cols []color.Color
		for _, n := range []string{"success", "warning", "error"} {
			c := statusColors[fyneName(n)][v]
			cols = append(cols, c)
			if r := contrast(c, bg); r < 3 {
				t.Errorf("%s %s text contrasts %.1f:1 with the background", name, n, r)
			}
		}
		for _, sim := range []func(color.Color) color.Color{protan, deutan} {
			for i := range cols {
				for j := i + 1; j < len(cols); j++ {
					if d := distance(sim(cols[i]), sim(cols[j])); d < 40 {
						t.Errorf("%s: statuses %d and %d look alike to a colour-blind reader (distance %.0f)", name, i, j, d)
					}
				}
			}
		}
	}
	// And a status always says its name.
	for s, imp := range statusImportance {
		if imp != widget.MediumImportance && statusName(s, []string{s}, []string{s}) == "" {
			t.Errorf("status %s has a colour and no name", s)
		}
	}
}

func fyneName(n string) fyne.ThemeColorName { return fyne.ThemeColorName(n) }

// simulate applies a colour-blindness matrix (Viénot, Brettel and Mollon,
// 1999) in linear RGB.
func simulate(c color.Color, m [9]float64) color.Color {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 { return math.Pow(float64(v)/0xffff, 2.2) }
	x, y, z := lin(r), lin(g), lin(b)
	out := func(a, b, c float64) uint8 {
		v := math.Min(math.Max(a*x+b*y+c*z, 0), 1)
		return uint8(math.Pow(v, 1/2.2) * 255)
	}
	return color.NRGBA{out(m[0], m[1], m[2]), out(m[3], m[4], m[5]), out(m[6], m[7], m[8]), 0xff}
}

func protan(c color.Color) color.Color {
	return simulate(c, [9]float64{0.11238, 0.88762, 0, 0.11238, 0.88762, 0, 0.00401, -0.00401, 1})
}

func deutan(c color.Color) color.Color {
	return simulate(c, [9]float64{0.29275, 0.70725, 0, 0.29275, 0.70725, 0, -0.02234, 0.02234, 1})
}

func distance(a, b color.Color) float64 {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) float64 { return (float64(x) - float64(y)) / 257 }
	return math.Sqrt(d(r1, r2)*d(r1, r2) + d(g1, g2)*d(g1, g2) + d(b1, b2)*d(b1, b2))
}
