package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// kindNames name the kinds for people.
var kindNames = map[string]string{
	stratplan.KindPlan: "Plan", stratplan.KindReplica: "Laptop", stratplan.KindRegion: "Region",
	stratplan.KindWorkshop: "Workshop", stratplan.KindParticipant: "Participant", stratplan.KindSurveyScore: "Survey score",
	stratplan.KindObjective: "Objective", stratplan.KindVision: "Vision", stratplan.KindScanFactor: "Scan factor",
	stratplan.KindSWOT: "SWOT item", stratplan.KindPriority: "Priority", stratplan.KindVote: "Vote",
	stratplan.KindAction: "Action", stratplan.KindDeliverable: "Deliverable", stratplan.KindIndicator: "Indicator",
	stratplan.KindTargetRevision: "Target revision", stratplan.KindMeasurement: "Measurement", stratplan.KindNote: "Notes",
}

func kindName(kind string) string {
	if n, ok := kindNames[kind]; ok {
		return lang.L(n)
	}
	return kind
}

// conflictsView lists every conflict of the plan and settles the one
// chosen, side by side.
type conflictsView struct {
	a        *App
	obj      fyne.CanvasObject
	list     *keyList
	detail   *fyne.Container
	count    *widget.Label
	items    []stratplan.Conflict
	selected int

	tabs     *container.AppTabs
	warnList *widget.List
	warnings []stratplan.Warning
	warnRows *wrappedRows
	frame    *stepFrame
}

func newConflictsView(a *App) stepView {
	v := &conflictsView{a: a, selected: -1}
	v.count = widget.NewLabel("")
	v.count.Wrapping = fyne.TextWrapWord
	v.list = newKeyList(func() int { return len(v.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := v.items[i]
			o.(*fyne.Container).Objects[0].(*widget.Label).SetText(conflictTitle(c))
		})
	v.list.OnSelect = func(i widget.ListItemID) {
		if i >= 0 {
			v.selected = i
			v.showDetail()
		}
	}
	v.detail = container.NewStack()
	split := container.NewHSplit(v.list, container.NewVScroll(v.detail))
	split.Offset = 0.4
	v.warnList = widget.NewList(func() int { return len(v.warnings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.warningText(i)) })
	v.warnRows = newWrappedRows(v.warnList, v.warnList, 0, func() []string {
		texts := make([]string, len(v.warnings))
		for i := range v.warnings {
			texts[i] = v.warningText(i)
		}
		return texts
	})
	warnAbout := widget.NewLabel(lang.L("Values this version cannot use, and links to things that were deleted. The data is kept as it came; correct it where it is shown."))
	warnAbout.Wrapping = fyne.TextWrapWord
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Conflicts"), theme.WarningIcon(), container.NewBorder(v.count, nil, nil, nil, split)),
		container.NewTabItemWithIcon(lang.L("Warnings"), theme.InfoIcon(), container.NewBorder(warnAbout, nil, nil, nil, v.warnRows.obj)))
	v.frame = newStepFrame(a, stepParts{Key: "conflicts", Title: "Conflicts", Body: v.tabs, NoNotes: true})
	v.obj = v.frame.object()
	return v
}

func (v *conflictsView) warningText(i int) string {
	w := v.warnings[i]
	label := w.ID
	if e := v.a.plan.Doc().Get(w.Kind, w.ID); e != nil {
		label = e.Label()
	}
	return fmt.Sprintf("%s · %s: %s — %s", kindName(w.Kind), w.Field, label, w.Msg)
}

func conflictTitle(c stratplan.Conflict) string {
	if c.DeletionConflict() {
		return fmt.Sprintf("%s · %s: %s", kindName(c.Entity.Kind), lang.L("deleted and edited"), c.Entity.Label())
	}
	return fmt.Sprintf("%s · %s: %s", kindName(c.Entity.Kind), c.Field, c.Entity.Label())
}

func (v *conflictsView) object() fyne.CanvasObject { return v.obj }
func (v *conflictsView) focus()                    { v.a.win.Canvas().Focus(v.list) }

func (v *conflictsView) refresh() {
	v.warnings = v.a.plan.Doc().Validate()
	v.tabs.Items[0].Text = fmt.Sprintf("%s (%d)", lang.L("Conflicts"), len(v.a.plan.Doc().Conflicts()))
	v.tabs.Items[1].Text = fmt.Sprintf("%s (%d)", lang.L("Warnings"), len(v.warnings))
	v.tabs.Refresh()
	v.warnRows.fit()
	v.warnList.Refresh()
	v.items = v.a.plan.Doc().Conflicts()
	if len(v.items) == 0 {
		v.count.SetText(lang.L("No conflicts. When two laptops change the same thing without seeing each other's change, both versions are kept and listed here for you to choose."))
	} else {
		v.count.SetText(lang.N("{{.Count}} conflicts. Choose one, then keep one version or write a combined one; your choice travels with your next bundle and settles it everywhere.", len(v.items), map[string]any{"Count": len(v.items)}))
	}
	if v.selected >= len(v.items) || v.selected < 0 && len(v.items) > 0 {
		v.selected = min(max(v.selected, 0), len(v.items)-1)
	}
	v.list.Refresh()
	if v.selected >= 0 {
		v.list.pick(v.selected)
	}
	v.showDetail()
}

