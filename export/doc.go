// Package export translates plans to and from the files that leave and
// enter the app: CSV lists today; bundles and PDF reports build on the same
// io.Reader / io.Writer shape. It knows nothing of paths or dialogs.
package export
