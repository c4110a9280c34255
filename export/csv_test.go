package export_test

import (
	"strings"
	"testing"

	"stratplan/export"
)

func TestReadCSV(t *testing.T) {
	cases := []struct {
		name     string
		in       string
		wantErr  string
		rows     int
		lineErrs []string
	}{
		{name: "comma", in: "name,member,role\nA,Ghana,x\nB,Mali,\n", rows: 2},
		{name: "semicolon, BOM, any case and order", in: "\xef\xbb\xbfRole;MEMBER;Name\nx;Bénin;Rodrigue Dossou\n", rows: 1},
		{name: "aliases", in: "nom,pays\nA,Togo\n", rows: 1},
		{name: "blank lines skipped", in: "name,member\n\nA,Niger\n\n", rows: 1},
		{name: "empty file", in: "  \n", wantErr: "the file is empty"},
		{name: "wrong column", in: "name,member,email\n", wantErr: `unknown column "email"`},
		{name: "missing column", in: "name,role\nA,x\n", wantErr: `the header has no "member" column`},
		{name: "twice", in: "name,member,nom\n", wantErr: `appears twice`},
		{name: "not UTF-8", in: "name,member\nA,C\xf4te d'Ivoire\n", wantErr: "line 2 is not UTF-8"},
		{name: "bad lines", in: "name,member,role\nA,Ghana,x\n,Mali,x\nB,Chad\n\"C,Togo\n", rows: 1,
			lineErrs: []string{"line 3: no name", "line 4: 2 values where the header has 3 columns", "line 5:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab, err := export.ReadCSV(strings.NewReader(c.in), export.ParticipantColumns)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(tab.Rows) != c.rows {
				t.Fatalf("%d rows, want %d (errors %v)", len(tab.Rows), c.rows, tab.Errors)
			}
			if len(tab.Errors) != len(c.lineErrs) {
				t.Fatalf("line errors %v, want %v", tab.Errors, c.lineErrs)
			}
			for i, want := range c.lineErrs {
				if !strings.HasPrefix(tab.Errors[i].Error(), want) {
					t.Errorf("error %d = %q, want %q", i, tab.Errors[i], want)
				}
			}
		})
	}
}

func TestReadCSVNamesColumnsAndLines(t *testing.T) {
	tab, err := export.ReadCSV(strings.NewReader("role,name,member\nChief,Aïcha,Niger\n"), export.ParticipantColumns)
	if err != nil {
		t.Fatal(err)
	}
	if r := tab.Rows[0]; r["name"] != "Aïcha" || r["member"] != "Niger" || r["role"] != "Chief" || tab.Lines[0] != 2 {
		t.Fatalf("row %v on line %d", r, tab.Lines[0])
	}
}

func TestReadCSVRefusesOversizedFile(t *testing.T) {
	big := strings.NewReader("name,member\n" + strings.Repeat("A,B\n", export.MaxCSVBytes/4+1))
	if _, err := export.ReadCSV(big, export.ParticipantColumns); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("err = %v", err)
	}
}
