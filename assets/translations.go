package assets

import "embed"

// Translations holds the app's texts in English, French and Spanish, for
// fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS
