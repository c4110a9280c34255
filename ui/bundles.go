package ui

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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

// busy runs work off the UI goroutine behind a progress dialog, then runs
// done (if work returned one) or shows the error, on the UI goroutine.
func (a *App) busy(title string, work func() (done func(), err error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewPadded(bar), a.win)
	d.Resize(fyne.NewSize(360, d.MinSize().Height))
	a.win.Canvas().Unfocus()
	a.working++ // Escape does not close it: the work goes on
	d.Show()
	finish := func(done func(), err error) {
		a.working--
		d.Hide()
		bar.Stop()
		if err != nil {
			a.showError(err)
			return
		}
		if done != nil {
			done()
		}
	}
	if a.cfg.Inline {
		finish(work())
		return
	}
	a.jobs.Add(1)
	go func() {
		defer a.jobs.Done()
		done, err := work()
		fyne.DoAndWait(func() { finish(done, err) })
	}()
}

// suggestedBundleName is <plan>-<region>-<date>-<seq>.json.
func (a *App) suggestedBundleName() string {
	doc := a.plan.Doc()
	region := "all"
	if r := doc.ReplicaInfo(a.plan.Replica()).Region; r != "" {
		region = doc.Entity(r).Str("code")
	} else if w := doc.Entity(a.workshop); w != nil && w.Str("region") != "" {
		if e := doc.Entity(w.Str("region")); e != nil {
			region = e.Str("code")
		}
	} else if e := doc.Entity(a.region); e != nil {
		region = e.Str("code")
	}
	name := slug(doc.PlanInfo().Title, "plan")
	// A title that already names the region does not name it twice.
	if r := slug(region, "all"); !strings.Contains("-"+name+"-", "-"+r+"-") {
		name += "-" + r
	}
	return fmt.Sprintf("%s-%s-%d.json", name, time.Now().Format("2006-01-02"), a.plan.ExportSeq()+1)
}

