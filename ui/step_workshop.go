package ui

import (
	"fmt"
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
	a     *App
	obj   *fyne.Container
	frame *stepFrame

	empty   fyne.CanvasObject
	detail  *fyne.Container // the workshop's form, or with several workshops the list of them
	form    fyne.CanvasObject
	several *widget.Label
	list    fyne.CanvasObject // the workshops shown, with several

	title, venue, facilitator, date *commitEntry
	region                          *idSelect
	mode                            *choice
	loading                         bool

	people *participantsView
	badges []*conflictBadge
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
	pick := newFlatAction(theme.CalendarIcon(), "", s.pickDate)
	s.region = newIDSelect(lang.L("Choose the region"), lang.L("This plan has no regions yet: the Secretariat sets them up."), func(id string) { s.set("region", id) })
	s.mode = newChoice(translated(modeLabels), func(string) {
		if i := s.mode.SelectedIndex(); !s.loading && i >= 0 {
			s.set("mode", stratplan.WorkshopModes[i])
		}
	})

	// Each field gets a badge that appears when two laptops disagree on it.
	withBadge := func(field string, o fyne.CanvasObject) fyne.CanvasObject {
		b := newConflictBadge(a, field)
		s.badges = append(s.badges, b)
		return container.NewBorder(nil, nil, nil, b, o)
	}
	form := container.NewVBox(
		field(lang.L("Title"), withBadge("title", s.title), ""),
		field(lang.L("Region"), withBadge("region", s.region.Select), ""),
		field(lang.L("Mode"), withBadge("mode", s.mode), ""),
		field(lang.L("Date"), withBadge("date", container.NewBorder(nil, nil, nil, pick, s.date)), dateHint(), s.date),
		field(lang.L("Venue or platform"), withBadge("venue", s.venue), ""),
		field(lang.L("Facilitator"), withBadge("facilitator", s.facilitator), ""),
	)
	s.people = newParticipantsView(a)
	details := container.NewVScroll(container.NewVBox(widget.NewLabelWithStyle(lang.L("Details of the workshop"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), form))
	s.form = details
	s.several = widget.NewLabel("")
	s.several.Wrapping = fyne.TextWrapWord
	s.list = container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("All workshops"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.several))
	s.detail = container.NewStack(details)
	s.frame = newStepFrame(a, stepParts{
		Key:    "workshop",
		Title:  msg("Workshop"),
		Help:   msg("The workshop's details at the right are saved when you press Enter or leave a field. Add participants in the row above the table (Enter adds), or import them from a CSV file with the columns name, member, role."),
		Add:    s.people.quick,
		Body:   s.people.table.obj,
		Detail: s.detail,
		Wide:   true,
		Tools: []tool{
			{theme.UploadIcon(), msg("Import CSV…"), s.people.importDialog},
			{theme.DocumentCreateIcon(), msg("Edit"), func() { s.people.edit(s.people.selected) }},
			{theme.DeleteIcon(), msg("Remove"), func() { s.people.remove(s.people.selected) }},
		},
	})

	create := newButton(lang.L("Create the first workshop"), theme.ContentAddIcon(), a.newWorkshop)
	create.Importance = widget.HighImportance
	msg := widget.NewLabel(lang.L("This plan has no workshop yet. A workshop holds its participants, survey, vision, scan, SWOT, priorities, actions and indicators."))
	msg.Wrapping = fyne.TextWrapWord
	s.empty = container.NewVBox(heading(lang.L("Workshop")), msg, container.NewHBox(create))
	s.obj = container.NewStack(s.frame.object())
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
	e := doc.Get(stratplan.KindWorkshop, s.a.workshop)
	if e == nil && s.a.severalWorkshops() && len(doc.WorkshopsIn(s.a.scope())) > 0 {
		s.showSeveral()
		return
	}
	if e == nil {
		s.obj.Objects = []fyne.CanvasObject{s.empty}
		s.obj.Refresh()
		return
	}
	if s.obj.Objects[0] != s.frame.object() {
		s.obj.Objects = []fyne.CanvasObject{s.frame.object()}
		s.obj.Refresh()
	}
	if s.detail.Objects[0] != s.form {
		s.detail.Objects = []fyne.CanvasObject{s.form}
		s.detail.Refresh()
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
		s.mode.SetSelectedIndex(i)
	} else {
		s.mode.ClearSelected()
	}
	for _, b := range s.badges {
		b.show(e.Key())
	}
	s.people.refresh()
	s.frame.refresh()
}

