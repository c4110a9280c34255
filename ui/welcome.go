package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan/assets"
)

const planExt = ".stratplan"

// welcomeButtons are the ways in from the welcome screen.
type welcomeButtons struct{ newPlan, fromBundle, example, open *button }

// showWelcome shows the first-run screen: a plan someone sent, a new
// plan, the example, a file.
func (a *App) showWelcome() {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	title := widget.NewLabelWithStyle(lang.L("Welcome to stratplan"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabelWithStyle(lang.L("Run regional strategic-planning workshops from vision and SWOT to priorities, actions and indicators — offline, on this laptop. Everything you type is saved at once."),
		fyne.TextAlignCenter, fyne.TextStyle{})
	intro.Wrapping = fyne.TextWrapWord

	fromBtn := newButton(lang.L("Start from a plan you were sent"), theme.MailAttachmentIcon(), a.startFromBundle)
	fromBtn.Importance = widget.HighImportance
	newBtn := newButton(lang.L("New plan"), theme.DocumentCreateIcon(), a.newDefaultPlan)
	exampleBtn := newButton(lang.L("Open the example plan"), theme.FileApplicationIcon(), a.openExample)
	openBtn := newButton(lang.L("Open a plan file…"), theme.FolderOpenIcon(), a.openDialog)
	buttons := container.NewGridWithColumns(1, fromBtn, newBtn, exampleBtn, openBtn)
	a.welcome = welcomeButtons{newPlan: newBtn, fromBundle: fromBtn, example: exampleBtn, open: openBtn}
	who := widget.NewLabelWithStyle(lang.L("Running a regional workshop? Start from the plan bundle the Secretariat sent you, so that your work merges back into theirs. Setting up the plan for the regions? Start a new plan."),
		fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	who.Wrapping = fyne.TextWrapWord

	body := container.NewVBox(container.NewCenter(icon), title, intro, widget.NewSeparator(), who, buttons)
	a.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, body.MinSize().Height+40), body)))
	a.win.Canvas().Focus(fromBtn)
}

// newDefaultPlan asks for a title and creates the default plan.
func (a *App) newDefaultPlan() {
	path := a.cfg.DefaultPath
	if _, err := os.Stat(path); err == nil || path == "" {
		a.newPlanDialog()
		return
	}
	a.askTitle(func(title string) { a.createAndOpen(path, title, false) })
}

func (a *App) askTitle(then func(title string)) {
	entry := newEntry(lang.L("e.g. Strategic Plan 2027–2030"))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Title"), entry)}
	a.showForm(lang.L("New plan"), lang.L("Create"), items, func() { then(strings.TrimSpace(entry.Text)) }, fyne.NewSize(480, 0))
	a.win.Canvas().Focus(entry)
}

// newPlanDialog asks for a new plan's title, folder and file name. (A
// file-save dialog would empty an existing file the moment the user
// confirmed "overwrite"; plans are never overwritten.)
func (a *App) newPlanDialog() {
	title := newEntry(lang.L("e.g. Strategic Plan 2027–2030"))
	name := newEntry("")
	name.SetText(lang.L("plan") + planExt)
	folder := filepath.Dir(a.cfg.DefaultPath)
	if a.plan != nil {
		folder = filepath.Dir(a.plan.Path())
	}
	where := widget.NewLabel(folder)
	where.Truncation = fyne.TextTruncateEllipsis
	edited := false
	name.OnChanged = func(string) { edited = true }
	title.OnChanged = func(t string) {
		if !edited {
			name.SetText(slug(t, lang.L("plan")) + planExt)
			edited = false
		}
	}
	choose := newButton(lang.L("Choose…"), theme.FolderOpenIcon(), func() {
		a.showFileDialog(dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder = l.Path()
				where.SetText(folder)
			}
		}, a.win))
	})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, choose, where)),
		widget.NewFormItem(lang.L("File name"), name),
	}
	a.showForm(lang.L("New plan"), lang.L("Create"), items, func() {
		file := strings.TrimSpace(name.Text)
		if !strings.HasSuffix(file, planExt) {
			file += planExt
		}
		a.createAndOpen(filepath.Join(folder, file), strings.TrimSpace(title.Text), false)
	}, fyne.NewSize(560, 0))
	a.win.Canvas().Focus(title)
}

func (a *App) createAndOpen(path, title string, example bool) {
	if err := a.cfg.Create(path, title, example); err != nil {
		a.showError(err)
		return
	}
	if !example {
		a.current = pageIndex("plan") // a new plan starts with its set-up
	}
	a.openPath(path)
	if a.plan != nil && !example {
		a.setStatus(lang.L("New plan: it has one region and SO1 to start with. Set its regions, objectives, period and budget here; the workshops come after."))
	}
}

// openExample opens the example plan, creating its copy on first use.
func (a *App) openExample() {
	path := a.cfg.ExamplePath
	if _, err := os.Stat(path); err != nil {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			a.showError(err)
			return
		}
		if err := a.cfg.Create(path, "", true); err != nil {
			a.showError(err)
			return
		}
	}
	a.openPath(path)
}

func (a *App) openDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			a.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		a.openPath(path)
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{planExt}))
	a.showFileDialog(d)
}
