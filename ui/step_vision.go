package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// visionStep is step 3: candidate vision statements, the room's dot
// votes, the one adopted, and the plan's mission.
type visionStep struct {
	a       *App
	frame   *stepFrame
	mission *commitEntry
	add     *entry
	list    *keyList
	voters  *voterBar
	who     *widget.Label
	items   []stratplan.Vision
	points  map[string]int
	rows    *wrappedRows
}

func newVisionStep(a *App) stepView {
	s := &visionStep{a: a}
	s.mission = newCommitEntry(lang.L("Why the organisation exists, in a sentence or two"), func(v string) {
		plan := a.plan.Doc().Plan()
		a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(plan, stratplan.KindPlan, stratplan.Set("mission", stratplan.Text(strings.TrimSpace(v))))
		})
	})
	s.mission.MultiLine = true
	s.mission.Wrapping = fyne.TextWrapWord
	s.mission.SetMinRowsVisible(5)
	s.add = newEntry(lang.L("Add a candidate vision statement…"))
	s.add.OnSubmitted = func(string) { s.addVision() }
	s.voters = newVoterBar(a, func(target string) bool {
		return a.plan.Doc().Get(stratplan.KindVision, target) != nil
	})
	s.list = newKeyList(func() int { return len(s.items) },
		func() fyne.CanvasObject {
			text := widget.NewLabel("")
			text.Wrapping = fyne.TextWrapWord
			star := widget.NewIcon(theme.ConfirmIcon())
			dots := widget.NewLabel("")
			minus := newTapIcon(theme.ContentRemoveIcon(), nil)
			plus := newTapIcon(theme.ContentAddIcon(), nil)
			return container.NewBorder(nil, nil, star, container.NewHBox(dots, minus, plus), text)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.items) {
				return
			}
			v := s.items[i]
			c := o.(*fyne.Container)
			text := c.Objects[0].(*widget.Label)
			text.SetText(s.a.tagged(v.E, v.Text))
			if v.Adopted {
				text.TextStyle = fyne.TextStyle{Bold: true}
			} else {
				text.TextStyle = fyne.TextStyle{}
			}
			text.Refresh()
			showIf(c.Objects[1], v.Adopted)
			right := c.Objects[2].(*fyne.Container)
			right.Objects[0].(*widget.Label).SetText(pointsText(s.points[v.E.ID]))
			id := v.E.ID
			right.Objects[1].(*tapIcon).OnTap = func() { s.voters.give(id, -1) }
			right.Objects[2].(*tapIcon).OnTap = func() { s.voters.give(id, +1) }
			right.Refresh() // the dots change width: lay the row out again
			c.Refresh()
		})
	s.rows = newWrappedRows(&s.list.List, s.list, 7, func() []string {
		texts := make([]string, len(s.items))
		for i, v := range s.items {
			texts[i] = s.a.tagged(v.E, v.Text)
		}
		return texts
	})
	// The adopted statement is drawn bold, after its ✓: measured so, its
	// wrapped lines never run into the next candidate.
	s.rows.Style = func(i int) fyne.TextStyle {
		return fyne.TextStyle{Bold: i < len(s.items) && s.items[i].Adopted}
	}
	s.rows.Icons = func(i int) int {
		if i < len(s.items) && s.items[i].Adopted {
			return 1
		}
		return 0
	}
	s.rows.Side = func(i int) float32 {
		if i >= len(s.items) {
			return 0
		}
		return fyne.MeasureText(pointsText(s.points[s.items[i].E.ID]), theme.TextSize(), fyne.TextStyle{}).Width
	}
	s.list.OnEdit, s.list.OnDelete = s.edit, s.remove
	s.list.OnRune = func(i widget.ListItemID, r rune) bool {
		switch r {
		case '+', '=':
			s.voters.give(s.items[i].E.ID, +1)
		case '-':
			s.voters.give(s.items[i].E.ID, -1)
		case 'a', 'A':
			s.adopt(i)
		default:
			return false
		}
		return true
	}
	// + and − in the empty quick-add row vote for the highlighted
	// statement, as in the list: no need to go down to it after picking
	// the voter.
	s.add.OnEmptyRune = func(r rune) bool {
		if i := s.list.selected; i >= 0 && i < len(s.items) && strings.ContainsRune("+=-", r) {
			return s.list.OnRune(i, r)
		}
		return false
	}
	s.who = widget.NewLabel("")
	s.who.Wrapping = fyne.TextWrapWord
	missionTitle := widget.NewLabelWithStyle(lang.L("Mission of the plan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	detail := container.NewVScroll(container.NewVBox(missionTitle, s.mission, widget.NewSeparator(), s.who))
	s.frame = newStepFrame(a, stepParts{
		Key:     "vision",
		Title:   msg("Vision"),
		Help:    msg("Type a statement and press Enter. To vote: choose the voter (first letters of the name, or Alt+↓), then in the list + and − give or take back a dot; A adopts, Enter edits, Delete removes."),
		Chooser: s.voters.obj,
		Add:     s.add,
		Body:    s.rows.obj,
		Detail:  detail,
		Tools: []tool{
			{theme.ConfirmIcon(), msg("Adopt"), func() { s.adopt(s.list.selected) }},
			{theme.DocumentCreateIcon(), msg("Edit"), func() { s.edit(s.list.selected) }},
			{theme.DeleteIcon(), msg("Delete"), func() { s.remove(s.list.selected) }},
		},
	})
	return s
}

func (s *visionStep) object() fyne.CanvasObject { return s.frame.object() }
func (s *visionStep) focus()                    { s.a.win.Canvas().Focus(s.add) }
func (s *visionStep) voterBar() *voterBar       { return s.voters }

// selectKey chooses a candidate vision.
func (s *visionStep) selectKey(k stratplan.Key) bool {
	for i, v := range s.items {
		if v.E.Key() == k {
			s.list.pick(i)
			s.a.win.Canvas().Focus(s.list)
			return true
		}
	}
	return false
}

func (s *visionStep) refresh() {
	doc := s.a.plan.Doc()
	s.mission.show(s.a.win.Canvas(), doc.PlanInfo().Mission)
	s.a.gateAdd(s.add, lang.L("Add a candidate vision statement…"))
	s.items = doc.VisionsIn(s.a.scope())
	s.points = stratplan.Points(doc.VotesIn(s.a.scope()))
	s.voters.refresh()
	s.who.SetText(s.voters.summary())
	s.rows.fit()
	s.list.Refresh()
	s.frame.refresh()
}

func (s *visionStep) addVision() {
	text := strings.TrimSpace(s.add.Text)
	ws := s.a.workshop
	if text == "" || ws == "" {
		return
	}
	if s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(stratplan.NewID(), stratplan.KindVision, stratplan.Set("text", stratplan.Text(text)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
	}) {
		s.add.SetText("")
		s.list.ScrollToBottom()
	}
}

func (s *visionStep) adopt(i int) {
	if i < 0 || i >= len(s.items) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	id, ws := s.items[i].E.ID, s.a.plan.Doc().WorkshopOf(s.items[i].E) // adopted by its own workshop
	if s.a.edit(func(ed *stratplan.Edit) error { return ed.AdoptVision(ws, id) }) {
		s.a.setStatus(lang.L("Vision adopted: it now heads every step."))
	}
}

func (s *visionStep) remove(i int) {
	if i < 0 || i >= len(s.items) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	v := s.items[i]
	if s.a.deleteWithUndo(v.E.Key(), deleted(v.Text)) {
		s.list.pick(min(i, len(s.items)-1))
	}
}

func (s *visionStep) edit(i int) {
	if i < 0 || i >= len(s.items) {
		s.a.setStatus(lang.L("Choose an item first."))
		return
	}
	v := s.items[i]
	text := newMultiLineEntry("")
	text.SetText(v.Text)
	text.SetMinRowsVisible(4)
	f := s.a.showForm(lang.L("Edit vision statement"), lang.L("Save"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Text"), text)}, func() {
			if t := strings.TrimSpace(text.Text); t != "" {
				s.a.edit(func(ed *stratplan.Edit) error {
					return ed.Set(v.E.ID, stratplan.KindVision, stratplan.Set("text", stratplan.Text(t)))
				})
				s.a.win.Canvas().Focus(s.list)
			}
		}, fyne.NewSize(640, 0))
	submitOnEnter(text, f)
	s.a.win.Canvas().Focus(text)
}

// present shows every candidate with its votes, the adopted one first
// marked and bold: the room sees what it chose and what it chose from.
func (s *visionStep) present() fyne.CanvasObject {
	t := newFitText(1, 3, nil)
	var adopted, others []para
	for _, v := range s.items {
		text := s.a.tagged(v.E, v.Text)
		if n := s.points[v.E.ID]; n > 0 {
			text += " — " + lang.N("{{.Count}} votes", n, map[string]any{"Count": n})
		}
		if v.Adopted {
			adopted = append(adopted, para{text: lang.L("Adopted:") + " " + text, bold: true})
		} else {
			others = append(others, para{text: "• " + text})
		}
	}
	t.set(append(adopted, others...))
	return t
}
