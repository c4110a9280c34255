package stratplan

import (
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
)

// TrustedKey is a signing key a plan file trusts: whose it is and which
// region that person speaks for ("" for any).
type TrustedKey struct {
	Key    ed25519.PublicKey
	Label  string
	Region string // region id
}

// SignerStatus says what is known of who signed a bundle.
type SignerStatus int

// The signer statuses, from least to most assured.
const (
	Unsigned SignerStatus = iota
	UnknownSigner
	TrustedSigner
)

// Signer is what a bundle's signatures prove.
type Signer struct {
	Status  SignerStatus
	Label   string            // the trusted key's label
	Key     ed25519.PublicKey // the key that signed (first trusted one, else the first)
	Warning string            // e.g. a key trusted for one region signing for another
}

// CheckSigner weighs the verified signing keys of a bundle against the
// trusted keys. claimedRegion is the region the bundle's producer says it
// belongs to (a region id, or "").
func CheckSigner(signers []ed25519.PublicKey, trusted []TrustedKey, claimedRegion string, regionName func(id string) string) Signer {
	if len(signers) == 0 {
		return Signer{Status: Unsigned}
	}
	for _, k := range signers {
		for _, t := range trusted {
			if !t.Key.Equal(k) {
				continue
			}
			s := Signer{Status: TrustedSigner, Label: t.Label, Key: k}
			if t.Region != "" && claimedRegion != "" && t.Region != claimedRegion {
				s.Warning = fmt.Sprintf("%s's key is trusted for %s, but the bundle says it comes from %s", t.Label, regionName(t.Region), regionName(claimedRegion))
			}
			return s
		}
	}
	return Signer{Status: UnknownSigner, Key: signers[0]}
}

// String says who signed, in a few words.
func (s Signer) String() string {
	switch s.Status {
	case TrustedSigner:
		return "signed by " + s.Label + " (trusted)"
	case UnknownSigner:
		return "signed by an unknown key " + KeyFingerprint(s.Key)
	}
	return "unsigned"
}

// KeyFingerprint is a short form of a key for people to compare.
func KeyFingerprint(k ed25519.PublicKey) string {
	s := base64.StdEncoding.EncodeToString(k)
	if len(s) > 12 {
		s = s[:12] + "…"
	}
	return s
}

// Preview tells what merging each incoming document, in turn, into d would
// change, without changing d. It returns those figures and the incoming
// documents merged together, ready to merge into d in one step. On an error
// it returns the index of the document that caused it.
func Preview(d *Document, incoming ...*Document) ([]MergeStats, *Document, int, error) {
	work := d.Clone()
	stats := make([]MergeStats, len(incoming))
	var all *Document
	for i, in := range incoming {
		st, err := work.Merge(in)
		if err != nil {
			return nil, nil, i, err
		}
		stats[i] = st
		if all == nil {
			all = in.Clone()
		} else if _, err := all.Merge(in); err != nil {
			return nil, nil, i, err
		}
	}
	if all == nil {
		all = NewDocument(d.plan)
	}
	return stats, all, -1, nil
}

// WithKey adds key to trusted under label, unless it is there already:
// this laptop's own key, which signs what it exports, is trusted so.
func WithKey(trusted []TrustedKey, key ed25519.PublicKey, label string) []TrustedKey {
	for _, t := range trusted {
		if t.Key.Equal(key) {
			return trusted
		}
	}
	return append(trusted[:len(trusted):len(trusted)], TrustedKey{Key: key, Label: label})
}