// slug keeps letters and digits of s, lower case, accents dropped, words
// joined by '-'.
func slug(s, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		r = unaccent(r)
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

func unaccent(r rune) rune {
	const from, to = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"
	for i, f := range []rune(from) {
		if r == f {
			return []rune(to)[i]
		}
	}
	return r
}

// exportBundle asks where to save the bundle and whether to sign it, then
// writes the plan as a bundle. The app's own export dialog, not the
// system's save dialog: that one opens (and so empties) a file it is told
// to replace before anything is written.
func (a *App) exportBundle() {
	if a.plan == nil {
		return
	}
	sign := newCheck(lang.L("Sign it with my key, so the receiver knows it comes from me"), nil)
	sign.SetChecked(a.fy.Preferences().BoolWithFallback("sign-bundles", true))
	about := widget.NewLabel(lang.L("A bundle carries the whole plan to another laptop: send it by e-mail or on a USB stick. Importing it there merges it with what they have; nothing is lost on either side."))
	about.Wrapping = fyne.TextWrapWord
	about.TextStyle = fyne.TextStyle{Italic: true}
	a.askExportPath(lang.L("Export bundle"), a.suggestedBundleName(),
		[]*widget.FormItem{widget.NewFormItem("", sign), widget.NewFormItem("", about)}, func(path string) {
			a.fy.Preferences().SetBool("sign-bundles", sign.Checked)
			a.writeBundle(path, sign.Checked)
		})
}

// writeBundle writes the bundle to path: the plan is snapshotted here, on
// the UI goroutine, and encoded and written in the background.
func (a *App) writeBundle(path string, sign bool) {
	var key ed25519.PrivateKey
	if sign {
		k, err := a.cfg.OwnKey()
		if err != nil {
			a.showError(err)
			return
		}
		key = k
	}
	o, err := exchange.Prepare(a.plan, "stratplan "+a.cfg.Version, key)
	if err != nil {
		a.showError(err)
		return
	}
	a.busy(lang.L("Exporting…"), func() (func(), error) {
		// The export dialog has already asked before replacing a file.
		if err := o.Write(path, true); err != nil {
			return nil, err
		}
		return func() {
			a.setStatus(lang.N("Exported the plan ({{.Count}} items) to {{.Path}}.", o.Doc.Len(), map[string]any{"Count": o.Doc.Len(), "Path": path}))
		}, nil
	})
}

// importer is the import dialog: the bundles chosen, what each would
// change, and the button that applies them all at once.
type importer struct {
	a        *App
	files    []*exchange.Incoming
	list     *keyList
	summary  *widget.Label
	apply    *button
	clear    *button
	adopt    *button // shown when a bundle is of another plan
	signed   *check
	merged   *stratplan.Document
	pv       *exchange.Preview
	total    stratplan.MergeStats
	dlg      *modal
	checking bool
	rows     *wrappedRows
}

// importBundles opens the import dialog, with paths already chosen (from
// a drop on the window) or empty.
func (a *App) importBundles(paths ...string) {
	if a.plan == nil {
		a.showError(errNoPlan)
		return
	}
	im := &importer{a: a}
	im.summary = widget.NewLabel("")
	im.summary.Wrapping = fyne.TextWrapWord
	im.list = newKeyList(func() int { return len(im.files) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			detail := widget.NewLabel("")
			detail.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, container.NewVBox(name, detail))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			f := im.files[i]
			c := o.(*fyne.Container)
			box := c.Objects[0].(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(filepath.Base(f.Path))
			box.Objects[1].(*widget.Label).SetText(im.describe(f))
			icon := c.Objects[1].(*widget.Icon)
			if !f.OK() {
				icon.SetResource(theme.ErrorIcon())
			} else {
				icon.SetResource(theme.ConfirmIcon())
			}
		})
	im.signed = newCheck(lang.L("Accept only bundles signed by a trusted key"), func(on bool) {
		a.fy.Preferences().SetBool("require-signed", on)
		if im.list != nil && !im.checking {
			im.preview()
		}
	})
	im.signed.SetChecked(a.fy.Preferences().Bool("require-signed"))
	add := newButton(lang.L("Add a bundle…"), theme.ContentAddIcon(), im.addFile)
	addDir := newButton(lang.L("Add every bundle in a folder…"), theme.FolderOpenIcon(), im.addFolder)
	im.clear = newButton(lang.L("Remove refused bundles"), theme.DeleteIcon(), func() {
		var keep []*exchange.Incoming
		for _, f := range im.files {
			if f.OK() {
				keep = append(keep, f)
			}
		}
		im.files = keep
		im.preview()
	})
	im.adopt = newButton(lang.L("Bring in the other plan's workshops…"), theme.ContentCopyIcon(), func() { a.adoptFrom(im.otherPlans(), im.dlg) })
	im.adopt.Hide()
	im.apply = newButton(lang.L("Import"), theme.DownloadIcon(), im.doImport)
	im.apply.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("Choose the bundles to merge into this plan. Nothing changes until you press Import; a backup of the plan is made first."))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(intro, container.NewHBox(add, addDir, im.clear), im.signed)
	im.rows = newWrappedRows(&im.list.List, im.list, 2, func() []string {
		texts := make([]string, len(im.files))
		for i, f := range im.files {
			texts[i] = filepath.Base(f.Path) + "\n" + im.describe(f)
		}
		return texts
	})
	content := container.NewBorder(top, container.NewVBox(im.summary, container.NewHBox(im.adopt)), nil, nil, im.rows.obj)
	im.dlg = a.newModal(lang.L("Import bundles"), content)
	im.dlg.setButtons(newButton(lang.L("Cancel"), theme.CancelIcon(), im.dlg.dismiss), im.apply)
	im.dlg.onClosed = func() { a.importing = nil }
	im.dlg.show(fyne.NewSize(760, 520))
	a.importing = im
	im.refresh()
	if len(paths) > 0 {
		im.add(paths)
	}
}

