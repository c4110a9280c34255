package ui

import (
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/export"
)

// surveyStep is step 2: the member survey, its themes ranked overall and
// per region, common themes set apart from regional ones.
type surveyStep struct {
	a         *App
	frame     *stepFrame
	view      *choice
	viewIDs   []string // "" = overall, else a region id
	topN      *choice
	minReg    *choice
	summary   *widget.Label
	list      *keyList
	importBtn *button
	result    stratplan.SurveyResult
	rows      []stratplan.ThemeRank
	loading   bool
}

func newSurveyStep(a *App) stepView {
	s := &surveyStep{a: a}
	importBtn := newButton(lang.L("Import survey CSV…"), theme.UploadIcon(), s.importDialog)
	importBtn.Importance = widget.HighImportance
	s.importBtn = importBtn
	s.view = newChoice(nil, func(string) { s.show() })
	s.topN = newChoice(numbers(10), func(v string) { s.setThreshold("common_top", v) })
	s.minReg = newChoice(numbers(6), func(v string) { s.setThreshold("common_regions", v) })
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.list = newKeyList(func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			rank := widget.NewLabelWithStyle("10", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
			theme := widget.NewLabel("")
			theme.Truncation = fyne.TextTruncateEllipsis
			bar := canvas.NewRectangle(color.NRGBA{0x15, 0x65, 0xc0, 0xff})
			value := widget.NewLabel("")
			tag := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			act := newFlatAction(themeIcon(), lang.L("Make priority"), nil)
			barBox := container.NewGridWrap(fyne.NewSize(200, 24), container.NewHBox(bar))
			return container.NewBorder(nil, nil, rank, container.NewHBox(barBox, value, container.NewGridWrap(fyne.NewSize(90, 30), tag), act), theme)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			r := s.rows[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(r.Theme)
			c.Objects[1].(*widget.Label).SetText(strconv.Itoa(r.Rank))
			right := c.Objects[2].(*fyne.Container).Objects
			bar := right[0].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			max := s.maxMean()
			w := float32(0)
			if max > 0 {
				w = float32(r.Mean/max) * 196
			}
			bar.SetMinSize(fyne.NewSize(w, 18))
			bar.Resize(fyne.NewSize(w, 18))
			right[1].(*widget.Label).SetText(fmt.Sprintf("%.2f (%d)", r.Mean, r.Responses))
			tag := right[2].(*fyne.Container).Objects[0].(*widget.Label)
			if s.result.Common[r.Theme] {
				tag.SetText(lang.L("Common"))
				tag.Importance = widget.SuccessImportance
			} else {
				tag.SetText(lang.L("Regional"))
				tag.Importance = widget.MediumImportance
			}
			tag.Refresh()
			theme := r.Theme
			right[3].(*flatAction).OnTap = func() { s.makePriority(theme) }
			c.Objects[2].(*fyne.Container).Refresh() // texts changed width: lay the row out again
			c.Refresh()
		})
	s.list.OnEdit = func(i widget.ListItemID) { s.makePriority(s.rows[i].Theme) }
	controls := container.NewHBox(widget.NewLabel(lang.L("Show")), fixedUnits(14, s.view),
		widget.NewLabel(lang.L("Common: in the top")), s.topN, widget.NewLabel(lang.L("of at least")), s.minReg, widget.NewLabel(lang.L("regions")))
	s.frame = newStepFrame(a, stepParts{
		Key:     "survey",
		Title:   msg("Survey"),
		Help:    msg("Import the survey as CSV with the columns member, region, theme, score. A theme is common when it is in the top N themes of at least M regions. Enter on a theme makes it a candidate priority."),
		Chooser: container.NewHBox(importBtn),
		Add:     container.NewVBox(controls, s.summary),
		Body:    s.list,
	})
	return s
}

func themeIcon() fyne.Resource { return theme.ContentAddIcon() }

func (s *surveyStep) object() fyne.CanvasObject { return s.frame.object() }
func (s *surveyStep) focus()                    { s.a.win.Canvas().Focus(s.view) }

func (s *surveyStep) maxMean() float64 {
	m := 0.0
	for _, r := range s.rows {
		if r.Mean > m {
			m = r.Mean
		}
	}
	return m
}

// thresholds are the workshop's: M, unless the workshop chose it, is the
// plan's own for common priorities (as Consolidation shows it), and never
// more than the plan's regions.
func (s *surveyStep) thresholds() stratplan.SurveyThresholds {
	doc := s.a.plan.Doc()
	th := stratplan.DefaultSurveyThresholds
	e := doc.Get(stratplan.KindWorkshop, s.a.workshop)
	if e != nil {
		th = stratplan.WorkshopOf(e).Survey
	}
	if e == nil || e.Str("common_regions") == "" {
		th.MinRegions = doc.CommonRegions()
	}
	th.MinRegions = max(min(th.MinRegions, s.regionCount()), 1)
	return th
}

// numbers are the choices 1 … n.
func numbers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i + 1)
	}
	return out
}

// regionCount is how many regions the plan has (at least one).
func (s *surveyStep) regionCount() int { return max(len(s.a.plan.Doc().Regions()), 1) }

func (s *surveyStep) setThreshold(field, v string) {
	if s.loading || s.a.workshop == "" {
		return
	}
	ws := s.a.workshop
	s.a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(ws, stratplan.KindWorkshop, stratplan.Set(field, stratplan.Text(v)))
	})
}

