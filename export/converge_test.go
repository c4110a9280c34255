package export_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"stratplan"
	"stratplan/export"
)

// write is one local write, with the field's context right after it: the
// writes it superseded are exactly those that context covers.
type write struct {
	id, field string
	dot       stratplan.Dot
	after     stratplan.Context
}

type replica struct {
	name   string
	doc    *stratplan.Document
	author *stratplan.Author
	seq    uint64
}

type world struct {
	t       *testing.T
	rng     *rand.Rand
	reps    []*replica
	mailbag [][]byte // every bundle ever sent, stale ones included
	log     []write
}

func newWorld(t *testing.T, seed int64) *world {
	w := &world{t: t, rng: rand.New(rand.NewSource(seed))}
	base := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	for i, name := range []string{"sec", "esa", "wca", "mena", "eur", "ap", "amc"} {
		skew := time.Duration(w.rng.Intn(600)-300) * time.Second // laptops' clocks disagree
		step := 0
		a := &stratplan.Author{Replica: fmt.Sprintf("r%d%s", i, name)}
		a.Clock.Wall = func() time.Time { step++; return base.Add(skew + time.Duration(step)*time.Second) }
		w.reps = append(w.reps, &replica{name: name, doc: stratplan.NewDocument("plan1"), author: a})
	}
	return w
}

var (
	ids    = []string{"s1", "s2", "s3", "p1", "p2"}
	fields = []string{"text", "quadrant", "title"}
	words  = []string{"alpha", "beta", "gamma"}
)

func (w *world) localWrite(r *replica) {
	counter := r.author.Counter
	ed := r.doc.Begin(r.author)
	id := ids[w.rng.Intn(len(ids))]
	kind := stratplan.KindSWOT
	if id[0] == 'p' {
		kind = stratplan.KindPriority
	}
	field := fields[w.rng.Intn(len(fields))]
	var err error
	switch op := w.rng.Intn(10); {
	case op == 0 && r.doc.Entity(id) != nil:
		err = ed.Delete(kind, id)
	case op == 1 && r.doc.Entity(id) != nil:
		err = ed.Restore(kind, id)
	default:
		// Few words: replicas often write the same value concurrently.
		err = ed.Set(id, kind, stratplan.Set(field, stratplan.Text(words[w.rng.Intn(len(words))])))
	}
	if err != nil {
		w.t.Fatal(err)
	}
	for _, e := range ed.Changed() {
		for _, nf := range e.Fields {
			name, f := nf.Name, nf.Field
			for _, v := range f.Vals {
				if v.Dot.Replica == r.author.Replica && v.Dot.N > counter {
					w.log = append(w.log, write{id: e.ID, field: name, dot: v.Dot, after: f.Ctx})
				}
			}
		}
	}
}

func (w *world) export(r *replica) []byte {
	r.seq++
	var buf bytes.Buffer
	p := export.Producer{Replica: r.author.Replica, Label: r.name, App: "test", Seq: r.seq}
	if err := export.EncodeBundle(&buf, r.doc, p, time.Unix(int64(r.seq), 0)); err != nil {
		w.t.Fatal(err)
	}
	w.mailbag = append(w.mailbag, buf.Bytes())
	return buf.Bytes()
}

// receive imports a bundle and checks that nothing the receiver had
// superseded comes back.
func (w *world) receive(r *replica, data []byte) {
	b, err := export.DecodeBundle(bytes.NewReader(data), "bundle.json")
	if err != nil {
		w.t.Fatal(err)
	}
	before := r.doc.Clone()
	if _, err := r.doc.Merge(b.Doc); err != nil {
		w.t.Fatal(err)
	}
	for _, e := range r.doc.Entities() {
		old := before.Entity(e.ID)
		if old == nil {
			continue
		}
		for _, nf := range e.Fields {
			name, f := nf.Name, nf.Field
			of := old.Field(name)
			for _, v := range f.Vals {
				had := false
				for _, ov := range of.Vals {
					had = had || ov.Dot == v.Dot
				}
				if !had && of.Ctx.Covers(v.Dot) {
					w.t.Fatalf("a stale bundle brought back %s.%s = %v (%s) at %s", e.ID, name, v.V, v.Dot, r.name)
				}
			}
		}
	}
}

