package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan/exchange"
)

// startFromBundle asks for the bundle the Secretariat sent, then where to
// keep the plan made from it.
func (a *App) startFromBundle() {
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
		a.startFromFile(path)
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	a.showFileDialog(d)
}

// startFromFile reads the bundle at path, says which plan it holds and
// asks where to keep the new plan file.
func (a *App) startFromFile(bundle string) {
	a.busy(lang.L("Checking bundles…"), func() (func(), error) {
		in := exchange.Read(bundle)
		if in.Err != nil {
			return nil, in.Err
		}
		return func() { a.askStartPath(in) }, nil
	})
}

// askStartPath shows the plan a bundle holds and asks for the folder and
// file name of the plan file to make from it.
func (a *App) askStartPath(in *exchange.Incoming) {
	doc := in.Bundle.Doc
	info := doc.PlanInfo()
	title := info.Title
	if title == "" {
		title = doc.Plan()
	}
	about := widget.NewLabel(lang.L("This bundle holds the plan “{{.Title}}”: {{.Regions}}, {{.Objectives}}, {{.Workshops}}. It was exported by {{.From}} on {{.Date}} ({{.Signer}}).",
		map[string]any{"Title": title, "Regions": nOf("{{.Count}} regions", len(doc.Regions())), "Objectives": nOf("{{.Count}} objectives", len(doc.Objectives())),
			"Workshops": nOf("{{.Count}} workshops", len(doc.Workshops())),
			"From":      producerLabel(in.Bundle), "Date": in.Bundle.ExportedAt.Local().Format("2006-01-02"), "Signer": signerText(in.Bundle.Signer(nil, doc))}) + "\n\n" +
		lang.L("A plan file of your own is made from it on this laptop. Everything you do in it merges back into the sender's plan when you send them a bundle."))
	if w := exchange.ClockWarning(doc); w != "" {
		about.SetText(about.Text + "\n\n" + labelled(lang.L("warning"), w))
	}
	about.Wrapping = fyne.TextWrapWord
	name := newEntry("")
	name.SetText(slug(title, lang.L("plan")) + planExt)
	folder := filepath.Dir(a.cfg.DefaultPath)
	if a.plan != nil {
		folder = filepath.Dir(a.plan.Path())
	}
	where := widget.NewLabel(folder)
	where.Truncation = fyne.TextTruncateEllipsis
	choose := newButton(lang.L("Choose…"), theme.FolderOpenIcon(), func() {
		a.showFileDialog(dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder = l.Path()
				where.SetText(folder)
			}
		}, a.win))
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, choose, where)),
		widget.NewFormItem(lang.L("File name"), name))
	create := func() {
		file := strings.TrimSpace(name.Text)
		if !strings.HasSuffix(file, planExt) {
			file += planExt
		}
		path := filepath.Join(folder, file)
		if err := a.cfg.StartFrom(path, in); err != nil {
			a.showError(err)
			return
		}
		a.current = 0
		a.openPath(path)
		if a.plan != nil {
			a.setStatus(lang.L("Started from “{{.Title}}”: this laptop now works on the same plan. Create or choose your workshop; File ▸ Trusted keys and this laptop says which region you work for.", map[string]any{"Title": title}))
		}
	}
	d := a.showConfirm(lang.L("Start from a plan you were sent"), lang.L("Create"), lang.L("Cancel"), container.NewVBox(about, form), create, fyne.NewSize(620, 0))
	name.OnSubmitted = func(string) {
		d.confirm()
		create()
	}
	a.win.Canvas().Focus(name)
}
