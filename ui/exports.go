package ui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/exchange"
	"stratplan/export"
)

// The files the window exports besides bundles: the workshop report and
// the consolidated report (PDF), and the spreadsheet (xlsx). Each is laid
// out from a snapshot of the plan off the UI goroutine, behind the progress
// dialog, and written whole or not at all: a file already there stays as it
// was until the new one is complete.

// Paper sizes and report languages, as the export package names them.
var (
	paperCodes  = []string{"a4", "letter"}
	paperLabels = []string{msg("A4"), msg("Letter")}
	langCodes   = []string{"en", "fr", "es"}
	langLabels  = []string{"English", "Français", "Español"}
)

// Preferences of the exports.
const (
	prefExportDir = "export-folder" // the folder files were last exported to
	prefPaper     = "report-paper"
)

// reportOptions are the paper and language the window writes reports in.
// The language starts as the window's own.
type reportOptions struct {
	paper, lang string
}

// reportOpts returns the paper and language chosen for reports.
func (a *App) reportOpts() reportOptions {
	if a.report.lang == "" {
		a.report.lang = "en"
		if l := userLang(); indexOf(langCodes, l) >= 0 {
			a.report.lang = l
		}
		a.report.paper = a.fy.Preferences().StringWithFallback(prefPaper, "a4")
		if indexOf(paperCodes, a.report.paper) < 0 {
			a.report.paper = "a4"
		}
	}
	return a.report
}

// setReportOpts keeps the paper and language chosen for reports.
func (a *App) setReportOpts(o reportOptions) {
	a.report = o
	a.fy.Preferences().SetString(prefPaper, o.paper)
}

// reportChoices are the paper and language drop-downs of a report; they
// change the window's choice as they are changed.
func (a *App) reportChoices(changed func()) (paper, language *choice) {
	paper = newChoice(translated(paperLabels), nil)
	language = newChoice(langLabels, nil)
	o := a.reportOpts()
	paper.SetSelectedIndex(indexOf(paperCodes, o.paper))
	language.SetSelectedIndex(indexOf(langCodes, o.lang))
	paper.OnChanged = func(string) {
		if i := paper.SelectedIndex(); i >= 0 && paperCodes[i] != a.report.paper {
			a.setReportOpts(reportOptions{paper: paperCodes[i], lang: a.report.lang})
			if changed != nil {
				changed()
			}
		}
	}
	language.OnChanged = func(string) {
		if i := language.SelectedIndex(); i >= 0 && langCodes[i] != a.report.lang {
			a.setReportOpts(reportOptions{paper: a.report.paper, lang: langCodes[i]})
			if changed != nil {
				changed()
			}
		}
	}
	return paper, language
}

// suggestedName is <plan>[-<what>]-<date>.<ext>.
func (a *App) suggestedName(what, ext string) string {
	doc := a.plan.Doc()
	name := slug(doc.PlanInfo().Title, "plan")
	if what != "" {
		name += "-" + slug(what, "report")
	}
	return name + "-" + a.now().Format("2006-01-02") + "." + ext
}

// workshopTitle is the title of the workshop shown, or "".
func (a *App) workshopTitle() string {
	if e := a.plan.Doc().Get(stratplan.KindWorkshop, a.workshop); e != nil {
		return e.Str("title")
	}
	return ""
}

