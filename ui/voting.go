package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// voterBar enters the room's dot votes: the facilitator picks who is
// voting (typing the first letters of a name, or Alt+↓ / Alt+↑ for the
// next or previous participant, from anywhere in the step), then gives or
// takes back that person's dots with + and −. Each name in the list shows
// the dots that person has left, and the bar says how many have voted.
type voterBar struct {
	a         *App
	sel       *idSelect
	remaining *widget.Label
	counted   func(target string) bool
	obj       fyne.CanvasObject
	left      map[string]int // dots left, by participant
	people    []stratplan.Participant
	// OnChanged, if set, runs when the user chooses another voter.
	OnChanged func()
}

func newVoterBar(a *App, counted func(target string) bool) *voterBar {
	v := &voterBar{a: a, counted: counted}
	v.sel = newIDSelect(lang.L("Who is voting?"), lang.L("Add the participants first, in step 1: each of them has dots to give."), func(string) {
		v.showRemaining()
		if v.OnChanged != nil {
			v.OnChanged()
		}
	})
	v.remaining = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.remaining.Truncation = fyne.TextTruncateEllipsis
	v.obj = container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Voter")), fixedUnits(17, v.sel.Select)), nil, v.remaining)
	return v
}

// voter returns the participant voting, or "".
func (v *voterBar) voter() string { return v.sel.id() }

func (v *voterBar) dots() int {
	if e := v.a.plan.Doc().Get(stratplan.KindWorkshop, v.a.workshop); e != nil {
		return stratplan.WorkshopOf(e).Dots
	}
	return stratplan.DefaultDots
}

func (v *voterBar) refresh() {
	doc := v.a.plan.Doc()
	if v.a.workshop == "" {
		// Each workshop votes with its own participants and dots.
		v.people, v.left = nil, nil
		v.sel.fill(nil, nil, "", false)
		v.sel.Select.Disable()
		v.remaining.SetText(lang.L("Choose one workshop to vote."))
		return
	}
	v.sel.Select.Enable()
	v.people = doc.Participants(v.a.workshop)
	votes := doc.Votes(v.a.workshop)
	dots := v.dots()
	v.left = map[string]int{}
	names, ids := make([]string, len(v.people)), make([]string, len(v.people))
	for i, p := range v.people {
		left := stratplan.RemainingDots(dots, p.E.ID, votes, v.counted)
		v.left[p.E.ID] = left
		names[i], ids[i] = p.Name, p.E.ID
		if p.Member != "" {
			names[i] += " (" + p.Member + ")"
		}
		names[i] += " · " + lang.L("{{.Left}} of {{.Dots}} left", map[string]any{"Left": left, "Dots": dots})
	}
	v.sel.fill(names, ids, v.voter(), false)
	v.showRemaining()
}

func (v *voterBar) showRemaining() {
	if v.a.workshop == "" {
		return
	}
	if who := v.voter(); who != "" {
		left := v.left[who]
		v.remaining.SetText(lang.N("{{.Count}} dots left", left, map[string]any{"Count": left}))
		if left < 0 {
			v.remaining.Importance = widget.DangerImportance
		} else {
			v.remaining.Importance = widget.MediumImportance
		}
		v.remaining.Refresh()
	} else {
		v.remaining.SetText(lang.L("Choose a voter")) // the help says the rest
	}
}

// summary says who has given all their dots and who has not, for the room
// to see at a glance.
func (v *voterBar) summary() string {
	var done int
	var waiting []string
	for _, p := range v.people {
		if v.left[p.E.ID] <= 0 {
			done++
		} else {
			waiting = append(waiting, p.Name)
		}
	}
	if v.a.workshop == "" {
		return ""
	}
	s := lang.N("{{.Done}} of {{.All}} participants have given all their dots.", done, map[string]any{"Done": done, "All": len(v.people)})
	if len(waiting) > 0 {
		s += " " + lang.L("Not yet: {{.Names}}.", map[string]any{"Names": strings.Join(waiting, ", ")})
	}
	return s
}

// pointsOf is the voter's points on a target.
func (v *voterBar) pointsOf(voter, target string) int {
	if e := v.a.plan.Doc().Get(stratplan.KindVote, stratplan.VoteID(voter, target)); e != nil && !e.Deleted() {
		n, _ := e.Value("points").Int()
		return n
	}
	return 0
}

// give changes the voter's points on target by delta, within their dots.
func (v *voterBar) give(target string, delta int) {
	if v.a.needOne() {
		return
	}
	who := v.voter()
	if who == "" {
		v.a.setStatus(lang.L("Choose who is voting first: type the first letters of a name, or Alt+↓."))
		v.a.win.Canvas().Focus(v.sel.Select)
		return
	}
	cur := v.pointsOf(who, target)
	next := cur + delta
	if next < 0 {
		return
	}
	if delta > 0 && v.left[who] < delta {
		v.a.setStatus(lang.L("{{.Name}} has no dots left.", map[string]any{"Name": v.name(who)}))
		return
	}
	ws := v.a.workshop
	v.a.edit(func(ed *stratplan.Edit) error { return ed.SetVote(ws, who, target, next) })
}

func (v *voterBar) name(id string) string { return voterName(v.a.plan.Doc(), id) }

// voterName is the name of the participant with that id, or the id.
func voterName(doc *stratplan.Document, id string) string {
	if e := doc.Get(stratplan.KindParticipant, id); e != nil && e.Str("name") != "" {
		return e.Str("name")
	}
	return id
}

// step chooses the next (+1) or previous (−1) participant.
func (v *voterBar) step(delta int) {
	v.sel.Select.step(delta)
	if who := v.voter(); who != "" {
		v.a.setStatus(lang.N("Voting: {{.Name}}, {{.Count}} dots left.", v.left[who], map[string]any{"Name": v.name(who), "Count": v.left[who]}))
	}
}

// voting is a step where the room votes.
type voting interface{ voterBar() *voterBar }

// stepVoter chooses the next or previous voter in the step on screen.
func (a *App) stepVoter(delta int) {
	if v, ok := a.views[a.current].(voting); ok {
		v.voterBar().step(delta)
		return
	}
	a.setStatus(lang.L("The room votes in steps 3 (Vision) and 6 (Priorities)."))
}

// pointsText shows points as a number and dots, for the room to see.
func pointsText(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%d %s", n, strings.Repeat("●", min(n, 10)))
}
