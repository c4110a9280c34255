package stratplan_test

import (
	"fmt"
	"testing"

	"stratplan"
)

// labelledTitle is a priority as a regional workshop words it, with the
// priority it means: two titles with the same meaning are the same
// priority in other words, and a pair of different meanings that share
// words must not be suggested.
type labelledTitle struct{ meaning, title string }

// labelledTitles are realistic priorities in English, French and Spanish:
// pairs that mean the same thing in other words, and titles that share
// words with them but mean something else.
var labelledTitles = map[string][]labelledTitle{
	"en": {
		{"risk", "Strengthen risk management"}, {"risk", "Better risk-management systems"},
		{"risk-pax", "Risk management for air passengers"}, {"risk-cargo", "Risk management for sea cargo"},
		{"sw", "Single Window interconnection"}, {"sw", "Interconnect the national single windows"},
		{"border-it", "Interconnection of border post IT systems"},
		{"origin", "Advance rulings on origin for AfCFTA"}, {"origin", "Advance rulings on rules of origin"},
		{"api", "Advance passenger information"},
		{"pharma", "Fight illicit trade in pharmaceuticals"}, {"pharma", "Combating illicit pharmaceutical trade"},
		{"tobacco", "Illicit tobacco and cigarette smuggling"}, {"legit", "Facilitate legitimate trade"},
		{"ecom", "E-commerce revenue collection"}, {"ecom", "Collecting revenue from e-commerce"},
		{"forecast", "Revenue forecasting"},
		{"retention", "Staff retention in specialised functions"}, {"retention", "Retaining specialized staff"},
		{"train-val", "Staff training on valuation"}, {"train-origin", "Staff training on rules of origin"},
		{"mobile-pay", "Mobile payment of duties"}, {"mobile-pay", "Duties paid by mobile phone"},
		{"scanners", "Mobile scanning units"},
		{"data-share", "Data sharing between neighbouring administrations"}, {"data-share", "Share data with neighbouring administrations"},
		{"data-quality", "Data quality in declarations"},
		{"aeo", "Authorised Economic Operator programmes"}, {"aeo", "AEO programme for authorized economic operators"},
		{"integrity", "Integrity and anti-corruption"}, {"integrity", "Anti-corruption and integrity measures"},
		{"supply", "Integrity of the supply chain"},
		{"green", "Green customs and environmental crime"}, {"green", "Environmental crime and green customs"},
		{"green-lanes", "Green lanes at border crossings"},
		{"pca", "Post-clearance audit"}, {"pca", "Post clearance audits"},
		{"digital", "Digitalisation of procedures"}, {"digital", "Digital procedures"},
		{"gender", "Gender equality in the workforce"}, {"workforce", "Workforce planning"},
	},
	"fr": {
		{"risk", "Renforcer la gestion des risques"}, {"risk", "Amélioration de la gestion du risque"},
		{"hr", "Gestion des ressources humaines"},
		{"sw", "Interconnexion des guichets uniques"}, {"sw", "Guichet unique interconnecté"},
		{"osbp", "Postes frontières à guichet unique"},
		{"pharma", "Lutte contre le commerce illicite de médicaments"}, {"pharma", "Lutter contre le trafic illicite des médicaments"},
		{"cigarettes", "Lutte contre la contrebande de cigarettes"}, {"doc-fraud", "Lutte contre la fraude documentaire"},
		{"mobile-pay", "Paiement mobile des droits et taxes"}, {"mobile-pay", "Paiement des droits par téléphone mobile"},
		{"scanners", "Unités mobiles de scanner"},
		{"retention", "Fidélisation du personnel spécialisé"}, {"retention", "Fidéliser les agents spécialisés"},
		{"train-val", "Formation du personnel à la valeur en douane"}, {"train-origin", "Formation du personnel aux règles d'origine"},
		{"data-share", "Partage des données entre administrations voisines"}, {"data-share", "Partager les données avec les administrations voisines"},
		{"tax-data", "Échange de données avec les impôts"},
		{"ecom", "Recettes issues du commerce électronique"}, {"ecom", "Recouvrement des recettes sur le commerce électronique"},
		{"forecast", "Prévision des recettes douanières"},
		{"aeo", "Opérateurs économiques agréés"}, {"aeo", "Programme OEA des opérateurs économiques agréés"},
		{"pca", "Contrôles a posteriori"}, {"pca", "Contrôle a posteriori renforcé"},
		{"integrity", "Intégrité et lutte contre la corruption"}, {"integrity", "Lutte contre la corruption et intégrité"},
		{"paperless", "Dématérialisation des procédures douanières"}, {"paperless", "Procédures douanières dématérialisées"},
		{"staff-safety", "Sécurité des agents aux frontières"}, {"supply", "Sécurité de la chaîne logistique"},
	},
	"es": {
		{"risk", "Fortalecer la gestión de riesgos"}, {"risk", "Mejorar la gestión del riesgo"},
		{"hr", "Gestión de recursos humanos"},
		{"sw", "Interconexión de ventanillas únicas"}, {"sw", "Ventanilla única interconectada"},
		{"osbp", "Puestos fronterizos de ventanilla única"},
		{"pharma", "Combatir el comercio ilícito de medicamentos"}, {"pharma", "Lucha contra el comercio ilícito de medicamentos"},
		{"tobacco", "Lucha contra el contrabando de tabaco"}, {"doc-fraud", "Lucha contra el fraude documental"},
		{"mobile-pay", "Pago móvil de derechos"}, {"mobile-pay", "Pago de derechos por teléfono móvil"},
		{"scanners", "Unidades móviles de escáner"},
		{"retention", "Retención del personal especializado"}, {"retention", "Retener al personal especializado"},
		{"train-val", "Formación del personal en valoración"}, {"train-origin", "Formación del personal en reglas de origen"},
		{"data-share", "Intercambio de datos entre administraciones vecinas"}, {"data-share", "Intercambiar datos con las administraciones vecinas"},
		{"tax-data", "Datos de las declaraciones tributarias"},
		{"ecom", "Recaudación de ingresos del comercio electrónico"}, {"ecom", "Ingresos del comercio electrónico"},
		{"forecast", "Previsión de ingresos aduaneros"},
		{"aeo", "Operadores económicos autorizados"}, {"aeo", "Programa OEA de operadores económicos autorizados"},
		{"pca", "Control posterior al despacho"}, {"pca", "Controles posteriores al despacho"},
		{"green", "Aduanas verdes y delitos ambientales"}, {"green", "Delitos ambientales y aduanas verdes"},
		{"digital", "Digitalización de los procedimientos aduaneros"}, {"digital", "Procedimientos aduaneros digitales"},
		{"illicit-ecom", "Comercio ilícito en línea"},
	},
}

