package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"stratplan/assets"
	"stratplan/store"
)

// version is the app's version, as in FyneApp.toml.
const version = "0.1.0"

// parse reads flags that may come before or after the positional
// arguments, as people type them.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, &usageError{msg: err.Error()}
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	title := fs.String("title", "", "the plan's title")
	example := fs.Bool("example", false, "fill the plan with the example")
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &usageError{msg: "usage: stratplan new FILE [--title T] [--example]"}
	}
	path := pos[0]
	if !strings.HasSuffix(path, store.Ext) {
		path += store.Ext
	}
	if err := create(path, *title, *example); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s\n", path)
	return nil
}

// create makes a plan file, empty but for its title, or the example plan.
func create(path, title string, example bool) error {
	return store.Create(path, nil, assets.Seed(title, example))
}
