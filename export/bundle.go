package export

import (
	"bufio"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"stratplan"
	"stratplan/internal/jsonread"
)

// Bundle format constants.
const (
	Format         = "stratplan-bundle"
	Version        = 1
	MaxBundleBytes = 64 << 20
	MaxEntities    = 1000000
	MaxSignatures  = 16
	signedPrefix   = "stratplan-bundle/1\n"
)

// Producer says which replica wrote a bundle.
type Producer struct {
	Replica string
	Label   string
	App     string
	Seq     uint64 // the producer's count of its exports
}

// Signature is one signature of a bundle, checked.
type Signature struct {
	Key ed25519.PublicKey
}

// Bundle is a decoded, verified bundle.
type Bundle struct {
	Doc        *stratplan.Document
	ExportedAt time.Time
	Producer   Producer
	Digest     string
	Signers    []ed25519.PublicKey // keys whose signatures verified
}

// BundleError says why a bundle was refused: which file, where in it, what
// is wrong, and what to do.
type BundleError struct {
	File   string
	Entity string
	Field  string
	Msg    string
	Offset int64 // of the offending byte in the file; 0 when the whole file is at fault
	Advice string
	Err    error // a sentinel such as ErrNewerVersion, for errors.Is
}

func (e *BundleError) Error() string {
	s := e.File + ": "
	if e.Entity != "" {
		s += "entity " + e.Entity
		if e.Field != "" {
			s += ", field " + e.Field
		}
		s += ": "
	}
	s += e.Msg
	if e.Offset > 0 {
		s += fmt.Sprintf(" (at byte %d)", e.Offset)
	}
	if e.Advice != "" {
		s += ". " + e.Advice
	}
	return s
}

// ErrNewerVersion marks a bundle made by a newer version of stratplan.
var ErrNewerVersion = errors.New("made by a newer version of stratplan")

// ErrChanged marks a bundle changed after it was exported: its digest or a
// signature does not match, or a text editor saved it.
var ErrChanged = errors.New("changed after it was exported")

// Unwrap returns the sentinel the error stands for, if any.
func (e *BundleError) Unwrap() error { return e.Err }

// ErrTooLarge is returned when a plan would make a bundle beyond the limits
// every reader checks.
var ErrTooLarge = errors.New("too large for a bundle")

const (
	askAgain = "Ask the sender to export it again"
	damaged  = "This is not a stratplan bundle, or it was damaged on the way: ask the sender to export it again"
)

// EncodeBundle writes doc as a bundle: the payload in canonical order
// (entities by id, fields by name, values by dot), its digest, and a
// signature by each key given. It writes as it goes, hashing the payload on
// the way, so a large plan is never held twice in memory.
func EncodeBundle(w io.Writer, doc *stratplan.Document, p Producer, exportedAt time.Time, keys ...ed25519.PrivateKey) error {
	// Never write what no laptop would read back: a bundle within the
	// limits every reader checks, or an error and (with an atomic writer)
	// no file.
	if n := doc.Len(); n > MaxEntities {
		return fmt.Errorf("%w: the plan holds %d entities, more than the %d a bundle may carry, so no laptop could read it. Nothing was written; if a bundle imported by mistake made the plan this large, restore the backup made before that import ('stratplan restore')", ErrTooLarge, n, MaxEntities)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	h := sha256.New()
	bw.WriteString(`{"format":"` + Format + `","version":` + strconv.Itoa(Version) + `,"payload":`)
	written := int64(0)
	writePayload(doc, p, exportedAt, func(chunk []byte) {
		written += int64(len(chunk))
		if written > MaxBundleBytes-4096 { // room for the digest and signatures
			return
		}
		h.Write(chunk)
		bw.Write(chunk) // a write error sticks in bw and is returned by Flush
	})
	if written > MaxBundleBytes-4096 {
		return fmt.Errorf("%w: the plan makes a bundle of more than %d MiB, the most a bundle may be, so no laptop could read it. Nothing was written; if a bundle imported by mistake made the plan this large, restore the backup made before that import ('stratplan restore')", ErrTooLarge, MaxBundleBytes>>20)
	}
	digest := "sha256:" + hex.EncodeToString(h.Sum(nil))
	buf := make([]byte, 0, 512)
	buf = append(buf, `,"digest":"`...)
	buf = append(buf, digest...)
	buf = append(buf, `","signatures":[`...)
	for i, k := range keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		sig := ed25519.Sign(k, []byte(signedPrefix+digest))
		buf = append(buf, `{"key":"`...)
		buf = append(buf, base64.StdEncoding.EncodeToString(k.Public().(ed25519.PublicKey))...)
		buf = append(buf, `","sig":"`...)
		buf = append(buf, base64.StdEncoding.EncodeToString(sig)...)
		buf = append(buf, `"}`...)
	}
	buf = append(buf, "]}"...) // no trailing newline: any truncation breaks the file
	bw.Write(buf)
	return bw.Flush()
}

