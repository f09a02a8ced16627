package markup

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxNesting is how many quote and list markers may open one line. The
// report has none (a quote or list is refused anyway); goldmark's time
// grows with the square of the depth (20,000 "- " take 11 s), so a line
// nested deeper is taken as one paragraph and refused, before goldmark
// opens a block per marker.
const maxNesting = 32

// nestingGuard is a block parser tried before goldmark's own at every
// quote or list marker.
type nestingGuard struct{}

func (nestingGuard) Trigger() []byte {
	return []byte{'>', '-', '*', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}
}

func (nestingGuard) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := r.PeekLine()
	if depth(line) <= maxNesting {
		return nil, parser.NoChildren
	}
	n, _ := r.Position()
	addError(pc, n+1, "quotes or lists nested more than %d deep: report text cannot be a quote or list", maxNesting)
	p := ast.NewParagraph()
	p.Lines().Append(seg.TrimRightSpace(r.Source()))
	r.Advance(len(line))
	return p, parser.Close
}

func (nestingGuard) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (nestingGuard) Close(ast.Node, text.Reader, parser.Context)                 {}
func (nestingGuard) CanInterruptParagraph() bool                                 { return true }
func (nestingGuard) CanAcceptIndentedLine() bool                                 { return false }

// depth counts the quote and list markers opening line, stopping early
// once past maxNesting, so the scan is linear in the line.
func depth(line []byte) int {
	d, i := 0, 0
	for d <= maxNesting {
		for sp := 0; sp < 3 && i < len(line) && line[i] == ' '; sp++ {
			i++
		}
		n := marker(line[i:])
		if n == 0 {
			break
		}
		d, i = d+1, i+n
	}
	return d
}

// marker is the length of the quote or list marker starting b, 0 if none.
func marker(b []byte) int {
	space := func(i int) bool { return i >= len(b) || b[i] == ' ' || b[i] == '\t' || b[i] == '\n' }
	switch {
	case len(b) == 0:
		return 0
	case b[0] == '>':
		return 1
	case (b[0] == '-' || b[0] == '*' || b[0] == '+') && space(1):
		return 1
	}
	i := 0
	for i < len(b) && i < 9 && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i > 0 && i < len(b) && (b[i] == '.' || b[i] == ')') && space(i+1) {
		return i + 1
	}
	return 0
}
