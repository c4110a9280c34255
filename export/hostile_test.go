package export_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"stratplan"
	"stratplan/assets"
	"stratplan/export"
)

// repeatReader reads unit n times without holding more than unit.
type repeatReader struct {
	unit []byte
	n    int
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	w := 0
	for w < len(p) && r.n > 0 {
		c := copy(p[w:], r.unit[r.off:])
		w += c
		r.off += c
		if r.off == len(r.unit) {
			r.off = 0
			r.n--
		}
	}
	if w == 0 {
		return 0, io.EOF
	}
	return w, nil
}

// at returns the byte offset a refusal names.
func at(t *testing.T, err error) int {
	t.Helper()
	m := regexp.MustCompile(`\(at byte (\d+)\)`).FindStringSubmatch(err.Error())
	if m == nil {
		t.Fatalf("the refusal names no byte: %v", err)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// outsideStrings marks the bytes of a JSON text that are not inside a
// string.
func outsideStrings(data []byte) []bool {
	out := make([]bool, len(data))
	in, esc := false, false
	for i, c := range data {
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
			out[i] = true // the quotes themselves
			continue
		}
		out[i] = !in
	}
	return out
}

// TestHostileFillerIsRefusedAtItsFirstToken puts 20 MiB of "0," at every
// place between two tokens of a signed bundle: each file is refused, and
// the refusal names the byte where the filler starts (or the string it
// broke into), so nothing past it was needed.
func TestHostileFillerIsRefusedAtItsFirstToken(t *testing.T) {
	data := fixture(t, testKey(1))
	filler := []byte("0,")
	const n = 10 << 20 // 20 MiB
	places := 0
	outside := outsideStrings(data)
	for i := 1; i < len(data); i++ {
		if !outside[i-1] || !outside[i] || !strings.ContainsRune("{[:,", rune(data[i-1])) && !strings.ContainsRune("}],", rune(data[i])) {
			continue
		}
		places++
		in := io.MultiReader(bytes.NewReader(data[:i]), &repeatReader{unit: filler, n: n}, bytes.NewReader(data[i:]))
		_, err := export.DecodeBundle(in, "hostile.json")
		if err == nil {
			t.Fatalf("filler at byte %d accepted", i)
		}
		// The filler's first token, or its second when the first is a
		// value the format takes ("seq":0).
		if got := at(t, err); got < i-1 || got > i+2 {
			t.Fatalf("filler at byte %d (after %q) refused at byte %d: %v", i, data[i-1], got, err)
		}
	}
	if places < 100 {
		t.Fatalf("only %d places tried", places)
	}
}

// TestDeepNestingIsRefusedAtItsFirstBracket puts 100,000 '[' or '{'
// wherever a value goes: refused at the first bracket the format has no
// place for, whatever the depth.
func TestDeepNestingIsRefusedAtItsFirstBracket(t *testing.T) {
	data := fixture(t)
	outside := outsideStrings(data)
	for _, open := range []string{"[", `{"a":`} {
		tried := 0
		for i := 1; i < len(data); i++ {
			if data[i-1] != ':' || !outside[i-1] {
				continue
			}
			tried++
			in := io.MultiReader(bytes.NewReader(data[:i]), &repeatReader{unit: []byte(open), n: 100000}, bytes.NewReader(data[i:]))
			_, err := export.DecodeBundle(in, "deep.json")
			if err == nil {
				t.Fatalf("nesting at byte %d accepted", i)
			}
			// Where the format wants a list or an object, the first one or
			// two brackets are read, and the next one refused.
			if got := at(t, err); got < i || got > i+2*len(open) {
				t.Fatalf("nesting at byte %d refused at byte %d: %v", i, got, err)
			}
		}
		if tried < 20 {
			t.Fatalf("only %d places tried", tried)
		}
	}
}

// streamBundle is a bundle of the given entities, written by gen, with a
// digest that does not match: what is checked while reading fails first.
func streamBundle(entities io.Reader) io.Reader {
	return io.MultiReader(strings.NewReader(`{"format":"stratplan-bundle","version":1,"payload":`+
		`{"plan":"p1","exported_at":"2026-11-27T10:00:00.000Z","producer":{"replica":"r1","label":"","app":"x","seq":1},"entities":[`),
		entities, strings.NewReader(`]},"digest":"sha256:00"}`))
}

// entityStream writes n tiny entities, each with its own id.
type entityStream struct {
	n, i int
	buf  []byte
}

func (s *entityStream) Read(p []byte) (int, error) {
	for len(s.buf) < len(p) && s.i < s.n {
		if s.i > 0 {
			s.buf = append(s.buf, ',')
		}
		s.buf = fmt.Appendf(s.buf, `{"id":"e%07d","kind":"note","fields":{}}`, s.i)
		s.i++
	}
	if len(s.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.buf)
	s.buf = s.buf[:copy(s.buf, s.buf[n:])]
	return n, nil
}

func TestMoreThanAMillionEntitiesAreRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes a million entities")
	}
	_, err := export.DecodeBundle(streamBundle(&entityStream{n: 1000001}), "million.json")
	if err == nil || !strings.Contains(err.Error(), "more than 1000000 entities") {
		t.Fatalf("err = %v", err)
	}
	head := len(`{"format":"stratplan-bundle","version":1,"payload":{"plan":"p1","exported_at":"2026-11-27T10:00:00.000Z","producer":{"replica":"r1","label":"","app":"x","seq":1},"entities":[`)
	if want := head + 1000000*len(`{"id":"e0000000","kind":"note","fields":{}},`); at(t, err) != want {
		t.Fatalf("refused at byte %d, not at the 1,000,001st entity (byte %d)", at(t, err), want)
	}
}

