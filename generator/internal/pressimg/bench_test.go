package pressimg

import "testing"

// BenchmarkImages draws the fixture charts and cards (go test -bench
// Images): the cost of one image when the cache misses.
func BenchmarkImages(b *testing.B) {
	t := &testing.T{}
	f, ds := fixture(t)
	d := drawing(t, ds, "energy")
	info := chartInfo("energy")
	c := cards["card-part-2-1.png"]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Chart(f, d, info); err != nil {
			b.Fatal(err)
		}
		if _, err := Card(f, c); err != nil {
			b.Fatal(err)
		}
	}
}
