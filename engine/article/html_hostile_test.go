package article

import (
	"strings"
	"testing"
	"time"
)

// hostilePages are pages built to make a parser or extractor slow, deep or
// large: each must give an article or one error, quickly and without a
// panic, within the size limit every input has.
func hostilePages() map[string]string {
	para := "<p>The council approved the budget on Tuesday, the clerk said in a statement to reporters.</p>"
	return map[string]string{
		"deep divs":          strings.Repeat("<div>", 100_000) + para,
		"deep unclosed b":    strings.Repeat("<b><i><u>", 30_000) + para,
		"deep tables":        strings.Repeat("<table><tr><td>", 20_000) + para,
		"huge attribute":     `<div class="` + strings.Repeat("a", 1<<20) + `">` + para + `</div>`,
		"many attributes":    "<div " + strings.Repeat(`x="1" `, 200_000) + ">" + para + "</div>",
		"script flood":       strings.Repeat("<script>var a = '<p>reportedly</p>';</script>", 60_000) + para,
		"many paragraphs":    strings.Repeat(para, 10_000),
		"many links":         "<p>" + strings.Repeat(`<a href="/x">link</a> `, 20_000) + "</p>",
		"nested lists":       strings.Repeat("<ul><li>item", 20_000) + para,
		"nested quotes":      strings.Repeat("<blockquote>", 20_000) + para,
		"broken json-ld":     `<script type="application/ld+json">` + strings.Repeat("[", 100_000) + `</script>` + para,
		"comment flood":      strings.Repeat("<!-- x -->", 200_000) + para,
		"unterminated":       "<div><p>" + strings.Repeat("text <", 100_000),
		"many elements":      strings.Repeat("<span></span>", 250_000) + para,
		"entities":           "<p>" + strings.Repeat("&amp;&pound;&#x1F600;&bogus;", 100_000) + "</p>",
		"no body text":       "<html><head><title>t</title></head><body><nav><a href=/>Home</a></nav></body></html>",
		"nul and control":    "<p>a\x00b\x01c</p>" + para,
		"invalid utf-8":      "<p>caf\xe9 cr\xe8me</p>" + para,
		"templates in lists": strings.Repeat("<ol start=999999999999><li><template>", 5000) + para,
	}
}

func TestHostilePagesEndQuickly(t *testing.T) {
	for name, page := range hostilePages() {
		if len(page) > DefaultMaxBytes {
			t.Fatalf("%s: %d bytes, over the limit any input has", name, len(page))
		}
		start := time.Now()
		as, errs := Parse("page.html", HTML, []byte(page))
		took := time.Since(start)
		switch {
		case len(as) == 1 && len(errs) == 0:
			if strings.TrimSpace(as[0].Source) == "" {
				t.Errorf("%s: blank article accepted", name)
			}
		case len(as) == 0 && len(errs) == 1:
			if strings.ContainsAny(errs[0].Reason, "\n\r") || errs[0].Path != "page.html" {
				t.Errorf("%s: error %q is not one line naming the page", name, errs[0].Error())
			}
		default:
			t.Errorf("%s: %d articles and %d errors", name, len(as), len(errs))
		}
		t.Logf("%s: %v, %d articles, errors %v", name, took, len(as), errs)
	}
}

func TestHostilePagesAreNamed(t *testing.T) {
	pages := hostilePages()
	for name, want := range map[string]string{
		"deep divs":       "page nested more than 512 elements deep",
		"many elements":   "page of more than 200000 elements",
		"nul and control": "binary data, not text",
	} {
		_, errs := Parse("page.html", HTML, []byte(pages[name]))
		if len(errs) != 1 || errs[0].Reason != want {
			t.Errorf("%s: errors %v, want %q", name, errs, want)
		}
	}
}
