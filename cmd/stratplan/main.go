// Command stratplan runs strategic-planning workshops: without a
// subcommand it opens the window; its subcommands work without one.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// usageError is a command line the program cannot understand (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

type command struct {
	name, args, about string
	run               func(args []string, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"new", "FILE [--title T] [--example]", "create a plan file (never overwrites one); --example fills it with the example plan", runNew},
		{"help", "", "show this help", func(_ []string, stdout, _ io.Writer) error { usage(stdout); return nil }},
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "stratplan %s — strategic-planning workshops, offline\n\nUsage:\n", version)
	fmt.Fprintf(w, "  %-44s %s\n", "stratplan [FILE]", "open the window on FILE (default: the plan in your data folder)")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-44s %s\n", "stratplan "+c.name+" "+c.args, c.about)
	}
	fmt.Fprintf(w, "\nExit status: 0 success, 1 bad input (the message names the file), 2 wrong usage.\n")
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "--help", "-help":
			usage(stdout)
			return 0
		case "--version", "version":
			fmt.Fprintln(stdout, "stratplan", version)
			return 0
		}
		for _, c := range commands {
			if c.name == args[0] {
				return exit(c.run(args[1:], stdout, stderr), stderr)
			}
		}
		if len(args) > 1 || len(args[0]) > 0 && args[0][0] == '-' {
			fmt.Fprintf(stderr, "stratplan: unknown command or option %q\n\n", args[0])
			usage(stderr)
			return 2
		}
	}
	return exit(runGUI(args, stderr), stderr)
}

func exit(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "stratplan:", err)
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}