func TestHugeReferenceListIsRefusedAtItsLimit(t *testing.T) {
	head := `{"id":"p1","kind":"priority","fields":{"sources":{"ctx":{"r1":1},"vals":[{"dot":"r1:1","at":"2026-11-27T10:00:00.000Z","v":[`
	refs := &repeatReader{unit: []byte(`"s0000001",`), n: 200001}
	_, err := export.DecodeBundle(streamBundle(io.MultiReader(strings.NewReader(head), refs, strings.NewReader(`"x"]}]}}}`))), "refs.json")
	if err == nil || !strings.Contains(err.Error(), "entity p1, field sources: a list value holds more than 1000 references") {
		t.Fatalf("err = %v", err)
	}
}

// signedBundle is a bundle of payload signed by n keys.
func signedBundle(payload string, n int) string {
	sum := sha256.Sum256([]byte(payload))
	digest := "sha256:" + hex.EncodeToString(sum[:])
	var sigs []string
	for i := range n {
		k := testKey(byte(i + 1))
		sig := ed25519.Sign(k, []byte("stratplan-bundle/1\n"+digest))
		sigs = append(sigs, `{"key":"`+base64.StdEncoding.EncodeToString(k.Public().(ed25519.PublicKey))+`","sig":"`+base64.StdEncoding.EncodeToString(sig)+`"}`)
	}
	return `{"format":"stratplan-bundle","version":1,"payload":` + payload + `,"digest":"` + digest + `","signatures":[` + strings.Join(sigs, ",") + `]}`
}

func TestSixteenSignaturesAtMost(t *testing.T) {
	payload := payloadWith("")
	b, err := export.DecodeBundle(strings.NewReader(signedBundle(payload, 16)), "16.json")
	if err != nil || len(b.Signers) != 16 {
		t.Fatalf("16 signatures: %v", err)
	}
	_, err = export.DecodeBundle(strings.NewReader(signedBundle(payload, 17)), "17.json")
	if err == nil || !strings.Contains(err.Error(), "17.json: has more than 16 signatures") {
		t.Fatalf("17 signatures: %v", err)
	}
}

