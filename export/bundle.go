package export

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"stratplan"
	"stratplan/internal/sjson"
)

// Bundle format constants.
const (
	Format         = "stratplan-bundle"
	Version        = 1
	MaxBundleBytes = 64 << 20
	MaxEntities    = 1000000
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
	if e.Advice != "" {
		s += ". " + e.Advice
	}
	return s
}

// ErrNewerVersion marks a bundle made by a newer version of stratplan.
var ErrNewerVersion = errors.New("made by a newer version of stratplan")

// Unwrap returns the sentinel the error stands for, if any.
func (e *BundleError) Unwrap() error { return e.Err }

const askAgain = "Ask the sender to export it again"

// EncodeBundle writes doc as a bundle: the payload in canonical order
// (entities by id, fields by name, values by dot), its digest, and a
// signature by each key given.
func EncodeBundle(w io.Writer, doc *stratplan.Document, p Producer, exportedAt time.Time, keys ...ed25519.PrivateKey) error {
	payload := AppendPayload(nil, doc, p, exportedAt)
	sum := sha256.Sum256(payload)
	digest := "sha256:" + hex.EncodeToString(sum[:])
	buf := make([]byte, 0, len(payload)+512)
	buf = append(buf, `{"format":"`+Format+`","version":`+strconv.Itoa(Version)+`,"payload":`...)
	buf = append(buf, payload...)
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
	_, err := w.Write(buf)
	return err
}

// AppendPayload appends the canonical payload of doc.
func AppendPayload(buf []byte, doc *stratplan.Document, p Producer, exportedAt time.Time) []byte {
	buf = append(buf, `{"plan":`...)
	buf = sjson.AppendString(buf, doc.Plan())
	buf = append(buf, `,"exported_at":"`...)
	buf = exportedAt.UTC().AppendFormat(buf, "2006-01-02T15:04:05.000Z")
	buf = append(buf, `","producer":{"replica":`...)
	buf = sjson.AppendString(buf, p.Replica)
	buf = append(buf, `,"label":`...)
	buf = sjson.AppendString(buf, p.Label)
	buf = append(buf, `,"app":`...)
	buf = sjson.AppendString(buf, p.App)
	buf = append(buf, `,"seq":`...)
	buf = strconv.AppendUint(buf, p.Seq, 10)
	buf = append(buf, `},"entities":[`...)
	for i, e := range doc.Entities() {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		buf = stratplan.AppendEntityJSON(buf, e)
	}
	return append(buf, "\n]}"...)
}

// DecodeBundle reads and verifies a bundle, strictly and in this order,
// stopping at the first failure: size, JSON well-formedness (UTF-8, no
// duplicate member names, nesting), envelope members, format and version,
// digest, signatures, then the payload's limits and invariants. name is the
// file's name, for messages.
func DecodeBundle(r io.Reader, name string) (*Bundle, error) {
	fail := func(msg, advice string) error { return &BundleError{File: name, Msg: msg, Advice: advice} }
	data, err := io.ReadAll(io.LimitReader(r, MaxBundleBytes+1))
	if err != nil {
		return nil, fail("cannot be read: "+err.Error(), "")
	}
	if len(data) > MaxBundleBytes {
		return nil, fail(fmt.Sprintf("is larger than %d MiB, the most a bundle may be", MaxBundleBytes>>20), "This is not a stratplan bundle, or it was damaged")
	}
	root, err := sjson.Parse(data, sjson.Limits{MaxDepth: stratplan.MaxDepth, MaxString: stratplan.MaxStringChars})
	if err != nil {
		return nil, fail("is not a valid bundle: "+err.Error(), "This is not a stratplan bundle, or it was damaged on the way; "+askAgain)
	}
	if root.Kind != sjson.Object {
		return nil, fail("is not a stratplan bundle (it is not a JSON object)", "")
	}
	var format, version, payload, digest, sigs *sjson.Node
	for i := range root.Members {
		m := &root.Members[i]
		switch m.Name {
		case "format":
			format = &m.Value
		case "version":
			version = &m.Value
		case "payload":
			payload = &m.Value
		case "digest":
			digest = &m.Value
		case "signatures":
			sigs = &m.Value
		default:
			return nil, fail(fmt.Sprintf("has an unknown member %q in its envelope", m.Name), "It was not written by stratplan, or by a version this one cannot read")
		}
	}
	if format == nil || format.Kind != sjson.String || format.Str != Format {
		return nil, fail("is not a stratplan bundle (its format is not \""+Format+"\")", "")
	}
	if version == nil || version.Kind != sjson.Number {
		return nil, fail("has no version number", "")
	}
	v, err := strconv.Atoi(version.Str)
	if err != nil || v < 1 {
		return nil, fail("has an invalid version "+version.Str, "")
	}
	if v > Version {
		return nil, &BundleError{File: name, Err: ErrNewerVersion,
			Msg: fmt.Sprintf("was %s (bundle version %d; this one reads version %d)", ErrNewerVersion, v, Version), Advice: "Update stratplan to import it"}
	}
	if payload == nil || payload.Kind != sjson.Object {
		return nil, fail("has no payload", "")
	}
	if digest == nil || digest.Kind != sjson.String {
		return nil, fail("has no digest", "")
	}
	sum := sha256.Sum256(data[payload.Start:payload.End])
	want := "sha256:" + hex.EncodeToString(sum[:])
	if digest.Str != want {
		return nil, fail("was changed after it was exported (its digest does not match its content)", askAgain+"; do not edit bundles by hand")
	}
	b := &Bundle{Digest: want}
	if sigs != nil {
		if sigs.Kind != sjson.Array {
			return nil, fail("has signatures that are not a list", "")
		}
		for i := range sigs.Elems {
			key, err := checkSignature(&sigs.Elems[i], want)
			if err != nil {
				return nil, fail(fmt.Sprintf("signature %d: %v", i+1, err), askAgain)
			}
			b.Signers = append(b.Signers, key)
		}
	}
	if err := decodePayload(payload, b); err != nil {
		var be *BundleError
		if errors.As(err, &be) {
			be.File = name
			return nil, be
		}
		return nil, fail(err.Error(), askAgain)
	}
	return b, nil
}

