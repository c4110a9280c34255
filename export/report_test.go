package export_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"stratplan"
	"stratplan/assets"
	"stratplan/export"
)

// examplePlan is the example plan as a new plan file holds it, written at
// a fixed time; more edits can follow.
func examplePlan(t testing.TB, more ...func(ed *stratplan.Edit) error) *stratplan.Document {
	t.Helper()
	d := stratplan.NewDocument("plan-example")
	wall := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	ed := d.Begin(&stratplan.Author{Replica: "rexample", Clock: stratplan.Clock{Wall: func() time.Time { wall = wall.Add(time.Second); return wall }}})
	if err := assets.Seed("", true)(ed); err != nil {
		t.Fatal(err)
	}
	for _, m := range more {
		if err := m(ed); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func set(f, v string) stratplan.Change { return stratplan.Set(f, stratplan.Text(v)) }

// scripts adds participants who write in Arabic, Cyrillic, Greek and with
// every accent, and one whose name no embedded font covers.
func scripts(ed *stratplan.Edit) error {
	ws := set(stratplan.FieldWorkshop, "ws-wca-abidjan")
	if err := ed.Set("prio-c", stratplan.KindPriority, set("description", "Profiles for parcels under €150, shared with postal operators")); err != nil {
		return err
	}
	for _, p := range [][4]string{
		{"p-ar", "محمد بن علي", "المغرب", "مدير إدارة المخاطر منذ 2019 في WCO"},
		{"p-ar2", "فاطمة الزهراء", "مصر", "Head of لجنة التجارة 12 members"},
		{"p-ru", "Олена Коваленко", "Україна", "Начальник відділу аналізу ризиків"},
		{"p-el", "Ελένη Παπαδοπούλου", "Ελλάδα", "Προϊσταμένη τελωνείου"},
		{"p-acc", "Søren Ødegård", "Danmark", "Chef de l'unité « Évaluation » — Łódź, Ñuñoa, Çanakkale"},
		{"p-zh", "王小明", "中国", "Director"},
		{"p-emoji", "Ama 😀", "Ghana 😊", "Host of the launch party 🎉"},
	} {
		if err := ed.Set(p[0], stratplan.KindParticipant, set("name", p[1]), set("member", p[2]), set("role", p[3]), ws); err != nil {
			return err
		}
	}
	return nil
}

func pdfOf(t testing.TB, r *export.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func workshopReport(t testing.TB, d *stratplan.Document, o export.ReportOptions) *export.Report {
	t.Helper()
	r, err := export.WorkshopReport(d, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// golden compares data with testdata/name, rewritten with -update.
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(data, want) {
		bad := filepath.Join(t.TempDir(), name)
		os.WriteFile(bad, data, 0o644)
		t.Fatalf("%s differs from the golden file (%d bytes vs %d); the new one is %s: look at both, then go test -update if the change is right", name, len(data), len(want), bad)
	}
}

func TestReportsOfTheExamplePlanMatchTheirGoldenFiles(t *testing.T) {
	d := examplePlan(t)
	golden(t, "workshop-report.pdf", pdfOf(t, workshopReport(t, d, export.ReportOptions{})))
	c, err := export.ConsolidatedReport(d, export.ReportOptions{Paper: "letter", Lang: "fr"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "consolidated-report-fr-letter.pdf", pdfOf(t, c))
}

func TestSamePlanSameBytes(t *testing.T) {
	for _, lang := range []string{"en", "fr", "es"} {
		a := pdfOf(t, workshopReport(t, examplePlan(t, scripts), export.ReportOptions{Lang: lang}))
		b := pdfOf(t, workshopReport(t, examplePlan(t, scripts), export.ReportOptions{Lang: lang}))
		if !bytes.Equal(a, b) {
			t.Fatalf("%s: two reports of the same plan differ", lang)
		}
	}
	// A scan of more factors than the grid numbers: it counts the factors
	// in each cell, and draws the cells in the same order every time. The
	// consolidated report too, laid out on several cores.
	many := examplePlan(t, func(ed *stratplan.Edit) error {
		for i := range 80 {
			if err := ed.Set(fmt.Sprintf("factor-many-%d", i), stratplan.KindScanFactor, set(stratplan.FieldWorkshop, "ws-wca-abidjan"),
				set("title", fmt.Sprintf("Factor %d", i)), set("category", "economic"),
				stratplan.Set("impact", stratplan.Int(i%5+1)), stratplan.Set("likelihood", stratplan.Int(i/5%5+1))); err != nil {
				return err
			}
		}
		return nil
	})
	first := pdfOf(t, workshopReport(t, many, export.ReportOptions{Workshop: "ws-wca-abidjan"}))
	c, err := export.ConsolidatedReport(many, export.ReportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	firstAll := pdfOf(t, c)
	for range 5 {
		if !bytes.Equal(pdfOf(t, workshopReport(t, many, export.ReportOptions{Workshop: "ws-wca-abidjan"})), first) {
			t.Fatal("two reports of a plan whose scan grid counts its factors differ")
		}
		c, _ := export.ConsolidatedReport(many, export.ReportOptions{}, nil)
		if !bytes.Equal(pdfOf(t, c), firstAll) {
			t.Fatal("two consolidated reports of the same plan differ")
		}
	}
}

// pdftext extracts a PDF's text with pdftotext, in logical order, with the
// Arabic presentation forms read back as letters and bidi marks dropped.
func pdftext(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is missing: apt-get install poppler-utils")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	s := strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E || r == 0x200E || r == 0x200F {
			return -1
		}
		return r
	}, string(out))
	return norm.NFKC.String(s)
}

// wordsOf splits text into the words a reader would find.
func wordsOf(s string) []string {
	return strings.FieldsFunc(norm.NFKC.String(s), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("«»—–,;:()“”\"", r)
	})
}

func TestEveryEntityTextIsInTheWorkshopReport(t *testing.T) {
	d := examplePlan(t, scripts)
	r := workshopReport(t, d, export.ReportOptions{})
	text := pdftext(t, pdfOf(t, r))
	// Words, not whole texts: a table cell wraps its text over lines that
	// pdftotext gives apart, and it may lose the space between an Arabic
	// word and a number beside it.
	ws := "ws-wca-abidjan"
	check := func(e *stratplan.Entity, fields ...string) {
		for _, f := range fields {
			for _, w := range wordsOf(e.Str(f)) {
				if e.ID == "p-zh" || e.ID == "p-emoji" && strings.ContainsFunc(w, func(r rune) bool { return r > 0xFFFF }) {
					continue // no font covers it: checked below
				}
				if !strings.Contains(text, w) {
					t.Errorf("%s %s, %s: the word %q of %q is not in the report", e.Kind, e.ID, f, w, e.Str(f))
				}
			}
		}
	}
	for _, p := range d.Participants(ws) {
		check(p.E, "name", "member", "role")
	}
	for _, v := range d.Visions(ws) {
		check(v.E, "text")
	}
	for _, f := range d.ScanFactors(ws) {
		check(f.E, "title", "description", "response")
	}
	for _, s := range d.SWOT(ws) {
		check(s.E, "text")
	}
	for _, p := range d.Priorities(ws) {
		check(p.E, "title", "description")
	}
	for _, a := range d.Actions(ws) {
		check(a.E, "title", "owner")
	}
	for _, dl := range d.Deliverables(ws) {
		check(dl.E, "code", "title")
	}
	for _, in := range d.Indicators(ws) {
		check(in.E, "name", "unit", "source", "target_text")
	}
	for _, n := range d.Notes(ws) {
		check(n.E, "text")
	}
	check(d.PlanInfo().E, "title", "organization", "mission")
	// Arabic reads back joined words in logical order, not letters reversed.
	for _, phrase := range []string{"محمد بن علي", "مدير إدارة المخاطر", "فاطمة الزهراء"} {
		if !strings.Contains(text, phrase) {
			t.Errorf("the Arabic %q is not in the report's text in reading order", phrase)
		}
	}
	// A script without a font: a marker, and a warning naming the entity.
	if !strings.Contains(text, "□□□") {
		t.Error("the Chinese name left no visible marker")
	}
	// Emoji beyond U+FFFF, which the PDF writer's fonts cannot hold even
	// where DejaVu draws them: the same marker and warning, no crash.
	if !strings.Contains(text, "Ama □") || !strings.Contains(text, "party □") {
		t.Error("the emoji left no visible marker")
	}
	if len(r.Warnings) != 5 || !strings.Contains(r.Warnings[0], "participant p-zh, name") || !strings.Contains(r.Warnings[1], "participant p-zh, member") ||
		!strings.Contains(r.Warnings[2], `participant p-emoji, name: 1 character ("😀") is in a script`) {
		t.Errorf("warnings: %q", r.Warnings)
	}
}

func TestFontsAreEmbedded(t *testing.T) {
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("pdffonts is missing: apt-get install poppler-utils")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(path, pdfOf(t, workshopReport(t, examplePlan(t, scripts), export.ReportOptions{})), 0o644)
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	if len(lines) != 2 {
		t.Fatalf("fonts:\n%s", out)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID
		if f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

// overflow checks every box placed against the page, and the body's
// against the margins.
func overflow(t *testing.T, r *export.Report) {
	t.Helper()
	pw, ph := r.PageSize()
	left, top, right, bottom := r.Margins()
	const eps = 0.05
	bad := 0
	for _, b := range r.Boxes() {
		out := b.X < -eps || b.Y < -eps || b.X+b.W > pw+eps || b.Y+b.H > ph+eps
		if b.Text != "" {
			// Text never leaves the margins, header and footer included.
			out = out || b.X < left-eps || b.X+b.W > pw-right+eps
			if b.Body {
				out = out || b.Y < top-eps || b.Y+b.H > ph-bottom+eps
			}
		}
		if out && bad < 10 {
			t.Errorf("page %d: %q at (%.1f, %.1f) %.1f × %.1f is outside the page or its margins", b.Page, b.Text, b.X, b.Y, b.W, b.H)
			bad++
		}
	}
}

func TestLongTextsAndLongTablesStayInsideTheMargins(t *testing.T) {
	long := strings.Repeat("Risk-based controls at every border post need data that neighbours share. ", 28)[:2000]
	unbroken := strings.Repeat("x", 400) // no place to break a line
	d := examplePlan(t, func(ed *stratplan.Edit) error {
		ws := set(stratplan.FieldWorkshop, "ws-wca-abidjan")
		if err := ed.Set("factor-a", stratplan.KindScanFactor, set("description", long)); err != nil {
			return err
		}
		if err := ed.Set("prio-b", stratplan.KindPriority, set("description", long)); err != nil {
			return err
		}
		if err := ed.Set("vision-b", stratplan.KindVision, set("text", unbroken)); err != nil {
			return err
		}
		if err := ed.Set(stratplan.NoteID("ws-wca-abidjan", "actions"), stratplan.KindNote, set("step", "actions"), set("text", long+"\n\n"+long), ws); err != nil {
			return err
		}
		for i := 0; i < 300; i++ {
			if err := ed.Set(fmt.Sprintf("act-long-%03d", i), stratplan.KindAction, set("priority", "prio-c"),
				set("title", fmt.Sprintf("Action %d: %s", i, long[:40+i%90])), set("owner", "Risk Management, Nigeria"),
				set("start", "2028-01-15"), set("due", "2028-12-31"), set("budget", "1250000.5"), set("staff_months", "12"), set("status", "in_progress"), ws); err != nil {
				return err
			}
		}
		return ed.Set("act-longest", stratplan.KindAction, set("priority", "prio-c"), set("title", long), ws)
	})
	for _, paper := range []string{"a4", "letter"} {
		r := workshopReport(t, d, export.ReportOptions{Paper: paper})
		overflow(t, r)
		if r.Pages() < 20 {
			t.Errorf("%s: %d pages for 300 actions", paper, r.Pages())
		}
		text := pdftext(t, pdfOf(t, r))
		for _, want := range []string{"Action 0:", "Action 299:", "Action 150:"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q is missing", paper, want)
			}
		}
		// The action table's header is on every page it runs onto.
		if n := strings.Count(text, "Action and deliverables"); n < 10 {
			t.Errorf("%s: the table header shows %d times", paper, n)
		}
	}
	c, err := export.ConsolidatedReport(d, export.ReportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	overflow(t, c)
}

func TestReportBookmarksAndContents(t *testing.T) {
	pdf := pdfOf(t, workshopReport(t, examplePlan(t), export.ReportOptions{Lang: "es"}))
	for _, want := range []string{"/Outlines", "/Dest"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("no %s in the PDF", want)
		}
	}
	text := pdftext(t, pdf)
	for _, want := range []string{"Índice", "Visión y misión", "Análisis FODA", "Plan de acción", "Página 3 de", "14 de septiembre de 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is missing from the Spanish report", want)
		}
	}
}

func TestReportOptionsAreChecked(t *testing.T) {
	d := examplePlan(t)
	for _, o := range []export.ReportOptions{{Paper: "a3"}, {Lang: "de"}, {Workshop: "ws-nowhere"}} {
		if _, err := export.WorkshopReport(d, o); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
	if _, err := export.WorkshopReport(stratplan.NewDocument("empty"), export.ReportOptions{}); err == nil || !strings.Contains(err.Error(), "no workshop") {
		t.Errorf("a plan without workshops: %v", err)
	}
	// Another workshop of the plan, by id.
	r, err := export.WorkshopReport(d, export.ReportOptions{Workshop: "ws-eur-brussels"})
	if err != nil {
		t.Fatal(err)
	}
	if text := pdftext(t, pdfOf(t, r)); !strings.Contains(text, "Europe regional workshop") {
		t.Error("the Europe workshop's report does not name it")
	}
}

func TestPreviewOfTheFirstPage(t *testing.T) {
	r := workshopReport(t, examplePlan(t), export.ReportOptions{})
	img, err := r.Preview(1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 420 || b.Dy() != 594 {
		t.Fatalf("A4 at 2 dots per mm: %v", b)
	}
	// The cover's band is navy, the page below it white.
	if c := img.RGBAAt(10, 10); c.B < 0x40 || c.R > 0x30 {
		t.Errorf("band colour %v", c)
	}
	if c := img.RGBAAt(400, 560); c.R != 0xFF || c.G != 0xFF {
		t.Errorf("page colour %v", c)
	}
	// The title is drawn: dark pixels where it stands.
	dark := 0
	for y := 180; y < 240; y++ {
		for x := 40; x < 380; x++ {
			if c := img.RGBAAt(x, y); c.R < 0x80 {
				dark++
			}
		}
	}
	if dark < 500 {
		t.Errorf("only %d dark pixels where the title is", dark)
	}
	if _, err := r.Preview(r.Pages()+1, 2); err == nil {
		t.Error("a page past the end")
	}
}

// A workshop's report counts that workshop's actions in its resources,
// then the whole plan's apart; amounts keep their cents.
func TestAWorkshopReportCountsItsOwnActions(t *testing.T) {
	other := func(ed *stratplan.Edit) error {
		if err := ed.Set("ws-other", stratplan.KindWorkshop, set("title", "Another region's workshop")); err != nil {
			return err
		}
		if err := ed.Set("p-other", stratplan.KindPriority, set("title", "Risk engine"), set("objective", "so1"), set(stratplan.FieldWorkshop, "ws-other")); err != nil {
			return err
		}
		return ed.Set("a-other", stratplan.KindAction, set("title", "Deploy the risk engine"), set("priority", "p-other"), set("budget", "80000.5"))
	}
	d := examplePlan(t, other)
	r := workshopReport(t, d, export.ReportOptions{Workshop: "ws-wca-abidjan"})
	text := pdftext(t, pdfOf(t, r))
	mine := d.ResourcesIn(stratplan.Scope{Workshop: "ws-wca-abidjan"})
	whole := d.Resources()
	if whole.Plan.Actions != mine.Plan.Actions+1 {
		t.Fatalf("the plan has %d actions, the workshop %d", whole.Plan.Actions, mine.Plan.Actions)
	}
	if strings.Contains(text, "Deploy the risk engine") {
		t.Fatal("another workshop's action is in this workshop's action plan")
	}
	// The table read in layout order: a label and its figures on one line.
	path := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(path, pdfOf(t, r), 0o644)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	line := func(label string) []string {
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), label) {
				return strings.Fields(strings.TrimPrefix(strings.TrimSpace(l), label))
			}
		}
		t.Fatalf("no line %q in the report", label)
		return nil
	}
	if f := line("This workshop"); len(f) == 0 || f[0] != fmt.Sprint(mine.Plan.Actions) {
		t.Fatalf("this workshop's line: %q, want %d actions", f, mine.Plan.Actions)
	}
	if f := line("Whole plan, every workshop"); len(f) < 2 || f[0] != fmt.Sprint(whole.Plan.Actions) || !strings.HasSuffix(f[1], ".50") {
		t.Fatalf("the whole plan's line: %q, want %d actions and the cents", f, whole.Plan.Actions)
	}
}

