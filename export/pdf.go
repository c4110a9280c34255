package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/jung-kurt/gofpdf"

	"stratplan/assets"
)

// WritePDF writes the report as a PDF with the fonts embedded (only the
// glyphs used), a bookmark for every heading and links from the contents.
// The same report gives the same bytes: the PDF's dates are the plan's
// last write, and its catalogue is sorted.
func (r *Report) WritePDF(w io.Writer) error {
	l := r.l
	f := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: l.pw, Ht: l.ph}})
	f.SetCatalogSort(true)
	f.SetCreationDate(r.created)
	f.SetModificationDate(r.created)
	// Compressed afterwards, with one compressor for every page: see
	// deflateStreams.
	f.SetCompression(false)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetTitle(r.title+" — "+r.subject, true)
	f.SetSubject(r.subject, true)
	f.SetCreator("stratplan", true)
	f.SetProducer("stratplan", true)
	// Each document its own copy of the font bytes: the PDF library must
	// not share them between documents made at the same time.
	f.AddUTF8FontFromBytes("dejavu", "", bytes.Clone(assets.FontRegular))
	f.AddUTF8FontFromBytes("dejavu", "B", bytes.Clone(assets.FontBold))
	links := map[*page]int{}
	for _, p := range l.pages {
		links[p] = f.AddLink()
	}
	// The library writes a colour or a line width each time it is set:
	// set them only when they change. Text takes the fill colour in PDF,
	// so text and fill share one current colour (the library would
	// otherwise wrap every text in a save and restore of its own).
	font := struct {
		bold bool
		size float64
	}{size: -1}
	fill, draw := rgb{1, 2, 3}, rgb{1, 2, 3} // no colour yet
	fillSet, drawSet := false, false
	width := -1.0
	setFill := func(c rgb) {
		if !fillSet || c != fill {
			f.SetFillColor(int(c.R), int(c.G), int(c.B))
			f.SetTextColor(int(c.R), int(c.G), int(c.B))
			fill, fillSet = c, true
		}
	}
	setDraw := func(c rgb, lw float64) {
		if !drawSet || c != draw {
			f.SetDrawColor(int(c.R), int(c.G), int(c.B))
			draw, drawSet = c, true
		}
		if lw != width {
			f.SetLineWidth(lw)
			width = lw
		}
	}
	for _, p := range l.pages {
		f.AddPage()
		// A new page starts with the library's colours, not ours.
		fillSet, drawSet, width = false, false, -1
		f.SetLink(links[p], 0, p.num)
		for _, m := range p.marks {
			f.Bookmark(m.text, m.level, m.y)
		}
		for _, o := range p.ops {
			switch o.kind {
			case opText:
				if o.bold != font.bold || o.size != font.size {
					style := ""
					if o.bold {
						style = "B"
					}
					f.SetFont("dejavu", style, o.size)
					font.bold, font.size = o.bold, o.size
				}
				setFill(o.color)
				f.Text(o.x, o.y+o.h*0.76, o.text)
			case opRect:
				if o.fill {
					setFill(o.color)
					f.Rect(o.x, o.y, o.w, o.h, "F")
				} else {
					setDraw(o.color, o.lineWidth)
					f.Rect(o.x, o.y, o.w, o.h, "D")
				}
			case opLine:
				setDraw(o.color, o.lineWidth)
				f.Line(o.x, o.y, o.x+o.w, o.y+o.h)
			case opCircle:
				setFill(o.color)
				f.Circle(o.x+o.w/2, o.y+o.h/2, o.w/2, "F")
			case opLink:
				f.Link(o.x, o.y, o.w, o.h, links[o.target])
			}
		}
	}
	var plain bytes.Buffer
	if err := f.Output(&plain); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := deflateStreams(bw, plain.Bytes()); errors.Is(err, errPDFLayout) {
		// Not what deflateStreams knows: the file as the library wrote
		// it is a whole PDF too, only larger.
		bw.Reset(w)
		bw.Write(plain.Bytes())
	} else if err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	return nil
}
