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
	quick fyne.CanvasObject
	title *widget.Label

	name, member, role *entry
	addBtn             *button
	table              *textTable
	rows               []stratplan.Participant
	selected           int
}

var participantColumns = []column{{name: "Name", max: 14}, {name: "Member administration", max: 14}, {name: "Role", flex: true}}

func newParticipantsView(a *App) *participantsView {
	p := &participantsView{a: a, selected: -1}
	p.name = newEntry(lang.L("Name"))
	p.member = newEntry(lang.L("Member administration"))
	p.role = newEntry(lang.L("Role"))
	for _, e := range []*entry{p.name, p.member, p.role} {
		e.OnSubmitted = func(string) { p.add() }
	}
	add := newButton(lang.L("Add"), theme.ContentAddIcon(), p.add)
	p.addBtn = add
	p.title = widget.NewLabelWithStyle(lang.L("Participants"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.quick = container.NewBorder(nil, nil, p.title, add, container.NewGridWithColumns(3, p.name, p.member, p.role))

	p.table = newTextTable(func() int { return len(p.rows) }, participantColumns, func(row, col int) string {
		r := p.rows[row]
		name := p.a.tagged(r.E, r.Name)
		if r.E.HasConflict() {
			name = "⚠ " + name
		}
		return []string{name, r.Member, r.Role}[col]
	})
	p.table.Style = func(row, col int) widget.Importance {
		if col == 0 && p.rows[row].E.HasConflict() {
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	p.table.OnSelect = func(row int) { p.selected = row }
	p.table.OnDelete = p.remove
	p.table.OnEdit = p.edit
	return p
}

func (p *participantsView) refresh() {
	p.rows = p.a.plan.Doc().ParticipantsIn(p.a.scope())
	p.a.gateAdd(p.name, lang.L("Name"))
	for _, e := range []*entry{p.member, p.role} {
		if p.a.workshop == "" {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	if p.a.workshop == "" {
		p.addBtn.Disable()
	} else {
		p.addBtn.Enable()
	}
	if p.selected >= len(p.rows) {
		p.selected = -1
		p.table.UnselectAll()
	}
	p.title.SetText(lang.L("Participants") + fmt.Sprintf(" (%d)", len(p.rows)))
	p.table.refresh()
}

// edit opens the participant in a row, or the conflict two laptops left on it.
func (p *participantsView) edit(row int) {
	if row < 0 || row >= len(p.rows) {
		p.a.setStatus(lang.L("Choose an item first."))
		return
	}
	if p.rows[row].E.HasConflict() {
		p.a.settleEntity(p.rows[row].E)
		return
	}
	p.editDialog(row)
}

// add saves the quick-add row as a new participant and readies it for the
// next one.
func (p *participantsView) add() {
	if p.a.needOne() {
		return
	}
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
		p.a.setStatus(lang.L("Choose an item first."))
		return
	}
	r := p.rows[row]
	if p.a.deleteWithUndo(r.E.Key(), lang.L("Removed {{.Name}}.", map[string]any{"Name": r.Name})) {
		p.table.reselect(min(row, len(p.rows)-1))
	}
}

func (p *participantsView) editDialog(row int) {
	if row < 0 || row >= len(p.rows) {
		return
	}
	r := p.rows[row]
	name, member, role := newEntry(""), newEntry(""), newEntry("")
	name.SetText(r.Name)
	member.SetText(r.Member)
	role.SetText(r.Role)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Member administration"), member),
		widget.NewFormItem(lang.L("Role"), role),
	}
	id := r.E.ID
	p.a.showForm(lang.L("Edit participant"), lang.L("Save"), items, func() {
		if strings.TrimSpace(name.Text) == "" {
			p.a.setStatus(lang.L("A participant needs a name: the change was not saved."))
			return
		}
		p.a.edit(func(ed *stratplan.Edit) error {
			return ed.Set(id, stratplan.KindParticipant, stratplan.Set("name", stratplan.Text(strings.TrimSpace(name.Text))),
				stratplan.Set("member", stratplan.Text(strings.TrimSpace(member.Text))), stratplan.Set("role", stratplan.Text(strings.TrimSpace(role.Text))))
		})
		p.a.win.Canvas().Focus(p.table)
	}, fyne.NewSize(560, 0))
	p.a.win.Canvas().Focus(name)
}

func (p *participantsView) importDialog() {
	if p.a.needOne() {
		return
	}
	p.a.openCSV(p.importCSV)
}

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
	a.showFileDialog(d)
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
	list := newKeyList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	next := lang.L("Nothing has been imported: fix the file and import it again.")
	if good > 0 {
		next = lang.N("Nothing has been imported yet: fix the file and import it again, or import the {{.Good}} good lines now.", good, map[string]any{"Good": good})
	}
	intro := widget.NewLabel(lang.N("{{.Bad}} lines of {{.File}} cannot be imported.", len(problems), map[string]any{"Bad": len(problems), "File": name}) + " " + next)
	intro.Wrapping = fyne.TextWrapWord
	rows := newWrappedRows(&list.List, list, 0, func() []string { return lines })
	content := container.NewBorder(intro, nil, nil, nil, rows.obj)
	size := fyne.NewSize(640, 420)
	if good == 0 {
		a.showInfo(lang.L("Nothing to import"), content, size)
	} else {
		a.showConfirm(lang.L("Some lines cannot be imported"),
			lang.N("Import the {{.Good}} good lines", good, map[string]any{"Good": good}), lang.L("Cancel"), content, apply, size)
	}
}
