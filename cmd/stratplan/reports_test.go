package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stratplan"
	"stratplan/store"
)

// examplePlanFile creates the example plan in a temporary folder.
func examplePlanFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan"+store.Ext)
	if code, _, errs := runCmd(t, "new", path, "--example"); code != 0 {
		t.Fatalf("new: %s", errs)
	}
	return path
}

func TestExportPDFAndSpreadsheet(t *testing.T) {
	plan := examplePlanFile(t)
	dir := t.TempDir()
	pdf, xlsx := filepath.Join(dir, "r.pdf"), filepath.Join(dir, "r.xlsx")
	code, out, errs := runCmd(t, "export", plan, "--pdf", pdf, "--paper", "letter", "--lang", "fr")
	if code != 0 || !strings.Contains(out, "pages") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	data, err := os.ReadFile(pdf)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("not a PDF: %v", err)
	}
	// Never over an existing file without --force.
	if code, _, errs := runCmd(t, "export", plan, "--pdf", pdf); code != 1 || !strings.Contains(errs, "already exists") {
		t.Fatalf("second export: exit %d, %q", code, errs)
	}
	if code, _, errs := runCmd(t, "export", plan, "--pdf", pdf, "--force", "--workshop", "ws-eur-brussels"); code != 0 {
		t.Fatalf("--force: %s", errs)
	}
	if code, _, errs := runCmd(t, "export", plan, "--xlsx", xlsx); code != 0 {
		t.Fatalf("xlsx: %s", errs)
	}
	if data, err := os.ReadFile(xlsx); err != nil || !strings.HasPrefix(string(data), "PK") {
		t.Fatalf("not an xlsx: %v", err)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export", plan, "--pdf", filepath.Join(dir, "x.pdf"), "--paper", "a3"}, 2, "a4 or letter"},
		{[]string{"export", plan, "--pdf", filepath.Join(dir, "x.pdf"), "--lang", "de"}, 2, "en, fr or es"},
		{[]string{"export", plan, "--pdf", filepath.Join(dir, "x.pdf"), "--workshop", "nowhere"}, 1, "no workshop \"nowhere\""},
		{[]string{"export", filepath.Join(dir, "missing.stratplan"), "--pdf", filepath.Join(dir, "x.pdf")}, 1, "no such plan file"},
	} {
		code, _, errs := runCmd(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, %q", c.args[2:], code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a refused export left a file")
	}
}

func TestReportMergesBundles(t *testing.T) {
	plan := examplePlanFile(t)
	dir := t.TempDir()
	b := filepath.Join(dir, "a.json")
	if code, _, errs := runCmd(t, "export", plan, "--bundle", b); code != 0 {
		t.Fatal(errs)
	}
	out := filepath.Join(dir, "c.pdf")
	code, stdout, errs := runCmd(t, "report", "-o", out, b, b)
	if code != 0 || !strings.Contains(stdout, "consolidated report of 2 bundles") {
		t.Fatalf("exit %d: %s %s", code, stdout, errs)
	}
	if code, _, errs := runCmd(t, "report", "-o", out, b); code != 1 || !strings.Contains(errs, "already exists") {
		t.Fatalf("over an existing file: exit %d %q", code, errs)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"format":"stratplan-bundle"`), 0o644)
	out2 := filepath.Join(dir, "d.pdf")
	if code, _, errs := runCmd(t, "report", "-o", out2, b, bad); code != 1 || !strings.Contains(errs, "bad.json") || !strings.Contains(errs, "nothing was written") {
		t.Fatalf("a broken bundle: exit %d %q", code, errs)
	}
	if _, err := os.Stat(out2); err == nil {
		t.Error("a refused report left a file")
	}
}

func TestStatusSummaryAndJSON(t *testing.T) {
	plan := examplePlanFile(t)
	// Two measurements, entered as an owner would.
	s, err := store.Open(plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Edit(func(ed *stratplan.Edit) error {
		for _, m := range [][3]string{{"ind-b", "2028-Q1", "60"}, {"ind-a", "2027", "20"}} {
			if err := ed.Set(stratplan.MeasurementID(m[0], m[1]), stratplan.KindMeasurement, stratplan.Set("indicator", stratplan.Text(m[0])),
				stratplan.Set("period", stratplan.Text(m[1])), stratplan.Set("value", stratplan.Text(m[2]))); err != nil {
				return err
			}
		}
		return ed.Set("ind-loose", stratplan.KindIndicator, stratplan.Set("name", stratplan.Text("Attached to nothing")))
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2028, 4, 15, 0, 0, 0, 0, time.UTC) }

	code, out, errs := runCmd(t, "status", plan)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"SO1 Trade facilitation and connectivity", "actions done 0/3", "1 on track", "Whole plan", "Under no objective"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = runCmd(t, "status", plan, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var st statusDoc
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Indicators) != 5 {
		t.Fatalf("%d indicators, want the example's 4 and the one attached to nothing", len(st.Indicators))
	}
	byID := map[string]indicatorJSON{}
	for _, in := range st.Indicators {
		byID[in.ID] = in
	}
	b := byID["ind-b"]
	// 72 hours down to 48 (the revised target); 60 is halfway; in April
	// 2028 the first quarter's figure is the one due.
	if b.Direction != "decrease" || b.LatestPeriod != "2028-Q1" || b.LatestValue != "60" || b.Progress == nil || *b.Progress != 50 || b.Status != "on_track" {
		t.Errorf("ind-b: %+v (progress %v)", b, b.Progress)
	}
	if a := byID["ind-a"]; a.Status != "off_track" && a.Status != "at_risk" {
		t.Errorf("ind-a at 20 of 200 with 2027's figure: %+v", a)
	}
	if l := byID["ind-loose"]; l.Of != "" || l.Status != "no_data" || l.Progress != nil {
		t.Errorf("loose indicator: %+v", l)
	}
	if len(st.Objectives) != 5 || st.Total.ActionsTotal != 6 || st.Total.OnTrack != 1 {
		t.Errorf("totals: %+v, %d objectives", st.Total, len(st.Objectives))
	}
	// One region: the example's indicators all come from West Africa.
	_, out, _ = runCmd(t, "status", plan, "--json", "--region", "EUR")
	json.Unmarshal([]byte(out), &st)
	if len(st.Indicators) != 0 || st.Total.ActionsTotal != 0 {
		t.Errorf("Europe: %d indicators, %d actions", len(st.Indicators), st.Total.ActionsTotal)
	}
	_, out, _ = runCmd(t, "status", plan, "--json", "--region", "wca")
	json.Unmarshal([]byte(out), &st)
	if len(st.Indicators) != 4 {
		t.Errorf("West Africa: %d indicators", len(st.Indicators))
	}
	if code, _, errs := runCmd(t, "status", plan, "--region", "XX"); code != 1 || !strings.Contains(errs, "use one of AMC, AP") {
		t.Errorf("unknown region: exit %d %q", code, errs)
	}
}
