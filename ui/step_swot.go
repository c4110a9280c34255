package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// swotStep is step 5: four quadrants with type-and-Enter capture.
type swotStep struct {
	a     *App
	obj   fyne.CanvasObject
	quads [4]*quadrant
	notes *notesPanel
}

// quadrant is one of strengths, weaknesses, opportunities, threats.
type quadrant struct {
	s        *swotStep
	index    int
	entry    *widget.Entry
	list     *keyList
	title    *canvas.Text
	items    []stratplan.SWOTItem
	selected int
}

var (
	quadrantTitles = []string{"Strengths", "Weaknesses", "Opportunities", "Threats"}
	quadrantAdd    = []string{"Add a strength…", "Add a weakness…", "Add an opportunity…", "Add a threat…"}
	// Deep enough for white text to read on a projector.
	quadrantColors = []color.NRGBA{{0x2e, 0x7d, 0x32, 0xff}, {0xc7, 0x5b, 0x00, 0xff}, {0x15, 0x65, 0xc0, 0xff}, {0xc6, 0x28, 0x28, 0xff}}
)

func newSWOTStep(a *App) stepView {
	s := &swotStep{a: a}
	cells := make([]fyne.CanvasObject, 4)
	for i := range s.quads {
		s.quads[i] = newQuadrant(s, i)
		cells[i] = s.quads[i].object()
	}
	hint := widget.NewLabel(lang.L("Type and press Enter to add. Tab into a list, then ↑ ↓ to choose, Enter to edit, Delete to remove, 1–4 to move to another quadrant."))
	hint.Wrapping = fyne.TextWrapWord
	hint.TextStyle = fyne.TextStyle{Italic: true}
	s.notes = newNotesPanel(a, "swot")
	s.obj = container.NewBorder(container.NewVBox(heading(lang.L("SWOT")), hint), s.notes.obj, nil, nil,
		container.NewGridWithColumns(2, cells...))
	return s
}

func (s *swotStep) object() fyne.CanvasObject { return s.obj }

func (s *swotStep) focus() { s.a.win.Canvas().Focus(s.quads[0].entry) }

func (s *swotStep) refresh() {
	s.notes.refresh()
	byQuad := map[string][]stratplan.SWOTItem{}
	for _, it := range s.a.plan.Doc().SWOT(s.a.workshop) {
		byQuad[it.Quadrant] = append(byQuad[it.Quadrant], it)
	}
	for i, q := range s.quads {
		q.items = byQuad[stratplan.SWOTQuadrants[i]]
		q.title.Text = fmt.Sprintf("%s (%d)", lang.L(quadrantTitles[i]), len(q.items))
		q.title.TextSize = theme.TextSubHeadingSize() // follows View ▸ Larger / Smaller
		q.title.Refresh()
		if q.selected >= len(q.items) {
			q.selected = -1
			q.list.UnselectAll()
		}
		q.list.Refresh()
		if s.a.workshop == "" {
			q.entry.Disable()
		} else {
			q.entry.Enable()
		}
	}
}

