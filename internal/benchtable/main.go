// Command benchtable measures every bar of the design and prints one
// table: the bar, what was measured, the ratio or figure it is judged on,
// and whether it passes. Data comes from a seeded generator (internal/gen),
// never from committed files. `make bench` runs it.
//
// Whole commands are timed from outside, several runs each, and their
// medians compared (wall time, and peak memory from the operating system's
// accounting of the finished child); in-process figures come from the Go
// benchmarks of the packages concerned.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"stratplan/export"
	"stratplan/internal/gen"
	"stratplan/store"
)

var (
	runs  = flag.Int("runs", 5, "runs of each whole command (medians are reported)")
	quick = flag.Bool("quick", false, "skip the slow rows (the window's memory, the kill and merge-law tests)")
	seed  = flag.Int64("seed", 1, "the generator's seed")
	keep  = flag.Bool("keep", false, "keep the generated files and say where they are")
	only  = flag.String("only", "", "measure only these groups, comma-separated: merge, hostile, reports, go, window, tests")
)

// want reports whether a group of rows is to be measured.
func want(group string) bool {
	if *only == "" {
		return !*quick || group != "window" && group != "tests"
	}
	for _, g := range strings.Split(*only, ",") {
		if strings.TrimSpace(g) == group {
			return true
		}
	}
	return false
}

type row struct {
	bar, measured, figure string
	pass                  *bool // nil: not measured here
	note                  string
}

var table []row

func add(bar, measured, figure string, ok bool) {
	table = append(table, row{bar: bar, measured: measured, figure: figure, pass: &ok})
}

func skip(bar, why string) { table = append(table, row{bar: bar, note: why}) }

func main() {
	if len(os.Args) > 2 && os.Args[1] == "-spawn" {
		spawn(os.Args[2:])
		return
	}
	flag.Parse()
	dir, err := os.MkdirTemp("", "stratplan-bench")
	check(err)
	if *keep {
		say("keeping the generated files in %s", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	os.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))

	bin := filepath.Join(dir, "stratplan")
	say("building stratplan")
	run("go", "build", "-tags", "migrated_fynedo", "-o", bin, "./cmd/stratplan")

	say("generating six regions' bundles of 5,000 entities (seed %d)", *seed)
	plan := filepath.Join(dir, "consolidated"+store.Ext)
	check(store.Create(plan, nil, nil))
	s, err := store.Open(plan, nil)
	check(err)
	g := gen.Make(gen.Options{Seed: *seed, PlanID: s.Doc().Plan()})
	var bundles []string
	var size int64
	merged := g.Base.Clone()
	for i, d := range g.Regions {
		path := filepath.Join(dir, fmt.Sprintf("%s.json", gen.Regions[i].Code))
		f, err := os.Create(path)
		check(err)
		check(export.EncodeBundle(f, d, export.Producer{Replica: fmt.Sprintf("region%d", i), Label: gen.Regions[i].Name, App: "benchtable"}, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)))
		check(f.Close())
		fi, _ := os.Stat(path)
		size += fi.Size()
		bundles = append(bundles, path)
		_, err = merged.Merge(d)
		check(err)
	}
	_, err = s.Merge(merged)
	check(err)
	entities := s.Doc().Len()
	s.Close()

	if want("merge") {
		mergeRows(bin, dir, bundles, size)
	}
	if want("hostile") {
		hostileRow(bin, dir)
	}
	if want("reports") {
		reportRows(bin, dir, plan, bundles)
	}
	if want("go") {
		goBenchRows()
	}
	if want("window") {
		windowMemoryRow(bin, plan, entities)
	}
	if want("tests") {
		testRows()
	}
	if *quick && *only == "" {
		skip("window memory, kill and merge-law rows", "skipped (-quick)")
	}
	print()
}

