// Package export translates plans to and from the files that leave and
// enter the app: bundles (encoding, strict decoding, signatures), CSV lists
// of participants and survey answers, PDF reports (laid out page by page
// by its own engine, which the PDF writer and the page previews replay)
// and xlsx spreadsheets. It reads from io.Reader and writes to io.Writer;
// it knows nothing of paths or dialogs.
package export
