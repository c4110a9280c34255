package main

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// beep sounds the end of the workshop timer with what the platform has: a
// system sound on macOS and Windows, the desktop's sound player on Linux.
// Where none is found it stays silent: the timer flashes anyway.
func beep() {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("afplay", "/System/Library/Sounds/Glass.aiff")
	case "windows":
		cmd = exec.Command("rundll32", "user32.dll,MessageBeep")
	default:
		for _, c := range [][]string{
			{"canberra-gtk-play", "-i", "complete"},
			{"paplay", "/usr/share/sounds/freedesktop/stereo/complete.oga"},
			{"aplay", "-q", "/usr/share/sounds/alsa/Front_Center.wav"},
		} {
			if _, err := exec.LookPath(c[0]); err != nil {
				continue
			}
			if last := c[len(c)-1]; strings.HasPrefix(last, "/") {
				if _, err := os.Stat(last); err != nil {
					continue
				}
			}
			cmd = exec.Command(c[0], c[1:]...)
			break
		}
	}
	if cmd == nil {
		return
	}
	if err := cmd.Start(); err == nil {
		go cmd.Wait() // reap it; the sound plays on its own
	}
}
