package export

import (
	"fmt"
	"strings"
	"time"

	"stratplan"
)

// ReportOptions say how a report is set.
type ReportOptions struct {
	Paper string // "a4" (the default) or "letter"
	Lang  string // "en" (the default), "fr" or "es"
	// Workshop is the workshop a workshop report is about: its id, or ""
	// for the plan's first workshop that has participants or priorities.
	Workshop string
	// Now is the date monitoring figures are judged at; zero means the
	// plan's last write, so the same plan gives the same report.
	Now time.Time
}

// Report is a report laid out on its pages, ready to be written as a PDF
// or previewed.
type Report struct {
	l        *layout
	title    string
	subject  string
	created  time.Time
	Warnings []string // text the fonts cannot show, named by entity
}

// Pages returns the number of pages.
func (r *Report) Pages() int { return len(r.l.pages) }

// Boxes returns every piece of text and every shape placed, page by page.
func (r *Report) Boxes() []Box { return r.l.boxes() }

// PageSize returns the page's width and height in millimetres.
func (r *Report) PageSize() (w, h float64) { return r.l.pw, r.l.ph }

// Margins returns the body area's left, top, right and bottom margins in
// millimetres.
func (r *Report) Margins() (left, top, right, bottom float64) {
	return r.l.left, r.l.top, r.l.right, r.l.foot
}

// builder writes one report.
type builder struct {
	*layout
	doc       *stratplan.Document
	lang      string
	mon       *stratplan.Monitor
	now       time.Time
	planTitle string
	org       string
	toc       []tocEntry
	numbers   []int
	annexOf   string // the letter of the annex being written, "" in the body
	skipEmpty bool   // leave out sections with nothing in them
}

type tocEntry struct {
	title string
	level int
	page  *page
	y     float64
}

func newBuilder(doc *stratplan.Document, o ReportOptions) (*builder, error) {
	paper := strings.ToLower(o.Paper)
	if paper == "" {
		paper = "a4"
	}
	lang := strings.ToLower(o.Lang)
	if lang == "" {
		lang = "en"
	}
	if !knownLang(lang) {
		return nil, fmt.Errorf("no report texts in %q: use en, fr or es", o.Lang)
	}
	l, err := newLayout(paper)
	if err != nil {
		return nil, err
	}
	now := o.Now
	if now.IsZero() {
		now = lastWrite(doc)
	}
	b := &builder{layout: l, doc: doc, lang: lang, now: now, mon: doc.Monitor(now)}
	info := doc.PlanInfo()
	b.planTitle = b.clean(info.Title, "the plan's title")
	if b.planTitle == "" {
		b.planTitle = b.tr("Strategic plan")
	}
	b.org = b.clean(info.Organization, "the plan's organisation")
	return b, nil
}

// lastWrite is the time of the plan's latest write, or the Unix epoch for
// an empty plan.
func lastWrite(doc *stratplan.Document) time.Time {
	if t := doc.Latest(); t > 0 {
		return t.Time()
	}
	return time.Unix(0, 0).UTC()
}

// str returns an entity's field as printable text.
func (b *builder) str(e *stratplan.Entity, field string) string {
	if e == nil {
		return ""
	}
	t := strings.TrimSpace(e.Str(field))
	if plainASCII(t) {
		return t
	}
	return b.clean(t, b.who(e, field))
}

// txt cleans a text that came from entity e's field.
func (b *builder) txt(s string, e *stratplan.Entity, field string) string {
	t := strings.TrimSpace(s)
	if plainASCII(t) {
		return t
	}
	return b.clean(t, b.who(e, field))
}

func (b *builder) who(e *stratplan.Entity, field string) string {
	if e == nil {
		return field
	}
	return fmt.Sprintf("%s %s, %s", e.Kind, e.ID, field)
}

// section starts a numbered section: level 0 on a new page, deeper levels
// where there is room for the heading and a few lines.
func (b *builder) section(title string, level int) {
	for len(b.numbers) <= level {
		b.numbers = append(b.numbers, 0)
	}
	b.numbers[level]++
	b.numbers = b.numbers[:level+1]
	var num []string
	for i, n := range b.numbers {
		if i == 0 && b.annexOf != "" {
			num = append(num, b.annexOf)
			continue
		}
		num = append(num, fmt.Sprint(n))
	}
	b.heading(strings.Join(num, ".")+"  "+title, level)
}

