package stratplan_test

import (
	"strings"
	"testing"

	"stratplan"
)

func TestReviewOfAnEmptyWorkshopNamesEveryEmptyStep(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		return ed.Set("ws", stratplan.KindWorkshop, txt("title", "Empty workshop"))
	})
	var steps []int
	for _, it := range d.Review("ws") {
		if it.Lack != stratplan.LackEmptyStep || it.At != (stratplan.Key{Kind: stratplan.KindWorkshop, ID: "ws"}) {
			t.Fatalf("unexpected line %+v", it)
		}
		steps = append(steps, it.Step)
	}
	if got := fmtInts(steps); got != " 1 2 3 4 5 6 7 8" {
		t.Fatalf("empty steps %s, want 1 to 8", got)
	}
}

func fmtInts(xs []int) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(" ")
		b.WriteString(string(rune('0' + x)))
	}
	return b.String()
}

func TestReviewPointsAtWhatToFix(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		for _, e := range []struct {
			id, kind string
			ch       []stratplan.Change
		}{
			{"ws", stratplan.KindWorkshop, []stratplan.Change{txt("title", "W")}},
			{"part", stratplan.KindParticipant, []stratplan.Change{txt("name", "N"), txt("workshop", "ws")}},
			{"sc", stratplan.KindSurveyScore, []stratplan.Change{txt("theme", "T"), txt("workshop", "ws")}},
			{"v", stratplan.KindVision, []stratplan.Change{txt("text", "V"), txt("workshop", "ws")}},
			{"f", stratplan.KindScanFactor, []stratplan.Change{txt("title", "F"), txt("workshop", "ws")}},
			{"s", stratplan.KindSWOT, []stratplan.Change{txt("text", "S"), txt("workshop", "ws")}},
			{"p-none", stratplan.KindPriority, []stratplan.Change{txt("title", "Nothing planned"), txt("workshop", "ws")}},
			{"p-ok", stratplan.KindPriority, []stratplan.Change{txt("title", "Well planned"), txt("workshop", "ws")}},
			{"a-ok", stratplan.KindAction, []stratplan.Change{txt("priority", "p-ok"), txt("title", "Complete"), txt("owner", "O"), txt("due", "2027-12-31"), txt("workshop", "ws")}},
			{"a-bare", stratplan.KindAction, []stratplan.Change{txt("priority", "p-ok"), txt("title", "Bare"), txt("workshop", "ws")}},
			{"a-dates", stratplan.KindAction, []stratplan.Change{txt("priority", "p-ok"), txt("title", "Backwards"), txt("owner", "O"),
				txt("start", "2028-01-01"), txt("due", "2027-01-01"), txt("workshop", "ws")}},
			{"i-ok", stratplan.KindIndicator, []stratplan.Change{txt("of", "p-ok"), txt("name", "Good"), txt("baseline", "1"), txt("target", "2"), txt("workshop", "ws")}},
			{"i-bad", stratplan.KindIndicator, []stratplan.Change{txt("of", "a-ok"), txt("name", "Vague"), txt("target", "more"), txt("workshop", "ws")}},
			{"i-q", stratplan.KindIndicator, []stratplan.Change{txt("of", "a-ok"), txt("name", "Qualitative"), stratplan.Set("qualitative", stratplan.Bool(true)), txt("workshop", "ws")}},
			// Another workshop's gaps are not this one's.
			{"p-other", stratplan.KindPriority, []stratplan.Change{txt("title", "Elsewhere"), txt("workshop", "ws2")}},
		} {
			if err := ed.Set(e.id, e.kind, e.ch...); err != nil {
				return err
			}
		}
		return nil
	})
	// Two laptops retitle the same action at once: a conflict to settle.
	other := d.Clone()
	must(t, d.Begin(&stratplan.Author{Replica: "rx"}).Set("a-ok", stratplan.KindAction, txt("title", "Complete one")))
	must(t, other.Begin(&stratplan.Author{Replica: "ry"}).Set("a-ok", stratplan.KindAction, txt("title", "Complete two")))
	if _, err := d.Merge(other); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range d.Review("ws") {
		got = append(got, string(it.Lack)+" "+it.At.ID+" step "+string(rune('0'+it.Step)))
	}
	want := []string{
		"no_adopted_vision ws step 3",
		"priority_no_action p-none step 7",
		"action_no_owner a-bare step 7",
		"action_no_due a-bare step 7",
		"action_due_before_start a-dates step 7",
		"conflict a-ok step 7",
		"priority_no_indicator p-none step 8",
		"indicator_no_baseline i-bad step 8",
		"indicator_target_not_number i-bad step 8",
		"indicator_no_target i-q step 8",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("review:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, it := range d.Review("ws") {
		if s := it.String(); s == "" || s == string(it.Lack) {
			t.Errorf("%s has no sentence", it.Lack)
		}
	}
}

func TestReviewCountsActionsMeasuredThroughTheirPriority(t *testing.T) {
	d := planDoc(t, func(ed *stratplan.Edit) error {
		must(t, ed.Set("ws", stratplan.KindWorkshop, txt("title", "W")))
		must(t, ed.Set("p", stratplan.KindPriority, txt("title", "P"), txt("workshop", "ws")))
		must(t, ed.Set("a", stratplan.KindAction, txt("priority", "p"), txt("title", "A"), txt("owner", "O"), txt("due", "2028-01-01"), txt("workshop", "ws")))
		return ed.Set("i", stratplan.KindIndicator, txt("of", "p"), txt("baseline", "1"), txt("target", "2"), txt("workshop", "ws"))
	})
	for _, it := range d.Review("ws") {
		if it.Lack != stratplan.LackEmptyStep {
			t.Errorf("unexpected %s", it)
		}
	}
}
