# METADATA
# title: Page-evidence helpers
# description: |
#   Shared by the page rules, which read input.page: what the page an
#   article was published on shows beside its text (byline, dates, labels,
#   links). input.page exists only for a web page, or for an article whose
#   front matter or record carries a page block, so a rule that reads it
#   through these helpers stays quiet on text that cannot tell.
package credcheck.lib.page

# METADATA
# description: |
#   Where a finding about the whole page points: the headline, else the
#   first sentence.
top := at(input.headline) if input.headline >= 0

else := at(0) if count(input.sentences) > 0

# METADATA
# description: |
#   Where a finding about the byline points: the byline line of the text
#   when it has one, else the top.
byline_at := at(min({i | some i, s in input.sentences; s.zone == "byline"})) if {
	some s in input.sentences
	s.zone == "byline"
} else := top

at(i) := {"sentence": i, "start": input.sentences[i].start, "end": input.sentences[i].end}

# METADATA
# description: The page shows a label of the group (opinion, sponsored, advertising, correction).
labelled(group) if {
	some l in input.page.labels
	l.group == group
}
