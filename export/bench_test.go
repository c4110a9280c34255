package export_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"stratplan"
	"stratplan/export"
)

// regionText gives generated texts the accents and scripts of six regions.
var regionText = [][]string{
	{"douane", "contrôle", "marchandises", "sécurité", "échanges", "procédures"},
	{"aduana", "señal", "mercancías", "régimen", "inspección", "tránsito"},
	{"customs", "risk", "clearance", "revenue", "border", "integrity"},
	{"alfândega", "fiscalização", "exportação", "serviço", "gestão", "ação"},
	{"таможня", "контроль", "товары", "риск", "граница", "доход"},
	{"جمارك", "مخاطر", "تجارة", "حدود", "إيرادات", "تفتيش"},
}

// regionBundle is the bundle of one region's plan: n SWOT items with
// texts of 10 to 24 words in the region's language, a quadrant and a
// workshop, the shape of a real workshop's export. The same seed gives
// the same plan.
func regionBundle(tb testing.TB, region, n int) []byte {
	tb.Helper()
	rng := rand.New(rand.NewPCG(2026, uint64(region)))
	at := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	a := &stratplan.Author{Replica: fmt.Sprintf("r%02dc1e4a9f0b7d2e8a6c3", region),
		Clock: stratplan.Clock{Wall: func() time.Time { at = at.Add(time.Millisecond); return at }}}
	d := stratplan.NewDocument("01a222eb95172b53473bded3b8dc5859")
	ed := d.Begin(a)
	words := regionText[region%len(regionText)]
	quadrants := []string{"strength", "weakness", "opportunity", "threat"}
	for i := range n {
		text := fmt.Sprint(i, ":")
		for range 10 + rng.IntN(14) {
			text += " " + words[rng.IntN(len(words))]
		}
		if err := ed.Set(fmt.Sprintf("r%d-%05d", region, i), stratplan.KindSWOT,
			stratplan.Set("text", stratplan.Text(text)),
			stratplan.Set("quadrant", stratplan.Text(quadrants[rng.IntN(4)])),
			stratplan.Set(stratplan.FieldWorkshop, stratplan.Text(fmt.Sprintf("ws-r%d", region)))); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	p := export.Producer{Replica: a.Replica, Label: "region", App: "stratplan bench", Seq: 1}
	if err := export.EncodeBundle(&buf, d, p, fixedTime); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkDecodeBundle is the decoder's throughput (MB/s) on one region's
// 5,000-entity bundle.
func BenchmarkDecodeBundle(b *testing.B) {
	data := regionBundle(b, 4, 5000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := export.DecodeBundle(bytes.NewReader(data), "bench.json"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeBundle is the encoder's throughput (MB/s) on the same
// plan.
func BenchmarkEncodeBundle(b *testing.B) {
	data := regionBundle(b, 4, 5000)
	bundle, err := export.DecodeBundle(bytes.NewReader(data), "bench.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := export.EncodeBundle(&out, bundle.Doc, bundle.Producer, bundle.ExportedAt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanBundle is what a first pass of a two-pass decoder would
// cost: the syntax of the whole file checked by jsontext (UTF-8, duplicate
// names, nesting) and its payload hashed, without decoding anything. A
// one-pass decoder does this work as it decodes; a two-pass one pays it on
// top of BenchmarkDecodeBundle.
func BenchmarkScanBundle(b *testing.B) {
	data := regionBundle(b, 4, 5000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		dec := jsontext.NewDecoder(bytes.NewReader(data))
		if _, err := dec.ReadToken(); err != nil {
			b.Fatal(err)
		}
		for dec.PeekKind() != '}' {
			name, err := dec.ReadToken()
			if err != nil {
				b.Fatal(err)
			}
			payload := name.String() == "payload"
			v, err := dec.ReadValue()
			if err != nil {
				b.Fatal(err)
			}
			if payload {
				sha256.Sum256(v)
			}
		}
	}
}

// BenchmarkTokens is the floor of a token-by-token decoder: every token of
// the file read with jsontext, and nothing done with it.
func BenchmarkTokens(b *testing.B) {
	data := regionBundle(b, 4, 5000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		dec := jsontext.NewDecoder(bytes.NewReader(data))
		for {
			k := dec.PeekKind()
			var err error
			if k == '"' || k == '0' {
				_, err = dec.ReadValue()
			} else {
				_, err = dec.ReadToken()
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
