# METADATA
# title: Entry point
# description: |
#   Collects the findings of every rule under data.credcheck.rules, built-in
#   or added from a user's policy directory, and labels each with the rule's
#   category and name. Rules switched off in configuration
#   (data.credcheck.config.disabled) are left out, and so are findings in a
#   sentence that only repeats an earlier one (a title the scraper caught
#   twice): the evidence was counted on the first copy, and
#   repeated-headline reports the copy itself.
package credcheck.main

# METADATA
# title: All findings
# description: Every finding of every enabled rule, labelled with its category and rule name.
# entrypoint: true
findings contains finding if {
	some category, name
	some found in data.credcheck.rules[category][name].report
	not disabled[name]
	not in_copy(found, name)
	finding := object.union(found, {"category": category, "rule": name})
}

# METADATA
# description: |
#   Sentences that repeat an earlier sentence word for word. The engine
#   reads this and copy_rules too, so that its faster path drops the same
#   findings as this entry point.
copies := {r.sentence | some r in object.get(input, "repeats", [])}

# METADATA
# description: |
#   Rules whose findings are about the line itself, kept in a copy: the
#   repeated title, and page residue (a "Share This Post" above and below
#   the story is residue twice).
copy_rules := {"repeated-headline", "scraper-residue"}

in_copy(found, name) if {
	not copy_rules[name]
	copies[object.get(found, "sentence", -1)]
}

default disabled := {}

disabled := data.credcheck.config.disabled
