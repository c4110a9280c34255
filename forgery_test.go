package stratplan_test

import (
	"errors"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"stratplan"
)

// Bundles that no honest writer produces: the merge must refuse them or
// take them without letting laptops disagree, emptying fields, or writing
// what it cannot read back.

// forge returns a copy of d changed the way a forger, a damaged file or a
// plan restored from an old copy would change it, and the name of what was
// done.
func forge(rng *rand.Rand, d *stratplan.Document) (*stratplan.Document, string) {
	out := d.Clone()
	ents := out.Entities()
	if len(ents) == 0 {
		return out, "none"
	}
	e := ents[rng.Intn(len(ents))]
	names := e.FieldNames()
	name := names[rng.Intn(len(names))]
	f := e.Field(name)
	ne := &stratplan.Entity{ID: e.ID, Kind: e.Kind, Fields: e.Fields}
	what := "none"
	switch rng.Intn(7) {
	case 0: // the same dot, another value
		if len(f.Vals) > 0 {
			vals := append([]stratplan.Val{}, f.Vals...)
			vals[0].V = stratplan.Text(vals[0].V.String() + "!")
			f.Vals, what = vals, "dot with another value"
		}
	case 1: // the same dot, another time
		if len(f.Vals) > 0 {
			vals := append([]stratplan.Val{}, f.Vals...)
			vals[0].At += stratplan.Time(1 + rng.Intn(1000))
			f.Vals, what = vals, "dot with another time"
		}
	case 2: // a context that covers everything, and no value
		f = stratplan.Field{Ctx: f.Ctx.Join(stratplan.Context{{Replica: "r0", N: 1000}, {Replica: "r1", N: 1000}, {Replica: "r2", N: 1000}, {Replica: "r3", N: 1000}})}
		what = "empty vals"
	case 3: // a context inflated past the values it keeps
		f = stratplan.Field{Ctx: f.Ctx.Join(stratplan.Context{{Replica: fmt.Sprintf("r%d", rng.Intn(4)), N: uint64(1 + rng.Intn(60))}}), Vals: f.Vals}
		what = "inflated ctx"
	case 4: // counters at the limit
		f = f.Write(stratplan.Dot{Replica: "rx", N: stratplan.MaxCounter}, 1, stratplan.Text("max"))
		what = "counter at the limit"
	case 5: // a time far ahead
		f = f.Write(stratplan.Dot{Replica: "ry", N: uint64(1 + rng.Intn(3))}, stratplan.MaxTime, stratplan.Text("future"))
		what = "far future"
	case 6: // the id under another kind
		out.Put(&stratplan.Entity{ID: e.ID, Kind: "note", Fields: stratplan.FieldsOf(map[string]stratplan.Field{
			"text": stratplan.Field{}.Write(stratplan.Dot{Replica: "rz", N: uint64(1 + rng.Intn(3))}, 5, stratplan.Text("clash")),
		})})
		return out, "kind clash"
	}
	ne.Fields = ne.Fields.With(name, f)
	out.Put(ne)
	return out, what
}

// pool is a mix of honest snapshots and forgeries of them.
func pool(rng *rand.Rand) []*stratplan.Document {
	honest := scenario(rng)
	out := append([]*stratplan.Document{}, honest...)
	for i := 0; i < 1+rng.Intn(3); i++ {
		f, _ := forge(rng, honest[rng.Intn(len(honest))])
		out = append(out, f)
	}
	return out
}

func tryMerge(a, b *stratplan.Document) (*stratplan.Document, error) {
	c := a.Clone()
	_, err := c.Merge(b)
	return c, err
}

func TestMergeRefusalDoesNotDependOnOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	refused := 0
	for n := 0; n < lawCases; n++ {
		p := pool(rng)
		a, b := p[rng.Intn(len(p))], p[rng.Intn(len(p))]
		ab, err1 := tryMerge(a, b)
		ba, err2 := tryMerge(b, a)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("case %d: a+b refused: %v; b+a refused: %v", n, err1, err2)
		}
		if err1 != nil {
			refused++
			if err1.Error() != err2.Error() {
				t.Fatalf("case %d: the refusal reads differently by order:\n%v\n%v", n, err1, err2)
			}
			continue
		}
		if canon(ab) != canon(ba) {
			t.Fatalf("case %d: a+b != b+a", n)
		}
	}
	t.Logf("%d cases, %d refused", lawCases, refused)
	if refused == 0 {
		t.Fatal("no forgery was ever refused: the generator does not exercise the refusals")
	}
}

