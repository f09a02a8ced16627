package site

import "testing"

// TestExtensionOrder: the priorities run in the order markdown lists the
// extensions, so the list there is the pipeline.
func TestExtensionOrder(t *testing.T) {
	t.Parallel()
	for i := 1; i < len(extensionOrder); i++ {
		if extensionOrder[i-1] >= extensionOrder[i] {
			t.Errorf("extension %d (priority %d) does not run after extension %d (priority %d)", i, extensionOrder[i], i-1, extensionOrder[i-1])
		}
	}
}
