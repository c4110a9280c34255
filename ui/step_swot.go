package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// swotStep is step 5: four quadrants with type-and-Enter capture.
type swotStep struct {
	a      *App
	frame  *stepFrame
	quads  [4]*quadrant
	active int // the quadrant the toolbar acts on: the one used last
}

// quadrant is one of strengths, weaknesses, opportunities, threats.
type quadrant struct {
	s     *swotStep
	index int
	entry *entry
	list  *keyList
	title *canvas.Text
	items []stratplan.SWOTItem
	rows  *wrappedRows
}

var (
	quadrantTitles = []string{"Strengths", "Weaknesses", "Opportunities", "Threats"}
	quadrantAdd    = []string{"Add a strength…", "Add a weakness…", "Add an opportunity…", "Add a threat…"}
)

func newSWOTStep(a *App) stepView {
	s := &swotStep{a: a}
	cells := make([]fyne.CanvasObject, 4)
	for i := range s.quads {
		s.quads[i] = newQuadrant(s, i)
		cells[i] = s.quads[i].object()
	}
	s.frame = newStepFrame(a, stepParts{
		Key:   "swot",
		Title: msg("SWOT"),
		Help:  msg("Type and press Enter to add. Tab goes to the quadrant's list: ↑ ↓ choose, Enter edits, Delete removes, 1–4 move the item to another quadrant. Long items wrap."),
		Body:  container.NewGridWithColumns(2, cells...),
		Tools: []tool{
			{theme.DocumentCreateIcon(), msg("Edit"), func() { q := s.quads[s.active]; q.editDialog(q.list.selected) }},
			{theme.MailForwardIcon(), msg("Move to…"), func() { s.quads[s.active].moveMenu() }},
			{theme.DeleteIcon(), msg("Delete"), func() { q := s.quads[s.active]; q.remove(q.list.selected) }},
		},
	})
	return s
}

func (s *swotStep) object() fyne.CanvasObject { return s.frame.object() }

func (s *swotStep) focus() { s.a.win.Canvas().Focus(s.quads[0].entry) }

func (s *swotStep) refresh() {
	s.frame.refresh()
	byQuad := map[string][]stratplan.SWOTItem{}
	for _, it := range s.a.plan.Doc().SWOTIn(s.a.scope()) {
		byQuad[it.Quadrant] = append(byQuad[it.Quadrant], it)
	}
	for i, q := range s.quads {
		q.items = byQuad[stratplan.SWOTQuadrants[i]]
		q.title.Text = fmt.Sprintf("%s (%d)", lang.L(quadrantTitles[i]), len(q.items))
		q.title.TextSize = theme.TextSize() // follows View ▸ Larger / Smaller
		q.title.Refresh()
		if q.list.selected >= len(q.items) {
			q.list.UnselectAll()
		}
		q.rows.fit()
		q.list.Refresh()
		s.a.gateAdd(q.entry, lang.L(quadrantAdd[i]))
	}
}

func newQuadrant(s *swotStep, i int) *quadrant {
	q := &quadrant{s: s, index: i}
	q.entry = newEntry(lang.L(quadrantAdd[i]))
	q.entry.OnSubmitted = func(string) { q.add() }
	q.list = newKeyList(
		func() int { return len(q.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			link := widget.NewIcon(theme.MailAttachmentIcon())
			warn := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
			// The marks before the text: at its end they would sit against
			// the next quadrant, and read as its item's.
			return container.NewBorder(nil, nil, container.NewHBox(link, warn), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(q.items) {
				return
			}
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(q.s.a.tagged(q.items[id].E, q.items[id].Text))
			icons := c.Objects[1].(*fyne.Container).Objects
			showIf(icons[0], q.items[id].Factor != "")
			showIf(icons[1], q.items[id].E.HasConflict())
			c.Refresh()
		})
	q.list.OnSelect = func(id widget.ListItemID) {
		if id >= 0 {
			s.active = q.index
		}
	}
	q.rows = newWrappedRows(&q.list.List, q.list, 0, func() []string {
		texts := make([]string, len(q.items))
		for k, it := range q.items {
			texts[k] = q.s.a.tagged(it.E, it.Text)
		}
		return texts
	})
	q.rows.Icons = func(i int) int {
		n := 0
		if i < len(q.items) && q.items[i].Factor != "" {
			n++
		}
		if i < len(q.items) && q.items[i].E.HasConflict() {
			n++
		}
		return n
	}
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
	band := canvas.NewRectangle(quadrantColors[q.index])
	band.CornerRadius = theme.InputRadiusSize()
	head := container.NewStack(band, container.NewPadded(
		container.NewBorder(nil, nil, container.NewCenter(q.title), nil, q.entry)))
	// Objects in this order so that Tab goes from the entry to its list.
	return container.New(layout.NewBorderLayout(head, nil, nil, nil), head, q.rows.obj)
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
		q.s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	if q.s.a.deleteWithUndo(it.E.Key(), deleted(it.Text)) {
		q.list.pick(min(id, len(q.items)-1)) // the next item, ready for the next key
	}
}

// move puts the item in another quadrant, shows it there, and leaves the
// keyboard on the next item of this one.
func (q *quadrant) move(id, to int) {
	it, ok := q.item(id)
	if !ok || to == q.index {
		return
	}
	a := q.s.a
	if a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(it.E.ID, stratplan.KindSWOT, stratplan.Set("quadrant", stratplan.Text(stratplan.SWOTQuadrants[to])))
	}) {
		q.list.pick(min(id, len(q.items)-1))
		dest := q.s.quads[to]
		for k, x := range dest.items {
			if x.E.ID == it.E.ID {
				dest.list.pick(k) // scrolled to, and highlighted
			}
		}
		a.setStatus(lang.L("Moved “{{.Text}}” to {{.Quadrant}}.", map[string]any{"Text": it.Text, "Quadrant": lang.L(quadrantTitles[to])}))
	}
}