// exportReport asks where to write the workshop report, then writes it.
func (a *App) exportReport() {
	if a.plan == nil {
		return
	}
	if a.workshop == "" {
		a.showError(errors.New(lang.L("This plan has no workshop to report on yet: create one with + at the top, then fill in its steps.")))
		return
	}
	paper, language := a.reportChoices(func() {
		if v, ok := a.views[pageIndex("review")].(*reviewStep); ok {
			v.syncChoices()
		}
	})
	a.askExportPath(lang.L("Export the workshop report"), a.suggestedName(a.workshopTitle(), "pdf"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Paper"), paper), widget.NewFormItem(lang.L("Language"), language)},
		a.writeReport)
}

// exportSpreadsheet asks where to write the spreadsheet, then writes it.
func (a *App) exportSpreadsheet() {
	if a.plan == nil {
		return
	}
	a.askExportPath(lang.L("Export the spreadsheet"), a.suggestedName("", "xlsx"), nil, a.writeSpreadsheet)
}

// exportConsolidated asks where to write the consolidated report of the
// plan as it is, then writes it.
func (a *App) exportConsolidated() {
	if a.plan == nil {
		return
	}
	paper, language := a.reportChoices(nil)
	a.askExportPath(lang.L("Export the consolidated report"), a.suggestedName(lang.L("consolidated"), "pdf"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Paper"), paper), widget.NewFormItem(lang.L("Language"), language)},
		a.writeConsolidated)
}

// exportFolder is where exports go: the folder used last, else the
// user's Documents, else their home.
func (a *App) exportFolder() string {
	candidates := []string{a.fy.Preferences().String(prefExportDir)}
	if home, err := os.UserHomeDir(); err == nil {
		candidates = append(candidates, filepath.Join(home, "Documents"), home)
	}
	candidates = append(candidates, filepath.Dir(a.plan.Path()))
	for _, d := range candidates {
		if st, err := os.Stat(d); d != "" && err == nil && st.IsDir() {
			return d
		}
	}
	return "."
}

// askExportPath asks for a folder and a file name (and any extra fields),
// then asks before replacing a file, then calls write with the path.
// Nothing is opened or created until write runs: a file already there is
// never touched by choosing it.
func (a *App) askExportPath(title, name string, extra []*widget.FormItem, write func(path string)) {
	dir := a.exportFolder()
	folder := widget.NewLabel(dir)
	folder.Truncation = fyne.TextTruncateEllipsis
	browse := newButton(lang.L("Choose…"), theme.FolderOpenIcon(), nil)
	browse.OnTapped = func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				a.showError(err)
				return
			}
			if l != nil {
				dir = l.Path()
				folder.SetText(dir)
			}
		}, a.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
		d.Resize(fyne.NewSize(720, 480))
		a.showFileDialog(d)
	}
	ext := filepath.Ext(name)
	file := newEntry("")
	file.SetText(name)
	file.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		switch {
		case s == "" || s == ext:
			return errors.New(lang.L("give the file a name"))
		case strings.ContainsAny(s, `/\`):
			return errors.New(lang.L("a name only: choose the folder above"))
		}
		return nil
	}
	items := append([]*widget.FormItem{
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, browse, folder)),
		{Text: lang.L("File name"), Widget: file, HintText: lang.L("A file already there is replaced only if you say so.")},
	}, extra...)
	a.showForm(title, lang.L("Export"), items, func() {
		n := strings.TrimSpace(file.Text)
		if !strings.EqualFold(filepath.Ext(n), ext) {
			n += ext
		}
		path := filepath.Join(dir, n)
		a.fy.Preferences().SetString(prefExportDir, dir)
		a.confirmReplace(path, func() { write(path) })
	}, fyne.NewSize(760, 0))
	a.win.Canvas().Focus(file)
}

// confirmReplace runs write at once for a new file, and after asking when
// a file of that name is already there.
func (a *App) confirmReplace(path string, write func()) {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		write()
	case st.IsDir():
		a.showError(errors.New(lang.L("{{.Path}} is a folder: choose another file name.", map[string]any{"Path": path})))
	default:
		msg := widget.NewLabel(lang.L("A file named {{.Name}} is already in {{.Dir}}. Replace it with the new one? It stays as it is until the new one is written whole.",
			map[string]any{"Name": filepath.Base(path), "Dir": filepath.Dir(path)}))
		msg.Wrapping = fyne.TextWrapWord
		a.showConfirm(lang.L("Replace the file?"), lang.L("Replace"), lang.L("Cancel"), msg, write, fyne.NewSize(520, 0))
	}
}

// writeReport writes the workshop report of the workshop shown to path,
// replacing a file there (askExportPath has asked).
func (a *App) writeReport(path string) {
	doc, opts := a.plan.Doc().Clone(), a.reportOpts()
	o := export.ReportOptions{Paper: opts.paper, Lang: opts.lang, Workshop: a.workshop}
	a.writeExport(path, lang.L("Writing the report…"), func(w io.Writer) ([]string, error) {
		r, err := export.WorkshopReport(doc, o)
		if err != nil {
			return nil, err
		}
		return r.Warnings, r.WritePDF(w)
	})
}

// writeConsolidated writes the consolidated report of the plan as it is to
// path.
func (a *App) writeConsolidated(path string) {
	doc, opts := a.plan.Doc().Clone(), a.reportOpts()
	o := export.ReportOptions{Paper: opts.paper, Lang: opts.lang}
	a.writeExport(path, lang.L("Writing the report…"), func(w io.Writer) ([]string, error) {
		r, err := export.ConsolidatedReport(doc, o, nil)
		if err != nil {
			return nil, err
		}
		return r.Warnings, r.WritePDF(w)
	})
}

// writeSpreadsheet writes the plan's spreadsheet to path.
func (a *App) writeSpreadsheet(path string) {
	doc, now := a.plan.Doc().Clone(), a.now()
	a.writeExport(path, lang.L("Writing the spreadsheet…"), func(w io.Writer) ([]string, error) {
		return export.WriteSpreadsheet(w, doc, export.SpreadsheetOptions{Now: now})
	})
}

// writeExport runs write off the UI goroutine into a new file that takes
// path's place only when it is complete, then says where it went.
func (a *App) writeExport(path, title string, write func(w io.Writer) ([]string, error)) {
	a.busy(title, func() (func(), error) {
		var warnings []string
		err := exchange.WriteNew(path, true, func(w io.Writer) error {
			var err error
			warnings, err = write(w)
			return err
		})
		if err != nil {
			return nil, exportError(path, err)
		}
		return func() { a.showWritten(path, warnings) }, nil
	})
}

// exportError says why a file could not be written and what to do.
func exportError(path string, err error) error {
	var why string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		why = lang.L("The disk is full: free some space, or choose another disk such as a USB stick, and export again.")
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		why = lang.L("stratplan may not write in {{.Dir}}: choose another folder, such as your Documents, and export again.", map[string]any{"Dir": filepath.Dir(path)})
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		why = lang.L("The folder {{.Dir}} is not there any more: choose another one and export again.", map[string]any{"Dir": filepath.Dir(path)})
	default:
		why = strings.TrimPrefix(err.Error(), path+": ")
	}
	return fmt.Errorf("%s\n\n%s\n\n%s", lang.L("{{.Name}} was not written.", map[string]any{"Name": filepath.Base(path)}), why,
		lang.L("Nothing was changed in that folder: a file already there is as it was."))
}

// showWritten says where a file was written and what the export warned
// about, with ways to open it or its folder.
func (a *App) showWritten(path string, warnings []string) {
	a.setStatus(lang.L("Exported {{.Path}}", map[string]any{"Path": path}))
	box := container.NewVBox()
	where := widget.NewLabel(lang.L("Written to {{.Path}}", map[string]any{"Path": path}))
	where.Wrapping = fyne.TextWrapWord
	box.Add(where)
	if len(warnings) > 0 {
		head := widget.NewLabelWithStyle(lang.N("{{.Count}} warnings: the file is complete, but check these", len(warnings), map[string]any{"Count": len(warnings)}),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Importance = widget.WarningImportance
		head.Wrapping = fyne.TextWrapWord
		text := widget.NewLabel("• " + strings.Join(warnings, "\n• "))
		text.Wrapping = fyne.TextWrapWord
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(0, min(float32(len(warnings)), 6)*theme.TextSize()*1.6))
		box.Add(head)
		box.Add(scroll)
	}
	m := a.newModal(lang.L("Exported"), box)
	open := newButton(lang.L("Open"), theme.FileIcon(), func() { m.dismiss(); a.openFile(path) })
	open.Importance = widget.HighImportance
	folder := newButton(lang.L("Show in folder"), theme.FolderOpenIcon(), func() { m.dismiss(); a.openFile(filepath.Dir(path)) })
	m.setButtons(newButton(lang.L("Close"), nil, m.dismiss), folder, open)
	m.show(fyne.NewSize(560, 0))
}

// openFile opens a file or a folder with the system's application for it.
func (a *App) openFile(path string) {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = a.fy.OpenURL(u)
	}
	if err != nil {
		a.showError(fmt.Errorf("%s: %w", path, err))
	}
}
