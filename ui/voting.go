package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// voterBar enters the room's dot votes: the facilitator picks who is
// voting, then gives or takes back that person's dots with + and −. It
// shows how many dots the voter has left among the targets it counts.
type voterBar struct {
	a         *App
	sel       *idSelect
	remaining *widget.Label
	counted   func(target string) bool
	obj       fyne.CanvasObject
}

func newVoterBar(a *App, counted func(target string) bool) *voterBar {
	v := &voterBar{a: a, counted: counted}
	v.sel = newIDSelect(lang.L("Who is voting?"), func(string) { v.showRemaining() })
	v.remaining = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.obj = container.NewHBox(widget.NewLabel(lang.L("Voter")), container.NewGridWrap(fyne.NewSize(260, v.sel.Select.MinSize().Height), v.sel.Select), v.remaining)
	return v
}

// voter returns the participant voting, or "".
func (v *voterBar) voter() string { return v.sel.id() }

func (v *voterBar) dots() int {
	if e := v.a.plan.Doc().Entity(v.a.workshop); e != nil {
		return stratplan.WorkshopOf(e).Dots
	}
	return stratplan.DefaultDots
}

func (v *voterBar) refresh() {
	ps := v.a.plan.Doc().Participants(v.a.workshop)
	names, ids := make([]string, len(ps)), make([]string, len(ps))
	for i, p := range ps {
		names[i], ids[i] = p.Name, p.E.ID
		if p.Member != "" {
			names[i] += " (" + p.Member + ")"
		}
	}
	v.sel.fill(names, ids, v.voter(), false)
	v.showRemaining()
}

func (v *voterBar) showRemaining() {
	if who := v.voter(); who != "" {
		left := stratplan.RemainingDots(v.dots(), who, v.a.plan.Doc().Votes(v.a.workshop), v.counted)
		v.remaining.SetText(lang.N("{{.Count}} dots left", left, map[string]any{"Count": left}))
		if left < 0 {
			v.remaining.Importance = widget.DangerImportance
		} else {
			v.remaining.Importance = widget.MediumImportance
		}
		v.remaining.Refresh()
	} else {
		v.remaining.SetText(lang.L("Choose who is voting, then press + or − on an item."))
	}
}

// pointsOf is the voter's points on a target.
func (v *voterBar) pointsOf(voter, target string) int {
	if e := v.a.plan.Doc().Entity(stratplan.VoteID(voter, target)); e != nil && !e.Deleted() {
		n, _ := e.Value("points").Int()
		return n
	}
	return 0
}

// give changes the voter's points on target by delta, within their dots.
func (v *voterBar) give(target string, delta int) {
	who := v.voter()
	if who == "" {
		v.a.setStatus(lang.L("Choose who is voting first."))
		v.a.win.Canvas().Focus(v.sel.Select)
		return
	}
	cur := v.pointsOf(who, target)
	next := cur + delta
	if next < 0 {
		return
	}
	if delta > 0 && stratplan.RemainingDots(v.dots(), who, v.a.plan.Doc().Votes(v.a.workshop), v.counted) < delta {
		v.a.setStatus(lang.L("{{.Name}} has no dots left.", map[string]any{"Name": v.sel.Select.Selected}))
		return
	}
	ws := v.a.workshop
	v.a.edit(func(ed *stratplan.Edit) error { return ed.SetVote(ws, who, target, next) })
}

// pointsText shows points as dots for the room to see.
func pointsText(n int) string {
	if n <= 0 {
		return ""
	}
	dots := ""
	for i := 0; i < min(n, 12); i++ {
		dots += "●"
	}
	return fmt.Sprintf("%d %s", n, dots)
}
