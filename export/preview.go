package export

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"stratplan/assets"
)

// Preview draws one page of the report (numbered from 1) as an image with
// dpmm dots per millimetre (4 gives a sharp A4 page of 840 × 1188), from
// the same layout the PDF is written from, without any external tool.
func (r *Report) Preview(pageNum int, dpmm float64) (*image.RGBA, error) {
	if pageNum < 1 || pageNum > len(r.l.pages) {
		return nil, fmt.Errorf("the report has no page %d (it has %d)", pageNum, len(r.l.pages))
	}
	if dpmm <= 0 {
		dpmm = 4
	}
	regular, err := opentype.Parse(assets.FontRegular)
	if err != nil {
		return nil, fmt.Errorf("read the report font: %w", err)
	}
	bold, err := opentype.Parse(assets.FontBold)
	if err != nil {
		return nil, fmt.Errorf("read the report font: %w", err)
	}
	type key struct {
		bold bool
		size float64
	}
	faces := map[key]font.Face{}
	faceOf := func(k key) (font.Face, error) {
		if f, ok := faces[k]; ok {
			return f, nil
		}
		src := regular
		if k.bold {
			src = bold
		}
		f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: k.size * ptMM * dpmm, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return nil, err
		}
		faces[k] = f
		return f, nil
	}
	w, h := int(math.Round(r.l.pw*dpmm)), int(math.Round(r.l.ph*dpmm))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	px := func(mm float64) int { return int(math.Round(mm * dpmm)) }
	for _, o := range r.l.pages[pageNum-1].ops {
		c := color.RGBA{o.color.R, o.color.G, o.color.B, 0xFF}
		switch o.kind {
		case opRect:
			rect := image.Rect(px(o.x), px(o.y), px(o.x+o.w), px(o.y+o.h))
			if o.fill {
				draw.Draw(img, rect, image.NewUniform(c), image.Point{}, draw.Over)
				continue
			}
			t := max(1, px(o.lineWidth))
			for _, side := range []image.Rectangle{
				{rect.Min, image.Pt(rect.Max.X, rect.Min.Y+t)}, {image.Pt(rect.Min.X, rect.Max.Y-t), rect.Max},
				{rect.Min, image.Pt(rect.Min.X+t, rect.Max.Y)}, {image.Pt(rect.Max.X-t, rect.Min.Y), rect.Max},
			} {
				draw.Draw(img, side, image.NewUniform(c), image.Point{}, draw.Over)
			}
		case opLine:
			t := max(1, px(o.lineWidth))
			x1, y1, x2, y2 := px(o.x), px(o.y), px(o.x+o.w), px(o.y+o.h)
			if x1 > x2 {
				x1, x2 = x2, x1
			}
			if y1 > y2 {
				y1, y2 = y2, y1
			}
			draw.Draw(img, image.Rect(x1, y1, max(x2, x1+t), max(y2, y1+t)), image.NewUniform(c), image.Point{}, draw.Over)
		case opCircle:
			cx, cy, rad := (o.x+o.w/2)*dpmm, (o.y+o.h/2)*dpmm, o.w/2*dpmm
			for y := int(cy - rad); y <= int(cy+rad)+1; y++ {
				for x := int(cx - rad); x <= int(cx+rad)+1; x++ {
					if dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy; dx*dx+dy*dy <= rad*rad {
						img.Set(x, y, c)
					}
				}
			}
		case opText:
			f, err := faceOf(key{o.bold, o.size})
			if err != nil {
				return nil, err
			}
			// Glyph by glyph, without kerning, as the PDF places them.
			dot := fixed.Point26_6{X: fixed.Int26_6(o.x * dpmm * 64), Y: fixed.Int26_6((o.y + o.h*0.76) * dpmm * 64)}
			src := image.NewUniform(c)
			for _, ch := range o.text {
				dr, mask, mp, adv, ok := f.Glyph(dot, ch)
				if !ok {
					continue
				}
				draw.DrawMask(img, dr, src, image.Point{}, mask, mp, draw.Over)
				dot.X += adv
			}
		}
	}
	return img, nil
}
