package export_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"stratplan"
	"stratplan/export"
)

var fixedTime = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func testKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
}

// fixtureDoc is a small plan with accents, a conflict, a tombstone, refs
// and a boolean.
func fixtureDoc(t testing.TB) *stratplan.Document {
	t.Helper()
	ra := &stratplan.Author{Replica: "r7c1e", Clock: stratplan.Clock{Wall: func() time.Time { return fixedTime }}}
	rb := &stratplan.Author{Replica: "r0aa9", Clock: stratplan.Clock{Wall: func() time.Time { return fixedTime }}}
	d := stratplan.NewDocument("plan9b2f")
	ed := d.Begin(ra)
	must(t, ed.Set("plan9b2f", stratplan.KindPlan, stratplan.Set("title", stratplan.Text("Plan 2027–2030"))))
	must(t, ed.Set("s1", stratplan.KindSWOT, stratplan.Set("quadrant", stratplan.Text("strength")), stratplan.Set("text", stratplan.Text("Modern risk engine"))))
	must(t, ed.Set("p1", stratplan.KindPriority, stratplan.Set("sources", stratplan.Refs("s1")), stratplan.Set("impact", stratplan.Int(4))))
	must(t, ed.Set("v1", stratplan.KindVision, stratplan.Set("adopted", stratplan.Bool(true)), stratplan.Set("text", stratplan.Text("Côte d'Ivoire, São Tomé e Príncipe, Türkiye"))))
	must(t, ed.Set("x1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("gone"))))
	must(t, ed.Delete(stratplan.KindSWOT, "x1"))
	other := d.Clone()
	must(t, d.Begin(ra).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Modern risk engine v2"))))
	must(t, other.Begin(rb).Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("Modern risk-management engine"))))
	if _, err := d.Merge(other); err != nil {
		t.Fatal(err)
	}
	return d
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func fixture(t testing.TB, keys ...ed25519.PrivateKey) []byte {
	t.Helper()
	var buf bytes.Buffer
	p := export.Producer{Replica: "r7c1e", Label: "Europe workshop, Brussels", App: "stratplan test", Seq: 17}
	must(t, export.EncodeBundle(&buf, fixtureDoc(t), p, fixedTime, keys...))
	return buf.Bytes()
}

func canonDoc(d *stratplan.Document) string {
	var b []byte
	for _, e := range d.Entities() {
		b = stratplan.AppendEntityJSON(b, e)
	}
	return string(b)
}

func TestBundleRoundTrip(t *testing.T) {
	key := testKey(1)
	data := fixture(t, key)
	b, err := export.DecodeBundle(bytes.NewReader(data), "fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	if canonDoc(b.Doc) != canonDoc(fixtureDoc(t)) {
		t.Fatal("the decoded plan differs from the encoded one")
	}
	if b.Producer.Seq != 17 || b.Producer.Label != "Europe workshop, Brussels" || !b.ExportedAt.Equal(fixedTime) {
		t.Fatalf("producer %+v at %v", b.Producer, b.ExportedAt)
	}
	if len(b.Signers) != 1 || !b.Signers[0].Equal(key.Public()) {
		t.Fatal("the signature was not verified")
	}
	if len(b.Doc.Conflicts()) != 1 {
		t.Fatal("the conflict did not travel")
	}
	// Equal plans give equal bytes.
	if !bytes.Equal(data, fixture(t, key)) {
		t.Fatal("encoding is not deterministic")
	}
	if !strings.Contains(string(data), `"v":"4"`) {
		t.Fatal("numbers are not written as decimal strings")
	}
}

func TestEveryBitFlipAndTruncationIsRefused(t *testing.T) {
	data := fixture(t, testKey(1))
	flipped := make([]byte, len(data))
	for i := range data {
		for bit := 0; bit < 8; bit++ {
			copy(flipped, data)
			flipped[i] ^= 1 << bit
			if _, err := export.DecodeBundle(bytes.NewReader(flipped), "f.json"); err == nil {
				t.Fatalf("a flip of bit %d of byte %d (%q) was accepted", bit, i, data[i])
			}
		}
	}
	for n := 0; n < len(data); n++ {
		if _, err := export.DecodeBundle(bytes.NewReader(data[:n]), "f.json"); err == nil {
			t.Fatalf("a truncation to %d bytes was accepted", n)
		}
	}
}

// rebundle wraps a payload in an envelope with a correct digest, so that
// the payload's own checks are reached.
func rebundle(payload string) string {
	sum := sha256.Sum256([]byte(payload))
	return `{"format":"stratplan-bundle","version":1,"payload":` + payload + `,"digest":"sha256:` + hex.EncodeToString(sum[:]) + `"}`
}

func payloadWith(entities string) string {
	return `{"plan":"p1","exported_at":"2026-11-27T10:00:00.000Z","producer":{"replica":"r1","label":"","app":"x","seq":1},"entities":[` + entities + `]}`
}

func TestHostileBundlesAreRefusedWithSpecificMessages(t *testing.T) {
	okEntity := `{"id":"e1","kind":"swot","fields":{"text":{"ctx":{"r1":2},"vals":[{"dot":"r1:2","at":"2026-11-27T10:00:00.000Z","v":"x"}]}}}`
	deep := strings.Repeat("[", 40) + strings.Repeat("]", 40)
	shortKey := base64.StdEncoding.EncodeToString(make([]byte, 31))
	goodPayload := payloadWith(okEntity)
	sum := sha256.Sum256([]byte(goodPayload))
	digest := "sha256:" + hex.EncodeToString(sum[:])
	cases := []struct{ name, in, want string }{
		{"duplicate keys", `{"format":"stratplan-bundle","format":"x"}`, `duplicate member name "format"`},
		{"unknown envelope member", `{"format":"stratplan-bundle","version":1,"payload":` + goodPayload + `,"digest":"` + digest + `","extra":1}`, `unknown member "extra" in its envelope`},
		{"too deep", `{"format":"stratplan-bundle","version":1,"payload":` + deep + `}`, "the payload must be a JSON object, not an array (at byte 51)"},
		{"invalid UTF-8", "{\"format\":\"stratplan-bundle\xff\"}", "invalid UTF-8"},
		{"not a bundle", `{"format":"something-else","version":1}`, "is not a stratplan bundle"},
		{"newer version", `{"format":"stratplan-bundle","version":2,"payload":{},"digest":"x"}`, "made by a newer version of stratplan"},
		{"digest", `{"format":"stratplan-bundle","version":1,"payload":` + goodPayload + `,"digest":"sha256:00"}`, "was changed after it was exported"},
		{"31-byte key", `{"format":"stratplan-bundle","version":1,"payload":` + goodPayload + `,"digest":"` + digest + `","signatures":[{"key":"` + shortKey + `","sig":"AA=="}]}`, "the key is 31 bytes long"},
		{"number for a string", rebundle(payloadWith(strings.Replace(okEntity, `"v":"x"`, `"v":12.5`, 1))), `entity e1, field text: the number 12.5 must be written as a string`},
		{"dot not covered", rebundle(payloadWith(strings.Replace(okEntity, `"ctx":{"r1":2}`, `"ctx":{"r1":1}`, 1))), "entity e1, field text: the dot r1:2 is not covered by ctx"},
		{"duplicate entity", rebundle(payloadWith(okEntity + "," + okEntity)), "entity e1: appears twice"},
		{"bad id", rebundle(strings.Replace(payloadWith(""), `"plan":"p1"`, `"plan":"p 1"`, 1)), "no valid plan id"},
		{"seq as string", rebundle(strings.Replace(payloadWith(""), `"seq":1`, `"seq":"1"`, 1)), "seq must be a whole number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := export.DecodeBundle(strings.NewReader(c.in), "in.json")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v\nwant %q", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "in.json: ") {
				t.Fatalf("the message does not name the file: %v", err)
			}
		})
	}
	_, err := export.DecodeBundle(strings.NewReader(`{"format":"stratplan-bundle","version":7}`), "new.json")
	if !errors.Is(err, export.ErrNewerVersion) {
		t.Fatalf("newer version is not ErrNewerVersion: %v", err)
	}
}

