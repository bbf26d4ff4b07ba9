package checker

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
)

// Pieces the benchmark corpus is assembled from: news-shaped sentences with
// the cues the rules react to (attribution, hedges, quotes, figures,
// machine-favoured words, residue) in realistic proportions.
var (
	corpusCompanies = []string{"Harbor Lines", "Norvale Pharma", "Tessaro Bio", "Brisemark Shipping", "Quillon Foods", "Arden Motors", "Pellham Foods", "Vossberg Steel", "Lumora Media", "Kestrel Air"}
	corpusPeople    = []string{"Maria Okafor", "Tomas Vidal", "Karl Jensen", "Ingrid Maas", "Priya Raman", "Lucas Brandt", "Amara Diallo", "Chen Wei"}
	corpusOutlets   = []string{"The Ledger", "Endpoint Daily", "Autowire", "The Touchline Herald"}
	corpusTemplates = []string{
		"{C} said on {D} it had agreed to buy a stake in {C2} for {M}, a deal that would give it access to new markets.",
		"Revenue rose {P} in the quarter to {M}, the company said in a statement.",
		"{C} has reportedly entered talks with {C2} over a partnership, according to a report by {O}.",
		"\"We expect demand to stay strong through the year,\" said {N}, chief executive of {C}.",
		"Analysts say the move is seen as a pivotal step that underscores the company's strategy.",
		"The deal is expected to close in the fourth quarter, subject to regulatory approval.",
		"{N}, an analyst at Ledger Research, said the price was reasonable given the state of the market.",
		"Shares of {C} fell {P} in early trading on {D}, according to exchange data.",
		"The company plans to open three new plants by 2027 due to rising demand in Asia.",
		"{C} did not respond to a request for comment on the closure.",
		"People familiar with the matter said the talks had stalled over price.",
		"Interestingly, the firm has grappled with supply problems, showcasing a multifaceted approach.",
		"The regulator fined {C} {M} last year for breaching competition rules, records show.",
		"Workers at the plant voted {P} in favour of the agreement, the union said.",
		"It will be the largest acquisition in the sector since 2019.",
		"{C} confirmed the partnership in a filing with the exchange on {D}.",
		"The heartening news comes after a disastrous year for the tech giant.",
		"Officials said the investigation was continuing and declined to give details.",
	}
	// Plain sentences of background and description, which make up most of
	// a news story and carry no cue.
	corpusPlain = []string{
		"The company, founded in 1987, employs about 4,000 people in three countries.",
		"Its factories in the north of the country make parts for trucks and buses.",
		"The two firms have worked together on smaller projects for several years.",
		"The talks began in the spring and continued through the summer.",
		"The plant sits on the edge of the city, next to the river port.",
		"Most of its customers are regional hauliers and public transport operators.",
		"{N} joined {C} in 2015 after a decade at a rival supplier.",
		"The board met on {D} to review the terms of the agreement.",
		"The new line will make electric drive units for city buses.",
		"Competition in the sector has grown as new suppliers enter the market.",
		"The site was previously used as a warehouse for imported steel.",
		"The venture will be based in the capital and run by a joint management team.",
	}
	corpusDays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

// generateCorpus builds n articles of about 20–30 sentences, deterministically.
func generateCorpus(n int) []*article.Article {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	out := make([]*article.Article, n)
	for i := range n {
		var b strings.Builder
		c := pick(corpusCompanies)
		fmt.Fprintf(&b, "%s and %s agree on new venture\n\n", c, pick(corpusCompanies))
		paragraphs := 8 + r.IntN(5)
		for range paragraphs {
			sentences := 2 + r.IntN(2)
			for s := range sentences {
				t := pick(corpusPlain)
				if r.IntN(5) < 2 {
					t = pick(corpusTemplates)
				}
				t = strings.NewReplacer(
					"{C2}", pick(corpusCompanies), "{C}", c, "{N}", pick(corpusPeople), "{O}", pick(corpusOutlets),
					"{D}", pick(corpusDays), "{P}", fmt.Sprintf("%d.%d%%", 1+r.IntN(20), r.IntN(10)),
					"{M}", fmt.Sprintf("$%d.%d billion", 1+r.IntN(9), r.IntN(10)),
				).Replace(t)
				if s > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t)
			}
			b.WriteString("\n\n")
		}
		if i%7 == 0 {
			b.WriteString("Share This Post\n")
		}
		out[i] = &article.Article{ID: fmt.Sprintf("a%04d", i), Path: fmt.Sprintf("corpus/a%04d.txt", i), Format: article.Text, Source: b.String()}
	}
	return out
}
