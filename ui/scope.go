package ui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"stratplan"
)

// What the steps show: one workshop, or with "All workshops" every workshop
// of the region chosen (of the plan, with all regions). Lists then show the
// items of every workshop in scope, each row starting with the short name
// of the workshop it comes from; adding, which needs one workshop, waits
// until one is chosen.

// scope is what the steps show.
func (a *App) scope() stratplan.Scope {
	if a.workshop != "" {
		return stratplan.Scope{Workshop: a.workshop}
	}
	return stratplan.Scope{Region: a.region}
}

// severalWorkshops reports whether the steps show every workshop in scope
// rather than one.
func (a *App) severalWorkshops() bool { return a.workshop == "" && a.allWorkshops }

// originNames gives each workshop the short name its rows start with: its
// region's code, numbered when the region has more than one workshop
// (AF-1, AF-2 in the order of their dates).
func originNames(ws []stratplan.Workshop, doc *stratplan.Document) map[string]string {
	code := func(w stratplan.Workshop) string {
		if e := doc.Get(stratplan.KindRegion, w.Region); e != nil && e.Str("code") != "" {
			return e.Str("code")
		}
		return "—"
	}
	count := map[string]int{}
	for _, w := range ws {
		count[code(w)]++
	}
	out := make(map[string]string, len(ws))
	seen := map[string]int{}
	for _, w := range ws {
		c := code(w)
		if count[c] == 1 {
			out[w.E.ID] = c
			continue
		}
		seen[c]++
		out[w.E.ID] = fmt.Sprintf("%s-%d", c, seen[c])
	}
	return out
}

// origin is the short name of the workshop e comes from, or "" when the
// steps show one workshop.
func (a *App) origin(e *stratplan.Entity) string {
	if !a.severalWorkshops() || e == nil {
		return ""
	}
	if o, ok := a.origins[a.plan.Doc().WorkshopOf(e)]; ok {
		return o
	}
	return "—"
}

// tagged is text as a row shows it: after the short name of the workshop
// e comes from when the steps show several.
func (a *App) tagged(e *stratplan.Entity, text string) string {
	if o := a.origin(e); o != "" {
		return o + " · " + text
	}
	return text
}

// workshopName names the workshop e comes from in full (title, region),
// for detail panes; "" when the steps show one workshop.
func (a *App) workshopName(e *stratplan.Entity) string {
	if !a.severalWorkshops() || e == nil {
		return ""
	}
	doc := a.plan.Doc()
	w := doc.Get(stratplan.KindWorkshop, doc.WorkshopOf(e))
	if w == nil {
		return lang.L("No workshop")
	}
	name := workshopLabel(stratplan.WorkshopOf(w), doc)
	if r := w.Str("region"); r != "" {
		name += " (" + doc.RegionName(r) + ")"
	}
	return a.origin(e) + " — " + name
}

// addHint says why adding is off: "" when one workshop is shown.
func (a *App) addHint() string {
	if a.workshop != "" {
		return ""
	}
	if a.severalWorkshops() {
		return lang.L("Choose a workshop to add")
	}
	return lang.L("Create a workshop first, with +")
}

// gateAdd turns a quick-add entry on when one workshop is shown, and off
// with the hint in its place otherwise; placeholder is its usual hint.
func (a *App) gateAdd(e *entry, placeholder string) {
	if h := a.addHint(); h != "" {
		e.PlaceHolder = h
		e.Disable()
		e.Refresh()
		return
	}
	e.PlaceHolder = placeholder
	e.Enable()
	e.Refresh()
}

// needOne says, when the steps show several workshops, that what was asked
// is about one workshop; it reports whether it said so.
func (a *App) needOne() bool {
	if a.workshop != "" {
		return false
	}
	if a.severalWorkshops() {
		a.setStatus(lang.L("This is about one workshop: choose it at the top, instead of All workshops."))
	} else {
		a.setStatus(lang.L("Create a workshop first, with +"))
	}
	return true
}

// fromField is the detail pane's line naming the workshop e comes from
// (empty, so not shown, when the steps show one workshop).
func (a *App) fromField(e *stratplan.Entity) [2]string {
	return [2]string{lang.L("Workshop"), a.workshopName(e)}
}

// scopeLabel says what the steps show: one workshop, or all of them (in
// one region).
func (a *App) scopeLabel() string {
	doc := a.plan.Doc()
	if e := doc.Get(stratplan.KindWorkshop, a.workshop); e != nil {
		return workshopLabel(stratplan.WorkshopOf(e), doc)
	}
	label := lang.L("All workshops")
	if a.region != "" {
		label += " · " + doc.RegionName(a.region)
	}
	return label
}
