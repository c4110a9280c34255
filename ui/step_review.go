package ui

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"runtime/debug"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/export"
)

// reviewStep is step 10: what the workshop still lacks, each line leading
// to the step that fixes it, and beside it the report's first page and the
// exports.
type reviewStep struct {
	a       *App
	frame   *stepFrame
	summary *widget.Label
	list    *keyList
	rows    *wrappedRows
	items   []stratplan.ReviewItem
	from    []string // with all workshops: the workshop each line is about

	preview         *canvas.Image
	previewNote     *widget.Label
	paper, language *choice
	pdf             *button

	drawn   previewOf // what the preview shown was drawn from
	drawing bool      // a preview is being drawn
	again   bool      // the plan changed while it was
}

// previewOf is what a preview is drawn from: the plan as last saved, the
// workshop and the report's options.
type previewOf struct {
	saved       time.Time
	n           int
	workshop    string
	paper, lang string
}

// previewDPMM is the preview's resolution, in dots per millimetre: an A4
// page of 630 × 891, sharp at the pane's width.
const previewDPMM = 3

// reviewStepWidth is the width of the step names' column, in text sizes.
const reviewStepWidth = 13

func newReviewStep(a *App) stepView {
	s := &reviewStep{a: a}
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.list = newKeyList(func() int { return len(s.items) },
		func() fyne.CanvasObject { return newReviewRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.items) {
				return
			}
			s.fillRow(i, o.(*reviewRow))
		})
	s.list.OnEdit = s.open
	s.rows = newWrappedRows(&s.list.List, s.list, reviewStepWidth+2, func() []string {
		texts := make([]string, len(s.items))
		for i := range s.items {
			texts[i] = s.text(i)
		}
		return texts
	})
	body := container.New(newBorder(s.summary, nil), s.summary, s.rows.obj)

	s.preview = canvas.NewImageFromImage(nil)
	s.preview.FillMode = canvas.ImageFillContain
	s.preview.ScaleMode = canvas.ImageScaleSmooth
	s.previewNote = widget.NewLabel("")
	s.previewNote.Wrapping = fyne.TextWrapWord
	s.previewNote.SizeName = theme.SizeNameCaptionText
	s.paper, s.language = a.reportChoices(func() { s.refreshPreview() })
	s.pdf = newButton(lang.L("Workshop report (PDF)…"), theme.DocumentIcon(), a.exportReport)
	s.pdf.Importance = widget.HighImportance
	xlsx := newButton(lang.L("Spreadsheet (xlsx)…"), theme.GridIcon(), a.exportSpreadsheet)
	bundle := newButton(lang.L("Bundle for the Secretariat…"), theme.MailSendIcon(), a.exportBundle)
	options := container.NewGridWithColumns(2, field(lang.L("Paper"), s.paper, ""), field(lang.L("Language"), s.language, ""))
	bottom := canvas.NewRectangle(color.Transparent) // the last button clear of the window's edge
	bottom.SetMinSize(fyne.NewSize(0, theme.Padding()))
	exports := container.NewVBox(widget.NewSeparator(), options, s.pdf, xlsx, bundle, bottom)
	detail := container.NewBorder(s.previewNote, exports, nil, nil, s.preview)

	s.frame = newStepFrame(a, stepParts{
		Key:    "review",
		Title:  msg("Review & export"),
		Help:   msg("Each line is something the workshop still lacks. Enter or a double click on a line opens the step where it is fixed, with the item chosen. At the right: the report's first page, and the exports."),
		Body:   body,
		Detail: detail,
		Wide:   true,
		Tools:  []tool{{theme.NavigateNextIcon(), msg("Go to the step"), func() { s.open(s.list.target()) }}},
	})
	return s
}

func (s *reviewStep) object() fyne.CanvasObject { return s.frame.object() }

// focus gives the keyboard to the checklist, so that Enter opens a line;
// with nothing missing, to the report's button.
func (s *reviewStep) focus() {
	if len(s.items) > 0 {
		s.a.win.Canvas().Focus(s.list)
		return
	}
	s.a.win.Canvas().Focus(s.pdf)
}

