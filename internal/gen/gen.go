// Package gen makes realistic plans from a seed, for benchmarks and tests
// that need volume: six regions whose workshops write in their own
// languages and scripts, sharing a plan set up by a Secretariat, with
// concurrent edits of shared entities so that merges have conflicts to
// keep. The same options give the same plans, byte for byte.
package gen

import (
	"fmt"
	"math/rand"
	"time"

	"stratplan"
)

// Options says how much to make.
type Options struct {
	Seed      int64
	Regions   int    // at most len(Regions); 0 means 6
	PerRegion int    // entities each region writes; 0 means 5,000
	Shared    int    // shared entities every region edits; 0 means 100
	PlanID    string // the plan's id; "" makes one from the seed
}

// Region is one of the regions gen knows.
type Region struct{ ID, Code, Name string }

// Regions are the six regions of the generated plans.
var Regions = []Region{
	{"region-esa", "ESA", "East & Southern Africa"},
	{"region-wca", "WCA", "West & Central Africa"},
	{"region-mena", "MENA", "North of Africa, Near & Middle East"},
	{"region-eur", "EUR", "Europe"},
	{"region-ap", "AP", "Asia/Pacific"},
	{"region-amc", "AMC", "Americas & Caribbean"},
}

// Names of people and places per region, in their own scripts.
var people = [][]string{
	{"Wanjiru Kamau", "Tendai Moyo", "Naledi Dlamini", "Abebe Bekele", "Fatuma Hassan", "Sipho Nkosi"},
	{"Aminata Traoré", "Kouassi Yao", "Ngozi Okafor", "Moussa Diallo", "Awa Ndiaye", "Jean-Baptiste Mbarga"},
	{"فاطمة الزهراء", "محمد بن علي", "Youssef El Amrani", "ليلى حداد", "Omar Farouk", "نور الهدى"},
	{"Ελένη Παπαδοπούλου", "Олена Коваленко", "Zoë Müller", "Søren Ødegård", "Łukasz Wójcik", "Ayşe Yılmaz"},
	{"Nguyễn Thị Hoa", "Siosaia Tupou", "Priya Raghunathan", "Kanoa Akana", "Budi Santoso", "Mei Lin Tan"},
	{"José Martínez", "Ana Lucía Pérez", "João Gonçalves", "Marie-Ève Tremblay", "Keisha Brown", "Raúl Núñez"},
}

var members = [][]string{
	{"Kenya", "Zimbabwe", "South Africa", "Ethiopia", "Tanzania", "Eswatini"},
	{"Côte d'Ivoire", "São Tomé e Príncipe", "Nigeria", "Mali", "Sénégal", "Cameroun"},
	{"المغرب", "مصر", "Tunisie", "الأردن", "Liban", "عُمان"},
	{"Ελλάδα", "Україна", "Deutschland", "Danmark", "Polska", "Türkiye"},
	{"Việt Nam", "Tonga", "India", "Indonesia", "Malaysia", "Fiji"},
	{"México", "Perú", "Brasil", "Canada", "Jamaica", "Chile"},
}

var themes = []string{
	"Coordinated border management", "Gestion des risques fondée sur les données", "Comercio electrónico transfronterizo",
	"Authorised economic operators", "Lutte contre la fraude à l'origine", "Facilitación del tránsito",
	"Integrity and anti-corruption", "Formation des agents aux nouvelles technologies", "Recaudación justa y eficiente",
	"Environmental crime at the border", "Guichet unique national", "Cooperación regional y asistencia mutua",
}

var words = []string{"modern", "régional", "eficaz", "risk", "données", "frontera", "trade", "intégrité", "capacitación",
	"revenue", "sécurité", "tránsito", "digital", "coopération", "aduanas", "partners", "évaluation", "normas"}

// Plan is a generated plan: the Secretariat's set-up and what each region
// wrote starting from it.
type Plan struct {
	ID      string
	Base    *stratplan.Document   // the Secretariat's set-up plan
	Regions []*stratplan.Document // base plus one region's work, each
}