func TestRulesOfTheFormatAreCheckedInBundles(t *testing.T) {
	val := func(dot, at string) string {
		return `{"dot":"` + dot + `","at":"` + at + `","v":"x"}`
	}
	swot := func(id, kind, ctx, vals string) string {
		return `{"id":"` + id + `","kind":"` + kind + `","fields":{"text":{"ctx":` + ctx + `,"vals":[` + vals + `]}}}`
	}
	ok := swot("s1", "swot", `{"r1":2}`, val("r1:2", "2026-11-27T10:00:00.000Z"))
	cases := []struct{ name, entities, want string }{
		{"ctx 2^53", swot("s1", "swot", `{"r1":9007199254740992}`, val("r1:2", "2026-11-27T10:00:00.000Z")),
			"entity s1, field text: the ctx counter of r1 is 9007199254740992"},
		{"ctx 2^64-1", swot("s1", "swot", `{"r1":18446744073709551615}`, val("r1:2", "2026-11-27T10:00:00.000Z")),
			"entity s1, field text: the ctx counter of r1 is 18446744073709551615"},
		{"dot 2^64-1", swot("s1", "swot", `{"r1":2}`, val("r1:18446744073709551615", "2026-11-27T10:00:00.000Z")),
			`entity s1, field text: dot "r1:18446744073709551615"`},
		{"empty vals", swot("s1", "swot", `{"r1":2}`, ""), "entity s1, field text: ctx {r1:2} but no value"},
		{"year 10000", swot("s1", "swot", `{"r1":2}`, val("r1:2", "10000-01-01T00:00:00.000Z")),
			`entity s1, field text: at "10000-01-01T00:00:00.000Z"`},
		{"same kind and id twice", ok + "," + swot("s1", "swot", `{"r1":3}`, val("r1:3", "2026-11-27T10:00:00.000Z")),
			"entity s1: appears twice as a swot"},
		{"far-future time", swot("s1", "swot", `{"r1":2}`, val("r1:2", "9999-12-31T23:59:59.999Z")), ""},
		{"one id, two kinds", ok + "," + swot("s1", "note", `{"r1":3}`, val("r1:3", "2026-11-27T10:00:00.000Z")), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := rebundle(payloadWith(c.entities))
			b, err := export.DecodeBundle(strings.NewReader(in), "in.json")
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if b.Doc.Entity("s1") == nil {
					t.Fatal("the entity is missing")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v\nwant %q", err, c.want)
			}
			if !strings.Contains(err.Error(), "(at byte ") || !strings.HasSuffix(err.Error(), "Ask the sender to export it again") {
				t.Fatalf("the refusal says neither where nor what to do: %v", err)
			}
		})
	}
}

// TestDigestIsCheckedWhenEverythingElseReads changes one value of a signed
// bundle so that it still reads well: the digest refuses it.
func TestDigestIsCheckedWhenEverythingElseReads(t *testing.T) {
	data := strings.Replace(string(fixture(t, testKey(1))), "Modern risk engine", "Modern risk engines", 1)
	_, err := export.DecodeBundle(strings.NewReader(data), "edited.json")
	if err == nil || !strings.Contains(err.Error(), "was changed after it was exported") {
		t.Fatalf("err = %v", err)
	}
}

// TestExamplePlanRoundTripsByteForByte exports the example plan, reads the
// bundle and exports what was read: the same bytes.
func TestExamplePlanRoundTripsByteForByte(t *testing.T) {
	d := stratplan.NewDocument("plan2027")
	a := &stratplan.Author{Replica: "r7c1e", Clock: stratplan.Clock{Wall: func() time.Time { return fixedTime }}}
	must(t, assets.Seed("", true)(d.Begin(a)))
	var first, second bytes.Buffer
	p := export.Producer{Replica: "r7c1e", Label: "Secretariat", App: "stratplan test", Seq: 3}
	must(t, export.EncodeBundle(&first, d, p, fixedTime, testKey(1)))
	b, err := export.DecodeBundle(bytes.NewReader(first.Bytes()), "example.json")
	if err != nil {
		t.Fatal(err)
	}
	must(t, export.EncodeBundle(&second, b.Doc, b.Producer, b.ExportedAt, testKey(1)))
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("the example plan changed on a round trip")
	}
	if d.Len() < 50 {
		t.Fatalf("the example plan has only %d entities", d.Len())
	}
}