// AppendPayload appends the canonical payload of doc.
func AppendPayload(buf []byte, doc *stratplan.Document, p Producer, exportedAt time.Time) []byte {
	writePayload(doc, p, exportedAt, func(chunk []byte) { buf = append(buf, chunk...) })
	return buf
}

// writePayload gives the canonical payload of doc to write, in order, in
// chunks of some tens of kilobytes. Entities are encoded in blocks on two
// goroutines while write runs on the caller's.
func writePayload(doc *stratplan.Document, p Producer, exportedAt time.Time, write func([]byte)) {
	buf := make([]byte, 0, 512)
	buf = append(buf, `{"plan":`...)
	buf = stratplan.AppendJSONString(buf, doc.Plan())
	buf = append(buf, `,"exported_at":"`...)
	buf = exportedAt.UTC().AppendFormat(buf, "2006-01-02T15:04:05.000Z")
	buf = append(buf, `","producer":{"replica":`...)
	buf = stratplan.AppendJSONString(buf, p.Replica)
	buf = append(buf, `,"label":`...)
	buf = stratplan.AppendJSONString(buf, p.Label)
	buf = append(buf, `,"app":`...)
	buf = stratplan.AppendJSONString(buf, p.App)
	buf = append(buf, `,"seq":`...)
	buf = strconv.AppendUint(buf, p.Seq, 10)
	buf = append(buf, `},"entities":[`...)
	write(buf)

	ents := doc.Entities()
	const block = 256
	blocks := (len(ents) + block - 1) / block
	encode := func(i int, buf []byte) []byte {
		for j, e := range ents[i*block : min((i+1)*block, len(ents))] {
			if i > 0 || j > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, '\n')
			buf = stratplan.AppendEntityJSON(buf, e)
		}
		return buf
	}
	if blocks <= 1 || runtime.GOMAXPROCS(0) < 2 {
		buf = buf[:0]
		for i := range blocks {
			buf = encode(i, buf[:0])
			write(buf)
		}
	} else {
		// At most four blocks are encoded or waiting at a time.
		done := make([]chan []byte, blocks)
		for i := range done {
			done[i] = make(chan []byte, 1)
		}
		free := make(chan []byte, 4)
		for range cap(free) {
			free <- make([]byte, 0, 256<<10)
		}
		go func() {
			for i := range blocks {
				buf := <-free
				go func() { done[i] <- encode(i, buf[:0]) }()
			}
		}()
		for i := range blocks {
			buf := <-done[i]
			write(buf)
			free <- buf
		}
	}
	write([]byte("\n]}"))
}