func TestOversizedBundleIsRefused(t *testing.T) {
	big := `{"format":"stratplan-bundle","payload":{"plan":"` + strings.Repeat("a", 100<<20) + `"}}`
	_, err := export.DecodeBundle(strings.NewReader(big), "big.json")
	if err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Fatalf("err = %v", err)
	}
	long := rebundle(payloadWith(`{"id":"e1","kind":"swot","fields":{"text":{"ctx":{"r1":1},"vals":[{"dot":"r1:1","at":"2026-11-27T10:00:00.000Z","v":"` + strings.Repeat("é", 100001) + `"}]}}}`))
	if _, err := export.DecodeBundle(strings.NewReader(long), "long.json"); err == nil || !strings.Contains(err.Error(), "longer than 100000 characters") {
		t.Fatalf("err = %v", err)
	}
}

func TestTamperedSignatureIsRefused(t *testing.T) {
	data := string(fixture(t, testKey(1)))
	other := base64.StdEncoding.EncodeToString(testKey(2).Public().(ed25519.PublicKey))
	mine := base64.StdEncoding.EncodeToString(testKey(1).Public().(ed25519.PublicKey))
	swapped := strings.Replace(data, mine, other, 1)
	if _, err := export.DecodeBundle(strings.NewReader(swapped), "s.json"); err == nil || !strings.Contains(err.Error(), "changed after it was signed") {
		t.Fatalf("err = %v", err)
	}
}

func ExampleEncodeBundle() {
	d := stratplan.NewDocument("p1")
	a := &stratplan.Author{Replica: "r1", Clock: stratplan.Clock{Wall: func() time.Time { return fixedTime }}}
	_ = d.Begin(a).Set("e1", "region", stratplan.Set("name", stratplan.Text("Europe")))
	var buf bytes.Buffer
	_ = export.EncodeBundle(&buf, d, export.Producer{Replica: "r1", App: "stratplan", Seq: 1}, fixedTime)
	fmt.Println(buf.String()[:60])
	// Output: {"format":"stratplan-bundle","version":1,"payload":{"plan":"
}

// A plan that would make a bundle no reader takes is not written: the
// writer checks the readers' limits.
func TestABundleBeyondTheLimitsIsNeverWritten(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 70 MB plan")
	}
	d := stratplan.NewDocument("big")
	ed := d.Begin(&stratplan.Author{Replica: "rbig"})
	text := strings.Repeat("x", 100_000)
	for i := range 700 {
		if err := ed.Set(fmt.Sprintf("s%04d", i), stratplan.KindSWOT, stratplan.Set("text", stratplan.Text(text))); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	err := export.EncodeBundle(writerFunc(func(p []byte) (int, error) { n += len(p); return len(p), nil }), d, export.Producer{Replica: "rbig"}, time.Now())
	if !errors.Is(err, export.ErrTooLarge) || !strings.Contains(err.Error(), "64 MiB") {
		t.Fatalf("a 70 MB bundle: %v", err)
	}
	if n > export.MaxBundleBytes {
		t.Fatalf("%d bytes were written", n)
	}
}

type writerFunc func(p []byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
