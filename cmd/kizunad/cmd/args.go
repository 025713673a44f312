package cmd

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// AutoCLI parses positional arguments as flags named by their index, so a
// bad recipient is reported as `invalid argument "xyz" for "--1" flag`.
var positionalFlagError = regexp.MustCompile(`^invalid argument "(.*)" for "--(\d+)" flag: (?s)(.*)$`)

// argName matches the names of positional arguments in a command's Use:
// "transfer [community-id] [recipient] [amount]".
var argName = regexp.MustCompile(`[\[<]([^\]>]+)[\]>]`)

// nameArguments makes the errors of every command's arguments name the
// argument by the name its usage line gives it.
func nameArguments(root *cobra.Command) {
	root.SetFlagErrorFunc(negativeNumberError)
	walk(root, func(cmd *cobra.Command) {
		if cmd.RunE == nil {
			return
		}
		run := cmd.RunE
		cmd.RunE = func(cmd *cobra.Command, args []string) error {
			return namePositionalError(cmd, run(cmd, args))
		}
	})
}

// namePositionalError rewrites AutoCLI's error about its index-named
// argument flags into one about the argument.
func namePositionalError(cmd *cobra.Command, err error) error {
	if err == nil {
		return nil
	}
	m := positionalFlagError.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	var index int
	if _, scanErr := fmt.Sscan(m[2], &index); scanErr != nil {
		return err
	}
	name := fmt.Sprintf("argument %d", index+1)
	if names := usageArgs(cmd); index < len(names) {
		name = names[index]
	}
	return fmt.Errorf("invalid %s %q: %s", name, m[1], m[3])
}

// usageArgs returns the names of a command's positional arguments, from
// its usage line.
func usageArgs(cmd *cobra.Command) []string {
	var names []string
	for _, m := range argName.FindAllStringSubmatch(cmd.Use, -1) {
		name := strings.TrimSuffix(m[1], "...")
		names = append(names, strings.ReplaceAll(name, "-", " "))
	}
	return names
}

// negativeNumber is an argument that cobra takes for a flag: "-5".
var negativeNumber = regexp.MustCompile(`^unknown shorthand flag: '\d' in (-\d\S*)$`)

// negativeNumberError turns cobra's "unknown shorthand flag: '5' in -5" for
// a negative number among the arguments into an error that names the
// argument; other flag errors stand.
func negativeNumberError(cmd *cobra.Command, err error) error {
	m := negativeNumber.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	// The flag parser keeps the arguments it read before the failure: the
	// negative number is the next one.
	index := len(cmd.Flags().Args())
	name := fmt.Sprintf("argument %d", index+1)
	if names := usageArgs(cmd); index < len(names) {
		name = names[index]
	}
	cmd.SilenceUsage = true
	return fmt.Errorf("invalid %s %q: must be positive (a negative number reads as a flag)", name, m[1])
}
