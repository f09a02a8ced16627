// Package chart turns ```chart blocks in Markdown into accessible inline SVG
// charts at build time, from the figures dataset (package figures). No
// JavaScript and no charting library run in the reader's browser.
//
// A chart block names figures by id:
//
//	```chart
//	id: energy
//	kind: compare
//	title: 原煤與發電量：2023年實績和2024年目標
//	subtitle: 原煤億噸，發電量億千瓦時
//	panels: unit
//	figures: coal-2023, coal-2024, power-2023, power-2024
//	```
//
// Keys: id (lower-case ASCII, used as the anchor chart-{id}), kind, title,
// subtitle, figures (comma- or space-separated, or one "- id" per line),
// sort (desc, asc or none), panels (unit: one scale per unit instead of an
// error for mixed units), note (a line under the chart), and
// "label <figure-id>: text" to rename the row of a figure. Lines starting
// with # are comments.
//
// Kinds:
//   - bar: one horizontal bar per figure, label above its bar.
//   - compare: one row per measure with a solid bar for the 2023 outturn and
//     a hatched, outlined bar for the 2024 target, each labelled in words.
//   - part: a whole and its parts (其中 …) in one bar per unit, with shares.
//
// Every chart renders as <figure class="chart" id="chart-{id}"> with a
// title, a subtitle, an <svg role="group"> named by the title and described by <desc> (not role="img", whose
// children are presentational: the bars are links), a source
// line linking each paragraph, and a <details> data table. Each bar links
// to the paragraph that states it.
package chart
