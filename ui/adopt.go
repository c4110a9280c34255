package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/exchange"
)

// otherPlans returns the chosen bundles that are of another plan than the
// one open.
func (im *importer) otherPlans() []*exchange.Incoming {
	var out []*exchange.Incoming
	for _, f := range im.files {
		var op *exchange.OtherPlanError
		if errors.As(f.Err, &op) && f.Bundle != nil {
			out = append(out, f)
		}
	}
	return out
}

// adoptFrom shows what bringing in the workshops of other plans' bundles
// would add to this plan, and does it once confirmed; parent (the import
// dialog, if any) closes then.
func (a *App) adoptFrom(files []*exchange.Incoming, parent *modal) {
	ads, err := exchange.Adoptions(a.plan.Doc(), files)
	if err != nil {
		a.showError(err)
		return
	}
	var lines []string
	total := 0
	for _, ad := range ads {
		title := ad.FromTitle
		if title == "" {
			title = ad.From
		}
		lines = append(lines, lang.L("From the plan “{{.Title}}”: {{.Workshops}}, {{.Items}} (priorities: {{.Priorities}}, votes: {{.Votes}}, actions: {{.Actions}}, indicators: {{.Indicators}}).",
			map[string]any{"Title": title, "Workshops": nOf("{{.Count}} workshops", len(ad.Workshops)), "Items": nOf("{{.Count}} items", ad.Total()), "Priorities": ad.Counts[stratplan.KindPriority],
				"Votes": ad.Counts[stratplan.KindVote], "Actions": ad.Counts[stratplan.KindAction], "Indicators": ad.Counts[stratplan.KindIndicator]}))
		for _, m := range append(append([]stratplan.Match{}, ad.Regions...), ad.Objectives...) {
			switch {
			case m.New:
				lines = append(lines, "  • "+lang.L("{{.Kind}} “{{.Name}}” is added to this plan.", map[string]any{"Kind": kindName(m.From.Kind), "Name": m.Label}))
			case m.From.Label() != m.Label:
				lines = append(lines, "  • "+lang.L("{{.Kind}} “{{.Name}}” is taken as “{{.Here}}”.", map[string]any{"Kind": kindName(m.From.Kind), "Name": m.From.Label(), "Here": m.Label}))
			}
		}
		if ad.Already > 0 {
			lines = append(lines, "  • "+lang.N("{{.Count}} items were brought in before and are left as they are.", ad.Already, map[string]any{"Count": ad.Already}))
		}
		total += ad.Total()
	}
	if total == 0 {
		// Said where the eye is: the import dialog may be open over the
		// status line.
		l := widget.NewLabel(lang.N("Everything in these bundles was brought in before: nothing to add.", len(files), nil))
		l.Wrapping = fyne.TextWrapWord
		a.showInfo(lang.L("Bring in the other plan's workshops"), l, fyne.NewSize(480, 160))
		return
	}
	about := widget.NewLabel(lang.N("These bundles are of another plan, so they cannot be merged. Their workshops can be copied into this plan as new items written on this laptop, with their links kept; the other plan is not changed.", len(files), nil) +
		"\n\n" + strings.Join(lines, "\n"))
	about.Wrapping = fyne.TextWrapWord
	a.showConfirm(lang.L("Bring in the other plan's workshops"), lang.L("Bring them in"), lang.L("Cancel"),
		container.NewVScroll(about), func() {
			a.commitTyping()
			if err := exchange.ApplyAdoptions(a.plan, ads); err != nil {
				a.showError(err)
				return
			}
			if parent != nil {
				parent.confirm()
			}
			a.hist.clear() // an undo must not write over what came in, as after an import
			a.updateMenu()
			a.refresh()
			a.setStatus(lang.N("Brought in {{.Count}} items. Export a bundle to send them on.", total, map[string]any{"Count": total}))
		}, fyne.NewSize(640, 420))
}