func (s *reviewStep) refresh() {
	doc := s.a.plan.Doc()
	s.items, s.from = nil, nil
	several := s.a.severalWorkshops()
	switch {
	case s.a.workshop != "":
		s.items = doc.Review(s.a.workshop)
	case several:
		// Every workshop in view, step by step, each line naming its
		// workshop.
		// The plan's set-up is every workshop's: its lines come once,
		// naming no workshop.
		type line struct {
			lack  stratplan.Lack
			at    stratplan.Key
			field string
		}
		planWide := map[line]bool{}
		for _, w := range doc.WorkshopsIn(s.a.scope()) {
			for _, it := range doc.Review(w.E.ID) {
				from := w.E.ID
				if it.Step == 0 {
					l := line{it.Lack, it.At, it.Field}
					if planWide[l] {
						continue
					}
					planWide[l], from = true, ""
				}
				s.items = append(s.items, it)
				s.from = append(s.from, from)
			}
		}
		order := make([]int, len(s.items))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(x, y int) int { return s.items[x].Step - s.items[y].Step })
		items, from := make([]stratplan.ReviewItem, len(order)), make([]string, len(order))
		for i, j := range order {
			items[i], from[i] = s.items[j], s.from[j]
		}
		s.items, s.from = items, from
	}
	switch {
	case s.a.workshop == "" && !several:
		s.summary.Importance = widget.MediumImportance
		s.summary.SetText(lang.L("This plan has no workshop yet: create one with + at the top, then fill in its steps."))
	case len(s.items) == 0 && several:
		s.summary.Importance = widget.SuccessImportance
		s.summary.SetText(lang.L("Nothing missing: every workshop shown is ready to close."))
	case len(s.items) == 0:
		s.summary.Importance = widget.SuccessImportance
		s.summary.SetText(lang.L("Nothing missing: this workshop is ready to close."))
	default:
		s.summary.Importance = widget.MediumImportance
		s.summary.SetText(lang.N("{{.Count}} things are still missing. Enter on a line opens the step where it is fixed.", len(s.items), map[string]any{"Count": len(s.items)}))
	}
	if s.list.selected >= len(s.items) {
		s.list.UnselectAll()
	}
	if s.a.workshop == "" {
		s.pdf.Disable()
	} else {
		s.pdf.Enable()
	}
	s.rows.fit()
	s.list.Refresh()
	s.syncChoices()
	s.refreshPreview()
	s.frame.refresh()
}

// syncChoices shows the paper and language chosen, which the export
// dialog may have changed.
func (s *reviewStep) syncChoices() {
	o := s.a.reportOpts()
	if i := indexOf(paperCodes, o.paper); s.paper.SelectedIndex() != i {
		s.paper.SetSelectedIndex(i)
	}
	if i := indexOf(langCodes, o.lang); s.language.SelectedIndex() != i {
		s.language.SetSelectedIndex(i)
	}
}

func (s *reviewStep) fillRow(i int, r *reviewRow) {
	it := s.items[i]
	first := i == 0 || s.items[i-1].Step != it.Step
	r.step.SetText(reviewStepName(it.Step))
	r.step.TextStyle = fyne.TextStyle{Bold: first}
	r.step.Importance = widget.MediumImportance
	if !first {
		r.step.Importance = widget.LowImportance // the same step as above
	}
	r.step.Refresh()
	r.text.SetText(s.text(i))
	if it.Lack == stratplan.LackConflict || it.Lack == stratplan.LackDates {
		r.icon.SetResource(theme.WarningIcon())
	} else {
		r.icon.SetResource(theme.CheckButtonIcon())
	}
	r.onTap = func() {
		s.list.pick(i)
		focusOnPick(s.list)
	}
	r.onDoubleTap = func() { s.open(i) }
}

// present shows the checklist to the room, step by step.
func (s *reviewStep) present() fyne.CanvasObject {
	list := newFitText(1, 2.2, nil)
	paras := []para{{text: s.summary.Text}}
	for i, it := range s.items {
		if i == 0 || s.items[i-1].Step != it.Step {
			paras = append(paras, para{text: reviewStepName(it.Step), bold: true})
		}
		paras = append(paras, para{text: "• " + s.text(i)})
	}
	list.set(paras)
	return list
}

// text is line i as the list shows it: after the short name of its
// workshop when the step shows several.
func (s *reviewStep) text(i int) string {
	t := reviewText(s.items[i])
	if i < len(s.from) {
		if o, ok := s.a.origins[s.from[i]]; ok {
			return o + " · " + t
		}
	}
	return t
}