// TestNamesAsLongAsAPageKeepToTheirPlace: an organisation and a plan title
// that run to pages, a description of thousands of empty lines and a
// letter under hundreds of accents (all within what a bundle may carry)
// leave the cover on its page, the running header and footer on one line
// each inside the margins, and no pages of nothing.
func TestNamesAsLongAsAPageKeepToTheirPlace(t *testing.T) {
	plain := examplePlan(t)
	base := workshopReport(t, plain, export.ReportOptions{}).Pages()
	c0, err := export.ConsolidatedReport(plain, export.ReportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := examplePlan(t, func(ed *stratplan.Edit) error {
		if err := ed.Set(ed.Doc().Plan(), stratplan.KindPlan, set("organization", strings.Repeat("Organisation ", 1500)), set("title", strings.Repeat("Plan title ", 300))); err != nil {
			return err
		}
		if err := ed.Set("prio-b", stratplan.KindPriority, set("description", "Start"+strings.Repeat("\n", 20000)+"End")); err != nil {
			return err
		}
		return ed.Set("prio-c", stratplan.KindPriority, set("title", "Tone e"+strings.Repeat("\u0301", 500)))
	})
	r := workshopReport(t, d, export.ReportOptions{})
	c, err := export.ConsolidatedReport(d, export.ReportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		name        string
		r           *export.Report
		pages, more int
	}{{"workshop report", r, base, 3}, {"consolidated report", c, c0.Pages(), 6}} {
		overflow(t, x.r)
		if x.r.Pages() > x.pages+x.more {
			t.Errorf("%s: %d pages, %d without the long texts", x.name, x.r.Pages(), x.pages)
		}
		marks := regexp.MustCompile(`\p{Mn}{5,}`)
		for _, b := range x.r.Boxes() {
			if marks.MatchString(b.Text) {
				t.Fatalf("%s, page %d: a letter carries more than 4 accents: %.20q…", x.name, b.Page, b.Text)
			}
		}
	}
	coverFacts := false
	for _, b := range c.Boxes() {
		if b.Page == 1 && b.Text == "Conflicts to settle" {
			coverFacts = true
		}
	}
	if !coverFacts {
		t.Error("the consolidated report's cover facts are pushed off its first page")
	}
}
