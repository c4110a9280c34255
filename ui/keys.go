package ui

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// showKeys is the dialog for this laptop's name in bundles, its public
// key, and the keys this plan trusts.
func (a *App) showKeys() {
	if a.plan == nil {
		a.showError(errNoPlan)
		return
	}
	doc := a.plan.Doc()
	me := doc.ReplicaInfo(a.plan.Replica())
	regions := doc.Regions()
	// Saved as soon as it is chosen or typed (Enter, or leaving the
	// field, or closing the dialog): there is no Save button to forget.
	var region *choice
	var label *commitEntry
	saved := [2]string{me.Label, me.Region}
	saveMe := func() {
		reg := ""
		if i := region.SelectedIndex(); i > 0 {
			reg = regions[i-1].E.ID
		}
		name := strings.TrimSpace(label.Text)
		if saved == [2]string{name, reg} {
			return
		}
		if a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(ed.Replica(), stratplan.KindReplica, stratplan.Set("label", stratplan.Text(name)), stratplan.Set("region", stratplan.Text(reg)))
		}) {
			saved = [2]string{name, reg}
			a.setStatus(lang.L("Bundles from this laptop now say they come from {{.Label}}.", map[string]any{"Label": name}))
		}
	}
	label = newCommitEntry(lang.L("e.g. Europe workshop, Brussels"), func(string) { saveMe() })
	label.SetText(me.Label)
	label.saved = me.Label
	names := []string{lang.L("Any region (Secretariat)")}
	sel := 0
	for i, r := range regions {
		names = append(names, r.Name)
		if r.E.ID == me.Region {
			sel = i + 1
		}
	}
	region = newChoice(names, nil)
	region.SetSelectedIndex(sel)
	region.OnChanged = func(string) { saveMe() }
	laptop := widget.NewForm(widget.NewFormItem(lang.L("Name in bundles"), label), widget.NewFormItem(lang.L("Region"), region))

	own := newEntry("")
	own.Disable()
	if k, err := a.cfg.OwnKey(); err == nil {
		own.SetText(base64.StdEncoding.EncodeToString(k.Public().(ed25519.PublicKey)))
	} else {
		own.SetText(err.Error())
	}
	copyKey := newButton(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		a.fy.Clipboard().SetContent(own.Text)
		a.setStatus(lang.L("Your public key is on the clipboard: send it to whoever imports your bundles."))
	})
	saveKey := newButton(lang.L("Save to a file…"), theme.DocumentSaveIcon(), func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			if err := a.cfg.WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, own.Text+"\n"); return err }); err != nil {
				a.showError(err)
			}
		}, a.win)
		d.SetFileName(slug(label.Text, "my-key") + ".pub")
		a.showFileDialog(d)
	})

	trusted, err := a.plan.TrustedKeys()
	if err != nil {
		a.showError(err)
	}
	var list *keyList
	list = newKeyList(func() int { return len(trusted) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, newButton(lang.L("Remove"), theme.DeleteIcon(), nil), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := trusted[i]
			c := o.(*fyne.Container)
			where := lang.L("any region")
			if t.Region != "" {
				where = doc.RegionName(t.Region)
			}
			c.Objects[0].(*widget.Label).SetText(t.Label + " — " + where + " — " + stratplan.KeyFingerprint(t.Key))
			c.Objects[1].(*button).OnTapped = func() {
				if err := a.plan.Untrust(t.Key); err != nil {
					a.showError(err)
					return
				}
				trusted, _ = a.plan.TrustedKeys()
				list.Refresh()
			}
		})
	trust := newButton(lang.L("Trust a key…"), theme.ContentAddIcon(), func() {
		a.trustKeyDialog(func() {
			trusted, _ = a.plan.TrustedKeys()
			list.Refresh()
		})
	})
	about := widget.NewLabel(lang.L("Trusted keys belong to this plan file only; bundles never carry them. A bundle signed by a trusted key shows who signed it when you import it."))
	about.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(
		container.NewVBox(
			widget.NewCard(lang.L("This laptop"), "", laptop),
			widget.NewCard(lang.L("My public key"), "", container.NewBorder(nil, nil, nil, container.NewHBox(copyKey, saveKey), own)),
			widget.NewLabelWithStyle(lang.L("Trusted keys"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), about),
		container.NewHBox(trust), nil, nil, list)
	m := a.showInfo(lang.L("Trusted keys and this laptop"), content, fyne.NewSize(760, 600))
	m.onClosed = saveMe
}

// trustKeyDialog asks for a key (pasted, or read from a file), whose it is
// and the region that person speaks for.
func (a *App) trustKeyDialog(done func()) {
	key := newEntry(lang.L("Paste the key, or load it from a file"))
	load := newButton("", theme.FolderOpenIcon(), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			defer r.Close()
			b, err := io.ReadAll(io.LimitReader(r, 4096))
			if err != nil {
				a.showError(err)
				return
			}
			key.SetText(strings.TrimSpace(string(b)))
		}, a.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".pub", ".txt", ".key"}))
		a.showFileDialog(d)
	})
	label := newEntry(lang.L("e.g. Aminata Traoré, WCA facilitator"))
	regions := a.plan.Doc().Regions()
	names := []string{lang.L("Any region (Secretariat)")}
	for _, r := range regions {
		names = append(names, r.Name)
	}
	region := newChoice(names, nil)
	region.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Key"), container.NewBorder(nil, nil, nil, load, key)),
		widget.NewFormItem(lang.L("Whose key"), label),
		widget.NewFormItem(lang.L("Speaks for"), region),
	}
	a.showForm(lang.L("Trust a key"), lang.L("Trust"), items, func() {
		raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(key.Text))
		if err != nil || len(raw) != ed25519.PublicKeySize {
			a.showError(errors.New(lang.L("This is not a stratplan public key: ask its owner for the key shown under 'My public key'.")))
			return
		}
		reg := ""
		if i := region.SelectedIndex(); i > 0 {
			reg = regions[i-1].E.ID
		}
		if err := a.plan.Trust(stratplan.TrustedKey{Key: raw, Label: strings.TrimSpace(label.Text), Region: reg}); err != nil {
			a.showError(err)
			return
		}
		done()
	}, fyne.NewSize(620, 0))
	a.win.Canvas().Focus(key)
}
