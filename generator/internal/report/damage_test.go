package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// sharedReports returns the real reports in ../shared/reports beside the
// repository; it skips when they are absent, and fails under CI.
func sharedReports(t *testing.T) []string {
	t.Helper()
	dir, _ := filepath.Abs("../../..")
	for d := dir; ; d = filepath.Dir(d) {
		files, _ := filepath.Glob(filepath.Join(d, "shared", "reports", "*.txt"))
		if len(files) > 0 {
			return files
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("shared/reports not found beside the repository")
	}
	t.Skip("shared/reports not found beside the repository")
	return nil
}

// loseByte simulates the seed's accident (seed-forensics.md §2): the line
// stored as GBK, one byte lost at pos, read back as CP936 with pairs that
// do not decode dropped whole, and full-width ，；：？！（） folded to ASCII.
func loseByte(line string, pos int) (string, bool) {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(line))
	if err != nil || pos >= len(b) {
		return "", false
	}
	b = append(b[:pos:pos], b[pos+1:]...)
	var out strings.Builder
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			out.WriteByte(b[i])
			i++
			continue
		}
		if i+1 >= len(b) {
			break
		}
		s, err := simplifiedchinese.GBK.NewDecoder().Bytes(b[i : i+2])
		if r := []rune(string(s)); err == nil && len(r) == 1 && r[0] != 0xFFFD && !(r[0] >= 0xE000 && r[0] <= 0xF8FF) {
			out.WriteRune(r[0])
		}
		i += 2
	}
	return folded(out.String()), true
}

// folded is s with full-width ，；：？！（） made ASCII, as the seed's were.
func folded(s string) string {
	return strings.NewReplacer("，", ",", "；", ";", "：", ":", "？", "?", "！", "!", "（", "(", "）", ")").Replace(s)
}

// TestDamageRecall damages copies of the real reports by the seed's
// mechanism, ten sites a report, and measures how many the scan finds, and
// how many warnings it raises on the undamaged reports.
func TestDamageRecall(t *testing.T) {
	files := sharedReports(t)
	tw, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	for _, script := range []string{"Simplified", "Traditional"} {
		sites, found, visible, falseAlarms := damageRecall(t, files, func(b []byte) []byte {
			if script == "Simplified" {
				return b
			}
			s, err := tw.Convert(string(b))
			if err != nil {
				t.Fatal(err)
			}
			return []byte(s)
		})
		t.Logf("%s: damage recall: %d of %d visible damaged sites flagged (%d sites, %d left no trace); %d false alarms on %d undamaged reports", script, found, visible, sites, sites-visible, falseAlarms, len(files))
		// A loss that only swaps in one common character (瞬47人) cannot
		// be told from text by its characters; the rest must be found.
		if visible == 0 || float64(found) < 0.92*float64(visible) {
			t.Errorf("%s: recall %d/%d is below 92%%", script, found, visible)
		}
		if falseAlarms > 0 {
			t.Errorf("%s: %d false alarms on the undamaged reports", script, falseAlarms)
		}
	}
}

func damageRecall(t *testing.T, files []string, conv func([]byte) []byte) (sites, found, visible, falseAlarms int) {
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = conv(data)
		lines, _ := SplitLines(f, data)
		var clean []Line
		for i, l := range lines {
			clean = append(clean, Line{Seed: i + 1, Text: l})
		}
		falseAlarms += len(Scan(f, clean))
		// Ten sites spread over the long lines, each losing the lead byte
		// of a character some way into the line.
		k := 0
		for i, l := range lines {
			if k == 10 || len([]rune(l)) < 80 || i%3 != 0 {
				continue
			}
			b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(l))
			pos := leadByte(b, len(b)/3+k*7)
			dam, ok := loseByte(l, pos)
			if !ok || dam == l {
				continue
			}
			k++
			sites++
			if traceless(l, dam) {
				continue // the loss left nothing a reader could see
			}
			visible++
			if len(Scan(f, []Line{{Seed: i + 1, Text: dam}})) > 0 {
				found++
			} else {
				t.Logf("%s:%d: missed damage: %q", filepath.Base(f), i+1, firstChange(folded(l), dam))
			}
		}
	}
	return sites, found, visible, falseAlarms
}

// leadByte returns the first lead byte of a two-byte character at or after p.
func leadByte(b []byte, p int) int {
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		if i >= p {
			return i
		}
		i += 2
	}
	return 0
}

// traceless reports a loss that only removed characters, such as a lost 。
// at the end of a line: nothing foreign appears.
func traceless(orig, dam string) bool {
	o := []rune(folded(orig))
	d := []rune(dam)
	i := 0
	for _, r := range d {
		for i < len(o) && o[i] != r {
			i++
		}
		if i == len(o) {
			return false
		}
		i++
	}
	return true
}

func firstChange(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	return string(rb[max(0, i-4):min(len(rb), i+12)])
}
