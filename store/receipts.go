package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"stratplan"
)

// bucketReceipts keeps a receipt of every bundle imported into the file,
// in the order imported. Older files lack it until their first import.
var bucketReceipts = []byte("receipts")

// KeepReceipts records that the bundles the receipts describe were
// imported.
func (s *Store) KeepReceipts(rs []stratplan.Receipt) error {
	if len(rs) == 0 {
		return nil
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketReceipts)
		if err != nil {
			return err
		}
		for _, r := range rs {
			n, err := b.NextSequence()
			if err != nil {
				return err
			}
			v, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if err := b.Put(binary.BigEndian.AppendUint64(nil, n), v); err != nil {
				return err
			}
		}
		return nil
	})
}

// Receipts returns the receipts of the bundles imported into the file,
// oldest first.
func (s *Store) Receipts() ([]stratplan.Receipt, error) {
	var out []stratplan.Receipt
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketReceipts)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var r stratplan.Receipt
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("the record of imported bundles is damaged (the plan itself is not): %w", err)
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}
