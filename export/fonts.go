package export

import (
	"fmt"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"stratplan/assets"
)

// face measures text set in one of the report's fonts. Each report has its
// own faces: a face keeps a cache and a buffer that are not safe to share.
type face struct {
	font   *sfnt.Font
	buf    sfnt.Buffer
	widths map[rune]float64 // advance in thousandths of an em; < 0: not covered
	// The same for the Latin letters of English, French and Spanish,
	// which most texts are made of: an array is read faster than a map.
	latin [latinEnd]float64 // 0: not measured yet
}

const latinEnd = 0x250

func newFace(ttf []byte) (*face, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("read the report font: %w", err)
	}
	return &face{font: f, widths: make(map[rune]float64, 256)}, nil
}

// advance returns the advance of r in thousandths of an em, as PDF fonts
// count widths, or -1 when the font has no glyph for r.
func (f *face) advance(r rune) float64 {
	if r >= 0 && r < latinEnd {
		if w := f.latin[r]; w != 0 {
			return w
		}
	} else if w, ok := f.widths[r]; ok {
		return w
	}
	w := -1.0
	// The PDF writer's Unicode fonts hold the Basic Multilingual Plane only
	// (it panics beyond it): a character past U+FFFF, such as most emoji, is
	// not covered even where the font has a glyph for it.
	if r > 0xFFFF {
		f.widths[r] = w
		return w
	}
	if gi, err := f.font.GlyphIndex(&f.buf, r); err == nil && gi != 0 {
		if adv, err := f.font.GlyphAdvance(&f.buf, gi, fixed.I(1000), font.HintingNone); err == nil {
			// Rounded as the PDF writer rounds its width table.
			w = float64(int(float64(adv)/64 + 0.5))
		}
	}
	if r >= 0 && r < latinEnd && w != 0 {
		f.latin[r] = w
	} else {
		f.widths[r] = w
	}
	return w
}

// covers reports whether the font has a glyph for r.
func (f *face) covers(r rune) bool { return f.advance(r) >= 0 }

// width returns the width of s in points at the given size.
func (f *face) width(s string, size float64) float64 {
	total := 0.0
	for _, r := range s {
		if w := f.advance(r); w > 0 {
			total += w
		}
	}
	return total * size / 1000
}

// faces are the regular and bold faces of one report.
type faces struct{ regular, bold *face }

func newFaces() (faces, error) {
	r, err := newFace(assets.FontRegular)
	if err != nil {
		return faces{}, err
	}
	b, err := newFace(assets.FontBold)
	if err != nil {
		return faces{}, err
	}
	return faces{regular: r, bold: b}, nil
}

func (fs faces) of(bold bool) *face {
	if bold {
		return fs.bold
	}
	return fs.regular
}
