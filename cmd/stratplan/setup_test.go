package main

import (
	"os"
	"testing"
)

// TestMain keeps the tests' settings, keys and replica marks in a folder of
// their own, never in the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "stratplan-cmd-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
