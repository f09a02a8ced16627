package terms

import (
	"fmt"
	"os"
	"testing"
)

func TestDbg(t *testing.T) {
	r := readReport(t)
	ps := paras(r)
	anchors := Propose(r.Notes, texts(ps))
	html, uses := convert(t, newMarkdown(Config{Anchors: anchors}), markdown(ps))
	os.WriteFile("/tmp/real.html", []byte(html), 0o644)
	for _, u := range uses {
		fmt.Printf("%d\t%s\t%s\t[%s|%s|%s]\n", u.Note, u.ParaID, u.RefID, u.Before, anchors[u.Anchor].Text, u.After)
	}
}
