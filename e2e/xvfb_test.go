package e2e_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// xvfbScript is the one way the project starts a virtual display: the
// end-to-end test, the screenshots and the fresh-machine check all use it.
var xvfbScript = filepath.Join("..", "scripts", "xvfb.sh")

// startXvfb gives the test a virtual display of its own and returns its name
// (":N"). The display lives as long as the pipe to the script stays open, so
// it goes away with the test even when the test binary is killed; when the
// test ends normally it also checks that nothing was left behind.
func startXvfb(t *testing.T) string {
	t.Helper()
	cmd := exec.Command(xvfbScript)
	cmd.Env = append(os.Environ(), "XVFB_SCREEN=1280x800x24")
	var errs bytes.Buffer
	cmd.Stderr = &errs
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", xvfbScript, err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	display := strings.TrimSpace(line)
	if !strings.HasPrefix(display, ":") {
		in.Close()
		cmd.Wait()
		t.Fatalf("no virtual display: %s printed %q\n%s", xvfbScript, line, errs.String())
	}
	t.Cleanup(func() {
		in.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("stopping the virtual display: %v\n%s", err, errs.String())
		}
		checkDisplayGone(t, display)
	})
	return display
}

// checkDisplayGone fails when a stopped display left its lock file or
// socket behind: those pile up run after run on a shared machine.
func checkDisplayGone(t *testing.T, display string) {
	t.Helper()
	n := strings.TrimPrefix(display, ":")
	for _, p := range []string{"/tmp/.X" + n + "-lock", "/tmp/.X11-unix/X" + n} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("the virtual display %s left %s behind", display, p)
		}
	}
}

func TestVirtualDisplayIsGoneWhenItsHolderGoes(t *testing.T) {
	need(t, "Xvfb")
	cmd := exec.Command(xvfbScript)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	display := strings.TrimSpace(line)
	n := strings.TrimPrefix(display, ":")
	if _, err := os.Stat("/tmp/.X11-unix/X" + n); err != nil {
		t.Fatalf("the display %q printed by %s has no socket: %v", display, xvfbScript, err)
	}
	// A test binary that dies closes its end of the pipe, as this does.
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%s: %v", xvfbScript, err)
	}
	checkDisplayGone(t, display)
}

func TestVirtualDisplayRunsACommandAndKeepsItsStatus(t *testing.T) {
	need(t, "Xvfb")
	cmd := exec.Command(xvfbScript, "sh", "-c", `echo "$DISPLAY"; exit 3`)
	out, err := cmd.Output()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 3 {
		t.Fatalf("%s sh -c 'exit 3' exited with %v, want status 3", xvfbScript, err)
	}
	display := strings.TrimSpace(string(out))
	if !strings.HasPrefix(display, ":") {
		t.Fatalf("the command saw DISPLAY=%q", display)
	}
	checkDisplayGone(t, display)
}
