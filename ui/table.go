package ui

import (
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// listRowHeight is the height of a one-line row of a list or table, its
// spacing included.
func listRowHeight() float32 {
	return fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding() + theme.Padding()
}

// column describes a column of a textTable.
type column struct {
	name  string  // untranslated header
	flex  bool    // takes the width the other columns leave
	max   float32 // widest it grows, in text sizes (0: 12)
	right bool    // numbers: aligned right
	wrap  bool    // a long cell wraps onto up to maxCellLines lines, the row growing to fit
}

// maxCellLines is the most lines a wrapping cell takes; what is left ends
// with "…" (the step's detail pane shows it whole).
const maxCellLines = 3

// textTable is a keyboard-driven table of text cells with a bold header
// row. Its columns take the width their content needs (measured on the
// first rows and the selected one, so that a long table costs no more to
// fit than a short one), up to a limit; the flexible column takes what the
// window's width leaves. When the window is too narrow for that (a large
// text size), headers go onto two lines and wrapping columns give up
// width, their rows growing: every column stays in sight. The selected row
// is highlighted whole; a cell too narrow ends with "…" and the step's
// detail pane shows the row whole.
type textTable struct {
	*keyTable
	cols   []column
	rowsFn func() int
	cell   func(row, col int) string
	// Style, if set, gives a cell's importance (colours that always come
	// with a text label).
	Style func(row, col int) widget.Importance
	// Header, if set, gives a column's header (translated) instead of its
	// name.
	Header  func(col int) string
	obj     fyne.CanvasObject
	fitted  float32 // the width the columns were fitted to
	widths  []float32
	heights []float32 // each row's height, when a column wraps
	header2 bool      // the header row has two lines
}

// cursorStroke is the width of the frame around the current cell.
const cursorStroke = 3

// sampleRows is how many rows fitting the columns measures.
const sampleRows = 40

func newTextTable(rows func() int, cols []column, cell func(row, col int) string) *textTable {
	t := &textTable{cols: cols, rowsFn: rows, cell: cell}
	t.keyTable = newKeyTable(func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			cursor := canvas.NewRectangle(color.Transparent)
			cursor.StrokeWidth = cursorStroke
			cursor.Hide()
			return container.NewStack(bg, l, cursor)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= rows() {
				return
			}
			st := o.(*fyne.Container)
			bg, l, cursor := st.Objects[0].(*canvas.Rectangle), st.Objects[1].(*widget.Label), st.Objects[2].(*canvas.Rectangle)
			imp := widget.MediumImportance
			if t.Style != nil {
				imp = t.Style(id.Row, id.Col)
			}
			l.Importance = imp
			if t.cols[id.Col].right {
				l.Alignment = fyne.TextAlignTrailing
			} else {
				l.Alignment = fyne.TextAlignLeading
			}
			l.SetText(t.shown(id.Row, id.Col))
			if id.Row == t.selected.Row {
				bg.FillColor = themeColor(theme.ColorNameSelection)
			} else {
				bg.FillColor = color.Transparent
			}
			bg.Refresh()
			// The cell the keys act on is framed in the theme's primary
			// colour, thick enough to find on a projector.
			if id == t.selected {
				cursor.StrokeColor = themeColor(theme.ColorNamePrimary)
				cursor.Show()
				cursor.Refresh()
			} else {
				cursor.Hide()
			}
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			l := o.(*widget.Label)
			l.SetText(t.headerShown(id.Col))
			if t.cols[id.Col].right {
				l.Alignment = fyne.TextAlignTrailing
			} else {
				l.Alignment = fyne.TextAlignLeading
			}
		}
	}
	t.obj = container.New(&fitLayout{fit: t.fitter()}, t.keyTable)
	return t
}

// refresh fits the columns to the content and redraws the table; a table
// not laid out yet is fitted when it is.
func (t *textTable) refresh() {
	if w := t.obj.Size().Width; w <= 0 || !t.fit(w) {
		t.Refresh()
	}
}

// fit sets the column widths for a table as wide as width, and the rows'
// heights when a column wraps; it reports whether any width changed (the
// table is then redrawn).
func (t *textTable) fit(width float32) bool {
	if width <= 0 {
		return false
	}
	size := theme.TextSize()
	pad := cellPad()
	bold := fyne.TextStyle{Bold: true}
	n := t.rowsFn()
	rows := make([]int, 0, sampleRows+1)
	for r := 0; r < min(n, sampleRows); r++ {
		rows = append(rows, r)
	}
	if s := t.selected.Row; s >= sampleRows && s < n {
		rows = append(rows, s)
	}
	// Each column's width with nothing cut (up to its limit), the width
	// with its header on two lines, and the narrowest it can go.
	widths := make([]float32, len(t.cols))
	headed := make([]float32, len(t.cols))
	least := make([]float32, len(t.cols))
	heads := make([]float32, len(t.cols))
	room := width - theme.ScrollBarSize() - 2*theme.Padding()
	flex := -1
	for i, col := range t.cols {
		head := t.header(i)
		heads[i] = fyne.MeasureText(head, size, bold).Width + pad
		twoLines := textWidth(twoLines(head, bold), bold) + pad
		if col.flex {
			flex = i
			widths[i] = max(heads[i], 9*size)
			headed[i], least[i] = widths[i], widths[i]
			continue
		}
		room -= theme.SeparatorThicknessSize()
		limit := col.max
		if limit == 0 {
			limit = 12
		}
		cells, words := float32(0), float32(0)
		for _, r := range rows {
			c := t.cell(r, i)
			cells = max(cells, fyne.MeasureText(c, size, fyne.TextStyle{}).Width+pad)
			if col.wrap {
				words = max(words, longestWord(c)+pad)
			}
		}
		widths[i] = min(max(heads[i], cells), max(limit*size, heads[i]))
		headed[i] = min(widths[i], max(twoLines, cells))
		least[i] = headed[i]
		if col.wrap {
			least[i] = min(headed[i], max(twoLines, words, 5*size))
		}
	}
	over := -room
	for _, w := range widths {
		over += w
	}
	// Too narrow: headers go onto two lines first, then the wrapping
	// columns that give most wrap.
	for i := range widths {
		if over > 0 {
			cut := min(over, widths[i]-headed[i])
			widths[i] -= cut
			over -= cut
		}
	}
	byGain := make([]int, 0, len(widths))
	for i, col := range t.cols {
		if col.wrap && !col.flex {
			byGain = append(byGain, i)
		}
	}
	sort.SliceStable(byGain, func(a, b int) bool { return widths[byGain[a]]-least[byGain[a]] > widths[byGain[b]]-least[byGain[b]] })
	for _, i := range byGain {
		if over > 0 {
			cut := min(over, widths[i]-least[i])
			widths[i] -= cut
			over -= cut
		}
	}
	if flex >= 0 && over < 0 {
		widths[flex] -= over
	}
	header2 := false
	for i, w := range widths {
		header2 = header2 || w < heads[i]-0.5
	}
	changed := header2 != t.header2
	t.header2 = header2
	for i, w := range widths {
		if i >= len(t.widths) || t.widths[i] != w {
			t.SetColumnWidth(i, w) // redraws the table
			changed = true
		}
	}
	t.fitted, t.widths = width, widths
	if changed {
		t.SetRowHeight(-1, rowHeight(1+btoi(header2)))
	}
	t.fitRows()
	return changed
}

