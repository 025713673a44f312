package confusable

// Prototypes returns the mappings of tables.go, source code point to the
// skeleton of its prototype, for the tests.
func Prototypes() map[rune]string {
	out := make(map[rune]string, len(prototypes))
	for _, m := range prototypes {
		out[m.from] = m.to
	}
	return out
}
