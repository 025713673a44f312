package types

// MaxSafeTimestamp is the largest timestamp a JavaScript number (and so a
// Kiwistand node) represents exactly: 2^53 - 1. Larger values would be
// rounded by Kiwistand before hashing, so Kizuna refuses them.
const MaxSafeTimestamp uint64 = 1<<53 - 1

// Content is what a Kiwistand client signs: the EIP-712 Message.
type Content struct {
	Title     string
	Href      string
	Type      string
	Timestamp uint64
}

// SignedMessage is a Kiwistand wire message: the content and the signature
// hex string exactly as the client wrote it. The index hashes that string, so
// it is never re-encoded.
type SignedMessage struct {
	Content
	Signature string
}