// Make builds the plans o asks for.
func Make(o Options) *Plan {
	if o.Regions <= 0 || o.Regions > len(Regions) {
		o.Regions = len(Regions)
	}
	if o.PerRegion <= 0 {
		o.PerRegion = 5000
	}
	if o.Shared <= 0 {
		o.Shared = 100
	}
	rng := rand.New(rand.NewSource(o.Seed))
	id := fmt.Sprintf("plan%016x", rng.Uint64())
	if o.PlanID != "" {
		id = o.PlanID
	}
	start := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	clock := func(off time.Duration) stratplan.Clock {
		t := start.Add(off)
		return stratplan.Clock{Wall: func() time.Time { t = t.Add(137 * time.Millisecond); return t }}
	}
	base := stratplan.NewDocument(id)
	sec := &stratplan.Author{Replica: "rsecretariat0000", Clock: clock(0)}
	ed := base.Begin(sec)
	must(ed.Set(id, stratplan.KindPlan, txt("title", "Strategic Plan 2027–2030"), txt("organization", "Global Customs Network"),
		txt("period_start", "2027-07-01"), txt("period_end", "2030-06-30"), txt("currency", "EUR"),
		txt("budget_available", "48000000"), txt("staff_months_available", "5400")))
	for _, r := range Regions[:o.Regions] {
		must(ed.Set(r.ID, stratplan.KindRegion, txt("name", r.Name), txt("code", r.Code)))
	}
	objectives := []string{"so1", "so2", "so3", "so4"}
	for i, t := range []string{"Trade facilitation and connectivity", "Fair, efficient and effective revenue collection",
		"Protection of society, health and safety", "Organisational development"} {
		must(ed.Set(objectives[i], stratplan.KindObjective, txt("code", fmt.Sprintf("SO%d", i+1)), txt("title", t)))
	}
	for i := 0; i < o.Shared; i++ {
		must(ed.Set(fmt.Sprintf("shared-%05d", i), stratplan.KindSWOT, txt("quadrant", "opportunity"),
			txt("text", sentence(rng, 8))))
	}

	p := &Plan{ID: id, Base: base}
	for ri, r := range Regions[:o.Regions] {
		d := base.Clone()
		a := &stratplan.Author{Replica: fmt.Sprintf("r%s%011d", lower(r.Code), ri), Clock: clock(time.Duration(ri) * time.Hour)}
		ed := d.Begin(a)
		must(ed.Set(a.Replica, stratplan.KindReplica, txt("label", r.Name+" workshop laptop"), txt("region", r.ID)))
		rr := rand.New(rand.NewSource(o.Seed*31 + int64(ri)))
		writeRegion(ed, rr, r, ri, objectives, o.PerRegion, o.Shared)
		p.Regions = append(p.Regions, d)
	}
	return p
}

