package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"syscall"
)

// portTries is how many following ports are tried when the port is busy,
// before asking the system for any free port on the same host.
const portTries = 10

// listen opens addr. An empty host means 127.0.0.1. When the port is busy
// and exact is false, it tries the next ports and then port 0 — always on the
// same host, so a busy port never widens the exposure (hugo falls back to
// all interfaces).
func listen(addr string, exact bool, log io.Writer) (net.Listener, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("address %q: bad port", addr)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, portStr))
	if err == nil || exact || port == 0 || !errors.Is(err, syscall.EADDRINUSE) {
		return ln, err
	}
	for next := port + 1; next <= min(port+portTries, 65535); next++ {
		if ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(next))); err == nil {
			fmt.Fprintf(log, "preview: port %d is busy; using %d\n", port, next)
			return ln, nil
		}
	}
	ln, err = net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err == nil {
		fmt.Fprintf(log, "preview: ports %d-%d are busy; using %d\n", port, port+portTries, ln.Addr().(*net.TCPAddr).Port)
	}
	return ln, err
}

// browseURL is the URL to open for a listener: an unspecified address
// (0.0.0.0, ::) is shown as 127.0.0.1, which reaches it from this machine.
func browseURL(a *net.TCPAddr) string {
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(a.Port)) + "/"
}
