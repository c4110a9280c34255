package e2e_test

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stratplan"
	"stratplan/store"
)

// cli runs the real stratplan binary with its own config and data folders.
type cli struct {
	t   *testing.T
	bin string
	env []string
	dir string
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	dir := t.TempDir()
	if d := os.Getenv("STRATPLAN_ROUNDTRIP_DIR"); d != "" {
		// Keep the plans, e.g. to look at them in the window.
		os.RemoveAll(d)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		dir = d
	}
	bin := filepath.Join(t.TempDir(), "stratplan")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, "stratplan/cmd/stratplan")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	// The test edits plan files as the binary's user: one machine, one
	// config folder.
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	env := append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(dir, "data"), "LANG=en_US.UTF-8")
	return &cli{t: t, bin: bin, env: env, dir: dir}
}

// run runs a command that must succeed and returns what it printed.
func (c *cli) run(args ...string) string {
	c.t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Env = c.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		c.t.Fatalf("stratplan %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (c *cli) path(name string) string { return filepath.Join(c.dir, name) }

// edit changes a plan file as a person in the window would: one edit.
func (c *cli) edit(plan string, fn func(ed *stratplan.Edit) error) {
	c.t.Helper()
	s, err := store.Open(plan, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	defer s.Close()
	if err := s.Edit(fn); err != nil {
		c.t.Fatal(err)
	}
}

func (c *cli) read(plan string) (*stratplan.Document, []stratplan.Receipt) {
	c.t.Helper()
	s, err := store.Open(plan, &store.Options{ReadOnly: true})
	if err != nil {
		c.t.Fatal(err)
	}
	defer s.Close()
	rs, err := s.Receipts()
	if err != nil {
		c.t.Fatal(err)
	}
	return s.Doc(), rs
}

func set(f, v string) stratplan.Change { return stratplan.Set(f, stratplan.Text(v)) }

// region is one region's workshop, as its facilitator runs it.
type region struct {
	code, name string
	priorities [][2]string // title, objective code
}

var sixRegions = []region{
	{"WCA", "West & Central Africa", [][2]string{
		{"Single Window interconnection between neighbours", "SO1"},
		{"Risk management for e-commerce parcels", "SO2"},
		{"Lutter contre le trafic illicite des médicaments", "SO3"},
		{"Corridor Abidjan–Lagos", "SO1"}}},
	{"ESA", "East & Southern Africa", [][2]string{
		{"Interconnect the national single windows", "SO1"},
		{"One-stop border posts", "SO1"},
		{"Staff retention in specialised functions", "SO4"}}},
	{"MENA", "North of Africa, Near & Middle East", [][2]string{
		{"Lutte contre le commerce illicite de médicaments", "SO3"},
		{"Authorised Economic Operator programmes", "SO1"},
		{"Post-clearance audit", "SO2"}}},
	{"EUR", "Europe", [][2]string{
		{"Risk management of e-commerce parcels", "SO2"},
		{"Green customs and environmental crime", "SO3"},
		{"AEO programme for authorised economic operators", "SO1"}}},
	{"AP", "Asia/Pacific", [][2]string{
		{"E-commerce parcels risk management", "SO2"},
		{"Post clearance audits", "SO2"},
		{"Environmental crime and green customs", "SO3"}}},
	{"AMC", "Americas & Caribbean", [][2]string{
		{"Fortalecer la gestión de riesgos", "SO2"},
		{"Retaining specialised staff", "SO4"},
		{"Data sharing between neighbouring administrations", "SO1"}}},
}

// TestSecretariatSixRegionsConsolidationMonitoring is the product's round
// trip through the real binary: the Secretariat sets a plan up and sends
// it; six regions start from it, run their workshops and send bundles
// back, which the Secretariat imports in a shuffled order, one twice and
// one also as a stale copy; the matrix and the duplicates are checked;
// then two indicator owners start from the consolidated plan, report
// figures, and their bundles update the monitoring picture.
func TestSecretariatSixRegionsConsolidationMonitoring(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the real binary")
	}
	c := newCLI(t)
	sec := c.path("secretariat.stratplan")
	c.run("new", sec, "--title", "Strategic Plan 2027–2030")

	// The Secretariat's set-up: six regions (the first one renamed), four
	// objectives, the period around today, the budget.
	now := time.Now().UTC()
	regionIDs := map[string]string{}
	objectiveIDs := map[string]string{}
	c.edit(sec, func(ed *stratplan.Edit) error {
		doc := ed.Doc()
		first := doc.Regions()[0].E.ID
		for i, r := range sixRegions {
			id := first
			if i > 0 {
				id = "region-" + strings.ToLower(r.code)
			}
			regionIDs[r.code] = id
			if err := doc.CheckRegion(id, r.code, r.name); err != nil {
				return err
			}
			if err := ed.Set(id, stratplan.KindRegion, set("code", r.code), set("name", r.name)); err != nil {
				return err
			}
		}
		so1 := doc.Objectives()[0].E.ID
		for i, title := range []string{"Trade facilitation and connectivity", "Revenue collection", "Protection of society", "Organisational development"} {
			id := so1
			if i > 0 {
				id = fmt.Sprintf("so%d", i+1)
			}
			code := doc.NextObjectiveCode()
			if i == 0 {
				code = "SO1"
			}
			objectiveIDs[code] = id
			if err := ed.Set(id, stratplan.KindObjective, set("code", code), set("title", title)); err != nil {
				return err
			}
		}
		return ed.Set(doc.Plan(), stratplan.KindPlan, set("organization", "Global Customs Network"),
			set("period_start", now.AddDate(-2, 0, 0).Format("2006-01-02")), set("period_end", now.AddDate(2, 0, 0).Format("2006-01-02")),
			set("currency", "EUR"), set("budget_available", "4800000"))
	})
	c.run("export", sec, "--bundle", c.path("plan.json"))

	// Six regions start from the Secretariat's bundle and run their workshops.
	var bundles []string
	for i, r := range sixRegions {
		plan := c.path(strings.ToLower(r.code) + ".stratplan")
		out := c.run("new", plan, "--from", c.path("plan.json"))
		if !strings.Contains(out, "6 regions, 4 objectives") {
			t.Fatalf("%s started from the plan: %s", r.code, out)
		}
		ws := "ws-" + strings.ToLower(r.code)
		c.edit(plan, func(ed *stratplan.Edit) error {
			if err := ed.Set(ws, stratplan.KindWorkshop, set("title", r.name+" regional workshop"), set("region", regionIDs[r.code]),
				set("date", now.AddDate(0, 0, i-10).Format("2006-01-02"))); err != nil {
				return err
			}
			for v := range 3 {
				if err := ed.Set(fmt.Sprintf("%s-voter-%d", ws, v), stratplan.KindParticipant, set("name", fmt.Sprintf("%s delegate %d", r.code, v)),
					set(stratplan.FieldWorkshop, ws)); err != nil {
					return err
				}
			}
			for k, p := range r.priorities {
				id := fmt.Sprintf("%s-p%d", ws, k)
				if err := ed.Set(id, stratplan.KindPriority, set("title", p[0]), set("objective", objectiveIDs[p[1]]), set(stratplan.FieldWorkshop, ws)); err != nil {
					return err
				}
				// Each delegate gives the k-th priority 3−k dots.
				for v := range 3 {
					if 3-k > 0 {
						if err := ed.SetVote(ws, fmt.Sprintf("%s-voter-%d", ws, v), id, 3-k); err != nil {
							return err
						}
					}
				}
			}
			return nil
		})
		b := c.path(strings.ToLower(r.code) + "-1.json")
		c.run("export", plan, "--bundle", b)
		bundles = append(bundles, b)
	}
	// Europe goes on working after its first export: its second bundle
	// makes the first one stale.
	eur := c.path("eur.stratplan")
	c.edit(eur, func(ed *stratplan.Edit) error {
		return ed.Set("ws-eur-p0", stratplan.KindPriority, set("title", "Risk management of e-commerce parcels and postal flows"))
	})
	c.run("export", eur, "--bundle", c.path("eur-2.json"))
	bundles = append(bundles, c.path("eur-2.json"))
	// West & Central Africa's bundle arrives twice, by e-mail and on USB.
	dup, _ := os.ReadFile(c.path("wca-1.json"))
	if err := os.WriteFile(c.path("wca-1 (copy).json"), dup, 0o600); err != nil {
		t.Fatal(err)
	}
	bundles = append(bundles, c.path("wca-1 (copy).json"))

	rng := rand.New(rand.NewSource(27))
	rng.Shuffle(len(bundles), func(i, j int) { bundles[i], bundles[j] = bundles[j], bundles[i] })
	// The stale copy arrives last, after the newer one.
	for i, b := range bundles {
		if strings.HasSuffix(b, "eur-1.json") {
			bundles = append(append(bundles[:i:i], bundles[i+1:]...), b)
			break
		}
	}
	c.run(append([]string{"import", sec}, bundles[:4]...)...)
	for _, b := range bundles[4:] {
		c.run("import", sec, b)
	}

	doc, receipts := c.read(sec)
	if len(receipts) != len(bundles) {
		t.Fatalf("%d bundles imported, %d receipts", len(bundles), len(receipts))
	}
	for _, r := range receipts {
		if r.File == "eur-1.json" && r.Changes().Changed() {
			t.Fatalf("the stale copy changed the plan: %+v", r.Stats)
		}
		code := strings.ToUpper(strings.TrimSuffix(strings.SplitN(r.File, "-", 2)[0], ".json"))
		if r.Region != regionIDs[code] || r.Digest == "" || r.Seq == 0 {
			t.Fatalf("the receipt of %s: region %q (want %s's), digest %q, export %d", r.File, r.Region, code, r.Digest, r.Seq)
		}
	}
	if got := doc.Get(stratplan.KindPriority, "ws-eur-p0").Str("title"); !strings.Contains(got, "postal flows") {
		t.Fatalf("the stale copy brought back an old title: %q", got)
	}
	total := 0
	for _, r := range sixRegions {
		total += len(r.priorities)
	}
	m := doc.PriorityMatrix(2, stratplan.ByRegions)
	if n := matrixRows(m); n != total {
		t.Fatalf("the matrix has %d rows before linking, want %d", n, total)
	}
	// The duplicates across regions are suggested, and none within a region.
	sugg := doc.SuggestDuplicates(stratplan.KindPriority, 0)
	want := [][2]string{{"ws-wca-p0", "ws-esa-p0"}, {"ws-wca-p1", "ws-ap-p0"}, {"ws-wca-p2", "ws-mena-p0"},
		{"ws-mena-p1", "ws-eur-p2"}, {"ws-mena-p2", "ws-ap-p1"}, {"ws-eur-p1", "ws-ap-p2"}}
	for _, w := range want {
		if !hasPair(sugg, w[0], w[1]) {
			t.Errorf("%s ~ %s is not suggested", doc.Get(stratplan.KindPriority, w[0]).Str("title"), doc.Get(stratplan.KindPriority, w[1]).Str("title"))
		}
	}
	for _, s := range sugg {
		if doc.RegionOf(s.A) == doc.RegionOf(s.B) {
			t.Errorf("a pair within one region is suggested: %q ~ %q", s.A.Str("title"), s.B.Str("title"))
		}
	}
	// The Secretariat accepts every suggestion: linked priorities are one row.
	c.edit(sec, func(ed *stratplan.Edit) error {
		for _, s := range ed.Doc().SuggestDuplicates(stratplan.KindPriority, 0) {
			if err := ed.LinkSame(stratplan.KindPriority, s.A.ID, s.B.ID); err != nil {
				return err
			}
		}
		return nil
	})
	doc, _ = c.read(sec)
	m = doc.PriorityMatrix(2, stratplan.ByRegions)
	ecom := findRow(t, m, "ws-wca-p1")
	if len(ecom.Members) != 3 || ecom.Regions != 3 || !ecom.Common || ecom.Votes != 6+9+9 {
		t.Fatalf("the e-commerce row: %d members, %d regions, %d votes, common %v", len(ecom.Members), ecom.Regions, ecom.Votes, ecom.Common)
	}
	if corridor := findRow(t, m, "ws-wca-p3"); corridor.Common || corridor.Regions != 1 {
		t.Fatalf("a priority of one region is common: %+v", corridor)
	}
	if n := matrixRows(m); n >= total || n < total-len(want)-1 {
		t.Fatalf("after linking the matrix has %d rows (of %d priorities)", n, total)
	}

	// The consolidated plan gets an action and two indicators, goes out
	// to two owners, who report their figures for the period due.
	c.edit(sec, func(ed *stratplan.Edit) error {
		if err := ed.Set("act-sw", stratplan.KindAction, set("priority", "ws-wca-p0"), set("title", "Link the Single Windows"), set("status", "in_progress")); err != nil {
			return err
		}
		if err := ed.Set("ind-release", stratplan.KindIndicator, set("of", "act-sw"), set("name", "Release time at the border"), set("unit", "hours"),
			set("baseline", "72"), set("target", "24"), set("direction", "decrease"), set("frequency", "annual")); err != nil {
			return err
		}
		return ed.Set("ind-aeo", stratplan.KindIndicator, set("of", "ws-mena-p1"), set("name", "Authorised operators"),
			set("baseline", "100"), set("target", "300"), set("direction", "increase"), set("frequency", "annual"))
	})
	c.run("export", sec, "--bundle", c.path("consolidated.json"))
	due, _ := stratplan.DuePeriod("annual", now)
	for _, o := range []struct{ name, indicator, value string }{{"owner-wca", "ind-release", "48"}, {"owner-mena", "ind-aeo", "180"}} {
		plan := c.path(o.name + ".stratplan")
		c.run("new", plan, "--from", c.path("consolidated.json"))
		c.edit(plan, func(ed *stratplan.Edit) error {
			return ed.Set(stratplan.MeasurementID(o.indicator, due), stratplan.KindMeasurement, set("indicator", o.indicator),
				set("period", due), set("value", o.value))
		})
		if o.name == "owner-wca" {
			c.edit(plan, func(ed *stratplan.Edit) error { return ed.Set("act-sw", stratplan.KindAction, set("status", "done")) })
		}
		c.run("export", plan, "--bundle", c.path(o.name+".json"))
	}
	before := statusOf(t, c, sec)
	if before.Total.NoData != 2 {
		t.Fatalf("before the owners' bundles: %+v", before.Total)
	}
	c.run("import", sec, c.path("owner-mena.json"), c.path("owner-wca.json"))
	after := statusOf(t, c, sec)
	got := map[string]indicatorStatus{}
	for _, in := range after.Indicators {
		got[in.ID] = in
	}
	rel, aeo := got["ind-release"], got["ind-aeo"]
	if rel.LatestPeriod != due || rel.LatestValue != "48" || rel.Progress == nil || *rel.Progress != 50 || rel.Status == "no_data" {
		t.Fatalf("release time after import: %+v", rel)
	}
	if aeo.LatestValue != "180" || aeo.Progress == nil || *aeo.Progress != 40 || aeo.Status == "no_data" {
		t.Fatalf("authorised operators after import: %+v", aeo)
	}
	if after.Total.NoData != 0 || after.Total.ActionsDone != 1 || after.Total.ActionsTotal != 1 {
		t.Fatalf("totals after import: %+v", after.Total)
	}
	// The same picture the Monitoring step shows, filtered to a region.
	doc, _ = c.read(sec)
	mon := doc.Monitoring(now, stratplan.Scope{Region: regionIDs["MENA"]})
	if len(mon.Indicators) != 1 || mon.Indicators[0].E.ID != "ind-aeo" {
		t.Fatalf("MENA's indicators: %d", len(mon.Indicators))
	}
	var region statusDoc
	if err := json.Unmarshal([]byte(c.run("status", sec, "--json", "--region", "mena")), &region); err != nil {
		t.Fatal(err)
	}
	if len(region.Indicators) != 1 || region.Indicators[0].ID != "ind-aeo" {
		t.Fatalf("status --region mena: %+v", region.Indicators)
	}
	if text := c.run("status", sec); !strings.Contains(text, "SO1 Trade facilitation and connectivity") || !strings.Contains(text, "actions done 1/1") {
		t.Fatalf("status:\n%s", text)
	}
}

type indicatorStatus struct {
	ID           string   `json:"id"`
	LatestPeriod string   `json:"latest_period"`
	LatestValue  string   `json:"latest_value"`
	Progress     *float64 `json:"progress_percent"`
	Status       string   `json:"status"`
}

type statusDoc struct {
	Indicators []indicatorStatus `json:"indicators"`
	Total      struct {
		ActionsDone  int `json:"actions_done"`
		ActionsTotal int `json:"actions_total"`
		NoData       int `json:"no_data"`
	} `json:"total"`
}

func statusOf(t *testing.T, c *cli, plan string) statusDoc {
	t.Helper()
	var s statusDoc
	if err := json.NewDecoder(strings.NewReader(c.run("status", plan, "--json"))).Decode(&s); err != nil && err != io.EOF {
		t.Fatal(err)
	}
	return s
}

func matrixRows(m stratplan.Matrix) int {
	n := 0
	for _, g := range m.Groups {
		n += len(g.Rows)
	}
	return n
}

func findRow(t *testing.T, m stratplan.Matrix, id string) stratplan.MatrixRow {
	t.Helper()
	for _, g := range m.Groups {
		for _, r := range g.Rows {
			for _, p := range r.Members {
				if p.E.ID == id {
					return r
				}
			}
		}
	}
	t.Fatalf("no row holds %s", id)
	return stratplan.MatrixRow{}
}

func hasPair(ps []stratplan.DuplicatePair, a, b string) bool {
	for _, p := range ps {
		if p.A.ID == a && p.B.ID == b || p.A.ID == b && p.B.ID == a {
			return true
		}
	}
	return false
}
