// Package stratplan holds the domain of strategic planning workshops: the
// mergeable plan document (every field a multi-value register, merged as
// docs/bundle-format.md says), the kinds of entities a plan holds with their
// validation, and the figures derived from them.
//
// It imports no GUI, storage or PDF library: store/, export/ and ui/
// translate between this package and those.
package stratplan