// annex starts a top-level part numbered with a letter (an annex, an
// appendix): its sections are numbered A.1, A.2…
func (b *builder) annex(letter, title string) {
	b.numbers = []int{0}
	b.annexOf = letter
	b.heading(title, 0)
}

func (b *builder) heading(title string, level int) {
	sizes := []float64{17, 12.5, 10.5}
	size := sizes[min(level, 2)]
	switch level {
	case 0:
		b.newPage()
	default:
		b.space(3)
		b.need(lineHeight(size) + 22)
	}
	b.toc = append(b.toc, tocEntry{title: title, level: level, page: b.cur, y: b.y})
	b.bookmark(title, level)
	from, y0, entry := len(b.cur.ops), b.y, len(b.toc)-1
	colour := navy
	if level > 0 {
		colour = blue
	}
	b.paragraph(title, size, true, colour, 0)
	if level == 0 {
		b.y += 1
		b.line(b.left, b.y, b.left+b.bodyWidth(), b.y, teal, 0.6)
		b.y += 5
		return
	}
	b.y += 1.5
	b.keepWithNext(from, 1, y0, func(np *page, dy float64) {
		b.toc[entry].page = np
		b.toc[entry].y += dy
	})
}

// note places a small grey line of explanation.
func (b *builder) note(s string) {
	b.paragraph(s, 8, false, grey, 0)
	b.y += 1.5
}

// finish inserts the contents after the cover, numbers the pages and draws
// the running header and footer.
func (b *builder) finish(subject string) *Report {
	// The contents: pages enough for every entry, placed after the cover.
	body := b.pages
	const size = 9.5
	lh := lineHeight(size) + 0.6
	perPage := int((b.bottom() - b.top - 16) / lh)
	n := (len(b.toc) + perPage - 1) / perPage
	b.pages = nil
	var contents []*page
	for i := 0; i < max(n, 1); i++ {
		contents = append(contents, b.newPage())
	}
	b.pages = append(append([]*page{body[0]}, contents...), body[1:]...)
	for i, p := range b.pages {
		p.num = i + 1
	}
	b.cur, b.y = contents[0], b.top
	b.cur.marks = append(b.cur.marks, bookmark{text: b.tr("Contents"), level: 0, y: b.top})
	b.text(b.left, b.y, b.tr("Contents"), 17, true, navy)
	b.y += lineHeight(17) + 1
	b.line(b.left, b.y, b.left+b.bodyWidth(), b.y, teal, 0.6)
	b.y += 5
	ci := 0
	for _, e := range b.toc {
		if b.y+lh > b.bottom() {
			ci++
			b.cur, b.y = contents[ci], b.top
		}
		indent := float64(e.level) * 7
		sz, bold, col := size, e.level == 0, ink
		if e.level == 0 {
			col = navy
		}
		if e.level > 1 {
			sz = size - 0.5
		}
		num := fmt.Sprint(e.page.num)
		nw := b.textWidth(num, sz, bold)
		avail := b.bodyWidth() - indent - nw - 6
		title := e.title
		for b.textWidth(visual(title, baseRTL(title)), sz, bold) > avail && len([]rune(title)) > 4 {
			rs := []rune(title)
			title = string(rs[:len(rs)-4]) + "…"
		}
		b.text(b.left+indent, b.y, title, sz, bold, col)
		b.textIn(b.left, b.y, b.bodyWidth(), num, sz, bold, col, 'r')
		tw := b.textWidth(visual(title, baseRTL(title)), sz, bold)
		// Dots lead the eye to the page number.
		if gap := b.bodyWidth() - indent - tw - nw - 4; gap > 4 {
			b.line(b.left+indent+tw+2, b.y+lineHeight(sz)*0.78, b.left+b.bodyWidth()-nw-2, b.y+lineHeight(sz)*0.78, lightGrey, 0.25)
		}
		b.link(b.left, b.y, b.bodyWidth(), lineHeight(sz), e.page)
		b.y += lh
	}
	total := len(b.pages)
	// The running header and footer: the plan's title beside what the
	// report is, the organisation beside the page number, each on one
	// line, cut once for every page.
	gap := 6.0
	widest := b.textWidth(b.trf("Page %d of %d", total, total), 7.5, false)
	head := b.fitLines(strings.ReplaceAll(b.planTitle, "\n", " "), 7.5, false, b.bodyWidth()-b.textWidth(subject, 7.5, false)-gap, 1)
	org := b.fitLines(strings.ReplaceAll(b.org, "\n", " "), 7.5, false, b.bodyWidth()-widest-gap, 1)
	for i, p := range b.pages {
		if i == 0 {
			continue // the cover has its own design
		}
		b.cur = p
		y := 11.0
		b.text(b.left, y, head, 7.5, false, grey)
		b.textIn(b.left, y, b.bodyWidth(), subject, 7.5, false, grey, 'r')
		b.line(b.left, y+lineHeight(7.5)+0.8, b.left+b.bodyWidth(), y+lineHeight(7.5)+0.8, lightGrey, 0.3)
		fy := b.ph - 15
		b.line(b.left, fy, b.left+b.bodyWidth(), fy, lightGrey, 0.3)
		b.text(b.left, fy+1.5, org, 7.5, false, grey)
		b.textIn(b.left, fy+1.5, b.bodyWidth(), b.trf("Page %d of %d", i+1, total), 7.5, false, grey, 'r')
	}
	return &Report{l: b.layout, title: b.planTitle, subject: subject, created: lastWrite(b.doc), Warnings: b.warnings}
}