func (v *conflictsView) showDetail() {
	if v.selected < 0 || v.selected >= len(v.items) {
		v.detail.Objects = nil
		v.detail.Refresh()
		return
	}
	v.detail.Objects = []fyne.CanvasObject{v.a.conflictDetail(v.items[v.selected], nil)}
	v.detail.Refresh()
}

// conflictDetail shows the competing values of a conflict, who wrote each
// and when, with a way to keep one or write a combined value. done runs
// after the conflict is settled.
func (a *App) conflictDetail(c stratplan.Conflict, done func()) fyne.CanvasObject {
	doc := a.plan.Doc()
	k := c.Entity.Key()
	settle := func(field string, v stratplan.Value) {
		if a.edit(func(ed *stratplan.Edit) error { return ed.Resolve(k, field, v) }) {
			a.setStatus(lang.L("Conflict settled. Export a bundle to settle it on the other laptops too."))
			if done != nil {
				done()
			}
		}
	}
	box := container.NewVBox(widget.NewLabelWithStyle(conflictTitle(c), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	whos := make([]string, len(c.Vals))
	seen := map[string]int{}
	for i, val := range c.Vals {
		whos[i] = writerOf(doc, val)
		seen[whos[i]]++
	}
	for i, val := range c.Vals {
		who := whos[i]
		if seen[who] > 1 { // two laptops with the same name: tell them apart
			who += " · " + val.Dot.Replica
		}
		var text, keep string
		var choose func()
		switch {
		case c.DeletionConflict() && i == 0:
			text = lang.L("Deleted")
			keep = lang.L("Delete it")
			choose = func() { settle(stratplan.FieldDeleted, stratplan.Bool(true)) }
		case c.DeletionConflict():
			text = lang.L("Edited at the same time: {{.Value}}", map[string]any{"Value": val.V.String()})
			keep = lang.L("Keep the item")
			choose = func() { settle(stratplan.FieldDeleted, stratplan.Bool(false)) }
		default:
			text = val.V.String()
			keep = lang.L("Keep this version")
			v := val.V
			choose = func() { settle(c.Field, v) }
		}
		body := widget.NewLabel(text)
		body.Wrapping = fyne.TextWrapWord
		btn := newButton(keep, theme.ConfirmIcon(), choose)
		if c.DeletionConflict() && i > 1 {
			btn.Hide() // one "keep" is enough for all the edits
		}
		box.Add(widget.NewCard("", who, container.NewBorder(nil, nil, nil, btn, body)))
	}
	if !c.DeletionConflict() && c.Field != stratplan.FieldDeleted {
		combined := newMultiLineEntry(lang.L("Or write a combined version…"))
		save := newButton(lang.L("Save combined version"), theme.DocumentSaveIcon(), func() {
			if t := strings.TrimSpace(combined.Text); t != "" {
				settle(c.Field, stratplan.Text(t))
			}
		})
		box.Add(container.NewBorder(nil, nil, nil, save, combined))
	}
	return box
}

// writerOf says who wrote a value and when: the laptop's label and region.
func writerOf(doc *stratplan.Document, v stratplan.Val) string {
	r := doc.ReplicaInfo(v.Dot.Replica)
	who := r.Label
	if who == "" {
		who = v.Dot.Replica
	}
	if r.Region != "" {
		who += " (" + doc.RegionName(r.Region) + ")"
	}
	return lang.L("{{.Who}}, {{.When}}", map[string]any{"Who": who, "When": v.At.Time().Local().Format("2006-01-02 15:04")})
}

// showConflict opens the conflict of one field in a dialog.
func (a *App) showConflict(k stratplan.Key, field string) {
	if c, ok := a.plan.Doc().ConflictOf(k, field); ok {
		a.conflictDialog(c)
	}
}

func (a *App) conflictDialog(c stratplan.Conflict) {
	var m *modal
	content := a.conflictDetail(c, func() { m.confirm() })
	m = a.newModal(lang.L("Settle a conflict"), container.NewVScroll(content))
	m.setButtons(newButton(lang.L("Later"), nil, m.dismiss))
	m.show(fyne.NewSize(640, 480))
}

// conflictBadge is a warning button next to a field that opens its
// conflict; it is hidden while the field has none.
type conflictBadge struct {
	*widget.Button
	a     *App
	key   stratplan.Key
	field string
}

func newConflictBadge(a *App, field string) *conflictBadge {
	b := &conflictBadge{a: a, field: field}
	b.Button = widget.NewButtonWithIcon("", theme.WarningIcon(), func() { a.showConflict(b.key, b.field) })
	b.Importance = widget.WarningImportance
	b.Hide()
	return b
}

// show points the badge at an entity and shows it when the field is in
// conflict.
func (b *conflictBadge) show(k stratplan.Key) {
	b.key = k
	if _, ok := b.a.plan.Doc().ConflictOf(k, b.field); ok {
		b.Button.Show()
	} else {
		b.Button.Hide()
	}
}

// settleEntity opens the conflict of an entity: its deletion conflict or
// its first conflicting field.
func (a *App) settleEntity(e *stratplan.Entity) {
	for _, c := range a.plan.Doc().Conflicts() {
		if c.Entity.Key() == e.Key() {
			a.conflictDialog(c)
			return
		}
	}
}

func showIf(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}