// DecodeBundle reads and verifies a bundle in one pass, token by token,
// straight into entities: no tree of the file is built and the file is not
// held in memory, and every limit is checked as the part it bounds is read,
// so a hostile file is refused at its first bad token (JSON that is not
// well formed — invalid UTF-8, a duplicate member name, data after the end
// —, anything the format does not have, a limit passed, a rule broken) and
// costs no more memory than what was accepted before it. A bundle that
// reads well is then refused if the SHA-256 of its payload's exact bytes is
// not its digest, or if a signature does not verify. name is the file's
// name, for messages.
func DecodeBundle(r io.Reader, name string) (*Bundle, error) {
	tooLarge := &BundleError{File: name, Msg: fmt.Sprintf("is larger than %d MiB, the most a bundle may be", MaxBundleBytes>>20),
		Advice: "This is not a stratplan bundle, or it was damaged"}
	n := size(r)
	if n > MaxBundleBytes {
		return nil, tooLarge
	}
	buf := 64 << 10
	if n >= 0 {
		buf = int(min(max(n+1, 4<<10), 64<<10))
	}
	br := bufio.NewReaderSize(r, buf)
	if p, _ := br.Peek(len(bom)); string(p) == bom {
		// An editor such as Notepad adds it when it saves a file: the
		// bundle was opened and saved again, and may have been changed.
		return nil, &BundleError{File: name, Err: ErrChanged, Msg: "starts with a byte order mark, which a text editor such as Notepad adds when it saves a file",
			Advice: "A bundle is never edited: import the file as it was exported, or ask the sender to export it again"}
	}
	d := bundleDecoder{r: jsonread.New(stratplan.MaxStringChars)}
	pr := &payloadReader{r: br, h: sha256.New(), dec: d.r}
	d.in = pr
	d.r.ResetReader(pr)
	d.ed = stratplan.NewEntityDecoder(d.r)
	b, err := d.decode()
	if err != nil {
		var be *BundleError
		switch {
		case pr.stop == errTooLarge:
			return nil, tooLarge
		case pr.stop == errTokenTooLong:
			be = &BundleError{Offset: d.r.End(), Msg: fmt.Sprintf("has a string, a number or a run of white space longer than %d MiB, where the format's longest string takes 1.2 MB", maxToken>>20),
				Advice: damaged}
		case pr.err != nil:
			be = &BundleError{Msg: "cannot be read: " + pr.err.Error()}
		case errors.As(err, &be):
		default:
			be = d.wrap(err, "", damaged)
		}
		be.File = name
		return nil, be
	}
	return b, nil
}

// bom is the byte order mark of UTF-8.
const bom = "\ufeff"

// size returns the size of what r reads when r knows it, else -1.
func size(r io.Reader) int64 {
	switch f := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	case interface{ Len() int }:
		return int64(f.Len())
	}
	return -1
}

var (
	errTooLarge     = errors.New("the file is too large")
	errTokenTooLong = errors.New("a token is too long")
)

// maxToken bounds the bytes the decoder may read ahead of the last token it
// returned: a string of MaxStringChars characters, each escaped as a UTF-16
// surrogate pair, takes 1.2 MB; a longer token is refused before it is
// read whole.
const maxToken = 2 << 20

// payloadReader passes a file to the decoder, counting its bytes, and
// keeps the bytes read from offset from onward until the decoder has moved
// past them: those of the payload are hashed on the way, the others
// dropped. It holds what the decoder reads ahead, and no more.
type payloadReader struct {
	r    io.Reader
	dec  *jsonread.Reader
	n    int64  // bytes read so far
	keep []byte // the bytes from offset from that were read
	from int64
	h    hash.Hash
	err  error // the first read error, other than the end of the file
	stop error // errTooLarge or errTokenTooLong once reading stopped
}

func (p *payloadReader) Read(b []byte) (int, error) {
	switch {
	case p.stop != nil:
	case p.n > MaxBundleBytes:
		p.stop = errTooLarge
	case p.n-p.dec.End() > maxToken:
		p.stop = errTokenTooLong
	}
	if p.stop != nil {
		return 0, p.stop
	}
	n, err := p.r.Read(b)
	p.n += int64(n)
	p.keep = append(p.keep, b[:n]...)
	if err != nil && err != io.EOF && p.err == nil {
		p.err = err
	}
	return n, err
}

