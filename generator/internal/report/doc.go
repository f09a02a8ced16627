// Package report reads the plain text of a government work report and
// recognises its structure: the front (title, occasion, speaker,
// salutation), the opening, the numbered parts 一、二、…, their subsections
// （一）（二）… (block headings, or inline headings that open a paragraph),
// the closing paragraph and the numbered notes at the end.
//
// Structure is recognised by pattern, never by line number:
//
//   - title: a line ending in 工作報告/工作报告 before the occasion line;
//   - occasion: a line starting with "——";
//   - speaker: a short line of an office and a name (市長 吳秀玲);
//   - salutation: 各位代表：
//   - part: the expected next numeral followed by "、" (一、 then 二、 …);
//   - subsection: the expected next （n） or (n) at the start of a line; a
//     line with no "。" is a block heading, otherwise an inline heading
//     whose lead runs to the first "。";
//   - notes: a heading line such as 《政府工作報告》相關注釋, then notes
//     "N." where N is the expected next number (so "9.3家…" is note 9, not a
//     decimal); any other line continues the current note.
//
// Before recognition the seed is repaired by the recorded corrections
// (see Corrections) and ASCII punctuation inside Chinese prose is made
// full-width (see Punctuate). Every non-empty input line ends up in exactly
// one Unit; Units returns them in reading order with their seed lines.
package report