func (im *importer) describe(f *exchange.Incoming) string {
	if f.Err != nil {
		var op *exchange.OtherPlanError
		if errors.As(f.Err, &op) {
			return lang.L("This is a bundle of another plan, {{.Other}}: bundles of different plans are never merged.", map[string]any{"Other": op.OtherTitle})
		}
		return refusalText(f.Err, f.Path)
	}
	if f.Bundle == nil {
		return lang.L("Checking…")
	}
	s := signerText(f.Signer)
	if f.Refused != "" {
		return s + " — " + lang.L("refused: only bundles signed by a trusted key are accepted")
	}
	for _, w := range f.Warnings {
		s += "\n" + labelled(lang.L("warning"), w)
	}
	s += "\n" + lang.L("from {{.Label}}, exported {{.Time}}", map[string]any{"Label": producerLabel(f.Bundle), "Time": f.Bundle.ExportedAt.Local().Format("2006-01-02 15:04")})
	return s + "\n" + statsText(f.Stats)
}

// refusalText says why a file is refused. The reader's messages are in
// English, with the byte and the entity where the file goes wrong: in
// another language the window says what it means first, in its words, and
// gives the reader's message as the details.
func refusalText(err error, path string) string {
	detail := strings.TrimPrefix(err.Error(), path+": ")
	if r, n := utf8.DecodeRuneInString(detail); n > 0 {
		detail = string(unicode.ToUpper(r)) + detail[n:]
	}
	if !strings.HasSuffix(detail, ".") {
		detail += "."
	}
	var be *export.BundleError
	if !errors.As(err, &be) {
		return detail
	}
	var what string
	switch {
	case errors.Is(err, export.ErrNewerVersion):
		what = lang.L("Made by a newer version of stratplan: update stratplan on this laptop to import it.")
	case errors.Is(err, export.ErrChanged):
		what = lang.L("Changed after it was exported (opened and saved in an editor, or damaged on the way): import the file as it was sent, or ask the sender to export it again.")
	default:
		what = lang.L("Not a stratplan bundle, or damaged on the way: ask the sender to export it again.")
	}
	if userLang() == "en" {
		return detail
	}
	return what + "\n" + labelled(lang.L("details"), detail)
}

func producerLabel(b *export.Bundle) string {
	if b.Producer.Label != "" {
		return b.Producer.Label
	}
	return b.Producer.Replica
}

func signerText(s stratplan.Signer) string {
	switch s.Status {
	case stratplan.TrustedSigner:
		return lang.L("Signed by {{.Label}} (trusted)", map[string]any{"Label": s.Label})
	case stratplan.UnknownSigner:
		return lang.L("Signed by a key you do not trust yet ({{.Key}})", map[string]any{"Key": stratplan.KeyFingerprint(s.Key)})
	}
	return lang.L("Not signed")
}

func statsText(st stratplan.MergeStats) string {
	if !st.Changed() {
		return lang.L("Nothing new: this bundle is older than or equal to what you have.")
	}
	return lang.L("{{.New}}, {{.Updated}}, {{.Conflicts}}",
		// A laptop's record is bookkeeping, not an item anyone wrote.
		map[string]any{"New": nOf("{{.Count}} new items", st.NewEntities-st.NewReplicas), "Updated": nOf("{{.Count}} changed fields", st.UpdatedFields),
			"Conflicts": nOf("{{.Count}} new conflicts", st.NewConflicts)})
}

// nOf says a count of things in the window's language, one or many: key
// is the text for many, with {{.Count}} for the number.
func nOf(key string, n int) string { return lang.N(key, n, map[string]any{"Count": n}) }

func (im *importer) addFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			im.a.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		im.add([]string{r.URI().Path()})
	}, im.a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	im.a.showFileDialog(d)
}

func (im *importer) addFolder() {
	im.a.showFileDialog(dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			im.a.showError(err)
			return
		}
		if l == nil {
			return
		}
		items, err := l.List()
		if err != nil {
			im.a.showError(err)
			return
		}
		var paths []string
		for _, u := range items {
			if strings.EqualFold(u.Extension(), ".json") {
				paths = append(paths, u.Path())
			}
		}
		if len(paths) == 0 {
			im.a.showError(fmt.Errorf("%s: %s", l.Path(), lang.L("there are no .json bundles in this folder")))
			return
		}
		im.add(paths)
	}, im.a.win))
}

