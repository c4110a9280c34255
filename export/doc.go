// Package export translates plans to and from the files that leave and
// enter the app: bundles (encoding, strict decoding, signatures), CSV lists
// of participants and survey answers. It reads from io.Reader and writes to
// io.Writer; it knows nothing of paths or dialogs.
package export