func mergeRows(bin, dir string, bundles []string, size int64) {
	say("merge vs validate vs jq (%d runs each)", *runs)
	out := filepath.Join(dir, "merged.json")
	validate := measure(append([]string{bin, "validate"}, bundles...)...)
	mergeArgs := append([]string{bin, "merge", "--force", "-o", out}, bundles...)
	merge := measure(mergeArgs...)
	mb := float64(size) / (1 << 20)
	add("merge six 5,000-entity bundles ≤ 2× validate", fmt.Sprintf("%.2f s vs %.2f s (%.1f MB)", merge.wall, validate.wall, mb),
		ratio(merge.wall, validate.wall), merge.wall <= 2*validate.wall)
	if _, err := exec.LookPath("jq"); err == nil {
		jq := measure(append([]string{"jq", "empty"}, bundles...)...)
		add("merge ≤ 0.5× `jq empty` of the same files", fmt.Sprintf("%.2f s vs %.2f s", merge.wall, jq.wall),
			ratio(merge.wall, jq.wall), merge.wall <= 0.5*jq.wall)
	} else {
		skip("merge ≤ 0.5× `jq empty`", "jq is not installed (apt-get install jq)")
	}
	add("merge peak memory < 4× input bytes", fmt.Sprintf("%.0f MB for %.1f MB", merge.peakMB, mb),
		ratio(merge.peakMB, mb), merge.peakMB < 4*mb)
}

func hostileRow(bin, dir string) {
	say("a hostile 20 MiB file")
	path := filepath.Join(dir, "hostile.json")
	var b bytes.Buffer
	b.WriteString(`{"format":"stratplan-bundle","version":1,"payload":{"plan":"p1","exported_at":"2026-11-01T00:00:00.000Z","producer":{"replica":"r1"},"entities":[`)
	for b.Len() < 20<<20 {
		b.WriteString("0,")
	}
	b.WriteString("0]}}")
	check(os.WriteFile(path, b.Bytes(), 0o600))
	m := measure(bin, "validate", path)
	add("a hostile 20 MiB file refused < 1 s and < 100 MB", fmt.Sprintf("%.2f s, %.0f MB", m.wall, m.peakMB),
		fmt.Sprintf("%.2f s", m.wall), m.wall < 1 && m.peakMB < 100)
}

func reportRows(bin, dir, plan string, bundles []string) {
	help, _ := exec.Command(bin, "--help").CombinedOutput()
	example := filepath.Join(dir, "example"+store.Ext)
	run(bin, "new", example, "--example")
	bundle := measure(bin, "export", example, "--force", "--bundle", filepath.Join(dir, "example.json"))
	if bytes.Contains(help, []byte("--pdf")) {
		say("workshop report vs bundle export")
		pdf := measure(bin, "export", example, "--force", "--pdf", filepath.Join(dir, "example.pdf"))
		add("workshop report ≤ 5× bundle export", fmt.Sprintf("%.2f s vs %.2f s, %.0f MB", pdf.wall, bundle.wall, pdf.peakMB),
			ratio(pdf.wall, bundle.wall), pdf.wall <= 5*bundle.wall)
	} else {
		skip("workshop report ≤ 5× bundle export", "no PDF export in this build")
	}
	if bytes.Contains(help, []byte("stratplan report")) {
		say("consolidated report vs merge")
		merge := measure(append([]string{bin, "merge", "--force", "-o", filepath.Join(dir, "m.json")}, bundles...)...)
		rep := measure(append([]string{bin, "report", "--force", "-o", filepath.Join(dir, "all.pdf")}, bundles...)...)
		add("consolidated report of six regions ≤ 5× merge", fmt.Sprintf("%.2f s vs %.2f s, %.0f MB", rep.wall, merge.wall, rep.peakMB),
			ratio(rep.wall, merge.wall), rep.wall <= 5*merge.wall)
	} else {
		skip("consolidated report ≤ 5× merge", "no report command in this build")
	}
}

