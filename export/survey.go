package export

import (
	"fmt"
	"io"
	"strings"

	"stratplan"
)

// SurveyColumns are the columns of a member survey CSV file.
var SurveyColumns = []Column{
	{Name: "member", Required: true, Aliases: []string{"membre", "miembro", "administration", "country", "pays", "país"}},
	{Name: "region", Required: true, Aliases: []string{"région", "región"}},
	{Name: "theme", Required: true, Aliases: []string{"thème", "tema", "topic"}},
	{Name: "score", Required: true, Aliases: []string{"note", "puntuación", "puntuacion", "rating"}},
}

// MaxSurveyRows bounds one survey import.
const MaxSurveyRows = 100000

// SurveyRow is one good line of a survey file.
type SurveyRow struct {
	Line                  int
	Member, Region, Theme string // Region is the region's id
	Score                 float64
}

// ReadSurvey reads a member survey (member, region, theme, score). region
// maps what the file says (a code, a name or an id) to a region id and
// lists the accepted values for messages. Bad lines are returned as
// LineErrors with the good rows.
func ReadSurvey(r io.Reader, region func(string) (string, bool), accepted string) ([]SurveyRow, []LineError, error) {
	t, err := ReadCSV(r, SurveyColumns)
	if err != nil {
		return nil, nil, err
	}
	if len(t.Rows) > MaxSurveyRows {
		return nil, nil, fmt.Errorf("the file has %d answers; a survey import takes at most %d: split the file", len(t.Rows), MaxSurveyRows)
	}
	rows := make([]SurveyRow, 0, len(t.Rows))
	errs := t.Errors
	for i, m := range t.Rows {
		line := t.Lines[i]
		// A decimal comma is read too: spreadsheets in French and Spanish write 4,5.
		score, err := stratplan.ParseAmount(strings.Replace(m["score"], ",", ".", 1))
		if err != nil {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("the score %q is not a number of 0 or more", m["score"])})
			continue
		}
		id, ok := region(m["region"])
		if !ok {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("unknown region %q: use one of %s", m["region"], accepted)})
			continue
		}
		rows = append(rows, SurveyRow{Line: line, Member: m["member"], Region: id, Theme: m["theme"], Score: score})
	}
	return rows, errs, nil
}
