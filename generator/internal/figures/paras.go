package figures

import (
	"fmt"

	"edition/generator/internal/report"
)

// Paras lists a report's paragraphs with the contract's ids: opening p0-k,
// part N intro pN-k, subsection M of part N pN-M-k, closing pc-k.
func Paras(r *report.Report) []Para {
	var ps []Para
	for k, p := range r.Opening {
		ps = append(ps, Para{fmt.Sprintf("p0-%d", k+1), p.Text})
	}
	for _, part := range r.Parts {
		for k, p := range part.Intro {
			ps = append(ps, Para{fmt.Sprintf("p%d-%d", part.Num, k+1), p.Text})
		}
		for _, s := range part.Sections {
			for k, p := range s.Paras {
				ps = append(ps, Para{fmt.Sprintf("p%d-%d-%d", part.Num, s.Num, k+1), p.Text})
			}
		}
	}
	for k, p := range r.Closing {
		ps = append(ps, Para{fmt.Sprintf("pc-%d", k+1), p.Text})
	}
	return ps
}
