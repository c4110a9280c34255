package stratplan_test

import (
	"strings"
	"testing"

	"stratplan"
)

func TestParseAmountRefusesWhatIsNotAFiniteAmount(t *testing.T) {
	for _, bad := range []string{"", " ", "NaN", "nan", "Infinity", "+Inf", "-Inf", "1e400", "1e3", "0x10", "-5", "1_000",
		"12.", ".5", "1.2.3", "1234567890123456", "0.1234567890123456", "١٢٣"} {
		if f, err := stratplan.ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) = %v, want an error", bad, f)
		}
	}
	for in, want := range map[string]float64{"0": 0, "50000": 50000, " 12.5 ": 12.5, "123456789012345": 123456789012345,
		"0.000000000000001": 1e-15, "12.50000000000000000": 12.5, "007": 7} {
		if f, err := stratplan.ParseAmount(in); err != nil || f != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", in, f, err, want)
		}
	}
}

func TestParseAmountInReadsTheWayPeopleWriteNumbers(t *testing.T) {
	cases := []struct {
		lang, in string
		want     float64
	}{
		{"en", "50,000", 50000},
		{"en", "50 000", 50000},
		{"en", "50,000.50", 50000.5},
		{"en", "1,234,567.25", 1234567.25},
		{"en", "12.5", 12.5},
		{"fr", "50 000,50", 50000.5},
		{"fr", "50\u202f000,50", 50000.5},
		{"fr", "12,5", 12.5},
		{"fr", "12.5", 12.5},
		{"es", "50.000,50", 50000.5},
		{"es", "1.500", 1500},
		{"es", "50000", 50000},
	}
	for _, c := range cases {
		if f, err := stratplan.ParseAmountIn(c.in, c.lang); err != nil || f != c.want {
			t.Errorf("ParseAmountIn(%q, %s) = %v, %v; want %v", c.in, c.lang, f, err, c.want)
		}
	}
	for _, c := range []struct{ lang, in string }{{"en", "5,00"}, {"en", "1,2,3"}, {"fr", "50 00,5"}, {"es", "1.50.000"},
		{"en", "-50"}, {"en", "NaN"}, {"en", "50 000,000.5"}, {"fr", "1e5"}, {"en", "abc"}} {
		_, err := stratplan.ParseAmountIn(c.in, c.lang)
		if err == nil {
			t.Errorf("ParseAmountIn(%q, %s) accepted", c.in, c.lang)
			continue
		}
		if !strings.Contains(err.Error(), c.in) {
			t.Errorf("the message %q does not quote what was typed", err)
		}
	}
}

func TestNotANumberBudgetsAreWarnedAndCountAsNothing(t *testing.T) {
	d := stratplan.NewDocument("p")
	a := &stratplan.Author{Replica: "r1"}
	ed := d.Begin(a)
	must(t, ed.Set("p", stratplan.KindPlan, stratplan.Set("budget_available", stratplan.Text("100000"))))
	must(t, ed.Set("a1", stratplan.KindAction, stratplan.Set("budget", stratplan.Text("NaN"))))
	must(t, ed.Set("a2", stratplan.KindAction, stratplan.Set("budget", stratplan.Text("1e400"))))
	must(t, ed.Set("a3", stratplan.KindAction, stratplan.Set("budget", stratplan.Text("Infinity"))))
	must(t, ed.Set("a4", stratplan.KindAction, stratplan.Set("budget", stratplan.Text("250000"))))
	r := d.Resources()
	if r.Plan.Budget != 250000 {
		t.Fatalf("total budget %v, want 250000 (the bad amounts count as nothing)", r.Plan.Budget)
	}
	if !r.OverBudget() {
		t.Errorf("250000 asked of 100000 available is not reported over budget")
	}
	ws := d.Validate()
	if len(ws) != 3 {
		t.Fatalf("warnings %v, want one for each of NaN, 1e400 and Infinity", ws)
	}
}

func TestSeparatorsOfALanguageWithItsRegion(t *testing.T) {
	for _, l := range []string{"fr", "fr-FR", "fr_CA", "es-ES", "ES"} {
		if got := stratplan.SeparatorsOf(l).Decimal; got != ',' {
			t.Errorf("%s writes decimals with %q", l, got)
		}
	}
	for _, l := range []string{"en", "en-GB", "", "xx-YY"} {
		if got := stratplan.SeparatorsOf(l).Decimal; got != '.' {
			t.Errorf("%q writes decimals with %q", l, got)
		}
	}
	if f, err := stratplan.ParseAmountIn("6,5", "fr-FR"); err != nil || f != 6.5 {
		t.Errorf("6,5 in fr-FR reads %v, %v", f, err)
	}
}
