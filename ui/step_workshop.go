package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// workshopStep is step 1: the workshop's details and its participants.
type workshopStep struct {
	a   *App
	obj *fyne.Container

	empty   fyne.CanvasObject
	details fyne.CanvasObject

	title, venue, facilitator, date *commitEntry
	region                          *idSelect
	mode                            *widget.RadioGroup
	loading                         bool

	people *participantsView
	badges []*conflictBadge
	notes  *notesPanel
}

var modeLabels = []string{"Virtual", "In person", "Hybrid"}

func newWorkshopStep(a *App) stepView {
	s := &workshopStep{a: a}
	set := func(field string) func(string) {
		return func(v string) { s.set(field, strings.TrimSpace(v)) }
	}
	s.title = newCommitEntry(lang.L("e.g. West & Central Africa regional workshop"), set("title"))
	s.venue = newCommitEntry(lang.L("City and room, or the video platform"), set("venue"))
	s.facilitator = newCommitEntry(lang.L("Who runs the workshop"), set("facilitator"))
	s.date = newCommitEntry("YYYY-MM-DD", nil)
	s.date.Validator = validDate
	s.date.OnCommit = func(v string) {
		if validDate(v) != nil {
			a.setStatus(lang.L("Write dates as YYYY-MM-DD, e.g. 2026-09-14: the date was not saved."))
			return
		}
		s.set("date", strings.TrimSpace(v))
	}
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), s.pickDate)
	s.region = newIDSelect(lang.L("Choose the region"), func(id string) { s.set("region", id) })
	s.mode = widget.NewRadioGroup(translated(modeLabels), func(string) {
		if i := indexOf(s.mode.Options, s.mode.Selected); !s.loading && i >= 0 {
			s.set("mode", stratplan.WorkshopModes[i])
		}
	})
	s.mode.Horizontal = true

	// Each field gets a badge that appears when two laptops disagree on it.
	withBadge := func(field string, o fyne.CanvasObject) fyne.CanvasObject {
		b := newConflictBadge(a, field)
		s.badges = append(s.badges, b)
		return container.NewBorder(nil, nil, nil, b, o)
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title"), withBadge("title", s.title)),
		widget.NewFormItem(lang.L("Region"), withBadge("region", s.region.Select)),
		widget.NewFormItem(lang.L("Mode"), withBadge("mode", s.mode)),
		widget.NewFormItem(lang.L("Date"), withBadge("date", container.NewBorder(nil, nil, nil, pick, s.date))),
		widget.NewFormItem(lang.L("Venue or platform"), withBadge("venue", s.venue)),
		widget.NewFormItem(lang.L("Facilitator"), withBadge("facilitator", s.facilitator)),
	)
	s.people = newParticipantsView(a)
	s.notes = newNotesPanel(a, "workshop")
	s.details = container.NewBorder(
		container.NewVBox(heading(lang.L("Workshop")), form),
		s.notes.obj, nil, nil, s.people.object())

	create := widget.NewButtonWithIcon(lang.L("Create the first workshop"), theme.ContentAddIcon(), a.newWorkshop)
	create.Importance = widget.HighImportance
	msg := widget.NewLabel(lang.L("This plan has no workshop yet. A workshop holds its participants, survey, vision, scan, SWOT, priorities, actions and indicators."))
	msg.Wrapping = fyne.TextWrapWord
	s.empty = container.NewVBox(heading(lang.L("Workshop")), msg, container.NewHBox(create))
	s.obj = container.NewStack(s.details)
	return s
}

func (s *workshopStep) object() fyne.CanvasObject { return s.obj }

func (s *workshopStep) focus() {
	if s.a.workshop == "" {
		return
	}
	s.a.win.Canvas().Focus(s.title)
}

func (s *workshopStep) set(field, value string) {
	id := s.a.workshop
	if id == "" {
		return
	}
	s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(id, stratplan.KindWorkshop, stratplan.Set(field, stratplan.Text(value)))
	})
}

func (s *workshopStep) refresh() {
	doc := s.a.plan.Doc()
	e := doc.Entity(s.a.workshop)
	if e == nil {
		s.obj.Objects = []fyne.CanvasObject{s.empty}
		s.obj.Refresh()
		return
	}
	if s.obj.Objects[0] != s.details {
		s.obj.Objects = []fyne.CanvasObject{s.details}
		s.obj.Refresh()
	}
	s.loading = true
	defer func() { s.loading = false }()
	w := stratplan.WorkshopOf(e)
	c := s.a.win.Canvas()
	s.title.show(c, w.Title)
	s.venue.show(c, w.Venue)
	s.facilitator.show(c, w.Facilitator)
	s.date.show(c, w.Date)

	regions := doc.Regions()
	names, ids := make([]string, len(regions)), make([]string, len(regions))
	for i, r := range regions {
		names[i], ids[i] = r.Name, r.E.ID
	}
	s.region.fill(names, ids, w.Region, false)
	if i := indexOf(stratplan.WorkshopModes, w.Mode); i >= 0 {
		s.mode.SetSelected(s.mode.Options[i])
	} else {
		s.mode.SetSelected("")
	}
	for _, b := range s.badges {
		b.show(e.Key())
	}
	s.people.refresh()
	s.notes.refresh()
}

func (s *workshopStep) pickDate() {
	var pop *widget.PopUp
	start := time.Now()
	if t, err := time.Parse("2006-01-02", s.date.Text); err == nil {
		start = t
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		pop.Hide()
		s.date.SetText(t.Format("2006-01-02"))
		s.date.commit()
	})
	pop = widget.NewPopUp(cal, s.a.win.Canvas())
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.date)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, s.date.Size().Height)))
}

func validDate(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	_, err := time.Parse("2006-01-02", s)
	return err
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func translated(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.L(k)
	}
	return out
}

func indexOf(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}