// drop forgets the bytes before offset off.
func (p *payloadReader) drop(off int64) {
	k := min(off-p.from, int64(len(p.keep)))
	if k <= 0 {
		return
	}
	p.keep = p.keep[:copy(p.keep, p.keep[k:])]
	p.from += k
}

// hash hashes the bytes from offset from to offset off, and forgets them.
func (p *payloadReader) hash(off int64) {
	k := min(off-p.from, int64(len(p.keep)))
	if k > 0 {
		p.h.Write(p.keep[:k])
		p.drop(off)
	}
}

type bundleDecoder struct {
	r  *jsonread.Reader
	in *payloadReader
	ed *stratplan.EntityDecoder
}

// wrap makes a refusal of what the reader or the entity decoder returned.
func (d *bundleDecoder) wrap(err error, prefix, advice string) *BundleError {
	var ee *stratplan.EntityError
	if errors.As(err, &ee) {
		return &BundleError{Entity: ee.ID, Field: ee.Field, Msg: ee.Msg, Offset: ee.Offset, Advice: askAgain}
	}
	var je *jsonread.Error
	if errors.As(err, &je) {
		return &BundleError{Msg: prefix + je.Msg, Offset: je.Offset, Advice: advice}
	}
	return &BundleError{Msg: prefix + err.Error(), Offset: d.r.Offset(), Advice: advice}
}

// fail refuses the bundle at the next token.
func (d *bundleDecoder) fail(msg, advice string) *BundleError {
	return &BundleError{Msg: msg, Offset: d.r.Offset(), Advice: advice}
}

// failLast refuses the bundle at the last string or number read.
func (d *bundleDecoder) failLast(msg, advice string) *BundleError {
	return &BundleError{Msg: msg, Offset: d.r.Last(), Advice: advice}
}

// kindIs checks that the next token is of kind k; otherwise it refuses the
// bundle, saying what the format wants there (what).
func (d *bundleDecoder) kindIs(k jsontext.Kind, what string) error {
	got := d.r.Kind()
	if got == k {
		return nil
	}
	if got == 0 {
		return d.wrap(d.r.Token(), "", damaged)
	}
	return d.fail(fmt.Sprintf("%s, not %s", what, jsonread.KindName(got)), askAgain)
}

// begin reads the '{' or '[' that opens what the format wants next.
func (d *bundleDecoder) begin(k jsontext.Kind, what string) error {
	if err := d.kindIs(k, what); err != nil {
		return err
	}
	return d.wrap0(d.r.Token())
}

// more reports whether the object or list being read goes on.
func (d *bundleDecoder) more() (bool, error) {
	more, err := d.r.More()
	return more, d.wrap0(err)
}

// str reads a string the format wants (what says which).
func (d *bundleDecoder) str(what string) ([]byte, error) {
	if err := d.kindIs(jsonread.String, what); err != nil {
		return nil, err
	}
	s, err := d.r.Str()
	return s, d.wrap0(err)
}

func (d *bundleDecoder) wrap0(err error) error {
	if err == nil {
		return nil
	}
	return d.wrap(err, "", damaged)
}

type entityKey struct{ kind, id string }

type signature struct {
	n        int
	key, sig []byte
}

