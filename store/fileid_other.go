//go:build !unix

package store

// fileKey is empty where files have no stable identity: the binding then
// rests on the machine and the path.
func fileKey(string) string { return "" }
