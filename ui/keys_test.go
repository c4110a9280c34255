package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The laptop's name and region are kept as soon as they are chosen, and
// what is typed is kept when the dialog closes: no Save button to forget.
func TestThisLaptopsNameAndRegionAreKeptWithoutSaving(t *testing.T) {
	a := newExampleApp(t)
	a.showKeys()
	var label *commitEntry
	var region *choice
	walkObjects(a.win.Canvas().Overlays().Top(), func(o any) {
		switch w := o.(type) {
		case *commitEntry:
			label = w
		case *choice:
			if region == nil {
				region = w
			}
		}
	})
	if label == nil || region == nil {
		t.Fatal("no name or region field in the dialog")
	}
	region.SetSelectedIndex(2)
	label.SetText("")
	test.Type(label, "Amina ESA")
	pressEscape(a) // closes the dialog
	me := a.plan.Doc().ReplicaInfo(a.plan.Replica())
	regions := a.plan.Doc().Regions()
	if me.Label != "Amina ESA" || me.Region != regions[1].E.ID {
		t.Fatalf("after closing: name %q, region %q; want Amina ESA, %s", me.Label, me.Region, regions[1].E.ID)
	}
}

// walkObjects calls fn for o and everything drawn inside it.
func walkObjects(o fyne.CanvasObject, fn func(any)) {
	fn(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkObjects(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkObjects(c, fn)
		}
	}
}
