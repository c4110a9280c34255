// Package ui is the stratplan window: the shell with the workshop steps in
// a sidebar, one file per step, the dialogs, and the welcome screen. It is
// the only place where errors become dialogs.
package ui

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/exchange"
)

// Plan is what the window needs of an open plan file (store.Store).
type Plan interface {
	Doc() *stratplan.Document
	Edit(fn func(ed *stratplan.Edit) error) error
	Merge(incoming *stratplan.Document) (stratplan.MergeStats, error)
	SavedAt() time.Time
	Path() string
	Close() error

	Replica() string
	ReadOnly() bool
	EnsureReplica() (string, error)
	ExportSeq() uint64
	NextExportSeq() (uint64, error)
	TrustedKeys() ([]stratplan.TrustedKey, error)
	Trust(k stratplan.TrustedKey) error
	Untrust(k ed25519.PublicKey) error
	Receipts() ([]stratplan.Receipt, error)
}

// Config tells the window how to open and create plan files.
type Config struct {
	Open   func(path string) (Plan, error)
	Create func(path, title string, example bool) error
	// StartFrom makes a plan file at path from the plan in a bundle that
	// was read (see exchange.StartFrom).
	StartFrom func(path string, in *exchange.Incoming) error
	// Restore replaces a damaged plan file with its latest backup, keeping
	// the damaged file aside (its new name is returned).
	Restore     func(path string) (string, error)
	DefaultPath string // the plan opened when no file is given
	ExamplePath string // where "Open the example plan" keeps its copy

	// WriteFile writes a file atomically: all of it or, on failure, nothing.
	WriteFile func(path string, write func(w io.Writer) error) error
	// OwnKey returns this user's signing key.
	OwnKey func() (ed25519.PrivateKey, error)
	// Version is the app's version, written into bundles.
	Version string
}

// App is the main window and the plan open in it.
type App struct {
	fy  fyne.App
	win fyne.Window
	cfg Config

	plan     Plan
	workshop string // id of the workshop shown

	views     []stepView // built steps, by index in steps; nil until first shown
	current   int
	sidebar   *widget.List
	content   *fyne.Container
	title     *widget.Label
	vision    *widget.Label
	wsSelect  *widget.Select
	wsIDs     []string
	regionSel *idSelect // limits the workshops offered to one region's
	region    string
	status    *widget.Label
	readOnly  *widget.Label // the banner of a plan that cannot be written
	undo      *widget.Button
	undoFn    func()

	menuItems []*fyne.MenuItem
	welcome   welcomeButtons
	importing *importer // the open import dialog, if any

	conflictCount int
	conflictsBtn  *widget.Button

	jobs sync.WaitGroup // work running off the UI goroutine

	focusPriority string // the priority the Actions and Indicators steps open on

	now func() time.Time // the time monitoring judges progress at
}

// New creates the window on fy. Call Start to show a plan or the welcome.
func New(fy fyne.App, cfg Config) *App {
	a := &App{fy: fy, cfg: cfg, current: 0, now: time.Now}
	a.win = fy.NewWindow("stratplan")
	a.win.Resize(fyne.NewSize(1200, 780))
	a.win.SetMainMenu(a.menu())
	a.applyZoom()
	a.win.SetCloseIntercept(a.quit)
	a.win.SetOnDropped(a.onDropped)
	a.addShortcuts()
	return a
}

// quit saves what is being typed, closes the plan file and ends the app.
func (a *App) quit() {
	a.commitTyping()
	a.closePlan()
	a.fy.Quit()
}

// Window returns the main window.
func (a *App) Window() fyne.Window { return a.win }

// Plan returns the open plan, or nil on the welcome screen.
func (a *App) Plan() Plan { return a.plan }

// Start opens the plan at path or, when there is none there yet, the plan
// opened last; without either it shows the welcome screen.
func (a *App) Start(path string) {
	for _, p := range []string{path, a.fy.Preferences().String(prefLastPlan)} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			a.openPath(p)
			return
		}
	}
	a.showWelcome()
}

// prefLastPlan remembers the plan opened last, to reopen it next time.
const prefLastPlan = "last-plan"

func (a *App) openPath(path string) {
	p, err := a.cfg.Open(path)
	if err != nil {
		a.showWelcome()
		var d damagedPlan
		if errors.As(err, &d) && a.cfg.Restore != nil {
			if when, ok := d.LatestBackup(); ok {
				a.offerRestore(path, when, err)
				return
			}
		}
		a.showError(err)
		return
	}
	a.SetPlan(p)
}