func (d *bundleDecoder) decode() (*Bundle, error) {
	r := d.r
	if k := r.Kind(); k != jsonread.Object {
		if k == 0 && d.in.n == 0 && d.in.err == nil {
			return nil, &BundleError{Msg: "is empty", Advice: "This is not a stratplan bundle, or it was cut short: " + lower(askAgain)}
		}
		if k == 0 {
			return nil, d.wrap(r.Token(), "", damaged)
		}
		return nil, &BundleError{Msg: "is not a stratplan bundle (it is not a JSON object)"}
	}
	if err := r.Token(); err != nil {
		return nil, d.wrap0(err)
	}
	b := &Bundle{}
	var (
		hasFormat, hasVersion, hasPayload bool
		digest, want                      string
		sigs                              []signature
	)
	for {
		more, err := d.more()
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		d.in.drop(r.Offset()) // nothing before this member is hashed
		name, err := d.str("a member name must be a string")
		if err != nil {
			return nil, err
		}
		switch string(name) {
		case "format":
			s, err := d.str("the format must be \"" + Format + "\"")
			if err != nil {
				return nil, err
			}
			if string(s) != Format {
				return nil, &BundleError{Msg: "is not a stratplan bundle (its format is not \"" + Format + "\")"}
			}
			hasFormat = true
		case "version":
			if err := d.kindIs(jsonread.Number, "the version must be a whole number"); err != nil {
				return nil, err
			}
			num, err := r.Number()
			if err != nil {
				return nil, d.wrap0(err)
			}
			v, err := strconv.Atoi(string(num))
			if err != nil || v < 1 {
				return nil, d.failLast("has an invalid version "+quoteNumber(num), "")
			}
			if v > Version {
				return nil, &BundleError{Err: ErrNewerVersion, Offset: r.Last(),
					Msg: fmt.Sprintf("was %s (bundle version %d; this one reads version %d)", ErrNewerVersion, v, Version), Advice: "Update stratplan to import it"}
			}
			hasVersion = true
		case "payload":
			d.in.drop(r.Offset())
			d.in.h.Reset()
			if err := d.payload(b); err != nil {
				return nil, err
			}
			d.in.hash(r.End())
			want = "sha256:" + hex.EncodeToString(d.in.h.Sum(nil))
			hasPayload = true
		case "digest":
			s, err := d.str("the digest must be a string \"sha256:…\"")
			if err != nil {
				return nil, err
			}
			digest = string(s)
		case "signatures":
			if sigs, err = d.signatures(); err != nil {
				return nil, err
			}
		default:
			return nil, d.failLast(fmt.Sprintf("has an unknown member %s in its envelope", quote(name)), "It was not written by stratplan, or by a version this one cannot read")
		}
	}
	if err := r.Finish("the bundle"); err != nil {
		return nil, d.wrap(err, "", damaged)
	}
	switch {
	case !hasFormat:
		return nil, &BundleError{Msg: "is not a stratplan bundle (it has no format \"" + Format + "\")"}
	case !hasVersion:
		return nil, &BundleError{Msg: "has no version number"}
	case !hasPayload:
		return nil, &BundleError{Msg: "has no payload"}
	case digest == "":
		return nil, &BundleError{Msg: "has no digest"}
	case digest != want:
		return nil, &BundleError{Err: ErrChanged, Msg: "was changed after it was exported (its digest does not match its content)", Advice: askAgain + "; do not edit bundles by hand"}
	}
	b.Digest = want
	for _, s := range sigs {
		if !ed25519.Verify(s.key, []byte(signedPrefix+want), s.sig) {
			return nil, &BundleError{Err: ErrChanged, Msg: fmt.Sprintf("signature %d does not match the bundle: it was changed after it was signed", s.n), Advice: askAgain}
		}
		b.Signers = append(b.Signers, ed25519.PublicKey(s.key))
	}
	return b, nil
}

