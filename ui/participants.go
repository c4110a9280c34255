package ui

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"stratplan"
	"stratplan/export"
)

// participantsView is the participants table of the Workshop step, with
// quick add, edit, remove and CSV import.
type participantsView struct {
	a     *App
	obj   fyne.CanvasObject
	title *widget.Label

	name, member, role *widget.Entry
	table              *keyTable
	rows               []stratplan.Participant
	selected           int
	editBtn, removeBtn *widget.Button
}

var participantColumns = []string{"Name", "Member administration", "Role"}

func newParticipantsView(a *App) *participantsView {
	p := &participantsView{a: a, selected: -1}
	p.name = widget.NewEntry()
	p.name.SetPlaceHolder(lang.L("Name"))
	p.member = widget.NewEntry()
	p.member.SetPlaceHolder(lang.L("Member administration"))
	p.role = widget.NewEntry()
	p.role.SetPlaceHolder(lang.L("Role"))
	for _, e := range []*widget.Entry{p.name, p.member, p.role} {
		e.OnSubmitted = func(string) { p.add() }
	}
	add := widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), p.add)
	importBtn := widget.NewButtonWithIcon(lang.L("Import CSV…"), theme.UploadIcon(), p.importDialog)
	quick := container.NewBorder(nil, nil, nil, container.NewHBox(add, importBtn),
		container.NewGridWithColumns(3, p.name, p.member, p.role))

	p.table = newKeyTable(
		func() (int, int) { return len(p.rows), len(participantColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, l)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(p.rows) {
				return
			}
			r := p.rows[id.Row]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText([]string{r.Name, r.Member, r.Role}[id.Col])
			showIf(c.Objects[1], id.Col == 0 && r.E.HasConflict())
			c.Refresh() // cells are reused: lay out again for the badge shown or hidden
		})
	p.table.ShowHeaderRow = true
	p.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(participantColumns[id.Col]))
		}
	}
	for i, w := range []float32{240, 240, 380} {
		p.table.SetColumnWidth(i, w)
	}
	p.table.OnSelect = func(row int) {
		p.selected = row
		p.updateButtons()
	}
	p.table.OnDelete = p.remove
	p.table.OnEdit = func(row int) {
		if p.rows[row].E.HasConflict() {
			p.a.settleEntity(p.rows[row].E)
			return
		}
		p.editDialog(row)
	}
	p.editBtn = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { p.editDialog(p.selected) })
	p.removeBtn = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { p.remove(p.selected) })
	p.updateButtons()
	p.title = widget.NewLabelWithStyle(lang.L("Participants"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.obj = container.NewBorder(container.NewVBox(p.title, quick),
		container.NewHBox(p.editBtn, p.removeBtn), nil, nil, p.table)
	return p
}

func (p *participantsView) object() fyne.CanvasObject { return p.obj }

func (p *participantsView) refresh() {
	p.rows = p.a.plan.Doc().Participants(p.a.workshop)
	if p.selected >= len(p.rows) {
		p.selected = -1
		p.table.UnselectAll()
	}
	p.title.SetText(lang.L("Participants") + fmt.Sprintf(" (%d)", len(p.rows)))
	p.table.Refresh()
	p.updateButtons()
}

func (p *participantsView) updateButtons() {
	if p.selected >= 0 && p.selected < len(p.rows) {
		p.editBtn.Enable()
		p.removeBtn.Enable()
	} else {
		p.editBtn.Disable()
		p.removeBtn.Disable()
	}
}

// add saves the quick-add row as a new participant and readies it for the
// next one.
func (p *participantsView) add() {
	name := strings.TrimSpace(p.name.Text)
	if name == "" {
		p.a.setStatus(lang.L("Type the participant's name first."))
		p.a.win.Canvas().Focus(p.name)
		return
	}
	ws := p.a.workshop
	member, role := strings.TrimSpace(p.member.Text), strings.TrimSpace(p.role.Text)
	if stratplan.HasParticipant(p.rows, name, member) {
		p.a.setStatus(lang.L("{{.Name}} ({{.Member}}) is already a participant.", map[string]any{"Name": name, "Member": member}))
		return
	}
	if p.a.edit(func(ed *stratplan.Edit) error { return addParticipant(ed, ws, name, member, role) }) {
		p.name.SetText("")
		p.member.SetText("")
		p.role.SetText("")
		p.a.win.Canvas().Focus(p.name)
		p.table.ScrollToBottom()
	}
}

func addParticipant(ed *stratplan.Edit, ws, name, member, role string) error {
	return ed.Set(stratplan.NewID(), stratplan.KindParticipant,
		stratplan.Set("name", stratplan.Text(name)), stratplan.Set("member", stratplan.Text(member)),
		stratplan.Set("role", stratplan.Text(role)), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(ws)))
}

