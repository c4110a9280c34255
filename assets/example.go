// Package assets holds what the app ships besides code: the icon, the
// translations and the example plan.
package assets

import (
	_ "embed"

	"stratplan"
)

// Icon is the app icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte

// Seed returns the first edit of a new plan: its title and, when example
// is set, the example plan.
func Seed(title string, example bool) func(ed *stratplan.Edit) error {
	return func(ed *stratplan.Edit) error {
		if example {
			if err := Example(ed); err != nil {
				return err
			}
		}
		if title == "" && !example {
			title = "Strategic plan"
		}
		if title == "" {
			return nil
		}
		return ed.Set(ed.Doc().Plan(), stratplan.KindPlan, stratplan.Set("title", stratplan.Text(title)))
	}
}

type ent struct {
	id, kind string
	fields   []stratplan.Change
}

func txt(f, v string) stratplan.Change { return stratplan.Set(f, stratplan.Text(v)) }

// Example fills ed's plan with a realistic sample: an organisation with six
// regions and four strategic objectives, one regional workshop filled in
// (participants and SWOT) and the other five scheduled.
func Example(ed *stratplan.Edit) error {
	plan := ed.Doc().Plan()
	regions := []struct{ id, name, code string }{
		{"region-esa", "East & Southern Africa", "ESA"},
		{"region-wca", "West & Central Africa", "WCA"},
		{"region-mena", "North of Africa, Near & Middle East", "MENA"},
		{"region-eur", "Europe", "EUR"},
		{"region-ap", "Asia/Pacific", "AP"},
		{"region-amc", "Americas & Caribbean", "AMC"},
	}
	ents := []ent{{plan, stratplan.KindPlan, []stratplan.Change{
		txt("title", "Strategic Plan 2027–2030"),
		txt("organization", "Global Customs Network"),
		txt("mission", "To enhance the effectiveness and efficiency of member administrations across the globe, facilitating legitimate trade, securing revenue and protecting society."),
		txt("period_start", "2027-07-01"), txt("period_end", "2030-06-30"),
		txt("currency", "EUR"), txt("budget_available", "4800000"), txt("staff_months_available", "540"),
	}}}
	for _, r := range regions {
		ents = append(ents, ent{r.id, stratplan.KindRegion, []stratplan.Change{txt("name", r.name), txt("code", r.code)}})
	}
	for _, o := range [][3]string{
		{"so1", "SO1", "Trade facilitation and connectivity"},
		{"so2", "SO2", "Fair, efficient and effective revenue collection"},
		{"so3", "SO3", "Protection of society, health and safety"},
		{"so4", "SO4", "Organisational development and capacity building"},
	} {
		ents = append(ents, ent{o[0], stratplan.KindObjective, []stratplan.Change{txt("code", o[1]), txt("title", o[2])}})
	}
	const ws = "ws-wca-abidjan"
	ents = append(ents, ent{ws, stratplan.KindWorkshop, []stratplan.Change{
		txt("title", "West & Central Africa regional workshop"), txt("region", "region-wca"), txt("mode", "hybrid"),
		txt("date", "2026-09-14"), txt("venue", "Abidjan, Côte d'Ivoire — and on video call"), txt("facilitator", "Aminata Traoré"),
	}})
	for _, w := range [][5]string{
		{"ws-esa-nairobi", "East & Southern Africa regional workshop", "region-esa", "in_person", "2026-10-05"},
		{"ws-mena-cairo", "North of Africa, Near & Middle East regional workshop", "region-mena", "hybrid", "2026-10-19"},
		{"ws-eur-brussels", "Europe regional workshop", "region-eur", "in_person", "2026-11-09"},
		{"ws-ap-bangkok", "Asia/Pacific regional workshop", "region-ap", "virtual", "2026-11-23"},
		{"ws-amc-panama", "Americas & Caribbean regional workshop", "region-amc", "virtual", "2026-12-07"},
	} {
		ents = append(ents, ent{w[0], stratplan.KindWorkshop, []stratplan.Change{txt("title", w[1]), txt("region", w[2]), txt("mode", w[3]), txt("date", w[4])}})
	}
	for i, p := range [][3]string{
		{"Aminata Traoré", "Côte d'Ivoire", "Facilitator, Regional Office for Capacity Building"},
		{"Kouadio Yao Serge", "Côte d'Ivoire", "Director of Risk Management"},
		{"Leonel da Graça", "São Tomé e Príncipe", "Head of Tariff and Valuation"},
		{"Mariama Diallo", "Sénégal", "Director of Customs Modernisation"},
		{"Jean-Pierre Nkoulou", "Cameroun", "Deputy Director General"},
		{"Akosua Mensah", "Ghana", "Commissioner's adviser, Strategy"},
		{"Chukwuemeka Obi", "Nigeria", "Head of Trade Facilitation"},
		{"Fatoumata Keïta", "Mali", "Head of Enforcement"},
		{"Elif Yıldız", "Türkiye", "Resource person, Single Window"},
	} {
		ents = append(ents, ent{exampleID("part", i), stratplan.KindParticipant, []stratplan.Change{
			txt("name", p[0]), txt("member", p[1]), txt("role", p[2]), txt(stratplan.FieldWorkshop, ws)}})
	}
	for i, s := range [][2]string{
		{"strength", "Risk management engines deployed in most administrations"},
		{"strength", "Active regional training centres in Abidjan and Douala"},
		{"strength", "Strong political support for regional integration (AfCFTA)"},
		{"weakness", "Uneven IT infrastructure and frequent outages at border posts"},
		{"weakness", "High staff turnover in specialised functions"},
		{"weakness", "Limited data sharing between neighbouring administrations"},
		{"opportunity", "AfCFTA rules of origin create demand for advance rulings"},
		{"opportunity", "Donor programmes funding Single Window projects"},
		{"opportunity", "Mobile payment of duties is spreading quickly"},
		{"threat", "Illicit trade in pharmaceuticals and small arms"},
		{"threat", "Revenue loss from undervaluation and e-commerce"},
		{"threat", "Insecurity in the Sahel limits access to border posts"},
	} {
		ents = append(ents, ent{exampleID("swot", i), stratplan.KindSWOT, []stratplan.Change{
			txt("quadrant", s[0]), txt("text", s[1]), txt(stratplan.FieldWorkshop, ws)}})
	}
	for _, e := range ents {
		if err := ed.Set(e.id, e.kind, e.fields...); err != nil {
			return err
		}
	}
	return nil
}

// exampleID numbers the example's entities so they keep their order.
func exampleID(prefix string, i int) string {
	return prefix + "-" + string(rune('a'+i/26)) + string(rune('a'+i%26))
}
