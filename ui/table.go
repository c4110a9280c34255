package ui

import (
	"image/color"

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
}

// textTable is a keyboard-driven table of text cells with a bold header
// row. Its columns take the width their content needs (measured on the
// first rows and the selected one, so that a long table costs no more to
// fit than a short one), up to a limit; the flexible column takes what the
// window's width leaves. The selected row is highlighted whole; a cell too
// narrow ends with "…" and the step's detail pane shows the row whole.
type textTable struct {
	*keyTable
	cols   []column
	rowsFn func() int
	cell   func(row, col int) string
	// Style, if set, gives a cell's importance (colours that always come
	// with a text label).
	Style  func(row, col int) widget.Importance
	obj    fyne.CanvasObject
	fitted float32 // the width the columns were fitted to
	widths []float32
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
			l.SetText(t.cell(id.Row, id.Col))
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
			l.SetText(lang.L(t.cols[id.Col].name))
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

// fit sets the column widths for a table as wide as width; it reports
// whether any changed (the table is then redrawn).
func (t *textTable) fit(width float32) bool {
	if width <= 0 {
		return false
	}
	size := theme.TextSize()
	pad := 2*theme.InnerPadding() + 4
	bold := fyne.TextStyle{Bold: true}
	n := t.rowsFn()
	rows := make([]int, 0, sampleRows+1)
	for r := 0; r < min(n, sampleRows); r++ {
		rows = append(rows, r)
	}
	if s := t.selected.Row; s >= sampleRows && s < n {
		rows = append(rows, s)
	}
	widths := make([]float32, len(t.cols))
	used, flex := float32(0), -1
	for i, col := range t.cols {
		w := fyne.MeasureText(lang.L(col.name), size, bold).Width + pad
		if col.flex {
			flex = i
			widths[i] = max(w, 7*size)
			continue
		}
		limit := col.max
		if limit == 0 {
			limit = 12
		}
		for _, r := range rows {
			w = max(w, fyne.MeasureText(t.cell(r, i), size, fyne.TextStyle{}).Width+pad)
		}
		widths[i] = min(w, max(limit*size, fyne.MeasureText(lang.L(col.name), size, bold).Width+pad))
		used += widths[i] + theme.SeparatorThicknessSize()
	}
	if flex >= 0 {
		room := width - used - theme.ScrollBarSize() - 2*theme.Padding()
		widths[flex] = max(widths[flex], room)
	}
	changed := false
	for i, w := range widths {
		if i >= len(t.widths) || t.widths[i] != w {
			t.SetColumnWidth(i, w) // redraws the table
			changed = true
		}
	}
	t.fitted, t.widths = width, widths
	return changed
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
