package srcfs

import (
	"io/fs"
	"slices"
	"strings"
)

// sortEntries orders a listing by name, as fs.ReadDir promises.
func sortEntries(ents []fs.DirEntry) {
	slices.SortFunc(ents, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
}