func (q *quadrant) moveMenu() {
	if _, ok := q.item(q.list.selected); !ok {
		q.s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	var items []*fyne.MenuItem
	for i, t := range quadrantTitles {
		if i == q.index {
			continue
		}
		to := i
		items = append(items, fyne.NewMenuItem(lang.L("Move to {{.Quadrant}}", map[string]any{"Quadrant": lang.L(t)}), func() { q.move(q.list.selected, to) }))
	}
	c := q.s.a.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(q.list)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.Add(fyne.NewPos(q.list.Size().Width/2, 0)))
}

func (q *quadrant) editDialog(id int) {
	it, ok := q.item(id)
	if !ok {
		q.s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	a := q.s.a
	text := newMultiLineEntry("")
	text.SetText(it.Text)
	text.SetMinRowsVisible(3)
	quad := newChoice(translated(quadrantTitles), nil)
	quad.SetSelectedIndex(q.index)
	factors := a.plan.Doc().ScanFactors(a.plan.Doc().WorkshopOf(it.E)) // the item's own workshop's
	names := []string{lang.L("None")}
	sel := 0
	for i, f := range factors {
		names = append(names, f.Title)
		if f.E.ID == it.Factor {
			sel = i + 1
		}
	}
	factor := newChoice(names, nil)
	factor.SetSelectedIndex(sel)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Text"), text),
		widget.NewFormItem(lang.L("Quadrant"), quad),
		widget.NewFormItem(lang.L("Scan factor"), factor),
	}
	var f *form
	if it.E.HasConflict() {
		settle := newButton(lang.L("Two laptops changed this item: settle it…"), theme.WarningIcon(), func() {
			f.dismiss()
			a.settleEntity(it.E)
		})
		settle.Importance = widget.WarningImportance
		items = append(items, widget.NewFormItem("", settle))
	}
	f = a.showForm(lang.L("Edit SWOT item"), lang.L("Save"), items, func() {
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
	}, fyne.NewSize(640, 0))
	submitOnEnter(text, f)
	a.win.Canvas().Focus(text)
}

// present shows the whole SWOT to the room: the four quadrants, every item,
// at the largest type that lets all of them fit.
func (s *swotStep) present() fyne.CanvasObject {
	g := &fitGroup{}
	cells := make([]fyne.CanvasObject, 4)
	for i, q := range s.quads {
		t := newFitText(1, 2.6, g)
		paras := make([]para, len(q.items))
		for k, it := range q.items {
			paras[k] = para{text: "• " + s.a.tagged(it.E, it.Text)}
		}
		t.set(paras)
		head := presentHeading(fmt.Sprintf("%s (%d)", lang.L(quadrantTitles[i]), len(q.items)), quadrantColors[i])
		// A wide margin on the right: a line that fills its quadrant must
		// not run on into the next one's.
		gap := 6 * theme.Padding()
		cells[i] = container.NewBorder(head, nil, nil, nil, container.New(layout.NewCustomPaddedLayout(theme.Padding(), theme.Padding(), theme.Padding(), gap), t))
	}
	return container.NewGridWithColumns(2, cells...)
}
