package export_test

import (
	"strings"
	"testing"
	"time"

	"stratplan/export"
)

func regionOf(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "wca", "west & central africa":
		return "region-wca", true
	case "eur", "europe":
		return "region-eur", true
	}
	return "", false
}

func TestReadSurvey(t *testing.T) {
	in := "member,region,theme,score\n" +
		"Côte d'Ivoire,WCA,E-commerce,5\n" +
		"Türkiye,Europe,Data analytics,4,5\n" + // too many values
		"Sénégal,Atlantis,E-commerce,3\n" +
		"Mali,WCA,Security,high\n" +
		"Bénin,wca,Security,\"3,5\"\n" + // a decimal comma, quoted
		"Togo,WCA,Security,NaN\n" +
		"Niger,WCA,Security,1e400\n"
	rows, errs, err := export.ReadSurvey(strings.NewReader(in), regionOf, "WCA, EUR")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Region != "region-wca" || rows[1].Score != 3.5 {
		t.Fatalf("rows %+v", rows)
	}
	want := []string{"line 3: 5 values where the header has 4 columns", `line 4: unknown region "Atlantis": use one of WCA, EUR`, `line 5: the score "high" is not a number`,
		`line 7: the score "NaN" is not a number`, `line 8: the score "1e400" is not a number`}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want %q", i, errs[i], w)
		}
	}
}

func TestReadSurveyRefusesBadFiles(t *testing.T) {
	cases := map[string]string{
		"":                                  "the file is empty",
		"member,region,theme\nx,WCA,t\n":    `the header has no "score" column`,
		"member,region,topic,score,extra\n": `unknown column "extra"`,
		"member,region,theme,score\nC\xf4te,WCA,t,1\n": "line 2 is not UTF-8",
	}
	for in, want := range cases {
		if _, _, err := export.ReadSurvey(strings.NewReader(in), regionOf, "WCA"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want %q", in, err, want)
		}
	}
}

func TestReadSurveyOf50MB(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB")
	}
	var b strings.Builder
	b.WriteString("member,region,theme,score\n")
	line := "Administration des douanes de Côte d'Ivoire,WCA,Trade facilitation and e-commerce,4\n"
	for b.Len() < 50<<20 {
		b.WriteString(line)
	}
	start := time.Now()
	_, _, err := export.ReadSurvey(strings.NewReader(b.String()), regionOf, "WCA")
	if err == nil || !strings.Contains(err.Error(), "split the file") {
		t.Fatalf("a 50 MB survey: %v", err)
	}
	t.Logf("refused a 50 MB file in %v", time.Since(start))
}
