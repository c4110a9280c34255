package stratplan

import "time"

// Receipt records one bundle imported into a plan file: who produced it
// and when, which export of theirs it was, its digest, who signed it and
// whether that key is trusted, and what it changed. The Secretariat's
// consolidation lists them. Receipts belong to the plan file that
// imported the bundles: bundles never carry them.
type Receipt struct {
	File       string    `json:"file"` // the file's base name
	Producer   string    `json:"producer"`
	Label      string    `json:"label"`
	Region     string    `json:"region,omitempty"` // the region id the producer's laptop says it belongs to
	App        string    `json:"app,omitempty"`
	Seq        uint64    `json:"seq"`
	ExportedAt time.Time `json:"exported_at"`
	ImportedAt time.Time `json:"imported_at"`
	Digest     string    `json:"digest"`
	SignerKey  string    `json:"signer_key,omitempty"`   // the signing key's fingerprint; "" when unsigned
	SignerName string    `json:"signer_label,omitempty"` // the trusted key's label
	Trusted    bool      `json:"trusted,omitempty"`
	Stats      struct {
		NewEntities   int `json:"new_entities"`
		UpdatedFields int `json:"updated_fields"`
		NewConflicts  int `json:"new_conflicts"`
	} `json:"stats"`
}

// SetSigner records who signed the bundle.
func (r *Receipt) SetSigner(signer Signer) {
	if signer.Status != Unsigned {
		r.SignerKey = KeyFingerprint(signer.Key)
		r.SignerName = signer.Label
		r.Trusted = signer.Status == TrustedSigner
	}
}

// SetChanges records what the bundle changed.
func (r *Receipt) SetChanges(st MergeStats) {
	r.Stats.NewEntities, r.Stats.UpdatedFields, r.Stats.NewConflicts = st.NewEntities, st.UpdatedFields, st.NewConflicts
}

// Changes returns what the bundle changed when it was imported.
func (r Receipt) Changes() MergeStats {
	return MergeStats{NewEntities: r.Stats.NewEntities, UpdatedFields: r.Stats.UpdatedFields, NewConflicts: r.Stats.NewConflicts}
}
