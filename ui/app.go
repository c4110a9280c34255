// Package ui is the stratplan window: the shell with the workshop steps in
// a sidebar, one file per step, the dialogs, and the welcome screen. It is
// the only place where errors become dialogs.
//
// Every step screen is laid out by newStepFrame from its stepParts (title,
// chooser, quick-add entry, list or table, detail pane, toolbar, notes
// drawer, help), so that a step file keeps only what is its own; new
// screens use it the same way. Around the steps: undo and redo of every
// edit (undo.go), the timer (timer.go), presentation mode and the
// projector window (present.go), the menu and its shortcuts
// (shortcuts.go), dialogs that Escape closes (dialogs.go), and the
// keyboard-driven lists, tables and inputs they are built from.
package ui

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	// ScreenSize, if set, returns the size of the screen in pixels (zero
	// when unknown): the window never opens larger.
	ScreenSize func() fyne.Size
	// Beep, if set, sounds the end of the timer.
	Beep func()
	// Now, if set, is the clock of the timer (tests give their own).
	Now func() time.Time
	// Inline runs on the UI goroutine, at once, what the window runs in
	// the background (exports, the review's preview): for tests, whose
	// driver runs what a background goroutine hands back beside the test
	// rather than on one UI goroutine.
	Inline bool
}

// App is the main window and the plan open in it.
type App struct {
	fy  fyne.App
	win fyne.Window
	cfg Config

	plan     Plan
	workshop string // id of the workshop shown; "" with all of them
	// allWorkshops shows every workshop of the region chosen (of the plan,
	// with all regions) in every step, each row saying where it comes from.
	allWorkshops bool
	origins      map[string]string // workshop id → its short name in rows, with all workshops

	views     []stepView // built steps, by index in steps; nil until first shown
	current   int
	shellObj  fyne.CanvasObject
	sidebar   *keyList
	content   *fyne.Container
	title     *tapLabel
	titleFull string // the plan's title as the sidebar would show it uncut
	vision    *tapLabel
	wsSelect  *choice
	wsIDs     []string
	regionSel *idSelect // limits the workshops offered to one region's
	region    string
	status    *widget.Label
	readOnly  *widget.Label // the banner of a plan that cannot be written
	undo      *widget.Button

	menu      *fyne.MainMenu
	menuItems map[string]*fyne.MenuItem // by key, for the shortcuts list and the tests
	welcome   welcomeButtons
	importing *importer // the open import dialog, if any
	modals    []*modal  // the dialogs open, the top one last
	working   int       // progress dialogs open: work that Escape cannot stop
	hist      history

	conflictCount int
	conflictsBtn  *widget.Button

	timer   *timer
	present *presenter

	jobs sync.WaitGroup // work running off the UI goroutine

	focusPriority string // the priority the Actions and Indicators steps open on

	report reportOptions // the paper and language reports are written in
}

// New creates the window on fy. Call Start to show a plan or the welcome.
func New(fy fyne.App, cfg Config) *App {
	a := &App{fy: fy, cfg: cfg, current: 0}
	a.win = fy.NewWindow("stratplan")
	apps.Store(a.win.Canvas(), a)
	a.applyTheme()
	a.timer = newTimer(a)
	a.win.Resize(a.openingSize())
	a.win.SetMainMenu(a.buildMenu())
	a.win.SetCloseIntercept(a.quit)
	a.win.SetOnDropped(a.onDropped)
	a.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { a.windowKey(ev) })
	a.addShortcuts()
	return a
}

// The window opens at most this size, and smaller on a smaller screen.
var (
	openingSize = fyne.NewSize(1366, 768)
	// unknownScreen is the size opened at when the screen's is unknown:
	// it fits a 1366×768 laptop with its title and task bars.
	unknownScreen = fyne.NewSize(1280, 680)
	// screenChrome is what a title bar and a task bar take of the
	// screen's height.
	screenChrome = float32(80)
)

