package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"stratplan"
)

// TestOverBudgetIsSaidWhereItIsSeen: an edit that makes the actions ask
// for more money than the plan has says so in the status line, and the
// warning stands at the top of the actions' pane, above what scrolls.
func TestOverBudgetIsSaidWhereItIsSeen(t *testing.T) {
	a := newExampleApp(t)
	s := stepOf[*actionsStep](t, a, 6)
	res := a.plan.Doc().Resources()
	if res.OverBudget() || s.warning.Visible() {
		t.Fatal("the example plan starts over budget")
	}
	x := s.actions[0]
	budget := x.Budget + res.Budget - res.Plan.Budget + 1000
	a.edit(func(ed *stratplan.Edit) error {
		return ed.Set(x.E.ID, stratplan.KindAction, stratplan.Set("budget", stratplan.Text(stratplan.FormatAmount(budget))))
	})
	want := resourceWarnings(a.plan.Doc())
	if len(want) != 1 || !strings.Contains(want[0], money(a.plan.Doc(), 1000)) {
		t.Fatalf("the warning reads %q", want)
	}
	if !strings.Contains(a.status.Text, want[0]) {
		t.Errorf("the status line reads %q, without %q", a.status.Text, want[0])
	}
	if !s.warning.Visible() || s.warning.Text != want[0] {
		t.Fatalf("the pane's warning reads %q (shown: %v)", s.warning.Text, s.warning.Visible())
	}
	d := fyne.CurrentApp().Driver()
	if w, pane := d.AbsolutePositionForObject(s.warning), d.AbsolutePositionForObject(s.detail.obj); w.Y <= 0 || w.Y > pane.Y {
		t.Errorf("the warning is at y=%v, below the top of the pane (y=%v)", w.Y, pane.Y)
	}
	// A later edit that changes nothing of it does not repeat it.
	test.Type(s.title, "One more action")
	s.add()
	if strings.Contains(a.status.Text, want[0]) {
		t.Errorf("an edit that changed nothing of the budget repeats the warning: %q", a.status.Text)
	}
}