// signatures reads the list of signatures, decoding each; they are
// verified once the digest is known.
func (d *bundleDecoder) signatures() ([]signature, error) {
	if err := d.begin(jsonread.Array, "signatures must be a list"); err != nil {
		return nil, err
	}
	var out []signature
	for {
		more, err := d.more()
		if err != nil {
			return nil, err
		}
		if !more {
			return out, nil
		}
		if len(out) == MaxSignatures {
			return nil, d.fail(fmt.Sprintf("has more than %d signatures, the most a bundle may carry", MaxSignatures), askAgain)
		}
		s := signature{n: len(out) + 1}
		const shape = "must be an object with exactly a key and a sig, both base64 strings"
		if err := d.begin(jsonread.Object, fmt.Sprintf("signature %d %s", s.n, shape)); err != nil {
			return nil, err
		}
		for {
			more, err := d.more()
			if err != nil {
				return nil, err
			}
			if !more {
				break
			}
			name, err := d.str("a member name must be a string")
			if err != nil {
				return nil, err
			}
			switch string(name) {
			case "key":
				k, err := d.str(fmt.Sprintf("signature %d: the key must be a base64 string", s.n))
				if err != nil {
					return nil, err
				}
				if s.key, err = base64.StdEncoding.Strict().DecodeString(string(k)); err != nil {
					return nil, d.failLast(fmt.Sprintf("signature %d: the key is not base64", s.n), askAgain)
				}
				if len(s.key) != ed25519.PublicKeySize {
					return nil, d.failLast(fmt.Sprintf("signature %d: the key is %d bytes long; an ed25519 key has %d", s.n, len(s.key), ed25519.PublicKeySize), askAgain)
				}
			case "sig":
				sig, err := d.str(fmt.Sprintf("signature %d: the sig must be a base64 string", s.n))
				if err != nil {
					return nil, err
				}
				if s.sig, err = base64.StdEncoding.Strict().DecodeString(string(sig)); err != nil || len(s.sig) != ed25519.SignatureSize {
					return nil, d.failLast(fmt.Sprintf("signature %d: the signature is not a base64 ed25519 signature", s.n), askAgain)
				}
			default:
				return nil, d.failLast(fmt.Sprintf("signature %d %s, not %s", s.n, shape, quote(name)), askAgain)
			}
		}
		if s.key == nil || s.sig == nil {
			return nil, d.fail(fmt.Sprintf("signature %d %s", s.n, shape), askAgain)
		}
		out = append(out, s)
	}
}

// payload reads the payload object into b.
func (d *bundleDecoder) payload(b *Bundle) error {
	r := d.r
	if err := d.begin(jsonread.Object, "the payload must be a JSON object"); err != nil {
		return err
	}
	var (
		plan                            string
		hasAt, hasProducer, hasEntities bool
		ents                            []*stratplan.Entity
		seen                            = make(map[entityKey]struct{})
	)
	for {
		more, err := d.more()
		if err != nil {
			return err
		}
		if !more {
			break
		}
		name, err := d.str("a member name must be a string")
		if err != nil {
			return err
		}
		switch string(name) {
		case "plan":
			s, err := d.str("the payload's plan must be the plan's id")
			if err != nil {
				return err
			}
			if !stratplan.ValidID(string(s)) {
				return d.failLast(fmt.Sprintf("the payload has no valid plan id (it is %s)", quote(s)), askAgain)
			}
			plan = string(s)
		case "exported_at":
			s, err := d.str("exported_at must be an RFC 3339 time")
			if err != nil {
				return err
			}
			if b.ExportedAt, err = time.Parse(time.RFC3339Nano, string(s)); err != nil {
				return d.failLast(fmt.Sprintf("exported_at %s is not an RFC 3339 time", quote(s)), askAgain)
			}
			hasAt = true
		case "producer":
			if err := d.producer(&b.Producer); err != nil {
				return err
			}
			hasProducer = true
		case "entities":
			if err := d.begin(jsonread.Array, "the payload's entities must be a list"); err != nil {
				return err
			}
			for {
				more, err := d.more()
				if err != nil {
					return err
				}
				if !more {
					break
				}
				if len(ents) == MaxEntities {
					return d.fail(fmt.Sprintf("the payload has more than %d entities, the most a bundle may hold", MaxEntities), "Split the plan, or ask the sender to export it again")
				}
				start := r.Offset()
				e, err := d.ed.Decode()
				if err != nil {
					return d.wrap(err, "", askAgain)
				}
				key := entityKey{e.Kind, e.ID}
				if _, dup := seen[key]; dup {
					return &BundleError{Entity: e.ID, Msg: fmt.Sprintf("appears twice as a %s", e.Kind), Offset: start, Advice: askAgain}
				}
				seen[key] = struct{}{}
				if plan != "" && e.Kind == stratplan.KindPlan && e.ID != plan {
					return &BundleError{Entity: e.ID, Msg: "is a plan entity of another plan", Offset: start, Advice: askAgain}
				}
				ents = append(ents, e)
				if end := r.End(); end-d.in.from > 64<<10 {
					d.in.hash(end)
				}
			}
			hasEntities = true
		default:
			return d.failLast(fmt.Sprintf("the payload has an unknown member %s", quote(name)), "It was not written by stratplan")
		}
	}
	switch {
	case plan == "":
		return &BundleError{Msg: "the payload has no valid plan id", Advice: askAgain}
	case !hasAt:
		return &BundleError{Msg: "the payload has no exported_at time", Advice: askAgain}
	case !hasProducer:
		return &BundleError{Msg: "the payload has no producer", Advice: askAgain}
	case !hasEntities:
		return &BundleError{Msg: "the payload has no entities list", Advice: askAgain}
	}
	doc := stratplan.NewDocument(plan)
	for _, e := range ents {
		if e.Kind == stratplan.KindPlan && e.ID != plan {
			return &BundleError{Entity: e.ID, Msg: "is a plan entity of another plan", Advice: askAgain}
		}
		doc.Put(e)
	}
	b.Doc = doc
	return nil
}

