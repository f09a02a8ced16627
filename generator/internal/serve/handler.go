package serve

import (
	"bytes"
	_ "embed"
	"html"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

//go:embed client.js
var clientJS []byte

// noBuildPage is served, with the overlay, while no build has succeeded yet.
const noBuildPage = `<!doctype html><html lang="zh"><meta charset="utf-8">` +
	`<meta name="viewport" content="width=device-width,initial-scale=1">` +
	`<title>Build failed · 构建失败</title><body></body></html>`

// prefix is reserved for the server's own files; the site cannot use it.
const prefix = "__preview/"

// ServeHTTP serves the current output tree, with the reload script added to
// HTML, and the server's own files under /__preview/.
func (p *Preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if !p.hosts.allow(r.Host) {
		http.Error(w, "preview: this server answers only to localhost and the address it listens on", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rel, ok := cleanPath(r)
	if !ok {
		http.NotFound(w, r)
		return
	}
	switch rel {
	case prefix + "client.js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "client.js", time.Time{}, bytes.NewReader(clientJS))
		return
	case prefix + "events":
		p.serveEvents(w, r)
		return
	}
	if strings.HasPrefix(rel, prefix) {
		http.NotFound(w, r)
		return
	}
	p.serveOutput(w, r, rel)
}

func (p *Preview) serveOutput(w http.ResponseWriter, r *http.Request, rel string) {
	t := p.tree.Load()
	name, f, redirect, candidates := t.lookup(rel)
	if redirect {
		u := *r.URL
		u.Path += "/"
		u.RawPath = ""
		http.Redirect(w, r, u.RequestURI(), http.StatusFound)
		return
	}
	status := http.StatusOK
	if f == nil {
		status = http.StatusNotFound
		f = t.files["404.html"]
		candidates = append(candidates, "404.html")
		if f == nil {
			if p.failure.Load() == nil {
				http.NotFound(w, r)
				return
			}
			f = &file{data: []byte(noBuildPage), ctype: "text/html; charset=utf-8"}
		}
	}
	w.Header().Set("Content-Type", f.ctype)
	if !isHTML(f.ctype) {
		if status == http.StatusOK {
			http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
			return
		}
		writeBody(w, r, status, f.data)
		return
	}
	writeBody(w, r, status, inject(f.data, p.snippet(t.build, candidates)))
}

func writeBody(w http.ResponseWriter, r *http.Request, status int, b []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// snippet is what goes before </body> of every HTML response: the overlay
// while the build is broken, and the client script, told which build and
// which output files this page came from.
func (p *Preview) snippet(build string, files []string) []byte {
	var b bytes.Buffer
	if f := p.failure.Load(); f != nil {
		b.WriteString(f.html)
	}
	b.WriteString(`<script src="/` + prefix + `client.js" data-build="`)
	b.WriteString(html.EscapeString(build))
	b.WriteString(`" data-files="`)
	b.WriteString(html.EscapeString(strings.Join(files, "\n")))
	b.WriteString(`"></script>`)
	return b.Bytes()
}

// inject returns page with add inserted before the last </body>, or at the
// end when there is none. The page itself is not modified.
func inject(page, add []byte) []byte {
	i := lastIndexFold(page, []byte("</body"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

// cleanPath returns the request path without its leading slash, or false
// for anything that could step outside the tree in any encoding: "." or ".."
// segments, backslashes, NUL, or an encoded slash or backslash. Empty
// segments ("a//b") are refused too: no output file has one.
func cleanPath(r *http.Request) (string, bool) {
	raw := strings.ToLower(r.URL.EscapedPath())
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return "", false
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	p = p[1:]
	segs := strings.Split(p, "/")
	for i, s := range segs {
		last := i == len(segs)-1
		if s == "." || s == ".." || (s == "" && !last) {
			return "", false
		}
	}
	return p, true
}

// loopbackHost reports whether a Host header names this machine's loopback
// interface: "localhost", a name under .localhost, or a loopback IP.
func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