// writeRegion fills one region's workshop with about n entities.
func writeRegion(ed *stratplan.Edit, rng *rand.Rand, r Region, ri int, objectives []string, n, shared int) {
	ws := "ws-" + lower(r.Code)
	must(ed.Set(ws, stratplan.KindWorkshop, txt("title", r.Name+" regional workshop"), txt("region", r.ID),
		txt("mode", []string{"virtual", "in_person", "hybrid"}[ri%3]), txt("date", fmt.Sprintf("2026-%02d-%02d", 9+ri%3, 10+ri)),
		txt("venue", members[ri%len(members)][0]), txt("facilitator", people[ri%len(people)][0])))
	count := 1
	id := func(kind string, i int) string { return fmt.Sprintf("%s-%s-%05d", kind, lower(r.Code), i) }
	set := func(eid, kind string, ch ...stratplan.Change) {
		ch = append(ch, txt(stratplan.FieldWorkshop, ws))
		must(ed.Set(eid, kind, ch...))
		count++
	}
	// Concurrent edits of the shared items: every region rewrites some.
	for i := 0; i < shared; i++ {
		if rng.Intn(3) == 0 {
			must(ed.Set(fmt.Sprintf("shared-%05d", i), stratplan.KindSWOT, txt("text", sentence(rng, 9))))
			count++
		}
	}
	parts := max(n/125, 6)
	var voters []string
	for i := 0; i < parts; i++ {
		pid := id("part", i)
		ps, ms := people[ri%len(people)], members[ri%len(members)]
		set(pid, stratplan.KindParticipant, txt("name", fmt.Sprintf("%s %d", ps[i%len(ps)], i)), txt("member", ms[i%len(ms)]), txt("role", "delegate"))
		voters = append(voters, pid)
	}
	for i := 0; i < n/80; i++ {
		set(id("fac", i), stratplan.KindScanFactor, txt("category", stratplan.PESTLECategories[i%6]), txt("title", sentence(rng, 5)),
			txt("impact", fmt.Sprint(1+rng.Intn(5))), txt("likelihood", fmt.Sprint(1+rng.Intn(5))), txt("response", sentence(rng, 10)))
	}
	for i := 0; i < n/12; i++ {
		set(id("swot", i), stratplan.KindSWOT, txt("quadrant", stratplan.SWOTQuadrants[i%4]), txt("text", sentence(rng, 7)))
	}
	var prios []string
	for i := 0; i < n/10; i++ {
		pid := id("prio", i)
		title := themes[rng.Intn(len(themes))]
		if rng.Intn(3) > 0 {
			title += " — " + sentence(rng, 3)
		}
		set(pid, stratplan.KindPriority, txt("title", title), txt("objective", objectives[i%len(objectives)]),
			txt("impact", fmt.Sprint(1+rng.Intn(5))), txt("effort", fmt.Sprint(1+rng.Intn(5))),
			stratplan.Set("sources", stratplan.Refs(id("swot", i%(n/12)))))
		prios = append(prios, pid)
	}
	for count < n*9/10 {
		i := count
		prio := prios[rng.Intn(len(prios))]
		switch rng.Intn(4) {
		case 0:
			voter := voters[rng.Intn(len(voters))]
			must(ed.Set(stratplan.VoteID(voter, prio), stratplan.KindVote, txt("voter", voter), txt("target", prio),
				txt("points", fmt.Sprint(1+rng.Intn(3))), txt(stratplan.FieldWorkshop, ws)))
			count++
		case 1, 2:
			aid := id("act", i)
			set(aid, stratplan.KindAction, txt("priority", prio), txt("title", sentence(rng, 6)), txt("owner", people[ri][rng.Intn(6)]),
				txt("start", "2027-07-01"), txt("due", fmt.Sprintf("20%d-%02d-28", 27+rng.Intn(3), 1+rng.Intn(12))),
				txt("budget", fmt.Sprint(1000*(1+rng.Intn(200)))), txt("staff_months", fmt.Sprintf("%d.5", rng.Intn(12))),
				txt("status", stratplan.ActionStatuses[rng.Intn(4)]))
			set(id("del", i), stratplan.KindDeliverable, txt("action", aid), txt("code", fmt.Sprintf("D%d", i)), txt("title", sentence(rng, 4)),
				txt("due", "2028-06-30"), txt("status", "planned"))
		case 3:
			iid := id("ind", i)
			set(iid, stratplan.KindIndicator, txt("of", prio), txt("name", sentence(rng, 4)), txt("unit", "%"),
				txt("baseline", fmt.Sprint(rng.Intn(50))), txt("target", fmt.Sprint(50+rng.Intn(50))),
				txt("direction", "increase"), txt("frequency", "annual"), txt("source", "national statistics"))
			must(ed.Set(stratplan.MeasurementID(iid, "2027"), stratplan.KindMeasurement, txt("indicator", iid), txt("period", "2027"),
				txt("value", fmt.Sprint(rng.Intn(100))), txt(stratplan.FieldWorkshop, ws)))
			count++
		}
	}
	for count < n {
		set(id("note", count), stratplan.KindNote, txt("step", fmt.Sprint(1+rng.Intn(10))), txt("text", sentence(rng, 40)))
	}
}

func sentence(rng *rand.Rand, n int) string {
	b := make([]byte, 0, n*10)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, words[rng.Intn(len(words))]...)
	}
	return string(b)
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func txt(f, v string) stratplan.Change { return stratplan.Set(f, stratplan.Text(v)) }

func must(err error) {
	if err != nil {
		panic(err) // generated data is valid by construction
	}
}