// TestLargeBundleReadsInAnyChunks reads a 5,000-entity bundle one byte at
// a time, in halves, and with the end of file given with the last bytes:
// the payload's digest is computed the same way whatever the reads.
func TestLargeBundleReadsInAnyChunks(t *testing.T) {
	data := regionBundle(t, 5, 5000)
	want, err := export.DecodeBundle(bytes.NewReader(data), "region.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]io.Reader{
		"one byte": iotest.OneByteReader(bytes.NewReader(data)),
		"half":     iotest.HalfReader(bytes.NewReader(data)),
		"data+EOF": iotest.DataErrReader(bytes.NewReader(data)),
	} {
		b, err := export.DecodeBundle(r, "region.json")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b.Digest != want.Digest || canonDoc(b.Doc) != canonDoc(want.Doc) {
			t.Fatalf("%s: read differently", name)
		}
	}
}

func TestReadErrorIsReported(t *testing.T) {
	data := fixture(t)
	broken := errors.New("input/output error")
	_, err := export.DecodeBundle(io.MultiReader(bytes.NewReader(data[:100]), iotest.ErrReader(broken)), "usb.json")
	if err == nil || !strings.Contains(err.Error(), "usb.json: cannot be read: input/output error") {
		t.Fatalf("err = %v", err)
	}
}

// bigEntities writes n entities of 1 MB of text each.
type bigEntities struct {
	n, i int
	buf  []byte
}

func (s *bigEntities) Read(p []byte) (int, error) {
	if len(s.buf) == 0 && s.i < s.n {
		if s.i > 0 {
			s.buf = append(s.buf, ',')
		}
		s.buf = fmt.Appendf(s.buf, `{"id":"e%d","kind":"note","fields":{%s}}`, s.i, bigFields(10, 100000))
		s.i++
	}
	if len(s.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.buf)
	s.buf = s.buf[:copy(s.buf, s.buf[n:])]
	return n, nil
}

func bigFields(n, size int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"f%d":{"ctx":{"r1":%d},"vals":[{"dot":"r1:%d","at":"2026-11-27T10:00:00.000Z","v":"%s"}]}`, i, i+1, i+1, strings.Repeat("a", size))
	}
	return b.String()
}

// TestOversizedStreamIsRefused gives more than 64 MiB through a reader that
// does not know its size, and tokens longer than any the format has.
func TestOversizedStreamIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MiB")
	}
	_, err := export.DecodeBundle(streamBundle(&bigEntities{n: 70}), "big.json")
	if err == nil || !strings.Contains(err.Error(), "big.json: is larger than 64 MiB") {
		t.Fatalf("err = %v", err)
	}
	head := `{"format":"stratplan-bundle","version":1,"payload":{"plan":`
	for name, c := range map[string]struct{ head, unit string }{
		"string": {head + `"`, "aaaa"},
		"number": {head + `"p1","producer":{"replica":"r1","seq":1`, "1111"},
		"spaces": {head, "    "},
	} {
		in := io.MultiReader(strings.NewReader(c.head), &repeatReader{unit: []byte(c.unit), n: 5 << 20})
		_, err := export.DecodeBundle(in, name+".json")
		if err == nil || !strings.Contains(err.Error(), "longer than 2 MiB") {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if _, err := export.DecodeBundle(strings.NewReader(""), "empty.json"); err == nil || !strings.Contains(err.Error(), "empty.json: is empty") {
		t.Fatalf("empty: %v", err)
	}
}

// A bundle opened and saved in a text editor gains a byte order mark: the
// refusal says so, and what to do, instead of naming a character.
func TestAByteOrderMarkIsNamedAsAnEditorsMark(t *testing.T) {
	good := fixture(t)
	if _, err := export.DecodeBundle(bytes.NewReader(good), "wca.json"); err != nil {
		t.Fatal(err)
	}
	_, err := export.DecodeBundle(bytes.NewReader(append([]byte("\ufeff"), good...)), "wca.json")
	if err == nil {
		t.Fatal("a bundle with a byte order mark is taken: the format is plain UTF-8 JSON")
	}
	msg := err.Error()
	for _, want := range []string{"wca.json", "byte order mark", "Notepad", "export it again"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refusal does not say %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, `\ufeff`) || strings.Contains(msg, "invalid character") {
		t.Errorf("the refusal is a parser's message: %s", msg)
	}
}