// add reads the files in the background, then previews them all.
func (im *importer) add(paths []string) {
	var fresh []string
	for _, p := range paths {
		dup := false
		for _, f := range im.files {
			dup = dup || f.Path == p
		}
		if !dup {
			fresh = append(fresh, p)
		}
	}
	im.checking = true
	im.refresh()
	im.a.busy(lang.L("Checking bundles…"), func() (func(), error) {
		read := make([]*exchange.Incoming, len(fresh))
		for i, p := range fresh {
			read[i] = exchange.Read(p)
		}
		return func() {
			im.checking = false
			im.files = append(im.files, read...)
			im.preview()
		}, nil
	})
}

// preview works out what each bundle would change, in order.
func (im *importer) preview() {
	trusted, err := im.a.plan.TrustedKeys()
	if err != nil {
		im.a.showError(err)
	}
	// A bundle signed on this laptop is this laptop's own.
	if k, err := im.a.cfg.OwnKey(); err == nil {
		trusted = stratplan.WithKey(trusted, k.Public().(ed25519.PublicKey), lang.L("this laptop"))
	}
	pv := exchange.Check(im.a.plan.Doc(), trusted, im.files, im.signed.Checked)
	im.pv = pv
	im.merged = pv.Merged
	im.total = pv.Total
	im.refresh()
}

func (im *importer) refresh() {
	im.rows.fit()
	im.list.Refresh()
	ok, bad := 0, 0
	for _, f := range im.files {
		if f.OK() {
			ok++
		} else {
			bad++
		}
	}
	total := im.total
	switch {
	case im.checking:
		im.summary.SetText(lang.L("Checking…"))
	case len(im.files) == 0:
		im.summary.SetText(lang.L("No bundle chosen yet. You can also drop bundle files on the window."))
	case bad > 0 && bad == len(im.files):
		im.summary.SetText(lang.N("{{.Count}} bundles are refused: nothing can be imported from them.", bad, map[string]any{"Count": bad}))
	case bad > 0:
		im.summary.SetText(lang.N("{{.Bad}} of {{.All}} bundles are refused: remove them to import the others.", bad, map[string]any{"Bad": bad, "All": len(im.files)}))
	case !total.Changed():
		im.summary.SetText(statsText(total))
	default:
		im.summary.SetText(lang.L("Importing will bring: {{.Stats}}.", map[string]any{"Stats": statsText(total)}))
	}
	showIf(im.adopt, len(im.otherPlans()) > 0 && !im.checking)
	if ok > 0 && bad == 0 && !im.checking && im.merged != nil {
		im.apply.Enable()
	} else {
		im.apply.Disable()
	}
}

// doImport merges every chosen bundle into the plan in one transaction.
func (im *importer) doImport() {
	pv, n := im.pv, len(im.files)
	a := im.a
	im.dlg.confirm()
	a.commitTyping()
	a.busy(lang.L("Importing…"), func() (func(), error) {
		st, err := exchange.Apply(a.plan, pv)
		if err != nil {
			return nil, err
		}
		return func() {
			a.hist.clear() // an undo must not write over what the bundles brought
			a.updateMenu()
			a.refresh()
			msg := lang.N("Imported {{.Count}} bundles: {{.Stats}}", n, map[string]any{"Count": n, "Stats": statsText(st)})
			if c := len(a.plan.Doc().Conflicts()); c > 0 {
				msg += " " + lang.N("{{.Count}} conflicts to settle.", c, map[string]any{"Count": c})
			}
			a.setStatus(msg)
		}, nil
	})
}

// onDropped imports bundle files dropped on the window.
func (a *App) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if strings.EqualFold(u.Extension(), ".json") {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 || a.plan == nil {
		return
	}
	if a.importing != nil {
		a.importing.add(paths)
		return
	}
	a.importBundles(paths...)
}