// damagedPlan is the error of a plan file that cannot be read, with the
// time of its latest backup.
type damagedPlan interface {
	error
	LatestBackup() (time.Time, bool)
}

// offerRestore says that the plan file is damaged and offers its latest
// backup; the damaged file is never written to, only renamed aside.
func (a *App) offerRestore(path string, when time.Time, err error) {
	msg := widget.NewLabel(lang.L("This plan file is damaged and cannot be opened; nothing was changed in it.") + "\n\n" +
		err.Error() + "\n\n" +
		lang.L("Restore its latest backup, made {{.Time}}? The damaged file is kept beside it. What was typed after the backup is not in it: import the bundles you exported since then to bring it back.",
			map[string]any{"Time": when.Local().Format("2006-01-02 15:04")}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Damaged plan file"), lang.L("Restore the backup"), lang.L("Cancel"), msg, func(ok bool) {
		if !ok {
			return
		}
		aside, err := a.cfg.Restore(path)
		if err != nil {
			a.showError(err)
			return
		}
		a.openPath(path)
		if a.plan != nil {
			a.setStatus(lang.L("Restored the latest backup; the damaged file is kept as {{.Path}}.", map[string]any{"Path": aside}))
		}
	}, a.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
}

// SetPlan shows p in the window, closing the plan shown before.
func (a *App) SetPlan(p Plan) {
	a.closePlan()
	a.plan = p
	if abs, err := filepath.Abs(p.Path()); err == nil {
		a.fy.Preferences().SetString(prefLastPlan, abs)
	}
	a.views = make([]stepView, len(pages))
	a.workshop = ""
	if ws := p.Doc().Workshops(); len(ws) > 0 {
		a.workshop = ws[0].E.ID
		// Prefer the workshop that has the most in it: the one being run.
		best := -1
		for _, w := range ws {
			if n := len(p.Doc().Participants(w.E.ID)) + len(p.Doc().SWOT(w.E.ID)); n > best {
				best, a.workshop = n, w.E.ID
			}
		}
	}
	a.win.SetContent(a.shell())
	a.refresh() // the header first: showStep then builds and fills the step once
	a.showStep(a.current)
	a.setStatus(lang.L("Opened {{.Path}}", map[string]any{"Path": p.Path()}))
}

func (a *App) closePlan() {
	if a.plan == nil {
		return
	}
	if err := a.plan.Close(); err != nil {
		fyne.LogError("closing the plan", err)
	}
	a.plan = nil
}

func (a *App) shell() fyne.CanvasObject {
	a.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.title.Truncation = fyne.TextTruncateEllipsis
	a.vision = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	a.vision.Wrapping = fyne.TextWrapWord // the adopted vision heads every step, whole
	a.wsSelect = widget.NewSelect(nil, func(string) {
		if i := a.wsSelect.SelectedIndex(); i >= 0 && i < len(a.wsIDs) && a.wsIDs[i] != a.workshop {
			a.selectWorkshop(a.wsIDs[i])
		}
	})
	a.wsSelect.PlaceHolder = lang.L("No workshop yet")
	a.regionSel = newIDSelect(lang.L("All regions"), a.selectRegion)
	newWS := widget.NewButtonWithIcon(lang.L("New workshop"), theme.ContentAddIcon(), a.newWorkshop)
	header := container.NewBorder(nil, nil, nil,
		container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("Workshop")),
			container.NewGridWrap(fyne.NewSize(170, a.regionSel.Select.MinSize().Height), a.regionSel.Select),
			container.NewGridWrap(fyne.NewSize(330, a.wsSelect.MinSize().Height), a.wsSelect), newWS)),
		container.NewVBox(a.title, a.vision))

	a.sidebar = widget.NewList(
		func() int { return len(sidebarOrder) },
		func() fyne.CanvasObject {
			num := widget.NewLabelWithStyle("10", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
			title := widget.NewLabel("Environmental scan")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, num, nil, title)
		},
		func(row widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			title, num := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
			title.Importance = widget.MediumImportance
			i := sidebarOrder[row]
			if i < len(steps) {
				title.SetText(steps[i].title())
				num.SetText(fmt.Sprintf("%2d", i+1))
				return
			}
			num.SetText("")
			title.SetText(pages[i].title())
			if n := a.conflictCount; n > 0 && pages[i].key == "conflicts" {
				title.Importance = widget.WarningImportance
				title.SetText(fmt.Sprintf("%s (%d)", pages[i].title(), n))
			}
		})
	a.sidebar.OnSelected = func(row widget.ListItemID) {
		if i := sidebarOrder[row]; i != a.current || a.content.Objects == nil {
			a.showStep(i)
		}
	}
	a.content = container.NewStack()
	a.status = widget.NewLabel("")
	a.status.Truncation = fyne.TextTruncateEllipsis
	a.undo = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), func() {
		if fn := a.undoFn; fn != nil {
			a.undoFn = nil
			a.undo.Hide()
			fn()
		}
	})
	a.undo.Hide()
	a.conflictsBtn = widget.NewButtonWithIcon("", theme.WarningIcon(), func() { a.showStep(pageIndex("conflicts")) })
	a.conflictsBtn.Importance = widget.WarningImportance
	a.conflictsBtn.Hide()
	statusBar := container.NewBorder(nil, nil, nil, container.NewHBox(a.conflictsBtn, a.undo), a.status)
	split := container.NewHSplit(a.sidebar, container.NewPadded(a.content))
	split.Offset = 0.2
	top := container.NewVBox(container.NewPadded(header), widget.NewSeparator())
	if a.plan.ReadOnly() {
		a.readOnly = widget.NewLabelWithStyle(lang.L("Read-only: this plan file cannot be written here, so edits are off. You can still export it; to work on it, save a copy somewhere you may write."),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		a.readOnly.Importance = widget.WarningImportance
		a.readOnly.Wrapping = fyne.TextWrapWord
		top.Objects = append([]fyne.CanvasObject{a.readOnly}, top.Objects...)
	}
	return container.NewBorder(top, container.NewVBox(widget.NewSeparator(), statusBar), nil, nil, split)
}