// goBenchRows runs the packages' Go benchmarks and judges their figures.
func goBenchRows() {
	say("Go benchmarks: store")
	st := goBench("./store/", "^(BenchmarkEdit|BenchmarkBareBoltUpdate|BenchmarkSecondOpener)$", "2s")
	if e, b := st["BenchmarkEdit"], st["BenchmarkBareBoltUpdate"]; e > 0 && b > 0 {
		add("one durable edit ≤ 2× a bare bbolt update", fmt.Sprintf("%.2f ms vs %.2f ms", e/1e6, b/1e6), ratio(e, b), e <= 2*b)
	}
	if o := st["BenchmarkSecondOpener"]; o > 0 {
		add("a second opener is told within 2 s", fmt.Sprintf("%.2f s", o/1e9), fmt.Sprintf("%.2f s", o/1e9), o < 2e9)
	}
	say("Go benchmarks: window")
	ui := goBench("./ui/", "^(BenchmarkOpenLargePlan|BenchmarkBuildStep|BenchmarkConsolidation.*|BenchmarkPrioritiesStep.*)$", "10x")
	if o := ui["BenchmarkOpenLargePlan"]; o > 0 {
		add("open a 30,000-entity plan and show the first step < 1 s", fmt.Sprintf("%.2f s", o/1e9), fmt.Sprintf("%.2f s", o/1e9), o < 1e9)
	}
	var keys []string
	for k := range ui {
		if strings.HasPrefix(k, "BenchmarkBuildStep/") && strings.HasSuffix(k, "/5000") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	worst, worstStep, all := 0.0, "", []string{}
	for _, k := range keys {
		small := ui[strings.TrimSuffix(k, "5000")+"50"]
		if small == 0 {
			continue
		}
		r := ui[k] / small
		step := strings.TrimSuffix(strings.TrimPrefix(k, "BenchmarkBuildStep/"), "/5000")
		all = append(all, fmt.Sprintf("%s %.2f×", step, r))
		if r > worst {
			worst, worstStep = r, step
		}
	}
	if worstStep != "" {
		add("a step with 5,000 items ≤ 2× with 50", strings.Join(all, ", "), fmt.Sprintf("%.2f× (%s)", worst, worstStep), worst <= 2)
	}
	if c, p := ui["BenchmarkConsolidation"], ui["BenchmarkPrioritiesStep"]; c > 0 && p > 0 {
		add("consolidation view ≤ 2× the Priorities step (6 regions × 500 priorities)", fmt.Sprintf("%.0f ms vs %.0f ms", c/1e6, p/1e6), ratio(c, p), c <= 2*p)
	}
}

// windowMemoryRow opens the consolidated plan in the real window under
// Xvfb, visits every step, and reads the process's resident memory.
func windowMemoryRow(bin, plan string, entities int) {
	const bar = "the window with a 30,000-entity plan < 300 MB resident"
	if _, err := exec.LookPath("Xvfb"); err != nil {
		skip(bar, "Xvfb is not installed (make test installs it)")
		return
	}
	say("the window's memory with %d entities", entities)
	display, stop, err := startXvfb()
	if err != nil {
		skip(bar, err.Error())
		return
	}
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	app := exec.CommandContext(ctx, bin, plan)
	app.Env = append(os.Environ(), "DISPLAY="+display)
	check(app.Start())
	defer func() { app.Process.Kill(); app.Wait() }()
	env := append(os.Environ(), "DISPLAY="+display)
	xdo := func(args ...string) {
		c := exec.Command("xdotool", args...)
		c.Env = env
		c.Run()
	}
	if _, err := exec.LookPath("xdotool"); err == nil {
		xdo("search", "--sync", "--name", "^stratplan")
		for _, k := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"} {
			xdo("key", "ctrl+"+k)
			time.Sleep(700 * time.Millisecond)
		}
	} else {
		time.Sleep(8 * time.Second)
	}
	rss, hwm := procMemory(app.Process.Pid)
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", app.Process.Pid)); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "Rss") {
				say("%s", l)
			}
		}
	}
	add(bar, fmt.Sprintf("%d entities: %.0f MB now, %.0f MB at most, every step visited", entities, rss, hwm),
		fmt.Sprintf("%.0f MB", hwm), hwm < 300)
}

func procMemory(pid int) (rss, hwm float64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			hwm = kb / 1024
		}
	}
	return rss, hwm
}

// startXvfb starts a virtual display on a number Xvfb picks itself.
func startXvfb() (string, func(), error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", nil, err
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1366x768x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		return "", nil, err
	}
	w.Close()
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil {
		x.Process.Kill()
		x.Wait()
		return "", nil, errors.New("the virtual display (Xvfb) did not start")
	}
	stop := func() {
		x.Process.Signal(syscall.SIGTERM)
		x.Wait()
	}
	return ":" + strings.TrimSpace(line), stop, nil
}

