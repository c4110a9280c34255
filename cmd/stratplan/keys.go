package main

import (
	"crypto/ed25519"
	"flag"
	"fmt"
	"io"
	"os"

	"stratplan"
	"stratplan/store"
)

func runKeys(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		k, err := store.OwnKey()
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, store.EncodeKey(k.Public().(ed25519.PublicKey)))
		return nil
	}
	fs := flag.NewFlagSet("keys", flag.ContinueOnError)
	label := fs.String("label", "", "whose key it is, e.g. \"Aminata Traoré, WCA facilitator\"")
	region := fs.String("region", "", "the region this person speaks for (code, name or id)")
	pos, err := parse(fs, args[1:], stderr)
	if err != nil {
		return err
	}
	use := &usageError{msg: "usage: stratplan keys [trust PLAN KEY --label L [--region R] | untrust PLAN KEY | list PLAN]\n(KEY is a file holding a key that 'stratplan keys' printed, or the key itself)"}
	switch args[0] {
	case "list":
		if len(pos) != 1 {
			return use
		}
	case "trust", "untrust":
		if len(pos) != 2 {
			return use
		}
	default:
		return use
	}
	s, err := store.Open(pos[0], nil)
	if err != nil {
		return err
	}
	defer s.Close()
	switch args[0] {
	case "list":
		ks, err := s.TrustedKeys()
		if err != nil {
			return err
		}
		if len(ks) == 0 {
			fmt.Fprintln(stdout, "this plan trusts no keys yet")
		}
		for _, k := range ks {
			fmt.Fprintf(stdout, "%s  %s  %s\n", store.EncodeKey(k.Key), stratplan.Printable(k.Label), stratplan.Printable(regionName(s.Doc(), k.Region)))
		}
		return nil
	case "trust":
		key, err := readKey(pos[1])
		if err != nil {
			return err
		}
		reg, err := findRegion(s.Doc(), *region)
		if err != nil {
			return err
		}
		if err := s.Trust(stratplan.TrustedKey{Key: key, Label: *label, Region: reg}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "trusted %s as %s\n", stratplan.KeyFingerprint(key), *label)
		return nil
	default:
		key, err := readKey(pos[1])
		if err != nil {
			return err
		}
		if err := s.Untrust(key); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "no longer trusted: %s\n", stratplan.KeyFingerprint(key))
		return nil
	}
}

// readKey reads a key from a file, or takes the argument as the key.
func readKey(arg string) (ed25519.PublicKey, error) {
	text := arg
	if f, err := os.Open(arg); err == nil {
		// A key file holds 44 characters and perhaps a comment: a few
		// kilobytes at most are read, whatever the file is.
		b, err := io.ReadAll(io.LimitReader(f, 4096))
		f.Close()
		if err == nil {
			text = string(b)
		}
	}
	k, err := store.ParseKey(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", arg, err)
	}
	return k, nil
}

func findRegion(doc *stratplan.Document, want string) (string, error) {
	if want == "" {
		return "", nil
	}
	r, ok := doc.FindRegion(want)
	if !ok {
		return "", fmt.Errorf("this plan has no region %q: use one of %s", want, doc.RegionCodes())
	}
	return r.E.ID, nil
}

func regionName(doc *stratplan.Document, id string) string {
	if id == "" {
		return "any region"
	}
	if e := doc.Entity(id); e != nil {
		return e.Str("name")
	}
	return id
}
