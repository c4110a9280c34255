package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// duplicatesPanel lists the priorities (or actions) of different regions
// that look like the same thing, each with its score; Enter links a pair
// as the same, Delete dismisses it for good.
type duplicatesPanel struct {
	a     *App
	v     *consolidationView
	obj   fyne.CanvasObject
	kind  *choice
	list  *keyList
	count *widget.Label
	pairs []stratplan.DuplicatePair
}

var duplicateKinds = []string{"Priorities", "Actions"}

func newDuplicatesPanel(a *App, v *consolidationView) *duplicatesPanel {
	p := &duplicatesPanel{a: a, v: v}
	p.kind = newChoice(translated(duplicateKinds), nil)
	p.kind.SetSelectedIndex(0)
	p.kind.OnChanged = func(string) { p.refresh() }
	p.count = widget.NewLabel("")
	p.list = newKeyList(func() int { return len(p.pairs) }, func() fyne.CanvasObject {
		score := widget.NewLabelWithStyle("100%", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		a, b := newRowLabel(), newRowLabel()
		return container.NewBorder(nil, nil, fixedUnits(4, score), nil, container.NewGridWithColumns(2, a, b))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(p.pairs) {
			return
		}
		d := p.pairs[i]
		c := o.(*fyne.Container)
		cols := c.Objects[0].(*fyne.Container)
		c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d%%", int(d.Score*100+0.5)))
		cols.Objects[0].(*widget.Label).SetText(p.side(d.A, d.RegionA))
		cols.Objects[1].(*widget.Label).SetText("≈ " + p.side(d.B, d.RegionB))
	})
	p.list.OnEdit = p.accept
	p.list.OnDelete = p.dismiss
	p.list.OnRune = func(i widget.ListItemID, r rune) bool {
		switch r {
		case 'l', 'L':
			p.accept(i)
		case 'n', 'N':
			p.dismiss(i)
		default:
			return false
		}
		return true
	}
	tools := container.NewHBox(
		newFlatAction(theme.ConfirmIcon(), lang.L("The same: link them"), func() { p.accept(p.list.selected) }),
		newFlatAction(theme.CancelIcon(), lang.L("Not the same"), func() { p.dismiss(p.list.selected) }))
	hint := widget.NewLabelWithStyle(lang.L("Pairs from different regions whose titles look alike (accents, word order and plurals aside), best first. Enter or L links a pair: the matrix then shows one row and adds up their votes. Delete or N says they are not the same: the pair is not suggested again. Nothing is deleted either way."),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(hint, container.NewHBox(p.kind, p.count))
	p.obj = container.New(newBorder(top, tools), top, p.list, tools)
	return p
}

// side names one side of a pair: its title and its region's code.
func (p *duplicatesPanel) side(e *stratplan.Entity, region string) string {
	code := ""
	if r := p.a.plan.Doc().Get(stratplan.KindRegion, region); r != nil {
		code = " (" + r.Str("code") + ")"
	}
	return "“" + e.Str("title") + "”" + code
}

func (p *duplicatesPanel) kindName() string {
	if p.kind.SelectedIndex() == 1 {
		return stratplan.KindAction
	}
	return stratplan.KindPriority
}

func (p *duplicatesPanel) refresh() {
	doc := p.a.plan.Doc()
	all := doc.SuggestDuplicates(p.kindName(), 0)
	p.pairs = p.pairs[:0]
	for _, d := range all {
		if p.v.inScope(doc, d.A) || p.v.inScope(doc, d.B) {
			p.pairs = append(p.pairs, d)
		}
	}
	p.count.SetText(lang.N("{{.Count}} pairs to look at", len(p.pairs), map[string]any{"Count": len(p.pairs)}))
	p.list.Refresh()
}

func (p *duplicatesPanel) accept(i int) {
	if i < 0 || i >= len(p.pairs) {
		p.a.setStatus(lang.L("Choose an item first."))
		return
	}
	d, kind := p.pairs[i], p.kindName()
	if p.a.edit(func(ed *stratplan.Edit) error { return ed.LinkSame(kind, d.A.ID, d.B.ID) }) {
		p.a.setStatus(lang.L("Linked “{{.A}}” and “{{.B}}” as the same.", map[string]any{"A": d.A.Str("title"), "B": d.B.Str("title")}) + " " + lang.L("Ctrl+Z takes it back."))
		p.afterChange(i)
	}
}

func (p *duplicatesPanel) dismiss(i int) {
	if i < 0 || i >= len(p.pairs) {
		p.a.setStatus(lang.L("Choose an item first."))
		return
	}
	d := p.pairs[i]
	if p.a.edit(func(ed *stratplan.Edit) error { return ed.DismissDuplicate(d.A.ID, d.B.ID) }) {
		p.a.setStatus(lang.L("“{{.A}}” and “{{.B}}” are not the same: the pair is no longer suggested.", map[string]any{"A": d.A.Str("title"), "B": d.B.Str("title")}) + " " + lang.L("Ctrl+Z takes it back."))
		p.afterChange(i)
	}
}

// afterChange keeps the keyboard on the list, on the next pair.
func (p *duplicatesPanel) afterChange(i int) {
	if len(p.pairs) == 0 {
		return
	}
	p.list.pick(min(i, len(p.pairs)-1))
	p.a.win.Canvas().Focus(p.list)
}