// showSeveral lists the participants of every workshop shown and, in
// place of the form, the workshops themselves: their details are edited
// one workshop at a time.
func (s *workshopStep) showSeveral() {
	if s.obj.Objects[0] != s.frame.object() {
		s.obj.Objects = []fyne.CanvasObject{s.frame.object()}
		s.obj.Refresh()
	}
	doc := s.a.plan.Doc()
	count := map[string]int{}
	for _, p := range doc.ParticipantsIn(s.a.scope()) {
		count[doc.WorkshopOf(p.E)]++
	}
	lines := []string{lang.L("To change a workshop's details or add participants, choose one workshop at the top.")}
	for _, w := range doc.WorkshopsIn(s.a.scope()) {
		line := s.a.origin(w.E) + " — " + workshopLabel(w, doc)
		if w.Region != "" {
			line += " (" + doc.RegionName(w.Region) + ")"
		}
		lines = append(lines, line+" · "+lang.N("{{.Count}} participants", count[w.E.ID], map[string]any{"Count": count[w.E.ID]}))
	}
	s.several.SetText(strings.Join(lines, "\n\n"))
	if s.detail.Objects[0] != s.list {
		s.detail.Objects = []fyne.CanvasObject{s.list}
		s.detail.Refresh()
	}
	s.people.refresh()
	s.frame.refresh()
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
	s.a.win.Canvas().Unfocus() // Escape then closes the calendar
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

// present shows the workshop and who takes part.
func (s *workshopStep) present() fyne.CanvasObject {
	doc := s.a.plan.Doc()
	e := doc.Get(stratplan.KindWorkshop, s.a.workshop)
	if e == nil && s.a.severalWorkshops() {
		return s.presentSeveral()
	}
	if e == nil {
		return widget.NewLabel("")
	}
	w := stratplan.WorkshopOf(e)
	var facts []string
	for _, f := range []string{w.Date, w.Venue, doc.RegionName(w.Region), w.Facilitator} {
		if f != "" {
			facts = append(facts, f)
		}
	}
	t := newFitText(1, 2.4, nil)
	paras := []para{{text: w.Title, bold: true}, {text: strings.Join(facts, " · ")},
		{text: lang.L("Participants") + fmt.Sprintf(" (%d)", len(s.people.rows)), bold: true}}
	var names []string
	for _, p := range s.people.rows {
		n := p.Name
		if p.Member != "" {
			n += " (" + p.Member + ")"
		}
		names = append(names, n)
	}
	paras = append(paras, para{text: strings.Join(names, " · ")})
	t.set(paras)
	return t
}

// presentSeveral shows each workshop shown and who took part in it.
func (s *workshopStep) presentSeveral() fyne.CanvasObject {
	doc := s.a.plan.Doc()
	names := map[string][]string{}
	for _, p := range s.people.rows {
		n := p.Name
		if p.Member != "" {
			n += " (" + p.Member + ")"
		}
		ws := doc.WorkshopOf(p.E)
		names[ws] = append(names[ws], n)
	}
	var paras []para
	for _, w := range doc.WorkshopsIn(s.a.scope()) {
		head := s.a.origin(w.E) + " — " + workshopLabel(w, doc) + fmt.Sprintf(" (%d)", len(names[w.E.ID]))
		paras = append(paras, para{text: head, bold: true}, para{text: strings.Join(names[w.E.ID], " · ")})
	}
	t := newFitText(1, 2.4, nil)
	t.set(paras)
	return t
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
