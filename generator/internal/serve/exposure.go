package serve

import (
	"fmt"
	"io"
	"net"
	"os"
	"strings"
)

// hosts is what a request's Host header may name: the loopback names
// always, and the address the server is bound to. Checking Host on every
// bind, not only on loopback, keeps DNS rebinding out of a preview bound
// to a LAN address (a page on evil.example resolving to 192.168.1.5).
type hosts struct {
	names map[string]bool // lower-case host names and IPs, without port
}

// allowedHosts lists the names for a listener on addr. For an unspecified
// address (0.0.0.0, ::) every address of this machine's interfaces is
// allowed, and its host name.
func allowedHosts(addr *net.TCPAddr) hosts {
	h := hosts{names: map[string]bool{}}
	add := func(ip net.IP) { h.names[strings.ToLower(ip.String())] = true }
	add(addr.IP)
	if addr.IP.IsUnspecified() {
		if as, err := net.InterfaceAddrs(); err == nil {
			for _, a := range as {
				if n, ok := a.(*net.IPNet); ok {
					add(n.IP)
				}
			}
		}
		if name, err := os.Hostname(); err == nil {
			h.names[strings.ToLower(name)] = true
		}
	}
	return h
}

// allow reports whether hostport (a Host header) names this server.
func (h hosts) allow(hostport string) bool {
	if loopbackHost(hostport) {
		return true
	}
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.Trim(strings.TrimSuffix(strings.ToLower(host), "."), "[]")
	if ip := net.ParseIP(host); ip != nil {
		host = ip.String()
	}
	return h.names[host]
}

// warnExposed says so when the preview can be reached from other machines:
// it is an editor's tool, with no authentication.
func warnExposed(w io.Writer, addr *net.TCPAddr) {
	switch {
	case addr.IP.IsLoopback():
	case addr.IP.IsUnspecified():
		fmt.Fprintf(w, "preview: WARNING: listening on ALL interfaces (%s): other machines can read the preview; only requests naming this machine are answered\n", addr)
	default:
		fmt.Fprintf(w, "preview: WARNING: listening on %s, not loopback: other machines on that network can read the preview\n", addr)
	}
}