func newQuadrant(s *swotStep, i int) *quadrant {
	q := &quadrant{s: s, index: i, selected: -1}
	q.entry = widget.NewEntry()
	q.entry.SetPlaceHolder(lang.L(quadrantAdd[i]))
	q.entry.OnSubmitted = func(string) { q.add() }
	q.list = newKeyList(
		func() int { return len(q.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			link := widget.NewIcon(theme.MailAttachmentIcon())
			warn := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
			return container.NewBorder(nil, nil, nil, container.NewHBox(link, warn), l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(q.items) {
				return
			}
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(q.items[id].Text)
			icons := c.Objects[1].(*fyne.Container).Objects
			showIf(icons[0], q.items[id].Factor != "")
			showIf(icons[1], q.items[id].E.HasConflict())
			c.Refresh()
		})
	q.list.OnSelect = func(id widget.ListItemID) { q.selected = id }
	q.list.OnEdit, q.list.OnDelete = q.editDialog, q.remove
	q.list.OnRune = func(id widget.ListItemID, r rune) bool {
		if r >= '1' && r <= '4' {
			q.move(id, int(r-'1'))
			return true
		}
		return false
	}
	return q
}

func (q *quadrant) object() fyne.CanvasObject {
	q.title = canvas.NewText("", color.White)
	q.title.TextStyle = fyne.TextStyle{Bold: true}
	q.title.TextSize = theme.TextSubHeadingSize()
	band := canvas.NewRectangle(quadrantColors[q.index])
	band.CornerRadius = theme.InputRadiusSize()
	header := container.NewStack(band, container.NewPadded(q.title))
	tools := container.NewHBox(
		newFlatAction(theme.DocumentCreateIcon(), lang.L("Edit"), func() { q.editDialog(q.selected) }),
		newFlatAction(theme.MailForwardIcon(), lang.L("Move to…"), q.moveMenu),
		newFlatAction(theme.DeleteIcon(), lang.L("Delete"), func() { q.remove(q.selected) }),
	)
	top := container.NewVBox(header, q.entry)
	// Objects in this order so that Tab goes from the entry to its list.
	return container.New(layout.NewBorderLayout(top, tools, nil, nil), top, q.list, tools)
}

func (q *quadrant) add() {
	text := strings.TrimSpace(q.entry.Text)
	ws := q.s.a.workshop
	if text == "" || ws == "" {
		return
	}
	quad := stratplan.SWOTQuadrants[q.index]
	if q.s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindSWOT, stratplan.Set("quadrant", stratplan.Text(quad)),
			stratplan.Set("text", stratplan.Text(text)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	}) {
		q.entry.SetText("")
		q.list.ScrollToBottom()
	}
}

func (q *quadrant) item(id int) (stratplan.SWOTItem, bool) {
	if id < 0 || id >= len(q.items) {
		return stratplan.SWOTItem{}, false
	}
	return q.items[id], true
}

func (q *quadrant) remove(id int) {
	it, ok := q.item(id)
	if !ok {
		return
	}
	a := q.s.a
	if a.deleteWithUndo(it.E.Key(), deleted(it.Text)) {
		q.list.UnselectAll()
	}
}

func (q *quadrant) move(id, to int) {
	it, ok := q.item(id)
	if !ok || to == q.index {
		return
	}
	a := q.s.a
	if a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(it.E.ID, stratplan.KindSWOT, stratplan.Set("quadrant", stratplan.Text(stratplan.SWOTQuadrants[to])))
	}) {
		q.list.UnselectAll()
		a.setStatus(lang.L("Moved “{{.Text}}” to {{.Quadrant}}.", map[string]any{"Text": it.Text, "Quadrant": lang.L(quadrantTitles[to])}))
	}
}

func (q *quadrant) moveMenu() {
	if _, ok := q.item(q.selected); !ok {
		q.s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	var items []*fyne.MenuItem
	for i, t := range quadrantTitles {
		if i == q.index {
			continue
		}
		to := i
		items = append(items, fyne.NewMenuItem(lang.L("Move to {{.Quadrant}}", map[string]any{"Quadrant": lang.L(t)}), func() { q.move(q.selected, to) }))
	}
	c := q.s.a.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(q.list)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.Add(fyne.NewPos(q.list.Size().Width/2, q.list.Size().Height)))
}

func (q *quadrant) editDialog(id int) {
	it, ok := q.item(id)
	if !ok {
		q.s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	a := q.s.a
	text := widget.NewEntry()
	text.SetText(it.Text)
	quad := widget.NewSelect(translated(quadrantTitles), nil)
	quad.SetSelectedIndex(q.index)
	factors := a.plan.Doc().ScanFactors(a.workshop)
	names := []string{lang.L("None")}
	sel := 0
	for i, f := range factors {
		names = append(names, f.Title)
		if f.E.ID == it.Factor {
			sel = i + 1
		}
	}
	factor := widget.NewSelect(names, nil)
	factor.SetSelectedIndex(sel)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Text"), text),
		widget.NewFormItem(lang.L("Quadrant"), quad),
		widget.NewFormItem(lang.L("Scan factor"), factor),
	}
	var d *dialog.FormDialog
	if it.E.HasConflict() {
		settle := widget.NewButtonWithIcon(lang.L("Two laptops changed this item: settle it…"), theme.WarningIcon(), func() {
			d.Hide()
			a.settleEntity(it.E)
		})
		settle.Importance = widget.WarningImportance
		items = append(items, widget.NewFormItem("", settle))
	}
	d = dialog.NewForm(lang.L("Edit SWOT item"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		t := strings.TrimSpace(text.Text)
		if t == "" {
			a.setStatus(lang.L("An item needs text: to remove it, press Delete in the list."))
			return
		}
		link := ""
		if i := factor.SelectedIndex(); i > 0 {
			link = factors[i-1].E.ID
		}
		changes := []stratplan.Change{stratplan.Set("text", stratplan.Text(t)),
			stratplan.Set("quadrant", stratplan.Text(stratplan.SWOTQuadrants[quad.SelectedIndex()]))}
		if link != it.Factor {
			changes = append(changes, stratplan.Set("factor", stratplan.Text(link)))
		}
		a.edit(func(ed *stratplan.Edit) error { return ed.Set(it.E.ID, stratplan.KindSWOT, changes...) })
		a.win.Canvas().Focus(q.list)
	}, a.win)
	text.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	d.Show()
	a.win.Canvas().Focus(text)
}
