package stratplan

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"time"
)

// ValidID reports whether s may name a plan, an entity or a replica:
// 1 to 64 characters from A–Z, a–z, 0–9, '_' and '-'.
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// NewID returns a fresh entity or plan id: 32 hex digits, the first 12 of
// which are the creation time in milliseconds, so ids sort roughly by age.
func NewID() string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(time.Now().UnixMilli())<<16)
	if _, err := rand.Read(b[6:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b[:])
}

// NewReplicaID returns a fresh random replica id.
func NewReplicaID() string {
	var b [10]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return "r" + hex.EncodeToString(b[:])
}

// VoteID is the natural id of the vote of voter for target, so that two
// replicas entering the same vote meet as one entity.
func VoteID(voter, target string) string { return naturalID("vote-", voter+"|"+target) }

// MeasurementID is the natural id of the measurement of an indicator for a
// period.
func MeasurementID(indicator, period string) string {
	return naturalID("meas-", indicator+"|"+period)
}

func naturalID(prefix, key string) string {
	sum := sha256.Sum256([]byte(key))
	return prefix + hex.EncodeToString(sum[:])[:32]
}