func TestMergeLawsHoldOverWhatIsAccepted(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	checked := 0
	for n := 0; n < lawCases; n++ {
		p := pool(rng)
		a, b, c := p[rng.Intn(len(p))], p[rng.Intn(len(p))], p[rng.Intn(len(p))]
		if aa, err := tryMerge(a, a); err != nil || canon(aa) != canon(a) {
			t.Fatalf("case %d: a+a != a (%v)", n, err)
		}
		ab, err := tryMerge(a, b)
		if err != nil {
			continue
		}
		if again, err := tryMerge(ab, b); err != nil || canon(again) != canon(ab) {
			t.Fatalf("case %d: merging b again changed a+b (%v)", n, err)
		}
		left, err := tryMerge(ab, c)
		if err != nil {
			continue
		}
		bc, err := tryMerge(b, c)
		if err != nil {
			continue
		}
		right, err := tryMerge(a, bc)
		if err != nil {
			continue
		}
		checked++
		if canon(left) != canon(right) {
			t.Fatalf("case %d: (a+b)+c != a+(b+c)", n)
		}
	}
	if checked < lawCases/2 {
		t.Fatalf("only %d cases accepted in both groupings", checked)
	}
}

// An accepted merge never takes away a value without a newer write in that
// field that the plan had not seen.
func TestAcceptedMergeNeverErasesWithoutANewerWrite(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	for n := 0; n < lawCases; n++ {
		p := pool(rng)
		plan, in := p[rng.Intn(len(p))], p[rng.Intn(len(p))]
		m, err := tryMerge(plan, in)
		if err != nil {
			continue
		}
		for _, e := range plan.Entities() {
			me := m.Get(e.Kind, e.ID)
			for _, nf := range e.Fields {
				name, f := nf.Name, nf.Field
				mf := me.Field(name)
				if len(f.Vals) > 0 && len(mf.Vals) == 0 {
					t.Fatalf("case %d: %s %s %s emptied", n, e.Kind, e.ID, name)
				}
				lost := false
				for _, v := range f.Vals {
					if !hasDot(mf, v.Dot) {
						lost = true
					}
				}
				newer := false
				for _, v := range mf.Vals {
					if !f.Ctx.Covers(v.Dot) {
						newer = true
					}
				}
				if lost && !newer {
					t.Fatalf("case %d: %s %s %s lost a value with no newer write", n, e.Kind, e.ID, name)
				}
			}
		}
	}
}

func hasDot(f stratplan.Field, d stratplan.Dot) bool {
	for _, v := range f.Vals {
		if v.Dot == d {
			return true
		}
	}
	return false
}

// Six regions' states, shuffled, duplicated and stale, with forgeries among
// them: whatever each laptop accepted, two laptops that accepted the same
// bundles hold the same plan, and an honest bundle is refused only because
// of a forgery accepted before it.
func TestLaptopsConvergeOverWhatTheyAccepted(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	cases := 2000
	if testing.Short() {
		cases = 200
	}
	for n := 0; n < cases; n++ {
		honest := scenario(rng)
		var in []*stratplan.Document
		forged := map[*stratplan.Document]bool{}
		for _, h := range honest {
			in = append(in, h)
			if rng.Intn(4) == 0 {
				f, what := forge(rng, h)
				if what != "none" {
					in = append(in, f)
					forged[f] = true
				}
			}
		}
		play := func(order []int) (*stratplan.Document, string) {
			d := stratplan.NewDocument("plan1")
			key := make([]byte, len(in))
			forgedSeen := false
			for _, i := range order {
				if _, err := d.Merge(in[i]); err != nil {
					var re *stratplan.RefusedError
					if !errors.As(err, &re) {
						t.Fatalf("case %d: refused with %T: %v", n, err, err)
					}
					if !forged[in[i]] && !forgedSeen {
						t.Fatalf("case %d: an honest state was refused with no forgery before it: %v", n, err)
					}
					continue
				}
				forgedSeen = forgedSeen || forged[in[i]]
				key[i] = 1
			}
			return d, string(key)
		}
		results := map[string]string{}
		for k := 0; k < 3; k++ {
			d, accepted := play(rng.Perm(len(in)))
			if prev, ok := results[accepted]; ok && prev != canon(d) {
				t.Fatalf("case %d: two laptops accepted the same bundles and disagree", n)
			}
			results[accepted] = canon(d)
		}
	}
}

