// Package envlocale makes a C.UTF-8 locale read as English before any
// other package starts. Fyne resolves the user's language while it
// initialises and logs an error for "C.UTF-8" (Debian's default); this
// package is its own module with a path that sorts before fyne.io, so Go
// initialises it first and the app starts quietly, in English.
package envlocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if strings.HasPrefix(v, "C.") {
				os.Setenv("LANGUAGE", "en")
			}
			return
		}
	}
}
