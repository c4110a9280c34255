// Command stratplan runs strategic-planning workshops: without a
// subcommand it opens the window; its subcommands work without one.
package main

import (
	_ "envlocale" // first of all: a C.UTF-8 locale reads as English
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
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
		{"new", "FILE [--title T] [--example | --from IN.json]", "create a plan file (never overwrites one); --example fills it with the example plan; --from starts from the plan in a bundle someone sent", runNew},
		{"export", "FILE --bundle OUT.json [--sign] | --pdf OUT.pdf [--workshop ID] [--paper a4|letter] [--lang en|fr|es] | --xlsx OUT.xlsx",
			"write the plan as a bundle to send to another laptop, a workshop report (PDF) or a spreadsheet", runExport},
		{"report", "-o OUT.pdf IN.json... [--paper a4|letter] [--lang en|fr|es]", "merge bundles in memory and write the consolidated report (PDF)", runReport},
		{"status", "FILE [--json] [--region CODE]", "the monitoring summary: per objective, actions done and indicators on track, at risk, off track or without data", runStatus},
		{"import", "FILE IN.json... [--require-signed] [--adopt]", "merge bundles into the plan file (all or nothing, after a backup); --adopt brings in the workshops of another plan's bundles", runImport},
		{"merge", "-o OUT.json IN.json...", "merge bundles into one bundle, without a plan file", runMerge},
		{"validate", "IN.json...", "check bundles; one line per file; exit 1 if any is refused", runValidate},
		{"keys", "[trust PLAN KEY --label L --region R | untrust PLAN KEY | list PLAN]", "show your public key; trust or untrust other people's keys", runKeys},
		{"restore", "FILE [BACKUP]", "replace a damaged plan file with its latest backup (or BACKUP); the damaged file is kept beside it", runRestore},
		{"help", "", "show this help", func(_ []string, stdout, _ io.Writer) error { usage(stdout); return nil }},
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "stratplan %s — strategic-planning workshops, offline\n\nUsage:\n", version)
	fmt.Fprintf(w, "  stratplan [FILE]\n      open the window on FILE (default: the plan in your data folder)\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace("stratplan "+c.name+" "+c.args), c.about)
	}
	fmt.Fprintf(w, "\nExit status: 0 success, 1 bad input (the message names the file), 2 wrong usage.\n")
}

func main() {
	os.Exit(run(os.Args[1:], terminal{os.Stdout}, terminal{os.Stderr}))
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
		if len(args) > 1 || len(args[0]) > 0 && args[0][0] == '-' || looksLikeCommand(args[0]) {
			fmt.Fprintf(stderr, "stratplan: unknown command or option %q\n\n", args[0])
			usage(stderr)
			return 2
		}
	}
	return exit(runGUI(args, stderr), stderr)
}

// looksLikeCommand tells a mistyped command ("exprot") from a plan file to
// open: a bare word that names no file.
func looksLikeCommand(arg string) bool {
	if strings.ContainsAny(arg, `./\`) {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}

func exit(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var se *silentError
	if errors.As(err, &se) {
		return 1
	}
	fmt.Fprintln(stderr, "stratplan:", err)
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}