func TestSameDotTwoValuesIsRefusedNamingEverything(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	a := stratplan.NewDocument("p")
	must(t, a.Begin(ra).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Modern risk engine"))))
	// The plan restored from a copy taken before that write writes again
	// with the same counter.
	ra2 := &stratplan.Author{Replica: "ra"}
	b := stratplan.NewDocument("p")
	must(t, b.Begin(ra2).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Old IT systems"))))
	for _, pair := range [][2]*stratplan.Document{{a, b}, {b, a}} {
		before := canon(pair[0])
		_, err := pair[0].Clone().Merge(pair[1])
		var re *stratplan.RefusedError
		if !errors.As(err, &re) {
			t.Fatalf("merged two writes with one dot: %v", err)
		}
		for _, want := range []string{"swot s1", "field text", "ra:1", `"Modern risk engine"`, `"Old IT systems"`} {
			if !contains(err.Error(), want) {
				t.Errorf("the message %q does not name %s", err, want)
			}
		}
		if canon(pair[0]) != before {
			t.Fatal("a refused merge changed the plan")
		}
	}
}

func TestEmptyValsWithAContextIsRefused(t *testing.T) {
	ra := &stratplan.Author{Replica: "ra"}
	a := stratplan.NewDocument("p")
	for i := 0; i < 50; i++ {
		must(t, a.Begin(ra).Set(fmt.Sprintf("s%d", i), stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("item"))))
	}
	wipe := stratplan.NewDocument("p")
	for _, e := range a.Entities() {
		wipe.Put(&stratplan.Entity{ID: e.ID, Kind: e.Kind, Fields: stratplan.FieldsOf(map[string]stratplan.Field{
			"text": {Ctx: stratplan.Context{{Replica: "ra", N: 1 << 40}}}})})
	}
	if _, err := a.Clone().Merge(wipe); err == nil || !contains(err.Error(), "erase") {
		t.Fatalf("a bundle that would empty 50 fields was taken: %v", err)
	}
	if len(a.SWOT("")) != 50 {
		t.Fatal("the plan lost items")
	}
}

func TestClockNeverFollowsABundleMoreThanADayAhead(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	a := &stratplan.Author{Replica: "ra", Clock: stratplan.Clock{Wall: func() time.Time { return now }}}
	a.Clock.Observe(stratplan.MaxTime)
	d := stratplan.NewDocument("p")
	must(t, d.Begin(a).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("x"))))
	at := d.Get(stratplan.KindSWOT, "s1").Field("text").Vals[0].At
	if at.Time().After(now.Add(stratplan.MaxClockLead)) {
		t.Fatalf("the write is stamped %s, more than a day past the machine's clock %s", at, now)
	}
	if _, err := stratplan.ParseTime(at.String()); err != nil {
		t.Fatalf("the app wrote a time it cannot read back: %s", at)
	}
	// The clock still never goes behind what it issued.
	a.Clock.Observe(stratplan.TimeOf(now.Add(time.Hour)))
	if t2 := a.Clock.Now(); t2 <= stratplan.TimeOf(now.Add(time.Hour)) {
		t.Fatal("the clock went behind a time it saw within the day")
	}
}

func TestAReplicaStopsAtTheCounterLimit(t *testing.T) {
	a := &stratplan.Author{Replica: "ra", Counter: stratplan.MaxCounter - 1}
	d := stratplan.NewDocument("p")
	must(t, d.Begin(a).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("last"))))
	ed := d.Begin(a)
	if err := ed.Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("one too many"))); !errors.Is(err, stratplan.ErrCounterSpent) {
		t.Fatalf("wrote past the counter limit: %v", err)
	}
	ed.Rollback()
	if got := d.Get(stratplan.KindSWOT, "s1").Str("text"); got != "last" {
		t.Fatalf("shows %q", got)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