// openingSize is the window's size when it opens: never larger than the
// screen.
func (a *App) openingSize() fyne.Size {
	if a.cfg.ScreenSize == nil {
		return unknownScreen
	}
	s := a.cfg.ScreenSize()
	if s.Width <= 0 || s.Height <= 0 {
		return unknownScreen
	}
	if sc := a.win.Canvas().Scale(); sc > 0 {
		s = fyne.NewSize(s.Width/sc, s.Height/sc)
	}
	return fyne.NewSize(min(openingSize.Width, s.Width), min(openingSize.Height, s.Height-screenChrome))
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
	a.showConfirm(lang.L("Damaged plan file"), lang.L("Restore the backup"), lang.L("Cancel"), msg, func() {
		aside, err := a.cfg.Restore(path)
		if err != nil {
			a.showError(err)
			return
		}
		a.openPath(path)
		if a.plan != nil {
			a.setStatus(lang.L("Restored the latest backup; the damaged file is kept as {{.Path}}.", map[string]any{"Path": aside}))
		}
	}, fyne.NewSize(620, 0))
}

// SetPlan shows p in the window, closing the plan shown before.
func (a *App) SetPlan(p Plan) {
	a.closePlan()
	a.plan = p
	if abs, err := filepath.Abs(p.Path()); err == nil {
		a.fy.Preferences().SetString(prefLastPlan, abs)
	}
	a.views = make([]stepView, len(pages))
	a.hist.clear()
	a.workshop, a.allWorkshops = "", false
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
	a.shellObj = a.shell()
	a.win.SetContent(a.shellObj)
	a.updateMenu()
	a.refresh() // the header first: showStep then builds and fills the step once
	a.showStep(a.current)
	a.setStatus(lang.L("Opened {{.Title}} ({{.File}})", map[string]any{"Title": p.Doc().PlanInfo().Title, "File": filepath.Base(p.Path())}))
}

func (a *App) closePlan() {
	if a.plan == nil {
		return
	}
	if a.present != nil {
		a.stopPresenting()
	}
	if err := a.plan.Close(); err != nil {
		fyne.LogError("closing the plan", err)
	}
	a.plan = nil
	a.hist.clear()
}

