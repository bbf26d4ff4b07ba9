package article

import (
	"strings"
	"testing"
)

// furniturePage sets page furniture inside the article's own container,
// where the extractor keeps it: a header with a standfirst, a photo with its caption and credit, a
// time stamp, a related-stories box, a share form, a hidden pop-up and a
// row of links, and a card of links set inside a sentence.
const furniturePage = `<!DOCTYPE html>
<html lang="en"><head><title>Harbour wall repaired</title></head><body>
<article>
<header><h1>Harbour wall repaired</h1><p>Storm damage mended two weeks early</p></header>
<p>Published <time datetime="2026-04-01">1 April 2026, 09:00</time></p>
<figure><img src="wall.jpg" alt=""><figcaption>Workers on the wall in March. Photo: Ana Brandt</figcaption></figure>
<p>The harbour wall that storms breached in January has been rebuilt, the port authority said on Tuesday, two weeks ahead of the schedule it set.</p>
<aside><h3>Related</h3><ul><li><a href="/a">Storm closes harbour</a></li><li><a href="/b">Port budget agreed</a></li></ul></aside>
<p>Repairs cost 2.4 million euros, of which the regional government paid half, according to figures the authority published with its statement.</p>
<nav><a href="/prev">Previous story</a> <a href="/next">Next story</a></nav>
<form><label>Email</label><input type="email"><button>Sign up</button></form>
<p>Fishing boats will return to the inner basin next week, the harbour master said, once divers have checked the foundations of the new wall.</p>
<div style="display: none">Subscribe now and get three months free</div>
<p hidden>Cookie settings saved</p>
<p>The authority's director, <span><a href="/p/moll">Ines Moll</a><span class="card"><a href="/p/moll">Ines Moll</a> <a href="/s1">Port budget agreed</a> <a href="/s2">Harbour closes for storm</a></span></span>, said the wall would last fifty years.</p>
<div><a href="/c">Harbour fees rise for yachts</a> | <a href="/d">New ferry timetable from May</a></div>
<p>Divers inspected the <a href="/wall">new wall</a> and the <a href="/basin">inner basin</a> on Wednesday and found no cracks in either, the port authority added in a second statement.</p>
<p><a href="https://port.example/report.pdf">The authority's report on the repairs</a></p>
</article>
</body></html>`

func TestHTMLLeavesPageFurnitureOutOfTheBody(t *testing.T) {
	as, errs := Parse("harbour.html", HTML, []byte(furniturePage))
	if len(errs) > 0 || len(as) != 1 {
		t.Fatalf("articles %d, errors %v", len(as), errs)
	}
	body := as[0].Page.Body
	for _, kept := range []string{"The harbour wall that storms breached", "Repairs cost 2.4 million euros", "Fishing boats will return",
		"Divers inspected the new wall and the inner basin", "The authority's report on the repairs",
		"The authority's director, Ines Moll, said the wall would last fifty years."} {
		if !strings.Contains(body, kept) {
			t.Errorf("body lost %q:\n%s", kept, body)
		}
	}
	for _, gone := range []string{"Photo: Ana Brandt", "Workers on the wall", "1 April 2026", "Storm closes harbour", "Previous story",
		"Sign up", "Email", "Subscribe now", "Cookie settings",
		"Harbour fees rise", "New ferry timetable", "Port budget agreed", "Storm damage mended"} {
		if strings.Contains(body, gone) || strings.Contains(as[0].Source, gone) {
			t.Errorf("body keeps %q:\n%s", gone, body)
		}
	}
}

// A page that sets its whole text in a <header> keeps it: the header is
// pruned only as the smaller part of the text.
func TestHTMLKeepsATextSetInAHeader(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Ferry fares</title></head><body><article><header>
<p>Ferry fares on the northern route rise by four percent from June, the operator said on Friday, the first rise in three years.</p>
<p>Season tickets keep their price until the end of the year, and children under twelve still travel free on every crossing.</p>
<p>The operator said fuel and crew costs had risen faster than fares since the last increase, according to its annual report.</p>
</header></article></body></html>`
	as, errs := Parse("fares.html", HTML, []byte(page))
	if len(errs) > 0 || len(as) != 1 {
		t.Fatalf("articles %d, errors %v", len(as), errs)
	}
	if body := as[0].Page.Body; !strings.Contains(body, "Ferry fares on the northern route") || !strings.Contains(body, "according to its annual report") {
		t.Errorf("body lost the text set in the header:\n%s", body)
	}
}
