package export_test

import (
	"strings"
	"testing"

	"stratplan/export"
)

func TestALineWithOneValueSaysValueNotValues(t *testing.T) {
	tab, err := export.ReadCSV(strings.NewReader("name,member,role\nKofi\nAna,Panamá\n"), export.ParticipantColumns)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Errors) != 2 {
		t.Fatalf("errors: %+v", tab.Errors)
	}
	if got := tab.Errors[0].Msg; got != "1 value where the header has 3 columns" {
		t.Errorf("line 2: %q", got)
	}
	if got := tab.Errors[1].Msg; got != "2 values where the header has 3 columns" {
		t.Errorf("line 3: %q", got)
	}
}
