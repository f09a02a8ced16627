// Package figures finds the quantities a report states and keeps them as a
// reviewed dataset, so charts, tables and downloads all come from one file
// that editors can correct and the build can check against the text.
//
// Extract reads paragraphs and returns every number with a unit (2.33億噸,
// 增長7.2%, 825萬千瓦, 1—2家 …) together with the noun phrase it measures,
// whether it is a 2023 outturn (part 一) or a 2024 target (part 二), its
// type (level, growth, share), qualifiers (以上, 左右, 力爭, 突破 …) and the
// exact source phrase. Which figures a report charts, their readable ids
// (coal-2023), measures and notes are the editors' data in the dataset
// file, not Go: import writes the extracted dataset once, for a new report,
// and editors curate it (see content.ImportFigures).
//
// The dataset file (content/figures.tsv) is tab-separated with a header and
// one figure per line, columns:
//
//	id  para  phrase  measure  value  unit  year  kind  type  qualifier  note
//
// Validate checks every line against the report: the phrase must still be in
// its paragraph and the last number-with-unit in the phrase must equal value
// and unit, so text and chart cannot drift apart. Errors read path:line.
package figures
