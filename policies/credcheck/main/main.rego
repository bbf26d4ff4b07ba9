# METADATA
# title: Entry point
# description: |
#   Collects the findings of every rule under data.credcheck.rules, built-in
#   or added from a user's policy directory, and labels each with the rule's
#   category and name. Rules switched off in configuration
#   (data.credcheck.config.disabled) are left out.
package credcheck.main

# METADATA
# title: All findings
# description: Every finding of every enabled rule, labelled with its category and rule name.
# entrypoint: true
findings contains finding if {
	some category, name
	some found in data.credcheck.rules[category][name].report
	not disabled[name]
	finding := object.union(found, {"category": category, "rule": name})
}

default disabled := {}

disabled := data.credcheck.config.disabled