// open goes to the step where line i is fixed. A step left empty is
// filled in one workshop: with all workshops shown, that workshop is
// chosen first.
func (s *reviewStep) open(i int) {
	if i < 0 || i >= len(s.items) {
		return
	}
	it := s.items[i]
	if i < len(s.from) && it.Lack == stratplan.LackEmptyStep {
		s.a.selectWorkshop(s.from[i])
	}
	s.a.goToReviewItem(it)
}

// reviewStepName is "7  Actions", or "Plan" for the plan's set-up.
func reviewStepName(step int) string {
	if step < 1 || step > len(steps) {
		return lang.L("Plan")
	}
	return fmt.Sprintf("%d  %s", step, steps[step-1].title())
}

// reviewText says what a review line lacks, in the user's language.
func reviewText(it stratplan.ReviewItem) string {
	v := map[string]any{"Label": it.Label}
	switch it.Lack {
	case stratplan.LackEmptyStep:
		return lang.L("Nothing entered in this step yet")
	case stratplan.LackAdoptedVision:
		return lang.L("No vision is adopted yet: adopt one of the candidates")
	case stratplan.LackAction:
		return lang.L("The priority “{{.Label}}” has no action", v)
	case stratplan.LackPriorityIndicator:
		return lang.L("The priority “{{.Label}}” has no indicator, nor have its actions", v)
	case stratplan.LackOwner:
		return lang.L("The action “{{.Label}}” has no owner", v)
	case stratplan.LackDue:
		return lang.L("The action “{{.Label}}” has no due date", v)
	case stratplan.LackDates:
		return lang.L("The action “{{.Label}}” is due before it starts", v)
	case stratplan.LackActionIndicator:
		return lang.L("The action “{{.Label}}” has no indicator, nor has its priority", v)
	case stratplan.LackBaseline:
		return lang.L("The indicator “{{.Label}}” has no baseline", v)
	case stratplan.LackTarget:
		return lang.L("The indicator “{{.Label}}” has no target", v)
	case stratplan.LackUnreadableBaseline:
		return lang.L("The baseline of the indicator “{{.Label}}” is not a number", v)
	case stratplan.LackUnreadableTarget:
		return lang.L("The target of the indicator “{{.Label}}” is not a number", v)
	case stratplan.LackConflict:
		return lang.L("{{.Kind}} “{{.Label}}”: two versions of {{.Field}} to settle",
			map[string]any{"Kind": kindName(it.At.Kind), "Label": it.Label, "Field": it.Field})
	}
	return it.String()
}

// keySelector is a step that can choose one of its items by key.
type keySelector interface {
	selectKey(k stratplan.Key) bool
}

// goToReviewItem shows the step where a review line is fixed, with its
// entity chosen where the step lists it, and the conflict of a conflict
// line open.
func (a *App) goToReviewItem(it stratplan.ReviewItem) {
	page := pageIndex("plan")
	if it.Step >= 1 && it.Step <= len(steps) {
		page = it.Step - 1
	}
	e := a.plan.Doc().Get(it.At.Kind, it.At.ID)
	// The Actions and Indicators steps show one priority (or action) at a
	// time: open them on the one the line is about.
	if e != nil {
		switch {
		case it.At.Kind == stratplan.KindPriority && (page == stepActions || page == stepIndicators):
			a.focusPriority = e.ID
		case it.At.Kind == stratplan.KindAction && page == stepActions:
			a.focusPriority = e.Str("priority")
		case it.At.Kind == stratplan.KindAction && page == stepIndicators:
			a.focusPriority = e.ID
		case it.At.Kind == stratplan.KindIndicator && page == stepIndicators:
			a.focusPriority = e.Str("of")
		}
	}
	a.showStep(page)
	if ks, ok := a.views[page].(keySelector); ok && e != nil {
		ks.selectKey(it.At)
	}
	if it.Lack == stratplan.LackConflict {
		a.showConflict(it.At, it.Field)
	}
}

