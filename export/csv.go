package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxCSVBytes bounds the CSV files the app reads.
const MaxCSVBytes = 64 << 20

// LineError is a problem with one line of a CSV file.
type LineError struct {
	Line int
	Msg  string
}

func (e LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Table is a CSV file read against a set of known columns: the good rows,
// keyed by column name, with their line numbers, and one error per bad line.
type Table struct {
	Rows   []map[string]string
	Lines  []int // Lines[i] is the line number of Rows[i]
	Errors []LineError
}

// Column describes one column a CSV import understands.
type Column struct {
	Name     string
	Required bool // the header must have it and every row must fill it
	Aliases  []string
}

// ReadCSV reads a CSV file with a header line naming its columns, in any
// order and any letter case. Commas and semicolons (as spreadsheets write
// in French and Spanish) are both understood. A file-level problem (empty,
// not UTF-8, a missing or unknown column) is an error; a problem with one
// row is a LineError and the other rows are still returned.
func ReadCSV(r io.Reader, cols []Column) (*Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCSVBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxCSVBytes {
		return nil, fmt.Errorf("the file is larger than %d MB: split it into smaller files", MaxCSVBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the file is empty: it needs a header line such as " + headerExample(cols))
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, fmt.Errorf("line %d is not UTF-8 text: save the file as \"CSV UTF-8\" and import it again", line)
	}
	header, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bufio.NewReader(bytes.NewReader(data)))
	if bytes.Count(header, []byte(";")) > bytes.Count(header, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false

	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("the header line cannot be read: %v", err)
	}
	index := map[string]int{}
	for i, h := range head {
		name := canonical(h, cols)
		if name == "" {
			return nil, fmt.Errorf("unknown column %q in the header: the columns are %s", strings.TrimSpace(h), headerExample(cols))
		}
		if _, dup := index[name]; dup {
			return nil, fmt.Errorf("the column %q appears twice in the header", name)
		}
		index[name] = i
	}
	for _, c := range cols {
		if _, ok := index[c.Name]; c.Required && !ok {
			return nil, fmt.Errorf("the header has no %q column: the first line must name the columns, e.g. %s", c.Name, headerExample(cols))
		}
	}
	t := &Table{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				t.Errors = append(t.Errors, LineError{Line: pe.Line, Msg: pe.Err.Error()})
				continue
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line
		}
		if len(rec) != len(head) {
			t.Errors = append(t.Errors, LineError{Line: line, Msg: fmt.Sprintf("%s where the header has %d columns", count(len(rec), "value", "values"), len(head))})
			continue
		}
		row := make(map[string]string, len(index))
		var missing []string
		for _, c := range cols {
			i, ok := index[c.Name]
			if !ok {
				continue
			}
			v := strings.TrimSpace(rec[i])
			if c.Required && v == "" {
				missing = append(missing, c.Name)
			}
			row[c.Name] = v
		}
		if len(missing) > 0 {
			t.Errors = append(t.Errors, LineError{Line: line, Msg: "no " + strings.Join(missing, ", no ")})
			continue
		}
		t.Rows = append(t.Rows, row)
		t.Lines = append(t.Lines, line)
	}
	return t, nil
}

func canonical(h string, cols []Column) string {
	h = strings.ToLower(strings.TrimSpace(h))
	for _, c := range cols {
		if h == c.Name {
			return c.Name
		}
		for _, a := range c.Aliases {
			if h == a {
				return c.Name
			}
		}
	}
	return ""
}

func headerExample(cols []Column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return strings.Join(names, ",")
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// ParticipantColumns are the columns of a participants CSV file.
var ParticipantColumns = []Column{
	{Name: "name", Required: true, Aliases: []string{"nom", "nombre", "participant"}},
	{Name: "member", Required: true, Aliases: []string{"member administration", "administration", "membre", "miembro", "country", "pays", "país"}},
	{Name: "role", Aliases: []string{"rôle", "rol", "function", "fonction", "función", "title"}},
}

// count writes n with the noun in the singular or the plural: "1 value",
// "3 values".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
