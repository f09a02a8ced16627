package serve

import (
	"path"
	"strings"
)

// ignoredPath reports whether a source path (slash-separated) is noise an
// editor or a tool leaves next to real files: version control directories and
// temporary, swap and backup files. The list is the union of what hugo and
// zola skip, less vim's write probe "4913": a name of digits may be a real
// directory (2024/), and the probe is gone before the watcher settles, which
// drops paths that neither exist nor existed.
func ignoredPath(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case ".git", ".hg", ".svn", "node_modules":
			return true
		}
	}
	return ignoredName(path.Base(p))
}

func ignoredName(name string) bool {
	switch {
	case name == "" || name == ".DS_Store":
		return true
	case strings.HasSuffix(name, "~"): // vim, emacs, gedit backups
		return true
	case strings.HasPrefix(name, ".#"), // emacs lock
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), // emacs auto-save
		strings.HasPrefix(name, ".goutputstream-"),                   // GNOME
		strings.HasPrefix(name, ".sb-"),                              // Byword
		strings.Contains(name, "___jb_"):                             // JetBrains ___jb_tmp___, ___jb_old___
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swn", ".swx", // vim swap
		".tmp", ".bck", ".kate-swp", ".crdownload", ".part":
		return true
	}
	return false
}