// showStep puts step i in the content area and the keyboard focus in it.
func (a *App) showStep(i int) {
	if a.plan == nil || i < 0 || i >= len(pages) {
		return
	}
	a.commitTyping()
	a.current = i
	if a.views[i] == nil {
		a.views[i] = pages[i].build(a)
	}
	v := a.views[i]
	v.refresh()
	a.content.Objects = []fyne.CanvasObject{v.object()}
	a.content.Refresh()
	a.sidebar.Select(sidebarRow(i))
	v.focus()
}

// showNext shows the page below (+1) or above (−1) the current one in the
// sidebar.
func (a *App) showNext(delta int) {
	if row := sidebarRow(a.current) + delta; row >= 0 && row < len(sidebarOrder) {
		a.showStep(sidebarOrder[row])
	}
}

// refresh re-reads the plan into the header and the step on screen.
func (a *App) refresh() {
	if a.plan == nil {
		return
	}
	doc := a.plan.Doc()
	info := doc.PlanInfo()
	title := info.Title
	if title == "" {
		title = filepath.Base(a.plan.Path())
	}
	if info.Organization != "" {
		title = info.Organization + " — " + title
	}
	a.title.SetText(title)
	a.win.SetTitle("stratplan — " + info.Title)
	a.vision.SetText(a.adoptedVision())
	if a.vision.Text == "" {
		a.vision.Hide()
	} else {
		a.vision.Show()
	}

	names, ids := []string{lang.L("All regions")}, []string{""}
	for _, r := range doc.Regions() {
		names, ids = append(names, r.Name), append(ids, r.E.ID)
	}
	a.regionSel.fill(names, ids, a.region, true)
	a.region = a.regionSel.id()
	var ws []stratplan.Workshop
	for _, w := range doc.Workshops() {
		if a.region == "" || w.Region == a.region {
			ws = append(ws, w)
		}
	}
	if e := doc.Get(stratplan.KindWorkshop, a.workshop); a.workshop != "" && (e == nil || e.Deleted() || a.region != "" && e.Str("region") != a.region) {
		a.workshop = ""
	}
	if a.workshop == "" && len(ws) > 0 {
		a.workshop = ws[0].E.ID
	}
	opts := make([]string, len(ws))
	a.wsIDs = make([]string, len(ws))
	sel := -1
	for i, w := range ws {
		opts[i] = workshopLabel(w, doc)
		a.wsIDs[i] = w.E.ID
		if w.E.ID == a.workshop {
			sel = i
		}
	}
	a.wsSelect.Options = opts
	if sel >= 0 {
		a.wsSelect.SetSelectedIndex(sel)
	} else {
		a.wsSelect.ClearSelected()
	}
	a.wsSelect.Refresh()
	if n := len(doc.Conflicts()); n != a.conflictCount || n > 0 {
		a.conflictCount = n
		a.sidebar.RefreshItem(sidebarRow(pageIndex("conflicts")))
		if n > 0 {
			a.conflictsBtn.SetText(lang.N("{{.Count}} conflicts", n, map[string]any{"Count": n}))
			a.conflictsBtn.Show()
		} else {
			a.conflictsBtn.Hide()
		}
	}
	if v := a.views[a.current]; v != nil {
		v.refresh()
	}
}