// refreshPreview draws the report's first page again, off the UI
// goroutine, when the step is on screen and the plan or the options
// changed since the preview shown was drawn.
func (s *reviewStep) refreshPreview() {
	a := s.a
	if a.plan == nil || a.current != pageIndex("review") {
		return
	}
	o := a.reportOpts()
	want := previewOf{saved: a.plan.SavedAt(), n: a.plan.Doc().Len(), workshop: a.workshop, paper: o.paper, lang: o.lang}
	if want == s.drawn {
		return
	}
	if s.drawing {
		s.again = true
		return
	}
	if a.workshop == "" {
		s.drawn = want
		s.preview.Image = nil
		s.preview.Refresh()
		if a.severalWorkshops() {
			s.previewNote.SetText(lang.L("A report is of one workshop: choose it at the top to see its first page here."))
		} else {
			s.previewNote.SetText(lang.L("The report's first page shows here once the plan has a workshop."))
		}
		return
	}
	s.drawing = true
	s.previewNote.SetText(lang.L("Drawing the report's first page…"))
	doc := a.plan.Doc().Clone()
	opts := export.ReportOptions{Paper: o.paper, Lang: o.lang, Workshop: a.workshop}
	show := func(img image.Image, pages int, err error) {
		s.drawing = false
		s.drawn = want
		if err != nil {
			s.preview.Image = nil
			s.previewNote.SetText(lang.L("No preview: {{.Err}}", map[string]any{"Err": err.Error()}))
		} else {
			s.preview.Image = img
			s.previewNote.SetText(lang.N("The report's first page, of {{.Count}}", pages, map[string]any{"Count": pages}))
		}
		s.preview.Refresh()
		if s.again {
			s.again = false
			s.refreshPreview()
		}
	}
	if a.cfg.Inline {
		show(drawPreview(doc, opts))
		return
	}
	a.jobs.Add(1)
	go func() {
		defer a.jobs.Done()
		img, pages, err := drawPreview(doc, opts)
		// Laying out a large workshop's report leaves tens of megabytes of
		// garbage: give them back to the system now, not over minutes.
		debug.FreeOSMemory()
		fyne.Do(func() { show(img, pages, err) })
	}()
}

// drawPreview lays out the workshop report and draws its first page with
// a thin frame, so that a white page stands out on a light window.
func drawPreview(doc *stratplan.Document, o export.ReportOptions) (image.Image, int, error) {
	r, err := export.WorkshopReport(doc, o)
	if err != nil {
		return nil, 0, err
	}
	img, err := r.Preview(1, previewDPMM)
	if err != nil {
		return nil, 0, err
	}
	b := img.Bounds()
	edge := image.NewUniform(color.RGBA{0xA0, 0xA0, 0xA0, 0xFF})
	for _, side := range []image.Rectangle{
		image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+2), image.Rect(b.Min.X, b.Max.Y-2, b.Max.X, b.Max.Y),
		image.Rect(b.Min.X, b.Min.Y, b.Min.X+2, b.Max.Y), image.Rect(b.Max.X-2, b.Min.Y, b.Max.X, b.Max.Y),
	} {
		draw.Draw(img, side, edge, image.Point{}, draw.Src)
	}
	return img, r.Pages(), nil
}

// reviewRow is one line of the checklist: the mouse chooses it with a
// tap and opens it with a double tap.
type reviewRow struct {
	widget.BaseWidget
	icon        *widget.Icon
	step, text  *widget.Label
	onTap       func()
	onDoubleTap func()
}

func newReviewRow() *reviewRow {
	r := &reviewRow{icon: widget.NewIcon(theme.CheckButtonIcon()), step: widget.NewLabel(""), text: widget.NewLabel("")}
	r.step.Truncation = fyne.TextTruncateEllipsis
	r.text.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

func (r *reviewRow) CreateRenderer() fyne.WidgetRenderer {
	// The icon and the step's name stay on the first line of a wrapped text.
	left := container.NewVBox(container.NewHBox(r.icon, fixedUnits(reviewStepWidth, r.step)))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, left, nil, r.text))
}

// Tapped chooses the line.
func (r *reviewRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// DoubleTapped opens the line's step.
func (r *reviewRow) DoubleTapped(*fyne.PointEvent) {
	if r.onDoubleTap != nil {
		r.onDoubleTap()
	}
}

// chooseRow chooses row i (-1: none) of a step's table and gives it the
// keyboard, so that Enter edits the row at once; it reports whether there
// was such a row.
func chooseRow(a *App, t *keyTable, i int) bool {
	if i < 0 {
		return false
	}
	t.reselect(i)
	t.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	a.win.Canvas().Focus(t)
	return true
}
