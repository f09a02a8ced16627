package markup

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// strongLead parses **…** on one line when the text inside has no * and
// does not start or end with a space. CommonMark's flanking rules leave
// "**改造提升能源產業。**抓好" unclosed, because the closing ** follows
// punctuation and precedes a letter; in Chinese, with no spaces between
// words, that is exactly where a bold lead-in ends.
type strongLead struct{}

func (strongLead) Trigger() []byte { return []byte{'*'} }

func (strongLead) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("**")) || bytes.HasPrefix(line, []byte("***")) {
		return nil
	}
	rest := line[2:]
	end := bytes.Index(rest, []byte("**"))
	if end <= 0 {
		return nil
	}
	inner := rest[:end]
	if bytes.ContainsAny(inner, "*\n") || inner[0] == ' ' || inner[len(inner)-1] == ' ' {
		return nil
	}
	n := ast.NewEmphasis(2)
	start := seg.Start + 2
	n.AppendChild(n, ast.NewTextSegment(text.NewSegment(start, start+end)))
	block.Advance(2 + end + 2)
	return n
}