func (a *App) adoptedVision() string {
	for _, v := range a.plan.Doc().Visions(a.workshop) {
		if v.Adopted {
			return lang.L("Vision") + ": " + v.Text
		}
	}
	return ""
}

func workshopLabel(w stratplan.Workshop, doc *stratplan.Document) string {
	label := w.Title
	if label == "" {
		label = lang.L("Untitled workshop")
	}
	if w.Date != "" {
		label += " · " + w.Date
	}
	return label
}

// edit applies one user edit through the plan file and shows the result;
// it reports whether the edit was saved.
func (a *App) edit(fn func(ed *stratplan.Edit) error) bool {
	if a.plan == nil {
		return false
	}
	if err := a.plan.Edit(fn); err != nil {
		a.showError(err)
		a.refresh()
		return false
	}
	a.clearUndo()
	a.refresh()
	if t := a.plan.SavedAt(); !t.IsZero() {
		a.setStatus(lang.L("All changes saved — last at {{.Time}}", map[string]any{"Time": t.Format("15:04:05")}))
	}
	return true
}

// deleteWithUndo deletes an entity and offers to bring it back; msg says
// what was deleted. It reports whether the deletion was saved.
func (a *App) deleteWithUndo(k stratplan.Key, msg string) bool {
	if !a.edit(func(ed *stratplan.Edit) error { return ed.Delete(k.Kind, k.ID) }) {
		return false
	}
	a.offerUndo(msg, func() {
		a.edit(func(ed *stratplan.Edit) error { return ed.Restore(k.Kind, k.ID) })
	})
	return true
}

// deleted is the status message after deleting something.
func deleted(label string) string {
	return lang.L("Deleted “{{.Text}}”.", map[string]any{"Text": label})
}

// offerUndo shows an Undo button for the edit just made.
func (a *App) offerUndo(msg string, fn func()) {
	a.setStatus(msg)
	a.undoFn = fn
	a.undo.Show()
}

func (a *App) clearUndo() {
	a.undoFn = nil
	if a.undo != nil {
		a.undo.Hide()
	}
}

func (a *App) setStatus(msg string) {
	if a.status != nil {
		a.status.SetText(msg)
	}
}

// commitTyping saves what is being typed in the focused entry.
func (a *App) commitTyping() {
	if e, ok := a.win.Canvas().Focused().(*commitEntry); ok {
		e.commit()
	}
}

func (a *App) showError(err error) {
	dialog.ShowError(err, a.win)
}

func (a *App) newWorkshop() {
	if a.plan == nil {
		return
	}
	id, region := stratplan.NewID(), a.region
	changes := []stratplan.Change{stratplan.Set("title", stratplan.Text(lang.L("New workshop"))),
		stratplan.Set("date", stratplan.Text(time.Now().Format("2006-01-02")))}
	if region != "" {
		changes = append(changes, stratplan.Set("region", stratplan.Text(region))) // the region the header shows
	}
	if a.edit(func(ed *stratplan.Edit) error { return ed.Set(id, stratplan.KindWorkshop, changes...) }) {
		a.selectWorkshop(id)
		a.showStep(0)
	}
}

// selectRegion offers only the workshops of one region (id "": all) and
// shows the first of them unless the one shown is of that region.
func (a *App) selectRegion(id string) {
	a.commitTyping()
	a.win.Canvas().Unfocus()
	a.region = id
	a.refresh()
}

// selectWorkshop shows the workshop with the given id in every step.
func (a *App) selectWorkshop(id string) {
	a.commitTyping()
	a.win.Canvas().Unfocus() // entries then show the new workshop's values
	a.workshop = id
	a.refresh()
}