func (p *participantsView) remove(row int) {
	if row < 0 || row >= len(p.rows) {
		return
	}
	r := p.rows[row]
	if p.a.deleteWithUndo(r.E.Key(), lang.L("Removed {{.Name}}.", map[string]any{"Name": r.Name})) {
		p.table.UnselectAll()
	}
}

func (p *participantsView) editDialog(row int) {
	if row < 0 || row >= len(p.rows) {
		return
	}
	r := p.rows[row]
	name, member, role := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	name.SetText(r.Name)
	member.SetText(r.Member)
	role.SetText(r.Role)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Member administration"), member),
		widget.NewFormItem(lang.L("Role"), role),
	}
	id := r.E.ID
	d := dialog.NewForm(lang.L("Edit participant"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if strings.TrimSpace(name.Text) == "" {
			p.a.setStatus(lang.L("A participant needs a name: the change was not saved."))
			return
		}
		p.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(id, stratplan.KindParticipant, stratplan.Set("name", stratplan.Text(strings.TrimSpace(name.Text))),
				stratplan.Set("member", stratplan.Text(strings.TrimSpace(member.Text))), stratplan.Set("role", stratplan.Text(strings.TrimSpace(role.Text))))
		})
		p.a.win.Canvas().Focus(p.table)
	}, p.a.win)
	for _, e := range []*widget.Entry{name, member, role} {
		e.OnSubmitted = func(string) { d.Submit() }
	}
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
	p.a.win.Canvas().Focus(name)
}

func (p *participantsView) importDialog() { p.a.openCSV(p.importCSV) }

// openCSV asks for a CSV file and hands it to read.
func (a *App) openCSV(read func(name string, r io.Reader)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			a.showError(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		read(r.URI().Name(), r)
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".txt"}))
	d.Show()
}

// importCSV reads participants from a CSV file. Bad lines are listed with
// their numbers; nothing is imported unless the user chooses to skip them.
func (p *participantsView) importCSV(name string, r io.Reader) {
	t, err := export.ReadCSV(r, export.ParticipantColumns)
	if err != nil {
		p.a.showError(fmt.Errorf("%s: %w", name, err))
		return
	}
	existing := p.rows
	var good []map[string]string
	problems := append([]export.LineError(nil), t.Errors...)
	for i, row := range t.Rows {
		if stratplan.HasParticipant(existing, row["name"], row["member"]) {
			problems = append(problems, export.LineError{Line: t.Lines[i], Msg: lang.L("{{.Name}} ({{.Member}}) is already a participant", map[string]any{"Name": row["name"], "Member": row["member"]})})
			continue
		}
		existing = append(existing, stratplan.Participant{Name: row["name"], Member: row["member"]})
		good = append(good, row)
	}
	ws := p.a.workshop
	apply := func() {
		if len(good) == 0 {
			return
		}
		if p.a.edit(func(ed *stratplan.Edit) error {
			for _, row := range good {
				if err := addParticipant(ed, ws, row["name"], row["member"], row["role"]); err != nil {
					return err
				}
			}
			return nil
		}) {
			p.a.setStatus(lang.N("Imported {{.Count}} participants from {{.File}}.", len(good), map[string]any{"Count": len(good), "File": name}))
		}
	}
	if len(problems) == 0 {
		if len(good) == 0 {
			p.a.showError(fmt.Errorf("%s: %s", name, lang.L("the file has a header but no participants")))
			return
		}
		apply()
		return
	}
	p.a.showLineProblems(name, problems, len(good), apply)
}

// showLineProblems lists the bad lines of an imported file by number and
// offers to import the good ones; nothing is imported until the user says.
func (a *App) showLineProblems(name string, problems []export.LineError, good int, apply func()) {
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	lines := make([]string, len(problems))
	for i, e := range problems {
		lines[i] = lang.L("Line {{.Line}}: {{.Msg}}", map[string]any{"Line": e.Line, "Msg": e.Msg})
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	intro := widget.NewLabel(lang.L("{{.Bad}} lines of {{.File}} cannot be imported. Nothing has been imported yet: fix the file and import it again, or import the {{.Good}} good lines now.",
		map[string]any{"Bad": len(problems), "File": name, "Good": good}))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(intro, nil, nil, nil, list)
	if good == 0 {
		d := dialog.NewCustom(lang.L("Nothing to import"), lang.L("Close"), content, a.win)
		d.Resize(fyne.NewSize(640, 420))
		d.Show()
		return
	}
	d := dialog.NewCustomConfirm(lang.L("Some lines cannot be imported"),
		lang.N("Import the {{.Good}} good lines", good, map[string]any{"Good": good}), lang.L("Cancel"), content,
		func(ok bool) {
			if ok {
				apply()
			}
		}, a.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}
