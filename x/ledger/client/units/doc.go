// Package units lets commands take amounts in people's units: display units
// of a community's currency ("12.5", "12.5KGA") or its base units with their
// denom ("125000cc/1/KGA"), and members by @username. The ledger's and the
// ads' commands share it.
package units