// duplicatesPlan puts one language's titles in one plan, spread over the
// six regions in turn (so the two titles of a pair are in two regions),
// as the Secretariat's consolidated plan has them.
func duplicatesPlan(t *testing.T, titles []labelledTitle) *stratplan.Document {
	return sixRegions(t, func(ed *stratplan.Edit) error {
		codes := []string{"AMC", "AP", "ESA", "EUR", "MENA", "WCA"}
		for i, l := range titles {
			must(t, addPriority(ed, fmt.Sprintf("p%02d", i), l.title, "so1", codes[i%6]))
		}
		return nil
	})
}

// TestDuplicateSuggestionsPrecisionAndRecall suggests duplicates in a plan
// holding one language's labelled titles and counts, over every pair
// suggested, how many mean the same (precision), and how many of the pairs
// that mean the same are found (recall).
func TestDuplicateSuggestionsPrecisionAndRecall(t *testing.T) {
	var tpAll, fpAll, trueAll int
	for _, language := range []string{"en", "fr", "es"} {
		titles := labelledTitles[language]
		d := duplicatesPlan(t, titles)
		meaning := map[string]string{}
		for i, l := range titles {
			meaning[fmt.Sprintf("p%02d", i)] = l.meaning
		}
		trueCount := 0
		for i := range titles {
			for j := i + 1; j < len(titles); j++ {
				if titles[i].meaning == titles[j].meaning {
					trueCount++
				}
			}
		}
		tp, fp := 0, 0
		found := map[string]bool{}
		for _, s := range d.SuggestDuplicates(stratplan.KindPriority, 0) {
			if meaning[s.A.ID] == meaning[s.B.ID] {
				tp++
				found[meaning[s.A.ID]] = true
			} else {
				fp++
				t.Logf("%s: suggested, not the same: %q ~ %q (%.2f)", language, s.A.Str("title"), s.B.Str("title"), s.Score)
			}
		}
		for i, l := range titles {
			for j := i + 1; j < len(titles); j++ {
				if titles[j].meaning == l.meaning && !found[l.meaning] {
					t.Logf("%s: missed: %q ~ %q (%.2f unweighted)", language, l.title, titles[j].title, stratplan.Similarity(l.title, titles[j].title))
				}
			}
		}
		t.Logf("%s: precision %d/%d = %.2f, recall %d/%d = %.2f", language, tp, tp+fp, ratio(tp, tp+fp), tp, trueCount, ratio(tp, trueCount))
		tpAll, fpAll, trueAll = tpAll+tp, fpAll+fp, trueAll+trueCount
		if ratio(tp, tp+fp) < 0.8 || ratio(tp, trueCount) < 0.8 {
			t.Errorf("%s: precision %.2f or recall %.2f below 0.8", language, ratio(tp, tp+fp), ratio(tp, trueCount))
		}
	}
	t.Logf("all three languages: precision %d/%d = %.2f, recall %d/%d = %.2f",
		tpAll, tpAll+fpAll, ratio(tpAll, tpAll+fpAll), tpAll, trueAll, ratio(tpAll, trueAll))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func TestSimilarityIgnoresAccentsOrderAndPlurals(t *testing.T) {
	for _, c := range []struct {
		a, b string
		min  float64
	}{
		{"Gestión de riesgos", "gestion del RIESGO", 1},
		{"Contrôles a posteriori", "contrôle A POSTERIORI", 1},
		{"Green customs and environmental crime", "Environmental crimes and green customs", 1},
		{"Modernization of procedures", "Modernisation of procedure", 1},
		{"Réseaux nationaux", "réseau national", 1},
		{"Facilities", "facility", 1},
	} {
		if s := stratplan.Similarity(c.a, c.b); s < c.min {
			t.Errorf("%q ~ %q: %.2f, want at least %.2f", c.a, c.b, s, c.min)
		}
	}
	if s := stratplan.Similarity("Revenue collection", "Risk management"); s != 0 {
		t.Errorf("unrelated titles score %.2f", s)
	}
}

func TestSameRegionIsNeverSuggested(t *testing.T) {
	d := sixRegions(t, func(ed *stratplan.Edit) error {
		must(t, addPriority(ed, "p1", "Single Window interconnection", "so1", "WCA"))
		return addPriority(ed, "p2", "Single windows interconnected", "so1", "WCA")
	})
	if got := d.SuggestDuplicates(stratplan.KindPriority, 0); len(got) != 0 {
		t.Fatalf("a region's own two priorities are suggested: %v", got)
	}
}

// edit applies fn as a second replica's edit of d.
func edit(t *testing.T, d *stratplan.Document, replica string, fn func(ed *stratplan.Edit) error) {
	t.Helper()
	must(t, fn(d.Begin(&stratplan.Author{Replica: replica})))
}

func TestAcceptLinksDismissIsRememberedUnlinkRestores(t *testing.T) {
	d := sixRegions(t, func(ed *stratplan.Edit) error {
		must(t, addPriority(ed, "p-wca", "Single Window interconnection", "so1", "WCA"))
		must(t, addPriority(ed, "p-esa", "Interconnect single windows", "so1", "ESA"))
		must(t, addPriority(ed, "p-eur", "Single windows interconnected", "so1", "EUR"))
		must(t, vote(ed, "WCA", "p-wca", 3))
		must(t, vote(ed, "ESA", "p-esa", 2))
		return vote(ed, "EUR", "p-eur", 1)
	})
	if n := len(d.SuggestDuplicates(stratplan.KindPriority, 0)); n != 3 {
		t.Fatalf("%d pairs suggested among three alike priorities, want 3", n)
	}
	// Accept WCA ~ ESA, dismiss WCA ~ EUR.
	edit(t, d, "r2", func(ed *stratplan.Edit) error { return ed.LinkSame(stratplan.KindPriority, "p-wca", "p-esa") })
	edit(t, d, "r2", func(ed *stratplan.Edit) error { return ed.DismissDuplicate("p-eur", "p-wca") })
	// EUR was dismissed against WCA, which is linked with ESA now: the
	// dismissal stands for the whole group.
	if left := d.SuggestDuplicates(stratplan.KindPriority, 0); len(left) != 0 {
		t.Fatalf("after accepting and dismissing, suggested %v, want none", left)
	}
	row := rowOf(t, d, "p-wca")
	if len(row.Members) != 2 || row.Votes != 5 || row.Regions != 2 {
		t.Fatalf("linked row: %d members, %d votes, %d regions; want 2, 5, 2", len(row.Members), row.Votes, row.Regions)
	}
	// Accepting the last pair joins EUR to the group: one row, votes summed once.
	edit(t, d, "r2", func(ed *stratplan.Edit) error { return ed.LinkSame(stratplan.KindPriority, "p-esa", "p-eur") })
	row = rowOf(t, d, "p-wca")
	if len(row.Members) != 3 || row.Votes != 6 || row.Regions != 3 {
		t.Fatalf("group of three: %d members, %d votes, %d regions", len(row.Members), row.Votes, row.Regions)
	}
	// Unlinking ESA (the middle of the chain) leaves WCA and EUR linked.
	edit(t, d, "r2", func(ed *stratplan.Edit) error { return ed.Unlink(stratplan.KindPriority, "p-esa") })
	if row := rowOf(t, d, "p-wca"); len(row.Members) != 2 || row.Votes != 4 {
		t.Fatalf("after unlinking ESA: %d members, %d votes; want WCA and EUR, 4", len(row.Members), row.Votes)
	}
	if row := rowOf(t, d, "p-esa"); len(row.Members) != 1 || row.Votes != 2 {
		t.Fatalf("ESA after unlinking: %d members, %d votes", len(row.Members), row.Votes)
	}
	for _, id := range []string{"p-wca", "p-esa", "p-eur"} {
		if e := d.Get(stratplan.KindPriority, id); e == nil || e.Deleted() {
			t.Fatalf("%s was deleted", id)
		}
	}
	// A dismissal taken back makes the pair a suggestion again, once for
	// the group.
	edit(t, d, "r2", func(ed *stratplan.Edit) error { return ed.RestoreDuplicate("p-wca", "p-eur") })
	if left := d.SuggestDuplicates(stratplan.KindPriority, 0); d.Dismissed("p-wca", "p-eur") || len(left) != 1 || left[0].B.ID != "p-esa" && left[0].B.ID != "p-eur" {
		t.Fatalf("after taking the dismissal back: %v", left)
	}
}

func TestDismissalMergesAsOneEntity(t *testing.T) {
	base := sixRegions(t, func(ed *stratplan.Edit) error {
		must(t, addPriority(ed, "p1", "Single Window interconnection", "so1", "WCA"))
		return addPriority(ed, "p2", "Interconnect single windows", "so1", "ESA")
	})
	x, y := base.Clone(), base.Clone()
	edit(t, x, "rx", func(ed *stratplan.Edit) error { return ed.DismissDuplicate("p1", "p2") })
	edit(t, y, "ry", func(ed *stratplan.Edit) error { return ed.DismissDuplicate("p2", "p1") })
	if _, err := x.Merge(y); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range x.Entities() {
		if e.Kind == stratplan.KindNotSame {
			n++
		}
	}
	if n != 1 || len(x.SuggestDuplicates(stratplan.KindPriority, 0)) != 0 {
		t.Fatalf("two laptops dismissing one pair made %d dismissals", n)
	}
}

// TestConflictingSameAsCountsBothLinks: two laptops link one priority to
// two different ones at the same time; the matrix shows all three as one
// row until someone settles the conflict.
func TestConflictingSameAsCountsBothLinks(t *testing.T) {
	base := sixRegions(t, func(ed *stratplan.Edit) error {
		must(t, addPriority(ed, "p-wca", "E-commerce", "so2", "WCA"))
		must(t, addPriority(ed, "p-ap", "E-commerce risk", "so2", "AP"))
		must(t, addPriority(ed, "p-eur", "Low-value parcels", "so2", "EUR"))
		must(t, vote(ed, "WCA", "p-wca", 1))
		must(t, vote(ed, "AP", "p-ap", 2))
		return vote(ed, "EUR", "p-eur", 4)
	})
	x, y := base.Clone(), base.Clone()
	edit(t, x, "rx", func(ed *stratplan.Edit) error {
		return ed.Set("p-eur", stratplan.KindPriority, txt("same_as", "p-wca"))
	})
	edit(t, y, "ry", func(ed *stratplan.Edit) error {
		return ed.Set("p-eur", stratplan.KindPriority, txt("same_as", "p-ap"))
	})
	if _, err := x.Merge(y); err != nil {
		t.Fatal(err)
	}
	if !x.Get(stratplan.KindPriority, "p-eur").Field("same_as").Conflicted() {
		t.Fatal("the two links did not meet as a conflict")
	}
	row := rowOf(t, x, "p-wca")
	if len(row.Members) != 3 || row.Votes != 7 {
		t.Fatalf("conflicting links: %d members, %d votes; want 3, 7", len(row.Members), row.Votes)
	}
}

func TestSameAsCycleIsOneGroup(t *testing.T) {
	d := sixRegions(t, func(ed *stratplan.Edit) error {
		must(t, addPriority(ed, "p1", "A", "so1", "WCA", "p3"))
		must(t, addPriority(ed, "p2", "B", "so1", "ESA", "p1"))
		must(t, addPriority(ed, "p3", "C", "so1", "EUR", "p2"))
		return vote(ed, "EUR", "p3", 2)
	})
	row := rowOf(t, d, "p1")
	if len(row.Members) != 3 || row.Votes != 2 || row.Priority.E.ID != "p1" {
		t.Fatalf("a cycle of links: %d members, %d votes, shown as %s", len(row.Members), row.Votes, row.Priority.E.ID)
	}
	// Unlinking one of a cycle leaves the other two together.
	edit(t, d, "r2", func(ed *stratplan.Edit) error { return ed.Unlink(stratplan.KindPriority, "p2") })
	if row := rowOf(t, d, "p1"); len(row.Members) != 2 {
		t.Fatalf("after unlinking p2 from the cycle: %d members, want 2", len(row.Members))
	}
}

// rowOf returns the matrix row that holds the priority id.
func rowOf(t *testing.T, d *stratplan.Document, id string) stratplan.MatrixRow {
	t.Helper()
	for _, g := range d.PriorityMatrix(0, stratplan.ByVotes).Groups {
		for _, r := range g.Rows {
			for _, m := range r.Members {
				if m.E.ID == id {
					return r
				}
			}
		}
	}
	t.Fatalf("no row holds %s", id)
	return stratplan.MatrixRow{}
}