// cover draws the first page: a band with the organisation, the title,
// what the report is, and a few facts.
func (b *builder) cover(kind, heading string, facts [][2]string) {
	b.newPage()
	b.rect(0, 0, b.pw, 62, navy, true, 0)
	b.rect(0, 62, b.pw, 2.2, teal, true, 0)
	// Names as long as a page are cut to a few lines: the cover keeps to
	// its page, and the organisation to its band.
	if b.org != "" {
		b.paragraphAt(b.fitLines(b.org, 13, true, b.bodyWidth(), 2), 13, true, white, 24)
	}
	b.y = 84
	b.paragraph(kind, 12, true, teal, 0)
	b.y += 2
	b.paragraph(b.fitLines(b.planTitle, 26, true, b.bodyWidth(), 4), 26, true, navy, 0)
	b.y += 3
	if heading != "" {
		b.paragraph(b.fitLines(heading, 15, false, b.bodyWidth(), 3), 15, false, ink, 0)
	}
	b.y += 8
	b.line(b.left, b.y, b.left+50, b.y, teal, 0.8)
	b.y += 8
	b.keyValues(facts, 10.5)
	foot := b.trf("Prepared with stratplan from the plan as last written on %s.", b.date(lastWrite(b.doc).Format("2006-01-02")))
	lines := b.wrap(foot, b.bodyWidth(), 8, false)
	b.y = b.bottom() - float64(len(lines))*lineHeight(8)
	b.paragraph(foot, 8, false, grey, 0)
}

// fitLines gives s as at most n lines of the given width, the last ending
// in "…" when s is longer.
func (b *builder) fitLines(s string, size float64, bold bool, width float64, n int) string {
	lines := b.wrap(s, width, size, bold)
	if len(lines) <= n {
		return s
	}
	lines = lines[:n]
	last := []rune(strings.TrimRight(lines[n-1], " ") + "…")
	for len(last) > 1 && b.textWidth(string(last), size, bold) > width {
		last = append(last[:len(last)-2], '…')
	}
	lines[n-1] = string(last)
	return strings.Join(lines, "\n")
}

// paragraphAt places a paragraph with its first line at y.
func (b *builder) paragraphAt(s string, size float64, bold bool, c rgb, y float64) {
	b.y = y
	b.paragraph(s, size, bold, c, 0)
}