func (w *world) syncAll() {
	var fresh [][]byte
	for _, r := range w.reps {
		fresh = append(fresh, w.export(r))
	}
	for _, r := range w.reps {
		order := w.rng.Perm(len(fresh))
		for _, i := range order {
			w.receive(r, fresh[i])
		}
		// Stale and duplicate copies change nothing now.
		for k := 0; k < 3 && len(w.mailbag) > 0; k++ {
			w.receive(r, w.mailbag[w.rng.Intn(len(w.mailbag))])
		}
	}
}

func payload(d *stratplan.Document) string {
	return string(export.AppendPayload(nil, d, export.Producer{Replica: "x"}, time.Unix(0, 0)))
}

func (w *world) checkConverged(stage string) {
	want := payload(w.reps[0].doc)
	for _, r := range w.reps[1:] {
		if got := payload(r.doc); got != want {
			w.t.Fatalf("%s: %s and %s differ after seeing all writes:\n%s\n---\n%s", stage, w.reps[0].name, r.name, want, got)
		}
	}
}

func (w *world) checkNothingLost() {
	final := w.reps[0].doc
	for _, x := range w.log {
		superseded := false
		for _, y := range w.log {
			if y.dot != x.dot && y.id == x.id && y.field == x.field && y.after.Covers(x.dot) {
				superseded = true
				break
			}
		}
		if superseded {
			continue
		}
		found := false
		for _, v := range final.Entity(x.id).Field(x.field).Vals {
			found = found || v.Dot == x.dot
		}
		if !found {
			w.t.Fatalf("the write %s to %s.%s was lost although nothing superseded it", x.dot, x.id, x.field)
		}
	}
}

func TestSixRegionsAndSecretariatConverge(t *testing.T) {
	scenarios := 1000
	if testing.Short() {
		scenarios = 100
	}
	conflictsSeen := 0
	for n := 0; n < scenarios; n++ {
		w := newWorld(t, int64(n))
		for step := 0; step < 40; step++ {
			r := w.reps[w.rng.Intn(len(w.reps))]
			switch op := w.rng.Intn(10); {
			case op < 6:
				w.localWrite(r)
			case op < 8:
				w.export(r)
			case len(w.mailbag) > 0:
				w.receive(r, w.mailbag[w.rng.Intn(len(w.mailbag))])
			}
		}
		w.syncAll()
		w.checkConverged("after exchange")
		w.checkNothingLost()

		// Settle every conflict on one replica; after one more exchange
		// it is gone everywhere.
		// (Keeping a deleted entity can reveal conflicts in its fields: a
		// person settles those next.)
		sec := w.reps[0]
		for round := 0; round < 3; round++ {
			cs := sec.doc.Conflicts()
			conflictsSeen += len(cs)
			ed := sec.doc.Begin(sec.author)
			for _, c := range cs {
				if err := ed.Resolve(c.Entity.Key(), c.Field, c.Vals[len(c.Vals)-1].V); err != nil {
					t.Fatal(err)
				}
			}
		}
		w.syncAll()
		w.checkConverged("after settling")
		for _, r := range w.reps {
			if cs := r.doc.Conflicts(); len(cs) != 0 {
				t.Fatalf("scenario %d: %d conflicts left at %s after settling: %+v", n, len(cs), r.name, cs[0])
			}
		}
	}
	if conflictsSeen == 0 {
		t.Fatal("the scenarios never produced a conflict: they test nothing")
	}
	t.Logf("%d scenarios, %d conflicts settled", scenarios, conflictsSeen)
}