// shell is the window around the steps: one row for the workshop, the
// adopted vision, the timer and presentation mode; the steps at the left;
// the status line at the bottom. It never asks for more room than the
// window has: at any size, the window keeps its own and the steps fit it.
func (a *App) shell() fyne.CanvasObject {
	// The plan's title on up to two lines; tapped, it shows whole.
	a.title = newTapLabel(func() {
		l := widget.NewLabel(a.titleFull)
		l.Wrapping = fyne.TextWrapWord
		a.showInfo(lang.L("Plan"), l, fyne.NewSize(560, 0))
	})
	a.title.TextStyle = fyne.TextStyle{Bold: true}
	a.vision = newTapLabel(func() {
		if t := a.adoptedVision(); t != "" {
			l := widget.NewLabel(t)
			l.Wrapping = fyne.TextWrapWord
			a.showInfo(lang.L("Vision"), l, fyne.NewSize(560, 0))
		}
	})
	a.wsSelect = newChoice(nil, func(string) {
		i := a.wsSelect.SelectedIndex()
		switch {
		case i < 0 || i >= len(a.wsIDs):
		case a.wsIDs[i] == "" && !a.allWorkshops:
			a.selectAllWorkshops()
		case a.wsIDs[i] != "" && a.wsIDs[i] != a.workshop:
			a.selectWorkshop(a.wsIDs[i])
		}
	})
	a.wsSelect.PlaceHolder = lang.L("No workshop yet")
	a.wsSelect.OnEmpty = func() { a.setStatus(lang.L("This plan has no workshop yet: create one with +.")) }
	a.regionSel = newIDSelect(lang.L("All regions"), lang.L("Add the plan's regions first, on the Plan page."), a.selectRegion)
	newWS := newFlatAction(theme.ContentAddIcon(), "", a.newWorkshop)
	present := newFlatAction(theme.ViewFullScreenIcon(), lang.L("Present"), a.togglePresentation)
	// At least as wide as the steps below it, wider for a long region
	// name: the vision beside gives way.
	left := container.NewHBox(container.New(choiceLayout{c: a.regionSel.Select, min: sidebarUnits, max: 18}, a.regionSel.Select),
		fixedUnits(18, a.wsSelect), newWS)
	top := container.NewBorder(nil, nil, left, container.NewHBox(a.timer.object(), present), a.vision)

	a.sidebar = newKeyList(
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
	a.sidebar.OnSelect = func(row widget.ListItemID) {
		if row < 0 {
			return
		}
		if i := sidebarOrder[row]; i != a.current || a.content.Objects == nil {
			a.showStep(i)
		}
	}
	a.content = container.NewStack()
	a.status = widget.NewLabel("")
	a.status.Wrapping = fyne.TextWrapWord
	a.undo = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), a.undoLast)
	a.undo.Importance = widget.LowImportance
	a.undo.Hide()
	a.conflictsBtn = widget.NewButtonWithIcon("", theme.WarningIcon(), func() { a.showStep(pageIndex("conflicts")) })
	a.conflictsBtn.Importance = widget.WarningImportance
	a.conflictsBtn.Hide()
	// The status line sits under the steps, where the sidebar has room:
	// every row of the window's height goes to the step.
	status := container.NewVBox(widget.NewSeparator(), a.status, container.NewHBox(a.conflictsBtn, a.undo))
	side := fixedUnits(sidebarUnits, container.NewBorder(a.title, status, nil, nil, a.sidebar))
	head := container.NewVBox(top, widget.NewSeparator())
	if a.plan.ReadOnly() {
		a.readOnly = widget.NewLabelWithStyle(lang.L("Read-only: this plan file cannot be written here, so edits are off. You can still export it; to work on it, save a copy somewhere you may write."),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		a.readOnly.Importance = widget.WarningImportance
		a.readOnly.Wrapping = fyne.TextWrapWord
		head.Objects = append([]fyne.CanvasObject{a.readOnly}, head.Objects...)
	}
	main := container.NewBorder(head, nil, container.NewHBox(side, widget.NewSeparator()), nil, a.content)
	return container.NewScroll(main)
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
	if row := sidebarRow(i); a.sidebar.selected != row {
		a.sidebar.pick(row)
	}
	a.timer.refresh()
	if a.present != nil {
		a.present.refresh()
	}
	if a.present == nil || a.present.separate {
		v.focus()
	}
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
	a.titleFull = title
	room := sidebarUnits*theme.TextSize() - 2*theme.InnerPadding()
	a.title.SetText(strings.Join(cellLines(title, room, a.title.TextStyle, 2), "\n"))
	a.win.SetTitle("stratplan — " + info.Title)

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
	if a.allWorkshops {
		a.workshop = ""
	} else if a.workshop == "" && len(ws) > 0 {
		a.workshop = ws[0].E.ID
	}
	var opts []string
	a.wsIDs = nil
	sel := -1
	if len(ws) > 0 {
		opts, a.wsIDs = []string{lang.L("All workshops")}, []string{""}
		if a.allWorkshops {
			sel = 0
		}
	}
	for _, w := range ws {
		opts = append(opts, workshopLabel(w, doc))
		a.wsIDs = append(a.wsIDs, w.E.ID)
		if w.E.ID == a.workshop {
			sel = len(opts) - 1
		}
	}
	a.origins = nil
	if a.workshop == "" {
		a.origins = originNames(ws, doc)
	}
	a.vision.SetText(a.adoptedVision()) // after origins: it may name its workshop
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
	showIf(a.undo, len(a.hist.undo) > 0)
	if v := a.views[a.current]; v != nil {
		v.refresh()
	}
	if a.present != nil {
		a.present.refresh()
	}
}

