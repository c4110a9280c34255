package export_test

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"stratplan"
	"stratplan/export"
)

// participantsInTheirScripts adds participants who write in Arabic,
// Cyrillic and Greek to the example workshop.
func participantsInTheirScripts(ed *stratplan.Edit) error {
	ws := set(stratplan.FieldWorkshop, "ws-wca-abidjan")
	for _, p := range [][4]string{
		{"p-ar", "محمد بن علي", "المغرب", "مدير إدارة المخاطر منذ 2019"},
		{"p-ar2", "فاطمة الزهراء", "مصر", "Head of لجنة التجارة, 12 members"},
		{"p-ru", "Олена Коваленко", "Україна", "Начальник відділу аналізу ризиків"},
		{"p-ru2", "Дмитрий Соколов", "Беларусь", "Observer"},
		{"p-el", "Ελένη Παπαδοπούλου", "Ελλάδα", "Προϊσταμένη τελωνείου"},
	} {
		if err := ed.Set(p[0], stratplan.KindParticipant, set("name", p[1]), set("member", p[2]), set("role", p[3]), ws); err != nil {
			return err
		}
	}
	return nil
}

// TestSampleReports keeps docs/samples the reports this version makes of
// the example plan; go test -update rewrites them.
func TestSampleReports(t *testing.T) {
	dir := filepath.Join("..", "docs", "samples")
	consolidated, err := export.ConsolidatedReport(examplePlan(t), export.ReportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	scripts := workshopReport(t, examplePlan(t, participantsInTheirScripts), export.ReportOptions{})
	participantsPage := 0
	for _, b := range scripts.Boxes() {
		if b.Text == "8 Participants" && b.Page > 2 {
			participantsPage = b.Page
		}
	}
	samples := []struct {
		name  string
		r     *export.Report
		pages []int
	}{
		{"workshop-report", workshopReport(t, examplePlan(t), export.ReportOptions{}), []int{1, 7}},
		{"consolidated-report", consolidated, []int{1, 5}},
		{"workshop-report-scripts", scripts, []int{1, participantsPage}},
	}
	for _, s := range samples {
		files := map[string][]byte{s.name + ".pdf": pdfOf(t, s.r)}
		for _, p := range s.pages {
			img, err := s.r.Preview(p, 2.5)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			files[s.name+"-page"+string(rune('0'+p/10))+string(rune('0'+p%10))+".png"] = buf.Bytes()
		}
		for name, data := range files {
			path := filepath.Join(dir, name)
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, data) {
				t.Errorf("%s is not what this version makes (run go test ./export -run SampleReports -update, and look at it)", path)
			}
		}
	}
}
