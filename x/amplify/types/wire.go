package types

import (
	"bytes"
	"encoding/json"
	"maps"
	"math/big"
	"slices"

	"cosmossdk.io/errors"
)

// wireFields are the properties of a Kiwistand wire message; the schema
// allows no other.
var wireFields = []string{"title", "href", "type", "timestamp", "signature"}

// ParseSignedMessageJSON reads a Kiwistand wire message (the JSON object a
// Kiwistand node gossips and serves) and applies the schema's structural
// rules: exactly the five properties, strings where strings are expected and
// an integer timestamp.
func ParseSignedMessageJSON(bz []byte) (SignedMessage, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(bz, &fields); err != nil {
		return SignedMessage{}, errors.Wrap(ErrInvalidMessage, err.Error())
	}
	for _, name := range wireFields {
		if _, ok := fields[name]; !ok {
			return SignedMessage{}, errors.Wrapf(ErrInvalidMessage, "missing property %q", name)
		}
	}
	if len(fields) != len(wireFields) {
		// Sorted, so that the error names the same property every time.
		for _, name := range slices.Sorted(maps.Keys(fields)) {
			if !isWireField(name) {
				return SignedMessage{}, errors.Wrapf(ErrInvalidMessage, "unknown property %q", name)
			}
		}
	}
	var m SignedMessage
	for _, field := range []struct {
		name string
		dst  *string
	}{{"title", &m.Title}, {"href", &m.Href}, {"type", &m.Type}, {"signature", &m.Signature}} {
		raw := fields[field.name]
		if err := json.Unmarshal(raw, field.dst); err != nil || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			return SignedMessage{}, errors.Wrapf(ErrInvalidMessage, "%s must be a string", field.name)
		}
	}
	ts, err := parseIntegerTimestamp(fields["timestamp"])
	if err != nil {
		return SignedMessage{}, err
	}
	m.Timestamp = ts
	return m, nil
}

func isWireField(name string) bool {
	for _, f := range wireFields {
		if f == name {
			return true
		}
	}
	return false
}

// parseIntegerTimestamp accepts a JSON number with an integral value (ajv's
// "integer", which admits 1.7e9 as well as 1700000000) between 0 and 2^53-1.
func parseIntegerTimestamp(raw json.RawMessage) (uint64, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return 0, errors.Wrap(ErrInvalidMessage, "timestamp must be an integer")
	}
	n, ok := v.(json.Number)
	if !ok {
		return 0, errors.Wrap(ErrInvalidMessage, "timestamp must be an integer")
	}
	r, ok := new(big.Rat).SetString(n.String())
	if !ok || !r.IsInt() || r.Sign() < 0 {
		return 0, errors.Wrap(ErrInvalidMessage, "timestamp must be a non-negative integer")
	}
	i := r.Num()
	if !i.IsUint64() || i.Uint64() > MaxSafeTimestamp {
		return 0, errors.Wrap(ErrTimestampInFuture, "timestamp is beyond 2^53-1")
	}
	return i.Uint64(), nil
}