// adoptedVision is the vision the workshop adopted, or "".
func (a *App) adoptedVision() string {
	// With several workshops, only a vision that they alone adopted.
	adopted := ""
	for _, v := range a.plan.Doc().VisionsIn(a.scope()) {
		if v.Adopted {
			if adopted != "" {
				return ""
			}
			adopted = labelled(lang.L("Vision"), a.tagged(v.E, v.Text))
		}
	}
	return adopted
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
// it reports whether the edit was saved. What the edit replaced is kept,
// for Edit ▸ Undo.
func (a *App) edit(fn func(ed *stratplan.Edit) error) bool {
	if a.plan == nil {
		return false
	}
	old := a.plan.Doc().Clone()
	var changed []*stratplan.Entity
	err := a.plan.Edit(func(ed *stratplan.Edit) error {
		if err := fn(ed); err != nil {
			return err
		}
		changed = ed.Changed()
		return nil
	})
	if err != nil {
		a.showError(err)
		a.refresh()
		return false
	}
	before := resourceWarnings(old)
	if ch := record(old, changed); len(ch) > 0 {
		a.hist.push(undoStep{label: describe(a.plan.Doc(), ch), changes: ch, page: a.current, workshop: a.workshop})
		a.updateMenu()
	}
	a.refresh()
	if t := a.plan.SavedAt(); !t.IsZero() {
		status := lang.L("All changes saved — last at {{.Time}}", map[string]any{"Time": t.Format("15:04:05")})
		// An edit that makes the plan ask for more than it has says so
		// where the eye is, whatever the step.
		if after := resourceWarnings(a.plan.Doc()); len(after) > 0 && !slices.Equal(before, after) {
			status = strings.Join(append(after, status), " ")
		}
		a.setStatus(status)
	}
	return true
}

// deleteWithUndo deletes an entity and says so, pointing at Undo; msg
// says what was deleted. It reports whether the deletion was saved.
func (a *App) deleteWithUndo(k stratplan.Key, msg string) bool {
	if !a.edit(func(ed *stratplan.Edit) error { return ed.Delete(k.Kind, k.ID) }) {
		return false
	}
	a.setStatus(msg + " " + lang.L("Ctrl+Z brings it back."))
	return true
}

// deleted is the status message after deleting something.
func deleted(label string) string {
	return lang.L("Deleted “{{.Text}}”.", map[string]any{"Text": label})
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

func (a *App) newWorkshop() {
	if a.plan == nil {
		return
	}
	id, region := stratplan.NewID(), a.region
	if rs := a.plan.Doc().Regions(); region == "" && len(rs) == 1 {
		region = rs[0].E.ID // the plan's only region: there is nothing to choose
	}
	changes := []stratplan.Change{stratplan.Set("title", stratplan.Text(lang.L("New workshop"))),
		stratplan.Set("date", stratplan.Text(a.now().Format("2006-01-02")))}
	if region != "" {
		changes = append(changes, stratplan.Set("region", stratplan.Text(region))) // the region the header shows
	}
	if a.edit(func(ed *stratplan.Edit) error { return ed.Set(id, stratplan.KindWorkshop, changes...) }) {
		a.selectWorkshop(id)
		a.showStep(0)
	}
}

// now is the time on the app's clock.
func (a *App) now() time.Time {
	if a.cfg.Now != nil {
		return a.cfg.Now()
	}
	return time.Now()
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
	a.workshop, a.allWorkshops = id, false
	a.refresh()
}

// selectAllWorkshops shows every workshop of the region chosen (of the
// plan, with all regions) in every step, until one workshop is chosen.
func (a *App) selectAllWorkshops() {
	a.commitTyping()
	a.win.Canvas().Unfocus()
	a.workshop, a.allWorkshops = "", true
	a.refresh()
}

// errNoPlan is shown when an action needs an open plan.
var errNoPlan = errors.New("open or create a plan first")

// choiceLayout makes a choice as wide as its widest option, between min and
// max text sizes.
type choiceLayout struct {
	c        *choice
	min, max float32
}

func (l choiceLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range append([]string{l.c.PlaceHolder}, l.c.Options...) {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	w += 4*theme.InnerPadding() + theme.IconInlineSize()
	s := theme.TextSize()
	return fyne.NewSize(min(max(w, l.min*s), l.max*s), l.c.MinSize().Height)
}

func (l choiceLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// sidebarUnits is the steps' column's width, in text sizes.
const sidebarUnits = 12

// tapLabel is a one-line label, cut with "…", that the mouse can tap to
// read it whole.
type tapLabel struct {
	widget.Label
	OnTap func()
}

func newTapLabel(onTap func()) *tapLabel {
	l := &tapLabel{OnTap: onTap}
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle = fyne.TextStyle{Italic: true}
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs OnTap.
func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.OnTap != nil {
		l.OnTap()
	}
}
