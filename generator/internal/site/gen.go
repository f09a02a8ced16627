package site

// gen is a map of results that a Builder keeps from one build to the next:
// only what the last build used survives it, so a preview server that
// rebuilds for hours, through every version of a page an editor saves,
// keeps one build's worth. Its users hold the Builder's lock.
type gen[K comparable, V any] struct{ prev, next map[K]V }

// get returns the value for k, which this build then keeps.
func (g *gen[K, V]) get(k K) (V, bool) {
	if v, ok := g.next[k]; ok {
		return v, true
	}
	v, ok := g.prev[k]
	if ok {
		g.put(k, v)
	}
	return v, ok
}

func (g *gen[K, V]) put(k K, v V) {
	if g.next == nil {
		g.next = make(map[K]V, len(g.prev)) // a build mostly uses what the last one did
	}
	g.next[k] = v
}

// flip ends a build: after one that succeeded, what it did not use is
// dropped; after a failed one, nothing is (the editor's next save usually
// restores what the failed build did not reach).
func (g *gen[K, V]) flip(ok bool) {
	if ok {
		g.prev, g.next = g.next, nil
	}
}

// size is how many values are kept, for the tests.
func (g *gen[K, V]) size() int {
	n := len(g.next)
	for k := range g.prev {
		if _, ok := g.next[k]; !ok {
			n++
		}
	}
	return n
}
