# METADATA
# title: Byline does not match the structured data
# description: |
#   The page's structured data (JSON-LD author, else the author meta tag)
#   names a person the visible byline does not: the page tells search
#   engines and aggregators one author and readers another, as happens
#   when copy is republished under a new name or a byline is invented.
#   Names are compared by surname, case folded, so "J. Roe" matches "Jane
#   Roe"; only declared authors of two to four words count as persons
#   (an outlet named as author is not a mismatch). A page with no visible
#   byline is left to editorial/no-byline.
# related_resources:
#   - ref: https://schema.org/author
#     description: schema.org — author
#   - ref: https://developers.google.com/search/docs/appearance/structured-data/article#author-bp
#     description: Google Search Central — author markup best practices (the markup should name the visible author)
# custom:
#   category: editorial
#   severity: warning
#   weight: 3
#   input: [headline, page, paragraphs, sentences]
#   why: When the named author differs between the page and its metadata, one of them is wrong, and the reader cannot tell who wrote the piece.
#   examples:
#     fires: A page whose byline reads "By Jane Roe" and whose JSON-LD names "Tom Vale" as author.
#     quiet: A page whose byline reads "By J. Roe" and whose JSON-LD names "Jane Roe".
package credcheck.rules.editorial["byline-mismatch"]

import data.credcheck.lib.page

report contains finding if {
	input.page.byline != ""
	some name in persons
	not shown(name)
	finding := object.union(page.byline_at, {
		"cue": name,
		"message": sprintf("the page's structured data names %s as author, but the byline reads %q", [name, input.page.byline]),
	})
}

persons contains name if {
	some name in input.page.declared_authors
	n := count(split(trim_space(name), " "))
	n >= 2
	n <= 4
}

shown(name) if {
	surname := lower(regex.replace(name, `^.*\s`, ""))
	words := {lower(trim(w, ".,;:()")) | some w in split(input.page.byline, " ")}
	surname in words
}
