// Package seal encrypts message payloads end to end for the members of a
// thread, in a format the web app (tweetnacl) and Go clients both read, and
// derives each member's X25519 messaging key from its account key.
//
// A sealed payload is
//
//	"KZM1"                    4 bytes, the format's magic
//	ephemeral public key      32 bytes, fresh for every payload
//	nonce                     24 bytes, random
//	n                         1 byte, the number of recipients (1..255)
//	n boxes                   48 bytes each: NaCl box (X25519, XSalsa20-Poly1305)
//	                          of the 32-byte content key, from the ephemeral
//	                          key to one recipient's public key, with nonce
//	body                      NaCl secretbox of the text with the content key
//	                          and nonce (16 bytes of tag + the text)
//
// A reader opens the box made for its key (trying each: boxes do not say
// whom they are for, so the payload does not list the thread's readers)
// and then the body. The sender is a recipient too, so it reads its own
// messages on any device. Nodes see the sizes and nothing else; the
// transaction's signature says who sent it.
package seal

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/curve25519"
	"golang.org/x/crypto/nacl/box"
	"golang.org/x/crypto/nacl/secretbox"
)

// Magic starts every sealed payload.
const Magic = "KZM1"

const (
	keySize     = 32
	nonceSize   = 24
	boxSize     = keySize + box.Overhead
	headerSize  = len(Magic) + keySize + nonceSize + 1
	maxReaders  = 255
	contentSize = keySize
)

// Errors of Open and Seal.
var (
	// ErrNotSealed is returned for a payload that is not in this format:
	// plaintext posted by a client that does not encrypt.
	ErrNotSealed = errors.New("the payload is not sealed")
	// ErrNotForKey is returned when no box of the payload opens with the key:
	// it was sealed before the key was published, or for other readers.
	ErrNotForKey = errors.New("the payload is not sealed for this key")
	// ErrCorrupt is returned for a payload whose box opens but whose body
	// does not.
	ErrCorrupt = errors.New("the sealed payload is corrupt")
)

// Size is the size of a payload sealing text bytes for readers keys.
func Size(readers, text int) int {
	return headerSize + readers*boxSize + secretbox.Overhead + text
}

// IsSealed reports whether a payload is in this format.
func IsSealed(payload []byte) bool {
	return len(payload) >= headerSize && string(payload[:len(Magic)]) == Magic
}

// Seal encrypts text for readers, the X25519 public keys of the thread's
// members (the sender's included). Randomness comes from crypto/rand.
func Seal(text []byte, readers [][keySize]byte) ([]byte, error) {
	return SealWith(rand.Reader, text, readers)
}

// SealWith is Seal with the randomness (ephemeral key, nonce, content key,
// in that order) read from random; tests pass fixed bytes to reproduce
// vectors.
func SealWith(random io.Reader, text []byte, readers [][keySize]byte) ([]byte, error) {
	if len(readers) == 0 || len(readers) > maxReaders {
		return nil, fmt.Errorf("a payload is sealed for 1 to %d readers, not %d", maxReaders, len(readers))
	}
	var ephSecret [keySize]byte
	var nonce [nonceSize]byte
	var content [contentSize]byte
	for _, b := range [][]byte{ephSecret[:], nonce[:], content[:]} {
		if _, err := io.ReadFull(random, b); err != nil {
			return nil, fmt.Errorf("randomness: %w", err)
		}
	}
	ephPublic, err := curve25519.X25519(ephSecret[:], curve25519.Basepoint)
	if err != nil {
		return nil, err
	}

	out := make([]byte, 0, Size(len(readers), len(text)))
	out = append(out, Magic...)
	out = append(out, ephPublic...)
	out = append(out, nonce[:]...)
	out = append(out, byte(len(readers)))
	for i := range readers {
		if _, err := curve25519.X25519(ephSecret[:], readers[i][:]); err != nil {
			return nil, fmt.Errorf("reader %d: %w", i, err)
		}
		out = box.Seal(out, content[:], &nonce, &readers[i], &ephSecret)
	}
	return secretbox.Seal(out, text, &nonce, &content), nil
}

// Open decrypts a sealed payload with the reader's X25519 secret key.
func Open(payload []byte, secret [keySize]byte) ([]byte, error) {
	if !IsSealed(payload) {
		return nil, ErrNotSealed
	}
	var ephPublic [keySize]byte
	var nonce [nonceSize]byte
	copy(ephPublic[:], payload[len(Magic):])
	copy(nonce[:], payload[len(Magic)+keySize:])
	n := int(payload[headerSize-1])
	boxes := payload[headerSize:]
	if n == 0 || len(boxes) < n*boxSize+secretbox.Overhead {
		return nil, ErrCorrupt
	}
	var shared [keySize]byte
	box.Precompute(&shared, &ephPublic, &secret)
	for i := range n {
		content, ok := box.OpenAfterPrecomputation(nil, boxes[i*boxSize:(i+1)*boxSize], &nonce, &shared)
		if !ok {
			continue
		}
		var key [contentSize]byte
		copy(key[:], content)
		text, ok := secretbox.Open(nil, boxes[n*boxSize:], &nonce, &key)
		if !ok {
			return nil, ErrCorrupt
		}
		return text, nil
	}
	return nil, ErrNotForKey
}

// PublicKey returns the X25519 public key of a secret key.
func PublicKey(secret [keySize]byte) ([keySize]byte, error) {
	var pub [keySize]byte
	p, err := curve25519.X25519(secret[:], curve25519.Basepoint)
	if err != nil {
		return pub, err
	}
	copy(pub[:], p)
	return pub, nil
}