func checkSignature(n *sjson.Node, digest string) (ed25519.PublicKey, error) {
	if n.Kind != sjson.Object {
		return nil, errors.New("is not an object with key and sig")
	}
	k, ok1 := n.Get("key")
	s, ok2 := n.Get("sig")
	if !ok1 || !ok2 || len(n.Members) != 2 || k.Kind != sjson.String || s.Kind != sjson.String {
		return nil, errors.New("must have exactly a key and a sig, both base64 strings")
	}
	key, err := base64.StdEncoding.Strict().DecodeString(k.Str)
	if err != nil {
		return nil, errors.New("the key is not base64")
	}
	if len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("the key is %d bytes long; an ed25519 key has %d", len(key), ed25519.PublicKeySize)
	}
	sig, err := base64.StdEncoding.Strict().DecodeString(s.Str)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, errors.New("the signature is not a base64 ed25519 signature")
	}
	if !ed25519.Verify(key, []byte(signedPrefix+digest), sig) {
		return nil, errors.New("does not match the bundle: it was changed after it was signed")
	}
	return key, nil
}

func decodePayload(p *sjson.Node, b *Bundle) error {
	var plan, at, prod, ents *sjson.Node
	for i := range p.Members {
		m := &p.Members[i]
		switch m.Name {
		case "plan":
			plan = &m.Value
		case "exported_at":
			at = &m.Value
		case "producer":
			prod = &m.Value
		case "entities":
			ents = &m.Value
		default:
			return &BundleError{Msg: fmt.Sprintf("the payload has an unknown member %q", m.Name), Advice: "It was not written by stratplan"}
		}
	}
	if plan == nil || plan.Kind != sjson.String || !stratplan.ValidID(plan.Str) {
		return errors.New("the payload has no valid plan id")
	}
	if at == nil || at.Kind != sjson.String {
		return errors.New("the payload has no exported_at time")
	}
	t, err := time.Parse(time.RFC3339Nano, at.Str)
	if err != nil {
		return fmt.Errorf("exported_at %q is not an RFC 3339 time", at.Str)
	}
	b.ExportedAt = t
	if prod == nil || prod.Kind != sjson.Object {
		return errors.New("the payload has no producer")
	}
	if err := decodeProducer(prod, &b.Producer); err != nil {
		return err
	}
	if ents == nil || ents.Kind != sjson.Array {
		return errors.New("the payload has no entities list")
	}
	if len(ents.Elems) > MaxEntities {
		return fmt.Errorf("the payload has %d entities; a bundle may hold %d", len(ents.Elems), MaxEntities)
	}
	doc := stratplan.NewDocument(plan.Str)
	for i := range ents.Elems {
		e, err := stratplan.DecodeEntity(&ents.Elems[i])
		if err != nil {
			var ee *stratplan.EntityError
			if errors.As(err, &ee) {
				return &BundleError{Entity: ee.ID, Field: ee.Field, Msg: ee.Msg, Advice: askAgain}
			}
			return err
		}
		if doc.Entity(e.ID) != nil {
			return &BundleError{Entity: e.ID, Msg: "appears twice", Advice: askAgain}
		}
		if e.Kind == stratplan.KindPlan && e.ID != plan.Str {
			return &BundleError{Entity: e.ID, Msg: "is a plan entity of another plan", Advice: askAgain}
		}
		doc.Put(e)
	}
	b.Doc = doc
	return nil
}

func decodeProducer(n *sjson.Node, p *Producer) error {
	for i := range n.Members {
		m := &n.Members[i]
		switch m.Name {
		case "replica":
			if m.Value.Kind != sjson.String || !stratplan.ValidID(m.Value.Str) {
				return errors.New("the producer's replica id is not valid")
			}
			p.Replica = m.Value.Str
		case "label", "app":
			if m.Value.Kind != sjson.String {
				return fmt.Errorf("the producer's %s must be a string", m.Name)
			}
			if m.Name == "label" {
				p.Label = m.Value.Str
			} else {
				p.App = m.Value.Str
			}
		case "seq":
			s, err := strconv.ParseUint(m.Value.Str, 10, 64)
			if m.Value.Kind != sjson.Number || err != nil {
				return errors.New("the producer's seq must be a whole number")
			}
			p.Seq = s
		default:
			return fmt.Errorf("the producer has an unknown member %q", m.Name)
		}
	}
	if p.Replica == "" {
		return errors.New("the producer has no replica id")
	}
	return nil
}

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