func (s *surveyStep) refresh() {
	doc := s.a.plan.Doc()
	th := s.thresholds()
	s.loading = true
	s.topN.SetSelected(strconv.Itoa(th.TopN))
	s.minReg.Options = numbers(s.regionCount())
	s.minReg.SetSelected(strconv.Itoa(th.MinRegions))
	s.loading = false
	// A survey belongs to one workshop: its import and its thresholds
	// wait for one; with several, their answers are ranked together.
	if s.a.workshop == "" {
		s.importBtn.Disable()
		s.topN.Disable()
		s.minReg.Disable()
	} else {
		s.importBtn.Enable()
		s.topN.Enable()
		s.minReg.Enable()
	}
	scores := doc.SurveyScoresIn(s.a.scope())
	s.result = stratplan.AnalyseSurvey(scores, th)
	keep := ""
	if i := s.view.SelectedIndex(); i >= 0 && i < len(s.viewIDs) {
		keep = s.viewIDs[i]
	}
	opts := []string{lang.L("All regions")}
	s.viewIDs = []string{""}
	for _, r := range s.result.Regions {
		opts = append(opts, doc.RegionName(r))
		s.viewIDs = append(s.viewIDs, r)
	}
	s.view.Options = opts
	s.loading = true
	s.view.SetSelectedIndex(max(indexOf(s.viewIDs, keep), 0))
	s.loading = false
	common := 0
	for range s.result.Common {
		common++
	}
	members := map[string]bool{}
	for _, sc := range scores {
		members[sc.Member] = true
	}
	if len(scores) == 0 {
		s.summary.SetText(lang.L("No survey yet: import the CSV file of the members' answers."))
	} else {
		s.summary.SetText(lang.L("{{.Members}} in {{.Regions}}; {{.Themes}}, {{.Common}}.",
			map[string]any{"Members": nOf("{{.Count}} members answered", len(members)), "Regions": nOf("{{.Count}} regions", len(s.result.Regions)),
				"Themes": nOf("{{.Count}} themes", len(s.result.Overall)), "Common": nOf("{{.Count}} of them common to several regions", common)}))
	}
	s.show()
	s.frame.refresh()
}

// show lists the ranking chosen: overall or one region's.
func (s *surveyStep) show() {
	if s.loading {
		return
	}
	s.rows = s.result.Overall
	if i := s.view.SelectedIndex(); i > 0 && i < len(s.viewIDs) {
		s.rows = s.result.ByRegion[s.viewIDs[i]]
	}
	s.list.Refresh()
}

func (s *surveyStep) makePriority(theme string) {
	if s.a.needOne() {
		return
	}
	ws := s.a.workshop
	for _, p := range s.a.plan.Doc().Priorities(ws) {
		if strings.EqualFold(p.Title, theme) {
			s.a.setStatus(lang.L("“{{.Text}}” is already a priority.", map[string]any{"Text": theme}))
			return
		}
	}
	obj := s.a.priorityObjective()
	if s.a.edit(func(ed *stratplan.Edit) error { return addPriority(ed, ws, theme, obj) }) {
		s.a.setStatus(lang.L("“{{.Text}}” is now a candidate priority (step 6).", map[string]any{"Text": theme}))
	}
}

func (s *surveyStep) importDialog() {
	if s.a.needOne() {
		return
	}
	s.a.openCSV(s.importCSV)
}

// importCSV reads a survey file; with bad lines, nothing is imported
// unless the user chooses to skip them.
func (s *surveyStep) importCSV(name string, r io.Reader) {
	doc := s.a.plan.Doc()
	lookup := func(v string) (string, bool) {
		if r, ok := doc.FindRegion(v); ok {
			return r.E.ID, true
		}
		return "", false
	}
	rows, problems, err := export.ReadSurvey(r, lookup, doc.RegionCodes())
	if err != nil {
		s.a.showError(fmt.Errorf("%s: %w", name, err))
		return
	}
	ws := s.a.workshop
	apply := func() {
		if s.a.edit(func(ed *stratplan.Edit) error {
			for _, row := range rows {
				if err := ed.Set(stratplan.SurveyScoreID(ws, row.Member, row.Theme), stratplan.KindSurveyScore,
					stratplan.Set("member", stratplan.Text(row.Member)), stratplan.Set("region", stratplan.Text(row.Region)),
					stratplan.Set("theme", stratplan.Text(row.Theme)), stratplan.Set("score", stratplan.Decimal(row.Score)),
					stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws))); err != nil {
					return err
				}
			}
			return nil
		}) {
			s.a.setStatus(lang.N("Imported {{.Count}} survey answers from {{.File}}.", len(rows), map[string]any{"Count": len(rows), "File": name}))
		}
	}
	if len(problems) == 0 {
		if len(rows) == 0 {
			s.a.showError(fmt.Errorf("%s: %s", name, lang.L("the file has a header but no answers")))
			return
		}
		apply()
		return
	}
	s.a.showLineProblems(name, problems, len(rows), apply)
}

// present shows the themes ranked, the common ones marked.
func (s *surveyStep) present() fyne.CanvasObject {
	t := newFitText(1, 2.2, nil)
	var paras []para
	for i, r := range s.rows {
		if i == 15 {
			break
		}
		text := fmt.Sprintf("%d. %s — %.2f", r.Rank, r.Theme, r.Mean)
		if s.result.Common[r.Theme] {
			text += " · " + lang.L("Common")
		}
		paras = append(paras, para{text: text, bold: s.result.Common[r.Theme]})
	}
	t.set(paras)
	return t
}