// testRows runs the tests behind the bars that are counts, not times.
func testRows() {
	say("merge laws")
	out := runOut("go", "test", "-count=1", "-run", "^(TestMergeIs|TestMergeRefusal|TestMergeLaws|TestAcceptedMerge)", "-v", ".")
	passed := strings.Count(out, "--- PASS")
	add("merge laws on ≥ 10,000 random cases each, forgeries included", fmt.Sprintf("%d properties × 10,000 cases passed", passed),
		fmt.Sprintf("%d/6", passed), passed == 6 && !strings.Contains(out, "FAIL"))
	say("killing the process while it saves, 200 times")
	cmd := exec.Command("go", "test", "-count=1", "-run", "^TestKillDuringEditsLosesNothing$", "-v", "./store/")
	cmd.Env = append(os.Environ(), "STRATPLAN_CRASH_ROUNDS=200")
	b, _ := cmd.CombinedOutput()
	m := regexp.MustCompile(`(\d+) rounds, (\d+) edits acknowledged; (\d+) kills landed inside an edit`).FindStringSubmatch(string(b))
	if m == nil {
		add("kill while saving, 200 times: no corrupt file, no acknowledged edit lost", "the test failed", "-", false)
		return
	}
	add("kill while saving, 200 times: no corrupt file, no acknowledged edit lost",
		fmt.Sprintf("%s rounds, %s inside an edit, %s acknowledged edits all kept", m[1], m[3], m[2]), m[1]+" kills", bytes.Contains(b, []byte("--- PASS")))
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(-\d+)?\s+\d+\s+([\d.]+) ns/op`)

// goBench runs Go benchmarks and returns ns/op by name (the GOMAXPROCS
// suffix removed).
func goBench(pkg, pattern, benchtime string) map[string]float64 {
	out := runOut("go", "test", "-tags", "migrated_fynedo", "-run", "^$", "-bench", pattern, "-benchtime", benchtime, pkg)
	res := map[string]float64{}
	for _, l := range strings.Split(out, "\n") {
		if m := benchLine.FindStringSubmatch(l); m != nil {
			v, _ := strconv.ParseFloat(m[3], 64)
			res[m[1]] = v
		}
	}
	return res
}

type measured struct{ wall, peakMB float64 }

// measure runs a command *runs times and returns the medians of its wall
// time and peak resident memory.
//
// Each run goes through a small process of this program (-spawn) that
// starts the command and reports its figures: a process's peak memory
// counts what its parent held when it was started, and this program holds
// the generated plans.
func measure(args ...string) measured {
	self, err := os.Executable()
	check(err)
	var walls, peaks []float64
	for i := 0; i <= *runs; i++ {
		out, err := exec.Command(self, append([]string{"-spawn"}, args...)...).Output()
		check(err)
		var wall, peak float64
		if _, err := fmt.Sscan(string(out), &wall, &peak); err != nil {
			check(fmt.Errorf("%v: %q", args, out))
		}
		if i == 0 {
			continue // warm-up: caches
		}
		walls = append(walls, wall)
		peaks = append(peaks, peak)
	}
	return measured{median(walls), median(peaks)}
}

// spawn runs a command and prints its wall time in seconds and its peak
// resident memory in MB.
func spawn(args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		check(err)
	}
	peak := 0.0
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = float64(ru.Maxrss) / 1024
	}
	fmt.Println(wall, peak)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func print() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "\n| bar | measured | figure | result |\n|---|---|---|---|\n")
	failed := 0
	for _, r := range table {
		res := "not measured: " + r.note
		if r.pass != nil {
			res = "PASS"
			if !*r.pass {
				res = "FAIL"
				failed++
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", r.bar, r.measured, r.figure, res)
	}
	fmt.Fprintf(w, "\n%d cores, seed %d, %d runs per command (medians); %s\n", runtime.NumCPU(), *seed, *runs, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	if failed > 0 {
		fmt.Fprintf(w, "%d bars failed\n", failed)
	}
}

func run(args ...string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	check(cmd.Run())
}

func runOut(args ...string) string {
	b, _ := exec.Command(args[0], args[1:]...).CombinedOutput()
	return string(b)
}

func say(format string, a ...any) { fmt.Fprintf(os.Stderr, "benchtable: "+format+"\n", a...) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}
