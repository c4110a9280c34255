package assets

import _ "embed"

// Reports are set in DejaVu Sans, which covers Latin with every accent,
// Greek, Cyrillic, Arabic (with its presentation forms) and Hebrew. Its
// licence is fonts/LICENSE-DejaVu.txt.

// FontRegular is DejaVu Sans, TrueType.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

// FontBold is DejaVu Sans Bold, TrueType.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte
