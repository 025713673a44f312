package e2e

import (
	"fmt"
	"os"
	"strings"
)

// SetTOML sets key in [section] ("" for the top level) of a TOML file that
// kizunad wrote, keeping everything else as it is. value is written verbatim.
func SetTOML(path, section, key, value string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(data), "\n")
	current := ""
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]") {
			current = strings.Trim(trimmed, "[]")
			continue
		}
		if current != section {
			continue
		}
		name, _, found := strings.Cut(trimmed, "=")
		if found && strings.TrimSpace(name) == key {
			lines[i] = key + " = " + value
			return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
		}
	}
	return fmt.Errorf("%s: no key %q in section [%s]", path, key, section)
}