// fitRows gives each row the height of its most wrapped cell.
func (t *textTable) fitRows() {
	wraps := false
	for _, c := range t.cols {
		wraps = wraps || c.wrap
	}
	if !wraps || len(t.widths) < len(t.cols) {
		return
	}
	n := t.rowsFn()
	heights := make([]float32, n)
	one := rowHeight(1)
	for r := range n {
		lines := 1
		for i, c := range t.cols {
			if c.wrap {
				lines = max(lines, len(cellLines(t.cell(r, i), t.widths[i]-cellPad(), fyne.TextStyle{}, maxCellLines)))
			}
		}
		heights[r] = one
		if lines > 1 {
			heights[r] = rowHeight(lines)
		}
		if r >= len(t.heights) || t.heights[r] != heights[r] {
			t.SetRowHeight(r, heights[r])
		}
	}
	t.heights = heights
}

// header is a column's header, translated.
func (t *textTable) header(col int) string {
	if t.Header != nil {
		return t.Header(col)
	}
	return lang.L(t.cols[col].name)
}

// headerShown is a column's header as drawn: on two lines in a narrow
// table.
func (t *textTable) headerShown(col int) string {
	h := t.header(col)
	if !t.header2 || col >= len(t.widths) {
		return h
	}
	return strings.Join(cellLines(h, t.widths[col]-cellPad(), fyne.TextStyle{Bold: true}, 2), "\n")
}

// shown is a cell as drawn: wrapped if its column wraps.
func (t *textTable) shown(row, col int) string {
	text := t.cell(row, col)
	if !t.cols[col].wrap || col >= len(t.widths) {
		return text
	}
	return strings.Join(cellLines(text, t.widths[col]-cellPad(), fyne.TextStyle{}, maxCellLines), "\n")
}

// cellPad is the width of a cell that is not its text.
func cellPad() float32 { return 2*theme.InnerPadding() + 4 }

// linesHeight is the height of a row of a table whose text takes lines
// lines.
func rowHeight(lines int) float32 {
	return widget.NewLabel(strings.Repeat("Ag\n", lines-1) + "Ag").MinSize().Height
}

// cellLines breaks text into lines no wider than room, at most maxLines
// of them: the last keeps what is left, for the label to cut with "…".
func cellLines(text string, room float32, style fyne.TextStyle, maxLines int) []string {
	size := theme.TextSize()
	if fyne.MeasureText(text, size, style).Width <= room || room <= 0 {
		return []string{text}
	}
	lines := wrapWords(text, room, size, style)
	if len(lines) > maxLines {
		lines = append(lines[:maxLines-1], strings.Join(lines[maxLines-1:], " "))
	}
	return lines
}

// twoLines breaks text into two lines as even as its spaces allow: the
// narrowest it goes on two lines. No-break spaces hold.
func twoLines(text string, style fyne.TextStyle) []string {
	words := strings.Split(text, " ")
	best := []string{text}
	bestW := textWidth(best, style)
	for i := 1; i < len(words); i++ {
		lines := []string{strings.Join(words[:i], " "), strings.Join(words[i:], " ")}
		if w := textWidth(lines, style); w < bestW {
			best, bestW = lines, w
		}
	}
	return best
}

// textWidth is the width of the widest of lines.
func textWidth(lines []string, style fyne.TextStyle) float32 {
	w := float32(0)
	for _, l := range lines {
		w = max(w, fyne.MeasureText(l, theme.TextSize(), style).Width)
	}
	return w
}

// longestWord is the width of the widest word of text.
func longestWord(text string) float32 {
	return textWidth(strings.FieldsFunc(text, breaksLine), fyne.TextStyle{})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fitLayout lays out one object at its full size, telling fit the width
// first.
type fitLayout struct {
	fit   func(width float32)
	width float32
}

// fitter is fit for a fitLayout.
func (t *textTable) fitter() func(width float32) { return func(w float32) { t.fit(w) } }

func (l *fitLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

func (l *fitLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		l.fit(size.Width)
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}
