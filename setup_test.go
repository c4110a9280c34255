package stratplan_test

import (
	"strings"
	"testing"

	"stratplan"
)

func TestObjectiveCodesAreNumberedAndOrdered(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		must(t, ed.Set("o1", stratplan.KindObjective, txt("code", "SO1"), txt("title", "Trade")))
		must(t, ed.Set("o10", stratplan.KindObjective, txt("code", "SO10"), txt("title", "Ten")))
		return ed.Set("o2", stratplan.KindObjective, txt("code", "so2"), txt("title", "Revenue"))
	})
	if got := d.NextObjectiveCode(); got != "SO11" {
		t.Fatalf("next code %q, want SO11", got)
	}
	codes := func() string {
		var out []string
		for _, o := range d.Objectives() {
			out = append(out, o.Code)
		}
		return strings.Join(out, " ")
	}
	if got := codes(); got != "SO1 so2 SO10" {
		t.Fatalf("objectives in the order %s, want SO1 so2 SO10 (numbers read as numbers)", got)
	}
	edit(t, d, "r2", func(ed *stratplan.Edit) error { return ed.ReorderObjectives([]string{"o10", "o1", "o2"}) })
	if got := codes(); got != "SO10 SO1 so2" {
		t.Fatalf("after moving SO10 first: %s", got)
	}
	if got := planDoc(t, func(*stratplan.Edit) error { return nil }).NextObjectiveCode(); got != "SO1" {
		t.Fatalf("a plan without objectives starts at %q, want SO1", got)
	}
}

func TestRegionAndObjectiveChecks(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		must(t, ed.Set("eur", stratplan.KindRegion, txt("code", "EUR"), txt("name", "Europe")))
		must(t, ed.Set("amc", stratplan.KindRegion, txt("code", "AMC"), txt("name", "Amériques")))
		return ed.Set("o1", stratplan.KindObjective, txt("code", "SO1"), txt("title", "Trade"))
	})
	for _, c := range []struct{ id, code, name, want string }{
		{"", "ESA", "East & Southern Africa", ""},
		{"", "", "Asia", "needs a code"},
		{"", "AP", "", "needs a code"},
		{"", "eur", "Eurasia", `"eur" is already the region Europe (EUR)`},
		{"", "AM", "amériques", "already the region Amériques"},
		{"", "AM", "Ameriques", "already the region Amériques"},
		{"", "A P", "Asia", "space"},
		{"eur", "EUR", "Europe and Central Asia", ""}, // renaming keeps its own code
	} {
		err := d.CheckRegion(c.id, c.code, c.name)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("region %q %q: %v, want %q", c.code, c.name, err, c.want)
		}
	}
	if err := d.CheckObjective("", "SO2", ""); err == nil {
		t.Error("an objective without a title is accepted")
	}
	if err := d.CheckObjective("", "so1", "Again"); err == nil || !strings.Contains(err.Error(), "already the code of “Trade”") {
		t.Errorf("a second SO1: %v", err)
	}
	if err := d.CheckObjective("o1", "SO1", "Trade facilitation"); err != nil {
		t.Errorf("retitling SO1: %v", err)
	}
}

func TestFindRegionByCodeOrNameAccentsAside(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		return ed.Set("amc", stratplan.KindRegion, txt("code", "AMC"), txt("name", "Amériques et Caraïbes"))
	})
	for _, s := range []string{"AMC", "amc", " Amériques et Caraïbes ", "ameriques et caraibes", "AMERIQUES  ET CARAIBES", "amc"} {
		if r, ok := d.FindRegion(s); !ok || r.E.ID != "amc" {
			t.Errorf("%q does not find the region", s)
		}
	}
	if _, ok := d.FindRegion("Amérique"); ok {
		t.Error("a different name finds the region")
	}
}

func TestUsesOfSaysWhatStillNeedsARegionOrObjective(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		must(t, ed.Set("wca", stratplan.KindRegion, txt("code", "WCA"), txt("name", "West & Central Africa")))
		must(t, ed.Set("eur", stratplan.KindRegion, txt("code", "EUR"), txt("name", "Europe")))
		must(t, ed.Set("o1", stratplan.KindObjective, txt("code", "SO1"), txt("title", "Trade")))
		must(t, ed.Set("o2", stratplan.KindObjective, txt("code", "SO2"), txt("title", "Revenue")))
		must(t, ed.Set("ws1", stratplan.KindWorkshop, txt("region", "wca")))
		must(t, ed.Set("s1", stratplan.KindSurveyScore, txt("region", "wca"), txt("theme", "E-commerce"), txt("workshop", "ws1")))
		must(t, ed.Set("s2", stratplan.KindSurveyScore, txt("region", "wca"), txt("theme", "Origin"), txt("workshop", "ws1")))
		must(t, ed.Set("gone", stratplan.KindWorkshop, txt("region", "eur")))
		must(t, ed.Delete(stratplan.KindWorkshop, "gone"))
		// An entity of another kind with the region's id is not a use of it.
		must(t, ed.Set("wca", stratplan.KindSWOT, txt("text", "same id, other kind")))
		return ed.Set("p1", stratplan.KindPriority, txt("title", "Single Window"), txt("objective", "o1"), txt("workshop", "ws1"))
	})
	uses := stratplan.CountUses(d.UsesOf(stratplan.KindRegion, "wca"))
	if uses[stratplan.KindWorkshop] != 1 || uses[stratplan.KindSurveyScore] != 2 || len(uses) != 2 {
		t.Fatalf("uses of WCA: %v, want 1 workshop and 2 survey answers", uses)
	}
	if n := len(d.UsesOf(stratplan.KindRegion, "eur")); n != 0 {
		t.Fatalf("Europe is used %d times, though only by a deleted workshop", n)
	}
	if u := d.UsesOf(stratplan.KindObjective, "o1"); len(u) != 1 || u[0].E.ID != "p1" || u[0].Field != "objective" {
		t.Fatalf("uses of SO1: %+v", u)
	}
	if n := len(d.UsesOf(stratplan.KindObjective, "o2")); n != 0 {
		t.Fatalf("SO2 is used %d times", n)
	}
	if u := stratplan.CountUses(d.UsesOf(stratplan.KindWorkshop, "ws1")); u[stratplan.KindPriority] != 1 || u[stratplan.KindSurveyScore] != 2 {
		t.Fatalf("uses of the workshop: %v", u)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"  Région   Europe ": "region europe",
		"Straße":             "strasse",
		"ŒUVRE":              "oeuvre",
		"İstanbul":           "istanbul",
		"Ñandú":              "nandu",
	} {
		if got := stratplan.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
