// Package assets holds what the app ships besides code: the icon, the
// translations and the example plan.
package assets

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"stratplan"
)

// Icon is the app icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte

// Seed returns the first edit of a new plan, with its first region and
// objective named in English: see SeedWith.
func Seed(title string, example bool) func(ed *stratplan.Edit) error {
	return SeedWith(title, example, EnglishFirstNames)
}

// FirstNames are the names a new plan's first region and objective start
// with, in the user's language, until the plan's set-up renames them.
type FirstNames struct {
	Plan, Region, RegionCode, Objective string
}

// EnglishFirstNames are the first names in English.
var EnglishFirstNames = FirstNames{Plan: "Strategic plan", Region: "Region 1", RegionCode: "R1", Objective: "Strategic objective 1"}

// SeedWith returns the first edit of a new plan: its title, and either the
// example plan or one region and the objective SO1, ready to rename.
func SeedWith(title string, example bool, names FirstNames) func(ed *stratplan.Edit) error {
	return func(ed *stratplan.Edit) error {
		if example {
			if err := Example(ed); err != nil {
				return err
			}
		} else {
			if err := ed.Set(stratplan.NewID(), stratplan.KindRegion, txt("name", names.Region), txt("code", names.RegionCode)); err != nil {
				return err
			}
			if err := ed.Set(stratplan.NewID(), stratplan.KindObjective, txt("code", "SO1"), txt("title", names.Objective)); err != nil {
				return err
			}
		}
		if title == "" && !example {
			title = names.Plan
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
	ents = append(ents, workshopDay(ws)...)
	for _, e := range ents {
		if err := ed.Set(e.id, e.kind, e.fields...); err != nil {
			return err
		}
	}
	if err := ed.AdoptVision(ws, "vision-a"); err != nil {
		return err
	}
	// The room's dots: five each, as the facilitator entered them.
	votes := []struct {
		voter, target string
		points        int
	}{
		{"part-aa", "prio-a", 2}, {"part-aa", "prio-b", 2}, {"part-aa", "prio-c", 1},
		{"part-ab", "prio-b", 3}, {"part-ab", "prio-d", 2},
		{"part-ac", "prio-a", 3}, {"part-ac", "prio-e", 2},
		{"part-ad", "prio-b", 2}, {"part-ad", "prio-a", 2}, {"part-ad", "prio-c", 1},
		{"part-ae", "prio-d", 3}, {"part-ae", "prio-b", 2},
		{"part-af", "prio-a", 1}, {"part-af", "prio-c", 2}, {"part-af", "prio-e", 2},
		{"part-ag", "prio-b", 2}, {"part-ag", "prio-a", 3},
		{"part-aa", "vision-a", 3}, {"part-ab", "vision-a", 2}, {"part-ac", "vision-b", 4}, {"part-ad", "vision-a", 3}, {"part-ae", "vision-c", 2},
	}
	for _, v := range votes {
		if err := ed.SetVote(ws, v.voter, v.target, v.points); err != nil {
			return err
		}
	}
	if err := ed.ReviseTarget("ind-b", "target", "48", "Donor funding confirmed for all border posts", "2026-09-14"); err != nil {
		return err
	}
	return nil
}

// workshopDay is what the West & Central Africa workshop produced: visions,
// the scan, priorities, actions, deliverables, indicators, the survey.
func workshopDay(ws string) []ent {
	w := txt(stratplan.FieldWorkshop, ws)
	var out []ent
	add := func(id, kind string, fields ...stratplan.Change) {
		out = append(out, ent{id, kind, append(fields, w)})
	}
	add("vision-a", stratplan.KindVision, txt("text", "A connected, trusted customs community in West and Central Africa that makes legitimate trade fast and keeps people safe."))
	add("vision-b", stratplan.KindVision, txt("text", "Borders that work for people and for trade."))
	add("vision-c", stratplan.KindVision, txt("text", "Modern, digital and integrated customs administrations serving regional integration."))
	for i, f := range [][6]string{
		{"political", "AfCFTA enters into force for goods", "4", "5", "Rules of origin and tariff schedules change across the region.", "Train origin experts; publish guidance with the AfCFTA Secretariat."},
		{"economic", "E-commerce parcels grow 30% a year", "4", "4", "Low-value consignments overwhelm manual processing.", "Risk-based clearance of low-value parcels."},
		{"social", "Young, mobile-first traders", "3", "4", "", ""},
		{"technological", "Mobile money spreads to border markets", "3", "5", "", "Accept duty payment by mobile money."},
		{"legal", "New data-protection laws", "3", "3", "", "Review data-sharing agreements."},
		{"environmental", "Floods cut corridors in the rainy season", "4", "3", "", "Contingency routes with neighbouring administrations."},
	} {
		add(fmt.Sprintf("factor-%c", 'a'+i), stratplan.KindScanFactor, txt("category", f[0]), txt("title", f[1]), txt("impact", f[2]),
			txt("likelihood", f[3]), txt("description", f[4]), txt("response", f[5]))
	}
	// Link two SWOT items to the scan factors they came from.
	out = append(out, ent{exampleID("swot", 6), stratplan.KindSWOT, []stratplan.Change{txt("factor", "factor-a")}},
		ent{exampleID("swot", 10), stratplan.KindSWOT, []stratplan.Change{txt("factor", "factor-b")}})
	for i, p := range [][5]string{
		{"Advance rulings on origin for AfCFTA", "so1", "5", "2", "swot-ag"},
		{"Single Window interconnection between neighbours", "so1", "5", "5", "swot-ad"},
		{"Risk management for e-commerce parcels", "so2", "4", "3", "swot-ak"},
		{"Joint controls against illicit pharmaceuticals", "so3", "4", "4", "swot-aj"},
		{"Retention plan for specialised staff", "so4", "3", "2", "swot-ae"},
	} {
		add(fmt.Sprintf("prio-%c", 'a'+i), stratplan.KindPriority, txt("title", p[0]), txt("objective", p[1]), txt("impact", p[2]),
			txt("effort", p[3]), stratplan.Set("sources", stratplan.Refs(p[4])))
	}
	for _, a := range [][8]string{
		{"act-a", "prio-a", "Train 40 origin experts", "Regional Training Centre, Abidjan", "2027-07-01", "2027-12-15", "180000", "18"},
		{"act-b", "prio-a", "Publish advance-ruling procedures", "Legal Affairs, Côte d'Ivoire", "2027-09-01", "2028-03-31", "40000", "6"},
		{"act-c", "prio-b", "Pilot a Single Window link Abidjan–Accra", "ICT Directorate, Ghana", "2027-10-01", "2029-06-30", "1200000", "60"},
		{"act-d", "prio-c", "Deploy parcel risk profiles", "Risk Management, Nigeria", "2028-01-15", "2028-12-31", "350000", "24"},
		{"act-e", "prio-d", "Joint operation with health regulators", "Enforcement, Mali", "2027-11-01", "2028-02-28", "90000", "8"},
		{"act-f", "prio-e", "Design a career path for specialists", "HR, Cameroun", "2027-07-01", "2027-06-30", "25000", "4"},
	} {
		add(a[0], stratplan.KindAction, txt("priority", a[1]), txt("title", a[2]), txt("owner", a[3]), txt("start", a[4]), txt("due", a[5]),
			txt("budget", a[6]), txt("staff_months", a[7]), txt("status", "planned"))
	}
	for _, d := range [][4]string{
		{"act-a", "SO1-D1", "Training curriculum on AfCFTA rules of origin", "2027-09-30"},
		{"act-a", "SO1-D2", "40 certified origin experts", "2027-12-15"},
		{"act-b", "SO1-D3", "Advance-ruling guide published in English and French", "2028-03-31"},
		{"act-c", "SO1-D4", "Message exchange live between two Single Windows", "2029-06-30"},
		{"act-d", "SO2-D1", "Parcel risk profiles in production", "2028-12-31"},
	} {
		add("deliv-"+strings.ToLower(d[1]), stratplan.KindDeliverable, txt("action", d[0]), txt("code", d[1]), txt("title", d[2]), txt("due", d[3]), txt("status", "planned"))
	}
	for _, in := range [][8]string{
		{"ind-a", "prio-a", "Advance rulings on origin issued per year", "rulings", "0", "200", "increase", "annual"},
		{"ind-b", "prio-b", "Average release time at the Abidjan–Accra border", "hours", "72", "24", "decrease", "quarterly"},
		{"ind-c", "act-d", "Parcels cleared on risk profile alone", "%", "5", "60", "increase", "semiannual"},
	} {
		add(in[0], stratplan.KindIndicator, txt("of", in[1]), txt("name", in[2]), txt("unit", in[3]), txt("baseline", in[4]),
			txt("target", in[5]), txt("direction", in[6]), txt("frequency", in[7]), txt("source", "National customs statistics"))
	}
	add("ind-d", stratplan.KindIndicator, txt("of", "prio-e"), txt("name", "Specialist career path adopted"), stratplan.Set("qualitative", stratplan.Bool(true)),
		txt("target_text", "Career path approved by every administration's management board"), txt("frequency", "annual"))
	// The member survey: each region's members scored eight themes.
	themes := []string{"Trade facilitation", "E-commerce", "Revenue collection", "Security and illicit trade", "Data analytics", "Digital transformation", "Human resources", "Integrity"}
	regions := []string{"region-esa", "region-wca", "region-mena", "region-eur", "region-ap", "region-amc"}
	members := [][]string{
		{"Kenya", "Uganda", "Zambia", "South Africa"},
		{"Côte d'Ivoire", "São Tomé e Príncipe", "Sénégal", "Ghana", "Nigeria"},
		{"Egypt", "Jordan", "Morocco"},
		{"Türkiye", "France", "Poland", "Norway"},
		{"Japan", "Fiji", "Viet Nam", "India"},
		{"Brazil", "Jamaica", "Canada", "Perú"},
	}
	for r, region := range regions {
		for m, member := range members[r] {
			for t, theme := range themes {
				// Trade facilitation and e-commerce score high everywhere;
				// security leads in West Africa, revenue in the Americas.
				score := 2 + (t*7+r*3+m*5)%3
				switch {
				case t <= 1:
					score = 4 + (m+t)%2
				case t == 3 && r == 1, t == 2 && r == 5:
					score = 5
				}
				add(stratplan.SurveyScoreID(ws, member, theme), stratplan.KindSurveyScore, txt("member", member), txt("region", region),
					txt("theme", theme), txt("score", strconv.Itoa(score)))
			}
		}
	}
	add(stratplan.NoteID(ws, "swot"), stratplan.KindNote, txt("step", "swot"),
		txt("text", "The room agreed that IT outages are the main weakness; Ghana and Nigeria asked to add data sharing."))
	return out
}

// exampleID numbers the example's entities so they keep their order.
func exampleID(prefix string, i int) string {
	return prefix + "-" + string(rune('a'+i/26)) + string(rune('a'+i%26))
}
