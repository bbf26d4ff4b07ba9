package credcheck.main_test

import data.credcheck.main

# Two rules' findings: one on the headline, one on its copy in sentence 2.
rules := {
	"hedge": {"hearsay-hedge": {"report": [{"sentence": 0, "message": "headline"}, {"sentence": 2, "message": "copy"}]}},
	"machine": {"repeated-headline": {"report": [{"sentence": 2, "message": "repeats"}]}},
}

doc := {"headline": 0, "repeats": [{"sentence": 2, "of": 0}]}

test_quiet_on_findings_inside_a_repeated_copy if {
	f := main.findings with data.credcheck.rules as rules with input as doc
	{[x.rule, x.sentence] | some x in f} == {["hearsay-hedge", 0], ["repeated-headline", 2]}
}

test_fires_on_every_finding_without_repeats if {
	f := main.findings with data.credcheck.rules as rules with input as {"headline": 0, "repeats": []}
	count(f) == 3
}
