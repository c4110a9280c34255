package export

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"stratplan"
	"stratplan/assets"
)

// A report's PDF has every page deflated, and each entry of its
// cross-reference table leads to the object it names: a reader that
// jumps by the table finds every page.
func TestReportPagesAreDeflatedAndTheTableLeadsToEachObject(t *testing.T) {
	d := stratplan.NewDocument("plan-example")
	ed := d.Begin(&stratplan.Author{Replica: "rexample"})
	if err := assets.Seed("", true)(ed); err != nil {
		t.Fatal(err)
	}
	r, err := ConsolidatedReport(d, ReportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	objs, xref, err := pdfObjects(pdf)
	if err != nil {
		t.Fatalf("the table of the written PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		t.Fatalf("startxref does not lead to the table")
	}
	streams := 0
	for i, o := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		chunk := pdf[o.off:end]
		if _, plain := plainStream(chunk, o.num); plain {
			t.Errorf("object %d is a stream left uncompressed: %.60q", o.num, chunk)
		}
		m := regexp.MustCompile(`^\d+ 0 obj\n<</Filter /FlateDecode /Length (\d+)>>\nstream\n`).FindSubmatch(chunk)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(string(m[1]))
		body := chunk[len(m[0]):]
		if len(body) < n || !bytes.HasPrefix(body[n:], []byte("\nendstream\nendobj\n")) {
			t.Fatalf("object %d: its Length %d does not end at endstream", o.num, n)
		}
		zr, err := zlib.NewReader(bytes.NewReader(body[:n]))
		if err != nil {
			t.Fatalf("object %d: %v", o.num, err)
		}
		text, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("object %d does not inflate: %v", o.num, err)
		}
		if strings.Contains(string(text), " Tj") || strings.Contains(string(text), " re") {
			streams++ // a page's drawing
		}
	}
	if streams < r.Pages() {
		t.Errorf("%d page drawings deflated for %d pages", streams, r.Pages())
	}
}

// A file laid out in a way deflateStreams does not know is refused before
// anything is written; WritePDF then writes the library's own bytes.
func TestDeflateRefusesAnUnknownLayoutAndWritesNothing(t *testing.T) {
	for name, pdf := range map[string]string{
		"empty":             "",
		"no table":          "%PDF-1.3\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
		"table out of file": "%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000009999 00000 n \ntrailer\n<<>>\nstartxref\n25\n%%EOF\n",
		"wrong object":      "%PDF-1.3\n2 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<>>\nstartxref\n25\n%%EOF\n",
	} {
		var out bytes.Buffer
		err := deflateStreams(&out, []byte(pdf))
		if !errors.Is(err, errPDFLayout) {
			t.Errorf("%s: %v, want the layout refused", name, err)
		}
		if out.Len() != 0 {
			t.Errorf("%s: %d bytes written before the refusal", name, out.Len())
		}
	}
}