// menu is the main menu. Shortcuts live on menu items: the window looks
// there first, so they work even while an entry has the focus.
func (a *App) menu() *fyne.MainMenu {
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	item := func(label string, k fyne.KeyName, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		if k != "" {
			it.Shortcut = ctrl(k)
		}
		return it
	}
	newItems := []*fyne.MenuItem{
		item(lang.L("Empty plan…"), fyne.KeyN, a.newPlanDialog),
		item(lang.L("From a bundle you were sent…"), "", a.startFromBundle),
	}
	newMenu := fyne.NewMenuItem(lang.L("New"), nil)
	newMenu.ChildMenu = fyne.NewMenu("", newItems...)
	file := fyne.NewMenu(lang.L("File"),
		newMenu,
		item(lang.L("Open plan…"), fyne.KeyO, a.openDialog),
		item(lang.L("Open the example plan"), "", a.openExample),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Plan set-up: regions, objectives, budget…"), "", func() { a.showStep(pageIndex("plan")) }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Export bundle…"), fyne.KeyE, a.exportBundle),
		item(lang.L("Import bundles…"), fyne.KeyI, func() { a.importBundles() }),
		item(lang.L("Trusted keys and this laptop…"), "", a.showKeys),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Quit"), fyne.KeyQ, a.quit),
	)
	file.Items[len(file.Items)-1].IsQuit = true
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9, fyne.Key0}
	var stepItems []*fyne.MenuItem
	for i, st := range steps {
		stepItems = append(stepItems, item(fmt.Sprintf("%d  %s", i+1, st.title()), keys[i], func() { a.showStep(i) }))
	}
	stepItems = append(stepItems, fyne.NewMenuItemSeparator(),
		item(lang.L("Next step"), fyne.KeyPageDown, func() { a.showNext(+1) }),
		item(lang.L("Previous step"), fyne.KeyPageUp, func() { a.showNext(-1) }))
	stepItems = append(stepItems, fyne.NewMenuItemSeparator(),
		item(lang.L("Consolidation"), "", func() { a.showStep(pageIndex("consolidation")) }),
		item(lang.L("Conflicts"), "", func() { a.showStep(pageIndex("conflicts")) }))
	view := fyne.NewMenu(lang.L("View"),
		item(lang.L("Larger"), fyne.KeyEqual, func() { a.zoom(+zoomStep) }),
		item(lang.L("Smaller"), fyne.KeyMinus, func() { a.zoom(-zoomStep) }),
		item(lang.L("Normal size"), "", func() { a.zoom(0) }))
	help := fyne.NewMenu(lang.L("Help"), item(lang.L("Keyboard shortcuts"), "", a.showShortcuts))
	a.menuItems = append(append(append([]*fyne.MenuItem{}, newItems...), file.Items...), stepItems...)
	a.menuItems = append(a.menuItems, view.Items...)
	return fyne.NewMainMenu(file, fyne.NewMenu(lang.L("Steps"), stepItems...), view, help)
}

// addShortcuts registers the menu's shortcuts on the canvas as well, for
// when no entry has the focus and for drivers without a main menu.
func (a *App) addShortcuts() {
	for _, it := range a.menuItems {
		if it.Shortcut == nil {
			continue
		}
		fn := it.Action
		a.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { fn() })
	}
}

func (a *App) showShortcuts() {
	rows := [][2]string{
		{"Ctrl+1 … Ctrl+9, Ctrl+0", lang.L("Go to step 1 … 10")},
		{"Ctrl+PageDown / Ctrl+PageUp", lang.L("Next / previous step")},
		{"Tab / Shift+Tab", lang.L("Move between fields and lists")},
		{"Enter", lang.L("Add what you typed; in a list, edit the item")},
		{"↑ ↓, Space", lang.L("Choose an item in a list")},
		{"Delete", lang.L("Remove the item (Undo in the status line)")},
		{"1 2 3 4", lang.L("SWOT: move the item to Strengths, Weaknesses, Opportunities, Threats")},
		{"+ / −", lang.L("Vision, Priorities: give or take back a dot for the voter")},
		{"A", lang.L("Vision: adopt the statement")},
		{"T", lang.L("Priorities: trace the priority back to the scan and on to its indicators")},
		{"Ctrl+E / Ctrl+I", lang.L("Export a bundle / import bundles")},
		{"Ctrl+O / Ctrl+N", lang.L("Open a plan / new plan")},
		{"Ctrl+= / Ctrl+−", lang.L("Larger / smaller, for a projector or a shared screen")},
		{"Ctrl+Q", lang.L("Quit (everything is already saved)")},
	}
	form := widget.NewForm()
	for _, r := range rows {
		form.Append(r[0], widget.NewLabel(r[1]))
	}
	dialog.ShowCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), form, a.win)
}

// errNoPlan is shown when an action needs an open plan.
var errNoPlan = errors.New("open or create a plan first")
