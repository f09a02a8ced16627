// Package serve is the editors' preview server: it builds the site in memory,
// serves the result on a loopback address, watches the source directories and
// pushes changes to open browser tabs over server-sent events.
//
// # What a save does
//
// fsnotify events under Config.Watch (recursively, new directories included)
// are filtered (chmod-only events, editor temporary and backup names) and
// collected until the tree has been quiet for Config.Quiet (30 ms) or
// Config.MaxWait (300 ms) has passed since the first event. Each collected path
// is then read and hashed: a path whose bytes did not change (touch), or a
// temporary file that came and went (atomic save: write temp, rename), is
// dropped, so one save is one rebuild and a burst of saves is one rebuild.
// A half-saved file (empty, or renamed away and not yet rewritten) is held
// until it is written or MaxWait has passed, so a slow save on a busy
// machine does not flash an error. Changes that arrive while a build runs
// are queued for one follow-up build.
//
// Config.Build gets the changed source paths and returns the new output tree.
// The server hashes every output file, swaps the tree atomically (a request
// sees the old tree or the new one, never a mix), and only then sends one
// "change" event listing the output files that differ. Each tab decides for
// itself: a tab whose own file changed reloads and keeps its scroll position;
// a changed stylesheet the page uses is swapped in place without a reload;
// a changed image or script the page uses reloads it; anything else is ignored.
// Only visible tabs keep a stream open (browsers allow about six connections
// per host); a tab that comes back asks for the changes since its build and
// reloads only if its page changed meanwhile, or if the server restarted.
//
// # Failures
//
// A failed build keeps the last good tree in service. The error, with
// path:line and the offending source lines (YAML highlighted in chroma's
// markup by package hilite, other files plain), is printed
// on Config.Log and shown in every tab as an overlay (role="alertdialog");
// pages loaded while the build is broken get the overlay in their HTML, so it
// shows even before the script connects. The next good build removes it.
//
// # What is served
//
// Only the output tree, from memory: no source files, no directory listings,
// no disk access at all. Request paths containing "..", "." segments,
// backslashes, NUL or encoded slashes get 404 whatever their encoding. The
// reload script is added to HTML responses as they are sent (before
// </body>) and served from the reserved prefix /__preview/, so the output
// tree stays byte-identical to a production build. Every response carries
// Cache-Control: no-store.
//
// # Network
//
// The default address is 127.0.0.1:1313; an address without a host means
// 127.0.0.1 too, so the server listens beyond loopback only when given a
// host such as 0.0.0.0. When the port is busy (and Config.ExactAddr is false)
// the next ports on the same host are tried, then any free port on that host.
// On a loopback address, requests whose Host is not a loopback name are
// refused (DNS rebinding), and the event stream refuses other origins.
package serve