func (d *bundleDecoder) producer(p *Producer) error {
	r := d.r
	if err := d.begin(jsonread.Object, "the producer must be an object"); err != nil {
		return err
	}
	for {
		more, err := d.more()
		if err != nil {
			return err
		}
		if !more {
			break
		}
		name, err := d.str("a member name must be a string")
		if err != nil {
			return err
		}
		switch string(name) {
		case "replica":
			s, err := d.str("the producer's replica id must be a string")
			if err != nil {
				return err
			}
			if !stratplan.ValidID(string(s)) {
				return d.failLast(fmt.Sprintf("the producer's replica id is not valid (it is %s)", quote(s)), askAgain)
			}
			p.Replica = string(s)
		case "label":
			s, err := d.str("the producer's label must be a string")
			if err != nil {
				return err
			}
			p.Label = string(s)
		case "app":
			s, err := d.str("the producer's app must be a string")
			if err != nil {
				return err
			}
			p.App = string(s)
		case "seq":
			if err := d.kindIs(jsonread.Number, "the producer's seq must be a whole number"); err != nil {
				return err
			}
			num, err := r.Number()
			if err != nil {
				return d.wrap0(err)
			}
			if p.Seq, err = strconv.ParseUint(string(num), 10, 64); err != nil {
				return d.failLast("the producer's seq must be a whole number, not "+quoteNumber(num), askAgain)
			}
		default:
			return d.failLast(fmt.Sprintf("the producer has an unknown member %s", quote(name)), askAgain)
		}
	}
	if p.Replica == "" {
		return &BundleError{Msg: "the producer has no replica id", Advice: askAgain}
	}
	return nil
}

// quote writes a string read from a file for a message, shortened.
func quote(b []byte) string {
	if len(b) > 60 {
		i := 60
		for i > 0 && !utf8.RuneStart(b[i]) {
			i--
		}
		return strconv.Quote(string(b[:i])) + "…"
	}
	return strconv.Quote(string(b))
}

func quoteNumber(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}

func lower(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// Signer weighs the bundle's verified signatures against the keys a plan
// trusts, checking the region its producer claims; region names for
// messages come from the plan, else from the bundle.
func (b *Bundle) Signer(trusted []stratplan.TrustedKey, plan *stratplan.Document) stratplan.Signer {
	claimed := b.Doc.ReplicaInfo(b.Producer.Replica).Region
	return stratplan.CheckSigner(b.Signers, trusted, claimed, func(id string) string {
		if n := plan.RegionName(id); n != id {
			return n
		}
		return b.Doc.RegionName(id)
	})
}
